"""Party dues (đảng phí): members' categories, expected amounts, the branch register.

Quy định 01-QĐ/TW 2026 (from 3/2/2026, domain.md §3.7): 1 % of the previous month's
social-insurance salary, 1 % of a sickness or maternity benefit, 0.5 % of a pension,
5,000 đ a month for pupils and students, fixed amounts for other groups. Rates and
amounts are read from the dated rule table for the month paid; payments are one row per
member and month (`DuesPayment.month` is the first day of that month).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.codes import MemberStatus
from partydesk.db.audit import audit_bulk
from partydesk.db.base import new_uuid
from partydesk.db.engine import Database
from partydesk.db.models import DuesPayment, Member, Membership, Organization
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleMissing, RuleTable
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.member_lookup import resolve_member
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "dues.no_rule": (
            "Tháng {month}: chưa có quy định đảng phí áp dụng (tham số «{key}»). {hint}",
            "Month {month}: no dues rule applies (parameter '{key}'). {hint_en}",
        ),
        "dues.basis_required": (
            "Đối tượng «{category}» đóng {rate} mức lương, trợ cấp hoặc lương hưu hằng tháng"
            " ({source}): hãy nhập mức căn cứ là số đồng lớn hơn 0.",
            "Category '{category}' pays {rate} of the monthly salary, benefit or pension"
            " ({source}): enter the base as a positive amount in đồng.",
        ),
        "dues.no_fixed_amount": (
            "Đối tượng «{category}»: bảng quy tắc chưa có mức đóng cố định (tham số «{key}»,"
            " {source}) và đảng viên chưa có mức đóng riêng.",
            "Category '{category}': the rule table has no fixed amount (parameter '{key}',"
            " {source}) and the member has no own amount.",
        ),
        "dues.basis_negative": (
            "Mức căn cứ đóng đảng phí phải là số đồng lớn hơn 0 (đã nhập {value}).",
            "The dues base must be a positive amount in đồng (got {value}).",
        ),
        "dues.amount_not_positive": (
            "{name}: số tiền đảng phí tháng {month} phải lớn hơn 0 (đã nhập {amount}).",
            "{name}: the dues paid for {month} must be more than 0 (got {amount}).",
        ),
        "dues.not_in_branch": (
            "Đảng viên mã {ref} không sinh hoạt ở «{branch}» trong tháng {month}:"
            " không ghi đảng phí nào.",
            "Member {ref} did not belong to '{branch}' in {month}: no dues were recorded.",
        ),
        "dues.duplicate_entry": (
            "{name} được nhập hai lần cho tháng {month}.",
            "{name} was entered twice for {month}.",
        ),
        "dues.paid_on_future": (
            "Ngày nộp {value} ở tương lai.",
            "The payment date {value} is in the future.",
        ),
        "dues.no_category": (
            "{name} chưa có đối tượng đóng đảng phí: không tính được số phải nộp.",
            "{name} has no dues category: the amount due cannot be computed.",
        ),
        "dues.nothing": (
            "Không có khoản đảng phí nào để ghi.",
            "There are no dues payments to record.",
        ),
    }
)

#: Categories (catalogue `dues_category`) paying a percentage of a monthly base, and the
#: rule giving the rate.
RATE_RULES: dict[str, str] = {
    "bhxh": "dues.rate_salary",
    "om_dau_thai_san": "dues.rate_sick_maternity",
    "huu_tri": "dues.rate_pension",
}
#: Categories paying a fixed monthly amount set by one rule.
FIXED_RULES: dict[str, str] = {"hoc_sinh_sinh_vien": "dues.student_monthly"}
#: Every other category pays the amount this rule maps its code to (a dict code → đồng);
#: when the rule has none, the member's own base is taken as the agreed fixed amount.
OTHER_GROUPS_RULE = "dues.other_groups_monthly"
STRIKE_OFF_RULE = "dues.unpaid_months_strike_off"


@dataclass(frozen=True)
class DuesEntry:
    """One member's payment typed in a branch's batch: `amount` in đồng."""

    member_id: int
    amount: int


@dataclass(frozen=True)
class RecordResult:
    """What a batch wrote: rows inserted and rows updated."""

    inserted: int
    updated: int


def month_start(day: date) -> date:
    """The first day of `day`'s month (how `DuesPayment.month` names a month)."""
    return day.replace(day=1)


def month_end(month: date) -> date:
    """The last day of `month`'s month."""
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def finished_months(year: int, today: date) -> list[date]:
    """The first days of the months of `year` that are over by `today`."""
    # A month counts as unpaid once it is over: the current month may still be paid.
    last = 12 if year < today.year else today.month - 1 if year == today.year else 0
    return [date(year, m, 1) for m in range(1, last + 1)]


def _m(month: date) -> str:
    return f"{month:%m/%Y}"


def _rule_day(month: date) -> date:
    # The rule "valid in that month" is the one in force on the month's last day: a text
    # that takes effect during a month governs that month's dues (Quy định 01-QĐ/TW 2026
    # took effect on 3/2/2026, and February 2026 was collected under it).
    return month_end(month)


def _no_rule(rules: RuleTable, key: str, month: date) -> PartydeskError:
    history = rules.history(key)
    if history:
        first = history[0]
        hint = (
            f"Quy định sớm nhất trong bảng: {first.source}, áp dụng từ {first.valid_from:%d/%m/%Y}."
        )
        hint_en = (
            f"The earliest rule in the table is {first.source}, from {first.valid_from:%d/%m/%Y}."
        )
    else:
        hint, hint_en = "Bảng quy tắc không có tham số này.", "The rule table lacks this parameter."
    return PartydeskError("dues.no_rule", month=_m(month), key=key, hint=hint, hint_en=hint_en)


def _percent(rate: object) -> str:
    return f"{float(str(rate)) * 100:g}%".replace(".", ",")


def _round_dong(amount: Decimal) -> int:
    # The texts give percentages, not a rounding rule; cash has no unit below one đồng,
    # so the amount is rounded to the nearest whole đồng, halves up (1 % of 4,567,850 đ
    # is 45,679 đ). Decimal arithmetic keeps 0.005 × 3,333,333 from drifting under .5.
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def expected_dues(
    category: str | None, basis: int | None, month: date, rules: RuleTable, *, name: str = ""
) -> int:
    """The monthly dues in đồng of a member of `category` with monthly `basis`, for `month`.

    Read from the rule in force in that month (see `_rule_day`). Errors:
    `dues.no_category`, `dues.no_rule` (e.g. a month before 3/2/2026), `dues.basis_required`
    (a percentage category without a positive base), `dues.no_fixed_amount`.
    """
    month = month_start(month)
    on = _rule_day(month)
    if not category:
        raise PartydeskError("dues.no_category", name=name or "Đảng viên")
    try:
        if category in RATE_RULES:
            key = RATE_RULES[category]
            parameter = rules.parameter(key, on)
            if basis is None or basis <= 0:
                raise PartydeskError(
                    "dues.basis_required",
                    category=category,
                    rate=_percent(parameter.value),
                    source=parameter.source,
                )
            return _round_dong(Decimal(basis) * Decimal(str(parameter.value)))
        if category in FIXED_RULES:
            return int(rules.value(FIXED_RULES[category], on))
        parameter = rules.parameter(OTHER_GROUPS_RULE, on)
    except RuleMissing as exc:
        raise _no_rule(rules, exc.key, month) from exc
    amounts = parameter.value if isinstance(parameter.value, dict) else {}
    if category in amounts and int(amounts[category]) > 0:
        return int(amounts[category])
    if basis is not None and basis > 0:
        return basis
    raise PartydeskError(
        "dues.no_fixed_amount", category=category, key=OTHER_GROUPS_RULE, source=parameter.source
    )


# --- members' categories -------------------------------------------------------------------


def check_category(
    session: Session, category: str | None, basis: int | None, on: date
) -> tuple[str | None, int | None]:
    """Check a category and base as typed; returns them cleaned.

    A percentage category needs a positive base (its rule is cited in the error).
    """
    if not category:
        return None, None
    CatalogueCodes(session).check("dues_category", category, "Đối tượng đóng đảng phí")
    if basis is not None and basis <= 0:
        raise ValidationError("dues.basis_negative", field="Mức căn cứ", value=basis)
    if category in RATE_RULES and basis is None:
        rules = load_rule_table(session)
        key = RATE_RULES[category]
        try:
            parameter = rules.parameter(key, on)
            rate, source = _percent(parameter.value), parameter.source
        except RuleMissing:
            history = rules.history(key)
            rate = _percent(history[0].value) if history else "?"
            source = history[0].source if history else key
        raise ValidationError(
            "dues.basis_required", field="Mức căn cứ", category=category, rate=rate, source=source
        )
    if category in FIXED_RULES:
        basis = None  # the amount comes from the rule, a base would only mislead
    return category, basis


def set_member_dues(
    db: Database, member_id: int, category: str | None, basis: int | None, today: date | None = None
) -> None:
    """Set a member's dues category and monthly base (đồng); None clears the category.

    Errors: `member.not_found`, `field.unknown_code`, `dues.basis_required`,
    `dues.basis_negative`. One audited transaction.
    """
    today = today or date.today()
    with db.session("dues.set_category") as session:
        member = session.get(Member, member_id)
        if member is None or member.deleted_at is not None:
            raise PartydeskError("member.not_found", ref=member_id)
        category, basis = check_category(session, category, basis, today)
        if member.dues_category_code != category:
            member.dues_category_code = category
        if member.dues_basis != basis:
            member.dues_basis = basis


# --- who is counted in a branch in a month -------------------------------------------------


def counted_in_month(member: Any, month: date) -> bool:
    """Whether a member row (status, ceremony_date, left_on) owes dues for `month`.

    Members owe dues from the month of their admission ceremony until the month they
    leave; candidates owe none. Exempted members still count (domain.md §3.4) and so
    still appear in the register.
    """
    if member.status == MemberStatus.CANDIDATE.value:
        return False
    if member.ceremony_date is not None and member.ceremony_date > month_end(month):
        return False
    return member.left_on is None or member.left_on >= month


#: The member columns the register needs: plain rows, not ORM objects (a branch of
#: hundreds is read for every month of the demo and of a year's flags).
MEMBER_COLUMNS = (
    Member.id,
    Member.full_name,
    Member.status,
    Member.ceremony_date,
    Member.left_on,
    Member.dues_category_code,
    Member.dues_basis,
)


def branch_members(session: Session, organization_id: int, month: date) -> list[Any]:
    """Members whose activity was in the branch during `month`, in list order.

    A member who moved during the month belongs to the branch of the later membership,
    so nobody is counted twice in one month.
    """
    first, last = month, month_end(month)
    overlapping = (
        Membership.valid_from <= last,
        Membership.valid_to.is_(None) | (Membership.valid_to > first),
        Membership.deleted_at.is_(None),
    )
    rows = session.execute(
        select(Membership.member_id, Membership.organization_id, Membership.valid_from).where(
            *overlapping,
            Membership.member_id.in_(
                select(Membership.member_id).where(
                    *overlapping, Membership.organization_id == organization_id
                )
            ),
        )
    ).all()
    latest: dict[int, tuple[date, int]] = {}
    for member_id, org_id, valid_from in rows:
        if member_id not in latest or valid_from >= latest[member_id][0]:
            latest[member_id] = (valid_from, org_id)
    ids = [m for m, (_, org) in latest.items() if org == organization_id]
    if not ids:
        return []
    members = session.execute(
        select(*MEMBER_COLUMNS)
        .where(Member.id.in_(ids), Member.deleted_at.is_(None))
        .order_by(Member.name_sort_key, Member.id)
    ).all()
    return [m for m in members if counted_in_month(m, month)]


def live_organization(session: Session, organization_id: int) -> Organization:
    """The live organization; raises `organization.not_found`."""
    org = session.get(Organization, organization_id)
    if org is None or org.deleted_at is not None:
        raise PartydeskError("organization.not_found", ref=organization_id)
    return org


# --- the batch ------------------------------------------------------------------------


def write_dues(
    session: Session,
    organization_id: int,
    month: date,
    payments: Sequence[DuesEntry],
    paid_on: date,
    action: str = "dues.record",
) -> RecordResult:
    """Check and write a branch's batch inside an open unit of work (see `record_dues`).

    Everything is checked before the first write. New rows are inserted in bulk with one
    audit entry listing them (a branch of hundreds is one statement); changed rows go
    through the ORM, so their audit entries keep the old amount.
    """
    month = month_start(month)
    org = live_organization(session, organization_id)
    if not payments:
        raise PartydeskError("dues.nothing")
    members = {m.id: m for m in branch_members(session, organization_id, month)}
    seen: set[int] = set()
    for entry in payments:
        member = members.get(entry.member_id)
        if member is None:
            raise PartydeskError(
                "dues.not_in_branch", ref=entry.member_id, branch=org.name, month=_m(month)
            )
        if entry.member_id in seen:
            raise PartydeskError("dues.duplicate_entry", name=member.full_name, month=_m(month))
        seen.add(entry.member_id)
        if int(entry.amount) <= 0:
            raise ValidationError(
                "dues.amount_not_positive",
                field="Số tiền",
                name=member.full_name,
                month=_m(month),
                amount=entry.amount,
            )
    existing = {
        p.member_id: p
        for p in session.scalars(
            select(DuesPayment).where(
                DuesPayment.member_id.in_(list(seen)), DuesPayment.month == month
            )
        )
    }
    new_rows: list[dict[str, Any]] = []
    updated = 0
    for entry in payments:
        member = members[entry.member_id]
        values = {
            "organization_id": organization_id,
            "amount": int(entry.amount),
            "category_code": member.dues_category_code or "",
            "paid_on": paid_on,
        }
        row = existing.get(entry.member_id)
        if row is None:
            new_rows.append(
                {"uuid": new_uuid(), "member_id": entry.member_id, "month": month, **values}
            )
            continue
        if row.deleted_at is not None:
            row.deleted_at = None  # a tombstoned month paid again comes back to life
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        updated += 1
    if new_rows:
        session.execute(insert(DuesPayment), new_rows)
        audit_bulk(
            session,
            action,
            "dues_payment",
            [str(r["uuid"]) for r in new_rows],
            {"organization_id": organization_id, "month": month.isoformat()},
        )
    session.flush()
    return RecordResult(len(new_rows), updated)


def record_dues(
    db: Database,
    organization_id: int,
    month: date,
    payments: Sequence[DuesEntry],
    paid_on: date,
    today: date | None = None,
) -> RecordResult:
    """Record a branch's dues for `month` in one transaction (one row per member and month).

    A month already paid is overwritten (upsert). Refused, with nothing written: an
    amount ≤ 0 (`dues.amount_not_positive`), a member not counted in the branch that
    month (`dues.not_in_branch`), a member twice (`dues.duplicate_entry`), a payment date
    in the future (`dues.paid_on_future`), no entries (`dues.nothing`),
    `organization.not_found`.
    """
    today = today or date.today()
    if paid_on > today:
        raise ValidationError("dues.paid_on_future", field="Ngày nộp", value=f"{paid_on:%d/%m/%Y}")
    with db.session("dues.record") as session:
        return write_dues(session, organization_id, month, payments, paid_on)


def full_payments(db: Database, organization_id: int, month: date) -> list[DuesEntry]:
    """Entries paying every member of the register their expected amount ("nộp đủ").

    Errors: the first member whose amount cannot be computed (`dues.no_category`,
    `dues.no_rule`, `dues.basis_required`, `dues.no_fixed_amount`).
    """
    entries: list[DuesEntry] = []
    with db.reader() as session:
        rules = load_rule_table(session)
        for member in branch_members(session, organization_id, month_start(month)):
            amount = expected_dues(
                member.dues_category_code,
                member.dues_basis,
                month_start(month),
                rules,
                name=member.full_name,
            )
            entries.append(DuesEntry(member.id, amount))
    return entries


def paid_through(session: Session, member_id: int) -> date | None:
    """The latest month the member has paid (its first day), for transfer letters."""
    return session.scalar(
        select(DuesPayment.month)
        .where(DuesPayment.member_id == member_id, DuesPayment.deleted_at.is_(None))
        .order_by(DuesPayment.month.desc())
        .limit(1)
    )


# --- lookups for the command line ------------------------------------------------------------


def organization_by_code(db: Database, code: str) -> tuple[int, str]:
    """The id and name of the live organization with `code` (e.g. "DR.01.01").

    Errors: `organization.not_found`.
    """
    with db.reader() as session:
        row = session.execute(
            select(Organization.id, Organization.name).where(
                Organization.code == code.strip(), Organization.deleted_at.is_(None)
            )
        ).first()
        if row is None:
            raise PartydeskError("organization.not_found", ref=code)
        return int(row[0]), str(row[1])


def find_member(db: Database, ref: str) -> int:
    """A member's id from a reference typed on the command line: the id or the CCCD.

    Errors: `member.not_found`.
    """
    return resolve_member(db, ref, fields=("cccd",))


# Re-exported so that `dues.dues_register`, `dues.demo_dues` and the like keep working. At
# the end of the module: dues_queries and dues_demo import this one.
from partydesk.services.dues_demo import DemoDuesSummary, demo_dues  # noqa: E402, F401
from partydesk.services.dues_queries import (  # noqa: E402, F401
    DuesRegisterRow,
    UnpaidFlag,
    due_items,
    dues_register,
    unpaid_flags,
)
