//! The embedded rules as Rust values, so that answering from them costs no parsing.
//! @generated from rules/bandwidth-port-ins.yaml by `PORTRULES_BLESS=1 cargo test --test cli embedded`;
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
pub(crate) const SOURCE_HASH: u64 = 0xbb1b511c9b6120a2;

/// The rules of `rules/bandwidth-port-ins.yaml`, already validated. Every text and list
/// is borrowed from the binary, so a copy costs no allocation and nothing to free.
pub(crate) static RULES: Rules = Rules {
    schema_version: 1,
    name: Cow::Borrowed("bandwidth-port-ins"),
    version: Cow::Borrowed("1.0.0"),
    title: Cow::Borrowed("Bandwidth port-in statuses"),
    description: Some(Cow::Borrowed("A Bandwidth port-in order moves phone numbers from the losing carrier to a Bandwidth account. Its processing status decides what the customer can do with it through the Numbers API. Written from Bandwidth's public developer documentation (dev.bandwidth.com, Numbers API, stand-alone port-ins); the statuses carry Bandwidth's own spelling as labels.")),
    actions: Cow::Borrowed(&[
        Action { id: Cow::Borrowed("view"), label: Cow::Borrowed("View"), question: Cow::Borrowed("Can you retrieve the order?"), description: Some(Cow::Borrowed("GET /accounts/{accountId}/portins/{orderId}.")), moves: false, read_only: true },
        Action { id: Cow::Borrowed("edit"), label: Cow::Borrowed("Edit"), question: Cow::Borrowed("Can you update the order?"), description: Some(Cow::Borrowed("PUT /accounts/{accountId}/portins/{orderId}; after submission Bandwidth calls this a supplement (supp).")), moves: false, read_only: false },
        Action { id: Cow::Borrowed("submit"), label: Cow::Borrowed("Submit"), question: Cow::Borrowed("Can you submit the order?"), description: Some(Cow::Borrowed("A PUT that sets ProcessingStatus to SUBMITTED.")), moves: true, read_only: false },
        Action { id: Cow::Borrowed("cancel"), label: Cow::Borrowed("Cancel"), question: Cow::Borrowed("Can you cancel the order?"), description: Some(Cow::Borrowed("DELETE /accounts/{accountId}/portins/{orderId} on an order that is no longer a draft.")), moves: true, read_only: false },
        Action { id: Cow::Borrowed("delete"), label: Cow::Borrowed("Delete"), question: Cow::Borrowed("Can you delete the order?"), description: Some(Cow::Borrowed("DELETE /accounts/{accountId}/portins/{orderId} on a draft: the order is removed, not moved to another status.")), moves: false, read_only: false },
    ]),
    fields: Cow::Borrowed(&[
        Field { id: Cow::Borrowed("list_of_phone_numbers"), label: Cow::Borrowed("Phone numbers"), description: Some(Cow::Borrowed("The numbers to port (ListOfPhoneNumbers).")) },
        Field { id: Cow::Borrowed("billing_telephone_number"), label: Cow::Borrowed("Billing telephone number"), description: Some(Cow::Borrowed("The account's billing number at the losing carrier (BillingTelephoneNumber).")) },
        Field { id: Cow::Borrowed("new_billing_telephone_number"), label: Cow::Borrowed("New billing telephone number"), description: Some(Cow::Borrowed("The billing number left with the losing carrier after a partial port (NewBillingTelephoneNumber).")) },
        Field { id: Cow::Borrowed("partial_port"), label: Cow::Borrowed("Partial port"), description: Some(Cow::Borrowed("Whether only some of the account's numbers move (PartialPort).")) },
        Field { id: Cow::Borrowed("subscriber"), label: Cow::Borrowed("Subscriber"), description: Some(Cow::Borrowed("The subscriber's type and name or business name (Subscriber).")) },
        Field { id: Cow::Borrowed("service_address"), label: Cow::Borrowed("Service address"), description: Some(Cow::Borrowed("Where the numbers are in service (Subscriber.ServiceAddress).")) },
        Field { id: Cow::Borrowed("loa_authorizing_person"), label: Cow::Borrowed("LOA authorizing person"), description: Some(Cow::Borrowed("Who signed the letter of authorization (LoaAuthorizingPerson).")) },
        Field { id: Cow::Borrowed("wireless_info"), label: Cow::Borrowed("Wireless account"), description: Some(Cow::Borrowed("The account number and PIN at a wireless losing carrier (WirelessInfo).")) },
        Field { id: Cow::Borrowed("alternate_spid"), label: Cow::Borrowed("Alternate SPID"), description: Some(Cow::Borrowed("The service provider id to port the numbers to, when not the default (AlternateSpid).")) },
        Field { id: Cow::Borrowed("requested_foc_date"), label: Cow::Borrowed("Requested FOC date"), description: Some(Cow::Borrowed("The activation date and time asked for (RequestedFocDate).")) },
        Field { id: Cow::Borrowed("site_id"), label: Cow::Borrowed("Sub-account"), description: Some(Cow::Borrowed("The sub-account the numbers go to (SiteId).")) },
        Field { id: Cow::Borrowed("peer_id"), label: Cow::Borrowed("Location"), description: Some(Cow::Borrowed("The SIP peer the numbers are routed to (PeerId).")) },
        Field { id: Cow::Borrowed("customer_order_id"), label: Cow::Borrowed("Customer order id"), description: Some(Cow::Borrowed("The customer's own reference for the order (CustomerOrderId).")) },
    ]),
    statuses: Cow::Borrowed(&[
        Status {
            id: Cow::Borrowed("draft"),
            label: Cow::Borrowed("DRAFT"),
            description: Cow::Borrowed("A regular port-in that has not been submitted. Bandwidth removes a draft left without an update for 48 hours."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("In the draft statuses every element of the order may be updated.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A DELETE on a draft removes it; that is the delete action here.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("submitted"), trigger: Trigger::Action(Cow::Borrowed("submit")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("validate_draft_tfns"),
            label: Cow::Borrowed("VALIDATE_DRAFT_TFNS"),
            description: Cow::Borrowed("A toll-free draft whose numbers are being checked."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A toll-free draft can only be submitted once its numbers are valid (error 7637).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A DELETE on a draft removes it; that is the delete action here.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("invalid_draft_tfns"), trigger: Trigger::Event(Cow::Borrowed("draft_numbers_invalid")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("valid_draft_tfns"), trigger: Trigger::Event(Cow::Borrowed("draft_numbers_valid")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("invalid_draft_tfns"),
            label: Cow::Borrowed("INVALID_DRAFT_TFNS"),
            description: Cow::Borrowed("A toll-free draft with numbers that cannot be ported."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A toll-free draft can only be submitted once its numbers are valid (error 7637).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A DELETE on a draft removes it; that is the delete action here.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("validate_draft_tfns"), trigger: Trigger::Action(Cow::Borrowed("edit")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("valid_draft_tfns"),
            label: Cow::Borrowed("VALID_DRAFT_TFNS"),
            description: Cow::Borrowed("A toll-free draft whose numbers can all be ported; it may be submitted."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A DELETE on a draft removes it; that is the delete action here.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("submitted"), trigger: Trigger::Action(Cow::Borrowed("submit")), source: Source::Stated, because: None, guard: Some(Condition { fact: Cow::Borrowed("loa_uploaded"), op: Op::Eq, operand: Operand::Value(Cow::Borrowed("yes")) }) },
                Transition { to: Cow::Borrowed("validate_tfns"), trigger: Trigger::Action(Cow::Borrowed("submit")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("validate_tfns"),
            label: Cow::Borrowed("VALIDATE_TFNS"),
            description: Cow::Borrowed("A submitted toll-free order whose numbers are being checked; nothing has gone to the losing carrier yet."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("subscriber"), Cow::Borrowed("service_address"), Cow::Borrowed("loa_authorizing_person"), Cow::Borrowed("site_id"), Cow::Borrowed("peer_id"), Cow::Borrowed("customer_order_id")]), note: Some(Cow::Borrowed("The requested FOC date cannot change in this status (error 7636).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("invalid_tfns"), trigger: Trigger::Event(Cow::Borrowed("numbers_invalid")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("pending_documents"), trigger: Trigger::Event(Cow::Borrowed("numbers_valid")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("invalid_tfns"),
            label: Cow::Borrowed("INVALID_TFNS"),
            description: Cow::Borrowed("A submitted toll-free order with numbers that cannot be ported."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("list_of_phone_numbers"), Cow::Borrowed("subscriber"), Cow::Borrowed("service_address"), Cow::Borrowed("loa_authorizing_person"), Cow::Borrowed("site_id"), Cow::Borrowed("peer_id"), Cow::Borrowed("customer_order_id")]), note: Some(Cow::Borrowed("Updating the list of numbers starts the check again; the requested FOC date cannot change here (error 7636).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("validate_tfns"), trigger: Trigger::Action(Cow::Borrowed("edit")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("pending_documents"),
            label: Cow::Borrowed("PENDING_DOCUMENTS"),
            description: Cow::Borrowed("A toll-free order whose numbers are valid and that waits for a letter of authorization."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("subscriber"), Cow::Borrowed("service_address"), Cow::Borrowed("loa_authorizing_person"), Cow::Borrowed("site_id"), Cow::Borrowed("peer_id"), Cow::Borrowed("customer_order_id")]), note: Some(Cow::Borrowed("The requested FOC date cannot change in this status (error 7636).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("submitted"), trigger: Trigger::Event(Cow::Borrowed("loa_uploaded")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("submitted"),
            label: Cow::Borrowed("SUBMITTED"),
            description: Cow::Borrowed("The order has gone to the porting vendor and waits for the losing carrier."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("billing_telephone_number"), Cow::Borrowed("subscriber"), Cow::Borrowed("requested_foc_date"), Cow::Borrowed("site_id"), Cow::Borrowed("peer_id"), Cow::Borrowed("customer_order_id")]), note: Some(Cow::Borrowed("Before the FOC, an automated off-net port-in keeps its numbers, address, letter of authorization and wireless details fixed.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("requested_supp"), trigger: Trigger::Action(Cow::Borrowed("edit")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("foc"), trigger: Trigger::Event(Cow::Borrowed("foc_received")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("exception"), trigger: Trigger::Event(Cow::Borrowed("carrier_rejected")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("requested_cancel"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("exception"),
            label: Cow::Borrowed("EXCEPTION"),
            description: Cow::Borrowed("The order has a problem that needs correcting; its errors say what."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("billing_telephone_number"), Cow::Borrowed("subscriber"), Cow::Borrowed("requested_foc_date"), Cow::Borrowed("site_id"), Cow::Borrowed("peer_id"), Cow::Borrowed("customer_order_id")]), note: Some(Cow::Borrowed("An exception is corrected with an update; the same fields as before the FOC may change.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("requested_supp"), trigger: Trigger::Action(Cow::Borrowed("edit")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: Some(Condition { fact: Cow::Borrowed("sent_to_losing_carrier"), op: Op::Eq, operand: Operand::Value(Cow::Borrowed("no")) }) },
                Transition { to: Cow::Borrowed("requested_cancel"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Event(Cow::Borrowed("errors_uncorrectable")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("requested_supp"),
            label: Cow::Borrowed("REQUESTED_SUPP"),
            description: Cow::Borrowed("A change to the order was sent to the losing carrier, which has not answered yet."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("The order cannot change while the losing carrier has not answered (error 7300).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A change requested after the FOC leaves the 24-hour limit in force; give the FOC date and activation time whenever the order has one.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("foc"), trigger: Trigger::Event(Cow::Borrowed("foc_received")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("exception"), trigger: Trigger::Event(Cow::Borrowed("carrier_rejected")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("requested_cancel"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("within_24_hours_of_activation"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Lt, operand: Operand::Now(SignedDuration::new(86400, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The FOC date and activation time are less than 24 hours away")), guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("foc"),
            label: Cow::Borrowed("FOC"),
            description: Cow::Borrowed("The losing carrier agreed a date and time for the numbers to activate (ActualFocDate)."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Limited, fields: Cow::Borrowed(&[Cow::Borrowed("requested_foc_date"), Cow::Borrowed("site_id"), Cow::Borrowed("peer_id"), Cow::Borrowed("customer_order_id")]), note: Some(Cow::Borrowed("After the FOC an automated off-net port-in may change only its activation date and time, sub-account, location and order id; the numbers are locked.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed; a DELETE now cancels the order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("within_24_hours_of_activation"), trigger: Trigger::When(Condition { fact: Cow::Borrowed("foc_date"), op: Op::Lt, operand: Operand::Now(SignedDuration::new(86400, 0)) }), source: Source::Stated, because: Some(Cow::Borrowed("The FOC date and activation time are less than 24 hours away")), guard: None },
                Transition { to: Cow::Borrowed("requested_supp"), trigger: Trigger::Action(Cow::Borrowed("edit")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("complete"), trigger: Trigger::Event(Cow::Borrowed("numbers_activated")), source: Source::Inferred, because: None, guard: None },
                Transition { to: Cow::Borrowed("requested_cancel"), trigger: Trigger::Action(Cow::Borrowed("cancel")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("within_24_hours_of_activation"),
            label: Cow::Borrowed("Within 24 hours of activation"),
            description: Cow::Borrowed("Not a Bandwidth status: portrules' name for an order in FOC (or with a change requested after the FOC) whose FOC date and activation time are less than 24 hours away, or past. Bandwidth keeps it in FOC but refuses to update or cancel it."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Bandwidth refuses updates less than 24 hours before the FOC date and activation time (errors 7301, 7635).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Bandwidth refuses to cancel less than 24 hours before the FOC date and activation time (error 7301).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("Only a draft can be removed.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("complete"), trigger: Trigger::Event(Cow::Borrowed("numbers_activated")), source: Source::Inferred, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("requested_cancel"),
            label: Cow::Borrowed("REQUESTED_CANCEL"),
            description: Cow::Borrowed("A cancellation was sent to the losing carrier, which has not confirmed it yet."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("The order cannot change while its cancellation is pending (error 7353).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("The cancellation is already requested.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
                Transition { to: Cow::Borrowed("cancelled"), trigger: Trigger::Event(Cow::Borrowed("cancel_confirmed")), source: Source::Stated, because: None, guard: None },
            ]),
        },
        Status {
            id: Cow::Borrowed("cancelled"),
            label: Cow::Borrowed("CANCELLED"),
            description: Cow::Borrowed("The order was cancelled, by the customer or because an error could not be corrected. It is final."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A cancelled order cannot change (error 7303).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A DELETE has no effect on a finished order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
            ]),
        },
        Status {
            id: Cow::Borrowed("complete"),
            label: Cow::Borrowed("COMPLETE"),
            description: Cow::Borrowed("The numbers were activated and the port is finished. It is final."),
            cells: Cow::Borrowed(&[
                Cell { decision: Effect::Allow, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A complete order cannot change (error 7304).")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: Some(Cow::Borrowed("A DELETE has no effect on a finished order.")), remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
                Cell { decision: Effect::Deny, fields: Cow::Borrowed(&[]), note: None, remedy: Cow::Borrowed(&[]), allow_warnings: Cow::Borrowed(&[]) },
            ]),
            transitions: Cow::Borrowed(&[
            ]),
        },
    ]),
    facts: Cow::Borrowed(&[
        FactDecl { id: Cow::Borrowed("foc_date"), label: Cow::Borrowed("FOC date and activation time"), kind: FactType::Datetime, description: Some(Cow::Borrowed("When the numbers activate (RFC 3339): the agreed FOC date with its activation time (ActualFocDate).")), if_missing: IfMissing::Deny },
        FactDecl { id: Cow::Borrowed("sent_to_losing_carrier"), label: Cow::Borrowed("Sent to the losing carrier"), kind: FactType::String, description: Some(Cow::Borrowed("yes once the order has gone to the losing carrier (its history shows it submitted), no before. Only where cancelling an order in EXCEPTION leads depends on it.")), if_missing: IfMissing::Warn },
        FactDecl { id: Cow::Borrowed("loa_uploaded"), label: Cow::Borrowed("LOA uploaded"), kind: FactType::String, description: Some(Cow::Borrowed("yes when a letter of authorization was uploaded while the order was a draft, else no. Only where submitting a toll-free draft leads depends on it.")), if_missing: IfMissing::Warn },
    ]),
    events: Cow::Borrowed(&[
        EventDecl { id: Cow::Borrowed("draft_numbers_invalid"), label: Cow::Borrowed("Draft numbers invalid"), description: Some(Cow::Borrowed("Checking a toll-free draft found numbers that cannot be ported.")) },
        EventDecl { id: Cow::Borrowed("draft_numbers_valid"), label: Cow::Borrowed("Draft numbers valid"), description: Some(Cow::Borrowed("Every number of a toll-free draft can be ported.")) },
        EventDecl { id: Cow::Borrowed("numbers_invalid"), label: Cow::Borrowed("Numbers invalid"), description: Some(Cow::Borrowed("Checking a submitted toll-free order found numbers that cannot be ported.")) },
        EventDecl { id: Cow::Borrowed("numbers_valid"), label: Cow::Borrowed("Numbers valid"), description: Some(Cow::Borrowed("Every number of a submitted toll-free order can be ported; a letter of authorization is still needed.")) },
        EventDecl { id: Cow::Borrowed("loa_uploaded"), label: Cow::Borrowed("LOA uploaded"), description: Some(Cow::Borrowed("A valid letter of authorization was uploaded (POST /accounts/{accountId}/portins/{orderId}/loas).")) },
        EventDecl { id: Cow::Borrowed("foc_received"), label: Cow::Borrowed("FOC received"), description: Some(Cow::Borrowed("The losing carrier agreed an activation date (ActualFocDate).")) },
        EventDecl { id: Cow::Borrowed("carrier_rejected"), label: Cow::Borrowed("Carrier rejected"), description: Some(Cow::Borrowed("The losing carrier turned the order, or its latest change, down.")) },
        EventDecl { id: Cow::Borrowed("errors_uncorrectable"), label: Cow::Borrowed("Errors cannot be corrected"), description: Some(Cow::Borrowed("Bandwidth cancelled an order whose errors could not be corrected.")) },
        EventDecl { id: Cow::Borrowed("numbers_activated"), label: Cow::Borrowed("Numbers activated"), description: Some(Cow::Borrowed("The numbers were activated on the FOC date and the port is finished.")) },
        EventDecl { id: Cow::Borrowed("cancel_confirmed"), label: Cow::Borrowed("Cancel confirmed"), description: Some(Cow::Borrowed("The losing carrier confirmed that it cancelled the order.")) },
    ]),
    initial: Cow::Borrowed(&[Cow::Borrowed("draft"), Cow::Borrowed("validate_draft_tfns"), Cow::Borrowed("submitted"), Cow::Borrowed("validate_tfns"), Cow::Borrowed("exception")]),
    source: Cow::Borrowed("built-in"),
    examples: Cow::Borrowed(&[
        Example { status: Cow::Borrowed("DRAFT"), action: Cow::Borrowed("delete"), field: None, expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("A draft can be removed outright.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 429, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 429, column: 13, len: 5 }, action: Pos { line: 430, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 431, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("SUBMITTED"), action: Cow::Borrowed("delete"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("Once submitted, a DELETE no longer removes the order; it cancels it.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 433, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 433, column: 13, len: 9 }, action: Pos { line: 434, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 435, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("SUBMITTED"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("REQUESTED_CANCEL")), why: Some(Cow::Borrowed("Already sent, so the cancellation waits for the losing carrier to confirm it.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 437, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 437, column: 13, len: 9 }, action: Pos { line: 438, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 439, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 440, column: 15, len: 16 } } },
        Example { status: Cow::Borrowed("PENDING_DOCUMENTS"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("CANCELLED")), why: Some(Cow::Borrowed("Not yet sent to the losing carrier, so cancelling ends the order at once.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 442, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 442, column: 13, len: 17 }, action: Pos { line: 443, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 444, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 445, column: 15, len: 9 } } },
        Example { status: Cow::Borrowed("EXCEPTION"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("CANCELLED")), why: Some(Cow::Borrowed("An order Bandwidth's own checks stopped never reached the carrier, and is cancelled at once.")), facts: Cow::Borrowed(&[(Cow::Borrowed("sent_to_losing_carrier"), Cow::Borrowed("no"))]), now: None, pos: Pos { line: 447, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 447, column: 13, len: 9 }, action: Pos { line: 448, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 450, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 451, column: 15, len: 9 } } },
        Example { status: Cow::Borrowed("EXCEPTION"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("REQUESTED_CANCEL")), why: Some(Cow::Borrowed("An order the losing carrier rejected waits for the carrier to confirm the cancellation.")), facts: Cow::Borrowed(&[(Cow::Borrowed("sent_to_losing_carrier"), Cow::Borrowed("yes"))]), now: None, pos: Pos { line: 453, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 453, column: 13, len: 9 }, action: Pos { line: 454, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 456, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 457, column: 15, len: 16 } } },
        Example { status: Cow::Borrowed("VALID_DRAFT_TFNS"), action: Cow::Borrowed("submit"), field: None, expect: Effect::Allow, leads_to: Some(Cow::Borrowed("SUBMITTED")), why: Some(Cow::Borrowed("With the letter of authorization already uploaded, a valid toll-free draft goes straight to the vendor.")), facts: Cow::Borrowed(&[(Cow::Borrowed("loa_uploaded"), Cow::Borrowed("yes"))]), now: None, pos: Pos { line: 459, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 459, column: 13, len: 16 }, action: Pos { line: 460, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 462, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 463, column: 15, len: 9 } } },
        Example { status: Cow::Borrowed("REQUESTED_SUPP"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("A change requested after the FOC does not lift the 24-hour limit.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T09:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T15:00:00Z")), pos: Pos { line: 465, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 465, column: 13, len: 14 }, action: Pos { line: 466, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 469, column: 13, len: 4 }, now: Pos { line: 468, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("FOC"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("Exactly 24 hours before activation the order can still be cancelled; the limit is less than 24 hours.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T15:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T15:00:00Z")), pos: Pos { line: 471, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 471, column: 13, len: 3 }, action: Pos { line: 472, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 475, column: 13, len: 5 }, now: Pos { line: 474, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("FOC"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("One second less than 24 hours before activation, cancelling is refused.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T14:59:59Z"))]), now: Some(Cow::Borrowed("2026-12-01T15:00:00Z")), pos: Pos { line: 477, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 477, column: 13, len: 3 }, action: Pos { line: 478, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 481, column: 13, len: 4 }, now: Pos { line: 480, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("FOC"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("customer_order_id")), expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("The 24-hour limit covers updates too, even of the fields that stay editable after the FOC.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-02T14:59:59Z"))]), now: Some(Cow::Borrowed("2026-12-01T15:00:00Z")), pos: Pos { line: 483, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 483, column: 13, len: 3 }, action: Pos { line: 484, column: 13, len: 4 }, field: Pos { line: 485, column: 12, len: 17 }, expect: Pos { line: 488, column: 13, len: 4 }, now: Pos { line: 487, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("FOC"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("list_of_phone_numbers")), expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("After the FOC the list of numbers is locked.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-10T15:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T15:00:00Z")), pos: Pos { line: 490, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 490, column: 13, len: 3 }, action: Pos { line: 491, column: 13, len: 4 }, field: Pos { line: 492, column: 12, len: 21 }, expect: Pos { line: 495, column: 13, len: 4 }, now: Pos { line: 494, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("FOC"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("peer_id")), expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("The location (SIP peer) is among the four fields that stay editable after the FOC.")), facts: Cow::Borrowed(&[(Cow::Borrowed("foc_date"), Cow::Borrowed("2026-12-10T15:00:00Z"))]), now: Some(Cow::Borrowed("2026-12-01T15:00:00Z")), pos: Pos { line: 497, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 497, column: 13, len: 3 }, action: Pos { line: 498, column: 13, len: 4 }, field: Pos { line: 499, column: 12, len: 7 }, expect: Pos { line: 502, column: 13, len: 5 }, now: Pos { line: 501, column: 10, len: 20 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("SUBMITTED"), action: Cow::Borrowed("edit"), field: Some(Cow::Borrowed("subscriber")), expect: Effect::Allow, leads_to: None, why: Some(Cow::Borrowed("Before the FOC the subscriber's details may still change.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 504, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 504, column: 13, len: 9 }, action: Pos { line: 505, column: 13, len: 4 }, field: Pos { line: 506, column: 12, len: 10 }, expect: Pos { line: 507, column: 13, len: 5 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("VALIDATE_DRAFT_TFNS"), action: Cow::Borrowed("submit"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("A toll-free draft is submitted only once its numbers are valid.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 509, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 509, column: 13, len: 19 }, action: Pos { line: 510, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 511, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
        Example { status: Cow::Borrowed("COMPLETE"), action: Cow::Borrowed("cancel"), field: None, expect: Effect::Deny, leads_to: None, why: Some(Cow::Borrowed("A finished order cannot be cancelled.")), facts: Cow::Borrowed(&[]), now: None, pos: Pos { line: 513, column: 5, len: 0 }, at: ExampleAt { status: Pos { line: 513, column: 13, len: 8 }, action: Pos { line: 514, column: 13, len: 6 }, field: Pos { line: 0, column: 0, len: 0 }, expect: Pos { line: 515, column: 13, len: 4 }, now: Pos { line: 0, column: 0, len: 0 }, leads_to: Pos { line: 0, column: 0, len: 0 } } },
    ]),
};
