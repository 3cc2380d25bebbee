"""The cadre register: people, posts (concurrent ones too), training, planning entries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import CadrePostKind, CadreStatus
from partydesk.db.engine import Database
from partydesk.db.models import (
    Cadre,
    CadreEvent,
    CadrePlanning,
    CadrePost,
    CadreTraining,
    Member,
)
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
from partydesk.services.committee import normalize_term
from partydesk.services.rule_table import load_rule_table

#: Training categories; each is also the id of the catalogue its levels come from.
TRAINING_CATEGORIES = (
    "qualification",
    "theory",
    "state_management",
    "foreign_language",
    "it_level",
)

#: Kind of the `CadreEvent` that keeps the previous salary step when a new one is recorded.
SALARY_STEP_EVENT = "salary_step"


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
    status: str = CadreStatus.ACTIVE.value


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


def get_cadre(session: Session, cadre_id: int) -> Cadre:
    """A live cadre by id; `cadre.not_found` otherwise."""
    cadre = session.get(Cadre, cadre_id)
    if cadre is None or cadre.deleted_at is not None:
        raise PartydeskError("cadre.not_found", ref=cadre_id)
    return cadre


def _d(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def _checked(session: Session, data: CadreInput, today: date) -> dict[str, Any]:
    """The personal fields of a cadre, checked and cleaned (salary fields apart)."""
    name = clean_text(data.full_name)
    if not name:
        raise ValidationError("field.required", field="Họ và tên")
    sex = normalize_sex(data.sex or "")
    if sex is None:
        raise ValidationError(
            "field.invalid", field="Giới tính", problem=f"«{data.sex}» không hợp lệ"
        )
    if data.birth_date > today:
        raise ValidationError("field.future_date", field="Ngày sinh", value=_d(data.birth_date))
    cccd = "".join((data.cccd or "").split()) or None
    if cccd:
        problems = check_cccd(cccd, None if data.birth_year_only else data.birth_date, sex)
        if problems:
            raise ValidationError("field.invalid", field="Số CCCD", problem=" ".join(problems))
    CatalogueCodes(session).check("ethnicity", data.ethnicity_code, "Dân tộc")
    if data.member_id is not None:
        member = session.get(Member, data.member_id)
        if member is None or member.deleted_at is not None:
            raise PartydeskError("member.not_found", ref=data.member_id)
    try:
        status = CadreStatus(data.status)
    except ValueError as exc:
        raise ValidationError(
            "field.unknown_code", field="Tình trạng", value=data.status, catalogue="cadre_status"
        ) from exc
    return {
        "member_id": data.member_id,
        "full_name": name,
        "name_fold": fold(name),
        "name_sort_key": name_sort_key(name),
        "sex": sex,
        "birth_date": data.birth_date,
        "birth_year_only": data.birth_year_only,
        "cccd": cccd,
        "hometown": clean_text(data.hometown),
        "ethnicity_code": data.ethnicity_code,
        "is_local": data.is_local,
        "organization_id": data.organization_id,
        "workplace": clean_text(data.workplace),
        "notes": (data.notes or "").strip(),
        "status": status.value,
    }


def add_cadre(session: Session, data: CadreInput, today: date | None = None) -> Cadre:
    """Check and insert a cadre inside an open unit of work.

    The salary fields give the step the cadre holds when entered; later steps go through
    `record_salary_step`, which keeps the previous one.
    """
    today = today or date.today()
    values = _checked(session, data, today)
    if data.salary_step_date is not None and data.salary_step_date > today:
        raise ValidationError(
            "field.future_date", field="Ngày hưởng bậc", value=_d(data.salary_step_date)
        )
    cadre = Cadre(
        **values,
        salary_grade=clean_text(data.salary_grade),
        salary_grade_code=clean_text(data.salary_grade_code),
        salary_step=data.salary_step,
        salary_coefficient=data.salary_coefficient,
        salary_step_date=data.salary_step_date,
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
    cadre = get_cadre(session, cadre_id)
    title = clean_text(post.title)
    if not title:
        raise ValidationError("field.required", field="Chức vụ")
    try:
        kind = CadrePostKind(post.kind)
    except ValueError as exc:
        raise ValidationError(
            "field.unknown_code", field="Hình thức", value=post.kind, catalogue="cadre_post_kind"
        ) from exc
    CatalogueCodes(session).check("cadre_post", post.post_code, "Chức vụ")
    if post.end_on is not None and post.end_on < post.start_on:
        raise ValidationError(
            "date.order",
            later="Ngày thôi giữ chức",
            later_value=_d(post.end_on),
            earlier="Ngày bắt đầu",
            earlier_value=_d(post.start_on),
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
        unit=clean_text(post.unit),
        organization_id=post.organization_id,
        kind=kind.value,
        concurrent=post.concurrent,
        start_on=post.start_on,
        end_on=post.end_on,
        decision_no=clean_text(post.decision_no),
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
    """Add a training entry (qualification, theory, state management, language, IT).

    `category` is one of `TRAINING_CATEGORIES`; `level_code` comes from the catalogue of
    the same name. Errors: `cadre.not_found`, `field.unknown_code`, `field.future_date`.
    """
    with db.session("record_cadre_training") as session:
        get_cadre(session, cadre_id)
        if category not in TRAINING_CATEGORIES:
            raise ValidationError(
                "field.unknown_code",
                field="Loại đào tạo",
                value=category,
                catalogue="training_category",
            )
        CatalogueCodes(session).check(category, level_code, "Trình độ")
        if end_on is not None and end_on > date.today():
            raise ValidationError("field.future_date", field="Ngày hoàn thành", value=_d(end_on))
        row = CadreTraining(
            cadre_id=cadre_id,
            category=category,
            level_code=level_code,
            field=clean_text(field),
            institution=clean_text(institution),
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
    """Add a planning entry inside an open unit of work, returning limit warnings.

    The term is stored as "2025-2030" whatever dash was typed, so the limits count
    entries of one term together.
    """
    get_cadre(session, cadre_id)
    title = clean_text(post_title)
    if not title:
        raise ValidationError("field.required", field="Chức danh quy hoạch")
    term = normalize_term(term)
    warnings = planning_warnings(session, load_rule_table(session), cadre_id, term, title, added_on)
    row = CadrePlanning(
        cadre_id=cadre_id,
        term=term,
        post_title=title,
        unit=clean_text(unit),
        added_on=added_on,
        decision_no=clean_text(decision_no),
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


# --- the register's list and one cadre's record ------------------------------------------


def update_cadre(
    db: Database, cadre_id: int, data: CadreInput, today: date | None = None
) -> CadreRow:
    """Save a cadre's personal fields; the salary fields of `data` are ignored.

    A salary step changes only through `record_salary_step`, which keeps the old one.
    Errors: as `create_cadre`, and `cadre.not_found`.
    """
    with db.session("update_cadre") as session:
        cadre = get_cadre(session, cadre_id)
        for name, value in _checked(session, data, today or date.today()).items():
            if getattr(cadre, name) != value:
                setattr(cadre, name, value)
        return _row(cadre)


def end_post(db: Database, post_id: int, on: date) -> None:
    """End a post on `on` (thôi giữ chức); the post stays in the record.

    Errors: `cadre.post_not_found`, `cadre.post_ended`, `date.order`, `field.future_date`.
    """
    with db.session("end_cadre_post") as session:
        post = session.get(CadrePost, post_id)
        if post is None or post.deleted_at is not None:
            raise PartydeskError("cadre.post_not_found", ref=post_id)
        if post.end_on is not None:
            raise PartydeskError("cadre.post_ended", title=post.title, date=_d(post.end_on))
        if on < post.start_on:
            raise ValidationError(
                "date.order",
                later="Ngày thôi giữ chức",
                later_value=_d(on),
                earlier="Ngày bắt đầu",
                earlier_value=_d(post.start_on),
            )
        if on > date.today():
            raise ValidationError("field.future_date", field="Ngày thôi giữ chức", value=_d(on))
        post.end_on = on


def planning_check(
    db: Database, cadre_id: int, term: str, post_title: str, on: date
) -> tuple[str, ...]:
    """The limit warnings one more planning entry would raise, without writing it.

    Errors: `cadre.not_found`, `term.invalid`.
    """
    with db.reader() as session:
        get_cadre(session, cadre_id)
        return planning_warnings(
            session,
            load_rule_table(session),
            cadre_id,
            normalize_term(term),
            clean_text(post_title),
            on,
        )


def remove_planning(db: Database, planning_id: int, on: date, reason: str) -> None:
    """Take an entry out of the planning on `on` for `reason` (kept, never deleted).

    Errors: `cadre.planning_not_found`, `cadre.planning_removed`, `field.required`
    (reason), `date.order` (before it was added).
    """
    with db.session("remove_cadre_planning") as session:
        row = session.get(CadrePlanning, planning_id)
        if row is None or row.deleted_at is not None:
            raise PartydeskError("cadre.planning_not_found", ref=planning_id)
        if row.removed_on is not None:
            raise PartydeskError(
                "cadre.planning_removed", title=row.post_title, date=_d(row.removed_on)
            )
        text = (reason or "").strip()
        if not text:
            raise ValidationError("field.required", field="Lý do đưa ra khỏi quy hoạch")
        if on < row.added_on:
            raise ValidationError(
                "date.order",
                later="Ngày đưa ra khỏi quy hoạch",
                later_value=_d(on),
                earlier="Ngày đưa vào quy hoạch",
                earlier_value=_d(row.added_on),
            )
        row.removed_on = on
        row.removal_reason = text


@dataclass(frozen=True)
class SalaryStep:
    """A salary step (ngạch, bậc, hệ số) held from `on`."""

    grade: str
    step: int
    coefficient: float
    on: date
    grade_code: str = ""
    decision_no: str = ""
    note: str = ""


#: Coefficients of the civil-service scales run from about 1.0 to 10.0; a value outside
#: this range is a typing error (a decimal comma lost: "234" for 2,34).
_COEFFICIENT_RANGE = (0.5, 15.0)


def record_salary_step(
    db: Database, cadre_id: int, data: SalaryStep, today: date | None = None
) -> int:
    """Record a new salary step; the step it replaces is kept in a "salary_step" event.

    Returns the event id. Errors: `cadre.not_found`, `field.required` (grade),
    `field.invalid` (step, coefficient), `field.future_date`, `date.order` (before the
    current step's date).
    """
    today = today or date.today()
    with db.session("record_salary_step") as session:
        cadre = get_cadre(session, cadre_id)
        grade = clean_text(data.grade)
        if not grade:
            raise ValidationError("field.required", field="Ngạch")
        if data.step < 1:
            raise ValidationError("field.invalid", field="Bậc", problem="bậc phải từ 1 trở lên")
        low, high = _COEFFICIENT_RANGE
        if not low <= data.coefficient <= high:
            raise ValidationError(
                "field.invalid",
                field="Hệ số lương",
                problem=f"{data.coefficient:g} nằm ngoài khoảng {low:g}–{high:g}",
            )
        if data.on > today:
            raise ValidationError("field.future_date", field="Ngày hưởng", value=_d(data.on))
        if cadre.salary_step_date is not None and data.on < cadre.salary_step_date:
            raise ValidationError(
                "date.order",
                later="Ngày hưởng bậc mới",
                later_value=_d(data.on),
                earlier="Ngày hưởng bậc hiện tại",
                earlier_value=_d(cadre.salary_step_date),
            )
        details = {
            "old": {
                "grade": cadre.salary_grade,
                "grade_code": cadre.salary_grade_code,
                "step": cadre.salary_step,
                "coefficient": cadre.salary_coefficient,
                "on": cadre.salary_step_date.isoformat() if cadre.salary_step_date else None,
            },
            "new": {
                "grade": grade,
                "grade_code": clean_text(data.grade_code),
                "step": data.step,
                "coefficient": data.coefficient,
                "on": data.on.isoformat(),
            },
        }
        event = CadreEvent(
            cadre_id=cadre.id,
            kind=SALARY_STEP_EVENT,
            on_date=data.on,
            decision_no=clean_text(data.decision_no),
            details_json=json.dumps(details, ensure_ascii=False, sort_keys=True),
            note=(data.note or "").strip(),
        )
        session.add(event)
        cadre.salary_grade = grade
        cadre.salary_grade_code = clean_text(data.grade_code)
        cadre.salary_step = data.step
        cadre.salary_coefficient = data.coefficient
        cadre.salary_step_date = data.on
        session.flush()
        return event.id
