//! Extractor-style callback functions: each argument says what it needs (an Input/State value
//! deserialized into the author's own type, or the `Ctx`), and the return value is serialized
//! into the outputs. Arity is checked at registration; a value of the wrong type is an error
//! naming the component id and property.

use crate::context::Ctx;
use crate::error::CallbackError;
use crate::output::{PatchOps, Produced, NO_UPDATE_NAME, PATCH_NAME};
use crate::patch::Patch;
use crate::serverside::{IntoOutput, TypedValue};
use futures::future::BoxFuture;
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::future::Future;
use std::sync::Arc;

/// What a callback invocation receives: the Input/State values in declaration order (Triggers
/// pass none), a label (`id.prop`) for each, and the context.
pub struct CallInput {
    pub values: Vec<Value>,
    pub labels: Vec<String>,
    /// Beside each value, the server-side value its store holds, if any.
    pub typed: Vec<Option<TypedValue>>,
    pub ctx: Ctx,
}

/// Walks the values as arguments are extracted.
pub struct ArgCursor {
    values: std::vec::IntoIter<Value>,
    labels: std::vec::IntoIter<String>,
    typed: std::vec::IntoIter<Option<TypedValue>>,
    position: usize,
    ctx: Ctx,
}

impl ArgCursor {
    pub(crate) fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The next Input/State value: its position (from 1), label, JSON value and server-side
    /// value.
    pub(crate) fn next_value(&mut self) -> (usize, String, Value, Option<TypedValue>) {
        self.position += 1;
        let value = self.values.next().unwrap_or(Value::Null);
        let label = self.labels.next().unwrap_or_default();
        (self.position, label, value, self.typed.next().flatten())
    }
}

/// A callback argument.
pub trait FromCallArg: Sized {
    /// Whether this argument consumes one Input/State value.
    const TAKES_VALUE: bool;
    /// Whether this argument consumes every remaining value.
    const TAKES_REST: bool = false;
    /// Whether this argument reads the callback context (Dash's `ctx`), which then carries
    /// the Input and State values as `inputs_list`/`states_list`: a copy the scheduler makes
    /// only for callbacks that can read it.
    const READS_CONTEXT: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError>;
    /// The shared value this argument reads (see [`Shared`]), checked at registration.
    fn shared_need() -> Option<SharedNeed> {
        None
    }
}

/// A shared value a callback needs: its type, and the type's name for the error message.
pub type SharedNeed = (std::any::TypeId, &'static str);

impl<T: DeserializeOwned> FromCallArg for T {
    const TAKES_VALUE: bool = true;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        let (position, label, value, typed) = cursor.next_value();
        let wrong_type = |e: serde_json::Error| {
            CallbackError::Failed(format!(
                "argument {position} ({label}) has the wrong type for {}: {e}",
                std::any::type_name::<T>()
            ))
        };
        match typed {
            // A store's JSON data, read in place: only what `T` keeps is copied.
            Some(held) => match held.value.downcast_ref::<Value>() {
                Some(json) => T::deserialize(json).map_err(wrong_type),
                None => Err(CallbackError::Failed(format!(
                    "argument {position} ({label}) holds a server-side {name}: take it as Serverside<{name}>",
                    name = held.type_name
                ))),
            },
            None => serde_json::from_value(value).map_err(wrong_type),
        }
    }
}

/// A value the app shares with its callbacks (axum's `State`): registered once with
/// `App::shared(value)`, handed to every callback that asks for it by reference, never
/// serialized. A callback asking for a type that was never registered is refused when the
/// app is built.
pub struct Shared<T: ?Sized>(pub Arc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Send + Sync + 'static> FromCallArg for Shared<T> {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        cursor.ctx.shared::<T>().map(Shared).ok_or_else(|| {
            CallbackError::Failed(format!(
                "no shared value of type {} (register it with App::shared)",
                std::any::type_name::<T>()
            ))
        })
    }
    fn shared_need() -> Option<SharedNeed> {
        Some((std::any::TypeId::of::<T>(), std::any::type_name::<T>()))
    }
}

/// Every remaining Input/State value, undecoded (Dash's `*args`): for callbacks whose number
/// of inputs is only known when the app is built.
#[derive(Debug, Clone, PartialEq)]
pub struct Rest(pub Vec<Value>);

impl FromCallArg for Rest {
    const TAKES_VALUE: bool = false;
    const TAKES_REST: bool = true;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        let typed: Vec<Option<TypedValue>> = cursor.typed.by_ref().collect();
        let rest: Vec<Value> = cursor
            .values
            .by_ref()
            .zip(typed.into_iter().chain(std::iter::repeat(None)))
            .map(|(v, t)| t.and_then(|t| t.value.downcast_ref::<Value>().cloned()).unwrap_or(v))
            .collect();
        cursor.position += rest.len();
        cursor.labels.by_ref().for_each(drop);
        Ok(Rest(rest))
    }
}

/// How many Input/State values a callback function takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arity {
    pub values: usize,
    /// A `Rest` argument takes any number beyond `values`.
    pub rest: bool,
}

impl Arity {
    pub fn accepts(self, declared: usize) -> bool {
        if self.rest {
            declared >= self.values
        } else {
            declared == self.values
        }
    }
}

impl FromCallArg for Ctx {
    const TAKES_VALUE: bool = false;
    const READS_CONTEXT: bool = true;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        Ok(cursor.ctx.clone())
    }
}

/// What a callback may return: a plain value (`String`, numbers, `Value`, a `Component`, a
/// figure, `Vec`s, `Option`s, tuples for several outputs, `NoUpdate`, `Patch`, `Update`), or
/// `Result<T, E>` with a serializable `T` when it can fail ([`CallbackResult`] names the
/// common case). Values are serialized straight into typed outputs.
pub trait IntoCallbackResult {
    fn into_callback_result(self) -> Result<Produced, CallbackError>;
}

/// The return type of a callback that can fail: `fn f(..) -> CallbackResult<String>`.
pub type CallbackResult<T> = Result<T, CallbackError>;

fn produce<T: Serialize + ?Sized>(v: &T) -> Result<Produced, CallbackError> {
    Produced::from_serialize(v).map_err(|e| CallbackError::Unserializable(e.to_string()))
}

impl<T: Serialize, E: Into<CallbackError>> IntoCallbackResult for Result<T, E> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        produce(&self.map_err(Into::into)?)
    }
}

/// Plain return values. (A blanket impl over every `Serialize` type would overlap the
/// `Result` impl, since `Result` is itself `Serialize`.)
macro_rules! plain_results {
    ($($t:ty),* $(,)?) => {
        $(impl IntoCallbackResult for $t {
            fn into_callback_result(self) -> Result<Produced, CallbackError> {
                produce(&self)
            }
        })*
    };
}
plain_results!(
    (),
    bool,
    String,
    &'static str,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    usize,
    isize,
    f32,
    f64,
    Value,
    crate::component::Component,
    NoUpdate,
    Patch,
);

impl<T: Serialize> IntoCallbackResult for Vec<T> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        produce(&self)
    }
}
impl<T: Serialize> IntoCallbackResult for Option<T> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        produce(&self)
    }
}
impl<T: Serialize> IntoCallbackResult for Update<T> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        produce(&self)
    }
}
impl<K: Serialize, V: Serialize> IntoCallbackResult for std::collections::BTreeMap<K, V> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        produce(&self)
    }
}

macro_rules! tuple_results {
    ($($t:ident),+) => {
        #[allow(non_snake_case)]
        impl<$($t: IntoOutput),+> IntoCallbackResult for ($($t,)+) {
            fn into_callback_result(self) -> Result<Produced, CallbackError> {
                let ($($t,)+) = self;
                Ok(Produced::from_outputs(vec![$($t.into_output()?),+]))
            }
        }
    };
}
tuple_results!(A);
tuple_results!(A, B);
tuple_results!(A, B, C);
tuple_results!(A, B, C, D);
tuple_results!(A, B, C, D, E);
tuple_results!(A, B, C, D, E, F);
tuple_results!(A, B, C, D, E, F, G);
tuple_results!(A, B, C, D, E, F, G, H);

/// Leaves one output unchanged (Dash's `no_update`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoUpdate;
impl Serialize for NoUpdate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit_struct(NO_UPDATE_NAME)
    }
}

/// A typed output value: a new value, no update, or a `Patch`.
#[derive(Debug, Clone, PartialEq)]
pub enum Update<T> {
    Set(T),
    NoUpdate,
    Patch(Patch),
}
impl<T: Serialize> Serialize for Update<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Update::Set(v) => v.serialize(s),
            Update::NoUpdate => NoUpdate.serialize(s),
            Update::Patch(p) => p.serialize(s),
        }
    }
}
impl Serialize for Patch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(PATCH_NAME, &PatchOps(&self.ops))
    }
}

pub(crate) type SyncFn = Arc<dyn Fn(CallInput) -> Result<Produced, CallbackError> + Send + Sync>;
pub(crate) type AsyncFn = Arc<dyn Fn(CallInput) -> BoxFuture<'static, Result<Produced, CallbackError>> + Send + Sync>;

#[derive(Clone)]
pub(crate) enum Invoker {
    Sync(SyncFn),
    Async(AsyncFn),
    /// JavaScript source the renderer runs; the scheduler sends it the arguments and waits
    /// for the result as for any other callback.
    Clientside(Arc<str>),
}

/// A plain function usable as a callback: `Fn(A1, A2, ..) -> Result<T, E>`.
pub trait Handler<Args>: Send + Sync + 'static {
    fn value_arity() -> Arity;
    fn shared_needs() -> Vec<SharedNeed>;
    fn reads_context() -> bool;
    fn into_sync_fn(self) -> SyncFn;
}

/// An async function usable as a callback: `Fn(A1, ..) -> impl Future<Output = Result<T, E>>`.
pub trait AsyncHandler<Args>: Send + Sync + 'static {
    fn value_arity() -> Arity;
    fn shared_needs() -> Vec<SharedNeed>;
    fn reads_context() -> bool;
    fn into_async_fn(self) -> AsyncFn;
}

fn cursor(input: CallInput) -> ArgCursor {
    ArgCursor {
        values: input.values.into_iter(),
        labels: input.labels.into_iter(),
        typed: input.typed.into_iter(),
        position: 0,
        ctx: input.ctx,
    }
}

macro_rules! handler_impls {
    ($($a:ident),*) => {
        impl<F, R, $($a,)*> Handler<($($a,)*)> for F
        where
            F: Fn($($a),*) -> R + Send + Sync + 'static,
            R: IntoCallbackResult,
            $($a: FromCallArg,)*
        {
            fn value_arity() -> Arity {
                Arity { values: 0 $(+ usize::from($a::TAKES_VALUE))*, rest: false $(|| $a::TAKES_REST)* }
            }
            fn shared_needs() -> Vec<SharedNeed> {
                let needs: [Option<SharedNeed>; 0 $(+ { let _ = stringify!($a); 1 })*] = [$($a::shared_need()),*];
                needs.into_iter().flatten().collect()
            }
            fn reads_context() -> bool {
                false $(|| $a::READS_CONTEXT)*
            }
            #[allow(non_snake_case, unused_mut, unused_variables)]
            fn into_sync_fn(self) -> SyncFn {
                Arc::new(move |input: CallInput| {
                    let mut c = cursor(input);
                    $(let $a = $a::from_call(&mut c)?;)*
                    (self)($($a),*).into_callback_result()
                })
            }
        }

        impl<F, Fut, R, $($a,)*> AsyncHandler<($($a,)*)> for F
        where
            F: Fn($($a),*) -> Fut + Send + Sync + 'static,
            Fut: Future<Output = R> + Send + 'static,
            R: IntoCallbackResult,
            $($a: FromCallArg,)*
        {
            fn value_arity() -> Arity {
                Arity { values: 0 $(+ usize::from($a::TAKES_VALUE))*, rest: false $(|| $a::TAKES_REST)* }
            }
            fn shared_needs() -> Vec<SharedNeed> {
                let needs: [Option<SharedNeed>; 0 $(+ { let _ = stringify!($a); 1 })*] = [$($a::shared_need()),*];
                needs.into_iter().flatten().collect()
            }
            fn reads_context() -> bool {
                false $(|| $a::READS_CONTEXT)*
            }
            #[allow(non_snake_case, unused_mut, unused_variables)]
            fn into_async_fn(self) -> AsyncFn {
                let f = Arc::new(self);
                Arc::new(move |input: CallInput| {
                    let f = f.clone();
                    Box::pin(async move {
                        let mut c = cursor(input);
                        $(let $a = $a::from_call(&mut c)?;)*
                        (f)($($a),*).await.into_callback_result()
                    })
                })
            }
        }
    };
}
handler_impls!();
handler_impls!(A1);
handler_impls!(A1, A2);
handler_impls!(A1, A2, A3);
handler_impls!(A1, A2, A3, A4);
handler_impls!(A1, A2, A3, A4, A5);
handler_impls!(A1, A2, A3, A4, A5, A6);
handler_impls!(A1, A2, A3, A4, A5, A6, A7);
handler_impls!(A1, A2, A3, A4, A5, A6, A7, A8);
handler_impls!(A1, A2, A3, A4, A5, A6, A7, A8, A9);
handler_impls!(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10);
