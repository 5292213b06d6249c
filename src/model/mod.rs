//! The rule model: what a loaded rule file says, as plain values. Statuses, actions,
//! fields, cells, the lifecycle (facts, events, transitions, time rules), where each
//! was written, and name matching. It depends on nothing else in the crate: producing
//! a model is the loader's job (`load`), using one is everyone else's.

pub(crate) mod embedded;
pub(crate) mod lifecycle;
pub(crate) mod names;
pub(crate) mod pos;
pub(crate) mod rules;
pub(crate) mod text;

pub use lifecycle::{
    Condition, EventDecl, FactDecl, FactType, FactValue, IfMissing, Op, Operand, Source,
    Transition, Trigger,
};
pub use pos::Pos;
pub use rules::{
    Action, ActionId, Cell, Effect, Example, ExampleAt, Field, FieldId, Rules,
    SUPPORTED_SCHEMA_VERSIONS, Status, StatusId, UnknownName,
};
pub use text::{List, Text};
