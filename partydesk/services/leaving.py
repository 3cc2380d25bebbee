"""Leaving the Party, exemption, discipline and re-admission (domain.md §3.2, §3.4).

Every use case writes events (EXPELLED, STRUCK_OFF, ASKED_TO_LEAVE, DIED,
EXEMPTION_START/END, DISCIPLINE_REVIEW(_CLOSED), DISCIPLINE, ADMISSION_DECISION for a
re-admission) in one audited transaction, closes or opens the membership period where the
member's place changes, and refreshes the cached state from the events. Every check runs
before anything is written, so a refused step leaves the database as it was.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import catalogue_files, errors
from partydesk.codes import LEAVING_EVENTS, EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, Member, MemberEvent, Membership, Organization
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleParameter, RuleTable, add_months
from partydesk.rules.ruletable import RuleMissing
from partydesk.services.due import DueContext, DueItem
from partydesk.services.members import check_member_organization, refresh_state
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "leaving.bad_status": (
            "Không thể ghi «{action}»: đảng viên đang ở trạng thái «{status}» ({source}).",
            "Cannot record '{action}': the member's status is '{status}' ({source}).",
        ),
        "leaving.before_last_event": (
            "Ngày «{action}» ({value}) trước sự kiện gần nhất của đảng viên: «{event}» ngày"
            " {last}.",
            "The date of '{action}' ({value}) is before the member's latest event: '{event}'"
            " on {last}.",
        ),
        "leaving.ground_required": (
            "Xóa tên phải ghi căn cứ (danh mục căn cứ xóa tên; {source}).",
            "Striking off needs a ground (catalogue of grounds; {source}).",
        ),
        "leaving.ground_not_applicable": (
            "Căn cứ «{ground}» không áp dụng cho {status} ({source}).",
            "The ground '{ground}' does not apply to a member whose status is '{status}'"
            " ({source}).",
        ),
        "leaving.unknown_kind": (
            "Hình thức ra khỏi Đảng «{value}» không có trong danh mục (khai_tru, xoa_ten, xin_ra,"
            " tu_tran).",
            "Unknown way of leaving '{value}' (khai_tru, xoa_ten, xin_ra, tu_tran).",
        ),
        "leaving.decision_required": (
            "«{action}» phải có số quyết định và cấp quyết định ({source}).",
            "'{action}' needs the decision number and the deciding body ({source}).",
        ),
        "discipline.not_applicable": (
            "Hình thức kỷ luật «{sanction}» không áp dụng cho {status} ({source}).",
            "The sanction '{sanction}' does not apply to a member whose status is '{status}'"
            " ({source}).",
        ),
        "discipline.review_open": (
            "Đảng viên đang được xem xét kỷ luật từ ngày {since}.",
            "A discipline review of this member is already open since {since}.",
        ),
        "discipline.no_review": (
            "Đảng viên không có việc xem xét kỷ luật nào đang mở.",
            "There is no open discipline review of this member.",
        ),
        "exemption.not_official": (
            "Chỉ đảng viên chính thức được miễn công tác và sinh hoạt đảng; đảng viên đang ở"
            " trạng thái «{status}» ({source}).",
            "Only official members can be exempted from party work and activity; the member's"
            " status is '{status}' ({source}).",
        ),
        "exemption.not_exempted": (
            "Đảng viên không đang được miễn công tác và sinh hoạt đảng (trạng thái «{status}»).",
            "The member is not exempted from party work and activity (status '{status}').",
        ),
        "exemption.reason_required": (
            "Phải ghi lý do miễn công tác và sinh hoạt đảng (tuổi cao, sức yếu…; {source}).",
            "An exemption needs a reason (old age, poor health…; {source}).",
        ),
        "readmission.not_left": (
            "Chỉ xem xét kết nạp lại người đã ra khỏi Đảng; người này đang ở trạng thái"
            " «{status}» ({source}).",
            "Only a former member can be re-admitted; this person's status is '{status}'"
            " ({source}).",
        ),
        "readmission.too_early": (
            "Chưa đủ {months} tháng kể từ khi ra khỏi Đảng ngày {left}: sớm nhất ngày {earliest}"
            " ({source}).",
            "Less than {months} months since leaving the Party on {left}: {earliest} at the"
            " earliest ({source}).",
        ),
        "readmission.once_only": (
            "Đã được kết nạp lại một lần (quyết định ngày {date}); chỉ kết nạp lại một lần"
            " ({source}).",
            "Already re-admitted once (decision of {date}); re-admission happens only once"
            " ({source}).",
        ),
        "readmission.forbidden_ground": (
            "Ra khỏi Đảng ngày {date} vì «{ground}»: không xem xét kết nạp lại ({source}).",
            "Left the Party on {date} for '{ground}': re-admission is not considered ({source}).",
        ),
        "readmission.refused": ("Không thể kết nạp lại: {reasons}", "Cannot re-admit: {reasons}"),
    }
)

#: Where the kinds of leaving and the sanctions for each status are written.
_CHARTER_LEAVING = "Điều lệ Đảng 2011, điều 8 và điều 35"
#: Exemption: old or ill official members, decided by the branch.
EXEMPTION_SOURCE = "Điều lệ Đảng 2011, điều 7; Quy định 232-QĐ/TW 2025 (thi hành điều 7)"

_LIVE = (
    MemberStatus.CANDIDATE,
    MemberStatus.PROBATIONARY,
    MemberStatus.OFFICIAL,
    MemberStatus.EXEMPTED,
)
_MEMBERS = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL, MemberStatus.EXEMPTED)
_LEAVING_VALUES = frozenset(kind.value for kind in LEAVING_EVENTS)


class LeaveKind(StrEnum):
    """Ways of leaving the Party: codes of catalogue `leave_kind`."""

    EXPELLED = "khai_tru"
    STRUCK_OFF = "xoa_ten"
    ASKED_TO_LEAVE = "xin_ra"
    DIED = "tu_tran"

    @property
    def event(self) -> EventKind:
        """The event that records this way of leaving."""
        return _LEAVE_EVENTS[self]


_LEAVE_EVENTS = {
    LeaveKind.EXPELLED: EventKind.EXPELLED,
    LeaveKind.STRUCK_OFF: EventKind.STRUCK_OFF,
    LeaveKind.ASKED_TO_LEAVE: EventKind.ASKED_TO_LEAVE,
    LeaveKind.DIED: EventKind.DIED,
}


@dataclass(frozen=True)
class LeaveInput:
    """A leaving as typed: kind (catalogue `leave_kind`), date and the decision.

    `ground` is the strike-off ground (catalogue `strike_off_ground`); `serious` marks an
    expulsion for a serious violation (corruption, betrayal, a serious crime), which rules
    out re-admission.
    """

    kind: str
    on: date
    ground: str | None = None
    decision_no: str = ""
    decided_by: str = ""
    serious: bool = False
    reason: str = ""


@dataclass(frozen=True)
class RecordResult:
    """What a lifecycle step wrote: the member's new status and a one-line summary."""

    member_id: int
    full_name: str
    status: str
    what: str
    on: date


@dataclass(frozen=True)
class CatalogueFacts:
    """A catalogue entry with the data fields its file carries (applies_to, flags…)."""

    code: str
    name: str
    extra: dict[str, Any]


# --- shared helpers ----------------------------------------------------------------------


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


@functools.cache
def catalogue_source(catalogue: str) -> str:
    """The `source` line of a shipped catalogue file (cited in refusals)."""
    return catalogue_files.read_catalogue(catalogue).source


def catalogue_facts(session: Session, catalogue: str) -> dict[str, CatalogueFacts]:
    """The active entries of `catalogue` with their data fields, by code."""
    rows = session.execute(
        select(CatalogueItem.code, CatalogueItem.name, CatalogueItem.extra_json)
        .where(CatalogueItem.catalogue == catalogue, CatalogueItem.active)
        .order_by(CatalogueItem.sort_order)
    )
    return {
        code: CatalogueFacts(code, name, json.loads(extra or "{}")) for code, name, extra in rows
    }


def get_member(session: Session, member_id: int) -> Member:
    """A live member record; raises `member.not_found`."""
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise PartydeskError("member.not_found", ref=member_id)
    return member


def find_member(db: Database, ref: str) -> int:
    """The id of the member with CCCD, card number or id `ref` (in that order).

    Raises `member.not_found`.
    """
    text = ref.strip()
    with db.reader() as session:
        for column in (Member.cccd, Member.card_no):
            found = session.scalar(
                select(Member.id).where(column == text, Member.deleted_at.is_(None)).limit(1)
            )
            if found is not None:
                return found
        if text.isdigit():
            member = session.get(Member, int(text))
            if member is not None and member.deleted_at is None:
                return member.id
    raise PartydeskError("member.not_found", ref=ref)


def _status(member: Member) -> MemberStatus:
    return MemberStatus(member.status)


def _applies_key(status: MemberStatus) -> str:
    """Catalogue `applies_to` speaks of official and probationary members only.

    An exempted member is an official member excused from activity.
    """
    return "probationary" if status is MemberStatus.PROBATIONARY else "official"


def last_event(session: Session, member_id: int) -> tuple[str, date] | None:
    """The member's latest event (kind, date), ratings and badges aside."""
    row = session.execute(
        select(MemberEvent.kind, MemberEvent.on_date)
        .where(
            MemberEvent.member_id == member_id,
            MemberEvent.deleted_at.is_(None),
            MemberEvent.kind.not_in([EventKind.RATING.value, EventKind.BADGE.value]),
        )
        .order_by(MemberEvent.on_date.desc(), MemberEvent.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else None


def check_event_date(
    session: Session, member: Member, on: date, action: str, today: date | None
) -> None:
    """An event date may be neither in the future nor before the member's latest event."""
    today = today or date.today()
    if on > today:
        raise ValidationError("field.future_date", field=action, value=_d(on))
    latest = last_event(session, member.id)
    if latest is not None and on < latest[1]:
        raise PartydeskError(
            "leaving.before_last_event",
            action=action,
            value=_d(on),
            event=EventKind(latest[0]).label,
            last=_d(latest[1]),
        )


def close_membership(session: Session, member: Member, on: date) -> None:
    """End the member's open membership period on `on` (the day the member is out)."""
    current = session.scalars(
        select(Membership).where(
            Membership.member_id == member.id,
            Membership.valid_to.is_(None),
            Membership.deleted_at.is_(None),
        )
    ).first()
    if current is None:
        return
    if on < current.valid_from:
        raise PartydeskError(
            "date.order",
            later=EventKind.EXPELLED.label,
            later_value=_d(on),
            earlier="Ngày bắt đầu sinh hoạt",
            earlier_value=_d(current.valid_from),
        )
    current.valid_to = on


def _add_event(
    session: Session,
    member: Member,
    kind: EventKind,
    on: date,
    *,
    decision_no: str = "",
    decided_by: str = "",
    details: dict[str, Any] | None = None,
    note: str = "",
) -> MemberEvent:
    event = MemberEvent(
        member_id=member.id,
        kind=kind.value,
        on_date=on,
        decision_no=decision_no.strip(),
        decided_by=decided_by.strip(),
        organization_id=member.organization_id,
        details_json=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        note=note.strip(),
    )
    session.add(event)
    session.flush()
    return event


def _result(member: Member, what: str, on: date) -> RecordResult:
    return RecordResult(member.id, member.full_name, member.status, what, on)


# --- leaving -----------------------------------------------------------------------------


def _leave_kind(value: str) -> LeaveKind:
    try:
        return LeaveKind(value)
    except ValueError as exc:
        raise PartydeskError("leaving.unknown_kind", value=value) from exc


def _check_leaving(session: Session, member: Member, data: LeaveInput, today: date | None) -> str:
    """Check a leaving before anything is written; returns the ground's name (or "")."""
    kind = _leave_kind(data.kind)
    status = _status(member)
    allowed = _LIVE if kind is LeaveKind.DIED else _MEMBERS
    if status not in allowed:
        raise PartydeskError(
            "leaving.bad_status",
            action=kind.event.label,
            status=status.label,
            source=_CHARTER_LEAVING,
        )
    ground_name = ""
    if kind is LeaveKind.EXPELLED:
        _check_sanction(session, member, "khai_tru")
        if not data.decision_no.strip() or not data.decided_by.strip():
            raise PartydeskError(
                "leaving.decision_required",
                action=kind.event.label,
                source=catalogue_source("discipline"),
            )
    if kind is LeaveKind.STRUCK_OFF:
        grounds = catalogue_facts(session, "strike_off_ground")
        if not data.ground:
            raise PartydeskError(
                "leaving.ground_required", source=catalogue_source("strike_off_ground")
            )
        if data.ground not in grounds:
            raise ValidationError(
                "field.unknown_code",
                field="Căn cứ xóa tên",
                value=data.ground,
                catalogue="strike_off_ground",
            )
        facts = grounds[data.ground]
        if _applies_key(status) not in facts.extra.get("applies_to", ["official", "probationary"]):
            raise PartydeskError(
                "leaving.ground_not_applicable",
                ground=facts.name,
                status=status.label,
                source=catalogue_source("strike_off_ground"),
            )
        ground_name = facts.name
    check_event_date(session, member, data.on, kind.event.label, today)
    return ground_name


def leave_party(
    session: Session, member: Member, data: LeaveInput, today: date | None = None
) -> RecordResult:
    """Record a leaving inside an open unit of work (see `record_leaving`)."""
    kind = _leave_kind(data.kind)
    ground_name = _check_leaving(session, member, data, today)
    details: dict[str, Any] = {"leave_kind": kind.value}
    if kind is LeaveKind.STRUCK_OFF:
        details["ground"] = data.ground
    if kind is LeaveKind.EXPELLED:
        details["serious"] = bool(data.serious)
        # Expulsion is a sanction: the discipline record comes with it (Điều lệ điều 35).
        _close_open_review(session, member, data.on, "khai_tru")
        _add_event(
            session,
            member,
            EventKind.DISCIPLINE,
            data.on,
            decision_no=data.decision_no,
            decided_by=data.decided_by,
            details={"sanction": "khai_tru", "serious": bool(data.serious)},
            note=data.reason,
        )
    if data.reason.strip():
        details["reason"] = data.reason.strip()
    _add_event(
        session,
        member,
        kind.event,
        data.on,
        decision_no=data.decision_no,
        decided_by=data.decided_by,
        details=details,
        note=ground_name,
    )
    close_membership(session, member, data.on)
    refresh_state(session, member)
    return _result(member, kind.event.label, data.on)


def record_leaving(
    db: Database, member_id: int, data: LeaveInput, today: date | None = None
) -> RecordResult:
    """Record that a member left the Party (khai trừ, xóa tên, xin ra) or died (từ trần).

    Closes the current membership period on that date and refreshes the cached state.
    Errors (nothing written): `member.not_found`, `leaving.unknown_kind`,
    `leaving.bad_status` (already left, dead, transferred out; a candidate can only die),
    `discipline.not_applicable` (expulsion of a probationary member),
    `leaving.decision_required`, `leaving.ground_required`, `field.unknown_code`,
    `leaving.ground_not_applicable`, `field.future_date`, `leaving.before_last_event`.
    """
    with db.session("leaving.record") as session:
        return leave_party(session, get_member(session, member_id), data, today)


# --- discipline --------------------------------------------------------------------------


@dataclass(frozen=True)
class SanctionInput:
    """A disciplinary sanction (catalogue `discipline`) and its decision."""

    sanction: str
    on: date
    decision_no: str = ""
    decided_by: str = ""
    reason: str = ""
    serious: bool = False


def _open_review(session: Session, member_id: int) -> MemberEvent | None:
    events = session.scalars(
        select(MemberEvent)
        .where(
            MemberEvent.member_id == member_id,
            MemberEvent.deleted_at.is_(None),
            MemberEvent.kind.in_(
                [EventKind.DISCIPLINE_REVIEW.value, EventKind.DISCIPLINE_REVIEW_CLOSED.value]
            ),
        )
        .order_by(MemberEvent.on_date.desc(), MemberEvent.id.desc())
        .limit(1)
    ).first()
    if events is not None and events.kind == EventKind.DISCIPLINE_REVIEW.value:
        return events
    return None


def under_discipline_review(session: Session, member_id: int) -> bool:
    """True while a discipline review of the member is open (opened and not closed)."""
    return _open_review(session, member_id) is not None


def _close_open_review(session: Session, member: Member, on: date, outcome: str) -> None:
    if _open_review(session, member.id) is not None:
        _add_event(
            session, member, EventKind.DISCIPLINE_REVIEW_CLOSED, on, details={"outcome": outcome}
        )


def _check_sanction(session: Session, member: Member, sanction: str) -> CatalogueFacts:
    sanctions = catalogue_facts(session, "discipline")
    if sanction not in sanctions:
        raise ValidationError(
            "field.unknown_code", field="Hình thức kỷ luật", value=sanction, catalogue="discipline"
        )
    facts = sanctions[sanction]
    status = _status(member)
    applies = facts.extra.get("applies_to", ["official", "probationary"])
    if status not in _MEMBERS or _applies_key(status) not in applies:
        raise PartydeskError(
            "discipline.not_applicable",
            sanction=facts.name,
            status=status.label,
            source=catalogue_source("discipline"),
        )
    return facts


def sanction_choices(db: Database, member_id: int) -> list[CatalogueFacts]:
    """The sanctions that apply to the member's current status (catalogue `discipline`)."""
    with db.reader() as session:
        member = get_member(session, member_id)
        status = _status(member)
        if status not in _MEMBERS:
            return []
        return [
            facts
            for facts in catalogue_facts(session, "discipline").values()
            if _applies_key(status) in facts.extra.get("applies_to", [])
        ]


def open_discipline_review(
    db: Database,
    member_id: int,
    on: date,
    reason: str = "",
    decided_by: str = "",
    today: date | None = None,
) -> RecordResult:
    """Open a discipline review (DISCIPLINE_REVIEW) of a member.

    Errors: `member.not_found`, `leaving.bad_status` (not a member),
    `discipline.review_open`, `field.future_date`, `leaving.before_last_event`.
    """
    with db.session("discipline.review") as session:
        member = get_member(session, member_id)
        if _status(member) not in _MEMBERS:
            raise PartydeskError(
                "leaving.bad_status",
                action=EventKind.DISCIPLINE_REVIEW.label,
                status=_status(member).label,
                source=_CHARTER_LEAVING,
            )
        review = _open_review(session, member.id)
        if review is not None:
            raise PartydeskError("discipline.review_open", since=_d(review.on_date))
        check_event_date(session, member, on, EventKind.DISCIPLINE_REVIEW.label, today)
        _add_event(
            session, member, EventKind.DISCIPLINE_REVIEW, on, decided_by=decided_by, note=reason
        )
        return _result(member, EventKind.DISCIPLINE_REVIEW.label, on)


def close_discipline_review(
    db: Database, member_id: int, on: date, outcome: str = "", today: date | None = None
) -> RecordResult:
    """Close the open discipline review (DISCIPLINE_REVIEW_CLOSED), e.g. without a sanction.

    Errors: `member.not_found`, `discipline.no_review`, `field.future_date`,
    `leaving.before_last_event`.
    """
    with db.session("discipline.close_review") as session:
        member = get_member(session, member_id)
        if _open_review(session, member.id) is None:
            raise PartydeskError("discipline.no_review")
        check_event_date(session, member, on, EventKind.DISCIPLINE_REVIEW_CLOSED.label, today)
        _add_event(
            session,
            member,
            EventKind.DISCIPLINE_REVIEW_CLOSED,
            on,
            details={"outcome": outcome.strip()},
        )
        return _result(member, EventKind.DISCIPLINE_REVIEW_CLOSED.label, on)


def record_sanction(
    db: Database, member_id: int, data: SanctionInput, today: date | None = None
) -> RecordResult:
    """Record a disciplinary sanction; an open review is closed with it.

    Khai trừ is the expulsion of `record_leaving` (the member leaves the Party). Errors:
    `member.not_found`, `field.unknown_code`, `discipline.not_applicable` (e.g. cách chức
    or khai trừ for a probationary member), `leaving.decision_required`,
    `field.future_date`, `leaving.before_last_event`.
    """
    if data.sanction == LeaveKind.EXPELLED.value:
        return record_leaving(
            db,
            member_id,
            LeaveInput(
                kind=LeaveKind.EXPELLED.value,
                on=data.on,
                decision_no=data.decision_no,
                decided_by=data.decided_by,
                serious=data.serious,
                reason=data.reason,
            ),
            today,
        )
    with db.session("discipline.sanction") as session:
        member = get_member(session, member_id)
        facts = _check_sanction(session, member, data.sanction)
        if not data.decision_no.strip():
            raise PartydeskError(
                "leaving.decision_required",
                action=f"{EventKind.DISCIPLINE.label} {facts.name}",
                source=catalogue_source("discipline"),
            )
        check_event_date(session, member, data.on, EventKind.DISCIPLINE.label, today)
        _close_open_review(session, member, data.on, data.sanction)
        _add_event(
            session,
            member,
            EventKind.DISCIPLINE,
            data.on,
            decision_no=data.decision_no,
            decided_by=data.decided_by,
            details={"sanction": data.sanction},
            note=data.reason,
        )
        return _result(member, f"{EventKind.DISCIPLINE.label}: {facts.name}", data.on)


# --- exemption ---------------------------------------------------------------------------


def start_exemption(
    db: Database,
    member_id: int,
    on: date,
    reason: str,
    until: date | None = None,
    decision_no: str = "",
    today: date | None = None,
) -> RecordResult:
    """Exempt an official member from party work and activity from `on` (optionally until).

    Exempted members still count in the office's total. Errors: `member.not_found`,
    `exemption.not_official`, `exemption.reason_required`, `date.order` (until before
    from), `field.future_date`, `leaving.before_last_event`.
    """
    with db.session("exemption.start") as session:
        member = get_member(session, member_id)
        if _status(member) is not MemberStatus.OFFICIAL:
            raise PartydeskError(
                "exemption.not_official", status=_status(member).label, source=EXEMPTION_SOURCE
            )
        if not reason.strip():
            raise PartydeskError("exemption.reason_required", source=EXEMPTION_SOURCE)
        if until is not None and until <= on:
            raise PartydeskError(
                "date.order",
                later="Miễn đến ngày",
                later_value=_d(until),
                earlier="Miễn từ ngày",
                earlier_value=_d(on),
            )
        check_event_date(session, member, on, EventKind.EXEMPTION_START.label, today)
        details: dict[str, Any] = {"reason": reason.strip()}
        if until is not None:
            details["until"] = until.isoformat()
        _add_event(
            session, member, EventKind.EXEMPTION_START, on, decision_no=decision_no, details=details
        )
        refresh_state(session, member)
        return _result(member, EventKind.EXEMPTION_START.label, on)


def end_exemption(
    db: Database, member_id: int, on: date, today: date | None = None
) -> RecordResult:
    """End a member's exemption from `on` (EXEMPTION_END).

    Errors: `member.not_found`, `exemption.not_exempted`, `field.future_date`,
    `leaving.before_last_event`.
    """
    with db.session("exemption.end") as session:
        member = get_member(session, member_id)
        if _status(member) is not MemberStatus.EXEMPTED:
            raise PartydeskError("exemption.not_exempted", status=_status(member).label)
        check_event_date(session, member, on, EventKind.EXEMPTION_END.label, today)
        _add_event(session, member, EventKind.EXEMPTION_END, on)
        refresh_state(session, member)
        return _result(member, EventKind.EXEMPTION_END.label, on)


def due_items(context: DueContext) -> list[DueItem]:
    """Exemptions whose planned end date is within the horizon or past (action "exemption")."""
    rows = context.session.execute(
        select(Member.id, Member.full_name, Member.organization_id, MemberEvent.details_json)
        .join(MemberEvent, MemberEvent.member_id == Member.id)
        .where(
            Member.status == MemberStatus.EXEMPTED.value,
            Member.deleted_at.is_(None),
            MemberEvent.kind == EventKind.EXEMPTION_START.value,
            MemberEvent.deleted_at.is_(None),
        )
        .order_by(Member.id, MemberEvent.on_date, MemberEvent.id)
    )
    latest: dict[int, tuple[str, int | None, str]] = {}
    for member_id, name, org_id, details in rows:
        latest[member_id] = (name, org_id, details)  # the last start is the current one
    items: list[DueItem] = []
    for member_id, (name, org_id, details) in latest.items():
        until_text = json.loads(details or "{}").get("until")
        if not until_text:
            continue
        until = date.fromisoformat(until_text)
        if until > context.horizon:
            continue
        items.append(
            context.item(
                "Hết thời hạn miễn công tác và sinh hoạt đảng",
                until,
                full_name=name,
                organization_id=org_id,
                group="exemption",
                action="exemption",
                member_id=member_id,
            )
        )
    return items


# --- re-admission ------------------------------------------------------------------------


class ReadmissionRefusedError(PartydeskError):
    """Re-admission refused: every reason the check found, each naming its rule."""

    def __init__(self, reasons: list[PartydeskError]) -> None:
        super().__init__("readmission.refused", reasons="; ".join(r.message() for r in reasons))
        self.reasons = reasons

    def message(self, language: str = "vi") -> str:
        """All the reasons, in `language`."""
        vi, en = errors.MESSAGES["readmission.refused"]
        template = en if language == "en" else vi
        return template.format(reasons="; ".join(r.message(language) for r in self.reasons))


def _history(session: Session, member_id: int) -> list[MemberEvent]:
    return list(
        session.scalars(
            select(MemberEvent)
            .where(MemberEvent.member_id == member_id, MemberEvent.deleted_at.is_(None))
            .order_by(MemberEvent.on_date, MemberEvent.id)
        )
    )


def _unanswered_leavings(history: list[MemberEvent]) -> list[MemberEvent]:
    """Leaving events not cancelled by a later exoneration (minh oan)."""
    leavings: list[MemberEvent] = []
    for event in history:
        if event.kind in _LEAVING_VALUES:
            leavings.append(event)
        elif event.kind == EventKind.EXONERATED.value and leavings:
            leavings.pop()
    return leavings


def _readmission_rule(rules: RuleTable, left_on: date, on: date) -> RuleParameter:
    """The waiting rule (`readmission.min_months`) in force when the member left.

    For a leaving older than the first recorded value: the rule in force on `on`.
    """
    try:
        return rules.parameter("readmission.min_months", left_on)
    except RuleMissing:
        try:
            return rules.parameter("readmission.min_months", on)
        except RuleMissing as exc:
            raise PartydeskError(
                "rule.missing", key=exc.key, on=exc.on.strftime("%d/%m/%Y")
            ) from exc


def readmission_reasons(session: Session, member: Member, on: date) -> list[PartydeskError]:
    """Why `member` may not be re-admitted by a decision of `on` (empty: allowed)."""
    rules = load_rule_table(session)
    status = _status(member)
    history = _history(session, member.id)
    leavings = _unanswered_leavings(history)
    left_on = member.left_on or (leavings[-1].on_date if leavings else None)
    if status is not MemberStatus.LEFT or left_on is None:
        source = _readmission_rule(rules, on, on).source
        return [PartydeskError("readmission.not_left", status=status.label, source=source)]
    reasons: list[PartydeskError] = []
    parameter = _readmission_rule(rules, left_on, on)
    earliest = add_months(left_on, int(rules.value(parameter.key, parameter.valid_from)))
    if on < earliest:
        reasons.append(
            PartydeskError(
                "readmission.too_early",
                months=parameter.value,
                left=_d(left_on),
                earliest=_d(earliest),
                source=parameter.source,
            )
        )
    decisions = [e for e in history if e.kind == EventKind.ADMISSION_DECISION.value]
    if len(decisions) > 1:
        reasons.append(
            PartydeskError(
                "readmission.once_only", date=_d(decisions[-1].on_date), source=parameter.source
            )
        )
    grounds = catalogue_facts(session, "strike_off_ground")
    kinds = catalogue_facts(session, "leave_kind")
    for event in leavings:
        details = json.loads(event.details_json or "{}")
        if event.kind == EventKind.STRUCK_OFF.value:
            facts = grounds.get(details.get("ground") or "")
            if facts is not None and facts.extra.get("forbids_readmission"):
                reasons.append(
                    PartydeskError(
                        "readmission.forbidden_ground",
                        date=_d(event.on_date),
                        ground=facts.name,
                        source=facts.extra.get("readmission_source")
                        or catalogue_source("strike_off_ground"),
                    )
                )
        elif event.kind == EventKind.EXPELLED.value and details.get("serious"):
            facts = kinds.get(LeaveKind.EXPELLED.value)
            if facts is not None and facts.extra.get("forbids_readmission_if_serious"):
                reasons.append(
                    PartydeskError(
                        "readmission.forbidden_ground",
                        date=_d(event.on_date),
                        ground=f"{facts.name} (vi phạm nghiêm trọng)",
                        source=facts.extra.get("readmission_source")
                        or catalogue_source("leave_kind"),
                    )
                )
    return reasons


def readmission_check(db: Database, member_id: int, on: date) -> list[PartydeskError]:
    """The reasons a re-admission decided on `on` is not allowed; empty when it is.

    Each reason is an error (not raised) whose message names the rule and its source:
    `readmission.not_left`, `readmission.too_early` (`readmission.min_months`),
    `readmission.once_only`, `readmission.forbidden_ground` (catalogue data).
    """
    with db.reader() as session:
        return readmission_reasons(session, get_member(session, member_id), on)


def readmit(
    db: Database,
    member_id: int,
    decision_date: date,
    decision_no: str,
    signer: str = "",
    organization_id: int | None = None,
    today: date | None = None,
) -> RecordResult:
    """Record the re-admission decision (kết nạp lại) after `readmission_check`.

    The person becomes a candidate again with a new membership period in
    `organization_id` (default: the last one); the ceremony and recognition follow as for
    a new member. Party age keeps counting from the first decision, the gap excluded.
    Errors: `member.not_found`, `readmission.refused` (with every reason),
    `field.required` (decision number), `field.future_date`, `leaving.before_last_event`,
    organization errors.
    """
    with db.session("readmission.decide") as session:
        member = get_member(session, member_id)
        reasons = readmission_reasons(session, member, decision_date)
        if reasons:
            raise ReadmissionRefusedError(reasons)
        if not decision_no.strip():
            raise ValidationError("field.required", field="Số quyết định kết nạp lại")
        check_event_date(session, member, decision_date, "Kết nạp lại", today)
        target = organization_id or member.organization_id
        if target is None:
            raise ValidationError("field.required", field="Chi bộ sinh hoạt")
        org = check_member_organization(session, target)
        _add_event(
            session,
            member,
            EventKind.ADMISSION_DECISION,
            decision_date,
            decision_no=decision_no,
            decided_by=signer,
            details={"readmission": True},
        )
        session.add(
            Membership(
                member_id=member.id,
                organization_id=org.id,
                valid_from=decision_date,
                reason="readmission",
            )
        )
        member.organization_id = org.id
        refresh_state(session, member)
        return _result(member, "Kết nạp lại", decision_date)


def readmission_earliest_for(db: Database, member_id: int) -> date | None:
    """The earliest re-admission date of a former member (None when not left)."""
    with db.reader() as session:
        member = get_member(session, member_id)
        if member.left_on is None or member.status != MemberStatus.LEFT.value:
            return None
        rules = load_rule_table(session)
        parameter = _readmission_rule(rules, member.left_on, date.today())
        return add_months(member.left_on, int(rules.value(parameter.key, parameter.valid_from)))


def organization_name(session: Session, organization_id: int | None) -> str:
    """An organization's name, or empty."""
    if organization_id is None:
        return ""
    org = session.get(Organization, organization_id)
    return org.name if org is not None else ""


@dataclass(frozen=True)
class MemberLifecycleForm:
    """What the leaving, exemption, discipline and re-admission dialogs show and offer."""

    member_id: int
    full_name: str
    status: str
    left_on: date | None
    organization_id: int | None
    review_since: date | None
    grounds: tuple[CatalogueFacts, ...]
    sanctions: tuple[CatalogueFacts, ...]
    exemption_until: date | None
    branches: tuple[tuple[int, str], ...]


def lifecycle_form(db: Database, member_id: int) -> MemberLifecycleForm:
    """The member's state and the choices that apply to it (grounds, sanctions, branches)."""
    with db.reader() as session:
        member = get_member(session, member_id)
        status = _status(member)
        key = _applies_key(status)
        is_member = status in _MEMBERS
        grounds = tuple(
            facts
            for facts in catalogue_facts(session, "strike_off_ground").values()
            if is_member and key in facts.extra.get("applies_to", [])
        )
        sanctions = tuple(
            facts
            for facts in catalogue_facts(session, "discipline").values()
            if is_member and key in facts.extra.get("applies_to", [])
        )
        review = _open_review(session, member.id)
        until: date | None = None
        if status is MemberStatus.EXEMPTED:
            start = session.scalars(
                select(MemberEvent)
                .where(
                    MemberEvent.member_id == member.id,
                    MemberEvent.kind == EventKind.EXEMPTION_START.value,
                    MemberEvent.deleted_at.is_(None),
                )
                .order_by(MemberEvent.on_date.desc(), MemberEvent.id.desc())
                .limit(1)
            ).first()
            text = json.loads(start.details_json or "{}").get("until") if start else None
            until = date.fromisoformat(text) if text else None
        branches = tuple(
            (org.id, org.name)
            for org in session.scalars(
                select(Organization)
                .where(
                    Organization.deleted_at.is_(None),
                    Organization.dissolved_on.is_(None),
                    Organization.kind.in_(["chi_bo_co_so", "chi_bo", "to_dang"]),
                )
                .order_by(Organization.code)
            )
        )
        return MemberLifecycleForm(
            member_id=member.id,
            full_name=member.full_name,
            status=member.status,
            left_on=member.left_on,
            organization_id=member.organization_id,
            review_since=review.on_date if review is not None else None,
            grounds=grounds,
            sanctions=sanctions,
            exemption_until=until,
            branches=branches,
        )
