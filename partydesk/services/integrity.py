"""`partydesk check`: integrity and rule checks over the whole database.

Each problem names the record (UUID, never personal data in logs) and says what is wrong
in words a clerk can act on. The check reads only; it never repairs.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership, Organization
from partydesk.rules import RuleTable, check_cccd, official_date
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.member_state import EventFact, derive_state
from partydesk.services.rule_table import load_rule_table


@dataclass(frozen=True)
class Problem:
    """One finding of the check."""

    kind: str
    table: str
    record_uuid: str
    message: str


def check_database(db: Database) -> list[Problem]:
    """Run every check and return the problems found (empty when all is well)."""
    problems: list[Problem] = []
    with db.reader() as session:
        if db.is_sqlite:
            result = session.connection().exec_driver_sql("PRAGMA quick_check").scalar()
            if result != "ok":
                problems.append(Problem("sqlite", "-", "-", f"SQLite quick_check: {result}"))
            fk = session.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            for row in fk[:100]:
                problems.append(
                    Problem(
                        "foreign_key",
                        str(row[0]),
                        str(row[1]),
                        f"Tham chiếu hỏng tới bảng {row[2]}",
                    )
                )
            try:
                # rank=1 also compares the index with the member table it was built from.
                session.connection().exec_driver_sql(
                    "INSERT INTO member_fts(member_fts, rank) VALUES ('integrity-check', 1)"
                )
            except DBAPIError as exc:
                problems.append(
                    Problem(
                        "search_index",
                        "member_fts",
                        "-",
                        f"Chỉ mục tìm kiếm hỏng ({exc.orig}): hãy sao lưu và "
                        "báo cho người quản trị.",
                    )
                )
        codes = CatalogueCodes(session)
        rules = load_rule_table(session)
        orgs = {o.id: o for o in session.scalars(select(Organization))}
        problems.extend(_tree_problems(orgs))
        events: dict[int, list[EventFact]] = defaultdict(list)
        for member_id, kind, on, no, event_id, effective in session.execute(
            select(
                MemberEvent.member_id,
                MemberEvent.kind,
                MemberEvent.on_date,
                MemberEvent.decision_no,
                MemberEvent.id,
                MemberEvent.effective_date,
            ).where(MemberEvent.deleted_at.is_(None))
        ):
            events[member_id].append(EventFact(kind, on, no, event_id, effective))
        periods: dict[int, list[tuple[date, date | None, int]]] = defaultdict(list)
        for member_id, start, end, org_id in session.execute(
            select(
                Membership.member_id,
                Membership.valid_from,
                Membership.valid_to,
                Membership.organization_id,
            ).where(Membership.deleted_at.is_(None))
        ):
            periods[member_id].append((start, end, org_id))
        for member in session.scalars(select(Member).where(Member.deleted_at.is_(None))):
            problems.extend(
                _member_problems(member, events[member.id], periods[member.id], orgs, codes, rules)
            )
    return problems


def _tree_problems(orgs: dict[int, Organization]) -> list[Problem]:
    problems = []
    for org in orgs.values():
        seen = set()
        current: int | None = org.id
        while current is not None:
            if current in seen:
                problems.append(
                    Problem(
                        "tree_cycle",
                        "organization",
                        org.uuid,
                        f"Cây tổ chức có vòng lặp qua «{org.name}».",
                    )
                )
                break
            seen.add(current)
            parent = orgs.get(current)
            current = parent.parent_id if parent else None
    return problems


def _member_problems(
    member: Member,
    events: list[EventFact],
    periods: list[tuple[date, date | None, int]],
    orgs: dict[int, Organization],
    codes: CatalogueCodes,
    rules: RuleTable,
) -> list[Problem]:
    found: list[Problem] = []

    def add(kind: str, message: str) -> None:
        found.append(Problem(kind, "member", member.uuid, message))

    state = derive_state(events)
    if state.status.value != member.status:
        add(
            "status",
            f"Trạng thái lưu «{member.status}» khác trạng thái theo sự kiện "
            f"«{state.status.value}».",
        )
    if member.cccd:
        for problem in check_cccd(
            member.cccd, None if member.birth_year_only else member.birth_date, member.sex
        ):
            add("cccd", problem)
    if member.ceremony_date and member.official_date:
        expected = official_date(member.ceremony_date, rules)
        if member.official_date != expected:
            add(
                "official_date",
                f"Ngày chính thức {member.official_date:%d/%m/%Y} khác "
                f"{expected:%d/%m/%Y} (12 tháng sau ngày kết nạp).",
            )
    for column, catalogue in (
        ("ethnicity_code", "ethnicity"),
        ("religion_code", "religion"),
        ("theory_code", "theory"),
    ):
        value = getattr(member, column)
        if value and value not in codes.codes(catalogue):
            add("catalogue", f"Mã «{value}» không có trong danh mục {catalogue}.")
    ordered = sorted(periods)
    for (_, end_a, _), (start_b, _, _) in itertools.pairwise(ordered):
        if end_a is None or end_a > start_b:
            add("membership_overlap", f"Hai thời kỳ sinh hoạt chồng nhau từ {start_b:%d/%m/%Y}.")
    open_periods = [p for p in ordered if p[1] is None]
    if open_periods and open_periods[-1][2] != member.organization_id:
        add("membership", "Chi bộ hiện tại khác thời kỳ sinh hoạt đang mở.")
    org = orgs.get(member.organization_id or -1)
    if open_periods and org is not None and org.dissolved_on is not None:
        add("dissolved", f"Đảng viên còn sinh hoạt ở tổ chức đã giải thể «{org.name}».")
    return found


def integrity_sql_ok(db: Database) -> bool:
    """A quick yes/no for start-up: SQLite's own quick check."""
    if not db.is_sqlite:
        # A PostgreSQL server checks its own pages (and has no quick_check).
        return True
    with db.reader() as session:
        return session.execute(text("PRAGMA quick_check")).scalar() == "ok"
