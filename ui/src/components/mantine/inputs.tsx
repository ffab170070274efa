// Inputs with dmc's names and props. Text inputs keep a draft while typing and send it as
// `debounce` says (see ../inputs); choices send `value`, toggles `checked`. A Checkbox, Chip
// or Radio inside its group leaves its state to the group, as in Mantine.

import { createContext, useContext, type ComponentType } from "react";
import {
  Autocomplete, Checkbox, Chip, ColorInput, FileInput, MultiSelect, NumberInput, PasswordInput, Radio, Rating,
  SegmentedControl, Select, Switch, TagsInput, TextInput,
} from "@mantine/core";
import { DateInput, DatePickerInput } from "@mantine/dates";
import { type ComponentProps, num } from "../../props";
import { useDebouncedValue } from "../inputs";
import { readAsDataUrl } from "../utility";
import { loose, mantineProps, passThrough } from "./kit";

/** Dropdowns open in a portal, above cards and modals. */
const inPortal = { comboboxProps: { withinPortal: true } };

/** Whether a toggle is inside its group, which then owns its state. */
const InGroup = createContext(false);

function textInput(kind: string, Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    const { draft, onType, onBlur, onEnter } = useDebouncedValue(p);
    return (
      <Loose
        {...mantineProps(kind, p, ["value"])}
        value={draft === null || draft === undefined ? "" : String(draft)}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onType(e.currentTarget.value)}
        onBlur={onBlur}
        onKeyDown={(e: React.KeyboardEvent) => {
          if (e.key === "Enter" && kind !== "Textarea") onEnter();
        }}
      />
    );
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

function DdPasswordInput(p: ComponentProps) {
  const { draft, onType, onBlur, onEnter } = useDebouncedValue(p);
  return (
    <PasswordInput
      {...mantineProps("PasswordInput", p, ["value", "visible"])}
      value={typeof draft === "string" ? draft : ""}
      visible={p.props["visible"] === true}
      onVisibilityChange={(visible) => p.setProps({ visible })}
      onChange={(e) => onType(e.currentTarget.value)}
      onBlur={onBlur}
      onKeyDown={(e) => e.key === "Enter" && onEnter()}
    />
  );
}

function DdNumberInput(p: ComponentProps) {
  const { draft, onType, onBlur, onEnter } = useDebouncedValue(p);
  return (
    <NumberInput
      {...mantineProps("NumberInput", p, ["value"])}
      value={typeof draft === "number" || typeof draft === "string" ? draft : ""}
      onChange={(v) => onType(v === "" ? null : v)}
      onBlur={onBlur}
      onKeyDown={(e) => e.key === "Enter" && onEnter()}
    />
  );
}

/** A component whose one user-changed prop comes back from Mantine's `onChange` as is. */
function chosen(kind: string, Mantine: unknown, empty: unknown, extra: Record<string, unknown> = {}) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    const v = p.props["value"];
    return (
      <Loose
        {...extra}
        {...mantineProps(kind, p, ["value"])}
        value={v === undefined ? empty : v}
        onChange={(value: unknown) => p.setProps({ value: value === undefined ? null : value })}
      />
    );
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

function toggle(kind: string, Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    const grouped = useContext(InGroup);
    const own = grouped
      ? {}
      : {
          checked: p.props["checked"] === true,
          onChange: (e: unknown) =>
            p.setProps({ checked: typeof e === "boolean" ? e : (e as React.ChangeEvent<HTMLInputElement>).currentTarget.checked }),
        };
    return <Loose {...mantineProps(kind, p, ["checked"])} {...own} />;
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

function group(kind: string, Mantine: unknown, empty: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    const v = p.props["value"];
    return (
      <InGroup.Provider value={true}>
        <Loose {...mantineProps(kind, p, ["value"])} value={v ?? empty} onChange={(value: unknown) => p.setProps({ value })} />
      </InGroup.Provider>
    );
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

function DdChipGroup(p: ComponentProps) {
  const multiple = p.props["multiple"] === true;
  const v = p.props["value"];
  const value = multiple ? (Array.isArray(v) ? v : []) : typeof v === "string" ? v : null;
  return (
    <InGroup.Provider value={true}>
      <Chip.Group multiple={multiple} value={value as string} onChange={(next: string | string[]) => p.setProps({ value: next })}>
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>{mantineProps("ChipGroup", p, ["value", "multiple"])["children"] as React.ReactNode}</div>
      </Chip.Group>
    </InGroup.Provider>
  );
}

function DdRating(p: ComponentProps) {
  return <Rating {...mantineProps("Rating", p, ["value"])} value={num(p.props, "value") ?? 0} onChange={(value) => p.setProps({ value })} />;
}

/** FileInput: `value` is the chosen file's name (a list with `multiple`), `contents` its
 * bytes as a data URL, as Dash's Upload gives them. */
function DdFileInput(p: ComponentProps) {
  const multiple = p.props["multiple"] === true;
  const onChange = async (picked: File | File[] | null) => {
    const files = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
    const contents = await Promise.all(files.map(readAsDataUrl));
    const names = files.map((f) => f.name);
    p.setProps(multiple ? { value: names, contents } : { value: names[0] ?? null, contents: contents[0] ?? null });
  };
  const shown = p.props["value"];
  const placeholder = Array.isArray(shown) ? shown.join(", ") : typeof shown === "string" ? shown : undefined;
  return (
    <FileInput
      {...mantineProps("FileInput", p, ["value", "contents", "placeholder"])}
      placeholder={placeholder ?? (p.props["placeholder"] as string | undefined)}
      multiple={multiple}
      onChange={(f: File | File[] | null) => void onChange(f)}
    />
  );
}

export const mantineInputComponents: Record<string, ComponentType<ComponentProps>> = {
  TextInput: textInput("TextInput", TextInput),
  PasswordInput: DdPasswordInput,
  NumberInput: DdNumberInput,
  Select: chosen("Select", Select, null, inPortal),
  MultiSelect: chosen("MultiSelect", MultiSelect, [], inPortal),
  TagsInput: chosen("TagsInput", TagsInput, [], inPortal),
  Autocomplete: chosen("Autocomplete", Autocomplete, "", inPortal),
  SegmentedControl: chosen("SegmentedControl", SegmentedControl, undefined, { data: [] }),
  ColorInput: chosen("ColorInput", ColorInput, ""),
  DateInput: chosen("DateInput", DateInput, null, { popoverProps: { withinPortal: true } }),
  DatePickerInput: chosen("DatePickerInput", DatePickerInput, null, { popoverProps: { withinPortal: true } }),
  Checkbox: toggle("Checkbox", Checkbox),
  Switch: toggle("Switch", Switch),
  Chip: toggle("Chip", Chip),
  Radio: passThrough("Radio", Radio),
  CheckboxGroup: group("CheckboxGroup", Checkbox.Group, []),
  RadioGroup: group("RadioGroup", Radio.Group, null),
  ChipGroup: DdChipGroup,
  Rating: DdRating,
  FileInput: DdFileInput,
};
