//! The embedded rules as Rust values, so that answering from them costs no parsing.
//! @generated from rules/port-orders.yaml by `PORTRULES_BLESS=1 cargo test --test cli embedded`;
//! do not edit: the test fails when this file and the YAML disagree.

use std::borrow::Cow;

#[allow(unused_imports)]
use jiff::SignedDuration;

#[allow(unused_imports)]
use crate::model::lifecycle::{
    Condition, EventDecl, FactDecl, FactType, IfMissing, Op, Operand, Source, Transition,
    Trigger,
};
use crate::model::rules::{Action, Cell, Effect, Example, ExampleAt, Field, Rules, Status};
use crate::load::yaml::Pos;

/// FNV-1a of the YAML this file was generated from.
pub(crate) const SOURCE_HASH: u64 = 0x6c88c6e155586e3d;

/// The rules of `rules/port-orders.yaml`, already validated. Every text and list
/// is borrowed from the binary, so a copy costs no allocation and nothing to free.
pub(crate) static RULES: Rules = Rules {
    schema_version: 1,
    name: Cow::Borrowed("port-orders"),
    version: Cow::Borrowed("2.0.0"),
    title: Cow::Borrowed("Port order statuses"),
    description: Some(Cow::Borrowed("A port order moves a customer's phone numbers from their current (losing) carrier to us. Its status decides what an admin can do with it.")),
    actions: Cow::Borrowed(&[
        Action { id: Cow::Borrowed("view"), label: Cow::Borrowed("View"), question: Cow::Borrowed("Can you view the order?"), description: None, moves: false, read_only: true },
        Action { id: Cow::Borrowed("edit"), label: Cow::Borrowed("Edit"), question: Cow::Borrowed("Can you edit the order?"), description: None, moves: false, read_only: false },
        Action { id: Cow::Borrowed("cancel"), label: Cow::Borrowed("Cancel"), question: Cow::Borrowed("Can you cancel the order?"), description: None, moves: true, read_only: false },
        Action { id: Cow::Borrowed("delete"), label: Cow::Borrowed("Delete"), question: Cow::Borrowed("Can you delete the order?"), description: None, moves: false, read_only: false },
    ]),
    fields: Cow::Borrowed(&[
        Field { id: Cow::Borrowed("foc_date"), label: Cow::Borrowed("Firm Order Commitment (FOC) date"), description: Some(Cow::Borrowed("The date the losing carrier committed to hand the numbers over.")) },
    ]),
    statuses: Cow::Borrowed(&[
        Status {
            id: Cow::Borrowed("processing"),
            label: Cow::Borrowed("Processing"),
            description: Cow::Borrowed("The admin has submitted the order and it has reached us; we have not yet approached the losing carrier."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("contacting_carrier"), trigger: Trigger::Event(Cow::Borrowed("approved_by_us")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("contacting_carrier"),
            label: Cow::Borrowed("Contacting carrier"),
            description: Cow::Borrowed("We have accepted the order and are asking the losing carrier to release the numbers."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("transfer_approved"), trigger: Trigger::Event(Cow::Borrowed("carrier_accepted")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("error"), trigger: Trigger::Event(Cow::Borrowed("carrier_rejected")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("transfer_approved"),
            label: Cow::Borrowed("Transfer approved"),
            description: Cow::Borrowed("The losing carrier agreed to the transfer and a Firm Order Commitment (FOC) date is fixed."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("foc_date")]), note: Some(Cow::Borrowed("Once the carrier has agreed, the FOC date is the only thing that may still change.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("transfer_pending"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Lt, operand: Operand::Now(SignedDuration::new(86400, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The transfer is less than 24 hours away")), guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("transfer_pending"),
            label: Cow::Borrowed("Transfer pending"),
            description: Cow::Borrowed("The numbers move in less than 24 hours, so the order is locked against edits and cancellation."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("completed"), trigger: Trigger::Event(Cow::Borrowed("transfer_completed")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("error"),
            label: Cow::Borrowed("Error"),
            description: Cow::Borrowed("The losing carrier turned the order down."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[(Cow::Borrowed("edit-without-view"), Cow::Borrowed("The published table lets admins correct a rejected order they cannot view; kept as published."))]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[(Cow::Borrowed("cancel-without-view"), Cow::Borrowed("The published table lets admins cancel a rejected order they cannot view; kept as published."))]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Deleting an order in error is not possible at the moment, although the published table lists it as allowed.")), remedy: Cow::Borrowed(&[Cow::Borrowed("Create the port order again."), Cow::Borrowed("Contact support.")]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("processing"), trigger: Trigger::Action(Cow::Borrowed("edit")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("completed"),
            label: Cow::Borrowed("Completed"),
            description: Cow::Borrowed("Every number on the order has moved over and the port is finished."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
            ]),
        },
        Status {
            id: Cow::Borrowed("cancelled"),
            label: Cow::Borrowed("Cancelled"),
            description: Cow::Borrowed("The admin withdrew the order before the transfer happened."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[(Cow::Borrowed("edit-without-view"), Cow::Borrowed("The published table allows editing a cancelled order that cannot be viewed; kept as published.")), (Cow::Borrowed("edit-in-final-status"), Cow::Borrowed("The published table allows editing a cancelled order; what an edit changes there is not described."))]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
            ]),
        },
    ]),
    facts: Cow::Borrowed(&[
        FactDecl { id: Cow::Borrowed("foc_date"), label: Cow::Borrowed("Firm Order Commitment (FOC) date"), kind: FactType::Datetime, description: Some(Cow::Borrowed("When the losing carrier hands the numbers over (RFC 3339).")), if_missing: IfMissing::Error },
    ]),
    events: Cow::Borrowed(&[
        EventDecl { id: Cow::Borrowed("approved_by_us"), label: Cow::Borrowed("Approved by us"), description: Some(Cow::Borrowed("We have checked the order and sent it to the losing carrier.")) },
        EventDecl { id: Cow::Borrowed("carrier_accepted"), label: Cow::Borrowed("Carrier accepted"), description: Some(Cow::Borrowed("The losing carrier agreed and set the FOC date.")) },
        EventDecl { id: Cow::Borrowed("carrier_rejected"), label: Cow::Borrowed("Carrier rejected"), description: Some(Cow::Borrowed("The losing carrier refused the order.")) },
        EventDecl { id: Cow::Borrowed("transfer_completed"), label: Cow::Borrowed("Transfer completed"), description: Some(Cow::Borrowed("The numbers have moved over.")) },
    ]),
    initial: Cow::Borrowed(&[Cow::Borrowed("processing")]),
    source: Cow::Borrowed("built-in"),
    examples: Cow::Borrowed(&[
        Example { status: Cow::Borrowed("Transfer approved"), action: Cow::Borrowed("edit"), field: None, expect: Effect::Limited, leads_to: None, why: Some(Cow::Borrowed("Once the carrier has agreed, only the FOC date can still be changed.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-04T09:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T09:00:00Z")), pos: Pos { line: 169, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 169, column: 13, len: 17 }, action: Pos { line: 170, column: 13, len: 4 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 173, column: 13, len: 7 }, now: Pos { line: 172, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("Transfer approved"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("foc_date")), expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("The FOC date is the one field that stays editable.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-04T09:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T09:00:00Z")), pos: Pos { line: 175, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 175, column: 13, len: 17 }, action: Pos { line: 176, column: 13, len: 4 }, field: Pos { line: 177, column: 12, len: 8 }, expect: Pos { line: 180, column: 13, len: 5 }, now: Pos { line: 179, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("Transfer pending"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("Less than 24 hours before the transfer the order is locked.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 182, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 182, column: 13, len: 16 }, action: Pos { line: 183, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 184, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("Transfer approved"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("Three hours before the FOC date the order counts as Transfer pending, whatever its stored status says.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-11-27T09:00:00Z"))]), now: Some(Cow::Borrowed("2026-11-27T06:00:00Z")), pos: Pos { line: 186, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 186, column: 13, len: 17 }, action: Pos { line: 187, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 190, column: 13, len: 4 }, now: Pos { line: 189, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("Transfer pending"), action: Cow::Borrowed("edit"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("The lock covers edits as well as cancellation.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 192, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 192, column: 13, len: 16 }, action: Pos { line: 193, column: 13, len: 4 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 194, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("Error"), action: Cow::Borrowed("delete"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("The published table says Yes, but an order in error cannot be deleted for now; create it again or contact support.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 196, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 196, column: 13, len: 5 }, action: Pos { line: 197, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 198, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("Error"), action: Cow::Borrowed("view"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("As published, an order in error cannot be viewed, although it can be edited or cancelled.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 200, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 200, column: 13, len: 5 }, action: Pos { line: 201, column: 13, len: 4 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 202, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
    ]),
};
