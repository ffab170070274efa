// Dropdown (single, multi, searchable, clearable), checklist and radio items. Options are
// `{label, value}`; values keep their JSON type (Mantine works in strings, so they map back).

import { Checkbox, Group, MultiSelect, Radio, Select, Stack } from "@mantine/core";
import { type ComponentProps, domProps, str } from "../props";

interface Option {
  label: string;
  value: unknown;
  disabled?: boolean;
}

function options(props: Record<string, unknown>): Option[] {
  const raw = props["options"];
  if (!Array.isArray(raw)) return [];
  return raw.map((o) =>
    typeof o === "object" && o !== null
      ? { label: String((o as Option).label ?? (o as Option).value), value: (o as Option).value, disabled: (o as Option).disabled === true }
      : { label: String(o), value: o },
  );
}

function back(opts: Option[], s: string | null): unknown {
  if (s === null) return null;
  const hit = opts.find((o) => String(o.value) === s);
  return hit ? hit.value : s;
}

function Dropdown(p: ComponentProps) {
  const opts = options(p.props);
  const data = opts.map((o) => ({ label: o.label, value: String(o.value), disabled: o.disabled }));
  const common = {
    ...domProps(p),
    data,
    label: str(p.props, "label"),
    placeholder: str(p.props, "placeholder") ?? "Select…",
    searchable: p.props["searchable"] !== false,
    clearable: p.props["clearable"] !== false,
    disabled: p.props["disabled"] === true,
    comboboxProps: { withinPortal: true },
  };
  if (p.props["multi"] === true) {
    const value = Array.isArray(p.props["value"]) ? (p.props["value"] as unknown[]).map(String) : [];
    return <MultiSelect {...common} value={value} onChange={(v) => p.setProps({ value: v.map((s) => back(opts, s)) })} />;
  }
  const v = p.props["value"];
  return (
    <Select
      {...common}
      value={v === null || v === undefined ? null : String(v)}
      onChange={(s) => p.setProps({ value: back(opts, s) })}
      allowDeselect={false}
    />
  );
}

function Checklist(p: ComponentProps) {
  const opts = options(p.props);
  const value = Array.isArray(p.props["value"]) ? (p.props["value"] as unknown[]).map(String) : [];
  const Wrap = p.props["inline"] === true ? Group : Stack;
  return (
    <Checkbox.Group {...domProps(p)} label={str(p.props, "label")} value={value} onChange={(v) => p.setProps({ value: v.map((s) => back(opts, s)) })}>
      <Wrap gap="xs" mt={4}>
        {opts.map((o) => (
          <Checkbox key={String(o.value)} value={String(o.value)} label={o.label} disabled={o.disabled} />
        ))}
      </Wrap>
    </Checkbox.Group>
  );
}

function RadioItems(p: ComponentProps) {
  const opts = options(p.props);
  const v = p.props["value"];
  const Wrap = p.props["inline"] === true ? Group : Stack;
  return (
    <Radio.Group {...domProps(p)} label={str(p.props, "label")} value={v === null || v === undefined ? null : String(v)} onChange={(s) => p.setProps({ value: back(opts, s) })}>
      <Wrap gap="xs" mt={4}>
        {opts.map((o) => (
          <Radio key={String(o.value)} value={String(o.value)} label={o.label} disabled={o.disabled} />
        ))}
      </Wrap>
    </Radio.Group>
  );
}

export const choiceComponents = { Dropdown, Checklist, RadioItems };
