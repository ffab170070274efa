// Date picker: `date` is an ISO day ("2026-11-23"), as Dash's DatePickerSingle.

import { DatePickerInput } from "@mantine/dates";
import { type ComponentProps, domProps, str } from "../props";

function DatePicker(p: ComponentProps) {
  return (
    <DatePickerInput
      {...domProps(p)}
      label={str(p.props, "label")}
      placeholder={str(p.props, "placeholder") ?? "Pick a date"}
      value={str(p.props, "date") ?? null}
      minDate={str(p.props, "min_date_allowed")}
      maxDate={str(p.props, "max_date_allowed")}
      clearable={p.props["clearable"] === true}
      valueFormat="YYYY-MM-DD"
      onChange={(d) => p.setProps({ date: d ?? null })}
      popoverProps={{ withinPortal: true }}
    />
  );
}

export const dateComponents = { DatePicker };
