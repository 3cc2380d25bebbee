"""Cadre deadlines: appointment terms, retirement lists, salary steps, planning limits.

Terms are 5 years with a reappointment notice 90 working days before the end (Nghị định
138/2020/NĐ-CP điều 41; Quy định 80-QĐ/TW 2022, then 377-QĐ/TW 2025); retirement dates
follow Nghị định 135/2020/NĐ-CP; regular salary steps come every 36 or 24 months
(Thông tư 08/2013/TT-BNV, uncertain); planning allows 3 people per post and 3 posts per
person (Quy định 50-QĐ/TW 2021). Every number is read from the rule table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.codes import CadrePostKind, CadreStatus
from partydesk.db.engine import Database
from partydesk.db.models import Cadre, CadrePlanning, CadrePost
from partydesk.errors import PartydeskError
from partydesk.rules import (
    RuleMissing,
    RuleTable,
    WorkCalendar,
    add_months,
    birth_date_from_year,
    fold,
    reappointment_notice_due,
    retirement_age,
    retirement_date,
    term_end,
)
from partydesk.services.committee import normalize_term
from partydesk.services.due import DueContext, DueItem, work_calendar
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "cadre_terms.months_range": (
            "Danh sách nghỉ hưu lập cho {min}–{max} tháng tới ({source}), không phải {value}.",
            "Retirement lists cover the next {min}–{max} months ({source}), not {value}.",
        ),
        "cadre_terms.months_ahead": (
            "Số tháng phải từ 0 trở lên (đã nhập {value}).",
            "The number of months must be 0 or more (got {value}).",
        ),
    }
)


@dataclass(frozen=True)
class TermRow:
    """A current appointment with its term end and the reappointment notice deadline."""

    cadre_id: int
    full_name: str
    post_id: int
    title: str
    unit: str
    start_on: date
    term_end: date
    notice_due: date
    days_left: int
    source: str


@dataclass(frozen=True)
class RetirementRow:
    """A cadre retiring within the list's window (or already past the date, still active)."""

    cadre_id: int
    full_name: str
    sex: str
    birth_date: date
    birth_year_only: bool
    main_post: str
    retirement_date: date
    age_years: int
    age_months: int
    days_left: int


@dataclass(frozen=True)
class SalaryStepRow:
    """A cadre's next regular salary step."""

    cadre_id: int
    full_name: str
    grade: str
    grade_code: str
    step: int | None
    last_step_on: date
    months: int
    university_level: bool | None
    next_due: date
    days_left: int


@dataclass(frozen=True)
class PlanningProblem:
    """A planning limit passed in a term: too many people for a post, or posts for a person."""

    kind: str  # "post" or "person"
    term: str
    subject: str
    count: int
    limit: int
    names: tuple[str, ...]
    source: str
    cadre_id: int | None = None

    @property
    def text(self) -> str:
        """The problem as a Vietnamese sentence."""
        if self.kind == "post":
            return (
                f"Chức danh «{self.subject}» có {self.count} người trong quy hoạch"
                f" (tối đa {self.limit}, {self.source})."
            )
        return (
            f"{self.subject} được quy hoạch {self.count} chức danh"
            f" (tối đa {self.limit}, {self.source})."
        )


def _int(rules: RuleTable, key: str, on: date) -> int:
    return int(str(rules.value(key, on)))


# --- terms ----------------------------------------------------------------------------------


def _terms(
    session: Session, today: date, rules: RuleTable, calendar: WorkCalendar
) -> list[TermRow]:
    rows = session.execute(
        select(CadrePost, Cadre.full_name)
        .join(Cadre, Cadre.id == CadrePost.cadre_id)
        .where(
            CadrePost.deleted_at.is_(None),
            CadrePost.kind == CadrePostKind.APPOINTMENT.value,
            CadrePost.start_on <= today,
            CadrePost.end_on.is_(None) | (CadrePost.end_on >= today),
            Cadre.deleted_at.is_(None),
            Cadre.status == CadreStatus.ACTIVE.value,
        )
    ).all()
    result: list[TermRow] = []
    for post, name in rows:
        try:
            ends = term_end(post.start_on, rules)
            notice = reappointment_notice_due(ends, rules, calendar)
            source = rules.parameter("cadre.reappointment_notice_working_days", ends).source
        except RuleMissing:
            continue  # no notice rule for a term that ended before 2022
        result.append(
            TermRow(
                cadre_id=post.cadre_id,
                full_name=name,
                post_id=post.id,
                title=post.title,
                unit=post.unit,
                start_on=post.start_on,
                term_end=ends,
                notice_due=notice,
                days_left=(notice - today).days,
                source=source,
            )
        )
    return sorted(result, key=lambda r: (r.notice_due, r.full_name, r.post_id))


def term_list(db: Database, today: date | None = None) -> list[TermRow]:
    """Current appointments (posts of kind appointment not ended), by notice deadline.

    Term end = start + `cadre.term_years` years − 1 day (`rules.term_end`); the notice is
    due `cadre.reappointment_notice_working_days` working days before, on the office's
    work calendar (`rules.reappointment_notice_due`). Elected posts have no such term.
    """
    today = today or date.today()
    with db.reader() as session:
        return _terms(session, today, load_rule_table(session), work_calendar(session))


# --- retirement ---------------------------------------------------------------------------


def _main_posts(session: Session, today: date) -> dict[int, str]:
    posts: dict[int, str] = {}
    for cadre_id, title in session.execute(
        select(CadrePost.cadre_id, CadrePost.title)
        .where(
            CadrePost.deleted_at.is_(None),
            CadrePost.concurrent.is_(False),
            CadrePost.start_on <= today,
            CadrePost.end_on.is_(None) | (CadrePost.end_on >= today),
        )
        .order_by(CadrePost.start_on, CadrePost.id)
    ):
        posts[cadre_id] = title
    return posts


def cadre_retirement_date(cadre: Any, rules: RuleTable) -> date:
    """A cadre's retirement date; a birth year alone counts from 1 January (NĐ 135/2020 điều 3)."""
    birth = (
        birth_date_from_year(cadre.birth_date.year) if cadre.birth_year_only else cadre.birth_date
    )
    return retirement_date(birth, cadre.sex, rules)


def _retirements(
    session: Session, today: date, until: date, rules: RuleTable
) -> list[RetirementRow]:
    posts = _main_posts(session, today)
    rows: list[RetirementRow] = []
    for cadre in session.scalars(
        select(Cadre).where(Cadre.deleted_at.is_(None), Cadre.status == CadreStatus.ACTIVE.value)
    ):
        try:
            retires = cadre_retirement_date(cadre, rules)
        except (RuleMissing, ValueError):
            continue
        if retires > until:
            continue
        years, months = retirement_age(cadre.sex, retires.year, rules)
        rows.append(
            RetirementRow(
                cadre_id=cadre.id,
                full_name=cadre.full_name,
                sex=cadre.sex,
                birth_date=cadre.birth_date,
                birth_year_only=cadre.birth_year_only,
                main_post=posts.get(cadre.id, ""),
                retirement_date=retires,
                age_years=years,
                age_months=months,
                days_left=(retires - today).days,
            )
        )
    return sorted(rows, key=lambda r: (r.retirement_date, r.full_name))


def retirement_list(
    db: Database, today: date | None = None, months: int = 12
) -> list[RetirementRow]:
    """Active cadres whose retirement date falls within `months` months of `today`.

    Cadres already past their date but still active are listed too (negative
    `days_left`): someone must act. `months` must lie between
    `cadre.retirement_list_months_min` and `…_max` (6 and 24), else
    `cadre_terms.months_range`. Dates: Nghị định 135/2020/NĐ-CP (`rules.retirement_date`).
    """
    today = today or date.today()
    with db.reader() as session:
        rules = load_rule_table(session)
        low = rules.parameter("cadre.retirement_list_months_min", today)
        high = rules.parameter("cadre.retirement_list_months_max", today)
        if not int(str(low.value)) <= months <= int(str(high.value)):
            raise PartydeskError(
                "cadre_terms.months_range",
                min=low.value,
                max=high.value,
                value=months,
                source=f"{low.source}; {high.source}",
            )
        return _retirements(session, today, add_months(today, months), rules)


# --- salary steps --------------------------------------------------------------------------

#: Grade names (folded) of grades below college level: their steps come every 24 months.
_LOWER_GRADE_WORDS = ("nhan vien", "can su", "trung cap", "so cap", "lai xe", "bao ve", "phuc vu")
#: Civil-service grade codes (Thông tư 02/2021/TT-BNV) of the administrative ladder.
_UNIVERSITY_CODES = frozenset({"01.001", "01.002", "01.003"})
_LOWER_CODES = frozenset({"01.004", "01.005"})


def is_university_level(grade_code: str, grade_name: str = "") -> bool | None:
    """Whether a salary grade needs college or university training (steps every 36 months).

    The rule (Thông tư 08/2013/TT-BNV, điều 2; uncertain per domain.md §4): grades that
    require college (cao đẳng) or more step up every 36 months, lower grades every 24.
    partydesk decides by the grade code first: pay-scale codes of loại A (A0–A3, "A2.1"…)
    are college/university level, loại B and C are lower; the administrative grades
    01.001–01.003 (chuyên viên cao cấp, chính, chuyên viên) are university level, 01.004
    (cán sự) and 01.005 (nhân viên) lower. Without a known code, the grade's name decides:
    names with "nhân viên", "cán sự", "trung cấp", "sơ cấp" (and drivers, guards, service
    staff) are lower, any other named grade is university level. None when nothing is
    known; callers then use the shorter period so no step is missed.
    """
    code = (grade_code or "").strip().upper()
    if code:
        if code in _UNIVERSITY_CODES:
            return True
        if code in _LOWER_CODES:
            return False
        if code.startswith("A") and len(code) > 1 and code[1].isdigit():
            return True
        if code[0] in ("B", "C") and (len(code) == 1 or code[1].isdigit() or code[1] == "."):
            return False
    name = fold(grade_name or "")
    if not name:
        return None
    return not any(word in name for word in _LOWER_GRADE_WORDS)


def _step_months(rules: RuleTable, university: bool | None, on: date, today: date) -> int:
    key = "salary.step_months_university" if university else "salary.step_months_lower"
    try:
        return _int(rules, key, on)
    except RuleMissing:
        return _int(rules, key, today)  # a step taken before the 2013 rule: today's period


def _salary_steps(
    session: Session, today: date, until: date, rules: RuleTable
) -> list[SalaryStepRow]:
    rows: list[SalaryStepRow] = []
    for cadre in session.scalars(
        select(Cadre).where(
            Cadre.deleted_at.is_(None),
            Cadre.status == CadreStatus.ACTIVE.value,
            Cadre.salary_step_date.is_not(None),
        )
    ):
        assert cadre.salary_step_date is not None
        university = is_university_level(cadre.salary_grade_code, cadre.salary_grade)
        months = _step_months(rules, university, cadre.salary_step_date, today)
        due = add_months(cadre.salary_step_date, months)
        if due > until:
            continue
        rows.append(
            SalaryStepRow(
                cadre_id=cadre.id,
                full_name=cadre.full_name,
                grade=cadre.salary_grade,
                grade_code=cadre.salary_grade_code,
                step=cadre.salary_step,
                last_step_on=cadre.salary_step_date,
                months=months,
                university_level=university,
                next_due=due,
                days_left=(due - today).days,
            )
        )
    return sorted(rows, key=lambda r: (r.next_due, r.full_name))


def salary_step_list(
    db: Database, today: date | None = None, months_ahead: int = 3
) -> list[SalaryStepRow]:
    """Active cadres whose next regular salary step is due within `months_ahead` months.

    Next step = last step date + `salary.step_months_university` (36) or
    `salary.step_months_lower` (24) months, read on the last step's date; the grade's
    level comes from `is_university_level`. Overdue steps are listed too.
    """
    today = today or date.today()
    if months_ahead < 0:
        raise PartydeskError("cadre_terms.months_ahead", value=months_ahead)
    with db.reader() as session:
        rules = load_rule_table(session)
        return _salary_steps(session, today, add_months(today, months_ahead), rules)


# --- planning -------------------------------------------------------------------------------


def planning_problems(db: Database, term: str, today: date | None = None) -> list[PlanningProblem]:
    """Posts with more people, and people with more posts, than the planning limits allow.

    At most `planning.max_people_per_post` (3) people per post and
    `planning.max_posts_per_person` (3) posts per person in a term (Quy định 50-QĐ/TW
    2021), read on `today`. `cadres.planning_check` warns before one more entry; this
    lists the entries already past the limits. Errors: `term.invalid`.
    """
    today = today or date.today()
    term = normalize_term(term)
    with db.reader() as session:
        rules = load_rule_table(session)
        try:
            people = rules.parameter("planning.max_people_per_post", today)
            posts = rules.parameter("planning.max_posts_per_person", today)
        except RuleMissing:
            return []
        by_post: dict[str, list[str]] = {}
        by_person: dict[int, tuple[str, list[str]]] = {}
        for cadre_id, name, title in session.execute(
            select(CadrePlanning.cadre_id, Cadre.full_name, CadrePlanning.post_title)
            .join(Cadre, Cadre.id == CadrePlanning.cadre_id)
            .where(
                CadrePlanning.term == term,
                CadrePlanning.removed_on.is_(None),
                CadrePlanning.deleted_at.is_(None),
                Cadre.deleted_at.is_(None),
            )
            .order_by(CadrePlanning.post_title, Cadre.name_sort_key)
        ):
            by_post.setdefault(title, []).append(name)
            by_person.setdefault(cadre_id, (name, []))[1].append(title)
        problems: list[PlanningProblem] = []
        max_people, max_posts = int(str(people.value)), int(str(posts.value))
        for title, names in by_post.items():
            if len(names) > max_people:
                problems.append(
                    PlanningProblem(
                        "post", term, title, len(names), max_people, tuple(names), people.source
                    )
                )
        for cadre_id, (name, titles) in by_person.items():
            if len(titles) > max_posts:
                problems.append(
                    PlanningProblem(
                        "person",
                        term,
                        name,
                        len(titles),
                        max_posts,
                        tuple(titles),
                        posts.source,
                        cadre_id,
                    )
                )
        return problems


# --- due items -----------------------------------------------------------------------------


def _cadre_item(
    context: DueContext, what: str, due: date, full_name: str, group: str, cadre_id: int
) -> DueItem:
    """A due item about a cadre (no organization; the action opens the cadre record)."""
    return context.item(
        what,
        due,
        full_name=full_name,
        organization_id=None,
        group=group,
        action="cadre",
        cadre_id=cadre_id,
    )


def due_items(context: DueContext) -> list[DueItem]:
    """Due provider: reappointment notices, retirements and salary steps within the horizon.

    Groups "cadre_term", "retirement" and "salary_step"; action "cadre" with `cadre_id`.
    Overdue items stay listed while the cadre is active and the post open.
    """
    items: list[DueItem] = []
    session, today, rules = context.session, context.today, context.rules
    for term in _terms(session, today, rules, context.calendar):
        if term.notice_due <= context.horizon:
            what = f"Thông báo bổ nhiệm lại: {term.title} (hết nhiệm kỳ {term.term_end:%d/%m/%Y})"
            items.append(
                _cadre_item(
                    context, what, term.notice_due, term.full_name, "cadre_term", term.cadre_id
                )
            )
    for row in _retirements(session, today, context.horizon, rules):
        what = f"Nghỉ hưu ({row.age_years} tuổi {row.age_months} tháng)"
        items.append(
            _cadre_item(
                context, what, row.retirement_date, row.full_name, "retirement", row.cadre_id
            )
        )
    for step in _salary_steps(session, today, context.horizon, rules):
        what = (
            f"Nâng bậc lương thường xuyên ({step.grade}, bậc {step.step or '?'}"
            f" từ {step.last_step_on:%d/%m/%Y})"
        )
        items.append(
            _cadre_item(context, what, step.next_due, step.full_name, "salary_step", step.cadre_id)
        )
    return items
