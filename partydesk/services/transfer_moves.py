"""Moves that keep the member in this office: internal moves and temporary transfers.

An internal move (chuyển sinh hoạt nội bộ) changes the member's branch from a date; a
temporary transfer (tạm thời) sends them to activity elsewhere while they stay counted at
home, within the stay limits of the rule table. Shared checks live in `services.transfers`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from partydesk.codes import EventKind, TransferDirection, TransferStatus
from partydesk.db.engine import Database
from partydesk.db.models import Transfer
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import (
    RuleParameter,
    RuleTable,
    add_months,
    clean_text,
    transfer_presentation_due,
)
from partydesk.services.document_register import (
    TRANSFER_LETTER_TYPE,
    abbreviations,
    format_number,
    issue_number,
    office_symbol,
)
from partydesk.services.member_events import add_event
from partydesk.services.members import check_member_organization, move_membership
from partydesk.services.rule_table import load_rule_table
from partydesk.services.transfer_queries import (
    INTERNAL,
    TEMPORARY,
    Hop,
    TransferDetail,
    TransferRow,
    detail_of,
    hops_to_json,
    live_member,
    open_temporary,
    sending_chain,
    transfer_row,
)
from partydesk.services.transfers import (
    check_transferable,
    day_text,
    no_open_temporary,
    not_future,
    org_name,
    rule_parameter,
)

#: Temporary transfers by purpose: the rule parameter giving the longest stay.
TEMPORARY_REASONS = {
    "work": ("transfer.temporary_work_max_months", "công tác, cư trú"),
    "study": ("transfer.temporary_study_max_months", "học tập"),
}


@dataclass(frozen=True)
class TemporaryInput:
    """A temporary transfer (tạm thời): the member stays counted at home.

    The host is a branch of this office (`to_organization_id`) or an outside body
    (`to_text`); `reason` is "work" or "study" and decides the longest stay allowed.
    """

    member_id: int
    start: date
    ends_on: date
    reason: str
    to_organization_id: int | None = None
    to_text: str = ""
    note: str = ""


# --- internal move ------------------------------------------------------------------------


def _internal_hops(session: Session, from_id: int | None, to_id: int) -> list[Hop]:
    up = sending_chain(session, from_id)
    down = sending_chain(session, to_id)
    down_ids = [h.organization_id for h in down]
    hops: list[Hop] = []
    for hop in up:
        hops.append(hop)
        if hop.organization_id in down_ids:
            common = down_ids.index(hop.organization_id)
            hops.extend(Hop(h.name, h.organization_id, "receiving") for h in down[:common][::-1])
            return hops
    return hops + [Hop(h.name, h.organization_id, "receiving") for h in down[::-1]]


def internal_move(
    db: Database,
    member_id: int,
    to_organization_id: int,
    on: date,
    today: date | None = None,
    note: str = "",
) -> TransferRow:
    """Move a member to another branch of this office from `on` (chuyển sinh hoạt nội bộ).

    Errors (nothing written): `member.not_found`, `transfer.not_member`,
    `transfer.member_gone`, `transfer.discipline_review`, `transfer.before_last_event`,
    `transfer.same_branch`, `organization.not_found` / `organization.dissolved` / not a
    chi bộ, `member.two_organizations`, `field.future_date`.
    """
    today = today or date.today()
    with db.session("transfers.internal") as session:
        member = live_member(session, member_id)
        not_future("Ngày chuyển", on, today)
        check_transferable(session, member, on, "Ngày chuyển")
        target = check_member_organization(session, to_organization_id)
        if member.organization_id == target.id:
            raise PartydeskError("transfer.same_branch", name=member.full_name, branch=target.name)
        from_id = member.organization_id
        hops = _internal_hops(session, from_id, target.id)
        move_membership(session, member, target.id, on, "internal_move")
        event = add_event(
            session,
            member,
            EventKind.INTERNAL_MOVE,
            on,
            organization_id=target.id,
            counterpart=org_name(session, from_id),
            note=clean_text(note),
        )
        transfer = Transfer(
            member_id=member.id,
            kind=INTERNAL,
            direction=TransferDirection.INTERNAL.value,
            status=TransferStatus.RECEIVED.value,
            letter_date=on,
            from_organization_id=from_id,
            to_organization_id=target.id,
            hops_json=hops_to_json(hops),
            received_on=on,
            event_id=event.id,
            note=clean_text(note),
        )
        session.add(transfer)
        session.flush()
        return transfer_row(session, transfer, today)


# --- temporary transfers ------------------------------------------------------------------


def _months(parameter: RuleParameter) -> int:
    value = parameter.value
    if not isinstance(value, int):
        raise PartydeskError("rule.missing", key=parameter.key, on=day_text(parameter.valid_from))
    return value


def _check_stay(rules: RuleTable, start: date, ends_on: date, reason: str) -> None:
    if reason not in TEMPORARY_REASONS:
        raise ValidationError(
            "field.invalid",
            field="Lý do sinh hoạt tạm thời",
            problem=f"«{reason}» phải là work (công tác) hoặc study (học tập)",
        )
    minimum = rule_parameter(rules, "transfer.temporary_min_months", start)
    if ends_on < add_months(start, _months(minimum)):
        raise PartydeskError(
            "transfer.temporary_too_short",
            until=day_text(ends_on),
            months=minimum.value,
            start=day_text(start),
            source=minimum.source,
        )
    key, label = TEMPORARY_REASONS[reason]
    maximum = rule_parameter(rules, key, start)
    if ends_on > add_months(start, _months(maximum)):
        raise PartydeskError(
            "transfer.temporary_too_long",
            reason=label,
            until=day_text(ends_on),
            months=maximum.value,
            start=day_text(start),
            source=maximum.source,
        )


def temporary_out(db: Database, data: TemporaryInput, today: date | None = None) -> TransferDetail:
    """Send a member to temporary activity elsewhere; they stay counted in their branch.

    The stay must last at least `transfer.temporary_min_months` and at most
    `transfer.temporary_work_max_months` (work) or `transfer.temporary_study_max_months`
    (study), counted from `start`. A host outside this office gets a numbered letter from
    the register (type GT); a host branch of this office lists the member among its
    hosted members.

    Errors (nothing written): the shared refusals of `transfer_out`, `transfer.temporary_open`,
    `transfer.temporary_too_short` / `transfer.temporary_too_long`, `transfer.same_branch`,
    `field.required` (host), `field.invalid` (reason), organization errors for the host.
    """
    today = today or date.today()
    with db.session("transfers.temporary") as session:
        member = live_member(session, data.member_id)
        not_future("Ngày đi", data.start, today)
        check_transferable(session, member, data.start, "Ngày đi")
        no_open_temporary(session, member)
        rules = load_rule_table(session)
        _check_stay(rules, data.start, data.ends_on, data.reason)
        to_text = clean_text(data.to_text)
        host_id = data.to_organization_id
        if host_id is not None:
            host = check_member_organization(session, host_id)
            if host.id == member.organization_id:
                raise PartydeskError(
                    "transfer.same_branch", name=member.full_name, branch=host.name
                )
            host_name = host.name
            to_text = ""
        elif to_text:
            host_name = to_text
        else:
            raise ValidationError("field.required", field="Nơi sinh hoạt tạm thời")
        doc_id: int | None = None
        letter_no = ""
        present_by: date | None = None
        if host_id is None:
            doc = issue_number(
                session,
                office_symbol(session),
                TRANSFER_LETTER_TYPE,
                data.start.year,
                issued_on=data.start,
                form_code=f"transfer_letter.{TEMPORARY}",
                member_id=member.id,
                subject=f"Giới thiệu sinh hoạt đảng tạm thời: {member.full_name} đến {to_text}",
            )
            doc_id = doc.id
            letter_no = format_number(doc, abbreviations(session))
            present_by = transfer_presentation_due(data.start, rules)
        hops = sending_chain(session, member.organization_id)
        hops += (
            [Hop(h.name, h.organization_id, "receiving") for h in sending_chain(session, host_id)][
                ::-1
            ]
            if host_id is not None
            else [Hop(to_text, None, "receiving")]
        )
        event = add_event(
            session,
            member,
            EventKind.TEMPORARY_OUT,
            data.start,
            organization_id=host_id,
            counterpart=host_name,
            decision_no=letter_no,
            details={"ends_on": data.ends_on.isoformat(), "reason": data.reason},
            note=clean_text(data.note),
        )
        transfer = Transfer(
            member_id=member.id,
            kind=TEMPORARY,
            direction=TransferDirection.OUT.value,
            status=TransferStatus.IN_TRANSIT.value,
            document_id=doc_id,
            letter_no=letter_no,
            letter_date=data.start,
            from_organization_id=member.organization_id,
            to_organization_id=host_id,
            to_text=to_text,
            hops_json=hops_to_json(hops),
            present_by=present_by,
            ends_on=data.ends_on,
            event_id=event.id,
            reason=data.reason,
            note=clean_text(data.note),
        )
        session.add(transfer)
        session.flush()
        return detail_of(session, transfer, today)


def temporary_return(
    db: Database, member_id: int, on: date, today: date | None = None
) -> TransferRow:
    """Record the member's return from temporary activity (TEMPORARY_RETURN event).

    Errors: `member.not_found`, `transfer.no_temporary`, `date.order`, `field.future_date`.
    """
    today = today or date.today()
    with db.session("transfers.temporary_return") as session:
        member = live_member(session, member_id)
        transfer = open_temporary(session, member.id)
        if transfer is None:
            raise PartydeskError("transfer.no_temporary", name=member.full_name)
        not_future("Ngày trở về", on, today)
        if on < transfer.letter_date:
            raise ValidationError(
                "date.order",
                later="Ngày trở về",
                later_value=day_text(on),
                earlier="Ngày đi",
                earlier_value=day_text(transfer.letter_date),
            )
        add_event(
            session,
            member,
            EventKind.TEMPORARY_RETURN,
            on,
            organization_id=member.organization_id,
            counterpart=transfer.to_text or org_name(session, transfer.to_organization_id),
        )
        transfer.status = TransferStatus.RETURNED.value
        transfer.returned_on = on
        return transfer_row(session, transfer, today)
