"""The cadre register: people, posts, training, planning and dated records."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, RecordMixin


class Cadre(RecordMixin, Base):
    """A cadre (cán bộ): linked to a member when they are one."""

    __tablename__ = "cadre"
    __table_args__ = (Index("ix_cadre_name_sort_key", "name_sort_key"),)

    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    name_fold: Mapped[str] = mapped_column(String(200), default="")
    name_sort_key: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    sex: Mapped[str] = mapped_column(String(5))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_year_only: Mapped[bool] = mapped_column(Boolean, default=False)
    cccd: Mapped[str | None] = mapped_column(String(12))
    hometown: Mapped[str] = mapped_column(Text, default="")
    ethnicity_code: Mapped[str] = mapped_column(String(10), default="01")
    is_local: Mapped[bool] = mapped_column(Boolean, default=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    workplace: Mapped[str] = mapped_column(Text, default="")
    salary_grade: Mapped[str] = mapped_column(String(60), default="")
    salary_grade_code: Mapped[str] = mapped_column(String(20), default="")
    salary_step: Mapped[int | None] = mapped_column(Integer)
    salary_coefficient: Mapped[float | None] = mapped_column(Float)
    salary_step_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    notes: Mapped[str] = mapped_column(Text, default="")


class CadrePost(RecordMixin, Base):
    """A post held over [start_on, end_on], with the deciding document."""

    __tablename__ = "cadre_post"
    __table_args__ = (Index("ix_cadre_post_cadre", "cadre_id", "start_on"),)

    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadre.id"))
    post_code: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(300), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    kind: Mapped[str] = mapped_column(String(20), default="appointment")
    concurrent: Mapped[bool] = mapped_column(Boolean, default=False)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)


class CadreTraining(RecordMixin, Base):
    """Training: qualification, political theory, state management, language, IT."""

    __tablename__ = "cadre_training"
    __table_args__ = (Index("ix_cadre_training_cadre", "cadre_id"),)

    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadre.id"))
    category: Mapped[str] = mapped_column(String(30))
    level_code: Mapped[str | None] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(200), default="")
    institution: Mapped[str] = mapped_column(String(300), default="")
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)


class CadrePlanning(RecordMixin, Base):
    """A planning entry (quy hoạch) of a cadre for a higher post in a term."""

    __tablename__ = "cadre_planning"
    __table_args__ = (Index("ix_cadre_planning_term_post", "term", "post_title"),)

    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadre.id"))
    term: Mapped[str] = mapped_column(String(20))
    post_code: Mapped[str | None] = mapped_column(String(40))
    post_title: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(300), default="")
    added_on: Mapped[date] = mapped_column(Date)
    removed_on: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    removal_reason: Mapped[str] = mapped_column(Text, default="")


class CadreEvent(RecordMixin, Base):
    """A dated record: rating, award, discipline, salary step, rotation note."""

    __tablename__ = "cadre_event"
    __table_args__ = (Index("ix_cadre_event_cadre", "cadre_id", "on_date"),)

    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadre.id"))
    kind: Mapped[str] = mapped_column(String(30))
    on_date: Mapped[date] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(Text, default="")
