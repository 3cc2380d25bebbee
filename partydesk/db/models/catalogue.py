"""Catalogues (ethnicities, religions, levels…), the dated rule table and the calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, RecordMixin


class CatalogueItem(RecordMixin, Base):
    """One entry of a catalogue, loaded from `resources/catalogues` and vietnam-provinces."""

    __tablename__ = "catalogue_item"
    __table_args__ = (UniqueConstraint("catalogue", "code"),)

    catalogue: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    name_fold: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    parent_code: Mapped[str | None] = mapped_column(String(40))
    aliases_json: Mapped[str] = mapped_column(Text, default="[]")
    extra_json: Mapped[str] = mapped_column(Text, default="{}")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RuleParameterRow(RecordMixin, Base):
    """A rule parameter with the date it applies from (domain.md: rules are data)."""

    __tablename__ = "rule_parameter"
    __table_args__ = (Index("ix_rule_parameter_key_valid_from", "key", "valid_from"),)

    key: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    value_json: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    is_default: Mapped[bool] = mapped_column(Boolean, default=True)


class CalendarDay(RecordMixin, Base):
    """An office-configured day off (extra holiday) or make-up working day."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, unique=True)
    is_working_day: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
