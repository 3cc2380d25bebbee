"""The self-test: one short run through every layer, in a throw-away data folder.

`partydesk --self-test --data-dir DIR` (and the installer's build, on the bundle) runs
these steps one after another and prints one line per step: prepare the folder, migrate
a new database, build a small demo office, print one form, write one workbook, send the
office's register to an office above (a second database: keys exchanged, the package
signed, encrypted, verified and imported there, the receipt imported back), and, when
the entry point passes one, start the GUI on the self-test database.

The folder must be new, empty, or a previous self-test's folder (it carries the marker
file `MARKER`): the self-test never writes into a folder that may hold real data. The
GUI check is passed in by the composition root, because only `ui` knows Qt.

For tests only: the environment variable `PARTYDESK_SELF_TEST_FAIL=<step>` makes that
step fail on purpose, so the report of a failing step can be checked end to end.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from partydesk.codes import MemberStatus, OrgKind
from partydesk.db.engine import Database
from partydesk.db.migrate import current_revision, head_revision
from partydesk.db.models import Member, Organization
from partydesk.documents.excel.sheet_values import open_workbook
from partydesk.documents.package import PACKAGE_SUFFIX
from partydesk.errors import PartydeskError, add_messages
from partydesk.paths import DataPaths
from partydesk.services import (
    database,
    demo,
    excel_export,
    info,
    office,
    printing,
    sync_export,
    sync_import,
    sync_keys,
    sync_receipts,
)
from partydesk.services.sync_keys import Relation

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

#: The office above that receives the demo office's package (a second database).
ABOVE_DATABASE = "above.sqlite3"
ABOVE_OFFICE = office.OfficeInput(
    name="Ban Tổ chức Tỉnh ủy (tự kiểm tra)",
    superior_name="Tỉnh ủy",
    place_name="Lâm Đồng",
    number_symbol="BTCTU",
    level=OrgKind.PROVINCE.value,
    code="TUKT",
)


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


def _count(db: Database, model: type[Any]) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


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
        # Read back with the Excel import's reader (python-calamine): a bundle that lost
        # it would fail here rather than at a clerk's first import.
        with open_workbook(result.path) as workbook:
            filled = sum(1 for _number, row in workbook.rows().numbered() if any(row))
        _check(result.rows > 0, "the workbook has no member row")
        _check(filled >= result.rows, f"{filled} filled rows read back, {result.rows} written")
        return f"{result.path.name}, {result.rows} rows"

    def package_step(self) -> str:
        # Two offices as in real life: the demo commune sends its full register to an
        # office above (a second database here), which verifies and imports it and
        # returns a receipt, through the same sync services the CLI and the window use.
        folder, db = self.paths.root, self.open_db
        above = database.open_database(folder / ABOVE_DATABASE, backup_dir=self.paths.backups)
        try:
            office.init_office(above, ABOVE_OFFICE)
            ours = sync_keys.write_public_key(db, folder / "office.pdkey")
            theirs = sync_keys.write_public_key(above, folder / "above.pdkey")
            sync_keys.register_partner(
                db, (folder / "above.pdkey").read_bytes(), theirs.fingerprint, Relation.ABOVE
            )
            with db.reader() as session:
                top = session.scalar(
                    select(Organization.code).where(
                        Organization.id == office.get_office(db).organization_id
                    )
                )
            _check(bool(top), "the demo office has no top organization code")
            sync_keys.register_partner(
                above,
                (folder / "office.pdkey").read_bytes(),
                ours.fingerprint,
                Relation.BELOW,
                [str(top)],
            )
            package = self.paths.exports / f"self-test{PACKAGE_SUFFIX}"
            sent = sync_export.export_package(db, package, full=True, period_label="Tự kiểm tra")
            preview = sync_import.preview_package(above, sent.path)
            _check(preview.status == sync_import.READY, f"preview says {preview.status}")
            receipt = self.paths.exports / f"self-test-receipt{PACKAGE_SUFFIX}"
            received = sync_import.import_package(above, sent.path, receipt=receipt)
            records = sum(sent.counts.values())
            new = received.counts.get("new", 0)
            _check(new == records, f"{new} records imported as new, {records} sent")
            members = [_count(one, Member) for one in (db, above)]
            _check(members[0] == members[1], f"members here {members[0]}, above {members[1]}")
            _check(received.receipt is not None, "no receipt written")
            assert received.receipt is not None
            acknowledged = sync_receipts.import_receipt(db, received.receipt)
            _check(acknowledged.status == "applied", f"receipt {acknowledged.status}")
        finally:
            above.close()
        return (
            f"{package.name}: {records} records ({sent.counts.get('member', 0)} members),"
            f" {sent.audit_entries} audit entries, signed and encrypted; imported above"
            f" ({new} new), receipt {acknowledged.outcome}"
        )

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
