// Slider and range slider. Dash's default `updatemode` is "mouseup": the value is sent when
// the user lets go; "drag" sends while dragging.

import { useEffect, useState } from "react";
import { Input, RangeSlider as MantineRange, Slider as MantineSlider } from "@mantine/core";
import { type ComponentProps, domProps, num, str } from "../render";

function marks(props: Record<string, unknown>) {
  const raw = props["marks"];
  if (typeof raw !== "object" || raw === null) return undefined;
  return Object.entries(raw as Record<string, unknown>).map(([k, v]) => ({
    value: Number(k),
    label: typeof v === "object" && v !== null ? String((v as { label?: unknown }).label ?? k) : String(v),
  }));
}

function Slider(p: ComponentProps) {
  const external = num(p.props, "value") ?? num(p.props, "min") ?? 0;
  const [draft, setDraft] = useState(external);
  useEffect(() => setDraft(external), [external]);
  const drag = p.props["updatemode"] === "drag";
  return (
    <Input.Wrapper label={str(p.props, "label")} {...domProps(p)}>
      <MantineSlider
        value={draft}
        min={num(p.props, "min") ?? 0}
        max={num(p.props, "max") ?? 100}
        step={num(p.props, "step") ?? 1}
        marks={marks(p.props)}
        disabled={p.props["disabled"] === true}
        onChange={(v) => {
          setDraft(v);
          if (drag) p.setProps({ value: v });
        }}
        onChangeEnd={(v) => drag || p.setProps({ value: v })}
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
  const [draft, setDraft] = useState(external);
  useEffect(() => setDraft(external), [external[0], external[1]]);
  const drag = p.props["updatemode"] === "drag";
  return (
    <Input.Wrapper label={str(p.props, "label")} {...domProps(p)}>
      <MantineRange
        value={draft}
        min={min}
        max={max}
        step={num(p.props, "step") ?? 1}
        marks={marks(p.props)}
        disabled={p.props["disabled"] === true}
        onChange={(v) => {
          setDraft(v);
          if (drag) p.setProps({ value: v });
        }}
        onChangeEnd={(v) => drag || p.setProps({ value: v })}
        mb={marks(p.props) ? "lg" : undefined}
      />
    </Input.Wrapper>
  );
}

export const sliderComponents = { Slider, RangeSlider };
