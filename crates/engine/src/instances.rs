//! Callback instances: each registered callback resolved against the live layout. A callback
//! with `MATCH` gets one instance per matched value; `ALL`/`ALLSMALLER` resolve to lists.
//! Also holds the indexes the scheduler asks: which instances a property fires, and which
//! properties an instance may (transitively) write.

use crate::app::{AppSpec, CallbackSpec};
use crate::deps::{Dep, OutputDep};
use crate::id::{DepId, PatternKey, ScalarKey};
use crate::layout::{id_key, LayoutChange, Registry};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// A property of one component: `(id key, prop)`.
pub type PropKey = (String, String);

/// Identifies an instance across re-resolutions: callback index and its MATCH values.
pub type InstKey = (usize, String);

/// A dependency resolved to components.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    One(String),
    Many(Vec<String>),
    Missing,
}

impl Resolved {
    pub fn keys(&self) -> &[String] {
        match self {
            Resolved::One(k) => std::slice::from_ref(k),
            Resolved::Many(ks) => ks,
            Resolved::Missing => &[],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Instance {
    pub cb: usize,
    pub key: InstKey,
    /// Parallel to the callback's `deps`.
    pub deps: Vec<Resolved>,
    pub outputs: Vec<Resolved>,
    pub running: Vec<Resolved>,
    pub progress: Vec<Resolved>,
    pub cancel: Vec<Resolved>,
}

impl Instance {
    /// Whether every single-valued firing input exists (Dash skips a callback otherwise).
    pub fn inputs_present(&self, deps: &[Dep]) -> bool {
        deps.iter().zip(&self.deps).all(|(d, r)| !d.fires() || !matches!(r, Resolved::Missing))
    }

    pub fn firing_props<'a>(&'a self, deps: &'a [Dep]) -> impl Iterator<Item = PropKey> + 'a {
        deps.iter()
            .zip(&self.deps)
            .filter(|(d, _)| d.fires())
            .flat_map(|(d, r)| r.keys().iter().map(move |k| (k.clone(), d.prop.clone())))
    }

    pub fn output_props<'a>(&'a self, outs: &'a [OutputDep]) -> impl Iterator<Item = PropKey> + 'a {
        outs.iter().zip(&self.outputs).flat_map(|(o, r)| r.keys().iter().map(move |k| (k.clone(), o.prop.clone())))
    }
}

fn shape_of<'k>(keys: impl Iterator<Item = &'k String>) -> String {
    keys.map(String::as_str).collect::<Vec<_>>().join("\u{1f}")
}

/// Components grouped by the key set of their map id, so patterns look at few candidates.
struct ShapeIndex<'a> {
    by_shape: HashMap<String, Vec<(&'a str, &'a BTreeMap<String, ScalarKey>, u64)>>,
    /// Every map id, for patterns that name one component (each key exact or bound by
    /// MATCH): a MATCH callback over 1,000 rows resolves each instance in one lookup, not a
    /// scan of every row.
    by_id: HashMap<&'a BTreeMap<String, ScalarKey>, &'a str>,
}

impl<'a> ShapeIndex<'a> {
    fn new(reg: &'a Registry) -> Self {
        let mut by_shape: HashMap<String, Vec<_>> = HashMap::new();
        let mut by_id = HashMap::new();
        for (key, node) in &reg.nodes {
            if let crate::id::ComponentId::Map(m) = &node.id {
                let shape = shape_of(m.keys());
                by_shape.entry(shape).or_default().push((key.as_str(), m, node.order));
                by_id.insert(m, key.as_str());
            }
        }
        for list in by_shape.values_mut() {
            list.sort_by_key(|(_, _, order)| *order);
        }
        ShapeIndex { by_shape, by_id }
    }

    /// The one id `pattern` names when every key is exact or bound by MATCH.
    fn named(pattern: &BTreeMap<String, PatternKey>, bound: &BTreeMap<String, ScalarKey>) -> Option<BTreeMap<String, ScalarKey>> {
        pattern
            .iter()
            .map(|(k, pk)| match pk {
                PatternKey::Exact(e) => Some((k.clone(), e.clone())),
                PatternKey::Match => bound.get(k).map(|b| (k.clone(), b.clone())),
                PatternKey::All | PatternKey::AllSmaller => None,
            })
            .collect()
    }

    fn candidates(&self, pattern: &BTreeMap<String, PatternKey>) -> &[(&'a str, &'a BTreeMap<String, ScalarKey>, u64)] {
        self.by_shape.get(&shape_of(pattern.keys())).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Components matching `pattern` given the instance's MATCH values, in layout order.
    fn matching(&self, pattern: &BTreeMap<String, PatternKey>, bound: &BTreeMap<String, ScalarKey>) -> Vec<String> {
        if let Some(id) = Self::named(pattern, bound) {
            return self.by_id.get(&id).map(|key| vec![key.to_string()]).unwrap_or_default();
        }
        self.candidates(pattern)
            .iter()
            .filter(|(_, id, _)| named_under(pattern, id, bound))
            .map(|(key, _, _)| key.to_string())
            .collect()
    }
}

fn resolve_dep(id: &DepId, reg: &Registry, shapes: &ShapeIndex, bound: &BTreeMap<String, ScalarKey>) -> Resolved {
    match id {
        DepId::Exact(exact) => {
            let key = id_key(exact);
            if reg.nodes.contains_key(&key) {
                Resolved::One(key)
            } else {
                Resolved::Missing
            }
        }
        DepId::Pattern(p) if id.is_multi() => Resolved::Many(shapes.matching(p, bound)),
        DepId::Pattern(p) => {
            let mut found = shapes.matching(p, bound);
            match found.len() {
                1 => Resolved::One(found.remove(0)),
                _ => Resolved::Missing,
            }
        }
    }
}

/// The values bound to MATCH keys for each instance of a callback (one empty binding when
/// the callback has no MATCH).
fn match_bindings(spec: &crate::app::CallbackSpec, shapes: &ShapeIndex) -> Vec<BTreeMap<String, ScalarKey>> {
    let matchers: Vec<&BTreeMap<String, PatternKey>> = spec
        .firing()
        .filter_map(|d| match &d.id {
            DepId::Pattern(p) if p.values().any(|k| *k == PatternKey::Match) => Some(p),
            _ => None,
        })
        .collect();
    let Some(first) = matchers.first() else { return vec![BTreeMap::new()] };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (_, id, _) in shapes.candidates(first) {
        if !fits(first, id) {
            continue;
        }
        let binding: BTreeMap<String, ScalarKey> = first
            .iter()
            .filter(|(_, pk)| **pk == PatternKey::Match)
            .filter_map(|(k, _)| id.get(k).map(|v| (k.clone(), v.clone())))
            .collect();
        if seen.insert(format!("{binding:?}")) {
            out.push(binding);
        }
    }
    out
}

fn instance_key(cb: usize, bound: &BTreeMap<String, ScalarKey>) -> InstKey {
    (cb, if bound.is_empty() { String::new() } else { format!("{bound:?}") })
}

/// One instance of callback `cb` under the MATCH values `bound`, resolved by `res`.
fn instance(cb: usize, spec: &CallbackSpec, bound: &BTreeMap<String, ScalarKey>, res: impl Fn(&DepId) -> Resolved) -> Instance {
    Instance {
        cb,
        key: instance_key(cb, bound),
        deps: spec.deps.iter().map(|d| res(&d.id)).collect(),
        outputs: spec.outputs.iter().map(|o| res(&o.id)).collect(),
        running: spec.running.iter().map(|r| res(&r.0.id)).collect(),
        progress: spec.progress.iter().map(|o| res(&o.id)).collect(),
        cancel: spec.cancel.iter().map(|d| res(&d.id)).collect(),
    }
}

fn resolve_callback(cb: usize, spec: &CallbackSpec, reg: &Registry, shapes: &ShapeIndex) -> Vec<Instance> {
    match_bindings(spec, shapes)
        .into_iter()
        .map(|bound| instance(cb, spec, &bound, |id| resolve_dep(id, reg, shapes, &bound)))
        .collect()
}

/// Every id a callback names: its inputs, states, outputs, `running`, `progress` and `cancel`.
fn dep_ids(spec: &CallbackSpec) -> impl Iterator<Item = &DepId> {
    spec.deps
        .iter()
        .map(|d| &d.id)
        .chain(spec.outputs.iter().map(|o| &o.id))
        .chain(spec.running.iter().map(|r| &r.0.id))
        .chain(spec.progress.iter().map(|o| &o.id))
        .chain(spec.cancel.iter().map(|d| &d.id))
}

/// Whether `id` has the pattern's keys and its exact values (wildcards aside).
fn fits(pattern: &BTreeMap<String, PatternKey>, id: &BTreeMap<String, ScalarKey>) -> bool {
    pattern.len() == id.len()
        && pattern.iter().all(|(k, pk)| match (pk, id.get(k)) {
            (PatternKey::Exact(e), Some(v)) => e == v,
            (_, found) => found.is_some(),
        })
}

/// Whether `id` (of the pattern's keys) is among what `pattern` names under the MATCH values
/// `bound`.
fn named_under(
    pattern: &BTreeMap<String, PatternKey>,
    id: &BTreeMap<String, ScalarKey>,
    bound: &BTreeMap<String, ScalarKey>,
) -> bool {
    pattern.iter().all(|(k, pk)| {
        let Some(v) = id.get(k) else { return false };
        match pk {
            PatternKey::Exact(e) => e == v,
            PatternKey::All => true,
            PatternKey::Match => bound.get(k).is_none_or(|b| b == v),
            PatternKey::AllSmaller => bound.get(k).is_some_and(|b| v < b),
        }
    })
}

/// The components one change of the layout added or removed, as the instances see them.
struct Changed<'a> {
    /// Added (in layout order) and removed, with their ids.
    ids: Vec<(&'a str, &'a crate::id::ComponentId)>,
    added: Vec<(&'a str, &'a BTreeMap<String, ScalarKey>)>,
    keys: HashSet<&'a str>,
}

impl<'a> Changed<'a> {
    fn of(change: &'a LayoutChange, reg: &'a Registry) -> Changed<'a> {
        let added: Vec<(&str, &crate::id::ComponentId)> =
            change.added.iter().filter_map(|k| reg.nodes.get(k).map(|n| (k.as_str(), &n.id))).collect();
        let maps = added
            .iter()
            .filter_map(|(k, id)| match id {
                crate::id::ComponentId::Map(m) => Some((*k, m)),
                crate::id::ComponentId::Str(_) => None,
            })
            .collect();
        let mut ids = added;
        ids.extend(change.removed.iter().map(|(k, id)| (k.as_str(), id)));
        let keys = ids.iter().map(|(k, _)| *k).collect();
        Changed { ids, added: maps, keys }
    }

    /// Whether a changed component may be named by `id`.
    fn names(&self, id: &DepId) -> bool {
        match id {
            DepId::Exact(exact) => self.keys.contains(id_key(exact).as_str()),
            DepId::Pattern(p) => self.maps().any(|(_, m)| fits(p, m)),
        }
    }

    fn maps(&self) -> impl Iterator<Item = (&'a str, &'a BTreeMap<String, ScalarKey>)> + '_ {
        self.ids.iter().filter_map(|(k, id)| match id {
            crate::id::ComponentId::Map(m) => Some((*k, m)),
            crate::id::ComponentId::Str(_) => None,
        })
    }

    fn touches(&self, spec: &CallbackSpec) -> bool {
        dep_ids(spec).any(|id| self.names(id))
    }
}

/// How one callback's instances follow a change that touches them.
enum Follow<'s> {
    /// No MATCH: its one instance, each dependency updated from what came and went.
    Single,
    /// MATCH, and every pattern names one component under the MATCH values (the first
    /// matching input given): only the instances whose values a changed component carries
    /// are resolved again (a row's MATCH callback over 1,000 rows costs the row).
    Named(&'s BTreeMap<String, PatternKey>),
    /// Anything else is resolved again whole.
    Whole,
}

impl<'s> Follow<'s> {
    fn of(spec: &'s CallbackSpec, changed: &Changed) -> Follow<'s> {
        let matcher = spec.firing().find_map(|d| match &d.id {
            DepId::Pattern(p) if p.values().any(|k| *k == PatternKey::Match) => Some(p),
            _ => None,
        });
        let patterns = || {
            dep_ids(spec).filter_map(|id| match id {
                DepId::Pattern(p) => Some(p),
                DepId::Exact(_) => None,
            })
        };
        let Some(matcher) = matcher else {
            // Without MATCH values, a single-valued pattern must name its component exactly.
            let plain = patterns().all(|p| {
                p.values().all(|k| matches!(k, PatternKey::Exact(_)))
                    || p.values().any(|k| matches!(k, PatternKey::All | PatternKey::AllSmaller))
            });
            return if plain { Follow::Single } else { Follow::Whole };
        };
        let bound: BTreeSet<&String> = matcher.iter().filter(|(_, k)| **k == PatternKey::Match).map(|(k, _)| k).collect();
        let named = patterns().all(|p| {
            p.iter().all(|(k, pk)| match pk {
                PatternKey::Exact(_) => true,
                PatternKey::Match => bound.contains(k),
                PatternKey::All | PatternKey::AllSmaller => false,
            })
        });
        // A component named exactly belongs to every instance: they all change with it.
        let exact_changed = dep_ids(spec).any(|id| matches!(id, DepId::Exact(_)) && changed.names(id));
        if named && !exact_changed {
            Follow::Named(matcher)
        } else {
            Follow::Whole
        }
    }
}

/// A dependency resolved again after a change, from what it resolved to before: a named
/// component is looked up, an `ALL` list keeps its members that stayed and gains the new
/// ones that fit (they come after every member that stayed, as the registry numbers
/// components in the order they arrive). Also whether it resolves to other components now.
fn follow_dep(
    id: &DepId,
    before: Resolved,
    reg: &Registry,
    changed: &Changed,
    bound: &BTreeMap<String, ScalarKey>,
) -> (Resolved, bool) {
    let lookup = |key: String| {
        let now = if reg.nodes.contains_key(&key) { Resolved::One(key) } else { Resolved::Missing };
        let moved = now != before;
        (now, moved)
    };
    match id {
        DepId::Exact(exact) => lookup(id_key(exact)),
        DepId::Pattern(p) if id.is_multi() => {
            let mut keys = match before {
                Resolved::Many(keys) => keys,
                _ => Vec::new(),
            };
            // From the first member that changed on, the list may differ.
            let cut = keys.iter().position(|k| changed.keys.contains(k.as_str())).unwrap_or(keys.len());
            let (tail_kept, tail_gone): (Vec<String>, Vec<String>) =
                keys.split_off(cut).into_iter().partition(|k| !changed.keys.contains(k.as_str()));
            let arrived: Vec<String> = changed
                .added
                .iter()
                .filter(|(_, m)| fits(p, m) && named_under(p, m, bound))
                .map(|(k, _)| k.to_string())
                .collect();
            // The same list only when what left was its end and came back as it was (a list
            // drawn again with the components it had).
            let moved = !tail_kept.is_empty() || arrived != tail_gone;
            keys.extend(tail_kept);
            keys.extend(arrived);
            (Resolved::Many(keys), moved)
        }
        DepId::Pattern(p) => match ShapeIndex::named(p, bound) {
            Some(named) => lookup(id_key(&crate::id::ComponentId::Map(named))),
            None => (before, false),
        },
    }
}

/// An instance resolved again after a change, and whether it makes its initial call (the
/// rule of [`Instances::new_or_changed`], without keeping a copy of what it was).
fn follow_instance(
    spec: &CallbackSpec,
    before: Instance,
    reg: &Registry,
    changed: &Changed,
    bound: &BTreeMap<String, ScalarKey>,
) -> (Instance, bool) {
    let mut fresh = false;
    let deps = spec
        .deps
        .iter()
        .zip(before.deps)
        .map(|(d, r)| {
            let (now, moved) = follow_dep(&d.id, r, reg, changed, bound);
            fresh |= moved && d.fires();
            now
        })
        .collect();
    let outputs = spec
        .outputs
        .iter()
        .zip(before.outputs)
        .map(|(o, r)| {
            let was_missing = matches!(r, Resolved::Missing);
            let (now, _) = follow_dep(&o.id, r, reg, changed, bound);
            fresh |= was_missing && !matches!(now, Resolved::Missing);
            now
        })
        .collect();
    let follow = |ids: &mut dyn Iterator<Item = &DepId>, was: Vec<Resolved>| -> Vec<Resolved> {
        ids.zip(was).map(|(id, r)| follow_dep(id, r, reg, changed, bound).0).collect()
    };
    let inst = Instance {
        cb: before.cb,
        key: before.key,
        deps,
        outputs,
        running: follow(&mut spec.running.iter().map(|r| &r.0.id), before.running),
        progress: follow(&mut spec.progress.iter().map(|o| &o.id), before.progress),
        cancel: follow(&mut spec.cancel.iter().map(|d| &d.id), before.cancel),
    };
    (inst, fresh)
}

fn follow_single(spec: &CallbackSpec, before: Vec<Instance>, reg: &Registry, changed: &Changed) -> (Vec<Instance>, Vec<InstKey>) {
    let bound = BTreeMap::new();
    let mut fresh = Vec::new();
    let now = before
        .into_iter()
        .map(|was| {
            let (now, is_fresh) = follow_instance(spec, was, reg, changed, &bound);
            if is_fresh {
                fresh.push(now.key.clone());
            }
            now
        })
        .collect();
    (now, fresh)
}

fn follow_named(
    cb: usize,
    spec: &CallbackSpec,
    matcher: &BTreeMap<String, PatternKey>,
    before: Vec<Instance>,
    reg: &Registry,
    changed: &Changed,
) -> (Vec<Instance>, Vec<InstKey>) {
    // The MATCH values of every changed component some pattern of the callback names.
    let mut touched: Vec<BTreeMap<String, ScalarKey>> = Vec::new();
    let mut seen = HashSet::new();
    for (_, id) in changed.maps() {
        for p in dep_ids(spec).filter_map(|d| match d {
            DepId::Pattern(p) => Some(p),
            DepId::Exact(_) => None,
        }) {
            if !fits(p, id) {
                continue;
            }
            let bound: BTreeMap<String, ScalarKey> = matcher
                .iter()
                .filter(|(_, k)| **k == PatternKey::Match)
                .filter_map(|(k, _)| id.get(k).map(|v| (k.clone(), v.clone())))
                .collect();
            if seen.insert(instance_key(cb, &bound)) {
                touched.push(bound);
            }
        }
    }
    let mut at: HashMap<InstKey, usize> = before.iter().enumerate().map(|(n, i)| (i.key.clone(), n)).collect();
    let mut now: Vec<Option<Instance>> = before.into_iter().map(Some).collect();
    let mut fresh = Vec::new();
    for bound in touched {
        let key = instance_key(cb, &bound);
        // An instance exists while the component its first MATCH input names does.
        let exists = ShapeIndex::named(matcher, &bound)
            .is_some_and(|id| reg.nodes.contains_key(&id_key(&crate::id::ComponentId::Map(id))));
        let was = at.get(&key).and_then(|&n| now[n].take());
        if !exists {
            continue;
        }
        let inst = instance(cb, spec, &bound, |id| follow_dep(id, Resolved::Missing, reg, changed, &bound).0);
        if Instances::new_or_changed(spec, was.as_ref(), &inst) {
            fresh.push(key.clone());
        }
        match at.get(&key) {
            Some(&n) => now[n] = Some(inst),
            None => {
                at.insert(key, now.len());
                now.push(Some(inst));
            }
        }
    }
    (now.into_iter().flatten().collect(), fresh)
}

/// Every instance of every callback, with the scheduler's indexes.
#[derive(Default)]
pub struct Instances {
    /// Shared, so a call takes its instance without copying its `ALL` lists.
    pub list: Vec<Arc<Instance>>,
    pub by_key: HashMap<InstKey, usize>,
    /// Which instances each property fires.
    pub fired_by: HashMap<PropKey, Vec<usize>>,
    /// Which instances hold each property as a `cancel` input.
    pub cancelled_by: HashMap<PropKey, Vec<usize>>,
    closures: std::sync::Mutex<HashMap<usize, Arc<HashSet<PropKey>>>>,
}

impl Instances {
    pub fn resolve(app: &AppSpec, reg: &Registry) -> Instances {
        let shapes = ShapeIndex::new(reg);
        let mut list = Vec::new();
        for (cb, spec) in app.callbacks.iter().enumerate() {
            list.extend(resolve_callback(cb, spec, reg, &shapes).into_iter().map(Arc::new));
        }
        Instances::indexed(app, list)
    }

    /// The instances after one change of the layout, and which of them make their initial
    /// call (see [`Instances::new_or_changed`]). Only what the change can touch is resolved
    /// again: a row appended to a list of 1,000 costs its own components, not the list's.
    pub fn follow(self, app: &AppSpec, reg: &Registry, change: &LayoutChange) -> (Instances, Vec<usize>) {
        let changed = Changed::of(change, reg);
        let mut shapes = None;
        let mut old: Vec<Vec<Arc<Instance>>> = app.callbacks.iter().map(|_| Vec::new()).collect();
        for inst in self.list {
            if let Some(group) = old.get_mut(inst.cb) {
                group.push(inst);
            }
        }
        let mut list = Vec::new();
        let mut fresh_keys = HashSet::new();
        for ((cb, spec), before) in app.callbacks.iter().enumerate().zip(old) {
            if !changed.touches(spec) {
                list.extend(before);
                continue;
            }
            // Taken over without a copy, unless a call writing its results still holds one.
            let before: Vec<Instance> = before.into_iter().map(Arc::unwrap_or_clone).collect();
            let (now, fresh) = match Follow::of(spec, &changed) {
                Follow::Single => follow_single(spec, before, reg, &changed),
                Follow::Named(matcher) => follow_named(cb, spec, matcher, before, reg, &changed),
                Follow::Whole => {
                    let shapes = shapes.get_or_insert_with(|| ShapeIndex::new(reg));
                    let now = resolve_callback(cb, spec, reg, shapes);
                    let before: HashMap<InstKey, Instance> = before.into_iter().map(|i| (i.key.clone(), i)).collect();
                    let fresh = now
                        .iter()
                        .filter(|i| before.get(&i.key).is_none_or(|b| Instances::new_or_changed(spec, Some(b), i)))
                        .map(|i| i.key.clone())
                        .collect();
                    (now, fresh)
                }
            };
            fresh_keys.extend(fresh);
            list.extend(now.into_iter().map(Arc::new));
        }
        let instances = Instances::indexed(app, list);
        let fresh = instances.list.iter().enumerate().filter(|(_, i)| fresh_keys.contains(&i.key)).map(|(n, _)| n).collect();
        (instances, fresh)
    }

    /// Whether an instance makes its initial call after a change of the layout: as in Dash,
    /// a new one, one whose firing inputs now resolve to other components (an `ALL` list that
    /// grew or shrank), and one with an output that was not drawn before (a page's text fed
    /// by a store outside the pages).
    fn new_or_changed(spec: &CallbackSpec, before: Option<&Instance>, now: &Instance) -> bool {
        let Some(before) = before else { return true };
        spec.deps.iter().zip(before.deps.iter().zip(&now.deps)).any(|(d, (was, now))| d.fires() && was != now)
            || before
                .outputs
                .iter()
                .zip(&now.outputs)
                .any(|(was, now)| matches!(was, Resolved::Missing) && !matches!(now, Resolved::Missing))
    }

    fn indexed(app: &AppSpec, list: Vec<Arc<Instance>>) -> Instances {
        let mut by_key = HashMap::new();
        let mut fired_by: HashMap<PropKey, Vec<usize>> = HashMap::new();
        let mut cancelled_by: HashMap<PropKey, Vec<usize>> = HashMap::new();
        for (i, inst) in list.iter().enumerate() {
            by_key.insert(inst.key.clone(), i);
            let spec = &app.callbacks[inst.cb];
            for p in inst.firing_props(&spec.deps) {
                fired_by.entry(p).or_default().push(i);
            }
            for (d, r) in spec.cancel.iter().zip(&inst.cancel) {
                for k in r.keys() {
                    cancelled_by.entry((k.clone(), d.prop.clone())).or_default().push(i);
                }
            }
        }
        Instances { list, by_key, fired_by, cancelled_by, closures: Default::default() }
    }

    /// Every property instance `i` may write, directly or through the callbacks it fires.
    pub fn closure(&self, app: &AppSpec, i: usize) -> Arc<HashSet<PropKey>> {
        if let Some(c) = self.closures.lock().ok().and_then(|m| m.get(&i).cloned()) {
            return c;
        }
        let mut props = HashSet::new();
        let mut seen = HashSet::from([i]);
        let mut stack = vec![i];
        while let Some(j) = stack.pop() {
            let inst = &self.list[j];
            for p in inst.output_props(&app.callbacks[inst.cb].outputs) {
                for &k in self.fired_by.get(&p).map(Vec::as_slice).unwrap_or(&[]) {
                    if seen.insert(k) {
                        stack.push(k);
                    }
                }
                props.insert(p);
            }
        }
        let c = Arc::new(props);
        if let Ok(mut m) = self.closures.lock() {
            m.insert(i, c.clone());
        }
        c
    }
}

#[cfg(test)]
mod tests {
    //! Following a change of the layout resolves exactly what resolving everything again
    //! would, and picks the same instances for their initial call.
    use super::*;
    use crate::component::{button, div, input};
    use crate::deps::{Input, Output, State};
    use crate::id::{ALL, ALLSMALLER, MATCH};
    use crate::layout::{edit_rows, ChildEdit, RowEdit};
    use crate::App;
    use proptest::prelude::*;
    use serde_json::{json, Value};
    use std::sync::Arc;

    type R<T> = std::result::Result<T, crate::CallbackError>;

    fn row(i: i64) -> Value {
        div((
            input(json!({"type": "a", "index": i})),
            div(()).id(json!({"type": "b", "index": i})),
            div(()).id(json!({"type": "c", "index": i})),
        ))
        .id(json!({"type": "row", "index": i}))
        .to_json()
    }

    fn app() -> Arc<AppSpec> {
        let a = |k: &str| json!({"type": "a", "index": k});
        let out = |k: &str, p: &str| Output::new(json!({"type": p, "index": k}), "children");
        App::new("follow")
            .suppress_callback_exceptions(true)
            .layout(div((div(()).id("list"), div(()).id("x"), button("b").id("btn"), div(()).id("out0"), div(()).id("out3"))))
            .callback(Input::new(a(ALL), "value"), Output::new("out0", "children"), |_: Vec<Value>| -> R<i64> { Ok(0) })
            .callback(Input::new(a(MATCH), "value"), out(MATCH, "b"), |_: Value| -> R<i64> { Ok(1) })
            .callback(
                (Input::new(a(MATCH), "value"), State::new(a(ALLSMALLER), "value")),
                out(MATCH, "c"),
                |_: Value, _: Vec<Value>| -> R<i64> { Ok(2) },
            )
            .callback(
                (Input::new("btn", "n_clicks"), State::new(json!({"type": "b", "index": 1}), "children")),
                Output::new("out3", "children"),
                |_: Value, _: Value| -> R<i64> { Ok(3) },
            )
            .callback(
                (Input::new(a(MATCH), "value"), State::new("x", "children")),
                Output::new(json!({"type": "b", "index": MATCH}), "title"),
                |_: Value, _: Value| -> R<i64> { Ok(4) },
            )
            .build()
            .unwrap_or_else(|e| panic!("the test app builds: {e}"))
    }

    #[derive(Debug, Clone)]
    enum Step {
        Append(i64),
        Remove(usize),
        Replace(Vec<i64>),
        /// Several rows deleted (an index may count from the end) and appended in one patch.
        Edits(Vec<RowEdit>),
        ToggleX,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0i64..12).prop_map(Step::Append),
            (0usize..12).prop_map(Step::Remove),
            proptest::collection::btree_set(0i64..12, 0..6).prop_map(|s| Step::Replace(s.into_iter().collect())),
            proptest::collection::vec(
                prop_oneof![(0i64..12).prop_map(RowEdit::Append), (-4i64..8).prop_map(RowEdit::Delete)],
                1..5
            )
            .prop_map(Step::Edits),
            Just(Step::ToggleX),
        ]
    }

    /// What the scheduler sees of the instances: each one's resolution, by key.
    fn seen(inst: &Instances) -> BTreeMap<String, String> {
        inst.list
            .iter()
            .map(|i| {
                (format!("{:?}", i.key), format!("{:?} {:?} {:?} {:?} {:?}", i.deps, i.outputs, i.running, i.progress, i.cancel))
            })
            .collect()
    }

    fn applied(reg: &mut Registry, step: &Step) -> Option<LayoutChange> {
        let rows = |reg: &Registry| reg.get("list", "children").as_array().map(Vec::len).unwrap_or(0);
        match step {
            Step::Append(i) => reg.edit_children("list", "children", &[ChildEdit::Append(&row(*i))])?.ok(),
            Step::Remove(at) if *at < rows(reg) => reg.edit_children("list", "children", &[ChildEdit::Delete(*at as i64)])?.ok(),
            Step::Remove(_) => None,
            Step::Edits(edits) => edit_rows(reg, "list", edits, row)?.ok(),
            Step::Replace(ids) => {
                reg.replace_children("list", "children", &Value::Array(ids.iter().map(|&i| row(i)).collect())).ok()
            }
            Step::ToggleX => {
                let x = if reg.nodes.contains_key("x") { json!([]) } else { div(()).id("x").to_json() };
                reg.replace_children("x-holder", "children", &x).ok()
            }
        }
    }

    proptest! {
        #[test]
        fn following_a_change_equals_resolving_again(steps in proptest::collection::vec(step(), 1..25)) {
            let app = app();
            let layout = div((div(Vec::<crate::component::Component>::new()).id("list"), div(div(()).id("x")).id("x-holder"), button("b").id("btn"),
                div(()).id("out0"), div(()).id("out3"))).to_json();
            let mut reg = Registry::from_layout(&layout, app.catalog.clone()).unwrap_or_else(|e| panic!("{e}"));
            let mut followed = Instances::resolve(&app, &reg);
            for step in &steps {
                let Some(change) = applied(&mut reg, step) else { continue };
                let was: HashMap<InstKey, Instance> = followed.list.iter().map(|i| (i.key.clone(), Instance::clone(i))).collect();
                let (next, fresh) = followed.follow(&app, &reg, &change);
                let whole = Instances::resolve(&app, &reg);
                prop_assert_eq!(seen(&next), seen(&whole), "after {:?}", step);
                let fresh: BTreeSet<String> = fresh.iter().map(|&n| format!("{:?}", next.list[n].key)).collect();
                let expected: BTreeSet<String> = whole
                    .list
                    .iter()
                    .filter(|i| Instances::new_or_changed(&app.callbacks[i.cb], was.get(&i.key), i))
                    .map(|i| format!("{:?}", i.key))
                    .collect();
                prop_assert_eq!(fresh, expected, "initial calls after {:?}", step);
                followed = next;
            }
        }
    }
}
