"""Reading the member register: search, sorted pages, and one member's full record."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from partydesk.codes import EventKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership, Organization
from partydesk.errors import PartydeskError
from partydesk.rules import fold
from partydesk.services.members import MemberRow, member_row

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class MemberFilter:
    """Filters of the member list; all optional, combined with AND."""

    organization_ids: tuple[int, ...] | None = None
    statuses: tuple[str, ...] | None = None
    sex: str | None = None
    ethnicity_code: str | None = None
    theory_code: str | None = None
    born_after: date | None = None
    born_before: date | None = None


@dataclass(frozen=True)
class EventRow:
    """One event of a member's history timeline."""

    id: int
    kind: str
    label: str
    on_date: date
    effective_date: date | None
    decision_no: str
    organization_id: int | None
    counterpart: str
    details: dict[str, Any]
    note: str


@dataclass(frozen=True)
class MembershipRow:
    """One period of activity in an organization."""

    organization_id: int
    organization_name: str
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True)
class MemberDetail:
    """A member's whole record: every column, the timeline and the memberships."""

    values: dict[str, Any]
    organization_name: str
    events: list[EventRow] = field(default_factory=list)
    memberships: list[MembershipRow] = field(default_factory=list)


def _fts_query(text: str) -> str | None:
    tokens = [t for t in fold(text).replace('"', " ").split() if t]
    if not tokens:
        return None
    # Every word must appear; the last one may still be being typed.
    parts = [f'"{t}"' for t in tokens[:-1]] + [f'"{tokens[-1]}"*']
    return " ".join(parts)


def _digits(text: str) -> str:
    return "".join(text.split())


def search_members(db: Database, text: str, limit: int = SEARCH_LIMIT) -> list[MemberRow]:
    """Find members by name or identity number; live records only, in list order.

    Names match without diacritics and in any word order, the last word as a prefix
    (typing is in progress); CCCD, card and biography numbers match by prefix.
    """
    text = (text or "").strip()
    if not text:
        return []
    with db.reader() as session:
        compact = _digits(text)
        if compact[:1].isdigit() and len(compact) >= 3:
            ids = _search_numbers(session, compact, limit)
        else:
            ids = _search_names(session, text, limit)
        if not ids:
            return []
        members = session.scalars(
            select(Member)
            .where(Member.id.in_(ids), Member.deleted_at.is_(None))
            .order_by(Member.name_sort_key, Member.id)
        ).all()
        return [member_row(m) for m in members]


def _prefix_range(column: Any, prefix: str) -> Any:
    # A range on an indexed column instead of LIKE, which SQLite would not index here.
    return (column >= prefix) & (column < prefix + "\U0010ffff")


def _search_numbers(session: Session, prefix: str, limit: int) -> list[int]:
    ids: list[int] = []
    for column in (Member.cccd, Member.card_no, Member.biography_no):
        # `deleted_at IS NULL` lets SQLite use the partial unique index on live CCCDs;
        # without it the CCCD range scans the whole table (90 ms at 500k members).
        live = select(Member.id).where(_prefix_range(column, prefix), Member.deleted_at.is_(None))
        ids.extend(session.scalars(live.limit(limit)))
    return list(dict.fromkeys(ids))[:limit]


def _search_names(session: Session, text: str, limit: int) -> list[int]:
    if session.get_bind().dialect.name == "sqlite":
        query = _fts_query(text)
        if query is None:
            return []
        rows = session.connection().exec_driver_sql(
            "SELECT rowid FROM member_fts WHERE member_fts MATCH ? LIMIT ?", (query, limit)
        )
        return [row[0] for row in rows]
    tokens = fold(text).split()
    if not tokens:
        return []
    condition = and_(*(Member.name_fold.like(f"%{token}%") for token in tokens))
    return list(session.scalars(select(Member.id).where(condition).limit(limit)))


def _filtered(query: Select[Any], filters: MemberFilter) -> Select[Any]:
    query = query.where(Member.deleted_at.is_(None))
    if filters.organization_ids is not None:
        query = query.where(Member.organization_id.in_(filters.organization_ids))
    if filters.statuses is not None:
        query = query.where(Member.status.in_(filters.statuses))
    if filters.sex:
        query = query.where(Member.sex == filters.sex)
    if filters.ethnicity_code:
        query = query.where(Member.ethnicity_code == filters.ethnicity_code)
    if filters.theory_code:
        query = query.where(Member.theory_code == filters.theory_code)
    if filters.born_after:
        query = query.where(Member.birth_date > filters.born_after)
    if filters.born_before:
        query = query.where(Member.birth_date <= filters.born_before)
    return query


def count_members(db: Database, filters: MemberFilter | None = None) -> int:
    """How many live records match `filters`."""
    with db.reader() as session:
        query = _filtered(select(func.count()).select_from(Member), filters or MemberFilter())
        return int(session.scalar(query) or 0)


def member_page(
    db: Database, offset: int, limit: int, filters: MemberFilter | None = None
) -> list[MemberRow]:
    """One page of the member list in Vietnamese list order (sorted in SQL on the index)."""
    with db.reader() as session:
        query = _filtered(select(Member), filters or MemberFilter())
        query = query.order_by(Member.name_sort_key, Member.id).offset(offset).limit(limit)
        return [member_row(m) for m in session.scalars(query)]


def member_detail(db: Database, member_id: int) -> MemberDetail:
    """Everything about one member, for the record window and the member sheet."""
    with db.reader() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise PartydeskError("member.not_found", ref=member_id)
        values = {c.key: getattr(member, c.key) for c in Member.__mapper__.column_attrs}
        org_name = ""
        if member.organization_id is not None:
            org_name = (
                session.scalar(
                    select(Organization.name).where(Organization.id == member.organization_id)
                )
                or ""
            )
        events = [
            EventRow(
                id=e.id,
                kind=e.kind,
                label=EventKind(e.kind).label,
                on_date=e.on_date,
                effective_date=e.effective_date,
                decision_no=e.decision_no,
                organization_id=e.organization_id,
                counterpart=e.counterpart,
                details=json.loads(e.details_json or "{}"),
                note=e.note,
            )
            for e in session.scalars(
                select(MemberEvent)
                .where(MemberEvent.member_id == member_id, MemberEvent.deleted_at.is_(None))
                .order_by(MemberEvent.on_date, MemberEvent.id)
            )
        ]
        memberships = [
            MembershipRow(org_id, name, start, end)
            for org_id, name, start, end in session.execute(
                select(
                    Membership.organization_id,
                    Organization.name,
                    Membership.valid_from,
                    Membership.valid_to,
                )
                .join(Organization, Organization.id == Membership.organization_id)
                .where(Membership.member_id == member_id, Membership.deleted_at.is_(None))
                .order_by(Membership.valid_from)
            )
        ]
        return MemberDetail(values, org_name, events, memberships)
