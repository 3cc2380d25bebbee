"""Dues for the demo office: members' categories and bases, and this year's payments."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, update

from partydesk.codes import MemberStatus, OrgKind
from partydesk.db.audit import audit_bulk
from partydesk.db.engine import Database
from partydesk.db.models import Member, Organization
from partydesk.errors import PartydeskError
from partydesk.rules import RuleTable
from partydesk.services.dues import (
    FIXED_RULES,
    RATE_RULES,
    DuesEntry,
    branch_members,
    expected_dues,
    finished_months,
    write_dues,
)
from partydesk.services.rule_table import load_rule_table


@dataclass(frozen=True)
class DemoDuesSummary:
    """What `demo_dues` wrote."""

    members: int
    payments: int
    behind: int


def _demo_category(
    rng: random.Random, birth: date, occupation: str | None, today: date
) -> tuple[str, int]:
    age = today.year - birth.year
    if occupation == "huu_tri" or age >= 62:
        return "huu_tri", rng.randrange(3_500_000, 9_000_000, 10_000)
    if age <= 23 and rng.random() < 0.7:
        return "hoc_sinh_sinh_vien", 0
    if occupation in ("nong_dan", "lao_dong_tu_do"):
        # No fixed amount for other groups is shipped (uncertain): the branch's agreed
        # amount is kept as the member's own base.
        return "khac", rng.choice([10_000, 15_000, 20_000])
    if rng.random() < 0.03:
        return "om_dau_thai_san", rng.randrange(4_000_000, 8_000_000, 10_000)
    return "bhxh", rng.randrange(4_680_000, 16_000_000, 10_000)


def _demo_amount(rules: RuleTable, member: Any, month: date) -> int:
    try:
        return expected_dues(member.dues_category_code, member.dues_basis, month, rules)
    except PartydeskError as exc:
        if exc.code != "dues.no_rule":
            raise
    # Months before the 2026 rule (whose rates the table does not hold): the demo charges
    # the first month the table covers.
    first = min(p.valid_from for p in rules.history(RATE_RULES["bhxh"]))
    return expected_dues(member.dues_category_code, member.dues_basis, first, rules)


def demo_dues(db: Database, today: date | None = None, seed: int = 1) -> DemoDuesSummary:
    """Dues for the demo office: categories and bases, and this year's payments.

    Deterministic for a seed and `today`. About 3 % of members are 3–5 months behind
    (they show in `unpaid_flags`); everyone else paid every finished month of the year.
    One transaction for the categories, one per branch for the payments (the batch of
    `write_dues` per month).
    """
    today = today or date.today()
    rng = random.Random(seed)
    with db.session("dues.demo_categories") as session:
        rows = session.execute(
            select(Member.id, Member.uuid, Member.birth_date, Member.occupation_code)
            .where(Member.deleted_at.is_(None), Member.status != MemberStatus.CANDIDATE.value)
            .order_by(Member.id)
        ).all()
        updates: list[dict[str, Any]] = []
        for member_id, _uuid, birth, occupation in rows:
            category, basis = _demo_category(rng, birth, occupation, today)
            updates.append(
                {
                    "id": member_id,
                    "dues_category_code": category,
                    "dues_basis": basis if category not in FIXED_RULES else None,
                }
            )
        if updates:
            # Thousands of members: one bulk update and one audit entry listing them.
            session.execute(update(Member), updates)
            audit_bulk(
                session,
                "dues.demo_categories",
                "member",
                [str(r[1]) for r in rows],
                {"columns": ["dues_category_code", "dues_basis"]},
            )
        behind = {member_id: rng.randint(3, 5) for member_id, *_ in rows if rng.random() < 0.03}
        branches = [
            org_id
            for org_id, kind in session.execute(
                select(Organization.id, Organization.kind)
                .where(Organization.deleted_at.is_(None))
                .order_by(Organization.id)
            )
            if OrgKind(kind).holds_members
        ]
    months = finished_months(today.year, today)
    written = 0
    for branch in branches:
        with db.session("dues.demo") as session:
            rules = load_rule_table(session)
            for index, month in enumerate(months):
                entries = [
                    DuesEntry(m.id, _demo_amount(rules, m, month))
                    for m in branch_members(session, branch, month)
                    if index < len(months) - behind.get(m.id, 0)
                ]
                if entries:
                    paid_on = min(month.replace(day=rng.randint(5, 25)), today)
                    written += write_dues(
                        session, branch, month, entries, paid_on, "dues.demo"
                    ).inserted
    return DemoDuesSummary(len(rows), written, len(behind))
