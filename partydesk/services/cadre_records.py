"""Reading the cadre register: the list, one cadre's whole record, the form's choices."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from partydesk.db.engine import Database
from partydesk.db.models import (
    Cadre,
    CadreEvent,
    CadrePlanning,
    CadrePost,
    CadreTraining,
    CatalogueItem,
    Member,
)
from partydesk.services.cadres import (
    SALARY_STEP_EVENT,
    TRAINING_CATEGORIES,
    CadreInput,
    get_cadre,
)
from partydesk.services.catalogues import CatalogueEntry, list_catalogue


@dataclass(frozen=True)
class CadreListRow:
    """A cadre as the register's table shows it: current posts and salary step included."""

    id: int
    full_name: str
    name_fold: str
    sex: str
    birth_date: date
    birth_year_only: bool
    status: str
    is_local: bool
    member_id: int | None
    main_post: str
    concurrent_posts: tuple[str, ...]
    salary_grade: str
    salary_grade_code: str
    salary_step: int | None
    salary_coefficient: float | None
    salary_step_date: date | None


def _open_posts(today: date) -> Any:
    return (
        CadrePost.deleted_at.is_(None),
        CadrePost.start_on <= today,
        CadrePost.end_on.is_(None) | (CadrePost.end_on >= today),
    )


def cadre_list(db: Database, today: date | None = None) -> list[CadreListRow]:
    """Every live cadre in Vietnamese name order, with the posts held on `today`.

    Two queries: the cadres, and all posts open on `today` (a register holds hundreds
    of cadres, so the whole list is read at once).
    """
    today = today or date.today()
    with db.reader() as session:
        main: dict[int, str] = {}
        concurrent: dict[int, list[str]] = {}
        for cadre_id, title, is_concurrent in session.execute(
            select(CadrePost.cadre_id, CadrePost.title, CadrePost.concurrent)
            .where(*_open_posts(today))
            .order_by(CadrePost.start_on, CadrePost.id)
        ):
            if is_concurrent:
                concurrent.setdefault(cadre_id, []).append(title)
            else:
                main[cadre_id] = title  # the latest main post wins
        cadres = session.scalars(
            select(Cadre).where(Cadre.deleted_at.is_(None)).order_by(Cadre.name_sort_key, Cadre.id)
        )
        return [
            CadreListRow(
                id=c.id,
                full_name=c.full_name,
                name_fold=c.name_fold,
                sex=c.sex,
                birth_date=c.birth_date,
                birth_year_only=c.birth_year_only,
                status=c.status,
                is_local=c.is_local,
                member_id=c.member_id,
                main_post=main.get(c.id, ""),
                concurrent_posts=tuple(concurrent.get(c.id, ())),
                salary_grade=c.salary_grade,
                salary_grade_code=c.salary_grade_code,
                salary_step=c.salary_step,
                salary_coefficient=c.salary_coefficient,
                salary_step_date=c.salary_step_date,
            )
            for c in cadres
        ]


@dataclass(frozen=True)
class PostRow:
    """A post in a cadre's record."""

    id: int
    title: str
    post_code: str | None
    unit: str
    kind: str
    concurrent: bool
    start_on: date
    end_on: date | None
    decision_no: str
    decision_date: date | None


@dataclass(frozen=True)
class TrainingRow:
    """A training entry in a cadre's record."""

    id: int
    category: str
    level_code: str | None
    level_name: str
    field: str
    institution: str
    end_on: date | None


@dataclass(frozen=True)
class PlanningRow:
    """A planning entry, live or removed (removed entries stay, with date and reason)."""

    id: int
    term: str
    post_title: str
    unit: str
    added_on: date
    decision_no: str
    removed_on: date | None
    removal_reason: str


@dataclass(frozen=True)
class CadreEventRow:
    """A dated record of a cadre (salary step, rating, award…); `details` as stored."""

    id: int
    kind: str
    on_date: date
    decision_no: str
    details: dict[str, Any]
    note: str


@dataclass(frozen=True)
class CadreDetail:
    """A cadre's whole record, for the record dialog."""

    id: int
    data: CadreInput
    member_name: str
    posts: tuple[PostRow, ...] = ()
    training: tuple[TrainingRow, ...] = ()
    planning: tuple[PlanningRow, ...] = ()
    events: tuple[CadreEventRow, ...] = field(default_factory=tuple)

    @property
    def salary_history(self) -> tuple[CadreEventRow, ...]:
        """The recorded salary steps, newest first."""
        return tuple(
            sorted(
                (e for e in self.events if e.kind == SALARY_STEP_EVENT),
                key=lambda e: (e.on_date, e.id),
                reverse=True,
            )
        )


def _input_of(cadre: Cadre) -> CadreInput:
    return CadreInput(
        full_name=cadre.full_name,
        sex=cadre.sex,
        birth_date=cadre.birth_date,
        birth_year_only=cadre.birth_year_only,
        member_id=cadre.member_id,
        cccd=cadre.cccd,
        hometown=cadre.hometown,
        ethnicity_code=cadre.ethnicity_code,
        is_local=cadre.is_local,
        organization_id=cadre.organization_id,
        workplace=cadre.workplace,
        salary_grade=cadre.salary_grade,
        salary_grade_code=cadre.salary_grade_code,
        salary_step=cadre.salary_step,
        salary_coefficient=cadre.salary_coefficient,
        salary_step_date=cadre.salary_step_date,
        notes=cadre.notes,
        status=cadre.status,
    )


def cadre_detail(db: Database, cadre_id: int) -> CadreDetail:
    """Fields, posts, training, planning and dated events of one cadre.

    Errors: `cadre.not_found`.
    """
    with db.reader() as session:
        cadre = get_cadre(session, cadre_id)
        member_name = ""
        if cadre.member_id is not None:
            member_name = (
                session.scalar(select(Member.full_name).where(Member.id == cadre.member_id)) or ""
            )
        posts = tuple(
            PostRow(
                p.id,
                p.title,
                p.post_code,
                p.unit,
                p.kind,
                p.concurrent,
                p.start_on,
                p.end_on,
                p.decision_no,
                p.decision_date,
            )
            for p in session.scalars(
                select(CadrePost)
                .where(CadrePost.cadre_id == cadre.id, CadrePost.deleted_at.is_(None))
                .order_by(CadrePost.start_on.desc(), CadrePost.concurrent, CadrePost.id)
            )
        )
        level_names = {
            (catalogue, code): name
            for catalogue, code, name in session.execute(
                select(CatalogueItem.catalogue, CatalogueItem.code, CatalogueItem.name).where(
                    CatalogueItem.catalogue.in_(TRAINING_CATEGORIES)
                )
            )
        }
        training = tuple(
            TrainingRow(
                t.id,
                t.category,
                t.level_code,
                level_names.get((t.category, t.level_code or ""), t.level_code or ""),
                t.field,
                t.institution,
                t.end_on,
            )
            for t in session.scalars(
                select(CadreTraining)
                .where(CadreTraining.cadre_id == cadre.id, CadreTraining.deleted_at.is_(None))
                .order_by(CadreTraining.category, CadreTraining.id)
            )
        )
        planning = tuple(
            PlanningRow(
                p.id,
                p.term,
                p.post_title,
                p.unit,
                p.added_on,
                p.decision_no,
                p.removed_on,
                p.removal_reason,
            )
            for p in session.scalars(
                select(CadrePlanning)
                .where(CadrePlanning.cadre_id == cadre.id, CadrePlanning.deleted_at.is_(None))
                .order_by(CadrePlanning.term.desc(), CadrePlanning.added_on, CadrePlanning.id)
            )
        )
        events = tuple(
            CadreEventRow(e.id, e.kind, e.on_date, e.decision_no, _details(e), e.note)
            for e in session.scalars(
                select(CadreEvent)
                .where(CadreEvent.cadre_id == cadre.id, CadreEvent.deleted_at.is_(None))
                .order_by(CadreEvent.on_date.desc(), CadreEvent.id.desc())
            )
        )
        return CadreDetail(
            cadre.id, _input_of(cadre), member_name, posts, training, planning, events
        )


def _details(event: CadreEvent) -> dict[str, Any]:
    try:
        value = json.loads(event.details_json or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class CadreChoices:
    """Catalogue entries the cadre record offers: posts, ethnicities, training levels."""

    cadre_posts: tuple[CatalogueEntry, ...]
    ethnicities: tuple[CatalogueEntry, ...]
    training_levels: dict[str, tuple[CatalogueEntry, ...]]


def cadre_choices(db: Database) -> CadreChoices:
    """The catalogues behind the combo boxes of the cadre record."""
    with db.reader() as session:
        return CadreChoices(
            tuple(list_catalogue(session, "cadre_post")),
            tuple(list_catalogue(session, "ethnicity")),
            {name: tuple(list_catalogue(session, name)) for name in TRAINING_CATEGORIES},
        )
