//! An app's catalog: the built-in kinds plus the app's own components (a React component the
//! app's renderer bundle registers by name), whose props are validated like built-in ones.

use super::{PropType, COMMON};
use std::collections::{BTreeMap, BTreeSet};

/// One of an app's own component types: its name as the renderer bundle registers it, its
/// props with their types, and which of them the user's action may change.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomKind {
    name: String,
    props: Vec<(String, PropType)>,
    editable: Vec<String>,
}

impl CustomKind {
    pub fn new(name: &str) -> Self {
        CustomKind { name: name.to_string(), props: Vec::new(), editable: Vec::new() }
    }

    /// A property the app sets.
    pub fn prop(mut self, name: &str, ty: PropType) -> Self {
        self.props.retain(|(p, _)| p != name);
        self.props.push((name.to_string(), ty));
        self
    }

    /// A property the component itself changes when the user acts (its `setProps`).
    pub fn editable(mut self, name: &str, ty: PropType) -> Self {
        self.editable.retain(|p| p != name);
        self.editable.push(name.to_string());
        self.prop(name, ty)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    fn prop_type(&self, prop: &str) -> Option<PropType> {
        self.props
            .iter()
            .find(|(p, _)| p == prop)
            .map(|(_, t)| *t)
            .or_else(|| COMMON.iter().find(|(p, _)| *p == prop).map(|(_, t)| *t))
    }
}

/// The kinds an app's layouts may use: every built-in one and the app's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    custom: BTreeMap<String, CustomKind>,
    /// The props some app kind fills with components (a superset when a kind is replaced).
    custom_children: BTreeSet<String>,
}

impl Catalog {
    /// Adds an app's own kind; a name a built-in kind already has is refused (the renderer
    /// could draw only one of them).
    pub fn add(&mut self, kind: CustomKind) -> Result<(), String> {
        if super::is_known_kind(&kind.name) {
            return Err(format!("{} is a built-in component; give the app's own component another name", kind.name));
        }
        if kind.name.is_empty() || !kind.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("{:?} is not a component name: use letters, digits and _", kind.name));
        }
        let children = kind.props.iter().filter(|(_, t)| *t == PropType::Children).map(|(p, _)| p.clone());
        self.custom_children.extend(children);
        self.custom.insert(kind.name.clone(), kind);
        Ok(())
    }

    pub fn is_known_kind(&self, kind: &str) -> bool {
        super::is_known_kind(kind) || self.custom.contains_key(kind)
    }

    pub fn prop_type(&self, kind: &str, prop: &str) -> Option<PropType> {
        match self.custom.get(kind) {
            Some(custom) => custom.prop_type(prop),
            None => super::prop_type(kind, prop),
        }
    }

    pub fn user_editable(&self, kind: &str, prop: &str) -> bool {
        match self.custom.get(kind) {
            Some(custom) => custom.editable.iter().any(|p| p == prop),
            None => super::user_editable(kind, prop),
        }
    }

    pub fn may_hold_components(&self, kind: &str, prop: &str) -> bool {
        self.prop_type(kind, prop) == Some(PropType::Children)
    }

    /// Whether `prop` may hold components in some kind, built-in or the app's own.
    pub fn holds_components_somewhere(&self, prop: &str) -> bool {
        super::holds_components_somewhere(prop) || self.custom_children.contains(prop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_apps_own_kind_is_validated_like_a_built_in_one() {
        let mut catalog = Catalog::default();
        catalog.add(CustomKind::new("Swatch").prop("colors", PropType::Array).editable("picked", PropType::Str)).unwrap();
        assert!(catalog.is_known_kind("Swatch"));
        assert_eq!(catalog.prop_type("Swatch", "id"), Some(PropType::Any), "common props come along");
        assert!(catalog.user_editable("Swatch", "picked"));
        assert!(!catalog.user_editable("Swatch", "colors"));
        assert!(!catalog.prop_type("Swatch", "picked").is_some_and(|t| t.accepts(&json!(3))), "picked takes a string");
        assert_eq!(catalog.prop_type("Swatch", "size"), None, "an undeclared prop is unknown");
        assert_eq!(catalog.prop_type("Badge", "color"), Some(PropType::Str), "built-in kinds still answer");
    }

    #[test]
    fn a_prop_holds_components_somewhere_when_a_built_in_or_an_apps_kind_fills_it_with_them() {
        let mut catalog = Catalog::default();
        assert!(catalog.holds_components_somewhere("children"));
        assert!(catalog.holds_components_somewhere("label"), "a Checkbox's label may be a component");
        for prop in ["checked", "value", "n_clicks", "data"] {
            assert!(!catalog.holds_components_somewhere(prop), "{prop}");
        }
        assert!(!catalog.holds_components_somewhere("slot"));
        catalog.add(CustomKind::new("Panel").prop("slot", PropType::Children).prop("tone", PropType::Str)).unwrap();
        assert!(catalog.holds_components_somewhere("slot"));
        assert!(!catalog.holds_components_somewhere("tone"));
    }

    #[test]
    fn a_built_in_name_or_a_bad_name_is_refused() {
        let mut catalog = Catalog::default();
        assert!(catalog.add(CustomKind::new("Button")).unwrap_err().contains("built-in"));
        assert!(catalog.add(CustomKind::new("my-thing")).unwrap_err().contains("not a component name"));
    }
}
