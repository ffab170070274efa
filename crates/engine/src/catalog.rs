//! The component catalog: every component type deskdash draws, the properties it has, and the
//! JSON type each property accepts. Used to reject unknown properties and wrong value types at
//! registration, on user changes and on callback outputs.

use serde_json::Value;

/// The JSON shape a property accepts. `null` is accepted everywhere (props are optional).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropType {
    Any,
    Str,
    Num,
    Int,
    Bool,
    Array,
    Object,
    StrOrNum,
    /// A value or a list of values (multi dropdown).
    ScalarOrArray,
    /// A string, number, component, or a list of them.
    Children,
}

impl PropType {
    pub fn accepts(self, v: &Value) -> bool {
        match (self, v) {
            (_, Value::Null) | (PropType::Any, _) => true,
            (PropType::Str, Value::String(_)) => true,
            (PropType::Num, Value::Number(_)) => true,
            (PropType::Int, Value::Number(n)) => n.is_i64() || n.is_u64(),
            (PropType::Bool, Value::Bool(_)) => true,
            (PropType::Array, Value::Array(_)) => true,
            (PropType::Object, Value::Object(_)) => true,
            (PropType::StrOrNum, Value::String(_) | Value::Number(_)) => true,
            (PropType::ScalarOrArray, Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Array(_)) => true,
            (PropType::Children, Value::String(_) | Value::Number(_) | Value::Array(_) | Value::Object(_)) => true,
            _ => false,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            PropType::Any => "any value",
            PropType::Str => "a string",
            PropType::Num => "a number",
            PropType::Int => "an integer",
            PropType::Bool => "a boolean",
            PropType::Array => "a list",
            PropType::Object => "an object",
            PropType::StrOrNum => "a string or number",
            PropType::ScalarOrArray => "a value or a list of values",
            PropType::Children => "components, text or a list of them",
        }
    }
}

/// Names a JSON value's type for error messages.
pub fn json_type_name(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(n) if n.is_f64() => format!("the number {n}"),
        Value::Number(n) => format!("the integer {n}"),
        Value::String(s) if s.len() <= 40 => format!("the string {s:?}"),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

use PropType::*;

const COMMON: &[(&str, PropType)] =
    &[("id", Any), ("className", Str), ("style", Object), ("key", StrOrNum), ("hidden", Bool), ("title", Str)];

const HTML: &[(&str, PropType)] = &[
    ("children", Children),
    ("n_clicks", Int),
    ("n_clicks_timestamp", Num),
    ("disabled", Bool),
    ("href", Str),
    ("target", Str),
    ("src", Str),
    ("alt", Str),
    ("htmlFor", Str),
    ("colSpan", Int),
    ("variant", Str),
    ("color", Str),
    ("size", Str),
];

const HTML_KINDS: &[&str] = &[
    "Div", "Span", "P", "H1", "H2", "H3", "H4", "H5", "H6", "Button", "A", "Img", "Ul", "Ol", "Li", "Label", "Hr", "Table",
    "Thead", "Tbody", "Tr", "Th", "Td", "Section", "Header", "Main", "Footer", "Nav", "Pre", "Code",
];

const INPUT: &[(&str, PropType)] = &[
    ("value", StrOrNum),
    ("type", Str),
    ("placeholder", Str),
    ("debounce", Any),
    ("min", Num),
    ("max", Num),
    ("step", Num),
    ("disabled", Bool),
    ("n_submit", Int),
    ("n_blur", Int),
    ("label", Str),
];
const TEXTAREA: &[(&str, PropType)] = &[
    ("value", Str),
    ("placeholder", Str),
    ("rows", Int),
    ("disabled", Bool),
    ("n_blur", Int),
    ("debounce", Any),
    ("label", Str),
];
const DROPDOWN: &[(&str, PropType)] = &[
    ("options", Array),
    ("value", ScalarOrArray),
    ("multi", Bool),
    ("searchable", Bool),
    ("clearable", Bool),
    ("placeholder", Str),
    ("disabled", Bool),
    ("label", Str),
];
const CHOICES: &[(&str, PropType)] = &[("options", Array), ("value", Any), ("inline", Bool), ("label", Str)];
const SLIDER: &[(&str, PropType)] = &[
    ("min", Num),
    ("max", Num),
    ("step", Num),
    ("value", Num),
    ("marks", Object),
    ("disabled", Bool),
    ("label", Str),
    ("updatemode", Str),
];
const RANGE_SLIDER: &[(&str, PropType)] = &[
    ("min", Num),
    ("max", Num),
    ("step", Num),
    ("value", Array),
    ("pushable", Num),
    ("marks", Object),
    ("disabled", Bool),
    ("label", Str),
    ("updatemode", Str),
];
const DATE_PICKER: &[(&str, PropType)] = &[
    ("date", Str),
    ("min_date_allowed", Str),
    ("max_date_allowed", Str),
    ("placeholder", Str),
    ("clearable", Bool),
    ("label", Str),
];
const TABS: &[(&str, PropType)] = &[("value", Str), ("children", Children)];
const TAB: &[(&str, PropType)] = &[("label", Str), ("value", Str), ("children", Children), ("disabled", Bool)];
const GRAPH: &[(&str, PropType)] = &[
    ("figure", Object),
    ("config", Object),
    ("clickData", Any),
    ("hoverData", Any),
    ("selectedData", Any),
    ("relayoutData", Any),
    ("responsive", Bool),
];
const STORE: &[(&str, PropType)] = &[("data", Any), ("storage_type", Str), ("modified_timestamp", Int), ("clear_data", Bool)];
const INTERVAL: &[(&str, PropType)] = &[("interval", Num), ("n_intervals", Int), ("disabled", Bool), ("max_intervals", Int)];
const LOADING: &[(&str, PropType)] = &[("children", Children), ("type", Str), ("delay_show", Int)];
const MARKDOWN: &[(&str, PropType)] = &[("children", Str)];
const DATA_TABLE: &[(&str, PropType)] = &[
    ("data", Array),
    ("columns", Array),
    ("sort_action", Str),
    ("filter_action", Str),
    ("row_selectable", Str),
    ("editable", Bool),
    ("selected_rows", Array),
    ("sort_by", Array),
    ("filter_query", Str),
    ("active_cell", Any),
    ("data_timestamp", Int),
    ("page_size", Int),
];
const LOCATION: &[(&str, PropType)] = &[("pathname", Str), ("search", Str), ("hash", Str), ("href", Str)];
const LINK: &[(&str, PropType)] = &[("children", Children), ("href", Str)];
const UPLOAD: &[(&str, PropType)] =
    &[("children", Children), ("contents", Any), ("filename", Any), ("last_modified", Any), ("multiple", Bool), ("accept", Str)];
const DOWNLOAD: &[(&str, PropType)] = &[("data", Any)];
// Layout primitives with Mantine's (and dash-mantine-components') names and props.
const CARD: &[(&str, PropType)] =
    &[("children", Children), ("withBorder", Bool), ("shadow", Str), ("radius", StrOrNum), ("padding", StrOrNum)];
const GROUP: &[(&str, PropType)] =
    &[("children", Children), ("gap", StrOrNum), ("justify", Str), ("align", Str), ("wrap", Str), ("grow", Bool)];
const STACK: &[(&str, PropType)] = &[("children", Children), ("gap", StrOrNum), ("justify", Str), ("align", Str)];
const SIMPLE_GRID: &[(&str, PropType)] = &[("children", Children), ("cols", Int), ("spacing", StrOrNum)];
const TEXT: &[(&str, PropType)] = &[("children", Children), ("size", Str), ("c", Str), ("fw", Int), ("ta", Str)];

/// The properties of a component type, beyond the common ones; None for an unknown type.
fn kind_props(kind: &str) -> Option<&'static [(&'static str, PropType)]> {
    if HTML_KINDS.contains(&kind) {
        return Some(HTML);
    }
    Some(match kind {
        "Input" => INPUT,
        "Textarea" => TEXTAREA,
        "Dropdown" => DROPDOWN,
        "Checklist" | "RadioItems" => CHOICES,
        "Slider" => SLIDER,
        "RangeSlider" => RANGE_SLIDER,
        "DatePicker" => DATE_PICKER,
        "Tabs" => TABS,
        "Tab" => TAB,
        "Graph" => GRAPH,
        "Store" => STORE,
        "Interval" => INTERVAL,
        "Loading" => LOADING,
        "Markdown" => MARKDOWN,
        "DataTable" => DATA_TABLE,
        "Location" => LOCATION,
        "Link" => LINK,
        "Upload" => UPLOAD,
        "Download" => DOWNLOAD,
        "Card" => CARD,
        "Group" => GROUP,
        "Stack" => STACK,
        "SimpleGrid" => SIMPLE_GRID,
        "Text" => TEXT,
        _ => return None,
    })
}

/// Every component type besides the html elements, as `kind_props` knows them.
const OTHER_KINDS: &[&str] = &[
    "Input",
    "Textarea",
    "Dropdown",
    "Checklist",
    "RadioItems",
    "Slider",
    "RangeSlider",
    "DatePicker",
    "Tabs",
    "Tab",
    "Graph",
    "Store",
    "Interval",
    "Loading",
    "Markdown",
    "DataTable",
    "Location",
    "Link",
    "Upload",
    "Download",
    "Card",
    "Group",
    "Stack",
    "SimpleGrid",
    "Text",
];

/// What every kind that remembers a user's edits has (Dash's persistence props).
const PERSISTENCE: &[(&str, PropType)] = &[("persistence", Any), ("persisted_props", Array), ("persistence_type", Str)];

/// The properties whose user edits are remembered when `persistence` is set and
/// `persisted_props` is not (Dash's defaults); empty for a kind without persistence.
pub fn persisted_by_default(kind: &str) -> &'static [&'static str] {
    match kind {
        "Input" | "Textarea" | "Dropdown" | "Checklist" | "RadioItems" | "Slider" | "RangeSlider" | "Tabs" => &["value"],
        "DatePicker" => &["date"],
        "DataTable" => &["filter_query", "sort_by", "selected_rows"],
        _ => &[],
    }
}

/// Every property a kind has, beyond the common ones.
fn own_props(kind: &str) -> Option<impl Iterator<Item = &'static (&'static str, PropType)>> {
    let persistence: &[(&str, PropType)] = if persisted_by_default(kind).is_empty() { &[] } else { PERSISTENCE };
    Some(kind_props(kind)?.iter().chain(persistence))
}

/// Every component type with its property names (the common ones included), in a stable
/// order: what the renderer's registry must draw.
pub fn all() -> Vec<(&'static str, Vec<&'static str>)> {
    HTML_KINDS
        .iter()
        .chain(OTHER_KINDS)
        .filter_map(|&kind| Some((kind, COMMON.iter().chain(own_props(kind)?).map(|(p, _)| *p).collect())))
        .collect()
}

/// The properties a user's own action changes, per kind, as Dash's renderer lets components
/// write them (`value`, click counters, table sorting and filtering, graph events, ...).
/// A window may send changes to these only; everything else is the app's to set.
fn user_editable_props(kind: &str) -> &'static [&'static str] {
    if HTML_KINDS.contains(&kind) {
        return &["n_clicks", "n_clicks_timestamp"];
    }
    match kind {
        "Input" => &["value", "n_submit", "n_blur"],
        "Textarea" => &["value", "n_blur"],
        "Dropdown" | "Checklist" | "RadioItems" | "Slider" | "RangeSlider" | "Tabs" => &["value"],
        "DatePicker" => &["date"],
        "Graph" => &["clickData", "hoverData", "selectedData", "relayoutData"],
        "DataTable" => &["data", "data_timestamp", "selected_rows", "sort_by", "filter_query", "active_cell"],
        "Interval" => &["n_intervals"],
        "Location" => &["pathname", "search", "hash"],
        "Upload" => &["contents", "filename", "last_modified"],
        _ => &[],
    }
}

/// Whether a user's action in the window may change `prop` of a `kind` component.
pub fn user_editable(kind: &str, prop: &str) -> bool {
    user_editable_props(kind).contains(&prop)
}

/// Values that never travel to the renderer: a store's data stays in Rust (nothing on
/// screen draws it; a clientside callback that reads it gets it as an argument).
pub fn stays_in_rust(kind: &str, prop: &str) -> bool {
    kind == "Store" && prop == "data"
}

pub fn is_known_kind(kind: &str) -> bool {
    kind_props(kind).is_some()
}

/// The accepted type of `prop` on `kind`, or None when the component has no such property.
pub fn prop_type(kind: &str, prop: &str) -> Option<PropType> {
    COMMON.iter().chain(own_props(kind)?).find(|(p, _)| *p == prop).map(|(_, t)| *t)
}

/// Props whose values may contain components (so a change to them changes the layout).
pub fn may_hold_components(kind: &str, prop: &str) -> bool {
    prop_type(kind, prop) == Some(PropType::Children)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once_with_its_props() {
        let all = all();
        let mut kinds: Vec<&str> = all.iter().map(|(k, _)| *k).collect();
        let n = kinds.len();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), n, "no kind twice");
        assert_eq!(n, HTML_KINDS.len() + OTHER_KINDS.len(), "every listed kind has props");
        assert!(all.iter().all(|(k, props)| props.iter().all(|p| prop_type(k, p).is_some())));
        for (kind, _) in &all {
            for prop in user_editable_props(kind) {
                assert!(prop_type(kind, prop).is_some(), "{kind}.{prop} is editable but not in the catalog");
            }
        }
    }
}
