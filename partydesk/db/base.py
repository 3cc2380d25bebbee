"""The declarative base and the columns every synchronised record carries."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String, text
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


def new_uuids(count: int) -> list[str]:
    """`count` new random UUIDs, as `new_uuid` makes them, at a fifth of the cost.

    A bulk write stamps every member, event and membership with one (250,000 for an
    Excel list of 50,000 members): `uuid.uuid4()` builds an object per UUID. Here the
    random bytes are drawn at once and the version (4) and variant (RFC 4122) bits set
    in the text: the 13th hex digit is 4, the 17th one of 8, 9, a, b.
    """
    digits = os.urandom(16 * count).hex()
    variant = "89ab89ab89ab89ab"
    uuids = []
    for start in range(0, 32 * count, 32):
        h = digits[start : start + 32]
        uuids.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant[int(h[16], 16)]}{h[17:20]}-{h[20:]}")
    return uuids


def utcnow() -> datetime:
    """Current UTC time without tzinfo (SQLite stores naive text; we always mean UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


# The change epoch every insert and update is stamped with (docs/sync.md): a SQL
# expression, so ORM flushes, Core bulk inserts and Core updates all stamp it alike.
OPEN_SYNC_SEQ = text("(SELECT open_seq FROM sync_state WHERE id = 1)")


class Base(DeclarativeBase):
    """Base class of all partydesk tables."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordMixin:
    """Identity and sync columns: UUID, created/updated times, version and tombstone.

        Records are never deleted: `deleted_at` marks a tombstone, which sync packages carry
        upward so the office above removes the record too. `version` grows on each update and
        lets the importer tell "changed on both sides" from "changed here only" (with
    `sync_base`); `sync_seq` says which export epoch a change belongs to.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Sync (docs/sync.md): the change epoch of the last write here; the version last
    # received from the office that sent the record (None: never received); the office
    # where the record was born (None: this one).
    sync_seq: Mapped[int | None] = mapped_column(
        Integer, default=OPEN_SYNC_SEQ, onupdate=OPEN_SYNC_SEQ
    )
    sync_base: Mapped[int | None] = mapped_column(Integer, default=None)
    origin_office: Mapped[str | None] = mapped_column(String(36), default=None)
