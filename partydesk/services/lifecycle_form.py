"""What the leaving, exemption, discipline and re-admission dialogs show and offer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import MemberEvent, Organization
from partydesk.services.lifecycle_common import (
    MEMBER_STATUSES,
    CatalogueFacts,
    applies_key,
    catalogue_facts,
    get_member,
    open_review,
    status_of,
)


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
        status = status_of(member)
        key = applies_key(status)
        is_member = status in MEMBER_STATUSES
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
        review = open_review(session, member.id)
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
