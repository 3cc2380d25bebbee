"""The Excel import wizard on a real messy workbook: columns, preview, apply, error file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from partydesk.db.models import Member
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.excel_import import COLUMNS, FILE, IMPORT, PREVIEW, ExcelImportDialog
from partydesk.ui.models.import_preview import ImportPreviewModel
from tests.helpers import snapshot
from tests.integration.test_excel_import import FIXTURES, REFUSED, existing, messy_workbook

__all__ = ["existing"]  # the fixture, used by name


def test_wizard_goes_from_file_to_import(
    qtbot, qtmodeltester, ui_ctx: UiContext, existing: int, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "danh sách.xlsx")
    announced: list[frozenset[str]] = []
    ui_ctx.bus.changed.connect(announced.append)
    dialog = ExcelImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.step() == FILE
    assert dialog.branch_combo.count() == 4  # «none» and the three branches of the office
    dialog.set_path(path)
    assert dialog.sheet_combo.currentText() == "DS 2025"
    dialog.go_next()
    assert dialog.step() == COLUMNS, dialog.error
    assert len(dialog.combos) == 12
    assert dialog.mapping()[1:4] == ("full_name", "sex", "birth_date")
    # The clerk leaves «Ghi chú» out.
    dialog.set_field(11, None)
    dialog.go_next()
    assert dialog.step() == PREVIEW, dialog.error
    model = dialog.model
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (15, 14)
    assert dialog.next_button.text() == "Nhập 4 dòng"
    assert "15 dòng: 4 sẽ được thêm, 11 không nhập được (trong đó 4 trùng)" in (
        dialog.counts_label.text()
    )
    # Row 11 of the file (its bad birth date) is the 4th row shown: tinted, with a tooltip.
    bad = model.index(3, 2 + 3)
    assert model.data(model.index(3, 0)) == 11
    assert model.data(bad) == "31/02/1980"
    assert model.data(bad, Qt.ItemDataRole.ToolTipRole) == "không có ngày «31/02/1980»"
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 1)) == "Thêm"
    dialog.problems_only.setChecked(True)
    assert model.rowCount() == 11
    assert [model.data(model.index(r, 0)) for r in range(11)] == sorted(REFUSED)
    qtmodeltester.check(model)
    errors = tmp_path / "loi.xlsx"
    dialog.save_errors(errors)
    sheet = load_workbook(errors).worksheets[0]
    assert [r[13] for r in sheet.iter_rows(min_row=3, values_only=True)] == sorted(REFUSED)
    dialog.go_next()
    assert dialog.step() == IMPORT, dialog.error
    assert dialog.imported is not None
    assert dialog.imported.added == 4
    assert "Đã thêm 4 đảng viên. 11 dòng không nhập được." in dialog.result_label.text()
    assert frozenset({"member"}) in announced
    assert dialog.final_errors_button.isVisibleTo(dialog)
    with ui_ctx.db.reader() as session:
        notes = session.scalar(select(Member.notes).where(Member.full_name == "Lê Thị Hoa"))
    assert notes == ""  # the column was left out


def test_stopped_import_changes_nothing(
    qtbot, ui_ctx: UiContext, existing: int, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    dialog = ExcelImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    dialog.go_next()
    dialog.go_next()
    assert dialog.step() == PREVIEW
    before = snapshot(ui_ctx.db.path)  # type: ignore[arg-type]
    # «Dừng» pressed while the rows are written: the progress callback answers «stop».
    dialog.progressed.connect(lambda stage, _d, _t: dialog.stop() if stage == "write" else None)
    dialog.go_next()
    assert dialog.error == "Đã dừng: cơ sở dữ liệu không thay đổi."
    assert dialog.step() == PREVIEW
    assert dialog.imported is None
    assert snapshot(ui_ctx.db.path) == before  # type: ignore[arg-type]


def test_template_and_bad_file(qtbot, ui_ctx: UiContext, tmp_path: Path) -> None:
    dialog = ExcelImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    template = tmp_path / "mau.xlsx"
    dialog.save_template(template)
    assert load_workbook(template).worksheets[0]["B3"].value == "Họ và tên"
    bad = tmp_path / "sai.xlsx"
    bad.write_text("không phải Excel", encoding="utf-8")
    dialog.set_path(bad)
    assert "Không đọc được tệp «sai.xlsx»" in dialog.error
    dialog.go_next()
    assert dialog.step() == FILE
    assert isinstance(dialog.model, ImportPreviewModel)


def test_opened_from_the_file_menu_and_the_members_page(qtbot, demo_ctx, tmp_path: Path) -> None:
    from partydesk.ui.main_window import MainWindow

    main = MainWindow(demo_ctx, tmp_path / "backups")
    qtbot.addWidget(main)
    files = main.menuBar().actions()[0].menu()
    action = next(a for a in files.actions() if a.text() == "Nhập danh sách từ Excel…")
    action.trigger()
    dialogs = main.findChildren(ExcelImportDialog)
    assert len(dialogs) == 1
    assert dialogs[0].isVisible()
    dialogs[0].reject()
    page = main.members
    assert page.import_button.text() == "Nhập Excel…"
    page.import_button.click()
    opened = page.findChildren(ExcelImportDialog)
    assert len(opened) == 1
    assert opened[0].isVisible()
    opened[0].reject()


def test_wizard_takes_an_xls_list(qtbot, ui_ctx: UiContext, existing: int, tmp_path: Path) -> None:
    # An Excel 97–2003 copy of the messy list (tests/fixtures/, see
    # scripts/make_import_fixtures.py) goes through the same steps as the .xlsx.
    path = tmp_path / "danh sách cũ.xls"
    path.write_bytes(FIXTURES.joinpath("danh-sach-cu.xls").read_bytes())
    dialog = ExcelImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert ".xls" in dialog.path_edit.placeholderText()
    dialog.set_path(path)
    assert dialog.sheet_combo.currentText() == "DS 2025"
    dialog.go_next()
    assert dialog.step() == COLUMNS, dialog.error
    dialog.go_next()
    assert dialog.step() == PREVIEW, dialog.error
    assert dialog.next_button.text() == "Nhập 4 dòng"
