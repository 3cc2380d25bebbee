"""«Xuất Excel…» on the member register, the cadre page and the organization page.

The save dialog is replaced (no native dialog in tests); every workbook is read back and
compared with what the page's table shows.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from partydesk.services.excel_export import (
    LIST_BOOK_COLUMNS,
    MEMBER_COLUMNS,
    ExportResult,
    export_members,
)
from partydesk.services.member_queries import MemberFilter, member_list_page
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.excel_export import (
    LAST_FOLDER_KEY,
    ExcelExportDialog,
    default_export_folder,
)
from partydesk.ui.pages.cadres import CadresPage
from partydesk.ui.pages.members import MembersPage
from partydesk.ui.pages.organizations import OrganizationsPage
from partydesk.ui.tasks import TaskRunner
from tests.conftest import TODAY


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers `answer`, records what it was asked."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _parent, _title, suggested, _filter, *_rest, **_kw) -> tuple[str, str]:
        self.asked.append(suggested)
        return (str(self.answer) if self.answer else "", "")


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    """URLs «Mở thư mục» would open (never a real file manager in tests)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def _rows(path: Path) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


@pytest.fixture
def members_page(qtbot, demo_ctx) -> MembersPage:
    widget = MembersPage(demo_ctx)
    widget.today = TODAY
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_member_export_is_what_the_table_shows(qtbot, members_page, tmp_path, monkeypatch, opened):
    page = members_page
    # The clerk's view: women only, CCCD hidden, the status column first, by birth date down.
    page.sex_filter.setCurrentIndex(page.sex_filter.findData("nữ"))
    page.set_column_visible("cccd", False)
    page.set_column_visible("ethnicity", True)
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(page.model.column_index("status")), 0)
    page.table.sortByColumn(page.model.column_index("birth_date"), Qt.SortOrder.DescendingOrder)
    shown = page.visible_columns()
    assert shown[0] == "status"
    assert "cccd" not in shown
    assert "ethnicity" in shown
    target = tmp_path / "out" / "nu"
    save = SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    # The dialog started in the data folder's exports with a readable name.
    assert save.asked == [str(tmp_path / "exports" / "Danh-sach-dang-vien-2026-11-23.xlsx")]
    written = target.with_name("nu.xlsx")
    dialog = page.findChild(ExcelExportDialog)
    assert dialog is not None
    assert dialog.exported == ExportResult(written, page.model.rowCount())
    assert str(written) in dialog.result_label.text()
    assert dialog.folder_button.isEnabled()
    assert not dialog.stop_button.isEnabled()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(written.parent))]
    rows = _rows(written)
    assert list(rows[2]) == [MEMBER_COLUMNS[key][0] for key in shown]
    expected = member_list_page(
        page.ctx.db,
        0,
        page.model.rowCount(),
        page.model.filters,
        page.model.sort_key,
        page.model.descending,
    )
    assert len(rows) - 3 == len(expected) == page.model.rowCount() > 0
    name, birth, status = shown.index("name"), shown.index("birth_date"), shown.index("status")
    assert [row[name] for row in rows[3:]] == [m.full_name for m in expected]
    births = [row[birth] for row in rows[3:]]
    assert all(isinstance(b, datetime | int) for b in births)
    assert {row[status] for row in rows[3:]} <= {
        "Đảng viên chính thức",
        "Đảng viên dự bị",
        "Miễn công tác và sinh hoạt",
    }
    sex = shown.index("sex")
    assert {row[sex] for row in rows[3:]} == {"Nữ"}
    # The next save dialog starts where this one saved.
    assert page.ctx.settings.value(LAST_FOLDER_KEY) == str(written.parent)
    assert default_export_folder(page.ctx.settings) == written.parent


def test_cancelled_save_dialog_writes_nothing(qtbot, members_page, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(None))
    assert members_page.export_excel() is None
    assert members_page.findChild(ExcelExportDialog) is None
    assert list(tmp_path.rglob("*.xlsx")) == []


def test_stop_leaves_no_file_and_an_old_file_untouched(qtbot, demo_ctx, tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"the clerk's earlier file")
    db = demo_ctx.db

    def work(progress):
        return export_members(db, path, MemberFilter(today=TODAY), None, progress=progress)

    dialog = ExcelExportDialog(demo_ctx, path, work, "Xuất")
    qtbot.addWidget(dialog)
    # «Dừng» as soon as the first count arrives.
    dialog.progressed.connect(lambda _done, _total: dialog.stop_button.click())
    dialog.start()
    assert dialog.exported is None
    assert dialog.error == "Đã dừng: không có tệp nào được ghi."
    assert dialog.result_label.text() == dialog.error
    assert not dialog.folder_button.isEnabled()
    assert dialog.close_button.isEnabled()
    assert path.read_bytes() == b"the clerk's earlier file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == ["old.xlsx"]


def test_export_on_the_real_worker_reports_progress(qtbot, demo_ctx, tmp_path):
    runner = TaskRunner()
    ctx = UiContext(db=demo_ctx.db, runner=runner, settings=demo_ctx.settings)
    path = tmp_path / "worker.xlsx"
    db = demo_ctx.db
    seen: list[tuple[int, int]] = []
    dialog = ExcelExportDialog(
        ctx,
        path,
        lambda progress: export_members(db, path, MemberFilter(today=TODAY), progress=progress),
        "Xuất",
    )
    qtbot.addWidget(dialog)
    dialog.progressed.connect(lambda done, total: seen.append((done, total)))
    try:
        with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
            dialog.start()
    finally:
        runner.shutdown()
    assert dialog.exported is not None
    total = dialog.exported.rows
    assert seen[0] == (0, total)
    assert seen[-1] == (total, total)
    assert dialog.progress.value() == dialog.progress.maximum()
    assert len(_rows(path)) == total + 3


def test_cadre_export_follows_the_filter_and_sort(qtbot, demo_ctx, tmp_path, monkeypatch):
    page = CadresPage(demo_ctx)
    qtbot.addWidget(page)
    page.filter.setText("chu tich")
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by birth date, youngest first
    shown = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert 0 < len(shown) < page.model.total()
    target = tmp_path / "cadres.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ExcelExportDialog)
    assert dialog is not None
    assert dialog.exported == ExportResult(target, len(shown))
    rows = _rows(target)
    assert rows[0][0] == "DANH SÁCH CÁN BỘ"
    assert [row[1] for row in rows[3:]] == [cadre.full_name for cadre in shown]
    assert [row[0] for row in rows[3:]] == list(range(1, len(shown) + 1))
    assert [row[4] or "" for row in rows[3:]] == [cadre.main_post for cadre in shown]
    assert [row[5] or "" for row in rows[3:]] == ["\n".join(c.concurrent_posts) for c in shown]


def test_list_book_export_from_the_organization_page(qtbot, ui_ctx, org_ids, tmp_path, monkeypatch):
    from datetime import date

    from partydesk.rules import make_cccd
    from partydesk.services.member_input import MemberInput
    from partydesk.services.members import create_member

    create_member(
        ui_ctx.db,
        MemberInput(
            full_name="Nguyễn Thị Lan",
            sex="nữ",
            birth_date=date(1990, 4, 5),
            organization_id=org_ids["DR.01.01"],
            cccd=make_cccd("068", "nữ", 1990, 5),
            decision_date=date(2015, 3, 2),
            ceremony_date=date(2015, 3, 20),
            official_date=date(2016, 3, 20),
        ),
        today=TODAY,
    )
    page = OrganizationsPage(ui_ctx)
    qtbot.addWidget(page)
    page.show_organization(org_ids["DR.01"])
    save = SaveDialog(tmp_path / "so.xlsx")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    qtbot.mouseClick(page.export_book_button, Qt.MouseButton.LeftButton)
    assert Path(save.asked[0]).name.startswith("So-danh-sach-dang-vien-Dang-bo-Truong-THPT")
    dialog = page.findChild(ExcelExportDialog)
    assert dialog is not None
    assert dialog.exported == ExportResult(tmp_path / "so.xlsx", 1)
    rows = _rows(tmp_path / "so.xlsx")
    assert list(rows[2]) == [column.title for column in LIST_BOOK_COLUMNS]
    assert rows[3][:2] == (1, "Nguyễn Thị Lan")


class _HeldRunner:
    """Holds the task until the test runs it: the export is "running" meanwhile."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Any, Any, Any]] = []

    def run(self, work: Any, on_done: Any, on_error: Any) -> None:
        self.tasks.append((work, on_done, on_error))

    def finish(self) -> None:
        work, on_done, on_error = self.tasks.pop()
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)


def test_escape_while_running_stops_then_closes(qtbot, demo_ctx, tmp_path):
    runner = _HeldRunner()
    ctx = UiContext(db=demo_ctx.db, runner=runner, settings=demo_ctx.settings)
    path = tmp_path / "held.xlsx"
    db = demo_ctx.db
    dialog = ExcelExportDialog(
        ctx,
        path,
        lambda progress: export_members(db, path, MemberFilter(today=TODAY), progress=progress),
        "Xuất",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert dialog.running
    dialog.reject()  # Escape: asks the export to stop, the window stays
    assert dialog.isVisible()
    assert dialog.result_label.text() == "Đang dừng…"
    assert not dialog.close_button.isEnabled()
    runner.finish()
    assert not dialog.running
    assert dialog.error == "Đã dừng: không có tệp nào được ghi."
    assert not path.exists()
    dialog.reject()
    assert not dialog.isVisible()
