"""The overview page's figures: counts by status and organization, and what falls due.

Due items are computed from the dated events and the rule table, never stored: a
candidate whose branch resolution waits for the admission decision (60 working days),
an admitted person waiting for the ceremony (30 working days), a probationary member
whose recognition is due (30 working days after the 12 months). The lifecycle issue adds
transfers, dues and cadre terms to the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import COUNTED_STATUSES, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, Organization
from partydesk.services import (
    admission,
    badges,
    cadre_terms,
    due,
    dues,
    leaving,
    ratings,
    transfer_queries,
)
from partydesk.services.due import DUE_HORIZON_DAYS, DueItem, DueProvider, work_calendar

#: Every lifecycle area's "Việc cần làm" provider.
DUE_PROVIDERS: list[DueProvider] = [
    admission.due_items,
    transfer_queries.due_items,
    leaving.due_items,
    dues.due_items,
    badges.due_items,
    ratings.due_items,
    cadre_terms.due_items,
]

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
        return Overview(
            by_status,
            _by_grassroots(session),
            due.collect(due.due_context(session, today), DUE_PROVIDERS),
        )


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
