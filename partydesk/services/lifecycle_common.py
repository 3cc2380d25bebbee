"""What the member-lifecycle steps share (leaving, discipline, exemption, re-admission).

The member and its status, the catalogue facts a step is checked against, the date checks,
writing an event, closing the membership period, and the open discipline review (an
expulsion closes it as a sanction does). The messages of refusals raised here are
registered here.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import catalogue_files, errors
from partydesk.codes import EventKind, MemberStatus
from partydesk.db.models import CatalogueItem, Member, MemberEvent
from partydesk.errors import PartydeskError, ValidationError
from partydesk.services import member_events
from partydesk.services.member_lookup import get_member
from partydesk.services.members import open_membership

__all__ = [
    "CHARTER_LEAVING",
    "LIVE_STATUSES",
    "MEMBER_STATUSES",
    "CatalogueFacts",
    "RecordResult",
    "add_event",
    "applies_key",
    "catalogue_facts",
    "catalogue_source",
    "check_event_date",
    "check_sanction",
    "close_membership",
    "close_open_review",
    "fmt_date",
    "get_member",
    "last_event",
    "open_review",
    "record_result",
    "status_of",
    "under_discipline_review",
]

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
        "leaving.decision_required": (
            "«{action}» phải có số quyết định và cấp quyết định ({source}).",
            "'{action}' needs the decision number and the deciding body ({source}).",
        ),
        "discipline.not_applicable": (
            "Hình thức kỷ luật «{sanction}» không áp dụng cho {status} ({source}).",
            "The sanction '{sanction}' does not apply to a member whose status is '{status}'"
            " ({source}).",
        ),
    }
)


#: Where the kinds of leaving and the sanctions for each status are written.
CHARTER_LEAVING = "Điều lệ Đảng 2011, điều 8 và điều 35"


LIVE_STATUSES = (
    MemberStatus.CANDIDATE,
    MemberStatus.PROBATIONARY,
    MemberStatus.OFFICIAL,
    MemberStatus.EXEMPTED,
)
MEMBER_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL, MemberStatus.EXEMPTED)


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


def fmt_date(value: date) -> str:
    """dd/mm/yyyy, as on Party documents."""
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


def status_of(member: Member) -> MemberStatus:
    """The member's cached status as an enum."""
    return MemberStatus(member.status)


def applies_key(status: MemberStatus) -> str:
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
        raise ValidationError("field.future_date", field=action, value=fmt_date(on))
    latest = last_event(session, member.id)
    if latest is not None and on < latest[1]:
        raise PartydeskError(
            "leaving.before_last_event",
            action=action,
            value=fmt_date(on),
            event=EventKind(latest[0]).label,
            last=fmt_date(latest[1]),
        )


def close_membership(session: Session, member: Member, on: date) -> None:
    """End the member's open membership period on `on` (the day the member is out)."""
    current = open_membership(session, member.id)
    if current is None:
        return
    if on < current.valid_from:
        raise PartydeskError(
            "date.order",
            later=EventKind.EXPELLED.label,
            later_value=fmt_date(on),
            earlier="Ngày bắt đầu sinh hoạt",
            earlier_value=fmt_date(current.valid_from),
        )
    current.valid_to = on


def add_event(
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
    """Add one event of the member, in the member's current organization."""
    return member_events.add_event(
        session,
        member,
        kind,
        on,
        organization_id=member.organization_id,
        decision_no=decision_no.strip(),
        decided_by=decided_by.strip(),
        details=details,
        note=note.strip(),
    )


def record_result(member: Member, what: str, on: date) -> RecordResult:
    """What a step wrote, for the caller to show."""
    return RecordResult(member.id, member.full_name, member.status, what, on)


def open_review(session: Session, member_id: int) -> MemberEvent | None:
    """The member's open discipline review (a DISCIPLINE_REVIEW not yet closed), if any."""
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
    return open_review(session, member_id) is not None


def close_open_review(session: Session, member: Member, on: date, outcome: str) -> None:
    """Close the member's open discipline review, if any, with `outcome` (a sanction code)."""
    if open_review(session, member.id) is not None:
        add_event(
            session, member, EventKind.DISCIPLINE_REVIEW_CLOSED, on, details={"outcome": outcome}
        )


def check_sanction(session: Session, member: Member, sanction: str) -> CatalogueFacts:
    """The sanction's catalogue entry; refused when unknown or not for the member's status."""
    sanctions = catalogue_facts(session, "discipline")
    if sanction not in sanctions:
        raise ValidationError(
            "field.unknown_code", field="Hình thức kỷ luật", value=sanction, catalogue="discipline"
        )
    facts = sanctions[sanction]
    status = status_of(member)
    applies = facts.extra.get("applies_to", ["official", "probationary"])
    if status not in MEMBER_STATUSES or applies_key(status) not in applies:
        raise PartydeskError(
            "discipline.not_applicable",
            sanction=facts.name,
            status=status.label,
            source=catalogue_source("discipline"),
        )
    return facts
