"""Kết nạp đảng viên: candidates and probationary members, each with the next step and its deadline.

Two tabs, «Quần chúng ưu tú» and «Đảng viên dự bị»; overdue rows are red. The buttons
open the next step of the selected person, add an introducer, hold one ceremony for
several selected people, or strike a probationary member off. Below, the selected
person's progress step by step. `open_step` lets the overview open a step in one click.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import MemberStatus
from partydesk.services import admission
from partydesk.services.admission import AdmissionProgress, BoardRow, ProgressStep, Step
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.admission_dialogs import AdmissionStepDialog, IntroducerDialog
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import format_date
from partydesk.ui.widgets.tables import compact_rows, read_only_table

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_OVERDUE = QColor("#c0392b")
#: The due list's actions name a family of steps; the page opens the member's next one.
_DUE_ACTIONS = ("admission_decision", "ceremony", "recognition")


def _days(row: BoardRow) -> str:
    if row.days_left is None:
        return ""
    if row.days_left < 0:
        return f"quá hạn {-row.days_left} ngày"
    if row.days_left == 0:
        return "hôm nay"
    return f"còn {row.days_left} ngày"


class BoardModel(QAbstractTableModel):
    """The board's rows of one status; overdue rows are painted red."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[BoardRow], Any]]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[BoardRow] = []

    def set_rows(self, rows: Sequence[BoardRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BoardRow:
        """The plain row behind a table row."""
        return self._rows[row]

    def row_of(self, member_id: int) -> int:
        """The table row of a member, or -1."""
        for index, row in enumerate(self._rows):
            if row.member_id == member_id:
                return index
        return -1

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, and red for an overdue row."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return _OVERDUE
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None


class AdmissionPage(QWidget):
    """The admission board: who is at which step, and the dialogs to record the next one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._progress_generation = 0
        #: The dialog opened last (tests fill it in).
        self.dialog: AdmissionStepDialog | IntroducerDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.next_button = QPushButton(self.tr("Ghi bước tiếp theo…"))
        self.introducer_button = QPushButton(self.tr("Thêm người giới thiệu…"))
        self.ceremony_button = QPushButton(self.tr("Tổ chức lễ kết nạp…"))
        self.fail_button = QPushButton(self.tr("Không công nhận chính thức…"))
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        for button in (
            self.next_button,
            self.introducer_button,
            self.ceremony_button,
            self.fail_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.tabs = QTabWidget()
        columns: list[tuple[str, Callable[[BoardRow], Any]]] = [
            (self.tr("Họ và tên"), lambda r: r.full_name),
            (self.tr("Ngày sinh"), lambda r: format_date(r.birth_date)),
            (self.tr("Chi bộ"), lambda r: r.organization_name),
            (self.tr("Bước đã ghi"), lambda r: f"{r.last_label} {format_date(r.last_on)}".strip()),
            (self.tr("Bước tiếp theo"), lambda r: r.next_label),
            (self.tr("Hạn"), lambda r: format_date(r.due)),
            (self.tr("Còn"), _days),
        ]
        self.candidate_model = BoardModel(columns)
        probation_columns = [
            *columns[:3],
            (self.tr("Ngày kết nạp"), lambda r: format_date(r.ceremony_date)),
            (self.tr("Hết dự bị"), lambda r: format_date(r.probation_ends)),
            *columns[4:],
        ]
        self.probationary_model = BoardModel(probation_columns)
        self.candidate_table = self._table(self.candidate_model)
        self.probationary_table = self._table(self.probationary_model)
        self.tabs.addTab(self.candidate_table, self.tr("Quần chúng ưu tú"))
        self.tabs.addTab(self.probationary_table, self.tr("Đảng viên dự bị"))
        layout.addWidget(self.tabs, 3)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        self.progress_model: RowsModel[ProgressStep] = RowsModel(
            [
                (self.tr("Bước"), lambda s: s.label),
                (self.tr("Ngày"), lambda s: format_date(s.done_on)),
                (self.tr("Số"), lambda s: s.number),
                (self.tr("Người ký"), lambda s: s.signer),
                (self.tr("Hạn"), lambda s: format_date(s.due)),
                (
                    self.tr("Ghi chú"),
                    lambda s: s.warning.message(self.ctx.language) if s.warning else "",
                ),
            ]
        )
        self.progress_table = read_only_table(self.progress_model)
        layout.addWidget(self.progress_table, 2)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)

        self.next_button.clicked.connect(self._next_clicked)
        self.introducer_button.clicked.connect(self._introducer_clicked)
        self.ceremony_button.clicked.connect(self._ceremony_clicked)
        self.fail_button.clicked.connect(self._fail_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.tabs.currentChanged.connect(lambda _i: self._selection_changed())
        ctx.bus.changed.connect(self._registers_changed)
        self.refresh()

    def _table(self, model: BoardModel) -> QTableView:
        table = QTableView()
        compact_rows(table)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        table.doubleClicked.connect(lambda _index: self._next_clicked())
        return table

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the board on the worker."""
        self._generation += 1
        generation = self._generation
        self.ctx.run(
            lambda: admission.admission_board(self.ctx.db),
            lambda rows: self._show(generation, rows),
            lambda error: self.status_label.setText(
                self.tr("Không tải được danh sách: ") + error_text(error, self.ctx.language)
            ),
        )

    def _show(self, generation: int, rows: list[BoardRow]) -> None:
        if generation != self._generation:
            return
        selected = self.selected_ids()
        candidates = [r for r in rows if r.status == MemberStatus.CANDIDATE.value]
        probationary = [r for r in rows if r.status == MemberStatus.PROBATIONARY.value]
        self.candidate_model.set_rows(candidates)
        self.probationary_model.set_rows(probationary)
        self.select(selected)
        overdue = sum(1 for r in rows if r.overdue)
        self.status_label.setText(
            self.tr("{c} quần chúng ưu tú, {p} đảng viên dự bị; {k} việc quá hạn.")
            .replace("{c}", str(len(candidates)))
            .replace("{p}", str(len(probationary)))
            .replace("{k}", str(overdue))
        )
        self._selection_changed()

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if "member" in registers:
            self.refresh()

    # --- selection ----------------------------------------------------------------------

    def _current(self) -> tuple[QTableView, BoardModel]:
        if self.tabs.currentIndex() == 1:
            return self.probationary_table, self.probationary_model
        return self.candidate_table, self.candidate_model

    def selected_rows(self) -> list[BoardRow]:
        """The board rows selected in the visible tab, top to bottom."""
        table, model = self._current()
        indexes = sorted(i.row() for i in table.selectionModel().selectedRows())
        return [model.row_at(i) for i in indexes]

    def selected_ids(self) -> list[int]:
        """Ids of the selected people in the visible tab."""
        return [row.member_id for row in self.selected_rows()]

    def select(self, member_ids: Sequence[int]) -> None:
        """Select these people, switching to the tab that holds the first of them."""
        if not member_ids:
            return
        for tab, model, table in (
            (0, self.candidate_model, self.candidate_table),
            (1, self.probationary_model, self.probationary_table),
        ):
            rows = [model.row_of(m) for m in member_ids if model.row_of(m) >= 0]
            if not rows:
                continue
            self.tabs.setCurrentIndex(tab)
            table.clearSelection()
            mode = table.selectionMode()
            table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
            for row in rows:
                table.selectRow(row)
            table.setSelectionMode(mode)
            return

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        first = rows[0] if rows else None
        self.next_button.setEnabled(one and first is not None and first.next_step is not None)
        self.introducer_button.setEnabled(
            one and first is not None and first.status == MemberStatus.CANDIDATE.value
        )
        self.ceremony_button.setEnabled(
            bool(rows) and all(r.next_step == Step.CEREMONY.value for r in rows)
        )
        self.fail_button.setEnabled(
            one and first is not None and first.status == MemberStatus.PROBATIONARY.value
        )
        if first is None or not one:
            self.progress_model.set_rows([])
            self.progress_label.setText(
                self.tr("Đã chọn {n} người.").replace("{n}", str(len(rows))) if rows else ""
            )
            return
        self._progress_generation += 1
        generation = self._progress_generation
        member_id = first.member_id
        self.ctx.run(
            lambda: admission.admission_progress(self.ctx.db, member_id),
            lambda progress: self._show_progress(generation, progress),
            lambda error: self.progress_label.setText(error_text(error, self.ctx.language)),
        )

    def _show_progress(self, generation: int, progress: AdmissionProgress) -> None:
        if generation != self._progress_generation:
            return
        self.progress_model.set_rows(progress.steps)
        introducers = "; ".join(i.full_name for i in progress.introducers)
        text = f"{progress.full_name} — {MemberStatus(progress.status).label}"
        if introducers:
            text += self.tr(" — người giới thiệu: ") + introducers
        if progress.probation_ends:
            text += self.tr(" — hết dự bị ") + format_date(progress.probation_ends)
        self.progress_label.setText(text)

    # --- actions ------------------------------------------------------------------------

    def _next_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and rows[0].next_step:
            self.open_step(rows[0].member_id, rows[0].next_step)

    def _introducer_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.open_step(rows[0].member_id, Step.INTRODUCER.value)

    def _ceremony_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            self._open_dialog(
                [r.member_id for r in rows], Step.CEREMONY.value, [r.full_name for r in rows]
            )

    def _fail_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.open_step(rows[0].member_id, Step.FAIL.value)

    def open_step(self, member_id: int, action: str) -> None:
        """Open the dialog of `action` for one member (the overview's «Việc cần làm»).

        `action` is a step ("ceremony", "recognition_branch_resolution"…) or a due
        item's action ("admission_decision", "ceremony", "recognition"), for which the
        member's actual next step is opened (the grassroots resolution may come first,
        the branch resolution before the recognition decision). The dialog opened is
        `self.dialog`; when the member has no step left the reason is shown instead.
        """
        if action not in _DUE_ACTIONS:
            names = [row.full_name for row in self._rows_of([member_id])]
            self._open(member_id, action, names)
            return
        self.ctx.run(
            lambda: admission.admission_progress(self.ctx.db, member_id),
            self._open_next,
            lambda error: self.status_label.setText(error_text(error, self.ctx.language)),
        )

    def _open_next(self, progress: AdmissionProgress) -> None:
        if progress.next_step is None:
            self.status_label.setText(
                self.tr("{name} không còn bước nào phải ghi.").replace("{name}", progress.full_name)
            )
            return
        self._open(progress.member_id, progress.next_step, [progress.full_name])

    def _open(self, member_id: int, action: str, names: Sequence[str]) -> None:
        self.select([member_id])
        if action == Step.INTRODUCER.value:
            self._show_dialog(IntroducerDialog(self.ctx, member_id, self))
        else:
            self._open_dialog([member_id], action, names)

    def _rows_of(self, member_ids: Sequence[int]) -> list[BoardRow]:
        rows = []
        for model in (self.candidate_model, self.probationary_model):
            for member_id in member_ids:
                index = model.row_of(member_id)
                if index >= 0:
                    rows.append(model.row_at(index))
        return rows

    def _open_dialog(
        self, member_ids: list[int], step: str, names: Sequence[str]
    ) -> AdmissionStepDialog:
        dialog = AdmissionStepDialog(self.ctx, member_ids, step, names, self)
        self._show_dialog(dialog)
        return dialog

    def _show_dialog(self, dialog: AdmissionStepDialog | IntroducerDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
