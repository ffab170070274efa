//! Dash's own components: html elements and dash-core-components, with Dash's prop names.
//! Where Mantine has a component of the same name and job (Button, Tabs, Slider, Textarea,
//! Table, Code), the one kind in `mantine` takes both prop sets.

use super::{kinds, KindSpec};

/// The html elements. Any of them counts clicks when the author gave it `n_clicks`.
macro_rules! html {
    ($($name:literal),+ $(,)?) => {
        kinds!(Dash; $(
            $name {
                "children": Children, "n_clicks": Int, "n_clicks_timestamp": Num, "disabled": Bool,
                "href": Str, "target": Str, "src": Str, "alt": Str, "htmlFor": Str, "colSpan": Int,
            } edit ["n_clicks", "n_clicks_timestamp"];
        )+)
    };
}

pub(super) const HTML: &[KindSpec] = html!(
    "Div", "Span", "P", "H1", "H2", "H3", "H4", "H5", "H6", "A", "Img", "Ul", "Ol", "Li", "Label", "Hr", "Thead", "Tbody", "Tr",
    "Th", "Td", "Section", "Header", "Main", "Footer", "Nav", "Pre",
);

pub(super) const CORE: &[KindSpec] = kinds!(Dash;
    "Input" {
        "value": StrOrNum, "type": Str, "placeholder": Str, "debounce": Any, "min": Num, "max": Num, "step": Num,
        "disabled": Bool, "n_submit": Int, "n_blur": Int, "label": Str,
    } edit ["value", "n_submit", "n_blur"] persist ["value"];
    "Dropdown" {
        "options": Array, "value": ScalarOrArray, "multi": Bool, "searchable": Bool, "clearable": Bool,
        "placeholder": Str, "disabled": Bool, "label": Str,
    } edit ["value"] persist ["value"];
    "Checklist" { "options": Array, "value": Any, "inline": Bool, "label": Str } edit ["value"] persist ["value"];
    "RadioItems" { "options": Array, "value": Any, "inline": Bool, "label": Str } edit ["value"] persist ["value"];
    "DatePicker" {
        "date": Str, "min_date_allowed": Str, "max_date_allowed": Str, "placeholder": Str, "clearable": Bool, "label": Str,
    } edit ["date"] persist ["date"];
    "Tab" { "label": Str, "value": Str, "children": Children, "disabled": Bool };
    "Graph" {
        "figure": Object, "config": Object, "clickData": Any, "hoverData": Any, "selectedData": Any,
        "relayoutData": Any, "responsive": Bool,
    } edit ["clickData", "hoverData", "selectedData", "relayoutData"];
    "Store" { "data": Any, "storage_type": Str, "modified_timestamp": Int, "clear_data": Bool };
    "Interval" { "interval": Num, "n_intervals": Int, "disabled": Bool, "max_intervals": Int } edit ["n_intervals"];
    "Loading" { "children": Children, "type": Str, "delay_show": Int };
    "Markdown" { "children": Str };
    "DataTable" {
        "data": Array, "columns": Array, "sort_action": Str, "filter_action": Str, "row_selectable": Str,
        "editable": Bool, "selected_rows": Array, "sort_by": Array, "filter_query": Str, "active_cell": Any,
        "data_timestamp": Int, "page_size": Int,
    } edit ["data", "data_timestamp", "selected_rows", "sort_by", "filter_query", "active_cell"]
      persist ["filter_query", "sort_by", "selected_rows"];
    "Location" { "pathname": Str, "search": Str, "hash": Str, "href": Str } edit ["pathname", "search", "hash"];
    "Link" { "children": Children, "href": Str };
    "Upload" {
        "children": Children, "contents": Any, "filename": Any, "last_modified": Any, "multiple": Bool, "accept": Str,
    } edit ["contents", "filename", "last_modified"];
    "Download" { "data": Any };
);
