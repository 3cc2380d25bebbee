"""Cán bộ: the cadre register, filtered as you type, each cadre's record one click away."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_records import (
    CadreListRow,
    cadre_list,
)
from partydesk.services.excel_export import ExportResult, export_file_name, write_cadre_list
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.cadre_record import CadreRecordDialog
from partydesk.ui.dialogs.excel_export import ExcelExportDialog, ExportWork, start_export
from partydesk.ui.models.cadre_table import CadreTableModel
from partydesk.ui.widgets.tables import compact_rows


class CadresPage(QWidget):
    """The list of cadres with their current posts and salary steps."""

    #: A record asked for a print (its «In sơ yếu lý lịch»): the PrintRequest.
    print_requested = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._sized = False
        #: The record dialog opened last (tests fill it in).
        self.dialog: CadreRecordDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Lọc theo tên, chức vụ (không cần dấu)…"))
        self.filter.setClearButtonEnabled(True)
        bar.addWidget(self.filter, 2)
        self.show_inactive = QCheckBox(self.tr("Cả cán bộ đã nghỉ, chuyển đi"))
        bar.addWidget(self.show_inactive)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("Thêm cán bộ…"))
        self.open_button = QPushButton(self.tr("Mở hồ sơ…"))
        self.export_button = QPushButton(self.tr("Xuất Excel…"))
        self.export_button.setToolTip(
            self.tr("Xuất danh sách cán bộ đang hiển thị (bộ lọc, thứ tự) ra tệp Excel")
        )
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = CadreTableModel(self)
        self.table = QTableView()
        compact_rows(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # One line of text per cadre: the style's default row height wastes a third.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        self.filter.textChanged.connect(self._filter)
        self.show_inactive.toggled.connect(self._show_inactive)
        self.new_button.clicked.connect(lambda: self.open_cadre(None))
        self.open_button.clicked.connect(self._open_selected)
        self.export_button.clicked.connect(lambda _checked=False: self.export_excel())
        self.table.doubleClicked.connect(self._activated)
        ctx.bus.changed.connect(self._registers_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list on the worker."""
        self._generation += 1
        generation = self._generation
        self.ctx.run(
            lambda: cadre_list(self.ctx.db),
            lambda rows: self._show(generation, rows),
            lambda error: self.count_label.setText(
                self.tr("Không tải được danh sách cán bộ: ") + error_text(error)
            ),
        )

    def _show(self, generation: int, rows: list[CadreListRow]) -> None:
        if generation != self._generation:
            return
        selected = self.selected_id()
        self.model.set_rows(rows)
        if not self._sized and rows:
            self._sized = True
            self.table.resizeColumnsToContents()
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(row)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _show_inactive(self, checked: bool) -> None:
        self.model.set_show_inactive(checked)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} / {total} cán bộ")
            .replace("{shown}", str(self.model.rowCount()))
            .replace("{total}", str(self.model.total()))
        )

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"cadre", "member"}:
            self.refresh()

    def selected_id(self) -> int | None:
        """The cadre selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _open_selected(self) -> None:
        cadre_id = self.selected_id()
        if cadre_id is not None:
            self.open_cadre(cadre_id)

    def _activated(self, index: QModelIndex) -> None:
        self.open_cadre(self.model.row_at(index.row()).id)

    def open_cadre(self, cadre_id: int | None) -> CadreRecordDialog:
        """Open a cadre's record (None: a new cadre), window-modal and not blocking."""
        dialog = CadreRecordDialog(self.ctx, cadre_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.print_requested.connect(self.print_requested)
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def export_excel(self) -> ExcelExportDialog | None:
        """Export the cadres the table shows (its filter and sort) to Excel.

        Asks for the file first; None when the clerk cancelled that.
        """
        rows = [self.model.row_at(row) for row in range(self.model.rowCount())]
        on = date.today()

        def work(path: Path) -> ExportWork:
            return lambda progress: ExportResult(path, write_cadre_list(path, rows, on, progress))

        return start_export(
            self,
            self.ctx,
            self.tr("Xuất danh sách cán bộ ra Excel"),
            export_file_name("cadres", on),
            work,
        )

    def _closed(self, dialog: CadreRecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
