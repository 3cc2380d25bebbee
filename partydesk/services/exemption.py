"""Exemption from party work and activity of old or ill official members (điều 7).

Starting and ending an exemption writes EXEMPTION_START / EXEMPTION_END and refreshes the
cached state; `due_items` lists exemptions whose planned end has come.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select

from partydesk import errors
from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent
from partydesk.errors import PartydeskError
from partydesk.services.due import DueContext, DueItem
from partydesk.services.lifecycle_common import (
    RecordResult,
    add_event,
    check_event_date,
    fmt_date,
    get_member,
    record_result,
    status_of,
)
from partydesk.services.members import refresh_state

errors.add_messages(
    {
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
    }
)


#: Exemption: old or ill official members, decided by the branch.
EXEMPTION_SOURCE = "Điều lệ Đảng 2011, điều 7; Quy định 232-QĐ/TW 2025 (thi hành điều 7)"


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
        if status_of(member) is not MemberStatus.OFFICIAL:
            raise PartydeskError(
                "exemption.not_official", status=status_of(member).label, source=EXEMPTION_SOURCE
            )
        if not reason.strip():
            raise PartydeskError("exemption.reason_required", source=EXEMPTION_SOURCE)
        if until is not None and until <= on:
            raise PartydeskError(
                "date.order",
                later="Miễn đến ngày",
                later_value=fmt_date(until),
                earlier="Miễn từ ngày",
                earlier_value=fmt_date(on),
            )
        check_event_date(session, member, on, EventKind.EXEMPTION_START.label, today)
        details: dict[str, Any] = {"reason": reason.strip()}
        if until is not None:
            details["until"] = until.isoformat()
        add_event(
            session, member, EventKind.EXEMPTION_START, on, decision_no=decision_no, details=details
        )
        refresh_state(session, member)
        return record_result(member, EventKind.EXEMPTION_START.label, on)


def end_exemption(
    db: Database, member_id: int, on: date, today: date | None = None
) -> RecordResult:
    """End a member's exemption from `on` (EXEMPTION_END).

    Errors: `member.not_found`, `exemption.not_exempted`, `field.future_date`,
    `leaving.before_last_event`.
    """
    with db.session("exemption.end") as session:
        member = get_member(session, member_id)
        if status_of(member) is not MemberStatus.EXEMPTED:
            raise PartydeskError("exemption.not_exempted", status=status_of(member).label)
        check_event_date(session, member, on, EventKind.EXEMPTION_END.label, today)
        add_event(session, member, EventKind.EXEMPTION_END, on)
        refresh_state(session, member)
        return record_result(member, EventKind.EXEMPTION_END.label, on)


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
