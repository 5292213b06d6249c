//! The embedded rules as Rust values, so that answering from them costs no parsing.
//! @generated from rules/telnyx-porting-orders.yaml by `PORTRULES_BLESS=1 cargo test --test cli embedded`;
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
pub(crate) const SOURCE_HASH: u64 = 0xcff16f355592f463;

/// The rules of `rules/telnyx-porting-orders.yaml`, already validated. Every text and list
/// is borrowed from the binary, so a copy costs no allocation and nothing to free.
pub(crate) static RULES: Rules = Rules {
    schema_version: 1,
    name: Cow::Borrowed("telnyx-porting-orders"),
    version: Cow::Borrowed("1.0.0"),
    title: Cow::Borrowed("Telnyx porting order statuses"),
    description: Some(Cow::Borrowed("A Telnyx porting order brings phone numbers over from the losing carrier. Its status decides what the customer can do with it through the Porting Orders API. Written from Telnyx's public developer documentation (developers.telnyx.com, Porting Orders API); the statuses carry Telnyx's own spelling as labels.")),
    actions: Cow::Borrowed(&[
        Action { id: Cow::Borrowed("view"), label: Cow::Borrowed("View"), question: Cow::Borrowed("Can you retrieve the order?"), description: None, moves: false, read_only: true },
        Action { id: Cow::Borrowed("edit"), label: Cow::Borrowed("Edit"), question: Cow::Borrowed("Can you change the order (PATCH)?"), description: Some(Cow::Borrowed("PATCH /v2/porting_orders/{id}.")), moves: false, read_only: false },
        Action { id: Cow::Borrowed("submit"), label: Cow::Borrowed("Submit"), question: Cow::Borrowed("Can you submit the order?"), description: Some(Cow::Borrowed("POST /v2/porting_orders/{id}/actions/confirm.")), moves: true, read_only: false },
        Action { id: Cow::Borrowed("cancel"), label: Cow::Borrowed("Cancel"), question: Cow::Borrowed("Can you cancel the order?"), description: Some(Cow::Borrowed("POST /v2/porting_orders/{id}/actions/cancel.")), moves: true, read_only: false },
        Action { id: Cow::Borrowed("delete"), label: Cow::Borrowed("Delete"), question: Cow::Borrowed("Can you delete the order?"), description: Some(Cow::Borrowed("DELETE /v2/porting_orders/{id}: the order is gone, not moved to another status.")), moves: false, read_only: false },
    ]),
    fields: Cow::Borrowed(&[
        Field { id: Cow::Borrowed("end_user"), label: Cow::Borrowed("End user"), description: Some(Cow::Borrowed("The end user's administrative details and service address (end_user).")) },
        Field { id: Cow::Borrowed("documents"), label: Cow::Borrowed("Documents"), description: Some(Cow::Borrowed("The letter of authorization and the invoice (documents).")) },
        Field { id: Cow::Borrowed("misc"), label: Cow::Borrowed("Porting details"), description: Some(Cow::Borrowed("Full or partial port, what happens to the remaining numbers, a new billing number (misc).")) },
        Field { id: Cow::Borrowed("requirements"), label: Cow::Borrowed("Requirements"), description: Some(Cow::Borrowed("The regulatory requirements and their values (requirements, requirement_group_id).")) },
        Field { id: Cow::Borrowed("phone_number_configuration"), label: Cow::Borrowed("Number configuration"), description: Some(Cow::Borrowed("Connection, messaging profile, billing group, emergency address and tags for the numbers once ported (phone_number_configuration).")) },
        Field { id: Cow::Borrowed("foc_datetime_requested"), label: Cow::Borrowed("Requested FOC date"), description: Some(Cow::Borrowed("The Firm Order Commitment date and time the customer asks for (activation_settings.foc_datetime_requested).")) },
        Field { id: Cow::Borrowed("activation_type"), label: Cow::Borrowed("Activation type"), description: Some(Cow::Borrowed("Whether the numbers activate on demand or at the scheduled time (activation_settings.activation_type).")) },
        Field { id: Cow::Borrowed("webhook_url"), label: Cow::Borrowed("Webhook URL"), description: Some(Cow::Borrowed("Where Telnyx sends this order's notifications (webhook_url).")) },
        Field { id: Cow::Borrowed("customer_reference"), label: Cow::Borrowed("Customer reference"), description: Some(Cow::Borrowed("The customer's own reference for the order (customer_reference).")) },
        Field { id: Cow::Borrowed("user_feedback"), label: Cow::Borrowed("User feedback"), description: Some(Cow::Borrowed("The customer's rating of the port and a comment (user_feedback).")) },
    ]),
    statuses: Cow::Borrowed(&[
        Status {
            id: Cow::Borrowed("draft"),
            label: Cow::Borrowed("draft"),
            description: Cow::Borrowed("The order is being filled in and has not been submitted. It can be deleted, and Telnyx deletes it by itself 30 days after it was created."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Telnyx refuses the submission while the order lists additional_steps.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A draft is not cancelled but deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("in_process"), trigger: Trigger::Action(Cow::Borrowed("submit")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("in_process"),
            label: Cow::Borrowed("in-process"),
            description: Cow::Borrowed("Telnyx has the order and has not yet passed it on to the losing carrier."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("foc_datetime_requested"), Cow::Borrowed("activation_type"), Cow::Borrowed("webhook_url"), Cow::Borrowed("customer_reference")]), note: Some(Cow::Borrowed("Telnyx does not say which attributes may change once an order is submitted. This table allows the ones its documentation describes changing without naming a status, and sends everything else to Telnyx support.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("submitted"), trigger: Trigger::Event(Cow::Borrowed("sent_to_losing_carrier")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancel_pending"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("within_48_hours_of_foc"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Le, operand: Operand::Now(SignedDuration::new(172800, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The FOC date is at most 48 hours away")), guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("submitted"),
            label: Cow::Borrowed("submitted"),
            description: Cow::Borrowed("The losing carrier has the order, and Telnyx is waiting for its answer."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("foc_datetime_requested"), Cow::Borrowed("activation_type"), Cow::Borrowed("webhook_url"), Cow::Borrowed("customer_reference")]), note: Some(Cow::Borrowed("Telnyx does not say which attributes may change once an order is submitted. This table allows the ones its documentation describes changing without naming a status, and sends everything else to Telnyx support.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("foc_date_confirmed"), trigger: Trigger::Event(Cow::Borrowed("foc_confirmed")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("exception"), trigger: Trigger::Event(Cow::Borrowed("carrier_rejected")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancel_pending"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("within_48_hours_of_foc"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Le, operand: Operand::Now(SignedDuration::new(172800, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The FOC date is at most 48 hours away")), guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("exception"),
            label: Cow::Borrowed("exception"),
            description: Cow::Borrowed("The losing carrier rejected the order. It is corrected with edits and submitted again."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Correcting the order is how an exception is cleared; Telnyx does not list which attributes may change, so every one may.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("The corrected order is submitted again, as Telnyx's flow diagram shows (fix and resubmit).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("in_process"), trigger: Trigger::Action(Cow::Borrowed("submit")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancel_pending"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("exception_within_48_hours_of_foc"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Le, operand: Operand::Now(SignedDuration::new(172800, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The FOC date is at most 48 hours away")), guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("foc_date_confirmed"),
            label: Cow::Borrowed("foc-date-confirmed"),
            description: Cow::Borrowed("The losing carrier has confirmed the FOC date; the numbers port then."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("foc_datetime_requested"), Cow::Borrowed("activation_type"), Cow::Borrowed("webhook_url"), Cow::Borrowed("customer_reference")]), note: Some(Cow::Borrowed("Telnyx allows changing a confirmed FOC date but advises against it. Which other attributes may still change is not documented; this table keeps the same short list as after submission.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("ported"), trigger: Trigger::Event(Cow::Borrowed("numbers_ported")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancel_pending"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("within_48_hours_of_foc"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Le, operand: Operand::Now(SignedDuration::new(172800, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The FOC date is at most 48 hours away")), guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("within_48_hours_of_foc"),
            label: Cow::Borrowed("Within 48 hours of FOC"),
            description: Cow::Borrowed("Not a Telnyx status: portrules' name for an order in in-process, submitted or foc-date-confirmed whose FOC date is at most 48 hours away. Telnyx keeps the order's own status, but refuses to cancel it through the API."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("foc_datetime_requested"), Cow::Borrowed("activation_type"), Cow::Borrowed("webhook_url"), Cow::Borrowed("customer_reference")]), note: Some(Cow::Borrowed("The same short list as before; Telnyx treats a change of the FOC date this close to it as best effort only.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Telnyx refuses to cancel an order within 48 hours of its FOC date.")), remedy: Cow::Borrowed(&[Cow::Borrowed("Contact Telnyx support.")]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("ported"), trigger: Trigger::Event(Cow::Borrowed("numbers_ported")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("exception_within_48_hours_of_foc"),
            label: Cow::Borrowed("exception, within 48 hours of FOC"),
            description: Cow::Borrowed("Not a Telnyx status: portrules' name for an order in exception whose FOC date is at most 48 hours away. It can still be corrected and submitted again, but not cancelled through the API."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Correcting the order is how an exception is cleared.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Telnyx refuses to cancel an order within 48 hours of its FOC date.")), remedy: Cow::Borrowed(&[Cow::Borrowed("Contact Telnyx support.")]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("in_process"), trigger: Trigger::Action(Cow::Borrowed("submit")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("cancel_pending"),
            label: Cow::Borrowed("cancel-pending"),
            description: Cow::Borrowed("A cancellation was requested and waits for Telnyx's porting operations team."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("user_feedback")]), note: Some(Cow::Borrowed("Telnyx invites a rating once cancellation has been requested.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("The cancellation is already requested.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Event(Cow::Borrowed("cancellation_processed")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("ported"),
            label: Cow::Borrowed("ported"),
            description: Cow::Borrowed("The numbers' voice service has moved to Telnyx; messaging may follow separately."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("user_feedback")]), note: Some(Cow::Borrowed("Telnyx invites a rating once the order has ported.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[(Cow::Borrowed("edit-in-final-status"), Cow::Borrowed("Only the customer's rating of a finished port may still change."))]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("The port is complete.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
            ]),
        },
        Status {
            id: Cow::Borrowed("cancelled"),
            label: Cow::Borrowed("cancelled"),
            description: Cow::Borrowed("The order was cancelled and cannot be brought back; a new order is needed."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("user_feedback")]), note: Some(Cow::Borrowed("Telnyx invites a rating once the order is cancelled.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[(Cow::Borrowed("edit-in-final-status"), Cow::Borrowed("Only the customer's rating of a cancelled port may still change."))]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be deleted.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
            ]),
        },
    ]),
    facts: Cow::Borrowed(&[
        FactDecl { id: Cow::Borrowed("foc_date"), label: Cow::Borrowed("FOC date"), kind: FactType::Datetime, description: Some(Cow::Borrowed("When the numbers port (RFC 3339): foc_datetime_actual once the losing carrier has confirmed it, else foc_datetime_requested.")), if_missing: IfMissing::Deny },
    ]),
    events: Cow::Borrowed(&[
        EventDecl { id: Cow::Borrowed("sent_to_losing_carrier"), label: Cow::Borrowed("Sent to the losing carrier"), description: Some(Cow::Borrowed("Telnyx has checked the order and passed it on to the losing carrier.")) },
        EventDecl { id: Cow::Borrowed("carrier_rejected"), label: Cow::Borrowed("Carrier rejected"), description: Some(Cow::Borrowed("The losing carrier turned the order down; the reasons are in status.details.")) },
        EventDecl { id: Cow::Borrowed("foc_confirmed"), label: Cow::Borrowed("FOC confirmed"), description: Some(Cow::Borrowed("The losing carrier confirmed the FOC date (foc_datetime_actual).")) },
        EventDecl { id: Cow::Borrowed("numbers_ported"), label: Cow::Borrowed("Numbers ported"), description: Some(Cow::Borrowed("The numbers' voice service has moved to Telnyx.")) },
        EventDecl { id: Cow::Borrowed("cancellation_processed"), label: Cow::Borrowed("Cancellation processed"), description: Some(Cow::Borrowed("Telnyx's porting operations team has carried out a requested cancellation.")) },
    ]),
    initial: Cow::Borrowed(&[Cow::Borrowed("draft")]),
    source: Cow::Borrowed("built-in"),
    examples: Cow::Borrowed(&[
        Example { status: Cow::Borrowed("draft"), action: Cow::Borrowed("delete"), field: None, expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("A draft is the one kind of order that can be deleted.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 327, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 327, column: 13, len: 5 }, action: Pos { line: 328, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 329, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("in-process"), action: Cow::Borrowed("delete"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("Once submitted, an order can no longer be deleted, only cancelled.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 331, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 331, column: 13, len: 10 }, action: Pos { line: 332, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 333, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("draft"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("A draft is deleted, not cancelled.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 335, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 335, column: 13, len: 5 }, action: Pos { line: 336, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 337, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("draft"), action: Cow::Borrowed("submit"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("in-process")), why: Some(Cow::Borrowed("Submitting hands the order to Telnyx, which has yet to pass it on to the losing carrier.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 339, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 339, column: 13, len: 5 }, action: Pos { line: 340, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 341, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 342, column: 15, len: 10 } } },
        Example { status: Cow::Borrowed("submitted"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("cancel-pending")), why: Some(Cow::Borrowed("A cancel waits for Telnyx's porting operations team before the order is cancelled.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-10T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 344, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 344, column: 13, len: 9 }, action: Pos { line: 345, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 348, column: 13, len: 5 }, now: Pos { line: 347, column: 10, len: 20 }, leads_to: Pos { line: 349, column: 15, len: 14 } } },
        Example { status: Cow::Borrowed("foc-date-confirmed"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("One second more than 48 hours before the FOC date the order can still be cancelled.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-03T10:00:01Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 351, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 351, column: 13, len: 18 }, action: Pos { line: 352, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 355, column: 13, len: 5 }, now: Pos { line: 354, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("foc-date-confirmed"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("Exactly 48 hours before the FOC date the cancel is refused.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-03T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 357, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 357, column: 13, len: 18 }, action: Pos { line: 358, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 361, column: 13, len: 4 }, now: Pos { line: 360, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("submitted"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("The 48-hour rule holds before the carrier confirms the date, too.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 363, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 363, column: 13, len: 9 }, action: Pos { line: 364, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 367, column: 13, len: 4 }, now: Pos { line: 366, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("foc-date-confirmed"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("end_user")), expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("After submission the end user's details are not among the fields this table lets change.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-10T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 369, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 369, column: 13, len: 18 }, action: Pos { line: 370, column: 13, len: 4 }, field: Pos { line: 371, column: 12, len: 8 }, expect: Pos { line: 374, column: 13, len: 4 }, now: Pos { line: 373, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("foc-date-confirmed"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("foc_datetime_requested")), expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("A confirmed FOC date can still be moved, more than 48 hours ahead.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-10T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 376, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 376, column: 13, len: 18 }, action: Pos { line: 377, column: 13, len: 4 }, field: Pos { line: 378, column: 12, len: 22 }, expect: Pos { line: 381, column: 13, len: 5 }, now: Pos { line: 380, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("exception"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("documents")), expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("A rejected order is fixed by editing it, then submitted again.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-10T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 383, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 383, column: 13, len: 9 }, action: Pos { line: 384, column: 13, len: 4 }, field: Pos { line: 385, column: 12, len: 9 }, expect: Pos { line: 388, column: 13, len: 5 }, now: Pos { line: 387, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("exception"), action: Cow::Borrowed("submit"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("in-process")), why: Some(Cow::Borrowed("Within 48 hours of the FOC date a rejected order can still be corrected and submitted again.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 390, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 390, column: 13, len: 9 }, action: Pos { line: 391, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 394, column: 13, len: 5 }, now: Pos { line: 393, column: 10, len: 20 }, leads_to: Pos { line: 395, column: 15, len: 10 } } },
        Example { status: Cow::Borrowed("exception"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("But it can no longer be cancelled through the API.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T10:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T10:00:00Z")), pos: Pos { line: 397, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 397, column: 13, len: 9 }, action: Pos { line: 398, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 401, column: 13, len: 4 }, now: Pos { line: 400, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("cancel_pending"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("user_feedback")), expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("The customer may rate the port once cancellation is requested.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 403, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 403, column: 13, len: 14 }, action: Pos { line: 404, column: 13, len: 4 }, field: Pos { line: 405, column: 12, len: 13 }, expect: Pos { line: 406, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
    ]),
};
