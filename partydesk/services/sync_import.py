"""Import: verify a package, check it against this database, preview it, apply it whole.

Order (docs/sync.md): the format layer's checks (`open_package`: signature, recipient,
registered sender, hashes…), then, still before any write, replay (the same package or a
range already imported: "đã nhập", nothing changes), schema revision, sequence continuity
(a gap is refused unless allowed) and every record's scope. The preview shows what each
record would do; the import applies everything in one transaction with its audit entries,
queues conflicts, and records the package so that importing it again changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from partydesk.db.audit import audit_bulk
from partydesk.db.engine import Database
from partydesk.db.migrate import head_revision
from partydesk.db.models import (
    AuditEntry,
    SyncConflict,
    SyncPackageReceived,
    SyncPartner,
)
from partydesk.documents.package import Kind, OpenedPackage, StoppedError, open_package
from partydesk.documents.package.progress import Progress
from partydesk.errors import PartydeskError, add_messages
from partydesk.services.sync_export import open_epoch, write_receipt
from partydesk.services.sync_keys import ensure_office_keys, known_senders
from partydesk.services.sync_plan import Action, Outcome, Plan, PlannedRecord, plan_package
from partydesk.services.sync_records import (
    UuidMaps,
    record_json,
    resolved_references,
    row_record,
    select_rows,
)

add_messages(
    {
        "sync.schema_mismatch": (
            "Gói được lập với cấu trúc dữ liệu «{found}», chương trình này dùng «{expected}»:"
            " hai đơn vị cần cùng một phiên bản partydesk.",
            "The package was made with database schema '{found}', this program uses"
            " '{expected}': both offices need the same partydesk version.",
        ),
        "sync.gap": (
            "Thiếu gói: đã nhập đến số {last}, gói này bắt đầu từ số {start}."
            " Hãy nhập các gói còn thiếu trước, hoặc cho phép nhập bỏ qua chỗ thiếu.",
            "Missing packages: imported up to {last}, this package starts at {start}."
            " Import the missing packages first, or allow the gap.",
        ),
        "sync.records_refused": (
            "Gói có {count} bản ghi bị từ chối, không nhập gì. Bản ghi đầu tiên: {first}",
            "The package has {count} refused records; nothing was imported. First: {first}",
        ),
        "sync.apply_failed": (
            "Không nhập được gói (dữ liệu trùng hoặc thiếu): {reason}. Dữ liệu không đổi.",
            "The package could not be applied (duplicate or missing data): {reason}."
            " Nothing was changed.",
        ),
        "sync.not_records": (
            "Đây là {kind}, không phải gói dữ liệu để nhập.",
            "This is a {kind} package, not a data package to import.",
        ),
        "sync.unknown_acknowledgement": (
            "Giấy báo nhận nói về gói {package}, không phải gói đơn vị này đã gửi.",
            "The receipt acknowledges package {package}, which this office did not send.",
        ),
    }
)

ALREADY = "already_imported"
GAP = "gap"
READY = "ready"
_TICK = 5000


@dataclass(frozen=True)
class ImportPreview:
    """What importing a package would do, computed without writing anything."""

    package_uuid: str
    kind: str
    sender: str
    seq_from: int | None
    seq_to: int | None
    period_label: str
    created_at: datetime
    status: str  # READY, ALREADY (đã nhập) or GAP
    message: str
    counts: dict[str, int]
    items: tuple[PlannedRecord, ...]


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    package_uuid: str
    sender: str
    status: str  # "applied" or ALREADY
    counts: dict[str, int]
    receipt: Path | None


@dataclass(frozen=True)
class _Checked:
    package: OpenedPackage
    partner: SyncPartner
    status: str
    message: str
    last: int | None


def open_verified(session: Session, path: Path, progress: Progress | None) -> OpenedPackage:
    """Open and verify a package sent to this office by a registered partner."""
    keys, _ = ensure_office_keys(session)
    try:
        return open_package(Path(path), keys, known_senders(session), progress=progress)
    except StoppedError:
        raise PartydeskError("sync.stopped") from None


def _partner(session: Session, package: OpenedPackage) -> SyncPartner:
    partner = session.scalars(
        select(SyncPartner).where(SyncPartner.office_uuid == package.manifest.sender_office_uuid)
    ).first()
    assert partner is not None  # open_package only accepts registered senders
    return partner


def _check(session: Session, package: OpenedPackage) -> _Checked:
    manifest = package.manifest
    if manifest.kind not in (Kind.FULL, Kind.DELTA):
        raise PartydeskError("sync.not_records", kind=str(manifest.kind))
    partner = _partner(session, package)
    if manifest.schema_revision != head_revision():
        raise PartydeskError(
            "sync.schema_mismatch", found=manifest.schema_revision, expected=head_revision()
        )
    seen = session.scalars(
        select(SyncPackageReceived).where(SyncPackageReceived.package_uuid == manifest.package_uuid)
    ).first()
    last = session.scalar(
        select(func.max(SyncPackageReceived.seq_to)).where(
            SyncPackageReceived.partner_id == partner.id
        )
    )
    start, end = manifest.sequence_from or 0, manifest.sequence_to or 0
    if seen is not None:
        message = f"Đã nhập gói này ngày {seen.imported_at:%d/%m/%Y %H:%M} (UTC)."
        return _Checked(package, partner, ALREADY, message, last)
    if last is not None and end <= last:
        message = f"Đã nhập: các số {start}–{end} đã có (đã nhập đến số {last})."
        return _Checked(package, partner, ALREADY, message, last)
    expected = 1 if last is None else last + 1
    if manifest.kind is Kind.DELTA and start > expected:
        message = f"Thiếu gói: đã nhập đến số {expected - 1}, gói này bắt đầu từ số {start}."
        return _Checked(package, partner, GAP, message, last)
    return _Checked(package, partner, READY, "", last)


def preview_package(db: Database, path: Path, progress: Progress | None = None) -> ImportPreview:
    """Verify a package and say what importing it would do, record by record.

    Nothing is written. Errors: package.* (the file failed a check of the format layer),
    sync.not_records, sync.schema_mismatch.
    """
    with db.reader() as session:
        package = open_verified(session, path, progress)
        checked = _check(session, package)
        plan = Plan()
        if checked.status != ALREADY:
            plan = plan_package(session, package, _scope(checked.partner), checked.partner.name)
        manifest = package.manifest
        return ImportPreview(
            manifest.package_uuid,
            str(manifest.kind),
            checked.partner.name,
            manifest.sequence_from,
            manifest.sequence_to,
            manifest.period_label,
            manifest.created_at,
            checked.status,
            checked.message,
            plan.counts(),
            plan.items(),
        )


def _scope(partner: SyncPartner) -> frozenset[str]:
    return frozenset(json.loads(partner.scope_json))


def import_package(
    db: Database,
    path: Path,
    *,
    allow_gap: bool = False,
    receipt: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Verify and apply a package in one transaction; write its receipt to `receipt`.

    A package already imported (same UUID, or a range already covered) changes nothing
    and reports ALREADY. Conflicts go to the queue. Errors, each leaving the database
    unchanged: package.*, sync.not_records, sync.schema_mismatch, sync.gap (unless
    `allow_gap`), sync.records_refused, sync.apply_failed, sync.stopped.
    """
    try:
        with db.session("sync.import") as session:
            package = open_verified(session, path, progress)
            checked = _check(session, package)
            partner = checked.partner
            if checked.status == ALREADY:
                return ImportResult(package.manifest.package_uuid, partner.name, ALREADY, {}, None)
            if checked.status == GAP and not allow_gap:
                raise PartydeskError(
                    "sync.gap",
                    last=checked.last if checked.last is not None else 0,
                    start=package.manifest.sequence_from,
                )
            plan = plan_package(session, package, _scope(partner), partner.name)
            refused = plan.refused()
            if refused:
                first = f"{refused[0].spec.name} {refused[0].record.uuid}: {refused[0].reason}"
                raise PartydeskError("sync.records_refused", count=len(refused), first=first)
            _apply(session, package, partner, plan, progress)
            counts = plan.counts()
            session.add(
                SyncPackageReceived(
                    package_uuid=package.manifest.package_uuid,
                    partner_id=partner.id,
                    kind=str(package.manifest.kind),
                    seq_from=package.manifest.sequence_from,
                    seq_to=package.manifest.sequence_to,
                    period_label=package.manifest.period_label,
                    file_sha256=package.file_sha256,
                    counts_json=json.dumps(counts),
                )
            )
            session.flush()
            package_uuid, sender = package.manifest.package_uuid, partner.name
    except IntegrityError as error:
        reason = str(error.orig).splitlines()[0] if error.orig else "IntegrityError"
        raise PartydeskError("sync.apply_failed", reason=reason) from None
    except StoppedError:
        raise PartydeskError("sync.stopped") from None
    written = write_receipt(db, package_uuid, receipt) if receipt is not None else None
    return ImportResult(package_uuid, sender, "applied", counts, written)


def _sync_columns(action: Action, origin: str) -> dict[str, Any]:
    record = action.record
    return {
        "uuid": record.uuid,
        "version": record.version,
        "sync_base": record.version,
        "updated_at": record.updated_at,
        "deleted_at": (record.updated_at if record.deleted else None),
        "origin_office": record.origin_office or origin,
    }


def _apply(
    session: Session,
    package: OpenedPackage,
    partner: SyncPartner,
    plan: Plan,
    progress: Progress | None,
) -> None:
    maps = UuidMaps(session)
    # Rows are stamped with the open epoch here, once: a SQL default per row would make
    # SQLAlchemy run one INSERT per row to fetch it instead of one executemany.
    epoch = open_epoch(session).open_seq
    total = len(plan.actions)
    done = 0
    by_table: dict[str, list[Action]] = {}
    for action in plan.actions:
        by_table.setdefault(action.spec.name, []).append(action)
    for actions in by_table.values():
        spec = actions[0].spec
        self_refs = [c.key for c in spec.foreign_keys if c.target == spec.name]
        new_rows, updates, self_links, conflicts = [], [], [], []
        agreed: list[dict[str, Any]] = []
        for action in actions:
            done += 1
            if progress is not None and done % _TICK == 0 and progress(done, total) is False:
                raise StoppedError
            if action.outcome is Outcome.CONFLICT:
                conflicts.append(action)
                continue
            if action.agree:
                agreed.append({"_id": action.local_id, "_v": action.record.version})
                continue
            if action.outcome not in (Outcome.NEW, Outcome.UPDATED):
                continue
            values = action.values | resolved_references(
                spec, action.record.fields, maps, skip=self_refs
            )
            values.update(_sync_columns(action, partner.office_uuid))
            values["sync_seq"] = epoch
            deleted_at = action.record.fields.get("deleted_at")
            if action.record.deleted and isinstance(deleted_at, str):
                values["deleted_at"] = datetime.fromisoformat(deleted_at)
            if action.outcome is Outcome.NEW:
                new_rows.append(values)
            else:
                values["_id"] = action.local_id
                updates.append(values)
            if self_refs:
                self_links.append(action)
        table = spec.model.__table__  # type: ignore[attr-defined]
        if new_rows:
            _insert_rows(session, table, new_rows)
            maps.forget(spec.name)
        by_id = update(table).where(table.c.id == bindparam("_id"))
        if updates:
            _executemany(session, by_id, updates)
        if self_links:
            links = []
            for action in self_links:
                references = resolved_references(spec, action.record.fields, maps)
                links.append(
                    {"_id": maps.id_of(spec.name, action.record.uuid)}
                    | {key: references.get(key) for key in self_refs}
                )
            _executemany(session, by_id, links)
        if agreed:
            # Same content on both sides: only the agreed version moves (no new epoch).
            session.execute(
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values(
                    version=bindparam("_v"),
                    sync_base=bindparam("_v"),
                    sync_seq=table.c.sync_seq,
                    updated_at=table.c.updated_at,
                ),
                agreed,
            )
        for action in conflicts:
            queue_conflict(session, action, partner, package.manifest.package_uuid, maps)
        changed = [row["uuid"] for row in new_rows] + [row["uuid"] for row in updates]
        if changed:
            audit_bulk(
                session,
                "sync.import",
                spec.name,
                changed,
                {
                    "package": package.manifest.package_uuid,
                    "sender": partner.name,
                    "new": len(new_rows),
                    "updated": len(updates),
                },
            )
    _copy_audit(session, package, partner)


def _executemany(session: Session, statement: Any, rows: list[dict[str, Any]]) -> None:
    """Core executemany, rows grouped by their keys (one statement per group).

    Core, not the ORM's bulk API: no per-row bookkeeping, one executemany per group.
    """
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        session.execute(statement, group)


def _sqlite_value(value: Any) -> Any:
    # The text forms SQLAlchemy's SQLite Date, DateTime and Boolean types store.
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert new rows: the driver's executemany on SQLite, Core elsewhere.

    On SQLite, SQLAlchemy's per-value processing cost as much as the inserts themselves
    (bench/bench_sync.py); the driver gets the values in the forms SQLAlchemy stores.
    """
    if session.get_bind().dialect.name != "sqlite":
        _executemany(session, insert(table), rows)
        return
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for columns, group in groups.items():
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"
        # Only date, time and boolean columns need converting: most columns are text.
        typed = [
            name for name in columns if isinstance(table.c[name].type, Date | DateTime | Boolean)
        ]
        values = []
        texts: dict[Any, Any] = {}  # rows of one package share many dates and times
        for row in group:
            for name in typed:
                value = row[name]
                text = texts.get(value)
                if text is None:
                    text = texts[value] = _sqlite_value(value)
                row[name] = text
            values.append(tuple(row[name] for name in columns))
        session.connection().exec_driver_sql(sql, values)


def queue_conflict(
    session: Session, action: Action, partner: SyncPartner, package_uuid: str, maps: UuidMaps
) -> None:
    """Put a record changed on both sides into the conflicts queue (or refresh its entry).

    The entry is filed under this office's record, since resolving works on the row that
    is here: for records sent up that is the same uuid as the package's; a catalogue entry
    sent down may match a local entry by code, under another uuid (services/sync_updates.py).
    """
    spec = action.spec
    table = spec.model.__table__  # type: ignore[attr-defined]
    row = session.execute(select_rows(spec).where(table.c.id == action.local_id)).mappings().one()
    ours = record_json(row_record(spec, row, maps, ""))
    theirs = json.dumps(record_json(action.record), ensure_ascii=False, sort_keys=True)
    existing = session.scalars(
        select(SyncConflict).where(
            SyncConflict.table_name == spec.name,
            SyncConflict.record_uuid == ours["uuid"],
            SyncConflict.status == "open",
        )
    ).first()
    if existing is not None:
        existing.theirs_json = theirs
        existing.package_uuid = package_uuid
        return
    session.add(
        SyncConflict(
            partner_id=partner.id,
            package_uuid=package_uuid,
            table_name=spec.name,
            record_uuid=ours["uuid"],
            ours_json=json.dumps(ours, ensure_ascii=False, sort_keys=True),
            theirs_json=theirs,
        )
    )


def copy_audit(session: Session, package: OpenedPackage, partner: SyncPartner) -> None:
    """Copy a package's audit entries here under "actor @ sender" (each transaction once).

    Public for the downward importers (services/sync_updates.py).
    """
    _copy_audit(session, package, partner)


def _copy_audit(session: Session, package: OpenedPackage, partner: SyncPartner) -> None:
    # The sender's audit entries are kept under its name; a transaction already copied (an
    # overlapping range sent again) is not copied twice.
    entries = list(package.audit())
    if not entries:
        return
    incoming = {entry.transaction_uuid for entry in entries}
    present: set[str] = set()
    ordered = sorted(incoming)
    for start in range(0, len(ordered), 2000):
        present.update(
            session.scalars(
                select(AuditEntry.transaction_uuid)
                .where(AuditEntry.transaction_uuid.in_(ordered[start : start + 2000]))
                .distinct()
            ).all()
        )
    rows = [
        {
            "at": entry.at,
            "actor": f"{entry.actor} @ {partner.name}"[:100],
            "action": entry.action,
            "table_name": entry.table,
            "record_uuid": entry.record_uuid,
            "before_json": _dump(entry.before),
            "after_json": _dump(entry.after),
            "transaction_uuid": entry.transaction_uuid,
        }
        for entry in entries
        if entry.transaction_uuid not in present
    ]
    if rows:
        session.execute(insert(AuditEntry), rows)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
