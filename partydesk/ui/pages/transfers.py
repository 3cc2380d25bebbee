"""Chuyển sinh hoạt đảng: the transfer-letter register, its filters and every transfer step.

The register lists letters out, members received, internal moves and temporary stays,
newest first; letters past their presentation date (or stays past their end) are red.
The buttons open the dialogs of `ui.dialogs.transfer_dialogs`; the member record and the
overview launch the same steps through the public `start_…` and `open_due` methods.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import TransferDirection, TransferStatus
from partydesk.services.printing import PrintRequest, letters_of_day
from partydesk.services.transfer_queries import (
    TEMPORARY,
    TransferChoices,
    TransferDetail,
    TransferRow,
    transfer_choices,
    transfer_detail,
    transfer_register,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.transfer_dialogs import (
    CancelTransferDialog,
    InternalMoveDialog,
    ReceivedDialog,
    ReturnDialog,
    TemporaryTransferDialog,
    TransferDialog,
    TransferInDialog,
    TransferOutDialog,
)
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table

_Index = QModelIndex | QPersistentModelIndex
_OVERDUE = QColor("#b00020")

#: How many past years the year filter offers besides "every year".
YEARS_OFFERED = 15


def _deadline(row: TransferRow) -> date | None:
    return row.ends_on if row.kind == TEMPORARY else row.present_by


def is_open_letter(row: TransferRow) -> bool:
    """An official letter out still waiting for the receiving side."""
    return (
        row.status == TransferStatus.IN_TRANSIT and row.direction == "out" and row.kind != TEMPORARY
    )


def is_open_stay(row: TransferRow) -> bool:
    """A temporary stay elsewhere that has not ended."""
    return row.status == TransferStatus.IN_TRANSIT and row.kind == TEMPORARY


def has_letter(row: TransferRow) -> bool:
    """A transfer this office wrote a letter for (a letter received is not ours to print)."""
    return bool(row.letter_no) and row.direction != TransferDirection.IN


class DayDialog(QDialog):
    """Asks for one day (the letters of that day are printed)."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("In các giấy giới thiệu trong ngày"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.day = DateEdit()
        self.day.set_value(day)
        form.addRow(self.tr("Ngày ký giấy:"), self.day)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class TransferTableModel(RowsModel[TransferRow]):
    """The register's rows; overdue ones are drawn in red and say so in their tooltip."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[TransferRow], Any]]]) -> None:
        super().__init__(columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, red text for overdue rows."""
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_OVERDUE) if self.row_at(index.row()).overdue else None
        return super().data(index, role)

    def row_of(self, transfer_id: int) -> int:
        """The table row of a transfer (-1 when not shown)."""
        for number in range(self.rowCount()):
            if self.row_at(number).id == transfer_id:
                return number
        return -1


class TransfersPage(QWidget):
    """Sổ giới thiệu sinh hoạt đảng with the steps of every kind of transfer.

    Mount with `TransfersPage(ctx)`; it refreshes itself on `bus` changes of "transfer",
    "member" and "organization". `dialog_opened` is emitted with each dialog it opens.
    """

    dialog_opened = Signal(object)  # TransferDialog
    #: «In giấy giới thiệu»: a PrintRequest for the main window's printer.
    print_requested = Signal(object)
    #: «In các giấy trong ngày…»: (list of PrintRequest, title).
    print_batch_requested = Signal(object, str)

    FILTERS = ("all", "in_transit", "overdue")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The day "overdue" is judged on (None: the real today; tests fix it).
        self.today: date | None = None
        #: The dialog opened last (tests fill it in).
        self.dialog: TransferDialog | None = None
        self._generation = 0
        self._detail_generation = 0
        self._choices: TransferChoices | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.addItem(self.tr("Tất cả"), "all")
        self.filter.addItem(self.tr("Đang chuyển"), "in_transit")
        self.filter.addItem(self.tr("Quá hạn"), "overdue")
        bar.addWidget(QLabel(self.tr("Hiển thị:")))
        bar.addWidget(self.filter)
        self.year = QComboBox()
        self.year.addItem(self.tr("Mọi năm"), None)
        this_year = date.today().year
        for year in range(this_year, this_year - YEARS_OFFERED, -1):
            self.year.addItem(str(year), year)
        bar.addWidget(QLabel(self.tr("Năm:")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        layout.addLayout(bar)

        buttons = QHBoxLayout()
        self.out_button = QPushButton(self.tr("Chuyển đi…"))
        self.in_button = QPushButton(self.tr("Tiếp nhận…"))
        self.internal_button = QPushButton(self.tr("Chuyển nội bộ…"))
        self.temporary_button = QPushButton(self.tr("Tạm thời…"))
        self.received_button = QPushButton(self.tr("Đã đến nơi…"))
        self.return_button = QPushButton(self.tr("Trở về…"))
        self.cancel_button = QPushButton(self.tr("Hủy…"))
        for button in (
            self.out_button,
            self.in_button,
            self.internal_button,
            self.temporary_button,
            self.received_button,
            self.return_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("In giấy giới thiệu"))
        self.print_day_button = QPushButton(self.tr("In các giấy trong ngày…"))
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.print_day_button)
        layout.addLayout(buttons)

        self.model = TransferTableModel(
            [
                (self.tr("Số giấy"), lambda r: r.letter_no or "—"),
                (self.tr("Ngày"), lambda r: format_date(r.letter_date)),
                (self.tr("Họ và tên"), lambda r: r.full_name),
                (self.tr("Hình thức"), lambda r: r.kind_label),
                (self.tr("Từ"), lambda r: r.from_name),
                (self.tr("Đến"), lambda r: r.to_name),
                (self.tr("Hạn"), lambda r: format_date(_deadline(r))),
                (self.tr("Trạng thái"), self._status_text),
            ]
        )
        self.table = read_only_table(self.model)
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.out_button.clicked.connect(lambda _checked=False: self.start_transfer_out())
        self.in_button.clicked.connect(self.start_transfer_in)
        self.internal_button.clicked.connect(lambda _checked=False: self.start_internal_move())
        self.temporary_button.clicked.connect(lambda _checked=False: self.start_temporary())
        self.received_button.clicked.connect(lambda _checked=False: self.mark_received())
        self.return_button.clicked.connect(lambda _checked=False: self.record_return())
        self.cancel_button.clicked.connect(lambda _checked=False: self.cancel_transfer())
        self.print_button.clicked.connect(lambda _checked=False: self.print_letter())
        self.print_day_button.clicked.connect(lambda _checked=False: self.print_letters_of_day())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.bus.changed.connect(self._registers_changed)
        self._update_buttons()
        self.refresh()

    def _status_text(self, row: TransferRow) -> str:
        return row.status_label + (self.tr(" — quá hạn") if row.overdue else "")

    # --- the register ---------------------------------------------------------------------

    def set_filter(self, key: str, year: int | None = None) -> None:
        """Show "all", "in_transit" or "overdue" letters of `year` (None: every year)."""
        self.year.blockSignals(True)
        position = 0 if year is None else self.year.findData(year)
        if position < 0:
            self.year.addItem(str(year), year)
            position = self.year.count() - 1
        self.year.setCurrentIndex(position)
        self.year.blockSignals(False)
        self.filter.setCurrentIndex(self.FILTERS.index(key))
        self.refresh()

    def refresh(self) -> None:
        """Reload the register on the worker with the chosen filters."""
        self._generation += 1
        generation = self._generation
        key = str(self.filter.currentData())
        year = self.year.currentData()
        today = self.today
        self.ctx.run(
            lambda: transfer_register(
                self.ctx.db,
                year=year,
                status=TransferStatus.IN_TRANSIT.value if key == "in_transit" else None,
                overdue_only=key == "overdue",
                today=today,
            ),
            lambda rows: self._show(generation, rows),
            lambda error: self.count_label.setText(
                self.tr("Không tải được sổ chuyển sinh hoạt: ") + error_text(error)
            ),
        )

    def _show(self, generation: int, rows: list[TransferRow]) -> None:
        if generation != self._generation:
            return
        selected = self.selected_row()
        self.model.set_rows(rows)
        if selected is not None and (number := self.model.row_of(selected.id)) >= 0:
            self.table.selectRow(number)
        overdue = sum(1 for row in rows if row.overdue)
        self.count_label.setText(
            self.tr("{count} việc chuyển sinh hoạt, {overdue} quá hạn")
            .replace("{count}", str(len(rows)))
            .replace("{overdue}", str(overdue))
        )
        self._update_buttons()

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"transfer", "member", "organization"}:
            self._choices = None
            self.refresh()

    def selected_row(self) -> TransferRow | None:
        """The register line selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_transfer(self, transfer_id: int) -> bool:
        """Select a line by transfer id (False when the filters hide it)."""
        number = self.model.row_of(transfer_id)
        if number < 0:
            return False
        self.table.selectRow(number)
        return True

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        row = self.selected_row()
        if row is None:
            self.detail.clear()
            return
        self._detail_generation += 1
        generation = self._detail_generation
        today = self.today
        self.ctx.run(
            lambda: transfer_detail(self.ctx.db, row.id, today),
            lambda detail: self._show_detail(generation, detail),
            lambda error: self.detail.setText(error_text(error, self.ctx.language)),
        )

    def _show_detail(self, generation: int, detail: TransferDetail) -> None:
        if generation != self._detail_generation:
            return
        parts = []
        if detail.hops:
            parts.append(self.tr("Các cấp: ") + " → ".join(hop.name for hop in detail.hops))
        if detail.dues_paid_through:
            parts.append(
                self.tr("Đã đóng đảng phí hết tháng {month}").replace(
                    "{month}", detail.dues_paid_through
                )
            )
        if detail.reason:
            parts.append(self.tr("Lý do: ") + detail.reason)
        self.detail.setText("\n".join(parts))

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.received_button.setEnabled(row is not None and is_open_letter(row))
        self.cancel_button.setEnabled(row is not None and is_open_letter(row))
        self.return_button.setEnabled(row is not None and is_open_stay(row))
        self.print_button.setEnabled(row is not None and has_letter(row))

    # --- opening the dialogs --------------------------------------------------------------

    def _with_choices(self, open_dialog: Callable[[TransferChoices], TransferDialog]) -> None:
        if self._choices is not None:
            self._open(open_dialog(self._choices))
            return

        def loaded(choices: TransferChoices) -> None:
            self._choices = choices
            self._open(open_dialog(choices))

        self.ctx.run(
            lambda: transfer_choices(self.ctx.db),
            loaded,
            lambda error: self.count_label.setText(error_text(error, self.ctx.language)),
        )

    def _open(self, dialog: TransferDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _closed(self, dialog: TransferDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def start_transfer_out(self, member_id: int | None = None, member_label: str = "") -> None:
        """Open «Chuyển đi» (for `member_id`, or with a search field when None)."""
        self._with_choices(
            lambda choices: TransferOutDialog(
                self.ctx, choices, member_id, member_label, self.today, self
            )
        )

    def start_transfer_in(self) -> None:
        """Open «Tiếp nhận» for a member arriving from another office."""
        self._with_choices(lambda choices: TransferInDialog(self.ctx, choices, self.today, self))

    def start_internal_move(self, member_id: int | None = None, member_label: str = "") -> None:
        """Open «Chuyển nội bộ» (for `member_id`, or with a search field when None)."""
        self._with_choices(
            lambda choices: InternalMoveDialog(
                self.ctx, choices, member_id, member_label, self.today, self
            )
        )

    def start_temporary(self, member_id: int | None = None, member_label: str = "") -> None:
        """Open «Tạm thời» (for `member_id`, or with a search field when None)."""
        self._with_choices(
            lambda choices: TemporaryTransferDialog(
                self.ctx, choices, member_id, member_label, self.today, self
            )
        )

    def _on_row(
        self,
        transfer_id: int | None,
        wanted: Callable[[TransferRow], bool],
        make: Callable[[TransferRow], TransferDialog],
    ) -> None:
        row = self.selected_row() if transfer_id is None else None
        if transfer_id is not None and (number := self.model.row_of(transfer_id)) >= 0:
            row = self.model.row_at(number)
        if row is not None:
            if wanted(row):
                self._open(make(row))
            return
        if transfer_id is None:
            return
        today = self.today
        self.ctx.run(
            lambda: transfer_detail(self.ctx.db, transfer_id, today).row,
            lambda found: self._open(make(found)) if wanted(found) else None,
            lambda error: self.count_label.setText(error_text(error, self.ctx.language)),
        )

    def mark_received(self, transfer_id: int | None = None) -> None:
        """Open «Đã đến nơi» for a letter in transit (the selected one when None)."""
        self._on_row(
            transfer_id, is_open_letter, lambda r: ReceivedDialog(self.ctx, r, self.today, self)
        )

    def record_return(self, transfer_id: int | None = None) -> None:
        """Open «Trở về» for a temporary stay (the selected one when None)."""
        self._on_row(
            transfer_id, is_open_stay, lambda r: ReturnDialog(self.ctx, r, self.today, self)
        )

    def cancel_transfer(self, transfer_id: int | None = None) -> None:
        """Open «Hủy» for a letter in transit (the selected one when None); asks to confirm."""
        self._on_row(
            transfer_id,
            is_open_letter,
            lambda r: CancelTransferDialog(self.ctx, r, self.today, self),
        )

    def open_due(self, action: str, transfer_id: int | None) -> None:
        """Act on a due item of the overview ("transfer_received" or "temporary_return")."""
        if transfer_id is None:
            return
        if action == "transfer_received":
            self.mark_received(transfer_id)
        elif action == "temporary_return":
            self.record_return(transfer_id)

    # --- printing -------------------------------------------------------------------------

    def print_letter(self) -> None:
        """Ask the main window to print the selected transfer's letter."""
        row = self.selected_row()
        if row is not None and has_letter(row):
            self.print_requested.emit(PrintRequest("transfer_letter", row.id))

    def print_letters_of_day(self, day: date | None = None) -> None:
        """Print every letter issued on `day` (asked for when None) in one batch."""
        if day is None:
            selected = self.selected_row()
            dialog = DayDialog(selected.letter_date if selected else date.today(), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            try:
                day = dialog.day.value()
            except ValueError as exc:
                self.count_label.setText(str(exc))
                return
            if day is None:
                return
        chosen = day
        self.ctx.run(
            lambda: letters_of_day(self.ctx.db, chosen),
            lambda requests: self._print_day(chosen, requests),
            lambda error: self.count_label.setText(error_text(error, self.ctx.language)),
        )

    def _print_day(self, day: date, requests: list[PrintRequest]) -> None:
        if not requests:
            self.count_label.setText(
                self.tr("Không có giấy giới thiệu nào ký ngày {date}.").replace(
                    "{date}", format_date(day)
                )
            )
            return
        self.print_batch_requested.emit(
            requests,
            self.tr("Giấy giới thiệu ngày {date}").replace("{date}", format_date(day)),
        )
