//! Callback instances: each registered callback resolved against the live layout. A callback
//! with `MATCH` gets one instance per matched value; `ALL`/`ALLSMALLER` resolve to lists.
//! Also holds the indexes the scheduler asks: which instances a property fires, and which
//! properties an instance may (transitively) write.

use crate::app::AppSpec;
use crate::deps::{Dep, OutputDep};
use crate::id::{DepId, PatternKey, ScalarKey};
use crate::layout::{id_key, Registry};
use std::collections::{BTreeMap, HashMap, HashSet};
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
            .filter(|(_, id, _)| {
                pattern.iter().all(|(k, pk)| {
                    let Some(v) = id.get(k) else { return false };
                    match pk {
                        PatternKey::Exact(e) => e == v,
                        PatternKey::All => true,
                        PatternKey::Match => bound.get(k).is_none_or(|b| b == v),
                        PatternKey::AllSmaller => bound.get(k).is_some_and(|b| v < b),
                    }
                })
            })
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
        let fits = first.iter().all(|(k, pk)| match pk {
            PatternKey::Exact(e) => id.get(k) == Some(e),
            _ => id.contains_key(k),
        });
        if !fits {
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

/// Every instance of every callback, with the scheduler's indexes.
pub struct Instances {
    pub list: Vec<Instance>,
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
            for bound in match_bindings(spec, &shapes) {
                let res = |id: &DepId| resolve_dep(id, reg, &shapes, &bound);
                let key = (cb, if bound.is_empty() { String::new() } else { format!("{bound:?}") });
                list.push(Instance {
                    cb,
                    key,
                    deps: spec.deps.iter().map(|d| res(&d.id)).collect(),
                    outputs: spec.outputs.iter().map(|o| res(&o.id)).collect(),
                    running: spec.running.iter().map(|r| res(&r.0.id)).collect(),
                    progress: spec.progress.iter().map(|o| res(&o.id)).collect(),
                    cancel: spec.cancel.iter().map(|d| res(&d.id)).collect(),
                });
            }
        }
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
