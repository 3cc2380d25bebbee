"""Reading the member register: search, filtered and sorted pages, one member's record.

Every list query keeps `deleted_at IS NULL`, so SQLite can walk the partial index
`ix_member_name_sort_key_status_live` for the default (Vietnamese list) order, and sorts and
filters in SQL: the GUI holds ids and pages, never the whole register.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from partydesk.codes import EventKind, MemberStatus, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, Member, MemberEvent, Membership, Organization
from partydesk.db.server_search import name_condition, name_query
from partydesk.errors import PartydeskError
from partydesk.rules import add_months, fold
from partydesk.services.catalogues import CatalogueEntry, list_catalogue
from partydesk.services.member_input import MemberInput
from partydesk.services.member_photo import get_member_photo
from partydesk.services.members import MemberRow, get_member_input, member_row
from partydesk.services.organizations import (
    subtree_ids,
)

SEARCH_LIMIT = 50

#: A probationary member is "due soon" once this many months of the 12-month probation
#: have passed (domain.md §3.2: recognition is considered within 30 working days after
#: the 12 months end), so the branch has a month to prepare forms 10-KNĐ to 13-KNĐ.
DUE_SOON_AFTER_MONTHS = 11


class AgeBand(StrEnum):
    """Age bands of the statistics reports (full years on the filter's `today`)."""

    UP_TO_30 = "le30"
    FROM_31_TO_40 = "31_40"
    FROM_41_TO_50 = "41_50"
    FROM_51_TO_60 = "51_60"
    OVER_60 = "gt60"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return _AGE_BAND_LABELS[self]

    @property
    def ages(self) -> tuple[int | None, int | None]:
        """The youngest and oldest full age in the band (None: open end)."""
        return _AGE_BAND_AGES[self]


_AGE_BAND_LABELS = {
    AgeBand.UP_TO_30: "Từ 30 tuổi trở xuống",
    AgeBand.FROM_31_TO_40: "Từ 31 đến 40 tuổi",
    AgeBand.FROM_41_TO_50: "Từ 41 đến 50 tuổi",
    AgeBand.FROM_51_TO_60: "Từ 51 đến 60 tuổi",
    AgeBand.OVER_60: "Trên 60 tuổi",
}
_AGE_BAND_AGES: dict[AgeBand, tuple[int | None, int | None]] = {
    AgeBand.UP_TO_30: (None, 30),
    AgeBand.FROM_31_TO_40: (31, 40),
    AgeBand.FROM_41_TO_50: (41, 50),
    AgeBand.FROM_51_TO_60: (51, 60),
    AgeBand.OVER_60: (61, None),
}


class MemberSort(StrEnum):
    """The columns a member list may be sorted by (a whitelist: nothing else reaches SQL)."""

    NAME = "name"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    ORGANIZATION = "organization"
    STATUS = "status"
    CCCD = "cccd"
    CARD_NO = "card_no"
    DECISION_DATE = "decision_date"
    CEREMONY_DATE = "ceremony_date"
    OFFICIAL_DATE = "official_date"


@dataclass(frozen=True)
class MemberFilter:
    """Filters of the member list; all optional, combined with AND.

    `organization_id` selects an organization and, with `include_descendants`, its whole
    subtree (the organization tree's selection). `age_band` and `due_soon` are counted on
    `today` (None: the real today). `due_soon` lists probationary members whose
    recognition falls due (ceremony at least 11 months ago); candidates waiting for a
    decision or a ceremony are the lifecycle's due list (issue 4), not this filter.
    `text` matches names without diacritics (every word, the last as a prefix) or, when it
    starts with a digit, the prefix of a CCCD, card or biography number.
    `ethnicity_excluded` keeps members of any other ethnicity (the overview chart's «Khác»
    bar: every group not shown on its own); `ceremony_from` and `ceremony_to` (inclusive)
    keep members whose admission ceremony (the Kết nạp page's «Ngày kết nạp») falls
    between them (the overview's admissions of a month).
    """

    organization_ids: tuple[int, ...] | None = None
    organization_id: int | None = None
    include_descendants: bool = True
    statuses: tuple[str, ...] | None = None
    sex: str | None = None
    ethnicity_code: str | None = None
    theory_code: str | None = None
    born_after: date | None = None
    born_before: date | None = None
    age_band: AgeBand | None = None
    due_soon: bool = False
    text: str = ""
    today: date | None = None
    ethnicity_excluded: tuple[str, ...] | None = None
    ceremony_from: date | None = None
    ceremony_to: date | None = None


@dataclass(frozen=True)
class MemberListRow:
    """A row of the member register table: only what the table shows, as plain values."""

    id: int
    full_name: str
    sex: str
    birth_date: date
    birth_year_only: bool
    organization_id: int | None
    organization_name: str
    status: str
    status_label: str
    cccd: str | None
    card_no: str | None
    decision_date: date | None
    ceremony_date: date | None
    official_date: date | None
    ethnicity_name: str
    theory_name: str


@dataclass(frozen=True)
class BranchChoice:
    """An organization members can be placed in (a chi bộ of any kind)."""

    id: int
    name: str
    parent_name: str


@dataclass(frozen=True)
class RegisterChoices:
    """What the register's filter bar and record form offer in their combo boxes."""

    catalogues: dict[str, list[CatalogueEntry]]
    branches: list[BranchChoice]


@dataclass(frozen=True)
class RecordForm:
    """What the record window opens with: combo choices, a member's fields, record, photo."""

    choices: RegisterChoices
    data: MemberInput | None
    detail: MemberDetail | None
    photo: bytes | None


#: Catalogues the record form and the filter bar use.
FORM_CATALOGUES = (
    "ethnicity",
    "religion",
    "general_education",
    "qualification",
    "academic_title",
    "theory",
    "state_management",
    "foreign_language",
    "it_level",
    "occupation",
)


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


#: How many name matches the quick search orders before taking the first `limit`.
_SEARCH_POOL_FACTOR = 20


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
        # The index order, said out loud: SQLite walks (number, rowid) anyway, and a server
        # then takes the same first `limit` matches instead of any of them.
        ids.extend(session.scalars(live.order_by(column, Member.id).limit(limit)))
    return list(dict.fromkeys(ids))[:limit]


def _search_names(session: Session, text: str, limit: int) -> list[int]:
    if session.get_bind().dialect.name == "sqlite":
        query = _fts_query(text)
        if query is None:
            return []
        # Take a pool of matches and order it by list order in SQL, skipping tombstones:
        # when a name matches fewer than the pool (the usual case once two words are
        # typed) the results are exactly the first ones of the register; a broad prefix
        # ("ng") shows list-ordered results of the pool instead of scanning 500k rows.
        rows = session.connection().exec_driver_sql(
            "SELECT m.id FROM member AS m JOIN (SELECT rowid FROM member_fts"
            " WHERE member_fts MATCH ? LIMIT ?) AS f ON f.rowid = m.id"
            " WHERE m.deleted_at IS NULL ORDER BY m.name_sort_key, m.id LIMIT ?",
            (query, limit * _SEARCH_POOL_FACTOR, limit),
        )
        return [row[0] for row in rows]
    # PostgreSQL (the hub): the same pool, taken in id order as FTS5 returns its rowids
    # (tombstones included, as in the FTS table), so both engines show the same members.
    name = name_query(text)
    if name is None:
        return []
    # The pool carries its sort keys, so no second pass over the member table is needed.
    pool = (
        select(Member.id, Member.name_sort_key, Member.deleted_at)
        .where(name_condition(name))
        .order_by(Member.id)
        .limit(limit * _SEARCH_POOL_FACTOR)
        .subquery()
    )
    return list(
        session.scalars(
            select(pool.c.id)
            .where(pool.c.deleted_at.is_(None))
            .order_by(pool.c.name_sort_key, pool.c.id)
            .limit(limit)
        )
    )


def _text_condition(session: Session, raw: str) -> Any:
    """The SQL condition of the list's text filter, or None when there is nothing to match."""
    compact = _digits(raw)
    if not compact:
        return None
    if compact[:1].isdigit():
        return or_(
            _prefix_range(Member.cccd, compact),
            _prefix_range(Member.card_no, compact),
            _prefix_range(Member.biography_no, compact),
        )
    if session.get_bind().dialect.name == "sqlite":
        query = _fts_query(raw)
        if query is None:
            # Only punctuation: nothing can match, and FTS5 would reject the query.
            return Member.id.is_(None)
        fts = text("member.id IN (SELECT rowid FROM member_fts WHERE member_fts MATCH :fts)")
        return fts.bindparams(fts=query)
    name = name_query(raw)
    return Member.id.is_(None) if name is None else name_condition(name)


def born_range(band: AgeBand, today: date) -> tuple[date | None, date | None]:
    """Birth dates (exclusive lower, inclusive upper) of people in `band` on `today`.

    Full age n on `today` means born in (today - (n+1) years, today - n years]. Months are
    added with the civil-code rule of `add_months`, so a 29 February birthday may land a
    day off in a common year: harmless for a statistics filter.
    """
    youngest, oldest = band.ages
    born_before = add_months(today, -12 * youngest) if youngest is not None else None
    born_after = add_months(today, -12 * (oldest + 1)) if oldest is not None else None
    return born_after, born_before


def ceremony_between(start: date | None, end: date | None) -> Any:
    """Members whose admission ceremony (the cached `ceremony_date`) is in [start, end].

    The ceremony events of the period are found first through the (kind, on_date) index
    and their members looked up by id: the cached date has no index, and testing it on
    every row reads the whole register (a month of 500k members: ~1 s instead of ~50 ms).
    Both conditions hold together whenever the cache agrees with the events, which
    `integrity.check` verifies, so the result is that of the cached date alone.
    """
    events = select(MemberEvent.member_id).where(
        MemberEvent.kind == EventKind.CEREMONY.value, MemberEvent.deleted_at.is_(None)
    )
    conditions = []
    if start is not None:
        events = events.where(MemberEvent.on_date >= start)
        conditions.append(Member.ceremony_date >= start)
    if end is not None:
        events = events.where(MemberEvent.on_date <= end)
        conditions.append(Member.ceremony_date <= end)
    return and_(Member.id.in_(events), *conditions)


def apply_member_filter(
    query: Select[Any], filters: MemberFilter, session: Session, status_index: bool = True
) -> Select[Any]:
    """`query` restricted to live records matching `filters` (the register's filter).

    Public so that every list of the register (its table pages, counts, the Excel
    export) applies the very same conditions. `status_index=False` writes the status
    test so that no index can serve it: a page in list order must walk the name index,
    not collect every counted member through the status index and sort them (at 500k
    members: 0.1 ms instead of 180 ms).
    """
    # Always first: the partial index on live names only serves queries that say so.
    query = query.where(Member.deleted_at.is_(None))
    today = filters.today or date.today()
    if filters.organization_ids is not None:
        query = query.where(Member.organization_id.in_(filters.organization_ids))
    if filters.organization_id is not None:
        if filters.include_descendants:
            orgs = subtree_ids(session, filters.organization_id)
        else:
            orgs = [filters.organization_id]
        query = query.where(Member.organization_id.in_(orgs))
    if filters.statuses is not None:
        status = Member.status if status_index else Member.status + ""
        query = query.where(status.in_(filters.statuses))
    if filters.sex:
        query = query.where(Member.sex == filters.sex)
    if filters.ethnicity_code:
        query = query.where(Member.ethnicity_code == filters.ethnicity_code)
    if filters.theory_code:
        query = query.where(Member.theory_code == filters.theory_code)
    if filters.ethnicity_excluded:
        query = query.where(Member.ethnicity_code.not_in(filters.ethnicity_excluded))
    if filters.ceremony_from or filters.ceremony_to:
        query = query.where(ceremony_between(filters.ceremony_from, filters.ceremony_to))
    if filters.born_after:
        query = query.where(Member.birth_date > filters.born_after)
    if filters.born_before:
        query = query.where(Member.birth_date <= filters.born_before)
    if filters.age_band is not None:
        after, before = born_range(AgeBand(filters.age_band), today)
        if after is not None:
            query = query.where(Member.birth_date > after)
        if before is not None:
            query = query.where(Member.birth_date <= before)
    if filters.due_soon:
        query = query.where(
            Member.status == MemberStatus.PROBATIONARY.value,
            Member.ceremony_date <= add_months(today, -DUE_SOON_AFTER_MONTHS),
        )
    condition = _text_condition(session, filters.text or "")
    if condition is not None:
        query = query.where(condition)
    return query


def count_members(db: Database, filters: MemberFilter | None = None) -> int:
    """How many live records match `filters`."""
    with db.reader() as session:
        query = select(func.count()).select_from(Member)
        query = apply_member_filter(query, filters or MemberFilter(), session)
        return int(session.scalar(query) or 0)


def member_page(
    db: Database, offset: int, limit: int, filters: MemberFilter | None = None
) -> list[MemberRow]:
    """One page of the member list in Vietnamese list order (sorted in SQL on the index)."""
    with db.reader() as session:
        query = apply_member_filter(select(Member), filters or MemberFilter(), session)
        query = query.order_by(Member.name_sort_key, Member.id).offset(offset).limit(limit)
        return [member_row(m) for m in session.scalars(query)]


_STATUS_ORDER = case(
    {status.value: index for index, status in enumerate(MemberStatus)},
    value=Member.status,
    else_=len(MemberStatus),
)

_SORT_COLUMNS: dict[MemberSort, Any] = {
    MemberSort.SEX: Member.sex,
    MemberSort.BIRTH_DATE: Member.birth_date,
    MemberSort.STATUS: _STATUS_ORDER,
    MemberSort.CCCD: Member.cccd,
    MemberSort.CARD_NO: Member.card_no,
    MemberSort.DECISION_DATE: Member.decision_date,
    MemberSort.CEREMONY_DATE: Member.ceremony_date,
    MemberSort.OFFICIAL_DATE: Member.official_date,
}


def apply_member_sort(
    query: Select[Any], sort: MemberSort, descending: bool, reverse: bool = False
) -> Select[Any]:
    """`query` ordered by a whitelisted column, then list order, then id (stable pages).

    The register table's order; an export that must list rows as the table shows them
    uses it too. `reverse` gives the exact reverse of that order (directions and empty
    values flipped), so the end of the list can be read from its end.
    """
    # (expression, descending, nullable): nullable keys put empty values last.
    terms: list[tuple[Any, bool, bool]]
    if sort == MemberSort.NAME:
        # Exactly the partial index's order (name_sort_key, rowid): SQLite walks it,
        # forwards or backwards, and stops after the page instead of sorting.
        terms = [(Member.name_sort_key, descending, False), (Member.id, descending, False)]
    else:
        if sort == MemberSort.ORGANIZATION:
            query = query.outerjoin(Organization, Organization.id == Member.organization_id)
            keys: list[Any] = [Organization.name_fold, Organization.id]
        else:
            keys = [_SORT_COLUMNS[MemberSort(sort)]]
        terms = [(key, descending, True) for key in keys]
        terms += [(Member.name_sort_key, False, False), (Member.id, False, False)]
    clauses = []
    for expression, term_descending, nullable in terms:
        down = term_descending != reverse
        clause = expression.desc() if down else expression.asc()
        if nullable:
            # Empty values go last: "no official date yet" is not the earliest date.
            clause = clause.nulls_first() if reverse else clause.nulls_last()
        clauses.append(clause)
    return query.order_by(*clauses)


def member_list_page(
    db: Database,
    offset: int,
    limit: int,
    filters: MemberFilter | None = None,
    sort: MemberSort = MemberSort.NAME,
    descending: bool = False,
    total: int | None = None,
) -> list[MemberListRow]:
    """Rows `offset`..`offset + limit` of the filtered register, sorted in SQL.

    `sort` is one of `MemberSort` (anything else raises ValueError); ties are broken by
    list order and id, so consecutive pages never repeat or skip a member. `total`, the
    count of matching rows when the caller knows it, lets pages in the second half be
    read backwards from the end: jumping to the last row then costs what the first
    page costs instead of a walk over the whole register.
    """
    sort = MemberSort(sort)
    offset = max(offset, 0)
    reverse = total is not None and offset > total - offset - limit
    if total is not None and reverse:
        end = min(offset + limit, total)
        offset, limit = total - end, end - offset
        if limit <= 0:
            return []
    with db.reader() as session:
        # Two steps: the ids of the page (one index walk, no joins to slow the planner),
        # then the shown columns of those 200 rows with their names joined in.
        query = apply_member_filter(
            select(Member.id),
            filters or MemberFilter(),
            session,
            status_index=sort != MemberSort.NAME,
        )
        query = apply_member_sort(query, sort, descending, reverse).offset(offset).limit(limit)
        ids = list(session.scalars(query))
        if reverse:
            ids.reverse()
        if not ids:
            return []
        ethnicity = aliased(CatalogueItem)
        theory = aliased(CatalogueItem)
        rows = session.execute(
            select(
                Member.id,
                Member.full_name,
                Member.sex,
                Member.birth_date,
                Member.birth_year_only,
                Member.organization_id,
                Organization.name,
                Member.status,
                Member.cccd,
                Member.card_no,
                Member.decision_date,
                Member.ceremony_date,
                Member.official_date,
                ethnicity.name,
                theory.name,
            )
            .outerjoin(Organization, Organization.id == Member.organization_id)
            .outerjoin(
                ethnicity,
                and_(ethnicity.catalogue == "ethnicity", ethnicity.code == Member.ethnicity_code),
            )
            .outerjoin(
                theory, and_(theory.catalogue == "theory", theory.code == Member.theory_code)
            )
            .where(Member.id.in_(ids))
        ).all()
        by_id = {row[0]: row for row in rows}
        return [_list_row(by_id[member_id]) for member_id in ids if member_id in by_id]


def _list_row(row: Any) -> MemberListRow:
    (
        member_id,
        full_name,
        sex,
        birth_date,
        birth_year_only,
        organization_id,
        organization_name,
        status,
        cccd,
        card_no,
        decision_date,
        ceremony_date,
        official_date,
        ethnicity_name,
        theory_name,
    ) = row
    try:
        status_label = MemberStatus(status).label
    except ValueError:
        status_label = status
    return MemberListRow(
        id=member_id,
        full_name=full_name,
        sex=sex,
        birth_date=birth_date,
        birth_year_only=bool(birth_year_only),
        organization_id=organization_id,
        organization_name=organization_name or "",
        status=status,
        status_label=status_label,
        cccd=cccd,
        card_no=card_no,
        decision_date=decision_date,
        ceremony_date=ceremony_date,
        official_date=official_date,
        ethnicity_name=ethnicity_name or "",
        theory_name=theory_name or "",
    )


def register_choices(db: Database) -> RegisterChoices:
    """The catalogues of `FORM_CATALOGUES` and the live chi bộ, for filters and the form."""
    with db.reader() as session:
        catalogues = {name: list_catalogue(session, name) for name in FORM_CATALOGUES}
        parent = aliased(Organization)
        rows = session.execute(
            select(Organization.id, Organization.name, parent.name, Organization.kind)
            .outerjoin(parent, parent.id == Organization.parent_id)
            .where(Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None))
            .order_by(Organization.sort_order, Organization.code)
        ).all()
        branches = [
            BranchChoice(org_id, name, parent_name or "")
            for org_id, name, parent_name, kind in rows
            if OrgKind(kind).holds_members
        ]
        return RegisterChoices(catalogues, branches)


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


def record_form(db: Database, member_id: int | None) -> RecordForm:
    """What the record window needs to open (a new record when `member_id` is None).

    Errors: `member.not_found`.
    """
    choices = register_choices(db)
    if member_id is None:
        return RecordForm(choices, None, None, None)
    data = get_member_input(db, member_id)
    photo = get_member_photo(db, member_id)
    return RecordForm(
        choices, data, member_detail(db, member_id), photo.image if photo is not None else None
    )
