"""Export: a full snapshot or the changes since the last acknowledged package, and receipts.

An export seals the open change epoch (docs/sync.md): every row stamped with an epoch up
to the open one is in range, and later writes get the next epoch. A delta runs from the
epoch after the last range the office above acknowledged, so a package that got lost (no
receipt) is simply covered again by the next one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from partydesk import __version__
from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.migrate import head_revision
from partydesk.db.models import (
    AuditEntry,
    SyncPackageReceived,
    SyncPackageSent,
    SyncPartner,
    SyncState,
)
from partydesk.documents.package import (
    Acknowledgement,
    AuditRecord,
    Kind,
    Outcome,
    PackageRecord,
    PackageSpec,
    StoppedError,
    write_package,
)
from partydesk.documents.package.progress import Progress
from partydesk.errors import PartydeskError, add_messages
from partydesk.services.sync_keys import above_partner, ensure_office_keys, partner_public_key
from partydesk.services.sync_records import (
    TableSpec,
    UuidMaps,
    row_record,
    select_rows,
    upward_specs,
)

add_messages(
    {
        "sync.stopped": ("Đã dừng; không có tệp nào được ghi.", "Stopped; no file was written."),
        "sync.not_received": (
            "Chưa nhập gói {package} nên không lập được giấy báo nhận.",
            "Package {package} was not imported, so no receipt can be written.",
        ),
    }
)


@dataclass(frozen=True)
class ExportResult:
    """A package written for the office above."""

    path: Path
    package_uuid: str
    kind: str
    seq_from: int
    seq_to: int
    counts: dict[str, int]
    audit_entries: int
    recipient: str


def open_epoch(session: Session) -> SyncState:
    """The sync state row (made if a database somehow lacks it)."""
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, open_seq=1)
        session.add(state)
        session.flush()
    return state


def acknowledged(session: Session, partner: SyncPartner) -> tuple[int | None, int]:
    """The highest sequence number and audit id the partner acknowledged as applied."""
    row = session.execute(
        select(func.max(SyncPackageSent.seq_to), func.max(SyncPackageSent.audit_to)).where(
            SyncPackageSent.partner_id == partner.id,
            SyncPackageSent.acknowledged_at.is_not(None),
            SyncPackageSent.outcome == Outcome.APPLIED.value,
        )
    ).one()
    return row[0], row[1] or 0


def _stamp_unstamped(session: Session, seq: int) -> None:
    # Rows written outside SQLAlchemy (raw SQL, other tools) carry no epoch: they join the
    # open one. updated_at is set to itself so its onupdate does not fire.
    for spec in upward_specs():
        table = spec.model.__table__  # type: ignore[attr-defined]
        session.execute(
            update(table)
            .where(table.c.sync_seq.is_(None))
            .values(sync_seq=seq, updated_at=table.c.updated_at)
        )


def _table_records(
    session: Session, spec: TableSpec, maps: UuidMaps, office: str, seq_from: int, seq_to: int
) -> Iterator[PackageRecord]:
    table = spec.model.__table__  # type: ignore[attr-defined]
    query = select_rows(spec).where(table.c.sync_seq.between(seq_from, seq_to))
    for row in session.execute(query.order_by(table.c.id)).mappings():
        yield row_record(spec, row, maps, office)


def _loads(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def _audit_records(session: Session, after_id: int, up_to: int) -> Iterator[AuditRecord]:
    names = {spec.name for spec in upward_specs()}
    query = (
        select(AuditEntry)
        .where(AuditEntry.id > after_id, AuditEntry.id <= up_to)
        .where(AuditEntry.table_name.in_(names))
        .order_by(AuditEntry.id)
    )
    for entry in session.scalars(query):
        yield AuditRecord(
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            table=entry.table_name,
            record_uuid=entry.record_uuid,
            transaction_uuid=entry.transaction_uuid,
            before=_loads(entry.before_json),
            after=_loads(entry.after_json),
        )


def export_package(
    db: Database,
    out: Path,
    *,
    full: bool = False,
    period_label: str = "",
    progress: Progress | None = None,
) -> ExportResult:
    """Write a package for the office above to `out` and record it as sent.

    `full` sends every record (sequence 0 to the sealed epoch); otherwise the changes
    since the last range the office above acknowledged. One transaction: the epoch is
    sealed only if the file was written. `progress(records, 0)` may return False to stop
    (`sync.stopped`, no file, nothing recorded). Errors: sync.no_office, sync.no_above.
    """
    out = Path(out)
    written = False
    try:
        with db.session("sync.export") as session:
            keys, _ = ensure_office_keys(session)
            partner = above_partner(session)
            recipient = partner_public_key(partner)
            state = open_epoch(session)
            seq_to = state.open_seq
            _stamp_unstamped(session, seq_to)
            acked_seq, acked_audit = acknowledged(session, partner)
            seq_from = 0 if full or acked_seq is None else acked_seq + 1
            if not full and acked_seq is None:
                seq_from = 1  # nothing acknowledged yet: every epoch (rows start at 1)
            audit_from = 0 if full else acked_audit
            audit_to = session.scalar(select(func.max(AuditEntry.id))) or 0
            maps = UuidMaps(session)
            tables = {
                spec.name: _table_records(session, spec, maps, keys.office_uuid, seq_from, seq_to)
                for spec in upward_specs()
            }
            kind = Kind.FULL if full else Kind.DELTA
            spec = PackageSpec(
                kind,
                head_revision(),
                __version__,
                sequence_from=seq_from,
                sequence_to=seq_to,
                period_label=period_label,
            )
            audit_counter = [0]

            def audit() -> Iterator[AuditRecord]:
                for entry in _audit_records(session, audit_from, audit_to):
                    audit_counter[0] += 1
                    yield entry

            package = write_package(
                out,
                spec,
                tables,
                audit(),
                keys,
                recipient,
                progress=progress,
            )
            written = True
            counts = dict(package.manifest.counts)
            audit_count = audit_counter[0]
            state.open_seq = seq_to + 1
            session.add(
                SyncPackageSent(
                    package_uuid=package.manifest.package_uuid,
                    partner_id=partner.id,
                    kind=kind.value,
                    seq_from=seq_from,
                    seq_to=seq_to,
                    audit_to=audit_to,
                    period_label=period_label,
                    file_name=out.name,
                    file_sha256=package.file_sha256,
                    counts_json=json.dumps(counts),
                )
            )
            session.flush()
            return ExportResult(
                out,
                package.manifest.package_uuid,
                kind.value,
                seq_from,
                seq_to,
                counts,
                audit_count,
                partner.name,
            )
    except StoppedError:
        raise PartydeskError("sync.stopped") from None
    except BaseException:
        if written:
            out.unlink(missing_ok=True)  # the file must not outlive a rolled-back export
        raise


def write_receipt(db: Database, package_uuid: str, out: Path) -> Path:
    """Write the receipt of an imported package to `out` (again, if it was lost).

    Errors: sync.not_received when no package with that UUID was imported.
    """
    out = Path(out)
    with db.session("sync.receipt_written") as session:
        keys, _ = ensure_office_keys(session)
        received = session.scalars(
            select(SyncPackageReceived).where(SyncPackageReceived.package_uuid == package_uuid)
        ).first()
        if received is None:
            raise PartydeskError("sync.not_received", package=package_uuid)
        partner = session.get(SyncPartner, received.partner_id)
        assert partner is not None
        counts = json.loads(received.counts_json)
        note = ", ".join(f"{name}: {value}" for name, value in sorted(counts.items()) if value)
        acknowledgement = Acknowledgement(
            package_uuid=received.package_uuid,
            sequence_from=received.seq_from,
            sequence_to=received.seq_to,
            package_sha256=received.file_sha256,
            outcome=Outcome.APPLIED,
            note=f"Đã nhập: {note}" if note else "Đã nhập",
        )
        spec = PackageSpec(Kind.RECEIPT, head_revision(), __version__, acknowledges=acknowledgement)
        package = write_package(out, spec, {}, [], keys, partner_public_key(partner))
        received.receipt_uuid = package.manifest.package_uuid
        received.receipt_written_at = utcnow()
    return out
