"""The overview page's figures: counts by status and organization, and what falls due.

Due items are computed from the dated events and the rule table, never stored: a
candidate whose branch resolution waits for the admission decision (60 working days),
an admitted person waiting for the ceremony (30 working days), a probationary member
whose recognition is due (30 working days after the 12 months). The lifecycle issue adds
transfers, dues and cadre terms to the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import COUNTED_STATUSES, EventKind, MemberStatus, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Organization
from partydesk.rules import (
    RuleMissing,
    RuleTable,
    WorkCalendar,
    admission_decision_due,
    ceremony_due,
    official_date,
    recognition_due,
)
from partydesk.services.due import DUE_HORIZON_DAYS, DueItem, work_calendar
from partydesk.services.rule_table import load_rule_table

__all__ = [
    "DUE_HORIZON_DAYS",
    "DueItem",
    "OrganizationCount",
    "Overview",
    "overview",
    "work_calendar",
]


@dataclass(frozen=True)
class OrganizationCount:
    """Counted members under one grassroots organization (its whole subtree)."""

    organization_id: int
    name: str
    members: int


@dataclass(frozen=True)
class Overview:
    """Everything the overview page shows."""

    by_status: dict[str, int]
    by_grassroots: list[OrganizationCount]
    due: list[DueItem]


def overview(db: Database, today: date | None = None) -> Overview:
    """Counts and due items as of `today`."""
    today = today or date.today()
    with db.reader() as session:
        by_status = dict(
            session.execute(
                select(Member.status, func.count())
                .where(Member.deleted_at.is_(None))
                .group_by(Member.status)
            ).all()
        )
        return Overview(by_status, _by_grassroots(session), _due(session, today))


def _by_grassroots(session: Session) -> list[OrganizationCount]:
    orgs = session.execute(
        select(Organization.id, Organization.parent_id, Organization.name, Organization.kind).where(
            Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None)
        )
    ).all()
    parent = {org_id: parent_id for org_id, parent_id, _, _ in orgs}
    grassroots = {org_id: name for org_id, _, name, kind in orgs if OrgKind(kind).is_grassroots}
    direct = dict(
        session.execute(
            select(Member.organization_id, func.count())
            .where(
                Member.deleted_at.is_(None),
                Member.status.in_([s.value for s in COUNTED_STATUSES]),
            )
            .group_by(Member.organization_id)
        ).all()
    )
    totals = dict.fromkeys(grassroots, 0)
    for org_id, count in direct.items():
        current = org_id
        seen: set[int] = set()
        while current is not None and current not in seen:
            if current in totals:
                totals[current] += count
                break
            seen.add(current)
            current = parent.get(current)
    return sorted(
        (OrganizationCount(org_id, grassroots[org_id], count) for org_id, count in totals.items()),
        key=lambda row: (-row.members, row.name),
    )


def _due(session: Session, today: date) -> list[DueItem]:
    rules = load_rule_table(session)
    calendar = work_calendar(session)
    horizon = today + timedelta(days=DUE_HORIZON_DAYS)
    names = dict(session.execute(select(Organization.id, Organization.name)).all())
    items: list[DueItem] = []

    def add(member: Member, what: str, due: date, listed_from: date) -> None:
        # Listed once its start is within the horizon, even if the due date is further.
        if listed_from <= horizon:
            items.append(
                DueItem(
                    member.id,
                    member.full_name,
                    names.get(member.organization_id or -1, ""),
                    what,
                    due,
                    (due - today).days,
                )
            )

    probationary = session.scalars(
        select(Member).where(
            Member.deleted_at.is_(None),
            Member.status == MemberStatus.PROBATIONARY.value,
            Member.ceremony_date.is_not(None),
        )
    )
    for member in probationary:
        assert member.ceremony_date is not None
        try:
            ends = official_date(member.ceremony_date, rules)
            due = recognition_due(member.ceremony_date, rules, calendar)
        except RuleMissing:
            continue
        add(member, f"Xét công nhận chính thức (hết dự bị {ends:%d/%m/%Y})", due, ends)
    items.extend(_candidate_items(session, rules, calendar, today, horizon, names))
    return sorted(items, key=lambda item: (item.due, item.full_name))


def _candidate_items(
    session: Session,
    rules: RuleTable,
    calendar: WorkCalendar,
    today: date,
    horizon: date,
    names: dict[int, str],
) -> list[DueItem]:
    """Candidates waiting for the admission decision or for their ceremony."""
    latest = (
        select(MemberEvent.member_id, MemberEvent.kind, func.max(MemberEvent.on_date))
        .where(
            MemberEvent.deleted_at.is_(None),
            MemberEvent.kind.in_(
                [EventKind.BRANCH_RESOLUTION.value, EventKind.ADMISSION_DECISION.value]
            ),
        )
        .group_by(MemberEvent.member_id, MemberEvent.kind)
    )
    steps: dict[int, dict[str, date]] = {}
    for member_id, kind, on in session.execute(latest):
        steps.setdefault(member_id, {})[kind] = on
    if not steps:
        return []
    candidates = session.execute(
        select(Member.id, Member.full_name, Member.organization_id).where(
            # No IN (…) over the ids: at 500k members it passes SQLite's variable limit.
            Member.deleted_at.is_(None),
            Member.status == MemberStatus.CANDIDATE.value,
        )
    ).all()
    items = []
    for member_id, full_name, org_id in candidates:
        done = steps.get(member_id)
        if done is None:
            continue
        try:
            if EventKind.ADMISSION_DECISION.value in done:
                decided = done[EventKind.ADMISSION_DECISION.value]
                due = ceremony_due(decided, rules, calendar)
                what = f"Tổ chức lễ kết nạp (quyết định ngày {decided:%d/%m/%Y})"
            else:
                resolved = done[EventKind.BRANCH_RESOLUTION.value]
                due = admission_decision_due(resolved, rules, calendar)
                what = f"Ra quyết định kết nạp (nghị quyết chi bộ ngày {resolved:%d/%m/%Y})"
        except RuleMissing:
            continue
        if due <= horizon:
            items.append(
                DueItem(
                    member_id, full_name, names.get(org_id or -1, ""), what, due, (due - today).days
                )
            )
    return items
