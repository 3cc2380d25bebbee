"""Nhập danh sách từ Excel: a four-step dialog (file, columns, preview, import).

1. «Tệp»: the workbook, its sheet, the branch for rows that name none; «Tải mẫu Excel…».
2. «Cột»: one combo per column of the file, pre-filled from its header, with samples.
3. «Xem trước»: every row with its verdict (`ImportPreviewModel`), problems tinted with
   tooltips, counts, «Chỉ hiện dòng có lỗi», «Lưu các dòng lỗi…».
4. «Nhập»: the accepted rows added in one transaction on the worker, with progress and
   «Dừng» (a stop rolls everything back); then the error workbook is offered.

Reading the file and writing the rows run on the worker (`ctx.run`); the service's
progress callback only emits `progressed` (queued to the GUI thread) and answers from a
`threading.Event` that «Dừng» sets. After the import, `bus.announce("member")` refreshes
the pages that show members.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.documents.excel.member_reader import HeaderGuess
from partydesk.errors import PartydeskError
from partydesk.services import excel_import
from partydesk.services.excel_import import ImportPreview, ImportResult
from partydesk.ui.code_labels import count_text
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.excel_export import LAST_FOLDER_KEY, default_export_folder
from partydesk.ui.models.import_preview import ImportPreviewModel, cell_text

FILE, COLUMNS, PREVIEW, IMPORT = range(4)
_SAMPLES = 3


class ExcelImportDialog(QDialog):
    """The import wizard; `go_next()` / `go_back()` move between the steps."""

    #: (stage, done, total), emitted from the worker's progress callback.
    progressed = Signal(str, int, int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Nhập danh sách từ Excel"))
        self.resize(960, 640)
        self._stop = threading.Event()
        self.running = False
        self.guess: HeaderGuess | None = None
        self.preview: ImportPreview | None = None
        self.imported: ImportResult | None = None
        #: The sentence shown for the last failure (empty when none).
        self.error = ""
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.step_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._columns_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._import_page())
        layout.addWidget(self.stack, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.template_button = QPushButton(self.tr("Tải mẫu Excel…"))
        self.template_button.clicked.connect(lambda _c=False: self.save_template())
        self.back_button = QPushButton(self.tr("< Quay lại"))
        self.next_button = QPushButton(self.tr("Tiếp >"))
        self.stop_button = QPushButton(self.tr("Dừng"))
        self.close_button = QPushButton(self.tr("Đóng"))
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.stop_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        self.progressed.connect(self._show_progress)
        self._show_step(FILE)
        self._load_branches()

    # --- the pages -----------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            self.tr("Tệp Excel (.xlsx, .xls) hoặc LibreOffice (.ods)")
        )
        self.path_edit.editingFinished.connect(self._path_changed)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Tệp"), row)
        self.sheet_combo = QComboBox()
        form.addRow(self.tr("Trang tính"), self.sheet_combo)
        self.branch_combo = QComboBox()
        self.branch_combo.setToolTip(
            self.tr("Chi bộ cho các dòng không ghi cột «Chi bộ» (ghi tên hoặc mã chi bộ)")
        )
        form.addRow(self.tr("Chi bộ mặc định"), self.branch_combo)
        hint = QLabel(
            self.tr(
                "Dòng tiêu đề được tìm trong 20 dòng đầu, dưới các dòng tên đơn vị và tên"
                " danh sách. Ngày ghi dd/mm/yyyy hoặc định dạng ngày của Excel. Không dòng"
                " nào được ghi trước khi bạn xem trước và bấm «Nhập»."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        layout.addWidget(self.header_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.columns_widget = QWidget()
        self.columns_grid = QGridLayout(self.columns_widget)
        scroll.setWidget(self.columns_widget)
        layout.addWidget(scroll, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.model = ImportPreviewModel(self)
        top = QHBoxLayout()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.problems_only = QCheckBox(self.tr("Chỉ hiện dòng có lỗi"))
        self.problems_only.toggled.connect(self.model.set_problems_only)
        self.errors_button = QPushButton(self.tr("Lưu các dòng lỗi…"))
        self.errors_button.setToolTip(
            self.tr("Ghi các dòng không nhập được, kèm lý do, ra tệp Excel để sửa rồi nhập lại")
        )
        self.errors_button.clicked.connect(lambda _c=False: self.save_errors())
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.problems_only)
        top.addWidget(self.errors_button)
        layout.addLayout(top)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(120)
        layout.addWidget(self.table, 1)
        return page

    def _import_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.final_errors_button = QPushButton(self.tr("Lưu các dòng lỗi…"))
        self.final_errors_button.clicked.connect(lambda _c=False: self.save_errors())
        layout.addWidget(self.final_errors_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # --- steps ---------------------------------------------------------------------------

    def step(self) -> int:
        """The step shown (FILE, COLUMNS, PREVIEW or IMPORT)."""
        return self.stack.currentIndex()

    def _show_step(self, step: int) -> None:
        titles = {
            FILE: self.tr("Bước 1/4: chọn tệp"),
            COLUMNS: self.tr("Bước 2/4: cột nào chứa gì"),
            PREVIEW: self.tr("Bước 3/4: xem trước"),
            IMPORT: self.tr("Bước 4/4: nhập"),
        }
        self.stack.setCurrentIndex(step)
        self.step_label.setText(titles[step])
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step()
        busy = self.running
        self.back_button.setEnabled(not busy and step in (COLUMNS, PREVIEW))
        self.stop_button.setVisible(busy)
        self.stop_button.setEnabled(busy and not self._stop.is_set())
        self.close_button.setEnabled(not busy)
        self.template_button.setEnabled(not busy)
        if step == PREVIEW and self.preview is not None:
            self.next_button.setText(
                self.tr("Nhập {n} dòng").replace("{n}", count_text(self.preview.accepted))
            )
            self.next_button.setEnabled(not busy and self.preview.accepted > 0)
        else:
            self.next_button.setText(self.tr("Tiếp >"))
            self.next_button.setEnabled(not busy and step != IMPORT)
        self.next_button.setVisible(step != IMPORT)
        has_refused = self.preview is not None and self.preview.refused > 0
        self.errors_button.setEnabled(not busy and has_refused)
        self.final_errors_button.setVisible(has_refused and self.imported is not None)

    def go_next(self) -> None:
        """Move on: read the header, then preview, then import."""
        if self.running:
            return
        step = self.step()
        if step == FILE:
            self._inspect()
        elif step == COLUMNS:
            self._preview()
        elif step == PREVIEW:
            self._apply()

    def go_back(self) -> None:
        """The step before (the file keeps its choices, the columns their mapping)."""
        if not self.running and self.step() in (COLUMNS, PREVIEW):
            self.message.clear()
            self._show_step(self.step() - 1)

    # --- step 1: file --------------------------------------------------------------------

    def _load_branches(self) -> None:
        self.branch_combo.clear()
        self.branch_combo.addItem(self.tr("(không: dòng phải ghi chi bộ)"), None)

        def done(branches: list[Any]) -> None:
            for branch in branches:
                self.branch_combo.addItem(f"{branch.code} — {branch.name}", branch.code)

        db = self.ctx.db
        self.ctx.run(lambda: excel_import.import_branches(db), done, self._failed)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn danh sách Excel"),
            str(default_export_folder(self.ctx.settings)),
            self.tr("Bảng tính (*.xlsx *.xlsm *.xls *.ods);;Mọi tệp (*)"),
        )
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        """Choose the workbook (as «Chọn tệp…» does) and list its sheets."""
        self.path_edit.setText(str(path))
        self._path_changed()

    def path(self) -> Path | None:
        """The chosen workbook, if any."""
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def _path_changed(self) -> None:
        path = self.path()
        self.sheet_combo.clear()
        self.guess = self.preview = None
        if path is None:
            return
        self.ctx.settings.setValue(LAST_FOLDER_KEY, str(path.parent))

        def done(sheets: list[str]) -> None:
            self.sheet_combo.addItems(sheets)
            self.message.clear()

        self.ctx.run(lambda: excel_import.workbook_sheets(path), done, self._failed)

    def _inspect(self) -> None:
        path = self.path()
        if path is None:
            self.message.setText(self.tr("Hãy chọn tệp Excel."))
            return
        sheet = self.sheet_combo.currentText() or None
        self._start(lambda _progress: excel_import.inspect_workbook(path, sheet), self._inspected)

    def _inspected(self, guess: HeaderGuess) -> None:
        self.guess = guess
        self.header_label.setText(
            self.tr(
                "Trang «{sheet}»: dòng tiêu đề {header}, dữ liệu từ dòng {first}. Chọn trường"
                " cho từng cột; cột để «(không nhập)» được bỏ qua."
            )
            .replace("{sheet}", guess.sheet)
            .replace("{header}", str(guess.header_row))
            .replace("{first}", str(guess.first_data_row))
        )
        self._fill_columns(guess)
        self._show_step(COLUMNS)

    # --- step 2: columns -----------------------------------------------------------------

    def _fill_columns(self, guess: HeaderGuess) -> None:
        while self.columns_grid.count():
            item = self.columns_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        for col, title in enumerate((self.tr("Cột trong tệp"), self.tr("Trường"), self.tr("Mẫu"))):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold;")
            self.columns_grid.addWidget(heading, 0, col)
        for index, header in enumerate(guess.headers):
            self.columns_grid.addWidget(QLabel(header or self.tr("(không tiêu đề)")), index + 1, 0)
            combo = QComboBox()
            combo.addItem(self.tr("(không nhập)"), None)
            combo.addItem(self.tr("Số thứ tự (không nhập)"), "row_no")
            for name, label in excel_import.FIELD_CHOICES:
                combo.addItem(label, name)
            combo.setCurrentIndex(max(0, combo.findData(guess.mapping[index])))
            self.columns_grid.addWidget(combo, index + 1, 1)
            self.combos.append(combo)
            samples = [
                cell_text(row[index]) for row in guess.samples[:_SAMPLES] if index < len(row)
            ]
            sample = QLabel(" · ".join(s for s in samples if s))
            sample.setStyleSheet("color: #555;")
            self.columns_grid.addWidget(sample, index + 1, 2)
        self.columns_grid.setColumnStretch(2, 1)

    def mapping(self) -> tuple[str | None, ...]:
        """The field chosen for each column."""
        return tuple(combo.currentData() for combo in self.combos)

    def set_field(self, column: int, name: str | None) -> None:
        """Choose the field of `column` (as its combo does)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(name)))

    # --- step 3: preview -----------------------------------------------------------------

    def _preview(self) -> None:
        path = self.path()
        if path is None or self.guess is None:
            return
        chosen = [name for name in self.mapping() if name]
        twice = sorted({name for name in chosen if chosen.count(name) > 1})
        if twice:
            labels = dict(excel_import.FIELD_CHOICES)
            self.message.setText(
                self.tr("Mỗi trường chỉ chọn cho một cột: {fields}.").replace(
                    "{fields}", ", ".join(f"«{labels.get(n, n)}»" for n in twice)
                )
            )
            return
        guess = replace(self.guess, mapping=self.mapping())
        branch = self.branch_combo.currentData()
        db = self.ctx.db

        def work(progress: excel_import.Progress) -> ImportPreview:
            return excel_import.preview_import(
                db, path, default_branch=branch, progress=progress, guess=guess
            )

        self._start(work, self._previewed)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.counts_label.setText(
            self.tr(
                "{rows} dòng: {added} sẽ được thêm, {refused} không nhập được (trong đó"
                " {duplicates} trùng). Bỏ qua {blank} dòng trống và {footer} dòng cuối bảng."
            )
            .replace("{rows}", count_text(len(preview.rows)))
            .replace("{added}", count_text(preview.accepted))
            .replace("{refused}", count_text(preview.refused))
            .replace("{duplicates}", count_text(preview.duplicates))
            .replace("{blank}", count_text(preview.blank_rows))
            .replace("{footer}", count_text(preview.footer_rows))
        )
        self._show_step(PREVIEW)

    def save_errors(self, path: Path | None = None) -> Path | None:
        """Write the refused rows with their reasons (asks where when `path` is None)."""
        if self.preview is None or not self.preview.refused:
            return None
        if path is None:
            source = self.preview.path
            suggested = default_export_folder(self.ctx.settings) / f"{source.stem} - dòng lỗi.xlsx"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Lưu các dòng lỗi"), str(suggested), self.tr("Sổ tính Excel (*.xlsx)")
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".xlsx":
                path = path.with_name(path.name + ".xlsx")
        preview, target = self.preview, path

        def done(count: int) -> None:
            self.message.setText(
                self.tr("Đã ghi {n} dòng lỗi vào tệp {file}.")
                .replace("{n}", count_text(count))
                .replace("{file}", str(target))
            )

        self.ctx.run(lambda: excel_import.write_error_workbook(preview, target), done, self._failed)
        return path

    def save_template(self, path: Path | None = None) -> Path | None:
        """Write the template workbook (asks where when `path` is None)."""
        if path is None:
            suggested = default_export_folder(self.ctx.settings) / "mẫu danh sách đảng viên.xlsx"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Tải mẫu Excel"), str(suggested), self.tr("Sổ tính Excel (*.xlsx)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        target = path

        def done(written: Path) -> None:
            self.message.setText(self.tr("Đã lưu tệp mẫu {file}.").replace("{file}", str(written)))

        self.ctx.run(lambda: excel_import.write_template_file(target), done, self._failed)
        return path

    # --- step 4: import ------------------------------------------------------------------

    def _apply(self) -> None:
        preview = self.preview
        if preview is None or not preview.accepted:
            return
        db = self.ctx.db
        self._show_step(IMPORT)
        self.result_label.setText(
            self.tr("Đang nhập {n} dòng…").replace("{n}", count_text(preview.accepted))
        )
        self._start(lambda progress: excel_import.apply_import(db, preview, progress), self._done)

    def _done(self, result: ImportResult) -> None:
        self.imported = result
        self.result_label.setText(
            self.tr("Đã thêm {added} đảng viên. {refused} dòng không nhập được.")
            .replace("{added}", count_text(result.added))
            .replace("{refused}", count_text(result.refused))
        )
        self.ctx.bus.announce("member")
        self._update_buttons()

    # --- running on the worker -----------------------------------------------------------

    def _start(
        self, work: Callable[[excel_import.Progress], Any], on_done: Callable[[Any], None]
    ) -> None:
        self._stop.clear()
        self.running = True
        self.error = ""
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Đang làm…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._update_buttons()
        stop, emit = self._stop, self.progressed.emit

        def progress(stage: str, done: int, total: int) -> bool:
            emit(stage, done, total)  # queued to the GUI thread when called from the worker
            return not stop.is_set()

        def finished(result: Any) -> None:
            self._ended()
            self.message.clear()
            on_done(result)

        self.ctx.run(lambda: work(progress), finished, self._failed_run)

    def _ended(self) -> None:
        self.running = False
        self.progress.setVisible(False)
        self._update_buttons()

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        texts = {
            "read": self.tr("Đã đọc {done} dòng"),
            "check": self.tr("Đã kiểm tra {done} / {total} dòng"),
            "write": self.tr("Đã ghi {done} / {total} dòng"),
        }
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if not self._stop.is_set():
            self.message.setText(
                texts.get(stage, "{done}")
                .replace("{done}", count_text(done))
                .replace("{total}", count_text(total))
            )

    def stop(self) -> None:
        """Stop the reading or the import; an import stopped writes nothing."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        if self.running:
            self.message.setText(self.tr("Đang dừng…"))

    def _failed_run(self, error: BaseException) -> None:
        self._ended()
        if self.step() == IMPORT:
            self._show_step(PREVIEW)
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PartydeskError) and error.code == "import.cancelled":
            self.error = self.tr("Đã dừng: cơ sở dữ liệu không thay đổi.")
        else:
            self.error = error_text(error, self.ctx.language)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(self.error)

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or «Đóng»: stop the work first; close once it ended."""
        if self.running:
            self.stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing while working stops the work and waits for it."""
        if self.running:
            self.stop()
            event.ignore()
            return
        super().closeEvent(event)
