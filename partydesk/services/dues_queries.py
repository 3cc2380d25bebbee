"""Reading the dues: a branch's monthly register, and members behind with their dues.

`unpaid_flags` lists members with the strike-off number of unpaid months in a year (the
ground for proposing to strike a member off); `due_items` puts them on the overview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import COUNTED_STATUSES
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, DuesPayment, Member, Membership, Organization
from partydesk.errors import PartydeskError
from partydesk.rules import RuleTable
from partydesk.services.due import DueContext, DueItem
from partydesk.services.dues import (
    MEMBER_COLUMNS,
    STRIKE_OFF_RULE,
    branch_members,
    counted_in_month,
    expected_dues,
    finished_months,
    live_organization,
    month_end,
    month_start,
)
from partydesk.services.organizations import subtree_ids
from partydesk.services.rule_table import load_rule_table


@dataclass(frozen=True)
class DuesRegisterRow:
    """A line of a branch's monthly dues register.

    `expected` is None when it cannot be computed; `problem` then says why.
    """

    member_id: int
    full_name: str
    category_code: str | None
    category_name: str
    basis: int | None
    expected: int | None
    paid_amount: int | None
    paid_on: date | None
    problem: str = ""


@dataclass(frozen=True)
class UnpaidFlag:
    """A member with at least the strike-off number of unpaid months in a year.

    `months` are the first days of the unpaid months; `source` cites the rule (ground
    for striking off: no dues for three months in a year without good reason).
    """

    member_id: int
    full_name: str
    organization_id: int | None
    organization_name: str
    months: tuple[date, ...]
    threshold: int
    source: str


def _category_names(session: Session) -> dict[str, str]:
    return dict(
        session.execute(
            select(CatalogueItem.code, CatalogueItem.name).where(
                CatalogueItem.catalogue == "dues_category"
            )
        ).all()
    )


def dues_register(db: Database, organization_id: int, month: date) -> list[DuesRegisterRow]:
    """The branch's dues register for `month`: every member counted there, due and paid.

    Errors: `organization.not_found`.
    """
    month = month_start(month)
    with db.reader() as session:
        live_organization(session, organization_id)
        rules = load_rule_table(session)
        names = _category_names(session)
        members = branch_members(session, organization_id, month)
        paid = {
            p.member_id: p
            for p in session.scalars(
                select(DuesPayment).where(
                    DuesPayment.member_id.in_([m.id for m in members]),
                    DuesPayment.month == month,
                    DuesPayment.deleted_at.is_(None),
                )
            )
        }
        rows: list[DuesRegisterRow] = []
        for member in members:
            expected: int | None = None
            problem = ""
            try:
                expected = expected_dues(
                    member.dues_category_code,
                    member.dues_basis,
                    month,
                    rules,
                    name=member.full_name,
                )
            except PartydeskError as exc:
                problem = exc.message("vi")
            payment = paid.get(member.id)
            rows.append(
                DuesRegisterRow(
                    member_id=member.id,
                    full_name=member.full_name,
                    category_code=member.dues_category_code,
                    category_name=names.get(member.dues_category_code or "", ""),
                    basis=member.dues_basis,
                    expected=expected,
                    paid_amount=payment.amount if payment else None,
                    paid_on=payment.paid_on if payment else None,
                    problem=problem,
                )
            )
        return rows


def _threshold(rules: RuleTable, year: int, today: date) -> tuple[int, str]:
    on = min(date(year, 12, 31), today)
    parameter = rules.parameter(STRIKE_OFF_RULE, on)
    return int(str(parameter.value)), parameter.source


#: Ids per IN (…) list: well under SQLite's limit of bound variables.
_ID_CHUNK = 500


def _unpaid(
    session: Session, year: int, today: date, organization_id: int | None
) -> tuple[list[UnpaidFlag], int, str]:
    rules = load_rule_table(session)
    threshold, source = _threshold(rules, year, today)
    months = finished_months(year, today)
    if not months:
        return [], threshold, source
    first, last = months[0], month_end(months[-1])
    # Only members who paid at most len(months) - threshold months can reach the
    # threshold. One pass over the partial index counts everyone's payments; the spans
    # and months are then read for those few members only (the whole-register pass
    # took 2.3 s at 50k members, this one 0.2 s).
    most_paid = len(months) - threshold
    counts = dict(
        session.execute(
            select(DuesPayment.member_id, func.count())
            .where(
                DuesPayment.deleted_at.is_(None),
                DuesPayment.month >= first,
                DuesPayment.month <= last,
            )
            .group_by(DuesPayment.member_id)
        ).all()
    )
    query = select(*MEMBER_COLUMNS, Member.organization_id).where(
        Member.deleted_at.is_(None), Member.status.in_([s.value for s in COUNTED_STATUSES])
    )
    if organization_id is not None:
        query = query.where(Member.organization_id.in_(subtree_ids(session, organization_id)))
    members = [
        member
        for member in session.execute(query.order_by(Member.name_sort_key, Member.id))
        if counts.get(member.id, 0) <= most_paid
    ]
    spans: dict[int, list[tuple[date, date | None]]] = {}
    paid: dict[int, set[date]] = {}
    ids = [member.id for member in members]
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        for member_id, valid_from, valid_to in session.execute(
            select(Membership.member_id, Membership.valid_from, Membership.valid_to).where(
                Membership.deleted_at.is_(None),
                Membership.valid_from <= last,
                Membership.valid_to.is_(None) | (Membership.valid_to > first),
                Membership.member_id.in_(chunk),
            )
        ):
            spans.setdefault(member_id, []).append((valid_from, valid_to))
        for member_id, month in session.execute(
            select(DuesPayment.member_id, DuesPayment.month).where(
                DuesPayment.deleted_at.is_(None),
                DuesPayment.month >= first,
                DuesPayment.month <= last,
                DuesPayment.member_id.in_(chunk),
            )
        ):
            paid.setdefault(member_id, set()).add(month)
    names = dict(session.execute(select(Organization.id, Organization.name)).all())
    flags: list[UnpaidFlag] = []
    for member in members:
        member_spans = spans.get(member.id, [])
        unpaid = tuple(
            month
            for month in months
            if month not in paid.get(member.id, set())
            and counted_in_month(member, month)
            and any(
                start <= month_end(month) and (end is None or end > month)
                for start, end in member_spans
            )
        )
        if len(unpaid) >= threshold:
            flags.append(
                UnpaidFlag(
                    member_id=member.id,
                    full_name=member.full_name,
                    organization_id=member.organization_id,
                    organization_name=names.get(member.organization_id or -1, ""),
                    months=unpaid,
                    threshold=threshold,
                    source=source,
                )
            )
    return flags, threshold, source


def unpaid_flags(
    db: Database, year: int, organization_id: int | None = None, today: date | None = None
) -> list[UnpaidFlag]:
    """Members (counted now) with at least `dues.unpaid_months_strike_off` unpaid months.

    Months of `year` up to the last finished month before `today` count, while the member
    was in the Party and had activity in this office. The ground for proposing to strike
    a member off (Điều lệ Đảng, điều 8 khoản 2: "không đóng đảng phí ba tháng trong năm
    không có lý do chính đáng"). `organization_id` limits the list to that subtree.
    """
    today = today or date.today()
    with db.reader() as session:
        return _unpaid(session, year, today, organization_id)[0]


def due_items(context: DueContext) -> list[DueItem]:
    """Due provider: members with the strike-off number of unpaid months this year.

    The item falls due at the end of the month that reached the threshold, so it is
    always overdue: the branch should consider the proposal now. Only branches that keep
    their dues register here this year are checked: an office that has not started
    entering dues must not see every member flagged.
    """
    year_start = date(context.today.year, 1, 1)
    keeping = set(
        context.session.scalars(
            select(DuesPayment.organization_id)
            .where(DuesPayment.month >= year_start, DuesPayment.deleted_at.is_(None))
            .distinct()
        )
    )
    if not keeping:
        return []
    flags, threshold, _source = _unpaid(context.session, context.today.year, context.today, None)
    items: list[DueItem] = []
    for flag in flags:
        if flag.organization_id not in keeping:
            continue
        months = ", ".join(f"{m:%m}" for m in flag.months)
        items.append(
            context.item(
                f"Không đóng đảng phí {len(flag.months)} tháng năm {context.today.year}"
                f" (tháng {months}): xem xét đề nghị xóa tên",
                month_end(flag.months[threshold - 1]),
                full_name=flag.full_name,
                organization_id=flag.organization_id,
                group="dues",
                action="dues",
                member_id=flag.member_id,
            )
        )
    return items
