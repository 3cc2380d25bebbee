"""Receipts coming back from the office above, and the history of packages both ways.

Importing a receipt marks the package it names as acknowledged; the next delta then
starts after that package's range (the watermark). A package without a receipt stays
unacknowledged and its range is simply sent again by the next delta.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.models import SyncPackageReceived, SyncPackageSent, SyncPartner
from partydesk.documents.package import Kind
from partydesk.errors import PartydeskError
from partydesk.services.sync_import import ALREADY, open_verified


@dataclass(frozen=True)
class ReceiptResult:
    """What a receipt acknowledged."""

    package_uuid: str
    seq_from: int | None
    seq_to: int | None
    outcome: str
    note: str
    status: str  # "applied" or ALREADY


@dataclass(frozen=True)
class HistoryEntry:
    """A package sent or received, for the history list."""

    direction: str  # "sent" or "received"
    package_uuid: str
    partner: str
    kind: str
    seq_from: int | None
    seq_to: int | None
    period_label: str
    at: datetime
    counts: dict[str, int]
    acknowledged_at: datetime | None
    outcome: str
    receipt_uuid: str | None


def import_receipt(db: Database, path: Path) -> ReceiptResult:
    """Import a receipt: the package it names is acknowledged.

    Receipts come from the office above for upward packages, and from an office below for
    the update packages sent down to it.

    Errors: package.* (the file), sync.not_records (not a receipt),
    sync.unknown_acknowledgement (a package this office did not send, or another file
    under that package's UUID). Importing the same receipt twice changes nothing.
    """
    with db.session("sync.receipt") as session:
        package = open_verified(session, path, None)
        manifest = package.manifest
        ack = manifest.acknowledges
        if manifest.kind is not Kind.RECEIPT or ack is None:
            raise PartydeskError("sync.not_records", kind=str(manifest.kind))
        # The receipt's sender: the office above for upward packages, an office below
        # for the update packages sent down to it (services/sync_updates.py).
        sender = session.scalars(
            select(SyncPartner).where(SyncPartner.office_uuid == manifest.sender_office_uuid)
        ).first()
        sent = session.scalars(
            select(SyncPackageSent).where(
                SyncPackageSent.package_uuid == ack.package_uuid,
                SyncPackageSent.partner_id == (sender.id if sender else -1),
            )
        ).first()
        if sent is None or sent.file_sha256 != ack.package_sha256:
            raise PartydeskError("sync.unknown_acknowledgement", package=ack.package_uuid)
        status = "applied"
        if sent.receipt_uuid == manifest.package_uuid:
            status = ALREADY
        else:
            sent.acknowledged_at = utcnow()
            sent.outcome = str(ack.outcome)
            sent.receipt_note = ack.note
            sent.receipt_uuid = manifest.package_uuid
        return ReceiptResult(
            ack.package_uuid, sent.seq_from, sent.seq_to, str(ack.outcome), ack.note, status
        )


def history(db: Database) -> list[HistoryEntry]:
    """Every package sent and received, newest first."""
    with db.reader() as session:
        names = dict(session.execute(select(SyncPartner.id, SyncPartner.name)).all())
        entries = [
            HistoryEntry(
                "sent",
                row.package_uuid,
                names.get(row.partner_id, ""),
                row.kind,
                row.seq_from,
                row.seq_to,
                row.period_label,
                row.created_at,
                json.loads(row.counts_json),
                row.acknowledged_at,
                row.outcome,
                row.receipt_uuid,
            )
            for row in session.scalars(select(SyncPackageSent)).all()
        ]
        entries += [
            HistoryEntry(
                "received",
                row.package_uuid,
                names.get(row.partner_id, ""),
                row.kind,
                row.seq_from,
                row.seq_to,
                row.period_label,
                row.imported_at,
                json.loads(row.counts_json),
                row.receipt_written_at,
                "applied",
                row.receipt_uuid,
            )
            for row in session.scalars(select(SyncPackageReceived)).all()
        ]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
