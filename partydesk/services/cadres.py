"""The cadre register: people, posts (concurrent ones too), training, planning entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import CadrePostKind
from partydesk.db.engine import Database
from partydesk.db.models import Cadre, CadrePlanning, CadrePost, CadreTraining, Member
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import (
    RuleMissing,
    RuleTable,
    check_cccd,
    clean_text,
    fold,
    name_sort_key,
    normalize_sex,
)
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.rule_table import load_rule_table


@dataclass(frozen=True, kw_only=True)
class CadreInput:
    """A cadre record as typed."""

    full_name: str
    sex: str
    birth_date: date
    birth_year_only: bool = False
    member_id: int | None = None
    cccd: str | None = None
    hometown: str = ""
    ethnicity_code: str = "01"
    is_local: bool = True
    organization_id: int | None = None
    workplace: str = ""
    salary_grade: str = ""
    salary_grade_code: str = ""
    salary_step: int | None = None
    salary_coefficient: float | None = None
    salary_step_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class PostInput:
    """A post held by a cadre."""

    title: str
    start_on: date
    unit: str = ""
    post_code: str | None = None
    organization_id: int | None = None
    kind: str = CadrePostKind.APPOINTMENT.value
    concurrent: bool = False
    end_on: date | None = None
    decision_no: str = ""
    decision_date: date | None = None


@dataclass(frozen=True)
class CadreRow:
    """A cadre as lists show it."""

    id: int
    uuid: str
    full_name: str
    sex: str
    birth_date: date
    is_local: bool
    status: str
    member_id: int | None


@dataclass(frozen=True)
class PlanningResult:
    """A planning entry written, and the limits it goes past (warnings, not refusals)."""

    planning_id: int
    warnings: tuple[str, ...]


def _row(cadre: Cadre) -> CadreRow:
    return CadreRow(
        cadre.id,
        cadre.uuid,
        cadre.full_name,
        cadre.sex,
        cadre.birth_date,
        cadre.is_local,
        cadre.status,
        cadre.member_id,
    )


def _get(session: Session, cadre_id: int) -> Cadre:
    cadre = session.get(Cadre, cadre_id)
    if cadre is None or cadre.deleted_at is not None:
        raise PartydeskError("cadre.not_found", ref=cadre_id)
    return cadre


def add_cadre(session: Session, data: CadreInput, today: date | None = None) -> Cadre:
    """Check and insert a cadre inside an open unit of work."""
    today = today or date.today()
    name = clean_text(data.full_name)
    if not name:
        raise ValidationError("field.required", field="Họ và tên")
    sex = normalize_sex(data.sex or "")
    if sex is None:
        raise ValidationError(
            "field.invalid", field="Giới tính", problem=f"«{data.sex}» không hợp lệ"
        )
    if data.birth_date > today:
        raise ValidationError("field.future_date", field="Ngày sinh", value=data.birth_date)
    cccd = "".join((data.cccd or "").split()) or None
    if cccd:
        problems = check_cccd(cccd, None if data.birth_year_only else data.birth_date, sex)
        if problems:
            raise ValidationError("field.invalid", field="Số CCCD", problem=" ".join(problems))
    CatalogueCodes(session).check("ethnicity", data.ethnicity_code, "Dân tộc")
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        raise PartydeskError("member.not_found", ref=data.member_id)
    if data.salary_step_date is not None and data.salary_step_date > today:
        raise ValidationError(
            "field.future_date", field="Ngày hưởng bậc", value=data.salary_step_date
        )
    cadre = Cadre(
        member_id=data.member_id,
        full_name=name,
        name_fold=fold(name),
        name_sort_key=name_sort_key(name),
        sex=sex,
        birth_date=data.birth_date,
        birth_year_only=data.birth_year_only,
        cccd=cccd,
        hometown=data.hometown,
        ethnicity_code=data.ethnicity_code,
        is_local=data.is_local,
        organization_id=data.organization_id,
        workplace=data.workplace,
        salary_grade=data.salary_grade,
        salary_grade_code=data.salary_grade_code,
        salary_step=data.salary_step,
        salary_coefficient=data.salary_coefficient,
        salary_step_date=data.salary_step_date,
        notes=data.notes,
    )
    session.add(cadre)
    session.flush()
    return cadre


def create_cadre(db: Database, data: CadreInput) -> CadreRow:
    """Create a cadre record (errors name the field; nothing is written on error)."""
    with db.session("create_cadre") as session:
        return _row(add_cadre(session, data))


def add_post(session: Session, cadre_id: int, post: PostInput) -> CadrePost:
    """Record a post inside an open unit of work.

    A main (non-concurrent) post ends the previous main post the day before it starts.
    """
    cadre = _get(session, cadre_id)
    title = clean_text(post.title)
    if not title:
        raise ValidationError("field.required", field="Chức vụ")
    try:
        kind = CadrePostKind(post.kind)
    except ValueError as exc:
        raise ValidationError(
            "field.unknown_code", field="Hình thức", value=post.kind, catalogue="cadre_post_kind"
        ) from exc
    if post.end_on is not None and post.end_on < post.start_on:
        raise ValidationError(
            "date.order",
            later="Ngày thôi giữ chức",
            later_value=post.end_on,
            earlier="Ngày bắt đầu",
            earlier_value=post.start_on,
        )
    if not post.concurrent:
        for previous in session.scalars(
            select(CadrePost).where(
                CadrePost.cadre_id == cadre.id,
                CadrePost.concurrent.is_(False),
                CadrePost.end_on.is_(None),
                CadrePost.deleted_at.is_(None),
            )
        ):
            if previous.start_on < post.start_on:
                previous.end_on = date.fromordinal(post.start_on.toordinal() - 1)
    row = CadrePost(
        cadre_id=cadre.id,
        post_code=post.post_code,
        title=title,
        unit=post.unit,
        organization_id=post.organization_id,
        kind=kind.value,
        concurrent=post.concurrent,
        start_on=post.start_on,
        end_on=post.end_on,
        decision_no=post.decision_no,
        decision_date=post.decision_date,
    )
    session.add(row)
    return row


def record_post(db: Database, cadre_id: int, post: PostInput) -> int:
    """Add a post to a cadre's record; returns the post id."""
    with db.session("record_cadre_post") as session:
        row = add_post(session, cadre_id, post)
        session.flush()
        return row.id


def record_training(
    db: Database,
    cadre_id: int,
    category: str,
    level_code: str | None,
    field: str = "",
    institution: str = "",
    end_on: date | None = None,
) -> int:
    """Add a training entry (qualification, theory, state management, language, IT)."""
    with db.session("record_cadre_training") as session:
        _get(session, cadre_id)
        row = CadreTraining(
            cadre_id=cadre_id,
            category=category,
            level_code=level_code,
            field=field,
            institution=institution,
            end_on=end_on,
        )
        session.add(row)
        session.flush()
        return row.id


def planning_warnings(
    session: Session, rules: RuleTable, cadre_id: int, term: str, post_title: str, on: date
) -> tuple[str, ...]:
    """Limits of planning that one more entry would pass (warnings, not refusals).

    At most 3 people per post and 3 posts per person per term (Quy định 50-QĐ/TW 2021),
    read from the rule table.
    """
    live = (
        CadrePlanning.removed_on.is_(None),
        CadrePlanning.deleted_at.is_(None),
        CadrePlanning.term == term,
    )
    per_post = (
        session.scalar(
            select(func.count())
            .select_from(CadrePlanning)
            .where(*live, CadrePlanning.post_title == post_title)
        )
        or 0
    )
    per_person = (
        session.scalar(
            select(func.count())
            .select_from(CadrePlanning)
            .where(*live, CadrePlanning.cadre_id == cadre_id)
        )
        or 0
    )
    warnings: list[str] = []
    try:
        max_people = int(rules.value("planning.max_people_per_post", on))
        max_posts = int(rules.value("planning.max_posts_per_person", on))
    except RuleMissing:
        return ()  # no limit was in force on that date
    if per_post >= max_people:
        warnings.append(
            f"Chức danh «{post_title}» đã có {per_post} người trong quy hoạch "
            f"(tối đa {max_people})."
        )
    if per_person >= max_posts:
        warnings.append(f"Cán bộ đã được quy hoạch {per_person} chức danh (tối đa {max_posts}).")
    return tuple(warnings)


def add_planning(
    session: Session,
    cadre_id: int,
    term: str,
    post_title: str,
    added_on: date,
    unit: str = "",
    decision_no: str = "",
) -> PlanningResult:
    """Add a planning entry inside an open unit of work, returning limit warnings."""
    _get(session, cadre_id)
    title = clean_text(post_title)
    if not title:
        raise ValidationError("field.required", field="Chức danh quy hoạch")
    warnings = planning_warnings(session, load_rule_table(session), cadre_id, term, title, added_on)
    row = CadrePlanning(
        cadre_id=cadre_id,
        term=term,
        post_title=title,
        unit=unit,
        added_on=added_on,
        decision_no=decision_no,
    )
    session.add(row)
    session.flush()
    return PlanningResult(row.id, warnings)


def plan_cadre(
    db: Database,
    cadre_id: int,
    term: str,
    post_title: str,
    added_on: date,
    unit: str = "",
    decision_no: str = "",
) -> PlanningResult:
    """Put a cadre in the planning for a post and term (warns past the limits)."""
    with db.session("plan_cadre") as session:
        return add_planning(session, cadre_id, term, post_title, added_on, unit, decision_no)


def list_cadres(db: Database) -> list[CadreRow]:
    """Live cadres in Vietnamese list order."""
    with db.reader() as session:
        rows = session.scalars(
            select(Cadre).where(Cadre.deleted_at.is_(None)).order_by(Cadre.name_sort_key)
        )
        return [_row(c) for c in rows]
