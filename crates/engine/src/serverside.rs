//! Server-side values (what dash-extensions' `ServersideOutput` gives Dash, without pickling):
//! a callback returns `Serverside<T>` into a memory or session store's `data`, and every
//! callback that takes the store as `Serverside<T>` receives the same `Arc<T>`: no copy, no
//! serialization. Only the store's `modified_timestamp` reaches the renderer.

use crate::error::CallbackError;
use crate::handler::{ArgCursor, FromCallArg, IntoCallbackResult};
use crate::output::Produced;
use std::any::Any;
use std::sync::Arc;

/// A Rust value kept in a store, handed to callbacks by reference.
///
/// ```
/// # use deskdash_engine::*;
/// struct Orders {
///     prices: Vec<f64>,
/// }
/// fn load(_n: Option<u64>) -> Serverside<Orders> {
///     Serverside::new(Orders { prices: vec![1.0; 1_000_000] })
/// }
/// fn total(orders: Serverside<Orders>) -> String {
///     format!("{}", orders.prices.iter().sum::<f64>())
/// }
/// let app = App::new("x")
///     .layout(div((button("go").id("go"), store("orders"), div(id("total")))))
///     .callback(Input::new("go", "n_clicks"), Output::new("orders", "data"), load)
///     .callback(Input::new("orders", "data"), Output::new("total", "children"), total);
/// # let _ = app.build().unwrap();
/// ```
pub struct Serverside<T: ?Sized>(pub Arc<T>);

impl<T> Serverside<T> {
    pub fn new(value: T) -> Self {
        Serverside(Arc::new(value))
    }
}

impl<T: ?Sized> Clone for Serverside<T> {
    fn clone(&self) -> Self {
        Serverside(self.0.clone())
    }
}

impl<T: ?Sized> std::ops::Deref for Serverside<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A server-side value as the engine holds it: any type, with its name for messages.
#[derive(Clone)]
pub struct TypedValue {
    pub(crate) value: Arc<dyn Any + Send + Sync>,
    pub(crate) type_name: &'static str,
}

impl TypedValue {
    pub(crate) fn of<T: Send + Sync + 'static>(value: Arc<T>) -> TypedValue {
        TypedValue { value, type_name: std::any::type_name::<T>() }
    }
}

impl std::fmt::Debug for TypedValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Serverside<{}>", self.type_name)
    }
}

/// The same value, not an equal one.
impl PartialEq for TypedValue {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.value, &other.value)
    }
}

impl<T: Send + Sync + 'static> FromCallArg for Serverside<T> {
    const TAKES_VALUE: bool = true;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        let (position, label, _, typed) = cursor.next_value();
        let wanted = std::any::type_name::<T>();
        let none = || {
            CallbackError::Failed(format!(
                "argument {position} ({label}) holds no server-side value: a callback returning Serverside<{wanted}> writes one"
            ))
        };
        let held = typed.ok_or_else(none)?;
        let name = held.type_name;
        let json = held.value.downcast_ref::<serde_json::Value>().map(|v| v.is_null());
        held.value.downcast::<T>().map(Serverside).map_err(|_| match json {
            Some(true) => none(),
            Some(false) => CallbackError::Failed(format!(
                "argument {position} ({label}) holds JSON data, not a server-side {wanted}: take it as a Deserialize type or Serverside<Value>"
            )),
            None => CallbackError::Failed(format!("argument {position} ({label}) holds a server-side {name}, not {wanted}")),
        })
    }
}

/// One output's value: anything serializable, or a server-side value.
pub trait IntoOutput {
    fn into_output(self) -> Result<Produced, CallbackError>;
}

impl<T: serde::Serialize> IntoOutput for T {
    fn into_output(self) -> Result<Produced, CallbackError> {
        Produced::from_serialize_output(&self).map_err(|e| CallbackError::Unserializable(e.to_string()))
    }
}

impl<T: Send + Sync + 'static> IntoOutput for Serverside<T> {
    fn into_output(self) -> Result<Produced, CallbackError> {
        Ok(Produced::Typed(TypedValue::of(self.0)))
    }
}

impl<T: Send + Sync + 'static> IntoCallbackResult for Serverside<T> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        self.into_output()
    }
}

impl<T: Send + Sync + 'static, E: Into<CallbackError>> IntoCallbackResult for Result<Serverside<T>, E> {
    fn into_callback_result(self) -> Result<Produced, CallbackError> {
        self.map_err(Into::into)?.into_output()
    }
}
