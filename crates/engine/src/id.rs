//! Component ids: plain strings or maps (for pattern matching), and the wildcard patterns
//! `ALL`, `MATCH` and `ALLSMALLER` that callbacks use to address many components at once.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// A concrete component id, as Dash allows: a string, or a map of scalar values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum ComponentId {
    Str(String),
    Map(BTreeMap<String, ScalarKey>),
}

/// A scalar id value kept comparable and hashable (JSON numbers are compared by their text).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum ScalarKey {
    Bool(bool),
    Int(#[cfg_attr(feature = "ts", ts(type = "number"))] i64),
    Str(String),
}

impl ScalarKey {
    pub fn from_json(v: &Value) -> Option<ScalarKey> {
        match v {
            Value::Bool(b) => Some(ScalarKey::Bool(*b)),
            Value::Number(n) => n.as_i64().map(ScalarKey::Int),
            Value::String(s) => Some(ScalarKey::Str(s.clone())),
            _ => None,
        }
    }
}

impl ComponentId {
    /// Parses an id from the JSON a layout or a change carries.
    pub fn from_json(v: &Value) -> Result<ComponentId, String> {
        match v {
            Value::String(s) if !s.is_empty() => Ok(ComponentId::Str(s.clone())),
            Value::String(_) => Err("id is an empty string".into()),
            Value::Object(m) if !m.is_empty() => {
                let mut out = BTreeMap::new();
                for (k, v) in m {
                    let key = ScalarKey::from_json(v)
                        .ok_or_else(|| format!("id key {k:?} must be a string, integer or bool, got {v}"))?;
                    out.insert(k.clone(), key);
                }
                Ok(ComponentId::Map(out))
            }
            other => Err(format!("id must be a non-empty string or map, got {other}")),
        }
    }

    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl fmt::Display for ComponentId {
    /// Strings print as themselves; maps as compact JSON with sorted keys, as Dash prints them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComponentId::Str(s) => f.write_str(s),
            ComponentId::Map(m) => {
                let text = serde_json::to_string(m).map_err(|_| fmt::Error)?;
                f.write_str(&text)
            }
        }
    }
}

impl From<&str> for ComponentId {
    fn from(s: &str) -> Self {
        ComponentId::Str(s.to_string())
    }
}
impl From<String> for ComponentId {
    fn from(s: String) -> Self {
        ComponentId::Str(s)
    }
}

/// One key of a pattern id: an exact value or a wildcard.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PatternKey {
    Exact(ScalarKey),
    All,
    Match,
    AllSmaller,
}

/// Dash's wildcards, used as values in a map id: `json!({"type": "item", "index": ALL})`.
pub const ALL: &str = "__deskdash_ALL__";
pub const MATCH: &str = "__deskdash_MATCH__";
pub const ALLSMALLER: &str = "__deskdash_ALLSMALLER__";

/// The id a dependency names: an exact component or a pattern over map ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DepId {
    Exact(ComponentId),
    Pattern(BTreeMap<String, PatternKey>),
}

impl DepId {
    pub fn is_pattern(&self) -> bool {
        matches!(self, DepId::Pattern(_))
    }

    /// True when the pattern collects many components into a list (`ALL` or `ALLSMALLER`).
    pub fn is_multi(&self) -> bool {
        match self {
            DepId::Pattern(p) => p.values().any(|k| matches!(k, PatternKey::All | PatternKey::AllSmaller)),
            DepId::Exact(_) => false,
        }
    }

    pub fn has_match(&self) -> bool {
        match self {
            DepId::Pattern(p) => p.values().any(|k| matches!(k, PatternKey::Match | PatternKey::AllSmaller)),
            DepId::Exact(_) => false,
        }
    }

    /// Whether two dependency ids could name one component (used for static graph checks).
    pub fn may_overlap(&self, other: &DepId) -> bool {
        match (self, other) {
            (DepId::Exact(a), DepId::Exact(b)) => a == b,
            (DepId::Pattern(p), DepId::Exact(ComponentId::Map(m)))
            | (DepId::Exact(ComponentId::Map(m)), DepId::Pattern(p)) => {
                p.len() == m.len()
                    && p.iter().all(|(k, pk)| match (pk, m.get(k)) {
                        (PatternKey::Exact(v), Some(w)) => v == w,
                        (_, Some(_)) => true,
                        (_, None) => false,
                    })
            }
            (DepId::Pattern(a), DepId::Pattern(b)) => {
                a.len() == b.len()
                    && a.iter().all(|(k, ak)| match (ak, b.get(k)) {
                        (PatternKey::Exact(x), Some(PatternKey::Exact(y))) => x == y,
                        (_, Some(_)) => true,
                        (_, None) => false,
                    })
            }
            _ => false,
        }
    }

    /// Keys of this pattern against a concrete id: None when it does not match the shape or an
    /// exact key; otherwise the values at the wildcard keys.
    pub fn wildcard_values(&self, id: &ComponentId) -> Option<BTreeMap<String, ScalarKey>> {
        let (DepId::Pattern(p), ComponentId::Map(m)) = (self, id) else { return None };
        if p.len() != m.len() {
            return None;
        }
        let mut out = BTreeMap::new();
        for (k, pk) in p {
            let v = m.get(k)?;
            match pk {
                PatternKey::Exact(e) if e != v => return None,
                PatternKey::Exact(_) => {}
                _ => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        Some(out)
    }
}

impl fmt::Display for DepId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DepId::Exact(id) => id.fmt(f),
            DepId::Pattern(p) => {
                let shown: BTreeMap<&String, Value> = p
                    .iter()
                    .map(|(k, v)| {
                        let v = match v {
                            PatternKey::Exact(s) => serde_json::to_value(s).unwrap_or(Value::Null),
                            PatternKey::All => Value::from("ALL"),
                            PatternKey::Match => Value::from("MATCH"),
                            PatternKey::AllSmaller => Value::from("ALLSMALLER"),
                        };
                        (k, v)
                    })
                    .collect();
                let text = serde_json::to_string(&shown).map_err(|_| fmt::Error)?;
                f.write_str(&text)
            }
        }
    }
}

/// Anything a dependency can be built from: `"slider"`, `String`, `ComponentId`, or a JSON map
/// whose values may be the wildcards [`ALL`], [`MATCH`], [`ALLSMALLER`].
pub trait IntoDepId {
    fn into_dep_id(self) -> Result<DepId, String>;
}

impl IntoDepId for &str {
    fn into_dep_id(self) -> Result<DepId, String> {
        ComponentId::from_json(&Value::from(self)).map(DepId::Exact)
    }
}
impl IntoDepId for String {
    fn into_dep_id(self) -> Result<DepId, String> {
        self.as_str().into_dep_id()
    }
}
impl IntoDepId for ComponentId {
    fn into_dep_id(self) -> Result<DepId, String> {
        Ok(DepId::Exact(self))
    }
}
impl IntoDepId for Value {
    fn into_dep_id(self) -> Result<DepId, String> {
        let Value::Object(m) = &self else { return ComponentId::from_json(&self).map(DepId::Exact) };
        let wild = |v: &Value| match v.as_str() {
            Some(ALL) => Some(PatternKey::All),
            Some(MATCH) => Some(PatternKey::Match),
            Some(ALLSMALLER) => Some(PatternKey::AllSmaller),
            _ => None,
        };
        if !m.values().any(|v| wild(v).is_some()) {
            return ComponentId::from_json(&self).map(DepId::Exact);
        }
        let mut out = BTreeMap::new();
        for (k, v) in m {
            let key = match wild(v) {
                Some(w) => w,
                None => PatternKey::Exact(
                    ScalarKey::from_json(v).ok_or_else(|| format!("id key {k:?} must be a scalar, got {v}"))?,
                ),
            };
            out.insert(k.clone(), key);
        }
        Ok(DepId::Pattern(out))
    }
}
