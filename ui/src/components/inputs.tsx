// Dash's text and number input, and the draft every text input keeps (Mantine's too, in
// mantine/inputs). `debounce`: false sends every keystroke, true sends on blur or Enter, a
// number waits that many milliseconds after the last keystroke.

import { useEffect, useRef, useState } from "react";
import { NumberInput, TextInput } from "@mantine/core";
import { type ComponentProps, domProps, num, str } from "../props";

export function useDebouncedValue(p: ComponentProps) {
  const external = p.props["value"];
  const [draft, setDraft] = useState<unknown>(external);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setDraft(external), [external]);
  const debounce = p.props["debounce"];
  const commit = (v: unknown, extra: Record<string, unknown> = {}) => {
    if (timer.current) clearTimeout(timer.current);
    p.setProps({ value: v, ...extra });
  };
  const onType = (v: unknown) => {
    setDraft(v);
    if (debounce === true) return;
    if (typeof debounce === "number" && debounce > 0) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => p.setProps({ value: v }), debounce);
      return;
    }
    p.setProps({ value: v });
  };
  const onBlur = () => commit(draft, { n_blur: (num(p.props, "n_blur") ?? 0) + 1 });
  const onEnter = () => commit(draft, { n_submit: (num(p.props, "n_submit") ?? 0) + 1 });
  return { draft, onType, onBlur, onEnter };
}

function Input(p: ComponentProps) {
  const { draft, onType, onBlur, onEnter } = useDebouncedValue(p);
  const common = {
    ...domProps(p),
    label: str(p.props, "label"),
    placeholder: str(p.props, "placeholder"),
    disabled: p.props["disabled"] === true,
    onBlur,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Enter") onEnter();
    },
  };
  if (p.props["type"] === "number") {
    return (
      <NumberInput
        {...common}
        value={typeof draft === "number" ? draft : ""}
        min={num(p.props, "min")}
        max={num(p.props, "max")}
        step={num(p.props, "step")}
        onChange={(v) => onType(typeof v === "number" ? v : null)}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={str(p.props, "type") ?? "text"}
      value={draft === null || draft === undefined ? "" : String(draft)}
      onChange={(e) => onType(e.currentTarget.value)}
    />
  );
}

export const inputComponents = { Input };
