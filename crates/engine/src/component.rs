//! The layout model: components built with Rust builder functions (`div`, `dropdown`, `graph`,
//! ...) and serialized to the JSON the renderer draws: `{"type": "Div", "props": {...}}`, with
//! child components nested inside `props.children`.

mod mantine_props;

use crate::id::ComponentId;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// One component of a layout. Cheap to build, serialized once per window.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    kind: &'static str,
    props: Map<String, Value>,
}

impl Component {
    pub fn new(kind: &'static str) -> Self {
        Component { kind, props: Map::new() }
    }

    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// Sets the id: a string, or a map for pattern-matching callbacks.
    pub fn id(self, id: impl Into<IdArg>) -> Self {
        let v = id.into().0;
        self.prop("id", v)
    }

    /// Sets any property; values that fail to serialize become `null`.
    pub fn prop(mut self, name: &str, value: impl Serialize) -> Self {
        self.props.insert(name.to_string(), serde_json::to_value(value).unwrap_or(Value::Null));
        self
    }

    pub fn children(mut self, children: impl IntoChildren) -> Self {
        self.props.insert("children".into(), children.into_children());
        self
    }
    pub fn class_name(self, class: &str) -> Self {
        self.prop("className", class)
    }
    pub fn style(self, style: Value) -> Self {
        self.prop("style", style)
    }
    pub fn value(self, value: impl Serialize) -> Self {
        self.prop("value", value)
    }
    pub fn label(self, label: &str) -> Self {
        self.prop("label", label)
    }
    pub fn placeholder(self, text: &str) -> Self {
        self.prop("placeholder", text)
    }
    pub fn disabled(self, disabled: bool) -> Self {
        self.prop("disabled", disabled)
    }
    /// Choices for dropdowns, checklists and radio items: plain strings become
    /// `{label, value}` pairs, as Dash accepts.
    pub fn options<I, O>(self, options: I) -> Self
    where
        I: IntoIterator<Item = O>,
        O: Into<ChoiceOption>,
    {
        let list: Vec<Value> = options.into_iter().map(|o| o.into().0).collect();
        self.prop("options", list)
    }
    pub fn multi(self, multi: bool) -> Self {
        self.prop("multi", multi)
    }
    pub fn searchable(self, on: bool) -> Self {
        self.prop("searchable", on)
    }
    pub fn clearable(self, on: bool) -> Self {
        self.prop("clearable", on)
    }
    pub fn min(self, v: f64) -> Self {
        self.prop("min", v)
    }
    pub fn max(self, v: f64) -> Self {
        self.prop("max", v)
    }
    pub fn step(self, v: f64) -> Self {
        self.prop("step", v)
    }
    pub fn marks(self, marks: Value) -> Self {
        self.prop("marks", marks)
    }
    pub fn figure(self, figure: impl Serialize) -> Self {
        self.prop("figure", figure)
    }
    pub fn data(self, data: impl Serialize) -> Self {
        self.prop("data", data)
    }
    pub fn columns(self, columns: impl Serialize) -> Self {
        self.prop("columns", columns)
    }
    pub fn href(self, href: &str) -> Self {
        self.prop("href", href)
    }
    pub fn input_type(self, kind: &str) -> Self {
        self.prop("type", kind)
    }
    /// Input debounce: `true` sends on blur or Enter, a number waits that many milliseconds.
    pub fn debounce(self, debounce: impl Serialize) -> Self {
        self.prop("debounce", debounce)
    }
    pub fn storage(self, storage: Storage) -> Self {
        self.prop("storage_type", storage.as_str())
    }
    /// Remembers the user's edits (Dash's `persistence`): `true`, or any value that changes
    /// when the remembered edits should no longer apply (a user id, a data version).
    pub fn persistence(self, persistence: impl Serialize) -> Self {
        self.prop("persistence", persistence)
    }
    /// Which properties' edits are remembered (by default the one a user changes: `value`).
    pub fn persisted_props(self, props: &[&str]) -> Self {
        self.prop("persisted_props", props)
    }
    /// Where remembered edits are kept: `Local` (the default: across restarts), `Session`
    /// (across reloads of the window) or `Memory` (while the window is open).
    pub fn persistence_type(self, storage: Storage) -> Self {
        self.prop("persistence_type", storage.as_str())
    }
    /// Interval period in milliseconds.
    pub fn interval(self, ms: u64) -> Self {
        self.prop("interval", ms)
    }
    pub fn max_intervals(self, n: i64) -> Self {
        self.prop("max_intervals", n)
    }
    /// A button's look: `"filled"`, `"light"`, `"outline"`, `"subtle"`, `"default"`.
    pub fn variant(self, variant: &str) -> Self {
        self.prop("variant", variant)
    }
    /// A theme colour name (`"red"`, `"teal"`) or any CSS colour.
    pub fn color(self, color: &str) -> Self {
        self.prop("color", color)
    }
    /// `"xs"` to `"xl"`.
    pub fn size(self, size: &str) -> Self {
        self.prop("size", size)
    }
    /// Space between children (`Group`, `Stack`): `"xs"` to `"xl"` or pixels.
    pub fn gap(self, gap: impl Serialize) -> Self {
        self.prop("gap", gap)
    }
    /// Space between a `SimpleGrid`'s cells: `"xs"` to `"xl"` or pixels.
    pub fn spacing(self, spacing: impl Serialize) -> Self {
        self.prop("spacing", spacing)
    }
    /// Columns of a `SimpleGrid`.
    pub fn cols(self, n: u32) -> Self {
        self.prop("cols", n)
    }
    /// Inner space of a `Card`: `"xs"` to `"xl"` or pixels.
    pub fn padding(self, padding: impl Serialize) -> Self {
        self.prop("padding", padding)
    }
    /// Main-axis placement of a `Group`'s or `Stack`'s children (CSS `justify-content`).
    pub fn justify(self, justify: &str) -> Self {
        self.prop("justify", justify)
    }
    /// Cross-axis placement of a `Group`'s or `Stack`'s children (CSS `align-items`).
    pub fn align(self, align: &str) -> Self {
        self.prop("align", align)
    }
    /// A `Card`'s border.
    pub fn with_border(self) -> Self {
        self.prop("withBorder", true)
    }
    /// Secondary text colour, for captions and counts (`Text`).
    /// A text's weight (Mantine's `fw`): 400 regular, 600 semi-bold, 700 bold.
    pub fn weight(self, fw: u32) -> Self {
        self.prop("fw", fw)
    }
    pub fn dimmed(self) -> Self {
        self.prop("c", "dimmed")
    }
    /// Fixed height in pixels, kept beside any other style.
    pub fn height(mut self, px: u32) -> Self {
        let mut style = match self.props.remove("style") {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        style.insert("height".into(), Value::from(px));
        self.props.insert("style".into(), Value::Object(style));
        self
    }
    /// DataTable: `"native"` filters in the renderer, `"custom"` reports `filter_query` for a
    /// callback to filter in Rust.
    pub fn filter_action(self, action: &str) -> Self {
        self.prop("filter_action", action)
    }
    /// DataTable: `"native"` or `"custom"` (reports `sort_by`).
    pub fn sort_action(self, action: &str) -> Self {
        self.prop("sort_action", action)
    }
    /// DataTable: the query the filter row shows (Dash's filter language).
    pub fn filter_query(self, query: &str) -> Self {
        self.prop("filter_query", query)
    }
    pub fn page_size(self, rows: u32) -> Self {
        self.prop("page_size", rows)
    }

    pub fn to_json(&self) -> Value {
        json!({"type": self.kind, "props": Value::Object(self.props.clone())})
    }

    pub fn into_json(self) -> Value {
        json!({"type": self.kind, "props": Value::Object(self.props)})
    }
}

impl Serialize for Component {
    /// The shape `to_json` builds, written without copying the props first (keys in the
    /// order a JSON object of the two keeps them).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("props", &self.props)?;
        map.serialize_entry("type", &self.kind)?;
        map.end()
    }
}

/// Where a `store` keeps its data (Dash's `storage_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    Memory,
    Session,
    Local,
}

impl Storage {
    pub fn as_str(self) -> &'static str {
        match self {
            Storage::Memory => "memory",
            Storage::Session => "session",
            Storage::Local => "local",
        }
    }
}

/// An id argument: a string or a JSON map.
pub struct IdArg(Value);
impl IdArg {
    pub fn into_json(self) -> Value {
        self.0
    }
}
impl From<&str> for IdArg {
    fn from(s: &str) -> Self {
        IdArg(Value::from(s))
    }
}
impl From<String> for IdArg {
    fn from(s: String) -> Self {
        IdArg(Value::from(s))
    }
}
impl From<Value> for IdArg {
    fn from(v: Value) -> Self {
        IdArg(v)
    }
}
impl From<ComponentId> for IdArg {
    fn from(id: ComponentId) -> Self {
        IdArg(id.to_json())
    }
}

/// One choice of a dropdown, checklist or radio items.
pub struct ChoiceOption(Value);
impl From<&str> for ChoiceOption {
    fn from(s: &str) -> Self {
        ChoiceOption(json!({"label": s, "value": s}))
    }
}
impl From<String> for ChoiceOption {
    fn from(s: String) -> Self {
        ChoiceOption(json!({"label": s, "value": s}))
    }
}
impl From<(&str, &str)> for ChoiceOption {
    fn from((label, value): (&str, &str)) -> Self {
        ChoiceOption(json!({"label": label, "value": value}))
    }
}
impl From<Value> for ChoiceOption {
    fn from(v: Value) -> Self {
        ChoiceOption(v)
    }
}

/// One child: text, a number or a component.
pub trait IntoChild {
    fn into_child(self) -> Value;
}
impl IntoChild for Component {
    fn into_child(self) -> Value {
        self.into_json()
    }
}
impl IntoChild for &str {
    fn into_child(self) -> Value {
        Value::from(self)
    }
}
impl IntoChild for String {
    fn into_child(self) -> Value {
        Value::from(self)
    }
}
impl IntoChild for i64 {
    fn into_child(self) -> Value {
        Value::from(self)
    }
}
impl IntoChild for f64 {
    fn into_child(self) -> Value {
        Value::from(self)
    }
}

/// Children: one child, a `Vec`, an array, or a tuple of mixed children.
pub trait IntoChildren {
    fn into_children(self) -> Value;
}
impl<T: IntoChild> IntoChildren for T {
    fn into_children(self) -> Value {
        self.into_child()
    }
}
impl<T: IntoChild> IntoChildren for Vec<T> {
    fn into_children(self) -> Value {
        Value::Array(self.into_iter().map(IntoChild::into_child).collect())
    }
}
impl<T: IntoChild, const N: usize> IntoChildren for [T; N] {
    fn into_children(self) -> Value {
        Value::Array(self.into_iter().map(IntoChild::into_child).collect())
    }
}
impl IntoChildren for () {
    fn into_children(self) -> Value {
        Value::Array(vec![])
    }
}
macro_rules! tuple_children {
    ($($t:ident),+) => {
        impl<$($t: IntoChild),+> IntoChildren for ($($t,)+) {
            #[allow(non_snake_case)]
            fn into_children(self) -> Value {
                let ($($t,)+) = self;
                Value::Array(vec![$($t.into_child()),+])
            }
        }
    };
}
tuple_children!(A);
tuple_children!(A, B);
tuple_children!(A, B, C);
tuple_children!(A, B, C, D);
tuple_children!(A, B, C, D, E);
tuple_children!(A, B, C, D, E, F);
tuple_children!(A, B, C, D, E, F, G);
tuple_children!(A, B, C, D, E, F, G, H);
tuple_children!(A, B, C, D, E, F, G, H, I);
tuple_children!(A, B, C, D, E, F, G, H, I, J);
tuple_children!(A, B, C, D, E, F, G, H, I, J, K);
tuple_children!(A, B, C, D, E, F, G, H, I, J, K, L);

/// What an html builder starts from: its children (text, components, a tuple or list of
/// them), or an [`id`] for an element a callback fills (Dash's `html.H2(id="greeting")`).
pub trait HtmlContent {
    fn start(self, element: Component) -> Component;
}
impl<T: IntoChildren> HtmlContent for T {
    fn start(self, element: Component) -> Component {
        element.children(self)
    }
}

/// An element's id as what it starts from: `h2(id("greeting"))`.
pub struct Id(IdArg);

/// Starts an element from its id, with no children yet: `span(id("count"))`.
pub fn id(id: impl Into<IdArg>) -> Id {
    Id(id.into())
}

impl HtmlContent for Id {
    fn start(self, element: Component) -> Component {
        element.id(self.0)
    }
}

macro_rules! html_elements {
    ($($fname:ident => $kind:literal),+ $(,)?) => {
        $(
            #[doc = concat!("An html `", $kind, "` element with the given children, or with an [`id`].")]
            pub fn $fname(content: impl HtmlContent) -> Component {
                content.start(Component::new($kind))
            }
        )+
    };
}
html_elements!(
    div => "Div", span => "Span", p => "P", h1 => "H1", h2 => "H2", h3 => "H3", h4 => "H4",
    h5 => "H5", h6 => "H6", button => "Button", a => "A", ul => "Ul", ol => "Ol", li => "Li",
    label => "Label", table => "Table", thead => "Thead", tbody => "Tbody", tr => "Tr",
    th => "Th", td => "Td", section => "Section", header => "Header", main_el => "Main",
    footer => "Footer", nav => "Nav", pre => "Pre", code => "Code",
    loading => "Loading", link => "Link",
    card => "Card", group => "Group", stack => "Stack", simple_grid => "SimpleGrid", text => "Text",
);

pub fn hr() -> Component {
    Component::new("Hr")
}
pub fn img(src: &str) -> Component {
    Component::new("Img").prop("src", src)
}
/// Markdown text, drawn by the renderer.
pub fn markdown(text: &str) -> Component {
    Component::new("Markdown").prop("children", text)
}
/// One tab of a `tabs` component.
pub fn tab(label: &str, value: &str) -> Component {
    Component::new("Tab").prop("label", label).prop("value", value)
}

macro_rules! id_components {
    ($($fname:ident => $kind:literal),+ $(,)?) => {
        $(
            #[doc = concat!("A `", $kind, "` component with the given id.")]
            pub fn $fname(id: impl Into<IdArg>) -> Component {
                Component::new($kind).id(id)
            }
        )+
    };
}
id_components!(
    input => "Input", textarea => "Textarea", dropdown => "Dropdown", checklist => "Checklist",
    radio_items => "RadioItems", slider => "Slider", range_slider => "RangeSlider",
    date_picker => "DatePicker", tabs => "Tabs", graph => "Graph", store => "Store",
    interval => "Interval", data_table => "DataTable", location => "Location",
    upload => "Upload", download => "Download",
);
