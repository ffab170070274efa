//! The live layout of one window: which components exist, where, and their current property
//! values. Walks component JSON, rejects duplicate ids, and swaps subtrees when a callback
//! returns new children.

use crate::catalog::{self, Catalog};
use crate::error::{EngineError, Result};
use crate::id::ComponentId;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// `(nearest id'd ancestor, the prop that holds us)`; None at the root.
pub type Owner = Option<(String, String)>;

#[derive(Debug, Clone)]
pub struct Node {
    pub id: ComponentId,
    pub kind: String,
    pub owner: Owner,
    /// Human-readable position for error messages, e.g. `Div > Div[1] > Button`.
    pub path: String,
    /// Layout order (increasing as components are inserted), so `ALL` lists follow the page.
    pub order: u64,
    /// How many JSON containers (objects and lists) lie between the root and this component.
    pub depth: usize,
}

/// How deeply a window's layout may nest, counted in JSON containers from the root (a
/// component is two: itself and its props). Reading, replacing and dropping a layout recurse
/// once per level, so a layout grown level by level by crafted changes must stop here
/// rather than exhaust the stack; Dash layouts are a few dozen levels deep.
pub const MAX_LAYOUT_DEPTH: usize = 400;

/// Every addressable (id'd) component of one window and its properties.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub nodes: HashMap<String, Node>,
    pub props: HashMap<String, Map<String, Value>>,
    owned: HashMap<(String, String), Vec<String>>,
    next_order: u64,
    /// The kinds this window's layout may use: the built-in ones and the app's own.
    pub catalog: Arc<Catalog>,
}

/// What one change of the layout did: the components registered (in layout order) and those
/// removed for good (a component replaced by one with its id is among the added only).
#[derive(Debug, Default)]
pub struct LayoutChange {
    pub added: Vec<String>,
    pub removed: Vec<(String, ComponentId)>,
}

impl LayoutChange {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// One edit of a list of components held in a prop, for [`Registry::edit_children`].
#[derive(Debug, Clone, Copy)]
pub enum ChildEdit<'a> {
    Append(&'a Value),
    /// Removes the entry at this index (negative counts from the end) and all it holds.
    Delete(i64),
}

/// An entry of a list of components as [`Registry::edit_children`] plans its edits.
enum Planned {
    /// The entry at this position before the edits.
    Held(usize),
    /// Appended by the edits.
    Appended,
}

/// A list index that may count from the end, if it lies inside a list of `len`.
fn resolve_index(index: i64, len: usize) -> Option<usize> {
    let at =
        if index < 0 { len.checked_sub(usize::try_from(index.unsigned_abs()).ok()?)? } else { usize::try_from(index).ok()? };
    (at < len).then_some(at)
}

/// The id key of a list entry that is a component with an id.
fn entry_key(entry: &Value) -> Option<String> {
    let (_, props) = as_component(entry)?;
    Some(id_key(&ComponentId::from_json(props.get("id")?).ok()?))
}

struct Found {
    key: String,
    node: Node,
    props: Map<String, Value>,
}

/// The canonical lookup key of an id (strings as themselves, maps as sorted compact JSON).
pub fn id_key(id: &ComponentId) -> String {
    id.to_string()
}

/// A value holding components as the registry keeps it: every id'd component inside is a
/// reference (`{type, props: {id}}`), its props kept once, under its own key, so a layout
/// costs its size and not its size times its depth. [`Registry::materialize`] puts the props
/// back.
pub fn by_reference(catalog: &Catalog, v: &Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.iter().map(|item| by_reference(catalog, item)).collect()),
        Value::Object(obj) => {
            let Some((kind, props)) = as_component(v) else { return v.clone() };
            // Everything but the props, which are rebuilt below: cloning the whole object
            // first would copy the subtree under it only to drop it again.
            let mut comp: Map<String, Value> =
                obj.iter().filter(|(k, _)| k.as_str() != "props").map(|(k, v)| (k.clone(), v.clone())).collect();
            let kept = match props.get("id").filter(|id| !id.is_null()) {
                Some(id) => Map::from_iter([("id".to_string(), id.clone())]),
                None => own_props(catalog, kind, props),
            };
            comp.insert("props".into(), Value::Object(kept));
            Value::Object(comp)
        }
        other => other.clone(),
    }
}

/// A component's props with the components they hold by reference.
fn own_props(catalog: &Catalog, kind: &str, props: &Map<String, Value>) -> Map<String, Value> {
    props
        .iter()
        .map(|(p, v)| (p.clone(), if catalog.may_hold_components(kind, p) { by_reference(catalog, v) } else { v.clone() }))
        .collect()
}

fn as_component(v: &Value) -> Option<(&str, &Map<String, Value>)> {
    let obj = v.as_object()?;
    let kind = obj.get("type")?.as_str()?;
    let props = obj.get("props")?.as_object()?;
    Some((kind, props))
}

fn walk(catalog: &Catalog, v: &Value, owner: &Owner, path: &str, depth: usize, out: &mut Vec<Found>) -> Result<()> {
    if depth > MAX_LAYOUT_DEPTH && (v.is_array() || v.is_object()) {
        return Err(EngineError::LayoutTooDeep { path: path.to_string(), limit: MAX_LAYOUT_DEPTH });
    }
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(catalog, item, owner, &format!("{path}[{i}]"), depth + 1, out)?;
            }
            Ok(())
        }
        Value::Object(_) => {
            let Some((kind, props)) = as_component(v) else { return Ok(()) };
            let here = if path.is_empty() { kind.to_string() } else { format!("{path} > {kind}") };
            if !catalog.is_known_kind(kind) {
                return Err(EngineError::UnknownComponentType { path: here, kind: kind.into() });
            }
            let id = match props.get("id") {
                None | Some(Value::Null) => None,
                Some(raw) => {
                    Some(ComponentId::from_json(raw).map_err(|reason| EngineError::InvalidId { path: here.clone(), reason })?)
                }
            };
            let shown = id.as_ref().map(|i| format!("{here}#{i}")).unwrap_or_else(|| here.clone());
            for (prop, value) in props {
                let Some(ty) = catalog.prop_type(kind, prop) else {
                    return Err(EngineError::UnknownProp {
                        id: id.as_ref().map(|i| i.to_string()).unwrap_or_else(|| shown.clone()),
                        component: kind.into(),
                        prop: prop.clone(),
                    });
                };
                if !ty.accepts(value) {
                    return Err(EngineError::WrongType {
                        id: shown.clone(),
                        prop: prop.clone(),
                        expected: ty.describe().into(),
                        got: catalog::json_type_name(value),
                    });
                }
            }
            let child_owner = id.as_ref().map(id_key);
            // Below an id'd component, paths start from it (`Div#panel > Div[2] > Button`): an
            // author can find it, and a deep layout's paths stay short instead of growing with
            // every level (they are kept for each component).
            let base = match &id {
                Some(id) => format!("{kind}#{id}"),
                None => shown.clone(),
            };
            for (prop, value) in props {
                if catalog.may_hold_components(kind, prop) {
                    let owner_here = match &child_owner {
                        Some(k) => Some((k.clone(), prop.clone())),
                        None => owner.clone(),
                    };
                    walk(catalog, value, &owner_here, &base, depth + 2, out)?;
                }
            }
            if let Some(id) = id {
                let node = Node { id: id.clone(), kind: kind.into(), owner: owner.clone(), path: shown, order: 0, depth };
                out.push(Found { key: id_key(&id), node, props: own_props(catalog, kind, props) });
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

impl Registry {
    pub fn from_layout(root: &Value, catalog: Arc<Catalog>) -> Result<Registry> {
        let mut reg = Registry { catalog, ..Registry::default() };
        reg.insert_tree(root, None)?;
        Ok(reg)
    }

    /// Registers every id'd component inside `v`, rejecting ids that already exist (other
    /// than those in `leaving`, which are about to be removed).
    fn insert_tree(&mut self, v: &Value, owner: Owner) -> Result<Vec<String>> {
        Ok(self.insert_tree_replacing(v, owner, &[])?.added)
    }

    fn insert_tree_replacing(&mut self, v: &Value, owner: Owner, leaving: &[String]) -> Result<LayoutChange> {
        let mut found = Vec::new();
        let base = owner.as_ref().map(|(k, p)| format!("{k}.{p}")).unwrap_or_default();
        // Below its owner's props: the owner component, its props, then this value.
        let depth = owner.as_ref().and_then(|(k, _)| self.nodes.get(k)).map_or(0, |n| n.depth + 2);
        walk(&self.catalog, v, &owner, &base, depth, &mut found)?;
        self.insert_found(found, leaving)
    }

    /// Registers what a walk found (after checking its ids are new) and forgets `leaving`.
    fn insert_found(&mut self, found: Vec<Found>, leaving: &[String]) -> Result<LayoutChange> {
        // A set, not the list: a list of 1,000 rows replaced by itself plus one would
        // otherwise compare every arriving key with every leaving one.
        let leaving_set: HashSet<&str> = leaving.iter().map(String::as_str).collect();
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for f in &found {
            let existing = self.nodes.get(&f.key).filter(|_| !leaving_set.contains(f.key.as_str())).map(|n| n.path.as_str());
            if let Some(first) = existing.or_else(|| seen.get(f.key.as_str()).copied()) {
                return Err(EngineError::DuplicateId {
                    id: f.key.clone(),
                    first: first.to_string(),
                    second: f.node.path.clone(),
                });
            }
            seen.insert(&f.key, &f.node.path);
        }
        let mut removed = Vec::new();
        for key in leaving {
            if let Some(node) = self.nodes.remove(key) {
                removed.push((key.clone(), node.id));
            }
            if let Some(props) = self.props.remove(key) {
                for prop in props.keys() {
                    self.owned.remove(&(key.clone(), prop.clone()));
                }
            }
        }
        let mut keys = Vec::with_capacity(found.len());
        // Siblings are numbered in page order, so lists built by `ALL` follow the page.
        for mut f in found {
            self.next_order += 1;
            f.node.order = self.next_order;
            if let Some(o) = &f.node.owner {
                self.owned.entry(o.clone()).or_default().push(f.key.clone());
            }
            keys.push(f.key.clone());
            self.props.insert(f.key.clone(), f.props);
            self.nodes.insert(f.key, f.node);
        }
        removed.retain(|(key, _)| !self.nodes.contains_key(key));
        Ok(LayoutChange { added: keys, removed })
    }

    /// Keys of every component held, directly or deeper, in `owner`.
    fn owned_within(&self, owner: &(String, String), out: &mut Vec<String>) {
        let Some(children) = self.owned.get(owner) else { return };
        for key in children {
            out.push(key.clone());
            if let Some(props) = self.props.get(key) {
                for prop in props.keys() {
                    self.owned_within(&(key.clone(), prop.clone()), out);
                }
            }
        }
    }

    /// Applies appends and deletes to the list of components held in `key.prop`, walking and
    /// registering only what they add or remove: a 1,000-row list grows or shrinks by a row in
    /// the time of one row, and a list of lists swaps one list without touching the others.
    /// All or nothing: every edit is planned and checked before anything changes. `None` when
    /// the edits do not fit the list (no list there, an index out of range, an entry that is
    /// not a component with an id, a delete of what the same edits appended); the caller then
    /// rewrites the whole list.
    pub fn edit_children(&mut self, key: &str, prop: &str, edits: &[ChildEdit]) -> Option<Result<LayoutChange>> {
        let list = self.props.get(key)?.get(prop)?.as_array()?;
        let owner: Owner = Some((key.to_string(), prop.to_string()));
        let depth = self.nodes.get(key).map_or(0, |n| n.depth + 3);
        // The planned list as the edits before it leave it: entries held before (their id
        // keys read only if deleted, so an append costs no pass over the list) and appended.
        let mut entries: Vec<Planned> = (0..list.len()).map(Planned::Held).collect();
        let mut appended = HashSet::new();
        let (mut found, mut leaving) = (Vec::new(), Vec::new());
        for edit in edits {
            match *edit {
                ChildEdit::Append(child) => {
                    let path = format!("{key}.{prop}[{}]", entries.len());
                    if let Err(e) = walk(&self.catalog, child, &owner, &path, depth, &mut found) {
                        return Some(Err(e));
                    }
                    let child_key = entry_key(child);
                    appended.extend(child_key);
                    entries.push(Planned::Appended);
                }
                ChildEdit::Delete(index) => {
                    let at = resolve_index(index, entries.len())?;
                    let child = match entries.remove(at) {
                        Planned::Held(i) => entry_key(list.get(i)?)?,
                        // What these edits appended is not registered yet.
                        Planned::Appended => return None,
                    };
                    if appended.contains(&child) {
                        return None;
                    }
                    for held in self.props.get(&child)?.keys() {
                        self.owned_within(&(child.clone(), held.clone()), &mut leaving);
                    }
                    leaving.push(child);
                }
            }
        }
        let change = match self.insert_found(found, &leaving) {
            Ok(change) => change,
            Err(e) => return Some(Err(e)),
        };
        // Registering put the new rows among the list's own; those deleted leave it (a row
        // deleted and appended again by these edits stays, once).
        if !leaving.is_empty() {
            let gone: HashSet<&String> = change.removed.iter().map(|(k, _)| k).collect();
            let mut seen = HashSet::new();
            if let Some(direct) = self.owned.get_mut(&(key.to_string(), prop.to_string())) {
                direct.retain(|k| !gone.contains(k) && seen.insert(k.clone()));
            }
        }
        let reference: Vec<Option<Value>> = edits
            .iter()
            .map(|e| if let ChildEdit::Append(child) = e { Some(by_reference(&self.catalog, child)) } else { None })
            .collect();
        if let Some(list) = self.props.get_mut(key).and_then(|p| p.get_mut(prop)).and_then(Value::as_array_mut) {
            for (edit, reference) in edits.iter().zip(reference) {
                match (edit, reference) {
                    (_, Some(child)) => list.push(child),
                    (ChildEdit::Delete(index), None) => {
                        if let Some(at) = resolve_index(*index, list.len()) {
                            list.remove(at);
                        }
                    }
                    (ChildEdit::Append(_), None) => {}
                }
            }
        }
        Some(Ok(change))
    }

    /// Replaces the components held in `key.prop` by those in `value`. Returns the components
    /// added and removed. On a duplicate id nothing changes.
    pub fn replace_children(&mut self, key: &str, prop: &str, value: &Value) -> Result<LayoutChange> {
        let owner = (key.to_string(), prop.to_string());
        let mut leaving = Vec::new();
        self.owned_within(&owner, &mut leaving);
        let change = self.insert_tree_replacing(value, Some(owner.clone()), &leaving)?;
        if change.added.is_empty() {
            self.owned.remove(&owner);
        } else {
            self.owned.insert(
                owner,
                change
                    .added
                    .iter()
                    .filter(|k| self.nodes.get(*k).is_some_and(|n| n.owner.as_ref().is_some_and(|o| o.0 == key && o.1 == prop)))
                    .cloned()
                    .collect(),
            );
        }
        Ok(change)
    }

    pub fn get(&self, key: &str, prop: &str) -> Value {
        self.props.get(key).and_then(|p| p.get(prop)).cloned().unwrap_or(Value::Null)
    }

    /// A prop's value with any nested components showing their current props, not the ones
    /// they had when the subtree was inserted.
    pub fn materialized(&self, key: &str, prop: &str) -> Value {
        let v = self.get(key, prop);
        // Most reads (an `ALL` input's 1,000 `checked` flags) are of props no kind fills
        // with components: their kind is not looked up.
        if !self.catalog.holds_components_somewhere(prop) {
            return v;
        }
        match self.nodes.get(key) {
            Some(n) if self.catalog.may_hold_components(&n.kind, prop) => self.materialize(&v),
            _ => v,
        }
    }

    pub fn materialize(&self, v: &Value) -> Value {
        match v {
            Value::Array(items) => Value::Array(items.iter().map(|i| self.materialize(i)).collect()),
            Value::Object(obj) => {
                let Some((kind, props)) = as_component(v) else { return v.clone() };
                let current =
                    props.get("id").and_then(|raw| ComponentId::from_json(raw).ok()).and_then(|id| self.props.get(&id_key(&id)));
                let source = current.unwrap_or(props);
                let mut out = Map::new();
                for (p, val) in source {
                    let val = if self.catalog.may_hold_components(kind, p) { self.materialize(val) } else { val.clone() };
                    out.insert(p.clone(), val);
                }
                let mut comp = obj.clone();
                comp.insert("props".into(), Value::Object(out));
                Value::Object(comp)
            }
            _ => v.clone(),
        }
    }
}

/// Row edits as the property tests generate them, applied in one `edit_children` call.
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) enum RowEdit {
    Append(i64),
    Delete(i64),
}

/// Applies `edits` to the children of `key`, each appended row built by `row`.
#[cfg(test)]
pub(crate) fn edit_rows(
    reg: &mut Registry,
    key: &str,
    edits: &[RowEdit],
    row: impl Fn(i64) -> Value,
) -> Option<Result<LayoutChange>> {
    let rows: Vec<Value> = edits.iter().map(|e| if let RowEdit::Append(i) = e { row(*i) } else { Value::Null }).collect();
    let edits: Vec<ChildEdit> = edits
        .iter()
        .zip(&rows)
        .map(|(e, r)| match e {
            RowEdit::Append(_) => ChildEdit::Append(r),
            RowEdit::Delete(at) => ChildEdit::Delete(*at),
        })
        .collect();
    reg.edit_children(key, "children", &edits)
}

#[cfg(test)]
mod tests {
    //! Editing a list of components in place leaves the registry as registering the edited
    //! list whole would.
    use super::*;
    use crate::component::div;
    use proptest::prelude::*;
    use serde_json::json;

    /// A row: an id'd component holding an id'd cell and a component without an id.
    fn row(i: i64) -> Value {
        div((div("cell").id(json!({"type": "cell", "index": i})), div("plain"))).id(json!({"type": "row", "index": i})).to_json()
    }

    fn registry(rows: &[i64]) -> Registry {
        let rows: Vec<Value> = rows.iter().map(|&i| row(i)).collect();
        let layout = json!({"type": "Div", "props": {"id": "root", "children": [
            {"type": "Div", "props": {"id": "list", "children": rows}}
        ]}});
        Registry::from_layout(&layout, Arc::new(Catalog::default())).unwrap_or_else(|e| panic!("the layout registers: {e}"))
    }

    /// What a registry holds, apart from the order numbers its history gave it.
    fn held(reg: &Registry) -> (BTreeSet<String>, Value) {
        (reg.nodes.keys().cloned().collect(), reg.materialized("list", "children"))
    }

    use std::collections::BTreeSet;

    proptest! {
        #[test]
        fn editing_children_in_place_equals_registering_them_again(
            batches in proptest::collection::vec(
                proptest::collection::vec(prop_oneof![(0i64..10).prop_map(RowEdit::Append), (-5i64..8).prop_map(RowEdit::Delete)], 1..5),
                1..20,
            )
        ) {
            let mut model: Vec<i64> = Vec::new();
            let mut reg = registry(&model);
            for batch in &batches {
                let before = held(&reg);
                match edit_rows(&mut reg, "list", batch, row) {
                    Some(Ok(_)) => {
                        for e in batch {
                            match e {
                                RowEdit::Append(i) => model.push(*i),
                                RowEdit::Delete(at) => {
                                    let at = resolve_index(*at, model.len());
                                    prop_assert!(at.is_some(), "an applied delete was in range");
                                    model.remove(at.unwrap_or_default());
                                }
                            }
                        }
                    }
                    // Refused (a duplicate id) or left to a whole rewrite: nothing changed.
                    Some(Err(_)) | None => prop_assert_eq!(held(&reg), before, "after refusing {:?}", batch),
                }
                prop_assert_eq!(held(&reg), held(&registry(&model)), "after {:?}", batch);
            }
            // What the edits registered is owned by the list: replacing it leaves none behind.
            reg.replace_children("list", "children", &json!([])).unwrap_or_else(|e| panic!("{e}"));
            prop_assert_eq!(held(&reg).0, held(&registry(&[])).0);
        }
    }
}
