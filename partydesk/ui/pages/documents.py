"""Văn bản: the numbered document register (sổ đăng ký văn bản) of a year.

Every numbered document the office printed, with its number, date, form, person, signer,
how many times it was printed and whether it was voided (a voided number stays in the
register, never reused). «Xem» and «In lại» are asked of the main window's printer
(`view_requested`, `reprint_requested`); «Hủy số…» voids the number here, with a required
reason and a confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk import catalogue_files
from partydesk.services.document_register import (
    DOCUMENT_TYPE_CATALOGUE,
    DocumentRow,
    list_documents,
    void_document,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.action_dialog import ActionDialog
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.printing import form_title
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import format_date
from partydesk.ui.widgets.tables import read_only_table

_Index = QModelIndex | QPersistentModelIndex
_VOIDED = QColor("#888888")

#: How many past years the year filter offers.
YEARS_OFFERED = 15


class DocumentTableModel(RowsModel[DocumentRow]):
    """Register rows; voided ones are grey and give their reason as tooltip."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, grey text and a tooltip for voided rows."""
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_VOIDED) if row.voided else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.void_reason or None
        return super().data(index, role)

    def row_of(self, document_id: int) -> int:
        """The table row of a document (-1 when not shown)."""
        for number in range(self.rowCount()):
            if self.row_at(number).id == document_id:
                return number
        return -1


class VoidDocumentDialog(ActionDialog):
    """Hủy số văn bản: the reason is required; the number stays used."""

    announces = ("document",)

    def __init__(self, ctx: UiContext, row: DocumentRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Hủy số văn bản"), parent)
        self.row = row
        self.set_intro(
            self.tr(
                "Văn bản số {number} được giữ trong sổ với lý do hủy; số này không được cấp "
                "lại cho văn bản khác."
            ).replace("{number}", row.number_text)
        )
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Lý do hủy:"), self.reason)
        self.voided_on = self.add_date(self.tr("Ngày hủy:"), date.today())

    def prepare(self) -> Callable[[], DocumentRow] | None:
        """Check the reason and date, confirm, then void on the worker."""
        reason = self.reason.text().strip()
        if not reason:
            raise ValueError(self.tr("Hãy ghi lý do hủy số văn bản."))
        on = self.voided_on.value() or date.today()
        question = (self.tr("Hủy văn bản số {number}? Việc này không hoàn tác được.")).replace(
            "{number}", self.row.number_text
        )
        if not ask_confirmation(self, self.tr("Hủy số văn bản"), question):
            return None
        document_id = self.row.id
        return lambda: void_document(self.ctx.db, document_id, reason, on)


class DocumentsPage(QWidget):
    """Sổ đăng ký văn bản: filters, the register, «Xem», «In lại», «Hủy số…»."""

    #: «Xem»: the DocumentRow to show (its file, or printed again when the file is gone).
    view_requested = Signal(object)
    #: «In lại»: the document id to print again.
    reprint_requested = Signal(int)
    #: A dialog this page opened (tests).
    dialog_opened = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        #: The void dialog opened last (tests fill it in).
        self.dialog: VoidDocumentDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year = QComboBox()
        this_year = date.today().year
        for year in range(this_year, this_year - YEARS_OFFERED, -1):
            self.year.addItem(str(year), year)
        bar.addWidget(QLabel(self.tr("Năm:")))
        bar.addWidget(self.year)
        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("Mọi loại"), None)
        self._type_names: dict[str, str] = {}
        for item in catalogue_files.load_catalogue(DOCUMENT_TYPE_CATALOGUE):
            name = item.name_en if ctx.language == "en" and item.name_en else item.name
            self._type_names[item.code] = name
            abbreviation = str(item.extra.get("abbreviation") or item.code)
            self.doc_type.addItem(f"{abbreviation} — {name}", item.code)
        bar.addWidget(QLabel(self.tr("Loại văn bản:")))
        bar.addWidget(self.doc_type)
        bar.addStretch(1)
        layout.addLayout(bar)

        buttons = QHBoxLayout()
        self.view_button = QPushButton(self.tr("Xem"))
        self.reprint_button = QPushButton(self.tr("In lại"))
        self.void_button = QPushButton(self.tr("Hủy số…"))
        for button in (self.view_button, self.reprint_button, self.void_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.model = DocumentTableModel(
            [
                (self.tr("Số"), lambda r: r.number_text),
                (self.tr("Ngày"), lambda r: format_date(r.issued_on)),
                (self.tr("Loại, mẫu"), self._kind_text),
                (self.tr("Người, nội dung"), lambda r: r.member_name or r.subject),
                (self.tr("Người ký"), lambda r: r.signer),
                (self.tr("Số lần in"), lambda r: r.print_count),
                (self.tr("Hủy"), self._void_text),
            ]
        )
        self.table = read_only_table(self.model)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)

        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.doc_type.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view_button.clicked.connect(lambda _checked=False: self.view_selected())
        self.reprint_button.clicked.connect(lambda _checked=False: self.reprint_selected())
        self.void_button.clicked.connect(lambda _checked=False: self.void_selected())
        self.table.doubleClicked.connect(lambda _index: self.view_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        ctx.bus.changed.connect(self._registers_changed)
        self._update_buttons()
        self.refresh()

    def _kind_text(self, row: DocumentRow) -> str:
        if row.form_code:
            return form_title(row.form_code)
        return self._type_names.get(row.doc_type, row.doc_type)

    def _void_text(self, row: DocumentRow) -> str:
        if row.voided_on is None:
            return ""
        return f"{format_date(row.voided_on)}: {row.void_reason}"

    # --- the register ---------------------------------------------------------------------

    def set_filter(self, year: int, doc_type: str | None = None) -> None:
        """Show the register of `year`, of one document type code (None: every type)."""
        for combo, value in ((self.year, year), (self.doc_type, doc_type)):
            combo.blockSignals(True)
            position = combo.findData(value)
            if position < 0 and combo is self.year:
                combo.addItem(str(year), year)
                position = combo.count() - 1
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Reload the register on the worker with the chosen filters."""
        self._generation += 1
        generation = self._generation
        year = int(self.year.currentData())
        doc_type = self.doc_type.currentData()
        self.ctx.run(
            lambda: list_documents(self.ctx.db, year, doc_type),
            lambda rows: self._show(generation, rows),
            lambda error: self.count_label.setText(
                self.tr("Không tải được sổ đăng ký văn bản: ") + error_text(error)
            ),
        )

    def _show(self, generation: int, rows: list[DocumentRow]) -> None:
        if generation != self._generation:
            return
        selected = self.selected_row()
        # Newest first: a clerk looks for what was printed today.
        self.model.set_rows(sorted(rows, key=lambda r: (r.issued_on, r.id), reverse=True))
        if selected is not None and (number := self.model.row_of(selected.id)) >= 0:
            self.table.selectRow(number)
        voided = sum(1 for row in rows if row.voided)
        self.count_label.setText(
            self.tr("{count} văn bản, {voided} đã hủy số")
            .replace("{count}", str(len(rows)))
            .replace("{voided}", str(voided))
        )
        self._update_buttons()

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"document", "transfer", "member", "office"}:
            self.refresh()

    def selected_row(self) -> DocumentRow | None:
        """The register line selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_document(self, document_id: int) -> bool:
        """Select a line by document id (False when the filters hide it)."""
        number = self.model.row_of(document_id)
        if number < 0:
            return False
        self.table.selectRow(number)
        return True

    def _update_buttons(self) -> None:
        row = self.selected_row()
        live = row is not None and not row.voided
        self.view_button.setEnabled(row is not None)
        self.reprint_button.setEnabled(live)
        self.void_button.setEnabled(live)

    # --- actions --------------------------------------------------------------------------

    def view_selected(self) -> None:
        """Ask to show the selected document."""
        row = self.selected_row()
        if row is not None:
            self.view_requested.emit(row)

    def reprint_selected(self) -> None:
        """Ask to print the selected document again (not a voided one)."""
        row = self.selected_row()
        if row is not None and not row.voided:
            self.reprint_requested.emit(row.id)

    def void_selected(self) -> VoidDocumentDialog | None:
        """Open «Hủy số» for the selected document."""
        row = self.selected_row()
        if row is None or row.voided:
            return None
        dialog = VoidDocumentDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _closed(self, dialog: VoidDocumentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
