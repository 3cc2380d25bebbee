"""The self-test: one short run through every layer, in a throw-away data folder.

`partydesk --self-test --data-dir DIR` (and the installer's build, on the bundle) runs
these steps one after another and prints one line per step: prepare the folder, migrate
a new database, build a small demo office, print one form, write one workbook, write a
sync package from one office to another and read it back (signature, hashes, counts),
and, when the entry point passes one, start the GUI on the self-test database.

The folder must be new, empty, or a previous self-test's folder (it carries the marker
file `MARKER`): the self-test never writes into a folder that may hold real data. The
GUI check is passed in by the composition root, because only `ui` knows Qt.

For tests only: the environment variable `PARTYDESK_SELF_TEST_FAIL=<step>` makes that
step fail on purpose, so the report of a failing step can be checked end to end.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from partydesk import __version__
from partydesk.codes import MemberStatus
from partydesk.db.base import RecordMixin
from partydesk.db.engine import Database
from partydesk.db.migrate import current_revision, head_revision
from partydesk.db.models import AuditEntry, Member, Organization
from partydesk.documents.package import (
    PACKAGE_SUFFIX,
    AuditRecord,
    Kind,
    KnownSender,
    PackageRecord,
    PackageSpec,
    generate_office_keys,
    known_senders,
    open_package,
    write_package,
)
from partydesk.documents.package.canonical import canonical_bytes
from partydesk.errors import PartydeskError, add_messages
from partydesk.paths import DataPaths
from partydesk.services import database, demo, excel_export, info, office, printing

#: Written into the folder first; a non-empty folder without it is refused.
MARKER = "partydesk-self-test.txt"
#: Environment variable naming a step to fail on purpose (tests only).
FAIL_VARIABLE = "PARTYDESK_SELF_TEST_FAIL"
DEMO_MEMBERS = 50
#: The step names, in order ("gui" only when a GUI check is given).
STEPS = ("folder", "database", "demo", "form", "workbook", "package", "gui")

add_messages(
    {
        "selftest.not_empty": (
            "Thư mục «{path}» đã có dữ liệu và không phải thư mục tự kiểm tra: hãy chọn một"
            " thư mục mới hoặc trống (tự kiểm tra không bao giờ ghi vào dữ liệu thật).",
            "The folder '{path}' holds other files and is not a self-test folder: choose a"
            " new or empty folder (the self-test never writes into real data).",
        ),
        "selftest.check_failed": (
            "Kết quả không như mong đợi: {what}.",
            "Unexpected result: {what}.",
        ),
        "selftest.injected": (
            "Lỗi giả lập theo biến môi trường {variable} (chỉ dùng khi kiểm thử).",
            "Failure injected through {variable} (for tests only).",
        ),
    }
)

#: The sync columns of every record, carried apart from the fields in a package.
_SYNC_COLUMNS = {"id", "uuid", "created_at", "updated_at", "deleted_at", "version"}


@dataclass(frozen=True)
class StepResult:
    """One step's outcome: its name, what it found (one line), and how long it took."""

    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class SelfTestReport:
    """All steps run so far; `ok` when every one passed."""

    folder: Path
    steps: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when at least one step ran and none failed."""
        return bool(self.steps) and all(step.ok for step in self.steps)

    @property
    def failed(self) -> StepResult | None:
        """The failing step, if any."""
        return next((step for step in self.steps if not step.ok), None)


#: The GUI check: given the data paths and the database file, returns its one-line detail.
GuiCheck = Callable[[DataPaths, Path], str]


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise PartydeskError("selftest.check_failed", what=what)


def reason(error: BaseException) -> str:
    """A failure's reason in one line, Vietnamese and English when the error has both."""
    if isinstance(error, PartydeskError):
        return f"{error.message('vi')} / {error.message('en')}"
    first = (str(error).splitlines() or [""])[0]
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def prepare_folder(folder: Path) -> DataPaths:
    """Create `folder`, or empty a previous self-test's folder; refuse anything else.

    Errors: `selftest.not_empty` for a folder holding files without the marker.
    """
    folder = folder.expanduser().resolve()
    if folder.exists():
        entries = list(folder.iterdir())
        if entries and not (folder / MARKER).is_file():
            raise PartydeskError("selftest.not_empty", path=str(folder))
        # Only a folder this self-test made before gets here: clear what it left.
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(
        "Thư mục tự kiểm tra của partydesk: có thể xóa.\n"
        "partydesk self-test folder: safe to delete.\n",
        encoding="utf-8",
    )
    return DataPaths(folder).ensure()


def _json_value(value: Any) -> Any:
    # Package fields are plain JSON values; dates become ISO text in the package itself.
    if isinstance(value, bytes | bytearray | memoryview):
        return None
    return value


def table_records(session: Any, model: type[RecordMixin], origin: str) -> list[PackageRecord]:
    """Every row of `model` as package records (binary columns left out)."""
    columns = [
        column
        for column in model.__table__.columns  # type: ignore[attr-defined]
        if column.name not in _SYNC_COLUMNS
    ]
    records = []
    for row in session.scalars(select(model).order_by(model.id)):
        records.append(
            PackageRecord(
                uuid=row.uuid,
                version=row.version,
                updated_at=row.updated_at,
                origin_office=origin,
                deleted=row.deleted_at is not None,
                fields={column.name: _json_value(getattr(row, column.key)) for column in columns},
            )
        )
    return records


def _audit_object(text: str | None) -> Mapping[str, Any] | None:
    value = json.loads(text) if text else None
    return value if isinstance(value, dict) else None


def audit_records(session: Any, tables: Sequence[str]) -> list[AuditRecord]:
    """The audit entries about `tables` as package audit records."""
    query = select(AuditEntry).where(AuditEntry.table_name.in_(tables)).order_by(AuditEntry.id)
    return [
        AuditRecord(
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            table=entry.table_name,
            record_uuid=entry.record_uuid,
            transaction_uuid=entry.transaction_uuid,
            before=_audit_object(entry.before_json),
            after=_audit_object(entry.after_json),
        )
        for entry in session.scalars(query)
    ]


def process_age() -> float | None:
    """Seconds since this process started, or None where the system does not say.

    Linux: /proc (10 ms ticks); Windows: GetProcessTimes. The self-test adds it to the
    GUI step's time to report the cold start of the program to a usable window.
    """
    try:
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            kernel32 = ctypes.windll.kernel32
            creation, ended, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
            kernel32.GetProcessTimes(
                kernel32.GetCurrentProcess(),
                ctypes.byref(creation),
                ctypes.byref(ended),
                ctypes.byref(kernel),
                ctypes.byref(user),
            )
            kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

            def ticks(value: Any) -> int:
                return (value.dwHighDateTime << 32) | value.dwLowDateTime

            return (ticks(now) - ticks(creation)) / 10_000_000
        stat = Path("/proc/self/stat").read_text()
        # The command name (field 2) may hold spaces: count fields after its ")".
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class _Run:
    """The state shared by the steps of one run."""

    def __init__(self, folder: Path, gui_check: GuiCheck | None) -> None:
        self.folder = folder
        self.gui_check = gui_check
        #: Seconds from the program's start to the self-test's (None: unknown).
        self.boot = process_age()
        self.paths = DataPaths(folder.expanduser().resolve())
        self.db: Database | None = None

    @property
    def open_db(self) -> Database:
        assert self.db is not None, "the database step runs first"
        return self.db

    def folder_step(self) -> str:
        self.paths = prepare_folder(self.folder)
        return str(self.paths.root)

    def database_step(self) -> str:
        self.db = database.open_database(self.paths.database, backup_dir=self.paths.backups)
        revision = current_revision(self.db.engine)
        _check(revision == head_revision(), f"revision {revision}, head {head_revision()}")
        return f"{self.paths.database.name}, revision {revision}"

    def demo_step(self) -> str:
        summary = demo.build_demo_office(self.open_db, members=DEMO_MEMBERS, seed=1)
        counts = info.register_counts(self.open_db)
        people = sum(counts.members_by_status.values())
        # The lifecycle demo adds candidates on top of the register's members.
        _check(people >= summary.members, f"{people} people stored, {summary.members} built")
        return (
            f"«{summary.office_name}»: {summary.organizations} organizations, "
            f"{people} people, {summary.cadres} cadres, {counts.events} events"
        )

    def form_step(self) -> str:
        with self.open_db.reader() as session:
            member_id = session.scalar(
                select(Member.id)
                .where(Member.status == MemberStatus.OFFICIAL.value)
                .order_by(Member.id)
                .limit(1)
            )
        _check(member_id is not None, "no official member in the demo office")
        assert member_id is not None
        printed = printing.print_document(
            self.open_db, printing.PrintRequest("member_sheet", member_id), self.paths.exports
        )
        _check(printed.path.is_file() and printed.pages >= 1, "the PDF has no page")
        head = printed.path.read_bytes()[:5]
        _check(head == b"%PDF-", "the file is not a PDF")
        return f"{printed.path.name}, {printed.pages} page(s)"

    def workbook_step(self) -> str:
        target = self.paths.exports / excel_export.export_file_name("members", date.today())
        result = excel_export.export_members(self.open_db, target)
        workbook = load_workbook(result.path, read_only=True)
        try:
            sheet = workbook.worksheets[0]
            filled = sum(1 for row in sheet.iter_rows(values_only=True) if any(row))
        finally:
            workbook.close()
        _check(result.rows > 0, "the workbook has no member row")
        _check(filled >= result.rows, f"{filled} filled rows read back, {result.rows} written")
        return f"{result.path.name}, {result.rows} rows"

    def package_step(self) -> str:
        the_office = office.get_office(self.open_db)
        sender = generate_office_keys(the_office.uuid, the_office.name)
        recipient = generate_office_keys(
            "00000000-0000-4000-8000-000000000001", "Cấp ủy cấp trên (tự kiểm tra)"
        )
        with self.open_db.reader() as session:
            tables = {
                "organization": table_records(session, Organization, the_office.uuid),
                "member": table_records(session, Member, the_office.uuid),
            }
            audit = audit_records(session, list(tables))
        revision = current_revision(self.open_db.engine) or ""
        spec = PackageSpec(
            kind=Kind.FULL,
            schema_revision=revision,
            program_version=__version__,
            sequence_from=1,
            sequence_to=1,
            period_label="Tự kiểm tra",
        )
        path = self.paths.exports / f"self-test{PACKAGE_SUFFIX}"
        written = write_package(path, spec, tables, audit, sender, recipient.public)
        opened = open_package(path, recipient, known_senders([KnownSender(sender.public)]))
        _check(opened.file_sha256 == written.file_sha256, "the file hash changed")
        for table, records in tables.items():
            back = [canonical_bytes(record.to_json()) for record in opened.records(table)]
            sent = [canonical_bytes(record.to_json()) for record in records]
            _check(back == sent, f"{table}: {len(back)} records read back, {len(sent)} written")
        back_audit = [canonical_bytes(entry.to_json()) for entry in opened.audit()]
        sent_audit = [canonical_bytes(entry.to_json()) for entry in audit]
        _check(back_audit == sent_audit, "the audit entries read back differ")
        counts = ", ".join(f"{len(records)} {table}" for table, records in tables.items())
        return f"{path.name}, {counts}, {len(audit)} audit entries, signature and hashes checked"

    def gui_step(self) -> str:
        assert self.gui_check is not None
        # The window opens the database itself, as the program does: release ours first.
        self.close()
        started = time.perf_counter()
        detail = self.gui_check(self.paths, self.paths.database)
        window = time.perf_counter() - started
        if self.boot is None:
            return detail
        return (
            f"{detail}; cold start to a usable window {self.boot + window:.2f} s "
            f"(program start {self.boot:.2f} s + window {window:.2f} s)"
        )

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def steps(self) -> Iterator[tuple[str, Callable[[], str]]]:
        yield "folder", self.folder_step
        yield "database", self.database_step
        yield "demo", self.demo_step
        yield "form", self.form_step
        yield "workbook", self.workbook_step
        yield "package", self.package_step
        if self.gui_check is not None:
            yield "gui", self.gui_step


def run_self_test(
    folder: Path,
    gui_check: GuiCheck | None = None,
    on_step: Callable[[StepResult], None] | None = None,
) -> SelfTestReport:
    """Run the steps in `folder`, stopping at the first failure; never raises for a step.

    `on_step` is called after each step (the CLI prints it). The GUI step runs only when
    `gui_check` is given. See the module docstring for the folder rule and test hook.
    """
    run = _Run(folder, gui_check)
    report = SelfTestReport(run.paths.root)
    injected = os.environ.get(FAIL_VARIABLE, "")
    try:
        for name, step in run.steps():
            started = time.perf_counter()
            try:
                if name == injected:
                    raise PartydeskError("selftest.injected", variable=FAIL_VARIABLE)
                result = StepResult(name, True, step(), time.perf_counter() - started)
            except Exception as error:  # every failure is reported, named by its step
                result = StepResult(name, False, reason(error), time.perf_counter() - started)
            report.steps.append(result)
            if on_step is not None:
                on_step(result)
            if not result.ok:
                break
    finally:
        run.close()
    return report
