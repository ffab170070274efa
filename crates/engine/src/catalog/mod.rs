//! The component catalog: every component type deskdash draws, the properties it has, the
//! JSON type each property accepts, and which of them a user's action may change. Used to
//! reject unknown properties and wrong value types at registration, on user changes and on
//! callback outputs. `dash` holds Dash's html and core components, `mantine` Mantine's set
//! with dash-mantine-components' names; an app adds its own kinds through [`Catalog`].

mod custom;
mod dash;
mod mantine;

pub use custom::{Catalog, CustomKind};

use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

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

    /// The name the renderer's generated catalog uses.
    pub fn name(self) -> &'static str {
        match self {
            PropType::Any => "any",
            PropType::Str => "string",
            PropType::Num => "number",
            PropType::Int => "integer",
            PropType::Bool => "boolean",
            PropType::Array => "array",
            PropType::Object => "object",
            PropType::StrOrNum => "string_or_number",
            PropType::ScalarOrArray => "value_or_list",
            PropType::Children => "children",
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

/// Which props a family of kinds shares beyond its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// Html elements and Dash's core components: the common attributes only.
    Dash,
    /// Mantine components: the common attributes and Mantine's style props (`m`, `p`, `w`, ...).
    Mantine,
}

/// One built-in component type.
#[derive(Debug)]
pub(crate) struct KindSpec {
    pub name: &'static str,
    pub family: Family,
    pub props: &'static [(&'static str, PropType)],
    /// What a user's own action changes (`value`, click counters, an opened modal's close).
    pub editable: &'static [&'static str],
    /// What `persistence` remembers when `persisted_props` is not set (Dash's defaults);
    /// a kind with none has no persistence props.
    pub persisted: &'static [&'static str],
}

/// Declares built-in kinds: `"Name" { "prop": Type, ... } edit ["prop"] persist ["prop"];`.
macro_rules! kinds {
    ($family:ident; $( $name:literal { $($p:literal : $t:ident),* $(,)? } $(edit [$($e:literal),*])? $(persist [$($s:literal),*])? ;)+ ) => {
        &[$(
            $crate::catalog::KindSpec {
                name: $name,
                family: $crate::catalog::Family::$family,
                props: &[$(($p, $crate::catalog::PropType::$t)),*],
                editable: &[$($($e),*)?],
                persisted: &[$($($s),*)?],
            }
        ),+]
    };
}
pub(crate) use kinds;

use PropType::*;

/// What every component has.
const COMMON: &[(&str, PropType)] =
    &[("id", Any), ("className", Str), ("style", Object), ("key", StrOrNum), ("hidden", Bool), ("title", Str)];

/// Mantine's style props, on every Mantine component (responsive objects included).
const MANTINE_STYLE: &[(&str, PropType)] = &[
    ("m", Any),
    ("mt", Any),
    ("mb", Any),
    ("ml", Any),
    ("mr", Any),
    ("mx", Any),
    ("my", Any),
    ("p", Any),
    ("pt", Any),
    ("pb", Any),
    ("pl", Any),
    ("pr", Any),
    ("px", Any),
    ("py", Any),
    ("w", Any),
    ("h", Any),
    ("miw", Any),
    ("maw", Any),
    ("mih", Any),
    ("mah", Any),
    ("c", Any),
    ("bg", Any),
    ("fz", Any),
    ("fw", Any),
    ("ta", Any),
    ("lh", Any),
    ("flex", Any),
    ("opacity", Any),
];

/// What every kind that remembers a user's edits has (Dash's persistence props).
const PERSISTENCE: &[(&str, PropType)] = &[("persistence", Any), ("persisted_props", Array), ("persistence_type", Str)];

/// Every built-in kind, Dash's first, in a stable order.
fn builtin() -> impl Iterator<Item = &'static KindSpec> {
    dash::HTML.iter().chain(dash::CORE).chain(mantine::KINDS)
}

/// A built-in kind and its properties by name, looked up once per component and prop as a
/// layout of thousands of components is registered.
struct Indexed {
    spec: &'static KindSpec,
    props: HashMap<&'static str, PropType>,
}

fn index() -> &'static HashMap<&'static str, Indexed> {
    static INDEX: OnceLock<HashMap<&'static str, Indexed>> = OnceLock::new();
    INDEX.get_or_init(|| {
        builtin()
            .map(|spec| {
                let mut props = HashMap::new();
                // The first of a name wins, as in `all_props`' order.
                for (name, ty) in spec.all_props() {
                    props.entry(*name).or_insert(*ty);
                }
                (spec.name, Indexed { spec, props })
            })
            .collect()
    })
}

pub(crate) fn spec(kind: &str) -> Option<&'static KindSpec> {
    index().get(kind).map(|k| k.spec)
}

impl KindSpec {
    /// Every property of the kind: its own first (so a Mantine `title` is the component's
    /// heading, not the html tooltip), then what its family shares.
    pub(crate) fn all_props(&self) -> impl Iterator<Item = &'static (&'static str, PropType)> {
        let family: &'static [(&str, PropType)] = match self.family {
            Family::Dash => &[],
            Family::Mantine => MANTINE_STYLE,
        };
        let persistence: &'static [(&str, PropType)] = if self.persisted.is_empty() { &[] } else { PERSISTENCE };
        let own = self.props;
        own.iter()
            .chain(persistence)
            .chain(family)
            .chain(COMMON.iter().filter(move |(name, _)| !own.iter().any(|(p, _)| p == name)))
    }
}

/// Every built-in component type with its property names (the common ones included), in a
/// stable order: what the renderer's registry must draw.
pub fn all() -> Vec<(&'static str, Vec<&'static str>)> {
    builtin().map(|k| (k.name, k.all_props().map(|(p, _)| *p).collect())).collect()
}

/// The catalog as the renderer reads it (`ui/src/catalog.json`): the props every kind has
/// (`common`) and every Mantine kind has (`mantine_style`) once, then per kind its own props
/// with their type names, its family, and the props a user's action may change.
pub fn describe() -> Value {
    let named = |props: &[(&str, PropType)]| -> serde_json::Map<String, Value> {
        props.iter().map(|(p, t)| (p.to_string(), Value::from(t.name()))).collect()
    };
    let kinds: serde_json::Map<String, Value> = builtin()
        .map(|k| {
            let persistence: &[(&str, PropType)] = if k.persisted.is_empty() { &[] } else { PERSISTENCE };
            let own: Vec<(&str, PropType)> = k.props.iter().chain(persistence).copied().collect();
            let family = match k.family {
                Family::Dash => "dash",
                Family::Mantine => "mantine",
            };
            (k.name.to_string(), serde_json::json!({ "family": family, "props": named(&own), "editable": k.editable }))
        })
        .collect();
    serde_json::json!({ "common": named(COMMON), "mantine_style": named(MANTINE_STYLE), "kinds": kinds })
}

/// The properties whose user edits are remembered when `persistence` is set and
/// `persisted_props` is not (Dash's defaults); empty for a kind without persistence.
pub fn persisted_by_default(kind: &str) -> &'static [&'static str] {
    spec(kind).map_or(&[], |k| k.persisted)
}

/// Whether a user's action in the window may change `prop` of a built-in `kind` component.
pub fn user_editable(kind: &str, prop: &str) -> bool {
    spec(kind).is_some_and(|k| k.editable.contains(&prop))
}

/// Values that never travel to the renderer: a store's data stays in Rust (nothing on
/// screen draws it; a clientside callback that reads it gets it as an argument).
pub fn stays_in_rust(kind: &str, prop: &str) -> bool {
    kind == "Store" && prop == "data"
}

pub fn is_known_kind(kind: &str) -> bool {
    spec(kind).is_some()
}

/// The accepted type of `prop` on a built-in `kind`, or None when it has no such property.
pub fn prop_type(kind: &str, prop: &str) -> Option<PropType> {
    index().get(kind)?.props.get(prop).copied()
}

/// Props whose values may contain components (so a change to them changes the layout).
pub fn may_hold_components(kind: &str, prop: &str) -> bool {
    prop_type(kind, prop) == Some(PropType::Children)
}

/// Whether `prop` may hold components in some built-in kind: when it holds them in none
/// (`checked`, `value`, `n_clicks`), a value read needs no look at the component's kind.
pub fn holds_components_somewhere(prop: &str) -> bool {
    static NAMES: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            index().values().flat_map(|k| k.props.iter()).filter(|(_, t)| **t == PropType::Children).map(|(p, _)| *p).collect()
        })
        .contains(prop)
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
        for (kind, props) in &all {
            let mut names = props.clone();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), props.len(), "{kind} lists no prop twice");
            assert!(props.iter().all(|p| prop_type(kind, p).is_some()));
        }
        for k in builtin() {
            for prop in k.editable.iter().chain(k.persisted) {
                assert!(prop_type(k.name, prop).is_some(), "{}.{prop} is editable or persisted but not in the catalog", k.name);
            }
            for prop in k.persisted {
                assert!(k.editable.contains(prop), "{}.{prop} is persisted, so a user must be able to change it", k.name);
            }
        }
    }

    #[test]
    fn a_mantine_title_is_a_heading_and_an_html_title_a_tooltip() {
        assert_eq!(prop_type("Modal", "title"), Some(PropType::Children));
        assert_eq!(prop_type("Div", "title"), Some(PropType::Str));
        assert_eq!(prop_type("Badge", "mt"), Some(PropType::Any), "Mantine style props on Mantine kinds");
        assert_eq!(prop_type("Div", "mt"), None, "and not on html elements");
    }
}
