"""Leaving the Party: expulsion, striking off, asking to leave, death (domain.md §3.4).

A leaving writes its event (EXPELLED, STRUCK_OFF, ASKED_TO_LEAVE, DIED; an expulsion also
the DISCIPLINE record) in one audited transaction, closes the membership period and
refreshes the cached state. Every check runs before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.codes import EventKind
from partydesk.db.engine import Database
from partydesk.db.models import Member
from partydesk.errors import PartydeskError, ValidationError
from partydesk.services.lifecycle_common import (
    CHARTER_LEAVING,
    LIVE_STATUSES,
    MEMBER_STATUSES,
    RecordResult,
    add_event,
    applies_key,
    catalogue_facts,
    catalogue_source,
    check_event_date,
    check_sanction,
    close_membership,
    close_open_review,
    get_member,
    record_result,
    status_of,
)
from partydesk.services.members import refresh_state

errors.add_messages(
    {
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
    }
)


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


def _leave_kind(value: str) -> LeaveKind:
    try:
        return LeaveKind(value)
    except ValueError as exc:
        raise PartydeskError("leaving.unknown_kind", value=value) from exc


def _check_leaving(session: Session, member: Member, data: LeaveInput, today: date | None) -> str:
    """Check a leaving before anything is written; returns the ground's name (or "")."""
    kind = _leave_kind(data.kind)
    status = status_of(member)
    allowed = LIVE_STATUSES if kind is LeaveKind.DIED else MEMBER_STATUSES
    if status not in allowed:
        raise PartydeskError(
            "leaving.bad_status",
            action=kind.event.label,
            status=status.label,
            source=CHARTER_LEAVING,
        )
    ground_name = ""
    if kind is LeaveKind.EXPELLED:
        check_sanction(session, member, "khai_tru")
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
        if applies_key(status) not in facts.extra.get("applies_to", ["official", "probationary"]):
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
        close_open_review(session, member, data.on, "khai_tru")
        add_event(
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
    add_event(
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
    return record_result(member, kind.event.label, data.on)


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
