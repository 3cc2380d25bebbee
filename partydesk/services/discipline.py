"""Discipline: reviews and sanctions (catalogue `discipline`; Điều lệ Đảng, điều 35).

A review is opened and closed with events (DISCIPLINE_REVIEW, DISCIPLINE_REVIEW_CLOSED); a
sanction (DISCIPLINE) closes the open review. Khai trừ is the expulsion of
`party_exit.record_leaving`: the member leaves the Party.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partydesk import errors
from partydesk.codes import EventKind
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.services.lifecycle_common import (
    CHARTER_LEAVING,
    MEMBER_STATUSES,
    CatalogueFacts,
    RecordResult,
    add_event,
    applies_key,
    catalogue_facts,
    catalogue_source,
    check_event_date,
    check_sanction,
    close_open_review,
    fmt_date,
    get_member,
    open_review,
    record_result,
    status_of,
)
from partydesk.services.party_exit import LeaveInput, LeaveKind, record_leaving

errors.add_messages(
    {
        "discipline.review_open": (
            "Đảng viên đang được xem xét kỷ luật từ ngày {since}.",
            "A discipline review of this member is already open since {since}.",
        ),
        "discipline.no_review": (
            "Đảng viên không có việc xem xét kỷ luật nào đang mở.",
            "There is no open discipline review of this member.",
        ),
    }
)


@dataclass(frozen=True)
class SanctionInput:
    """A disciplinary sanction (catalogue `discipline`) and its decision."""

    sanction: str
    on: date
    decision_no: str = ""
    decided_by: str = ""
    reason: str = ""
    serious: bool = False


def sanction_choices(db: Database, member_id: int) -> list[CatalogueFacts]:
    """The sanctions that apply to the member's current status (catalogue `discipline`)."""
    with db.reader() as session:
        member = get_member(session, member_id)
        status = status_of(member)
        if status not in MEMBER_STATUSES:
            return []
        return [
            facts
            for facts in catalogue_facts(session, "discipline").values()
            if applies_key(status) in facts.extra.get("applies_to", [])
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
        if status_of(member) not in MEMBER_STATUSES:
            raise PartydeskError(
                "leaving.bad_status",
                action=EventKind.DISCIPLINE_REVIEW.label,
                status=status_of(member).label,
                source=CHARTER_LEAVING,
            )
        review = open_review(session, member.id)
        if review is not None:
            raise PartydeskError("discipline.review_open", since=fmt_date(review.on_date))
        check_event_date(session, member, on, EventKind.DISCIPLINE_REVIEW.label, today)
        add_event(
            session, member, EventKind.DISCIPLINE_REVIEW, on, decided_by=decided_by, note=reason
        )
        return record_result(member, EventKind.DISCIPLINE_REVIEW.label, on)


def close_discipline_review(
    db: Database, member_id: int, on: date, outcome: str = "", today: date | None = None
) -> RecordResult:
    """Close the open discipline review (DISCIPLINE_REVIEW_CLOSED), e.g. without a sanction.

    Errors: `member.not_found`, `discipline.no_review`, `field.future_date`,
    `leaving.before_last_event`.
    """
    with db.session("discipline.close_review") as session:
        member = get_member(session, member_id)
        if open_review(session, member.id) is None:
            raise PartydeskError("discipline.no_review")
        check_event_date(session, member, on, EventKind.DISCIPLINE_REVIEW_CLOSED.label, today)
        add_event(
            session,
            member,
            EventKind.DISCIPLINE_REVIEW_CLOSED,
            on,
            details={"outcome": outcome.strip()},
        )
        return record_result(member, EventKind.DISCIPLINE_REVIEW_CLOSED.label, on)


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
        facts = check_sanction(session, member, data.sanction)
        if not data.decision_no.strip():
            raise PartydeskError(
                "leaving.decision_required",
                action=f"{EventKind.DISCIPLINE.label} {facts.name}",
                source=catalogue_source("discipline"),
            )
        check_event_date(session, member, data.on, EventKind.DISCIPLINE.label, today)
        close_open_review(session, member, data.on, data.sanction)
        add_event(
            session,
            member,
            EventKind.DISCIPLINE,
            data.on,
            decision_no=data.decision_no,
            decided_by=data.decided_by,
            details={"sanction": data.sanction},
            note=data.reason,
        )
        return record_result(member, f"{EventKind.DISCIPLINE.label}: {facts.name}", data.on)
