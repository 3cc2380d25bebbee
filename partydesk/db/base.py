"""The declarative base and the columns every synchronised record carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so Alembic migrations are the same on SQLite and PostgreSQL
# and batch ("move and copy") migrations on SQLite can find constraints by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    """A new random UUID in its canonical 36-character text form (sync packages carry it)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Current UTC time without tzinfo (SQLite stores naive text; we always mean UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Base class of all partydesk tables."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordMixin:
    """Identity and sync columns: UUID, created/updated times, version and tombstone.

    Records are never deleted: `deleted_at` marks a tombstone, which sync packages carry
    upward so the office above removes the record too. `version` grows on each update and
    lets the importer tell "changed on both sides" from "changed here only".
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
