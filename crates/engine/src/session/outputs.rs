//! Splits what a callback returned over its outputs, before anything is written: pure, so a
//! wrong shape is an [`EngineError`] naming the output, and a callback's outputs are written
//! all or not at all.

use crate::deps::OutputDep;
use crate::error::EngineError;
use crate::instances::Resolved;
use crate::output::Produced;
use crate::patch::PatchOp;
use crate::serverside::TypedValue;
use serde_json::Value;

/// One property to write: a whole value or patch operations on the current one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Write {
    Set(Value),
    Patch(Vec<PatchOp>),
    /// A server-side value, for a store's `data`.
    Typed(TypedValue),
}

/// The writes of one callback result, as `(component key, prop, write)`.
pub(crate) type Writes = Vec<(String, String, Write)>;

fn items(produced: Produced) -> Option<Vec<Produced>> {
    match produced {
        Produced::List(items) => Some(items),
        Produced::Value(Value::Array(items)) => Some(items.into_iter().map(Produced::Value).collect()),
        _ => None,
    }
}

fn write_of(output: &OutputDep, produced: Produced) -> Result<Option<Write>, EngineError> {
    match produced {
        Produced::Value(v) => Ok(Some(Write::Set(v))),
        Produced::Patch(ops) => Ok(Some(Write::Patch(ops))),
        Produced::NoUpdate => Ok(None),
        Produced::Typed(t) => Ok(Some(Write::Typed(t))),
        Produced::List(_) => Err(EngineError::MisplacedNoUpdate { output: output.to_string() }),
    }
}

/// Splits `produced` over `outputs` (resolved against the live layout as `resolved`).
pub(crate) fn split(
    outputs: &[OutputDep],
    resolved: &[Resolved],
    multi: bool,
    produced: Produced,
) -> Result<Writes, EngineError> {
    let per_output: Vec<Produced> = match (outputs.len(), multi) {
        (0, _) => return Ok(Vec::new()),
        (1, false) => vec![produced],
        (n, _) => match produced {
            Produced::NoUpdate => return Ok(Vec::new()),
            other => {
                let got = other.type_name();
                let list = items(other).ok_or(EngineError::OutputsNotAList { expected: n, got })?;
                if list.len() != n {
                    return Err(EngineError::OutputCount { returned: list.len(), expected: n });
                }
                list
            }
        },
    };
    let mut writes = Vec::new();
    for ((out, r), value) in outputs.iter().zip(resolved).zip(per_output) {
        match r {
            Resolved::One(key) => {
                if let Some(w) = write_of(out, value)? {
                    writes.push((key.clone(), out.prop.clone(), w));
                }
            }
            Resolved::Many(keys) => {
                if value == Produced::NoUpdate {
                    continue;
                }
                let got = value.type_name();
                let list = items(value).filter(|l| l.len() == keys.len());
                let list =
                    list.ok_or_else(|| EngineError::WildcardOutputLength { output: out.to_string(), matches: keys.len(), got })?;
                for (key, v) in keys.iter().zip(list) {
                    if let Some(w) = write_of(out, v)? {
                        writes.push((key.clone(), out.prop.clone(), w));
                    }
                }
            }
            Resolved::Missing if value == Produced::NoUpdate => {}
            Resolved::Missing => return Err(EngineError::OutputMissing { output: out.to_string() }),
        }
    }
    Ok(writes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handler::NoUpdate;
    use crate::id::IntoDepId;
    use crate::patch::Patch;
    use serde_json::json;

    fn out(id: &str, prop: &str) -> OutputDep {
        OutputDep { id: id.into_dep_id().unwrap_or_else(|e| panic!("{e}")), prop: prop.into(), allow_duplicate: false }
    }

    fn one(k: &str) -> Resolved {
        Resolved::One(k.into())
    }

    fn produced<T: serde::Serialize>(v: T) -> Produced {
        Produced::from_serialize(&v).unwrap_or(Produced::Value(Value::Null))
    }

    #[test]
    fn a_tuple_splits_over_outputs_and_no_update_skips_one() {
        let o = vec![out("a", "children"), out("b", "children")];
        let w = split(&o, &[one("a"), one("b")], true, produced(("x", NoUpdate)));
        assert_eq!(w, Ok(vec![("a".into(), "children".into(), Write::Set(json!("x")))]));
    }

    #[test]
    fn a_patch_is_typed_all_the_way() {
        let o = vec![out("s", "data")];
        let w = split(&o, &[one("s")], false, produced(Patch::new().append(["l"], 1)));
        assert!(matches!(w.as_deref(), Ok([(_, _, Write::Patch(ops))]) if ops.len() == 1), "{w:?}");
    }

    #[test]
    fn shape_errors_name_what_is_wrong() {
        let o = vec![out("a", "children"), out("b", "children")];
        assert_eq!(
            split(&o, &[one("a"), one("b")], true, produced(vec![1])),
            Err(EngineError::OutputCount { returned: 1, expected: 2 })
        );
        assert_eq!(
            split(&o, &[one("a"), one("b")], true, produced("x")),
            Err(EngineError::OutputsNotAList { expected: 2, got: "the string \"x\"".into() })
        );
        let w = vec![out("a", "children")];
        assert_eq!(
            split(&w, &[Resolved::Missing], false, produced(1)),
            Err(EngineError::OutputMissing { output: "a.children".into() })
        );
        assert_eq!(split(&w, &[Resolved::Missing], false, produced(NoUpdate)), Ok(vec![]));
        let many = Resolved::Many(vec!["x".into(), "y".into()]);
        assert!(matches!(
            split(&w, std::slice::from_ref(&many), false, produced(vec![1])),
            Err(EngineError::WildcardOutputLength { matches: 2, .. })
        ));
        let mixed = split(&w, &[many], false, produced((1, NoUpdate)));
        assert_eq!(mixed, Ok(vec![("x".into(), "children".into(), Write::Set(json!(1)))]));
    }

    #[test]
    fn no_update_deep_inside_a_value_is_plain_data() {
        let o = vec![out("a", "children")];
        let nested = split(&o, &[one("a")], false, produced(json!({"k": [1, 2]})));
        assert_eq!(nested, Ok(vec![("a".into(), "children".into(), Write::Set(json!({"k": [1, 2]})))]));
        assert_eq!(
            split(&o, &[one("a")], false, produced(vec![Update::<i32>::NoUpdate])),
            Err(EngineError::MisplacedNoUpdate { output: "a.children".into() })
        );
    }

    use crate::handler::Update;
}
