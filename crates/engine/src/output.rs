//! What a callback returned, typed: a value per output, where any output (or any element of
//! an `ALL` output's list) may be `NoUpdate` or a `Patch` instead of a value. The author's
//! return value is serialized straight into this shape, so the scheduler never looks for
//! marker objects inside JSON.
//!
//! `NoUpdate` and `Patch` serialize as serde newtype/unit structs with reserved names; the
//! serializer here recognizes those names in the two levels where Dash allows them (an
//! output, and an element of a wildcard output's list) and hands everything deeper to
//! `serde_json` unchanged.

use crate::patch::PatchOp;
use serde::ser::{self, Serialize, SerializeSeq};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// The serde name `NoUpdate` serializes under.
pub(crate) const NO_UPDATE_NAME: &str = "$deskdash::NoUpdate";
/// The serde name a `Patch` serializes under (its operations as the one field).
pub(crate) const PATCH_NAME: &str = "$deskdash::Patch";

thread_local! {
    /// A `Patch` reaching the serializer below: serde only ever shows a serializer
    /// `&dyn Serialize`, so the operations are handed over beside it as one clone, instead
    /// of being serialized to JSON and parsed back (two copies of every component a patch
    /// appends, and a buffered parse of each operation).
    static HANDED_OVER: RefCell<Handover> = const { RefCell::new(Handover::Idle) };
}

enum Handover {
    Idle,
    Wanted,
    Given(Vec<PatchOp>),
}

/// A patch's operations as `Patch` serializes them: to this module's serializer they are
/// handed over, to any other serializer they are written as they are.
pub(crate) struct PatchOps<'a>(pub(crate) &'a [PatchOp]);

impl Serialize for PatchOps<'_> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let handed = HANDED_OVER.with(|h| {
            let mut h = h.borrow_mut();
            let wanted = matches!(*h, Handover::Wanted);
            if wanted {
                *h = Handover::Given(self.0.to_vec());
            }
            wanted
        });
        if handed {
            s.serialize_unit()
        } else {
            self.0.serialize(s)
        }
    }
}

/// The operations of the patch `v` (what `Patch` serializes under `PATCH_NAME`).
fn patch_ops<T: Serialize + ?Sized>(v: &T) -> Result<Vec<PatchOp>, serde_json::Error> {
    HANDED_OVER.with(|h| *h.borrow_mut() = Handover::Wanted);
    let written = serde_json::to_value(v);
    match HANDED_OVER.with(|h| std::mem::replace(&mut *h.borrow_mut(), Handover::Idle)) {
        Handover::Given(ops) => Ok(ops),
        // Something else under the reserved name: read what it wrote.
        _ => written.and_then(serde_json::from_value),
    }
}

/// One returned value, as the scheduler splits it over the outputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Produced {
    Value(Value),
    NoUpdate,
    Patch(Vec<PatchOp>),
    /// A list holding at least one `NoUpdate` or `Patch` (a list of plain values stays a
    /// `Value`): the outputs of a multi-output callback, or an `ALL` output's values.
    List(Vec<Produced>),
    /// A server-side value, for a store's `data`.
    Typed(crate::serverside::TypedValue),
}

impl Produced {
    /// Serializes an author's return value.
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Produced, SerializeError> {
        value.serialize(ProducedSerializer { depth: 0 })
    }

    /// Serializes one output's value of a multi-output result (where it may be `NoUpdate`,
    /// a `Patch`, or a wildcard output's list of them).
    pub fn from_serialize_output<T: Serialize + ?Sized>(value: &T) -> Result<Produced, SerializeError> {
        value.serialize(ProducedSerializer { depth: 1 })
    }

    /// The result of a multi-output callback, one produced value per output.
    pub fn from_outputs(outputs: Vec<Produced>) -> Produced {
        collapse(outputs)
    }

    /// Decodes a value that crossed the wire from JavaScript, where `no_update` can only be
    /// a marker object: `{"__deskdash_no_update__": true}`, at the same two levels.
    pub fn from_wire(value: Value) -> Produced {
        Self::from_wire_at(value, 0)
    }

    fn from_wire_at(value: Value, depth: u8) -> Produced {
        match value {
            Value::Object(m) if m.len() == 1 && m.get(WIRE_NO_UPDATE) == Some(&Value::Bool(true)) => Produced::NoUpdate,
            Value::Array(items) if depth < MAX_DEPTH && items.iter().any(|v| v.is_object() || v.is_array()) => {
                collapse(items.into_iter().map(|v| Self::from_wire_at(v, depth + 1)).collect())
            }
            other => Produced::Value(other),
        }
    }

    pub(crate) fn type_name(&self) -> String {
        match self {
            Produced::Value(v) => crate::catalog::json_type_name(v),
            Produced::NoUpdate => "NoUpdate".into(),
            Produced::Patch(_) => "a Patch".into(),
            Produced::List(_) => "a list".into(),
            Produced::Typed(t) => format!("a server-side {}", t.type_name),
        }
    }
}

/// The marker the renderer's `dash_clientside.no_update` travels as.
pub const WIRE_NO_UPDATE: &str = "__deskdash_no_update__";

/// Levels at which `NoUpdate`/`Patch` mean something: outputs, then a wildcard's elements.
const MAX_DEPTH: u8 = 2;

/// A list whose elements are all plain values becomes one plain value.
fn collapse(items: Vec<Produced>) -> Produced {
    if items.iter().all(|p| matches!(p, Produced::Value(_))) {
        Produced::Value(Value::Array(
            items
                .into_iter()
                .map(|p| match p {
                    Produced::Value(v) => v,
                    _ => Value::Null,
                })
                .collect(),
        ))
    } else {
        Produced::List(items)
    }
}

/// A return value that cannot be serialized (a map with non-string keys, a failing
/// `Serialize` implementation).
#[derive(Debug, Clone, PartialEq)]
pub struct SerializeError(pub String);

impl fmt::Display for SerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for SerializeError {}
impl ser::Error for SerializeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerializeError(msg.to_string())
    }
}

fn plain<T: Serialize + ?Sized>(v: &T) -> Result<Produced, SerializeError> {
    serde_json::to_value(v).map(Produced::Value).map_err(|e| SerializeError(e.to_string()))
}

pub(crate) struct ProducedSerializer {
    depth: u8,
}

/// Collects the elements of a sequence at a level where they may be `NoUpdate`/`Patch`.
pub(crate) struct ListCollector {
    depth: u8,
    items: Vec<Produced>,
}

impl ListCollector {
    fn push<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerializeError> {
        self.items.push(v.serialize(ProducedSerializer { depth: self.depth + 1 })?);
        Ok(())
    }
}

/// Values that are neither lists nor markers go to `serde_json` whole, through the value
/// serializer and its own compound types.
macro_rules! delegate_scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<Produced, SerializeError> { plain(&v) })*
    };
}

type Json = serde_json::value::Serializer;
type JsonSeq = <Json as ser::Serializer>::SerializeSeq;

fn json_error(e: serde_json::Error) -> SerializeError {
    SerializeError(e.to_string())
}

/// A compound value below the levels that matter, built by `serde_json` itself.
pub(crate) struct Deep<S>(S);

macro_rules! deep_compound {
    ($trait:ident, $method:ident($($arg:ident: $ty:ty),*)) => {
        impl ser::$trait for Deep<<Json as ser::Serializer>::$trait> {
            type Ok = Produced;
            type Error = SerializeError;
            fn $method<T: Serialize + ?Sized>(&mut self, $($arg: $ty,)* v: &T) -> Result<(), SerializeError> {
                ser::$trait::$method(&mut self.0, $($arg,)* v).map_err(json_error)
            }
            fn end(self) -> Result<Produced, SerializeError> {
                ser::$trait::end(self.0).map(Produced::Value).map_err(json_error)
            }
        }
    };
}
deep_compound!(SerializeTupleVariant, serialize_field());
deep_compound!(SerializeStruct, serialize_field(key: &'static str));
deep_compound!(SerializeStructVariant, serialize_field(key: &'static str));

impl ser::SerializeMap for Deep<<Json as ser::Serializer>::SerializeMap> {
    type Ok = Produced;
    type Error = SerializeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerializeError> {
        self.0.serialize_key(key).map_err(json_error)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerializeError> {
        self.0.serialize_value(v).map_err(json_error)
    }
    fn end(self) -> Result<Produced, SerializeError> {
        ser::SerializeMap::end(self.0).map(Produced::Value).map_err(json_error)
    }
}

/// A sequence: collected element by element where `NoUpdate`/`Patch` may appear, else built
/// by `serde_json`.
pub(crate) enum Seq {
    Levels(ListCollector),
    Deep(JsonSeq),
}

macro_rules! seq_like {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Seq {
            type Ok = Produced;
            type Error = SerializeError;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerializeError> {
                match self {
                    Seq::Levels(c) => c.push(v),
                    Seq::Deep(s) => SerializeSeq::serialize_element(s, v).map_err(json_error),
                }
            }
            fn end(self) -> Result<Produced, SerializeError> {
                match self {
                    Seq::Levels(c) => Ok(collapse(c.items)),
                    Seq::Deep(s) => SerializeSeq::end(s).map(Produced::Value).map_err(json_error),
                }
            }
        }
    };
}
seq_like!(SerializeSeq, serialize_element);
seq_like!(SerializeTuple, serialize_element);
seq_like!(SerializeTupleStruct, serialize_field);

impl ser::Serializer for ProducedSerializer {
    type Ok = Produced;
    type Error = SerializeError;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Deep<<Json as ser::Serializer>::SerializeTupleVariant>;
    type SerializeMap = Deep<<Json as ser::Serializer>::SerializeMap>;
    type SerializeStruct = Deep<<Json as ser::Serializer>::SerializeStruct>;
    type SerializeStructVariant = Deep<<Json as ser::Serializer>::SerializeStructVariant>;

    delegate_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
    );

    fn serialize_none(self) -> Result<Produced, SerializeError> {
        Ok(Produced::Value(Value::Null))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Produced, SerializeError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Produced, SerializeError> {
        Ok(Produced::Value(Value::Null))
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<Produced, SerializeError> {
        Ok(if name == NO_UPDATE_NAME { Produced::NoUpdate } else { Produced::Value(Value::Null) })
    }
    fn serialize_unit_variant(self, name: &'static str, index: u32, variant: &'static str) -> Result<Produced, SerializeError> {
        ser::Serializer::serialize_unit_variant(Json {}, name, index, variant).map(Produced::Value).map_err(json_error)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, v: &T) -> Result<Produced, SerializeError> {
        if name == PATCH_NAME {
            return patch_ops(v).map(Produced::Patch).map_err(json_error);
        }
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Produced, SerializeError> {
        ser::Serializer::serialize_newtype_variant(Json {}, name, index, variant, v).map(Produced::Value).map_err(json_error)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, SerializeError> {
        if self.depth < MAX_DEPTH {
            Ok(Seq::Levels(ListCollector { depth: self.depth, items: Vec::with_capacity(len.unwrap_or(0)) }))
        } else {
            ser::Serializer::serialize_seq(Json {}, len).map(Seq::Deep).map_err(json_error)
        }
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, SerializeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, SerializeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, SerializeError> {
        ser::Serializer::serialize_tuple_variant(Json {}, name, index, variant, len).map(Deep).map_err(json_error)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, SerializeError> {
        ser::Serializer::serialize_map(Json {}, len).map(Deep).map_err(json_error)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct, SerializeError> {
        ser::Serializer::serialize_struct(Json {}, name, len).map(Deep).map_err(json_error)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, SerializeError> {
        ser::Serializer::serialize_struct_variant(Json {}, name, index, variant, len).map(Deep).map_err(json_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::component::Component;
    use crate::handler::Update;
    use crate::patch::Patch;
    use serde_json::json;

    fn row(text: &str) -> Component {
        Component::new("Div").prop("id", json!({"type": "row", "index": text})).prop("children", text)
    }

    #[test]
    fn a_patch_reaches_the_outputs_as_its_operations_and_elsewhere_serializes_as_before() {
        let patch = Patch::new().append(Vec::<crate::patch::PathSeg>::new(), row("a")).assign(["x"], 1).delete([0]);
        let ops = patch.ops.clone();
        let single = Produced::from_serialize(&Update::<Value>::Patch(patch.clone())).unwrap();
        assert_eq!(single, Produced::Patch(ops.clone()));
        let wildcard: Vec<Update<Value>> = vec![Update::NoUpdate, Update::Patch(patch.clone()), Update::Set(json!(2))];
        let listed = Produced::from_serialize_output(&wildcard).unwrap();
        assert_eq!(listed, Produced::List(vec![Produced::NoUpdate, Produced::Patch(ops.clone()), Produced::Value(json!(2))]));
        // Any other serializer, before and after, gets the operations written out.
        let written = serde_json::to_value(&ops).unwrap();
        assert_eq!(serde_json::to_value(&patch).unwrap(), written);
        assert!(written.as_array().is_some_and(|w| w.len() == 3));
    }

    #[test]
    fn a_component_serializes_as_its_json() {
        let c = Component::new("Div").prop("id", "box").prop("children", vec![row("a"), row("b")]);
        assert_eq!(serde_json::to_value(&c).unwrap(), c.to_json());
        assert_eq!(serde_json::to_string(&c).unwrap(), serde_json::to_string(&c.to_json()).unwrap());
    }
}
