// Slider and range slider. Dash's default `updatemode` is "mouseup": the value is sent when
// the user lets go; "drag" sends while dragging.

import { useEffect, useState } from "react";
import { Input, RangeSlider as MantineRange, Slider as MantineSlider } from "@mantine/core";
import { type ComponentProps, num, str } from "../props";
import { mantineProps } from "./mantine/kit";

/** What the wrapper sets itself; Mantine's own props (color, size, labelAlwaysOn, ...) pass. */
const HANDLED = ["value", "min", "max", "step", "marks", "label", "pushable", "minRange", "disabled"];

/** Dash's marks (`{"5": "five"}`) or Mantine's (`[{value: 5, label: "five"}]`). */
function marks(props: Record<string, unknown>) {
  const raw = props["marks"];
  if (Array.isArray(raw)) return raw as { value: number; label?: string }[];
  if (typeof raw !== "object" || raw === null) return undefined;
  return Object.entries(raw as Record<string, unknown>).map(([k, v]) => ({
    value: Number(k),
    label: typeof v === "object" && v !== null ? String((v as { label?: unknown }).label ?? k) : String(v),
  }));
}

/** The value shown while dragging, and when it is sent: on release, or while dragging when
 * `updatemode` is "drag". `key` says when the value from Rust changed. */
function useDraft<T>(p: ComponentProps, external: T, key: string) {
  const [draft, setDraft] = useState(external);
  useEffect(() => setDraft(external), [key]);
  const drag = p.props["updatemode"] === "drag";
  return {
    value: draft,
    onChange: (v: T) => {
      setDraft(v);
      if (drag) p.setProps({ value: v });
    },
    onChangeEnd: (v: T) => drag || p.setProps({ value: v }),
  };
}

function Slider(p: ComponentProps) {
  const external = num(p.props, "value") ?? num(p.props, "min") ?? 0;
  const draft = useDraft(p, external, String(external));
  return (
    <Input.Wrapper label={str(p.props, "label")}>
      <MantineSlider
        {...mantineProps("Slider", p, HANDLED)}
        {...draft}
        min={num(p.props, "min") ?? 0}
        max={num(p.props, "max") ?? 100}
        step={num(p.props, "step") ?? 1}
        marks={marks(p.props)}
        disabled={p.props["disabled"] === true}
        mb={marks(p.props) ? "lg" : undefined}
      />
    </Input.Wrapper>
  );
}

function RangeSlider(p: ComponentProps) {
  const raw = p.props["value"];
  const min = num(p.props, "min") ?? 0;
  const max = num(p.props, "max") ?? 100;
  const external: [number, number] = Array.isArray(raw) && raw.length === 2 ? [Number(raw[0]), Number(raw[1])] : [min, max];
  const draft = useDraft(p, external, external.join(","));
  return (
    <Input.Wrapper label={str(p.props, "label")}>
      <MantineRange
        {...mantineProps("RangeSlider", p, HANDLED)}
        {...draft}
        min={min}
        max={max}
        // Dash lets the handles meet unless `pushable` sets a least distance (Mantine's
        // default of 10 would push them apart on small ranges).
        minRange={num(p.props, "minRange") ?? num(p.props, "pushable") ?? 0}
        step={num(p.props, "step") ?? 1}
        marks={marks(p.props)}
        disabled={p.props["disabled"] === true}
        mb={marks(p.props) ? "lg" : undefined}
      />
    </Input.Wrapper>
  );
}

export const sliderComponents = { Slider, RangeSlider };
