"""The office that keeps this database, and its business settings."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, RecordMixin


class Office(RecordMixin, Base):
    """This installation: one row. Its UUID identifies the office in sync packages."""

    __tablename__ = "office"

    name: Mapped[str] = mapped_column(String(200))
    superior_name: Mapped[str] = mapped_column(String(200), default="")
    place_name: Mapped[str] = mapped_column(String(100), default="")
    number_symbol: Mapped[str] = mapped_column(String(20), default="")
    level: Mapped[str] = mapped_column(String(30))
    province_code: Mapped[str | None] = mapped_column(String(10))
    admin_unit_code: Mapped[str | None] = mapped_column(String(10))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))


class OfficeSetting(RecordMixin, Base):
    """A business setting that travels with the data (numbering, margins, rule overrides)."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value_json: Mapped[str] = mapped_column(Text)
