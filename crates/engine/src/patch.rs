//! `Patch`: partial updates of a property's value at nested paths (Dash's `Patch`), applied to
//! the session's value and forwarded to the renderer as the operations, not the whole value.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One step of a path: an object key or a list index (negative counts from the end).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum PathSeg {
    Index(#[cfg_attr(feature = "ts", ts(type = "number"))] i64),
    Key(String),
}
impl From<&str> for PathSeg {
    fn from(s: &str) -> Self {
        PathSeg::Key(s.to_string())
    }
}
impl From<String> for PathSeg {
    fn from(s: String) -> Self {
        PathSeg::Key(s)
    }
}
impl From<i64> for PathSeg {
    fn from(i: i64) -> Self {
        PathSeg::Index(i)
    }
}
impl From<i32> for PathSeg {
    fn from(i: i32) -> Self {
        PathSeg::Index(i64::from(i))
    }
}
impl From<usize> for PathSeg {
    fn from(i: usize) -> Self {
        PathSeg::Index(i64::try_from(i).unwrap_or(i64::MAX))
    }
}

/// One patch operation; the renderer applies the same set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum PatchOp {
    Assign {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
    Delete { path: Vec<PathSeg> },
    Append {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
    Prepend {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
    Extend {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "unknown[]"))]
        value: Vec<Value>,
    },
    Insert {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "number"))]
        index: i64,
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
    Merge {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
        value: Map<String, Value>,
    },
    Remove {
        path: Vec<PathSeg>,
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
}

/// A partial update built in a callback and returned in place of a whole value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch {
    pub ops: Vec<PatchOp>,
}

fn path_of<I: IntoIterator<Item = P>, P: Into<PathSeg>>(path: I) -> Vec<PathSeg> {
    path.into_iter().map(Into::into).collect()
}
fn json(v: impl Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

impl Patch {
    pub fn new() -> Self {
        Patch::default()
    }
    pub fn assign<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I, value: impl Serialize) -> Self {
        self.ops.push(PatchOp::Assign { path: path_of(path), value: json(value) });
        self
    }
    pub fn delete<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I) -> Self {
        self.ops.push(PatchOp::Delete { path: path_of(path) });
        self
    }
    pub fn append<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I, value: impl Serialize) -> Self {
        self.ops.push(PatchOp::Append { path: path_of(path), value: json(value) });
        self
    }
    pub fn prepend<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I, value: impl Serialize) -> Self {
        self.ops.push(PatchOp::Prepend { path: path_of(path), value: json(value) });
        self
    }
    pub fn extend<I: IntoIterator<Item = P>, P: Into<PathSeg>, T: Serialize>(
        mut self,
        path: I,
        values: impl IntoIterator<Item = T>,
    ) -> Self {
        self.ops.push(PatchOp::Extend { path: path_of(path), value: values.into_iter().map(json).collect() });
        self
    }
    pub fn insert<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I, index: i64, value: impl Serialize) -> Self {
        self.ops.push(PatchOp::Insert { path: path_of(path), index, value: json(value) });
        self
    }
    /// Merges the keys of an object into the object at `path`.
    pub fn merge<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I, value: impl Serialize) -> Self {
        let map = match json(value) {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        self.ops.push(PatchOp::Merge { path: path_of(path), value: map });
        self
    }
    /// Removes every element equal to `value` from the list at `path`.
    pub fn remove<I: IntoIterator<Item = P>, P: Into<PathSeg>>(mut self, path: I, value: impl Serialize) -> Self {
        self.ops.push(PatchOp::Remove { path: path_of(path), value: json(value) });
        self
    }
}

/// Where a patch failed, as `(path text, reason)`.
pub type PatchFailure = (String, String);

fn show(path: &[PathSeg]) -> String {
    if path.is_empty() {
        return "<root>".into();
    }
    path.iter()
        .map(|s| match s {
            PathSeg::Index(i) => format!("[{i}]"),
            PathSeg::Key(k) => format!(".{k}"),
        })
        .collect()
}

fn resolve_index(i: i64, len: usize, allow_end: bool) -> Option<usize> {
    let len_i = i64::try_from(len).ok()?;
    let idx = if i < 0 { len_i + i } else { i };
    let max = if allow_end { len_i } else { len_i - 1 };
    (0..=max).contains(&idx).then(|| usize::try_from(idx).ok()).flatten()
}

/// The value at `path`, creating missing object keys on the way (as Dash's Patch does).
fn walk_mut<'a>(mut v: &'a mut Value, path: &[PathSeg]) -> Result<&'a mut Value, PatchFailure> {
    for (depth, seg) in path.iter().enumerate() {
        let here = || show(&path[..=depth]);
        v = match seg {
            PathSeg::Key(k) => {
                if v.is_null() {
                    *v = Value::Object(Map::new());
                }
                let obj = v.as_object_mut().ok_or_else(|| (here(), "not an object".to_string()))?;
                obj.entry(k.clone()).or_insert(Value::Null)
            }
            PathSeg::Index(i) => {
                let list = v.as_array_mut().ok_or_else(|| (here(), "not a list".to_string()))?;
                let len = list.len();
                let at = resolve_index(*i, len, false).ok_or_else(|| (here(), format!("index {i} out of range for length {len}")))?;
                &mut list[at]
            }
        };
    }
    Ok(v)
}

fn list_at<'a>(v: &'a mut Value, path: &[PathSeg]) -> Result<&'a mut Vec<Value>, PatchFailure> {
    let target = walk_mut(v, path)?;
    if target.is_null() {
        *target = Value::Array(vec![]);
    }
    target.as_array_mut().ok_or_else(|| (show(path), "not a list".to_string()))
}

/// Applies every operation in order. On failure the value may be partly patched; callers
/// apply to a copy when they need all-or-nothing.
pub fn apply_ops(target: &mut Value, ops: &[PatchOp]) -> Result<(), PatchFailure> {
    for op in ops {
        match op {
            PatchOp::Assign { path, value } => *walk_mut(target, path)? = value.clone(),
            PatchOp::Delete { path } => {
                let Some((last, parent)) = path.split_last() else {
                    *target = Value::Null;
                    continue;
                };
                let parent = walk_mut(target, parent)?;
                match (last, parent) {
                    (PathSeg::Key(k), Value::Object(m)) => {
                        m.remove(k);
                    }
                    (PathSeg::Index(i), Value::Array(list)) => {
                        let len = list.len();
                        let at = resolve_index(*i, len, false)
                            .ok_or_else(|| (show(path), format!("index {i} out of range for length {len}")))?;
                        list.remove(at);
                    }
                    _ => return Err((show(path), "parent is neither an object nor a list".into())),
                }
            }
            PatchOp::Append { path, value } => list_at(target, path)?.push(value.clone()),
            PatchOp::Prepend { path, value } => list_at(target, path)?.insert(0, value.clone()),
            PatchOp::Extend { path, value } => list_at(target, path)?.extend(value.iter().cloned()),
            PatchOp::Insert { path, index, value } => {
                let list = list_at(target, path)?;
                let len = list.len();
                let at = resolve_index(*index, len, true)
                    .ok_or_else(|| (show(path), format!("insert index {index} out of range for length {len}")))?;
                list.insert(at, value.clone());
            }
            PatchOp::Merge { path, value } => {
                let t = walk_mut(target, path)?;
                if t.is_null() {
                    *t = Value::Object(Map::new());
                }
                let obj = t.as_object_mut().ok_or_else(|| (show(path), "not an object".to_string()))?;
                for (k, v) in value {
                    obj.insert(k.clone(), v.clone());
                }
            }
            PatchOp::Remove { path, value } => list_at(target, path)?.retain(|x| x != value),
        }
    }
    Ok(())
}
