//! Callback dependencies: `Input`, `State`, `Trigger` and `Output`, as Dash names them.

use crate::id::{DepId, IntoDepId};
use std::fmt;

/// How a dependency takes part in a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DepKind {
    /// Fires the callback and passes its value.
    Input,
    /// Passes its value, never fires.
    State,
    /// Fires the callback without passing a value (dash-extensions' `Trigger`).
    Trigger,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dep {
    pub id: DepId,
    pub prop: String,
    pub kind: DepKind,
}

impl Dep {
    pub fn fires(&self) -> bool {
        matches!(self.kind, DepKind::Input | DepKind::Trigger)
    }
    pub fn passes_value(&self) -> bool {
        matches!(self.kind, DepKind::Input | DepKind::State)
    }
}

impl fmt::Display for Dep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.id, self.prop)
    }
}

/// A dependency under construction; an invalid id is kept as an error and reported when the
/// callback is registered, so builder chains stay infallible.
#[derive(Debug, Clone)]
pub struct DepSpec {
    pub(crate) id: Result<DepId, String>,
    pub(crate) prop: String,
}

impl DepSpec {
    fn new(id: impl IntoDepId, prop: &str) -> Self {
        DepSpec { id: id.into_dep_id(), prop: prop.to_string() }
    }
}

macro_rules! dep_type {
    ($name:ident, $kind:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone)]
        pub struct $name(pub(crate) DepSpec);
        impl $name {
            pub fn new(id: impl IntoDepId, prop: &str) -> Self {
                $name(DepSpec::new(id, prop))
            }
        }
        impl IntoDep for $name {
            fn into_dep(self) -> (DepSpec, DepKind) {
                (self.0, $kind)
            }
        }
    };
}
dep_type!(Input, DepKind::Input, "A property whose change fires the callback and whose value it receives.");
dep_type!(State, DepKind::State, "A property whose value the callback receives without being fired by it.");
dep_type!(Trigger, DepKind::Trigger, "A property whose change fires the callback; no value is passed.");

/// A property the callback writes.
#[derive(Debug, Clone)]
pub struct Output {
    pub(crate) spec: DepSpec,
    pub(crate) allow_duplicate: bool,
}

impl Output {
    pub fn new(id: impl IntoDepId, prop: &str) -> Self {
        Output { spec: DepSpec::new(id, prop), allow_duplicate: false }
    }
    /// Lets several callbacks write this property (Dash's `allow_duplicate=True`).
    pub fn allow_duplicate(mut self) -> Self {
        self.allow_duplicate = true;
        self
    }
}

/// A resolved output dependency of a registered callback.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputDep {
    pub id: DepId,
    pub prop: String,
    pub allow_duplicate: bool,
}

impl fmt::Display for OutputDep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.id, self.prop)
    }
}

pub trait IntoDep {
    fn into_dep(self) -> (DepSpec, DepKind);
}

/// The dependency list of a callback: one dependency, a tuple, or a `Vec`.
pub trait IntoDeps {
    fn into_deps(self) -> Vec<(DepSpec, DepKind)>;
}
impl<T: IntoDep> IntoDeps for T {
    fn into_deps(self) -> Vec<(DepSpec, DepKind)> {
        vec![self.into_dep()]
    }
}
impl<T: IntoDep> IntoDeps for Vec<T> {
    fn into_deps(self) -> Vec<(DepSpec, DepKind)> {
        self.into_iter().map(IntoDep::into_dep).collect()
    }
}
macro_rules! tuple_deps {
    ($($t:ident),+) => {
        impl<$($t: IntoDep),+> IntoDeps for ($($t,)+) {
            #[allow(non_snake_case)]
            fn into_deps(self) -> Vec<(DepSpec, DepKind)> {
                let ($($t,)+) = self;
                vec![$($t.into_dep()),+]
            }
        }
    };
}
tuple_deps!(A);
tuple_deps!(A, B);
tuple_deps!(A, B, C);
tuple_deps!(A, B, C, D);
tuple_deps!(A, B, C, D, E);
tuple_deps!(A, B, C, D, E, F);
tuple_deps!(A, B, C, D, E, F, G);
tuple_deps!(A, B, C, D, E, F, G, H);

/// The outputs of a callback. A single `Output` takes the return value as is; a tuple or
/// `Vec` of outputs takes a tuple or list with one value per output; `()` means no output.
pub trait IntoOutputs {
    fn into_outputs(self) -> (Vec<Output>, bool);
}
impl IntoOutputs for () {
    fn into_outputs(self) -> (Vec<Output>, bool) {
        (vec![], false)
    }
}
impl IntoOutputs for Output {
    fn into_outputs(self) -> (Vec<Output>, bool) {
        (vec![self], false)
    }
}
impl IntoOutputs for Vec<Output> {
    fn into_outputs(self) -> (Vec<Output>, bool) {
        (self, true)
    }
}
macro_rules! output_type {
    ($t:ident) => {
        Output
    };
}
macro_rules! tuple_outputs {
    ($($t:ident),+) => {
        impl IntoOutputs for ($(output_type!($t),)+) {
            #[allow(non_snake_case)]
            fn into_outputs(self) -> (Vec<Output>, bool) {
                let ($($t,)+) = self;
                (vec![$($t),+], true)
            }
        }
    };
}
tuple_outputs!(A);
tuple_outputs!(A, B);
tuple_outputs!(A, B, C);
tuple_outputs!(A, B, C, D);
tuple_outputs!(A, B, C, D, E);
tuple_outputs!(A, B, C, D, E, F);
tuple_outputs!(A, B, C, D, E, F, G);
tuple_outputs!(A, B, C, D, E, F, G, H);
