"""The provincial hub: import a folder of packages from many offices below, in order.

`import_folder(db, folder, receipts=OUT)` finds every `.pdpkg` in the folder, reads just
enough of each to know its sender and sequence range (the plain header, then the
decrypted manifest: `_peek`), groups the files by sender, orders each sender's files by
their range, and imports them one by one through the ordinary import service
(`sync_import.import_package`: every check of docs/sync.md §5, one transaction per
package, the receipt written into `receipts`). Offices are independent: a package
refused for one office never stops another office. Inside one office a refused package
stops that office's later packages (they would be a gap, refused anyway) unless
`allow_gap`. A file refused by the peek itself (truncated, not a package, for another
office) is reported under its sender when the header names one, otherwise under
UNKNOWN_OFFICE; its position in the sequence is unknown, so it blocks nothing, and the
import's continuity check refuses what follows if it left a gap.

The peek does not verify the signature or the records: it only decides the order. The
import that follows verifies everything, so a forged manifest can at worst change the
order, which the import's continuity check then refuses.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from partydesk.db.engine import Database
from partydesk.db.models import AuditEntry, SyncConflict, SyncPartner
from partydesk.documents.package import DEFAULT_LIMITS, PACKAGE_SUFFIX, Manifest, PackageError
from partydesk.documents.package.container import open_container
from partydesk.documents.package.crypto import check_parties, open_body, read_header
from partydesk.documents.package.keys import OfficeKeyPair, fingerprint_of
from partydesk.documents.package.manifest import MANIFEST_NAME, parse_manifest
from partydesk.errors import PartydeskError, add_messages
from partydesk.services import sync_import
from partydesk.services.sync_keys import ensure_office_keys, partner_public_key
from partydesk.services.sync_plan import Outcome
from partydesk.services.sync_records import UPWARD_MODELS

add_messages(
    {
        "hub.not_a_folder": (
            "«{path}» không phải là thư mục.",
            "'{path}' is not a folder.",
        ),
    }
)

#: Package outcomes in the hub's report.
IMPORTED = "imported"
ALREADY = "already"
REFUSED = "refused"
SKIPPED = "skipped"

#: The group of files whose sender could not be read (not a package, truncated header…).
UNKNOWN_OFFICE = "(không rõ đơn vị gửi)"
AFTER_REFUSED = "Không nhập: gói trước của đơn vị này bị từ chối (sẽ thành gói thiếu)."
AFTER_STOP = "Không nhập: người dùng đã dừng."

#: The record counts the report adds up (the import's counts, by outcome).
RECORD_COUNTS = (
    Outcome.NEW.value,
    Outcome.UPDATED.value,
    Outcome.UNCHANGED.value,
    Outcome.CONFLICT.value,
)

#: Records written by one package from which the PostgreSQL statistics are refreshed.
_ANALYZE_FROM = 1000

#: progress(packages done, packages in all, what is being done); False stops the work.
HubProgress = Callable[[int, int, str], bool | None]


@dataclass
class PackageOutcome:
    """What the hub did with one file."""

    file: Path
    status: str  # IMPORTED, ALREADY, REFUSED or SKIPPED
    kind: str = ""
    seq_from: int | None = None
    seq_to: int | None = None
    reason: str = ""  # Vietnamese: why refused or skipped, or the "đã nhập" note
    counts: dict[str, int] = field(default_factory=dict)
    receipt: Path | None = None
    seconds: float = 0.0


@dataclass
class OfficeReport:
    """One office below: its packages in the order they were taken, and the totals."""

    office: str
    office_uuid: str
    packages: list[PackageOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many of this office's packages ended with `status`."""
        return sum(1 for package in self.packages if package.status == status)

    @property
    def records(self) -> dict[str, int]:
        """Records new, updated, unchanged and in conflict, over the imported packages."""
        totals = dict.fromkeys(RECORD_COUNTS, 0)
        for package in self.packages:
            for name in RECORD_COUNTS:
                totals[name] += package.counts.get(name, 0)
        return totals

    @property
    def seconds(self) -> float:
        """Time spent importing this office's packages."""
        return sum(package.seconds for package in self.packages)

    @property
    def rows_per_second(self) -> float:
        """Records taken per second of import (0 when nothing was imported)."""
        seconds = sum(p.seconds for p in self.packages if p.status == IMPORTED)
        return sum(self.records.values()) / seconds if seconds > 0 else 0.0


@dataclass
class HubReport:
    """The whole folder: one report per office, files ignored, the time taken."""

    folder: Path
    offices: list[OfficeReport] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)  # this office's own packages
    seconds: float = 0.0
    stopped: bool = False

    def count(self, status: str) -> int:
        """Packages with `status` over every office."""
        return sum(office.count(status) for office in self.offices)

    @property
    def records(self) -> dict[str, int]:
        """Records by outcome over every office."""
        totals = dict.fromkeys(RECORD_COUNTS, 0)
        for office in self.offices:
            for name, count in office.records.items():
                totals[name] += count
        return totals

    @property
    def rows_per_second(self) -> float:
        """Records taken per second of the whole run."""
        return sum(self.records.values()) / self.seconds if self.seconds > 0 else 0.0


@dataclass
class _Found:
    path: Path
    office_uuid: str  # "" when the sender could not be read
    manifest: Manifest | None
    error: str = ""


def package_files(folder: Path, *, recursive: bool = False) -> list[Path]:
    """The `.pdpkg` files of `folder` (and its subfolders if `recursive`), by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PartydeskError("hub.not_a_folder", path=str(folder))
    pattern = f"**/*{PACKAGE_SUFFIX}" if recursive else f"*{PACKAGE_SUFFIX}"
    return sorted(path for path in folder.glob(pattern) if path.is_file())


def _peek(path: Path, me: OfficeKeyPair, senders: dict[bytes, str]) -> _Found:
    """Sender and manifest of one file: the header, the decrypted body, the manifest only.

    The expensive checks (signature, hashes, every line) are left to the import.
    """
    office_uuid = ""
    try:
        with path.open("rb") as stream:
            header = read_header(stream, os.fstat(stream.fileno()).st_size, DEFAULT_LIMITS)
            if header.sender_key_id == me.public.key_id:
                return _Found(path, me.office_uuid, None)  # our own receipt or update
            office_uuid = senders.get(header.sender_key_id, "")
            if not office_uuid:
                raise PackageError(
                    "package.unknown_sender", fingerprint=fingerprint_of(header.sender_key_id)
                )
            check_parties(header, me)
            body, _ = open_body(stream, header, me)
        container = open_container(body, DEFAULT_LIMITS)
        manifest = parse_manifest(container.read(MANIFEST_NAME, DEFAULT_LIMITS.max_manifest_size))
    except OSError as error:
        return _Found(path, office_uuid, None, error.strerror or str(error))
    except PackageError as error:
        return _Found(path, office_uuid, None, error.at(path.name).message())
    return _Found(path, office_uuid, manifest)


def _natural(name: str) -> tuple[tuple[int, int | str], ...]:
    # "Xã Số 2" before "Xã Số 10".
    return tuple(
        (1, int(part)) if part.isdigit() else (0, part) for part in re.split(r"(\d+)", name)
    )


def _order_key(found: _Found) -> tuple[int, int, str]:
    # By the end of the range, then its start: a full package sent after deltas (an office
    # starting over) comes after them, and a delta overlapping a full one comes after it.
    manifest = found.manifest
    assert manifest is not None
    return (manifest.sequence_to or 0, manifest.sequence_from or 0, found.path.name)


def _scan(db: Database, files: list[Path]) -> tuple[OfficeKeyPair, dict[str, str], list[_Found]]:
    with db.reader() as session:
        me, _ = ensure_office_keys(session)
        partners = session.scalars(select(SyncPartner)).all()
        names = {row.office_uuid: row.name for row in partners}
        by_key = {partner_public_key(row).key_id: row.office_uuid for row in partners}
    return me, names, [_peek(path, me, by_key) for path in files]


def import_folder(
    db: Database,
    folder: Path,
    *,
    receipts: Path | None = None,
    allow_gap: bool = False,
    recursive: bool = False,
    progress: HubProgress | None = None,
) -> HubReport:
    """Import every package of `folder`, office by office, each office's in sequence order.

    Each package is its own transaction (`sync_import.import_package`); its receipt goes
    into `receipts` (made if missing) as NAME-bao-nhan.pdpkg. Nothing raises for a bad
    package: the report says what was imported, already there ("đã nhập"), refused (with
    the Vietnamese reason, the database unchanged for that package) or skipped. Files the
    hub sent itself (receipts, updates) are ignored. `progress` may stop the run between
    packages or inside one (that package is rolled back); the report then has `stopped`.
    """
    started = time.perf_counter()
    folder = Path(folder)
    files = [
        path
        for path in package_files(folder, recursive=recursive)
        if receipts is None or Path(receipts) not in path.parents
    ]
    me, names, found = _scan(db, files)
    report = HubReport(folder)
    groups: dict[str, list[_Found]] = {}
    for item in found:
        if item.office_uuid == me.office_uuid and item.manifest is None and not item.error:
            report.ignored.append(item.path)
            continue
        groups.setdefault(item.office_uuid, []).append(item)
    if receipts is not None:
        Path(receipts).mkdir(parents=True, exist_ok=True)
    total = sum(len(items) for items in groups.values())
    done = 0
    # Offices in name order, files without a readable sender last.
    order = sorted(groups, key=lambda uuid: (uuid == "", _natural(names.get(uuid, "")), uuid))
    for office_uuid in order:
        office = OfficeReport(names.get(office_uuid, UNKNOWN_OFFICE), office_uuid)
        report.offices.append(office)
        items = groups[office_uuid]
        for item in items:
            if item.manifest is None:
                office.packages.append(PackageOutcome(item.path, REFUSED, reason=item.error))
                done += 1
        blocked = ""
        for item in sorted((i for i in items if i.manifest is not None), key=_order_key):
            manifest = item.manifest
            assert manifest is not None
            outcome = PackageOutcome(
                item.path, SKIPPED, str(manifest.kind), manifest.sequence_from, manifest.sequence_to
            )
            office.packages.append(outcome)
            if report.stopped or blocked:
                outcome.reason = AFTER_STOP if report.stopped else blocked
                done += 1
                continue
            if progress is not None and progress(done, total, item.path.name) is False:
                report.stopped = True
                outcome.reason = AFTER_STOP
                done += 1
                continue
            _import_one(db, item.path, outcome, receipts, allow_gap, progress, done, total)
            if outcome.status == IMPORTED:
                _refresh_statistics(db, outcome.counts)
            if outcome.status == SKIPPED:  # stopped inside the package, rolled back
                report.stopped = True
            elif outcome.status == REFUSED and not allow_gap:
                blocked = AFTER_REFUSED
            done += 1
    if progress is not None and not report.stopped:
        progress(done, total, "")
    report.seconds = time.perf_counter() - started
    return report


def _refresh_statistics(db: Database, counts: dict[str, int]) -> None:
    """On PostgreSQL, ANALYZE the tables a large package filled, before the next package.

    The planner's row estimates of tables that were empty a moment ago make the next
    office's lookups choose sequential scans: at 10 offices × 5,000 members the second
    and third offices took 6 to 10 times as long as the others until autovacuum's own
    ANALYZE caught up (bench/README.md). SQLite plans without such statistics.
    """
    written = counts.get(Outcome.NEW.value, 0) + counts.get(Outcome.UPDATED.value, 0)
    if db.is_sqlite or written < _ANALYZE_FROM:
        return
    names = [model.__table__.name for model in UPWARD_MODELS]  # type: ignore[attr-defined]
    names += [AuditEntry.__tablename__, SyncConflict.__tablename__]
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"ANALYZE {', '.join(names)}")


def _import_one(
    db: Database,
    path: Path,
    outcome: PackageOutcome,
    receipts: Path | None,
    allow_gap: bool,
    progress: HubProgress | None,
    done: int,
    total: int,
) -> None:
    def inner(lines: int, lines_total: int) -> bool | None:
        assert progress is not None
        shown = f"{lines:,}/{lines_total:,}" if lines_total else f"{lines:,}"
        return progress(done, total, f"{path.name}: {shown}")

    receipt = receipts / f"{path.stem}-bao-nhan{PACKAGE_SUFFIX}" if receipts is not None else None
    started = time.perf_counter()
    try:
        result = sync_import.import_package(
            db,
            path,
            allow_gap=allow_gap,
            receipt=receipt,
            progress=inner if progress is not None else None,
        )
    except PartydeskError as error:
        stopped = error.code == "sync.stopped"
        outcome.status = SKIPPED if stopped else REFUSED
        outcome.reason = AFTER_STOP if stopped else error.message()
        outcome.seconds = time.perf_counter() - started
        return
    outcome.seconds = time.perf_counter() - started
    if result.status == sync_import.ALREADY:
        outcome.status = ALREADY
        outcome.reason = "Đã nhập trước đây; không thay đổi gì."
        return
    outcome.status = IMPORTED
    outcome.counts = dict(result.counts)
    outcome.receipt = result.receipt
