"""Official transfers of party activity (chuyển sinh hoạt đảng): out, in, received, cancelled.

Each use case is one transaction: the `Transfer` row, the member's event (TRANSFER_OUT,
TRANSFER_IN), the membership period and, for a letter this office issues, a number from
the transfer-letter register (`document_register`, type GT). A refused step raises before
anything is written, naming the rule and its source (domain.md §3.3). The checks shared
with internal and temporary moves (`transfer_moves`) live here; reads are in
`transfer_queries`, the demo data in `transfer_demo`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import EventKind, MemberStatus, TransferDirection, TransferStatus
from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.models import (
    IssuedDocument,
    Member,
    MemberEvent,
    Membership,
    Organization,
    Transfer,
)
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import (
    RuleMissing,
    RuleParameter,
    RuleTable,
    clean_text,
    official_date,
    transfer_presentation_due,
)
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.document_register import (
    TRANSFER_LETTER_TYPE,
    abbreviations,
    format_number,
    issue_number,
    office_symbol,
    void_in_session,
)
from partydesk.services.member_events import add_event
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import (
    add_member,
    move_membership,
    open_membership,
    refresh_state,
)
from partydesk.services.rule_table import load_rule_table
from partydesk.services.transfer_queries import (
    DISCIPLINE_SOURCE,
    GONE_STATUSES,
    IN_KINDS,
    MEMBERS_ONLY_SOURCE,
    OFFICIAL,
    OUT_KINDS,
    TEMPORARY,
    Hop,
    TransferDetail,
    TransferRow,
    default_dues_through,
    detail_of,
    get_transfer,
    hops_to_json,
    live_member,
    open_temporary,
    receiving_chain,
    sending_chain,
    transfer_row,
)

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class TransferOutInput:
    """An official transfer out of this office (or abroad), as typed by the clerk.

    `to_text` is the "Kính gửi" line (the receiving body); the three receiving lines are
    the hops on the receiving side. `dues_paid_through` is YYYY-MM; None takes the latest
    month recorded in the dues register, "" leaves it blank.
    """

    member_id: int
    letter_date: date
    to_text: str
    kind: str = OFFICIAL
    receiving_superior: str = ""
    receiving_grassroots: str = ""
    receiving_branch: str = ""
    dues_paid_through: str | None = None
    reason: str = ""
    signer: str = ""
    note: str = ""


@dataclass(frozen=True)
class TransferInInput:
    """A member received from another office with the sending office's letter.

    `person` holds their record as typed now (admission, ceremony and official dates and
    history, so party age keeps counting from the same decision date); its
    `organization_id` is the receiving branch of this office. `arrived_on` (default: the
    letter's date) is when they presented the letter and joined the branch.
    """

    letter_no: str
    letter_date: date
    from_text: str
    person: MemberInput
    arrived_on: date | None = None
    kind: str = OFFICIAL
    dues_paid_through: str = ""
    note: str = ""


# --- checks -------------------------------------------------------------------------------


def day_text(value: date) -> str:
    """A date as messages show it (dd/mm/yyyy)."""
    return value.strftime("%d/%m/%Y")


def rule_parameter(rules: RuleTable, key: str, on: date) -> RuleParameter:
    """The rule parameter in force on `on` (its value and source); `rule.missing` if none."""
    try:
        return rules.parameter(key, on)
    except RuleMissing as exc:
        raise PartydeskError("rule.missing", key=key, on=day_text(on)) from exc


def not_future(label: str, value: date, today: date) -> None:
    """Refuse a date after `today` (`field.future_date` naming `label`)."""
    if value > today:
        raise ValidationError("field.future_date", field=label, value=day_text(value))


def _kind(kind: str, allowed: tuple[str, ...], codes: CatalogueCodes) -> str:
    codes.check("transfer_kind", kind, "Hình thức chuyển")
    if kind not in allowed:
        raise PartydeskError("transfer.wrong_kind", kind=kind, allowed=", ".join(allowed))
    return kind


def _dues_month(value: str) -> str:
    text = value.strip()
    if text and _MONTH.match(text) is None:
        raise ValidationError(
            "field.invalid",
            field="Đã đóng đảng phí đến hết tháng",
            problem=f"«{value}» phải viết dạng năm-tháng, ví dụ 2026-10",
        )
    return text


def _last_event(session: Session, member_id: int) -> MemberEvent | None:
    return session.scalars(
        select(MemberEvent)
        .where(MemberEvent.member_id == member_id, MemberEvent.deleted_at.is_(None))
        .order_by(MemberEvent.on_date.desc(), MemberEvent.id.desc())
        .limit(1)
    ).first()


def not_before_last_event(session: Session, member: Member, on: date, label: str) -> None:
    """Refuse a step dated before the member's latest event (`transfer.before_last_event`)."""
    last = _last_event(session, member.id)
    if last is not None and on < last.on_date:
        raise PartydeskError(
            "transfer.before_last_event",
            field=label,
            value=day_text(on),
            name=member.full_name,
            event=EventKind(last.kind).label,
            last=day_text(last.on_date),
        )


def open_discipline_review(session: Session, member_id: int) -> date | None:
    """The date of the member's discipline review still open (no later closing event)."""
    rows = session.execute(
        select(MemberEvent.kind, MemberEvent.on_date)
        .where(
            MemberEvent.member_id == member_id,
            MemberEvent.deleted_at.is_(None),
            MemberEvent.kind.in_(
                [EventKind.DISCIPLINE_REVIEW.value, EventKind.DISCIPLINE_REVIEW_CLOSED.value]
            ),
        )
        .order_by(MemberEvent.on_date, MemberEvent.id)
    ).all()
    if rows and rows[-1][0] == EventKind.DISCIPLINE_REVIEW.value:
        return rows[-1][1]
    return None


def check_transferable(session: Session, member: Member, on: date, label: str) -> None:
    """The refusals every kind of transfer shares (domain.md §3.3)."""
    status = MemberStatus(member.status)
    if status is MemberStatus.CANDIDATE:
        raise PartydeskError(
            "transfer.not_member",
            name=member.full_name,
            status=status.label,
            source=MEMBERS_ONLY_SOURCE,
        )
    if member.status in GONE_STATUSES:
        raise PartydeskError("transfer.member_gone", name=member.full_name, status=status.label)
    since = open_discipline_review(session, member.id)
    if since is not None:
        raise PartydeskError(
            "transfer.discipline_review",
            name=member.full_name,
            since=day_text(since),
            source=DISCIPLINE_SOURCE,
        )
    not_before_last_event(session, member, on, label)


def no_open_temporary(session: Session, member: Member) -> None:
    """Refuse while the member is away on a temporary transfer (`transfer.temporary_open`)."""
    current = open_temporary(session, member.id)
    if current is not None:
        host = current.to_text or org_name(session, current.to_organization_id)
        raise PartydeskError(
            "transfer.temporary_open",
            name=member.full_name,
            host=host,
            until=day_text(current.ends_on) if current.ends_on else "",
        )


def org_name(session: Session, organization_id: int | None) -> str:
    """An organization's name ("" for None)."""
    if organization_id is None:
        return ""
    return session.scalar(select(Organization.name).where(Organization.id == organization_id)) or ""


def _close_membership(session: Session, member: Member, on: date) -> None:
    current = open_membership(session, member.id)
    if current is not None:
        current.valid_to = on


# --- transfer out -------------------------------------------------------------------------


def transfer_out(db: Database, data: TransferOutInput, today: date | None = None) -> TransferDetail:
    """Issue an official transfer letter (or one abroad) and send the member on their way.

    The letter takes the next number of this office's transfer-letter register for the
    letter's year; the hops go from the member's branch up the tree to this office, then
    through the receiving bodies typed by the clerk. The member gets a TRANSFER_OUT event
    (status "transferred out"), their branch membership ends on the letter's date, and the
    transfer stays in transit until the receiving side confirms; it must be presented by
    letter date + `transfer.presentation_days` calendar days.

    Errors (nothing written): `member.not_found`, `transfer.not_member` (a candidate),
    `transfer.member_gone` (left, died, already transferred out), `transfer.discipline_review`,
    `transfer.temporary_open`, `transfer.before_last_event`, `transfer.wrong_kind`,
    `field.required` (destination), `field.invalid` (dues month), `field.future_date`.
    """
    today = today or date.today()
    with db.session("transfers.out") as session:
        member = live_member(session, data.member_id)
        codes = CatalogueCodes(session)
        kind = _kind(data.kind, OUT_KINDS, codes)
        to_text = clean_text(data.to_text)
        if not to_text:
            raise ValidationError("field.required", field="Nơi chuyển đến (Kính gửi)")
        not_future("Ngày giấy giới thiệu", data.letter_date, today)
        check_transferable(session, member, data.letter_date, "Ngày giấy giới thiệu")
        no_open_temporary(session, member)
        dues = (
            default_dues_through(session, member.id)
            if data.dues_paid_through is None
            else _dues_month(data.dues_paid_through)
        )
        rules = load_rule_table(session)
        present_by = transfer_presentation_due(data.letter_date, rules)
        branch_id = member.organization_id
        hops = sending_chain(session, branch_id) + receiving_chain(
            data.receiving_superior, data.receiving_grassroots, data.receiving_branch, to_text
        )
        doc = issue_number(
            session,
            office_symbol(session),
            TRANSFER_LETTER_TYPE,
            data.letter_date.year,
            issued_on=data.letter_date,
            form_code=f"transfer_letter.{kind}",
            member_id=member.id,
            subject=f"Giới thiệu sinh hoạt đảng: {member.full_name} đến {to_text}",
            signer=data.signer,
        )
        letter_no = format_number(doc, abbreviations(session))
        event = add_event(
            session,
            member,
            EventKind.TRANSFER_OUT,
            data.letter_date,
            organization_id=branch_id,
            counterpart=to_text,
            decision_no=letter_no,
            details={"transfer_kind": kind, "dues_paid_through": dues},
            note=clean_text(data.note),
        )
        _close_membership(session, member, data.letter_date)
        transfer = Transfer(
            member_id=member.id,
            kind=kind,
            direction=TransferDirection.OUT.value,
            status=TransferStatus.IN_TRANSIT.value,
            document_id=doc.id,
            letter_no=letter_no,
            letter_date=data.letter_date,
            from_organization_id=branch_id,
            to_text=to_text,
            hops_json=hops_to_json(hops),
            dues_paid_through=dues,
            present_by=present_by,
            event_id=event.id,
            reason=clean_text(data.reason),
            note=clean_text(data.note),
        )
        session.add(transfer)
        refresh_state(session, member)
        session.flush()
        return detail_of(session, transfer, today)


def mark_received(
    db: Database, transfer_id: int, on: date, today: date | None = None
) -> TransferRow:
    """Record that the receiving side confirmed the member's arrival on `on`.

    Errors: `transfer.not_found`, `transfer.not_in_transit` (already received, cancelled,
    or a temporary transfer: use `temporary_return`), `date.order`, `field.future_date`.
    """
    today = today or date.today()
    with db.session("transfers.received") as session:
        transfer = get_transfer(session, transfer_id)
        _in_transit_letter(transfer)
        not_future("Ngày tiếp nhận", on, today)
        if on < transfer.letter_date:
            raise ValidationError(
                "date.order",
                later="Ngày tiếp nhận",
                later_value=day_text(on),
                earlier="Ngày giấy giới thiệu",
                earlier_value=day_text(transfer.letter_date),
            )
        transfer.status = TransferStatus.RECEIVED.value
        transfer.received_on = on
        return transfer_row(session, transfer, today)


def _in_transit_letter(transfer: Transfer) -> None:
    if (
        transfer.status != TransferStatus.IN_TRANSIT.value
        or transfer.kind == TEMPORARY
        or transfer.direction != TransferDirection.OUT.value
    ):
        raise PartydeskError(
            "transfer.not_in_transit",
            letter=transfer.letter_no or transfer.id,
            status=TransferStatus(transfer.status).label,
        )


def cancel_transfer(
    db: Database, transfer_id: int, reason: str, today: date | None = None
) -> TransferRow:
    """Cancel a letter still in transit: the member is restored to their branch.

    The TRANSFER_OUT event is tombstoned, the closed membership reopened, the member's
    status recomputed, and the letter voided in the register with the reason (its number
    stays used).

    Errors: `transfer.not_found`, `field.required` (reason), `transfer.not_in_transit`,
    `transfer.later_events` (the member has events after the letter).
    """
    today = today or date.today()
    with db.session("transfers.cancel") as session:
        transfer = get_transfer(session, transfer_id)
        text = clean_text(reason)
        if not text:
            raise ValidationError("field.required", field="Lý do hủy")
        _in_transit_letter(transfer)
        member = live_member(session, transfer.member_id)
        later = session.scalars(
            select(MemberEvent)
            .where(
                MemberEvent.member_id == member.id,
                MemberEvent.deleted_at.is_(None),
                MemberEvent.on_date >= transfer.letter_date,
                MemberEvent.id != transfer.event_id,
            )
            .order_by(MemberEvent.on_date, MemberEvent.id)
        ).all()
        later = [
            e for e in later if e.on_date > transfer.letter_date or e.id > (transfer.event_id or 0)
        ]
        if later:
            raise PartydeskError(
                "transfer.later_events",
                name=member.full_name,
                event=EventKind(later[0].kind).label,
                on=day_text(later[0].on_date),
            )
        if transfer.event_id is not None:
            event = session.get(MemberEvent, transfer.event_id)
            if event is not None:
                event.deleted_at = utcnow()
        period = session.scalars(
            select(Membership)
            .where(
                Membership.member_id == member.id,
                Membership.valid_to == transfer.letter_date,
                Membership.deleted_at.is_(None),
            )
            .order_by(Membership.valid_from.desc())
        ).first()
        if period is not None:
            period.valid_to = None
            member.organization_id = period.organization_id
        if transfer.document_id is not None:
            doc = session.get(IssuedDocument, transfer.document_id)
            if doc is not None and doc.voided_on is None:
                void_in_session(session, doc, text, max(today, doc.issued_on))
        transfer.status = TransferStatus.CANCELLED.value
        transfer.reason = text
        session.flush()
        refresh_state(session, member)
        return transfer_row(session, transfer, today)


# --- transfer in --------------------------------------------------------------------------


def _returning_member(session: Session, cccd: str | None) -> Member | None:
    key = "".join((cccd or "").split())
    if not key:
        return None
    return session.scalars(
        select(Member).where(
            Member.cccd == key,
            Member.deleted_at.is_(None),
            Member.status == MemberStatus.TRANSFERRED_OUT.value,
        )
    ).first()


def transfer_in(db: Database, data: TransferInInput, today: date | None = None) -> TransferDetail:
    """Receive a member transferred from another office into one of this office's branches.

    A new record is created from `data.person` with a TRANSFER_IN event on the arrival
    date, keeping the admission dates typed from the letter (party age counts from the
    same decision). When the CCCD is that of a member this office transferred out earlier,
    that record is reactivated instead (history kept; a recognition decided elsewhere in
    the meantime is added from the typed official date).

    Errors (nothing written): `field.required` (letter number, sending body),
    `transfer.wrong_kind`, `transfer.not_member` (no admission decision or ceremony),
    `date.order`, `field.future_date`, `transfer.returning_mismatch`,
    `transfer.before_last_event`, every error of `members.create_member`.
    """
    today = today or date.today()
    arrived = data.arrived_on or data.letter_date
    person = data.person
    with db.session("transfers.in") as session:
        codes = CatalogueCodes(session)
        kind = _kind(data.kind, IN_KINDS, codes)
        letter_no = clean_text(data.letter_no)
        if not letter_no:
            raise ValidationError("field.required", field="Số giấy giới thiệu")
        from_text = clean_text(data.from_text)
        if not from_text:
            raise ValidationError("field.required", field="Nơi chuyển đi")
        not_future("Ngày giấy giới thiệu", data.letter_date, today)
        not_future("Ngày đến sinh hoạt", arrived, today)
        if arrived < data.letter_date:
            raise ValidationError(
                "date.order",
                later="Ngày đến sinh hoạt",
                later_value=day_text(arrived),
                earlier="Ngày giấy giới thiệu",
                earlier_value=day_text(data.letter_date),
            )
        dues = _dues_month(data.dues_paid_through)
        rules = load_rule_table(session)
        returning = _returning_member(session, person.cccd)
        if returning is not None:
            member = _reactivate(session, returning, data, arrived, letter_no, from_text, rules)
        else:
            member = _new_arrival(session, data, arrived, letter_no, from_text, today)
        event = session.scalars(
            select(MemberEvent)
            .where(
                MemberEvent.member_id == member.id,
                MemberEvent.kind == EventKind.TRANSFER_IN.value,
                MemberEvent.on_date == arrived,
                MemberEvent.deleted_at.is_(None),
            )
            .order_by(MemberEvent.id.desc())
        ).first()
        transfer = Transfer(
            member_id=member.id,
            kind=kind,
            direction=TransferDirection.IN.value,
            status=TransferStatus.RECEIVED.value,
            letter_no=letter_no,
            letter_date=data.letter_date,
            from_text=from_text,
            to_organization_id=person.organization_id,
            hops_json=hops_to_json(
                [
                    Hop(from_text, None, "sending"),
                    *sending_chain(session, person.organization_id)[::-1],
                ]
            ),
            dues_paid_through=dues,
            present_by=transfer_presentation_due(data.letter_date, rules),
            received_on=arrived,
            event_id=event.id if event is not None else None,
            note=clean_text(data.note),
        )
        session.add(transfer)
        session.flush()
        return detail_of(session, transfer, today)


def _new_arrival(
    session: Session,
    data: TransferInInput,
    arrived: date,
    letter_no: str,
    from_text: str,
    today: date,
) -> Member:
    person = data.person
    if person.decision_date is None or person.ceremony_date is None:
        raise PartydeskError(
            "transfer.not_member",
            name=clean_text(person.full_name),
            status=MemberStatus.CANDIDATE.label,
            source=MEMBERS_ONLY_SOURCE,
        )
    if arrived < person.ceremony_date:
        raise ValidationError(
            "date.order",
            later="Ngày đến sinh hoạt",
            later_value=day_text(arrived),
            earlier="Ngày kết nạp",
            earlier_value=day_text(person.ceremony_date),
        )
    arrival = HistoryItem(
        EventKind.TRANSFER_IN.value,
        arrived,
        decision_no=letter_no,
        counterpart=from_text,
        organization_id=person.organization_id,
        details_json=json.dumps({"transfer_kind": data.kind}, ensure_ascii=False),
    )
    prepared = replace(person, joined_on=arrived, history=(*person.history, arrival))
    return add_member(session, prepared, today)


def _reactivate(
    session: Session,
    member: Member,
    data: TransferInInput,
    arrived: date,
    letter_no: str,
    from_text: str,
    rules: RuleTable,
) -> Member:
    person = data.person
    if (
        person.decision_date is not None
        and member.decision_date is not None
        and person.decision_date != member.decision_date
    ):
        raise PartydeskError(
            "transfer.returning_mismatch",
            cccd=member.cccd,
            name=member.full_name,
            stored=day_text(member.decision_date),
            typed=day_text(person.decision_date),
        )
    not_before_last_event(session, member, arrived, "Ngày đến sinh hoạt")
    if person.official_date is not None and member.official_date is None:
        # Recognized by the other office while away: the recognition joins the history.
        if member.ceremony_date is not None:
            expected = official_date(member.ceremony_date, rules)
            if person.official_date != expected:
                raise ValidationError(
                    "date.official_not_12_months",
                    field="Ngày chính thức",
                    expected=day_text(expected),
                    ceremony=day_text(member.ceremony_date),
                    value=day_text(person.official_date),
                )
        if person.official_date > arrived:
            raise ValidationError(
                "date.order",
                later="Ngày đến sinh hoạt",
                later_value=day_text(arrived),
                earlier="Ngày chính thức",
                earlier_value=day_text(person.official_date),
            )
        recognition = add_event(
            session,
            member,
            EventKind.RECOGNITION,
            person.official_date,
            counterpart=from_text,
        )
        recognition.effective_date = person.official_date
    move_membership(session, member, person.organization_id, arrived, "transfer_in")
    add_event(
        session,
        member,
        EventKind.TRANSFER_IN,
        arrived,
        organization_id=person.organization_id,
        counterpart=from_text,
        decision_no=letter_no,
        details={"transfer_kind": data.kind, "returning": True},
    )
    refresh_state(session, member)
    return member
