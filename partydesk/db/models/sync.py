"""Sync bookkeeping: the change epoch, this office's keys, partner offices, packages, conflicts.

These tables describe the exchange itself and never travel in packages (they have no
`RecordMixin` columns): each office keeps its own. docs/sync.md explains every choice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, utcnow


class SyncState(Base):
    """One row: the change epoch that writes are stamped with now (`RecordMixin.sync_seq`).

    An export seals the open epoch (takes every row stamped with it or earlier) and opens
    the next one, so "the changes since the last acknowledged package" are exactly the
    rows whose `sync_seq` is above the acknowledged range.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    open_seq: Mapped[int] = mapped_column(Integer, default=1)


class SyncKey(Base):
    """This office's private keys (the private key file's text), kept with the data."""

    __tablename__ = "sync_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(19))
    private_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPartner(Base):
    """Another office this one exchanges packages with: one above, any number below.

    `public_key` is the public key file's text as received (self-signed); `scope_json` the
    organization codes an office below may send data for (a code covers its subtree).
    """

    __tablename__ = "sync_partner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(10))
    fingerprint: Mapped[str] = mapped_column(String(19))
    public_key: Mapped[str] = mapped_column(Text)
    scope_json: Mapped[str] = mapped_column(Text, default="[]")
    registered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPackageSent(Base):
    """A package written here for a partner, and its receipt once it comes back."""

    __tablename__ = "sync_package_sent"
    __table_args__ = (Index("ix_sync_package_sent_partner", "partner_id", "seq_to"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("sync_partner.id"))
    kind: Mapped[str] = mapped_column(String(10))
    seq_from: Mapped[int | None] = mapped_column(Integer)
    seq_to: Mapped[int | None] = mapped_column(Integer)
    audit_to: Mapped[int] = mapped_column(Integer, default=0)
    period_label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    file_name: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str] = mapped_column(String(64))
    counts_json: Mapped[str] = mapped_column(Text, default="{}")
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(10), default="")
    receipt_note: Mapped[str] = mapped_column(Text, default="")
    receipt_uuid: Mapped[str | None] = mapped_column(String(36))


class SyncPackageReceived(Base):
    """A package imported here (records packages and receipts alike)."""

    __tablename__ = "sync_package_received"
    __table_args__ = (Index("ix_sync_package_received_partner", "partner_id", "seq_to"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("sync_partner.id"))
    kind: Mapped[str] = mapped_column(String(10))
    seq_from: Mapped[int | None] = mapped_column(Integer)
    seq_to: Mapped[int | None] = mapped_column(Integer)
    period_label: Mapped[str] = mapped_column(String(100), default="")
    file_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    counts_json: Mapped[str] = mapped_column(Text, default="{}")
    receipt_uuid: Mapped[str | None] = mapped_column(String(36))
    receipt_written_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncConflict(Base):
    """A record changed both here and at the sender since they last agreed.

    `ours_json` and `theirs_json` hold the two records in package form (sync columns and
    fields); nothing is overwritten until a person resolves the conflict.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_record", "table_name", "record_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("sync_partner.id"))
    package_uuid: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(60))
    record_uuid: Mapped[str] = mapped_column(String(36))
    ours_json: Mapped[str] = mapped_column(Text)
    theirs_json: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")
    resolution: Mapped[str] = mapped_column(String(10), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
