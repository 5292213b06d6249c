//! The embedded rules as Rust values, so that answering from them costs no parsing.
//! @generated from rules/port-orders.yaml by `PORTRULES_BLESS=1 cargo test --test cli embedded`;
//! do not edit: the test fails when this file and the YAML disagree.

use crate::rules::{Action, Cell, Effect, Example, Field, Rules, Status};
use crate::yaml::Pos;

/// FNV-1a of the YAML this file was generated from.
pub(crate) const SOURCE_HASH: u64 = 0x57b10d2dede4f93f;

/// The rules of `rules/port-orders.yaml`, already validated.
pub(crate) fn rules() -> Rules {
    Rules {
        schema_version: 1,
        name: "port-orders".into(),
        version: "1.0.0".into(),
        title: "Port order statuses".into(),
        description: Some("A port order moves a customer's phone numbers from their current (losing) carrier to us. Its status decides what an admin can do with it.".into()),
        actions: vec![
            Action { id: "view".into(), label: "View".into(), question: "Can you view the order?".into(), description: None },
            Action { id: "edit".into(), label: "Edit".into(), question: "Can you edit the order?".into(), description: None },
            Action { id: "cancel".into(), label: "Cancel".into(), question: "Can you cancel the order?".into(), description: None },
            Action { id: "delete".into(), label: "Delete".into(), question: "Can you delete the order?".into(), description: None },
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
            },
            Status {
                id: "cancelled".into(),
                label: "Cancelled".into(),
                description: "The admin withdrew the order before the transfer happened.".into(),
                cells: vec![
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Allow, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![("edit-without-view".into(), "The published table allows editing a cancelled order that cannot be viewed; kept as published.".into())] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                    Cell { decision: Effect::Deny, fields: vec![], note: None, remedy: vec![], allow_warnings: vec![] },
                ],
            },
        ],
        examples: vec![
            Example { status: "Transfer approved".into(), action: "edit".into(), field: None, expect: Effect::Limited, why: Some("Once the carrier has agreed, only the FOC date can still be changed.".into()), pos: Pos { line: 113, column: 5, len: 0 } },
            Example { status: "Transfer approved".into(), action: "edit".into(), field: Some("foc_date".into()), expect: Effect::Allow, why: Some("The FOC date is the one field that stays editable.".into()), pos: Pos { line: 117, column: 5, len: 0 } },
            Example { status: "Transfer pending".into(), action: "cancel".into(), field: None, expect: Effect::Deny, why: Some("Less than 24 hours before the transfer the order is locked.".into()), pos: Pos { line: 122, column: 5, len: 0 } },
            Example { status: "Transfer pending".into(), action: "edit".into(), field: None, expect: Effect::Deny, why: Some("The lock covers edits as well as cancellation.".into()), pos: Pos { line: 126, column: 5, len: 0 } },
            Example { status: "Error".into(), action: "delete".into(), field: None, expect: Effect::Deny, why: Some("The published table says Yes, but an order in error cannot be deleted for now; create it again or contact support.".into()), pos: Pos { line: 130, column: 5, len: 0 } },
            Example { status: "Error".into(), action: "view".into(), field: None, expect: Effect::Deny, why: Some("As published, an order in error cannot be viewed, although it can be edited or cancelled.".into()), pos: Pos { line: 134, column: 5, len: 0 } },
        ],
    }
}
