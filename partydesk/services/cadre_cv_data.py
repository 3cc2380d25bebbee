"""The data of the printed cadre CV (sơ yếu lý lịch cán bộ), from the cadre register.

Apart from `print_data` (the member forms): the CV reads a cadre's record, posts,
training and salary steps, and the member record's fields when the cadre is a member.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from partydesk.db.models import Member
from partydesk.documents.pdf.forms.cadre_cv import CadreCv, SalaryRow, WorkRow
from partydesk.documents.pdf.forms.cadre_cv import TrainingRow as CvTrainingRow
from partydesk.services.cadre_records import CadreDetail
from partydesk.services.print_data import (
    Labels,
    OfficeContext,
    member_photo,
    sex_label,
    with_detail,
)

__all__ = ["cadre_cv"]


def _period(start: date | None, end: date | None) -> str:
    def month(value: date | None) -> str:
        return "" if value is None else f"{value.month:02d}/{value.year}"

    if start is None and end is None:
        return ""
    return f"{month(start)} - {month(end) or 'nay'}"


def _coefficient(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        return f"{float(value):.2f}".replace(".", ",")
    except (TypeError, ValueError):
        return str(value)


def cadre_cv(
    session: Session,
    detail: CadreDetail,
    office: OfficeContext,
    on: date,
    labels: Labels,
) -> CadreCv:
    """Sơ yếu lý lịch of a cadre: record, posts (career), training, salary steps.

    A cadre who is a party member gets the member record's fields (birthplace, addresses,
    religion, levels, admission dates) and photo.
    """
    data = detail.data
    member = session.get(Member, data.member_id) if data.member_id is not None else None
    training_rows = tuple(
        CvTrainingRow(
            school=t.institution,
            field=t.field,
            period="" if t.end_on is None else f"{t.end_on.month:02d}/{t.end_on.year}",
            mode="",
            qualification=t.level_name,
        )
        for t in detail.training
    )
    posts = sorted(detail.posts, key=lambda p: (p.start_on, p.id))
    work = tuple(
        WorkRow(
            period=_period(p.start_on, p.end_on),
            description=with_detail(p.title, p.unit),
        )
        for p in posts
    )
    current = [p for p in detail.posts if p.end_on is None or p.end_on >= on]
    by_category = {t.category: t.level_name for t in detail.training}
    salary = tuple(
        SalaryRow(
            month_year=f"{e.on_date.month:02d}/{e.on_date.year}",
            grade_step=_grade_step(e.details.get("new") or {}),
            coefficient=_coefficient((e.details.get("new") or {}).get("coefficient")),
        )
        for e in sorted(detail.salary_history, key=lambda e: (e.on_date, e.id))
    )
    values: dict[str, Any] = {}
    if member is not None:
        values = {
            "birthplace": member.birthplace,
            "religion": labels.name("religion", member.religion_code),
            "permanent_address": member.permanent_address,
            "current_address": member.temporary_address or member.permanent_address,
            "general_education": labels.name("general_education", member.general_education),
            "party_admitted_on": member.ceremony_date or member.decision_date,
            "party_official_on": member.official_date,
            "photo": member_photo(session, member.id),
        }
    return CadreCv(
        awards=_records(detail, "award"),
        discipline=_records(detail, "discipline"),
        full_name=data.full_name,
        managing_body=office.name,
        using_body=data.workplace,
        birth_date=data.birth_date,
        sex=sex_label(data.sex),
        hometown=data.hometown,
        ethnicity=labels.name("ethnicity", data.ethnicity_code),
        current_position=", ".join(with_detail(p.title, p.unit) for p in current),
        grade=data.salary_grade,
        grade_code=data.salary_grade_code,
        salary_step="" if data.salary_step is None else str(data.salary_step),
        salary_coefficient=_coefficient(data.salary_coefficient),
        salary_since=data.salary_step_date,
        qualification=by_category.get("qualification", ""),
        political_theory=by_category.get("theory", ""),
        state_management=by_category.get("state_management", ""),
        foreign_language=by_category.get("foreign_language", ""),
        it_level=by_category.get("it_level", ""),
        id_number=data.cccd or "",
        training=training_rows,
        work_history=work,
        salary_history=salary,
        place=office.place,
        on=on,
        **values,
    )


def _records(detail: CadreDetail, kind: str) -> str:
    """Awards or disciplines as the CV lists them: "form (year); …", oldest first."""
    items = sorted((e for e in detail.events if e.kind == kind), key=lambda e: (e.on_date, e.id))
    return "; ".join(
        f"{e.details.get('form') or e.note or e.decision_no} ({e.on_date.year})" for e in items
    )


def _grade_step(values: dict[str, Any]) -> str:
    grade = str(values.get("grade") or "")
    step = values.get("step")
    return with_detail(grade, f"bậc {step}" if step not in (None, "") else "")
