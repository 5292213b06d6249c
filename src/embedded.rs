//! The embedded rules as Rust values, so that answering from them costs no parsing.
//! @generated from rules/port-orders.yaml by `PORTRULES_BLESS=1 cargo test --test cli embedded`;
//! do not edit: the test fails when this file and the YAML disagree.

#[allow(unused_imports)]
use jiff::SignedDuration;

#[allow(unused_imports)]
use crate::lifecycle::{
    Condition, EventDecl, FactDecl, FactType, Op, Operand, Source, Transition, Trigger,
};
use crate::rules::{Action, Cell, Effect, Example, Field, Rules, Status};
use crate::yaml::Pos;

/// FNV-1a of the YAML this file was generated from.
pub(crate) const SOURCE_HASH: u64 = 0xa7934cb300173ea0;

/// The rules of `rules/port-orders.yaml`, already validated.
pub(crate) fn rules() -> Rules {
    Rules {
        schema_version: 1,
        name: "port-orders".into(),
        version: "1.1.0".into(),
        title: "Port order statuses".into(),
        description: Some("A port order moves a customer's phone numbers from their current (losing) carrier to us. Its status decides what an admin can do with it.".into()),
        actions: vec![
            Action { id: "view".into(), label: "View".into(), question: "Can you view the order?".into(), description: None, moves: false, read_only: true },
            Action { id: "edit".into(), label: "Edit".into(), question: "Can you edit the order?".into(), description: None, moves: false, read_only: false },
            Action { id: "cancel".into(), label: "Cancel".into(), question: "Can you cancel the order?".into(), description: None, moves: true, read_only: false },
            Action { id: "delete".into(), label: "Delete".into(), question: "Can you delete the order?".into(), description: None, moves: false, read_only: false },
        ],
        fields: vec![
            Field { id: "foc_date".into(), label: "Firm Order Commitment (FOC) date".into(), description: Some("The date the losing carrier committed to hand the numbers over.".into()) },
        ],
        statuses: vec![
            Status {
                id: "processing".into(),
                label: "Processing".into(),
                description: "The admin has submitted the order and it has reached us; we have not yet approached the losing carrier.".into(),
                cells: vec![
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
                transitions: vec![
                    Transition { to: "contacting_carrier".into(), trigger: Trigger::Event("approved_by_us".into()), source: Source::Stated, because: None },
                    Transition { to: "cancelled".into(), trigger: Trigger::Action("cancel".into()), source: Source::Stated, because: None },
                ],
            },
            Status {
                id: "contacting_carrier".into(),
                label: "Contacting carrier".into(),
                description: "We have accepted the order and are asking the losing carrier to release the numbers.".into(),
                cells: vec![
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
                transitions: vec![
                    Transition { to: "transfer_approved".into(), trigger: Trigger::Event("carrier_accepted".into()), source: Source::Stated, because: None },
                    Transition { to: "error".into(), trigger: Trigger::Event("carrier_rejected".into()), source: Source::Stated, because: None },
                    Transition { to: "cancelled".into(), trigger: Trigger::Action("cancel".into()), source: Source::Stated, because: None },
                ],
            },
            Status {
                id: "transfer_approved".into(),
                label: "Transfer approved".into(),
                description: "The losing carrier agreed to the transfer and a Firm Order Commitment (FOC) date is fixed.".into(),
                cells: vec![
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Limited, fields: vec!["foc_date".into()], note: Some("Once the carrier has agreed, the FOC date is the only thing that may still change.".into()), remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
                transitions: vec![
                    Transition { to: "transfer_pending".into(), trigger: Trigger::When(Condition { fact: "foc_date".into(), op: Op::Lt, operand: Operand::Now(SignedDuration::new(86400, 0)) }), source: Source::Stated, because: Some("The transfer is less than 24 hours away".into()) },
                    Transition { to: "cancelled".into(), trigger: Trigger::Action("cancel".into()), source: Source::Stated, because: None },
                ],
            },
            Status {
                id: "transfer_pending".into(),
                label: "Transfer pending".into(),
                description: "The numbers move in less than 24 hours, so the order is locked against edits and cancellation.".into(),
                cells: vec![
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
                transitions: vec![
                    Transition { to: "completed".into(), trigger: Trigger::Event("transfer_completed".into()), source: Source::Stated, because: None },
                ],
            },
            Status {
                id: "error".into(),
                label: "Error".into(),
                description: "The losing carrier turned the order down.".into(),
                cells: vec![
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![("edit-without-view".into(), "The published table lets admins correct a rejected order they cannot view; kept as published.".into())] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![("cancel-without-view".into(), "The published table lets admins cancel a rejected order they cannot view; kept as published.".into())] },
                    Cell { decision: Effect::Deny, fields: vec![], note: Some("Deleting an order in error is not possible at the moment, although the published table lists it as allowed.".into()), remedy: vec!["Create the port order again.".into(), "Contact support.".into()], allow_warnings: vec![] },
                ],
                transitions: vec![
                    Transition { to: "processing".into(), trigger: Trigger::Action("edit".into()), source: Source::Inferred, because: None },
                    Transition { to: "cancelled".into(), trigger: Trigger::Action("cancel".into()), source: Source::Stated, because: None },
                ],
            },
            Status {
                id: "completed".into(),
                label: "Completed".into(),
                description: "Every number on the order has moved over and the port is finished.".into(),
                cells: vec![
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
                transitions: vec![
                ],
            },
            Status {
                id: "cancelled".into(),
                label: "Cancelled".into(),
                description: "The admin withdrew the order before the transfer happened.".into(),
                cells: vec![
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![("edit-without-view".into(), "The published table allows editing a cancelled order that cannot be viewed; kept as published.".into()), ("edit-in-final-status".into(), "The published table allows editing a cancelled order; what an edit changes there is not described.".into())] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
                transitions: vec![
                ],
            },
        ],
        facts: vec![
            FactDecl { id: "foc_date".into(), label: "Firm Order Commitment (FOC) date".into(), kind: FactType::Datetime, description: Some("When the losing carrier hands the numbers over (RFC 3339).".into()) },
        ],
        events: vec![
            EventDecl { id: "approved_by_us".into(), label: "Approved by us".into(), description: Some("We have checked the order and sent it to the losing carrier.".into()) },
            EventDecl { id: "carrier_accepted".into(), label: "Carrier accepted".into(), description: Some("The losing carrier agreed and set the FOC date.".into()) },
            EventDecl { id: "carrier_rejected".into(), label: "Carrier rejected".into(), description: Some("The losing carrier refused the order.".into()) },
            EventDecl { id: "transfer_completed".into(), label: "Transfer completed".into(), description: Some("The numbers have moved over.".into()) },
        ],
        initial: Some("processing".into()),
        examples: vec![
            Example { status: "Transfer approved".into(), action: "edit".into(), field: None, expect: Effect::Limited, why: Some("Once the carrier has agreed, only the FOC date can still be changed.".into()), facts: vec![], now: None, pos: Pos { line: 161, column: 5, len: 0 } },
            Example { status: "Transfer approved".into(), action: "edit".into(), field: Some("foc_date".into()), expect: Effect::Allow, why: Some("The FOC date is the one field that stays editable.".into()), facts: vec![], now: None, pos: Pos { line: 165, column: 5, len: 0 } },
            Example { status: "Transfer pending".into(), action: "cancel".into(), field: None, expect: Effect::Deny, why: Some("Less than 24 hours before the transfer the order is locked.".into()), facts: vec![], now: None, pos: Pos { line: 170, column: 5, len: 0 } },
            Example { status: "Transfer approved".into(), action: "cancel".into(), field: None, expect: Effect::Deny, why: Some("Three hours before the FOC date the order counts as Transfer pending, whatever its stored status says.".into()), facts: vec![("foc_date".into(), "2026-11-27T09:00:00Z".into())], now: Some("2026-11-27T06:00:00Z".into()), pos: Pos { line: 174, column: 5, len: 0 } },
            Example { status: "Transfer pending".into(), action: "edit".into(), field: None, expect: Effect::Deny, why: Some("The lock covers edits as well as cancellation.".into()), facts: vec![], now: None, pos: Pos { line: 180, column: 5, len: 0 } },
            Example { status: "Error".into(), action: "delete".into(), field: None, expect: Effect::Deny, why: Some("The published table says Yes, but an order in error cannot be deleted for now; create it again or contact support.".into()), facts: vec![], now: None, pos: Pos { line: 184, column: 5, len: 0 } },
            Example { status: "Error".into(), action: "view".into(), field: None, expect: Effect::Deny, why: Some("As published, an order in error cannot be viewed, although it can be edited or cancelled.".into()), facts: vec![], now: None, pos: Pos { line: 188, column: 5, len: 0 } },
        ],
    }
}
