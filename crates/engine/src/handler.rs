//! Extractor-style callback functions: each argument says what it needs (an Input/State value
//! deserialized into the author's own type, or the `Ctx`), and the return value is serialized
//! into the outputs. Arity is checked at registration; a value of the wrong type is an error
//! naming the component id and property.

use crate::context::Ctx;
use crate::error::CallbackError;
use crate::patch::{Patch, NO_UPDATE_MARKER};
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
    pub ctx: Ctx,
}

/// Walks the values as arguments are extracted.
pub struct ArgCursor {
    values: std::vec::IntoIter<Value>,
    labels: std::vec::IntoIter<String>,
    position: usize,
    ctx: Ctx,
}

/// A callback argument.
pub trait FromCallArg: Sized {
    /// Whether this argument consumes one Input/State value.
    const TAKES_VALUE: bool;
    /// Whether this argument consumes every remaining value.
    const TAKES_REST: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError>;
}

impl<T: DeserializeOwned> FromCallArg for T {
    const TAKES_VALUE: bool = true;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        cursor.position += 1;
        let value = cursor.values.next().unwrap_or(Value::Null);
        let label = cursor.labels.next().unwrap_or_default();
        serde_json::from_value(value).map_err(|e| {
            CallbackError::Failed(format!(
                "argument {} ({label}) has the wrong type for {}: {e}",
                cursor.position,
                std::any::type_name::<T>()
            ))
        })
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
        let rest: Vec<Value> = cursor.values.by_ref().collect();
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
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        Ok(cursor.ctx.clone())
    }
}

/// What a callback may return: `Result<T, E>` with a serializable `T`.
pub trait IntoCallbackResult {
    fn into_callback_result(self) -> Result<Value, CallbackError>;
}
impl<T: Serialize, E: Into<CallbackError>> IntoCallbackResult for Result<T, E> {
    fn into_callback_result(self) -> Result<Value, CallbackError> {
        let v = self.map_err(Into::into)?;
        serde_json::to_value(v).map_err(|e| CallbackError::Failed(format!("return value does not serialize: {e}")))
    }
}

/// Leaves one output unchanged (Dash's `no_update`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoUpdate;
impl Serialize for NoUpdate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(NO_UPDATE_MARKER, &true)?;
        m.end()
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
            Update::Patch(p) => Value::from(p.clone()).serialize(s),
        }
    }
}
impl Serialize for Patch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Value::from(self.clone()).serialize(s)
    }
}

pub(crate) type SyncFn = Arc<dyn Fn(CallInput) -> Result<Value, CallbackError> + Send + Sync>;
pub(crate) type AsyncFn = Arc<dyn Fn(CallInput) -> BoxFuture<'static, Result<Value, CallbackError>> + Send + Sync>;

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
    fn into_sync_fn(self) -> SyncFn;
}

/// An async function usable as a callback: `Fn(A1, ..) -> impl Future<Output = Result<T, E>>`.
pub trait AsyncHandler<Args>: Send + Sync + 'static {
    fn value_arity() -> Arity;
    fn into_async_fn(self) -> AsyncFn;
}

fn cursor(input: CallInput) -> ArgCursor {
    ArgCursor { values: input.values.into_iter(), labels: input.labels.into_iter(), position: 0, ctx: input.ctx }
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
