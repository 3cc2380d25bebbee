"""The «Báo cáo thống kê» dialog on the demo office: figures, balance check, workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from partydesk.services.statistics import StatisticsRequest, compute_statistics
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.statistics_report import (
    HALF_YEAR,
    OTHER_DATE,
    WHOLE_YEAR,
    StatisticsReportDialog,
)


def _dialog(qtbot, ctx: UiContext, tmp_path: Path) -> StatisticsReportDialog:
    dialog = StatisticsReportDialog(ctx, tmp_path / "exports")
    qtbot.addWidget(dialog)
    return dialog


def test_presets_fill_the_dates(qtbot, demo_ctx: UiContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, demo_ctx, tmp_path)
    assert dialog.organization.count() > 20  # «Toàn đơn vị» and the demo's organizations
    assert dialog.organization.itemData(0) is None
    dialog.year.setValue(2026)
    dialog.kind.setCurrentIndex(HALF_YEAR)
    assert dialog.as_of.value() == date(2026, 6, 30)
    assert dialog.start.value() == date(2026, 1, 1)
    assert not dialog.as_of.isEnabled()
    dialog.kind.setCurrentIndex(WHOLE_YEAR)
    assert dialog.as_of.value() == date(2026, 12, 31)
    dialog.kind.setCurrentIndex(OTHER_DATE)
    assert dialog.as_of.isEnabled()
    dialog.as_of.line.setText("31/02/2026")
    dialog.compute()
    assert "31/02/2026" in dialog.message.text()
    assert dialog.statistics is None


def test_figures_and_balance_are_shown(
    qtbot, qtmodeltester, demo_ctx: UiContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, demo_ctx, tmp_path)
    dialog.year.setValue(2026)
    dialog.kind.setCurrentIndex(HALF_YEAR)
    with qtbot.waitSignal(dialog.computed, timeout=20_000):
        qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    expected = compute_statistics(demo_ctx.db, StatisticsRequest(as_of=date(2026, 6, 30)))
    assert dialog.statistics == expected
    qtmodeltester.check(dialog.model)
    labels = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    values = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    total_row = labels.index("Tổng số đảng viên")
    assert values[total_row].replace(".", "") == str(expected.total.closing)
    assert "Chỉ tiêu kết nạp của năm" in labels
    assert dialog.check_label.text().startswith("Kiểm tra cân đối: đúng")
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Chỉ tiêu"


def test_workbook_is_written_through_the_runner(qtbot, demo_ctx: UiContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, demo_ctx, tmp_path)
    dialog.organization.setCurrentIndex(
        dialog.organization.findText("LD.01", Qt.MatchFlag.MatchStartsWith)
    )
    dialog.year.setValue(2026)
    dialog.kind.setCurrentIndex(WHOLE_YEAR)
    steps: list[tuple[int, int]] = []
    dialog.progressed.connect(lambda done, total: steps.append((done, total)))
    target = tmp_path / "bao-cao"
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.write_to(target)
    assert steps == [(0, 2), (1, 2), (2, 2)]
    assert dialog.exported is not None
    assert dialog.exported.path == tmp_path / "bao-cao.xlsx"
    assert dialog.open_button.isEnabled()
    assert dialog.folder_button.isEnabled()
    assert str(dialog.exported.path) in dialog.message.text()
    assert dialog.exported.statistics.scope_name == "Đảng bộ Cơ quan Đảng ủy - HĐND - UBND xã"
    book = openpyxl.load_workbook(dialog.exported.path)
    cell = dialog.exported.cells["Tổng hợp!members.total"]
    assert book["Tổng hợp"][cell].value == dialog.exported.statistics.total.closing


def test_main_window_menu_opens_the_dialog(qtbot, demo_ctx: UiContext, tmp_path: Path) -> None:
    from partydesk.ui.main_window import MainWindow

    window = MainWindow(demo_ctx, backups_dir=tmp_path / "backups")
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    reports = menus["&Báo cáo"]
    action = next(a for a in reports.actions() if a.text() == "Báo cáo thống kê…")
    action.trigger()
    dialog = window.findChild(StatisticsReportDialog)
    assert dialog is not None
    assert dialog.exports_dir == tmp_path / "exports"
    dialog.close()
