"""Downward updates: catalogue entries, dated rules and decisions made above, sent down.

The office above sends an office below, in a `downward` package (`export_updates_down`):
its catalogue entries that differ from the shipped ones (new, renamed, deactivated), its
administrator's dated rule rows (never the shipped defaults), and the member events it
recorded itself for members born at that office (an admission or recognition decision…).
The office below previews (`preview_updates`) and imports (`import_updates`) it with the
guarantees of an upward import: every check before any write, one audited transaction,
conflicts queued and never overwritten, the same package twice changes nothing, a gap in
the sequence is refused unless allowed, and a receipt goes back up. docs/sync.md §9.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from partydesk import __version__
from partydesk.db.engine import Database
from partydesk.db.migrate import head_revision
from partydesk.db.models import (
    AuditEntry,
    CatalogueItem,
    Member,
    MemberEvent,
    RuleParameterRow,
    SyncPackageReceived,
    SyncPackageSent,
    SyncPartner,
)
from partydesk.documents.package import (
    AuditRecord,
    Kind,
    OpenedPackage,
    PackageRecord,
    PackageSpec,
)
from partydesk.documents.package import Outcome as AckOutcome
from partydesk.documents.package import write_package as write_package_file
from partydesk.documents.package.progress import Progress
from partydesk.errors import PartydeskError, add_messages
from partydesk.services.catalogues import shipped_entries
from partydesk.services.members import refresh_state
from partydesk.services.sync_export import open_epoch, write_receipt
from partydesk.services.sync_import import (
    ALREADY,
    GAP,
    READY,
    ImportPreview,
    ImportResult,
    copy_audit,
    import_package,
    open_verified,
    preview_package,
    queue_conflict,
)
from partydesk.services.sync_keys import Relation, ensure_office_keys, partner_public_key
from partydesk.services.sync_plan import Outcome, PlannedRecord
from partydesk.services.sync_records import (
    TableSpec,
    UuidMaps,
    row_record,
    select_rows,
    table_spec,
)
from partydesk.services.sync_updates_plan import UPDATE_TABLES, UpdatePlan, plan_updates

add_messages(
    {
        "sync.not_updates_package": (
            "Gói này không phải gói cập nhật từ cấp trên (danh mục, quy định, quyết định);"
            " gói đảng viên chuyển đến được mở bằng «Tiếp nhận» (sync receive).",
            "This package is not an update package from the office above"
            " (catalogues, rules, decisions); a package bringing a transferred member is"
            " opened with «Receive» (sync receive).",
        ),
        "sync.not_from_above": (
            "Gói cập nhật phải do đơn vị cấp trên gửi; «{sender}» là đơn vị cấp dưới.",
            "Update packages must come from the office above; '{sender}' is an office below.",
        ),
    }
)

#: The kind recorded for these packages in the sent / received history ("downward" is
#: an incoming transfer): their sequence ranges are counted apart from transfers.
UPDATES = "updates"

#: Preview labels of the tables (the CLI and the GUI show them).
TABLE_LABELS = {
    "catalogue_item": "Danh mục",
    "rule_parameter": "Quy định",
    "member_event": "Quyết định cấp trên",
}


@dataclass(frozen=True)
class UpdatesResult:
    """An update package written for an office below."""

    path: Path
    package_uuid: str
    recipient: str
    seq_from: int
    seq_to: int
    counts: dict[str, int]


# --- the office above -------------------------------------------------------------


def _partner_below(session: Session, ref: str) -> SyncPartner:
    for row in session.scalars(
        select(SyncPartner).where(SyncPartner.relation == Relation.BELOW.value)
    ).all():
        if ref in (row.office_uuid, row.name, row.fingerprint):
            return row
    raise PartydeskError("sync.unknown_partner", ref=ref)


def _acknowledged(session: Session, partner: SyncPartner) -> int | None:
    return session.scalar(
        select(func.max(SyncPackageSent.seq_to)).where(
            SyncPackageSent.partner_id == partner.id,
            SyncPackageSent.kind == UPDATES,
            SyncPackageSent.acknowledged_at.is_not(None),
            SyncPackageSent.outcome == AckOutcome.APPLIED.value,
        )
    )


def _records(
    session: Session, spec: TableSpec, query: Any, maps: UuidMaps, office: str
) -> list[PackageRecord]:
    return [row_record(spec, row, maps, office) for row in session.execute(query).mappings()]


def _loads(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def _audit_of(session: Session, tables: dict[str, list[PackageRecord]]) -> list[AuditRecord]:
    """The audit entries of the records sent: who above made the decision, and when."""
    uuids = sorted(record.uuid for records in tables.values() for record in records)
    entries: list[AuditRecord] = []
    for start in range(0, len(uuids), 2000):
        query = (
            select(AuditEntry)
            .where(
                AuditEntry.record_uuid.in_(uuids[start : start + 2000]),
                AuditEntry.table_name.in_(UPDATE_TABLES),
            )
            .order_by(AuditEntry.id)
        )
        entries.extend(
            AuditRecord(
                at=entry.at,
                actor=entry.actor,
                action=entry.action,
                table=entry.table_name,
                record_uuid=entry.record_uuid,
                transaction_uuid=entry.transaction_uuid,
                before=_loads(entry.before_json),
                after=_loads(entry.after_json),
            )
            for entry in session.scalars(query)
        )
    return sorted(entries, key=lambda entry: entry.at)


def export_updates_down(
    db: Database, to_office: str, out: Path, *, period_label: str = ""
) -> UpdatesResult:
    """Write the update package for office below `to_office` (UUID, name or fingerprint).

    It holds what changed here since the last update package that office acknowledged:
    catalogue entries that are not shipped or differ from the shipped ones, the
    administrator's rule rows (reverted ones as tombstones; shipped defaults never), and
    the member events recorded here for members born at that office. Seals the open epoch
    like an upward export. Errors: sync.unknown_partner, sync.no_office.
    """
    out = Path(out)
    written = False
    try:
        with db.session("sync.export_updates") as session:
            keys, _ = ensure_office_keys(session)
            partner = _partner_below(session, to_office)
            state = open_epoch(session)
            seq_to = state.open_seq
            acked = _acknowledged(session, partner)
            seq_from = 1 if acked is None else acked + 1
            maps = UuidMaps(session)
            shipped = shipped_entries()
            catalogue = table_spec(CatalogueItem)
            in_range = CatalogueItem.sync_seq.between(seq_from, seq_to)
            entries = [
                record
                for record in _records(
                    session,
                    catalogue,
                    select_rows(catalogue).where(in_range),
                    maps,
                    keys.office_uuid,
                )
                if record.version > 1
                or (record.fields["catalogue"], record.fields["code"]) not in shipped
            ]
            rules = table_spec(RuleParameterRow)
            rule_query = select_rows(rules).where(
                RuleParameterRow.is_default.is_(False),
                RuleParameterRow.sync_seq.between(seq_from, seq_to),
            )
            events = table_spec(MemberEvent)
            event_query = (
                select_rows(events)
                .join(Member, MemberEvent.member_id == Member.id)
                .where(
                    MemberEvent.origin_office.is_(None),
                    Member.origin_office == partner.office_uuid,
                    MemberEvent.sync_seq.between(seq_from, seq_to),
                )
            )
            tables = {
                "catalogue_item": entries,
                "rule_parameter": _records(session, rules, rule_query, maps, keys.office_uuid),
                "member_event": _records(session, events, event_query, maps, keys.office_uuid),
            }
            spec = PackageSpec(
                Kind.DOWNWARD,
                head_revision(),
                __version__,
                sequence_from=seq_from,
                sequence_to=seq_to,
                period_label=period_label,
            )
            audit = _audit_of(session, tables)
            recipient = partner_public_key(partner)
            package = write_package_file(out, spec, tables, audit, keys, recipient)
            written = True
            counts = dict(package.manifest.counts)
            state.open_seq = seq_to + 1
            session.add(
                SyncPackageSent(
                    package_uuid=package.manifest.package_uuid,
                    partner_id=partner.id,
                    kind=UPDATES,
                    seq_from=seq_from,
                    seq_to=seq_to,
                    period_label=period_label,
                    file_name=out.name,
                    file_sha256=package.file_sha256,
                    counts_json=json.dumps(counts),
                )
            )
            session.flush()
            return UpdatesResult(
                out, package.manifest.package_uuid, partner.name, seq_from, seq_to, counts
            )
    except BaseException:
        if written:
            out.unlink(missing_ok=True)  # the file must not outlive a rolled-back export
        raise


# --- the office below: checks ------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    package: OpenedPackage
    partner: SyncPartner
    status: str
    message: str
    last: int | None


def is_updates_package(package: OpenedPackage) -> bool:
    """True when a verified package is a downward update package (not a transfer)."""
    return package.manifest.kind is Kind.DOWNWARD and set(package.manifest.counts) <= set(
        UPDATE_TABLES
    )


def _check(session: Session, package: OpenedPackage) -> _Checked:
    manifest = package.manifest
    if manifest.kind is not Kind.DOWNWARD:
        raise PartydeskError("sync.not_records", kind=str(manifest.kind))
    if not is_updates_package(package):
        raise PartydeskError("sync.not_updates_package")
    partner = session.scalars(
        select(SyncPartner).where(SyncPartner.office_uuid == manifest.sender_office_uuid)
    ).one()
    if partner.relation != Relation.ABOVE.value:
        raise PartydeskError("sync.not_from_above", sender=partner.name)
    if manifest.schema_revision != head_revision():
        raise PartydeskError(
            "sync.schema_mismatch", found=manifest.schema_revision, expected=head_revision()
        )
    seen = session.scalars(
        select(SyncPackageReceived).where(SyncPackageReceived.package_uuid == manifest.package_uuid)
    ).first()
    last = session.scalar(
        select(func.max(SyncPackageReceived.seq_to)).where(
            SyncPackageReceived.partner_id == partner.id, SyncPackageReceived.kind == UPDATES
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
    if start > expected:
        message = f"Thiếu gói: đã nhập đến số {expected - 1}, gói này bắt đầu từ số {start}."
        return _Checked(package, partner, GAP, message, last)
    return _Checked(package, partner, READY, "", last)


def preview_updates(db: Database, path: Path) -> ImportPreview:
    """Verify an update package from the office above and say what importing it would do.

    Nothing is written. Errors: package.*, sync.not_records, sync.not_updates_package,
    sync.not_from_above, sync.schema_mismatch.
    """
    with db.reader() as session:
        package = open_verified(session, Path(path), None)
        checked = _check(session, package)
        plan = UpdatePlan()
        if checked.status != ALREADY:
            plan = plan_updates(session, package)
        manifest = package.manifest
        return ImportPreview(
            manifest.package_uuid,
            UPDATES,
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


# --- the office below: applying ---------------------------------------------------


def _sync_values(record: PackageRecord, origin: str) -> dict[str, Any]:
    return {
        "uuid": record.uuid,
        "version": record.version,
        "sync_base": record.version,
        "origin_office": record.origin_office or origin,
        "deleted_at": record.updated_at if record.deleted else None,
    }


def _keep_version(session: Session, record_uuid: str) -> None:
    # The version is the sender's, set by hand: the audit hook must not add a step.
    session.info.setdefault("versioned", set()).add(record_uuid)


def _set(obj: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)


def _apply(
    session: Session, package: OpenedPackage, partner: SyncPartner, plan: UpdatePlan
) -> None:
    maps = UuidMaps(session)
    origin = partner.office_uuid
    touched: set[int] = set()
    for action in plan.actions:
        record = action.record
        model = action.spec.model
        if action.outcome is Outcome.CONFLICT:
            queue_conflict(session, action, partner, package.manifest.package_uuid, maps)
            continue
        adopt = record.uuid in plan.adopt
        if action.outcome not in (Outcome.NEW, Outcome.UPDATED) and not adopt:
            continue
        values = dict(action.values)
        if model is MemberEvent:
            values["member_id"] = maps.id_of("member", record.fields.get("member_uuid"))
            values["organization_id"] = maps.id_of(
                "organization", record.fields.get("organization_uuid")
            )
            # Applied here, not changed here: kept out of this office's upward deltas.
            values["sync_seq"] = 0
            touched.add(values["member_id"])
        if model is RuleParameterRow:
            values["is_default"] = False
        values.update(_sync_values(record, origin))
        _keep_version(session, record.uuid)
        if action.outcome is Outcome.NEW:
            session.add(model(**values))
        else:
            obj = session.get(model, action.local_id)
            assert obj is not None
            if adopt:
                values = {name: values[name] for name in ("uuid", "version", "sync_base")}
            _set(obj, values)
    session.flush()
    # One read of the members and one flush for all of them (no autoflush per member).
    ordered = sorted(touched)
    with session.no_autoflush:
        for start in range(0, len(ordered), 2000):
            chunk = ordered[start : start + 2000]
            for member in session.scalars(select(Member).where(Member.id.in_(chunk))):
                refresh_state(session, member)
    session.flush()


def import_updates(
    db: Database,
    path: Path,
    *,
    allow_gap: bool = False,
    receipt: Path | None = None,
) -> ImportResult:
    """Verify and apply an update package from the office above in one transaction.

    Every record is written through the ORM (one audit entry each) under the action
    "sync.import_updates"; decisions recompute their member's status as if recorded here.
    A package already imported changes nothing (ALREADY). Errors, each leaving the database
    unchanged: package.*, sync.not_records, sync.not_updates_package, sync.not_from_above,
    sync.schema_mismatch, sync.gap (unless `allow_gap`), sync.records_refused.
    """
    with db.session("sync.import_updates") as session:
        package = open_verified(session, Path(path), None)
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
        plan = plan_updates(session, package)
        refused = plan.refused()
        if refused:
            first = f"{refused[0].spec.name} {refused[0].record.uuid}: {refused[0].reason}"
            raise PartydeskError("sync.records_refused", count=len(refused), first=first)
        try:
            _apply(session, package, partner, plan)
        except IntegrityError as error:
            reason = str(error.orig).splitlines()[0] if error.orig else "IntegrityError"
            raise PartydeskError("sync.apply_failed", reason=reason) from None
        copy_audit(session, package, partner)
        counts = plan.counts()
        session.add(
            SyncPackageReceived(
                package_uuid=package.manifest.package_uuid,
                partner_id=partner.id,
                kind=UPDATES,
                seq_from=package.manifest.sequence_from,
                seq_to=package.manifest.sequence_to,
                period_label=package.manifest.period_label,
                file_sha256=package.file_sha256,
                counts_json=json.dumps(counts),
            )
        )
        session.flush()
        package_uuid, sender = package.manifest.package_uuid, partner.name
    written = write_receipt(db, package_uuid, receipt) if receipt is not None else None
    return ImportResult(package_uuid, sender, "applied", counts, written)


def table_label(table: str) -> str:
    """The Vietnamese label of an update table (the table name for others)."""
    return TABLE_LABELS.get(table, table)


def updates_counts(items: Iterable[PlannedRecord]) -> dict[str, dict[str, int]]:
    """Table label -> outcome -> count, for a preview that groups by kind of update."""
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        per = counts.setdefault(table_label(item.table), {})
        per[item.outcome.value] = per.get(item.outcome.value, 0) + 1
    return counts


def _is_downward(error: PartydeskError) -> bool:
    return error.code == "sync.not_records" and error.params.get("kind") == Kind.DOWNWARD.value


def preview_file(db: Database, path: Path, progress: Progress | None = None) -> ImportPreview:
    """Preview any package to import here: upward (full, delta) or a downward update.

    The one entry point for a preview screen: `kind` is UPDATES for an update package.
    Errors: those of `preview_package` and `preview_updates`.
    """
    try:
        return preview_package(db, path, progress)
    except PartydeskError as error:
        if not _is_downward(error):
            raise
    return preview_updates(db, path)


def import_file(
    db: Database,
    path: Path,
    *,
    allow_gap: bool = False,
    receipt: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import any package: upward (`import_package`) or a downward update (`import_updates`).

    Errors: those of either function; the database is unchanged after each.
    """
    try:
        return import_package(db, path, allow_gap=allow_gap, receipt=receipt, progress=progress)
    except PartydeskError as error:
        if not _is_downward(error):
            raise
    return import_updates(db, path, allow_gap=allow_gap, receipt=receipt)
