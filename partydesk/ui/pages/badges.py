"""Huy hiệu Đảng: who is due at an occasion (on time, early, posthumously), awarded in batch.

The clerk picks an occasion (3/2, 19/5, 2/9, 7/11), ticks members in the three lists,
types each badge number, the decision number and date, and records the awards in one
transaction. Thresholds, occasions and how early a badge may be given come from the rule
table; the service refuses anything not reached, already awarded or too early.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.services import badges
from partydesk.services.badges import BadgeAward, BadgeCandidate, BadgeLists
from partydesk.services.printing import PrintRequest
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import editable_table

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class BadgeListModel(QAbstractTableModel):
    """A list of candidates: tick to award, type the badge number per row."""

    NAME, BRANCH, DECISION, YEARS, REACHED, BADGE_NO = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BadgeCandidate] = []
        self._checked: set[int] = set()
        self._numbers: dict[int, str] = {}
        self._headers = [
            self.tr("Họ và tên"),
            self.tr("Chi bộ"),
            self.tr("Ngày kết nạp"),
            self.tr("Huy hiệu"),
            self.tr("Đủ tuổi đảng ngày"),
            self.tr("Số huy hiệu"),
        ]

    def set_rows(self, rows: Sequence[BadgeCandidate]) -> None:
        """Show a new list; ticks and typed numbers are cleared."""
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = set()
        self._numbers = {}
        self.endResetModel()

    def row_at(self, row: int) -> BadgeCandidate:
        """The candidate behind a table row."""
        return self._rows[row]

    def check_all(self, checked: bool = True) -> None:
        """Tick (or untick) every row."""
        self._checked = set(range(len(self._rows))) if checked else set()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def checked_count(self) -> int:
        """How many rows are ticked."""
        return len(self._checked)

    def awards(self, early: bool = False, reason: str = "") -> list[BadgeAward]:
        """The ticked rows as awards."""
        return [
            BadgeAward(
                self._rows[row].member_id,
                self._rows[row].years,
                self._numbers.get(row, "").strip(),
                early=early,
                early_reason=reason,
            )
            for row in sorted(self._checked)
        ]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of candidates."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Six columns."""
        return 0 if parent.isValid() else 6

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """The name is checkable, the badge number editable."""
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == self.NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.BADGE_NO:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text and the tick."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.NAME:
            checked = index.row() in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return row.full_name
            if column == self.BRANCH:
                return row.organization_name
            if column == self.DECISION:
                return format_date(row.decision_date)
            if column == self.YEARS:
                return self.tr("{n} năm").replace("{n}", str(row.years))
            if column == self.REACHED:
                return format_date(row.reached_on)
            return self._numbers.get(index.row(), "")
        return None

    def setData(  # noqa: N802
        self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Tick a row, or type its badge number."""
        if not index.isValid():
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.NAME:
            state = Qt.CheckState(value) if isinstance(value, int) else value
            if state == Qt.CheckState.Checked:
                self._checked.add(index.row())
            else:
                self._checked.discard(index.row())
        elif role == Qt.ItemDataRole.EditRole and index.column() == self.BADGE_NO:
            self._numbers[index.row()] = str(value or "").strip()
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def occasion_choices(today: date) -> list[date]:
    """The last two occasions and the next four, oldest first."""
    past = [d for d in badges.next_occasions(today - timedelta(days=366), 6) if d < today]
    return past[-2:] + badges.next_occasions(today, 4)


class BadgesPage(QWidget):
    """Occasion picker, the three lists, the decision, and "record the awards"."""

    #: «In danh sách đề nghị»: a PrintRequest for the main window's printer.
    print_requested = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self.lists: BadgeLists | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Dịp xét tặng:")))
        self.occasion = QComboBox()
        today = date.today()
        for occasion in occasion_choices(today):
            # ISO text as item data: combo boxes compare Python dates unreliably.
            self.occasion.addItem(format_date(occasion), occasion.isoformat())
        self.select_occasion(badges.next_occasions(today, 1)[0])
        bar.addWidget(self.occasion)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("In danh sách đề nghị"))
        bar.addWidget(self.print_button)
        self.check_all_button = QPushButton(self.tr("Chọn tất cả"))
        bar.addWidget(self.check_all_button)
        layout.addLayout(bar)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        layout.addWidget(self.source)

        self.tabs = QTabWidget()
        self.due_model = BadgeListModel(self)
        self.early_model = BadgeListModel(self)
        self.posthumous_model = BadgeListModel(self)
        self.due_table = self._table(self.due_model)
        self.early_table = self._table(self.early_model)
        self.posthumous_table = self._table(self.posthumous_model)
        self.tabs.addTab(self.due_table, "")
        early_box = QWidget()
        early_layout = QVBoxLayout(early_box)
        early_layout.setContentsMargins(0, 0, 0, 0)
        early_layout.addWidget(self.early_table, 1)
        reason_row = QFormLayout()
        self.early_reason = QLineEdit()
        self.early_reason.setPlaceholderText(self.tr("Bệnh hiểm nghèo, bệnh nặng…"))
        reason_row.addRow(self.tr("Lý do tặng sớm:"), self.early_reason)
        early_layout.addLayout(reason_row)
        self.tabs.addTab(early_box, "")
        self.tabs.addTab(self.posthumous_table, "")
        layout.addWidget(self.tabs, 1)

        decision = QFormLayout()
        self.decision_no = QLineEdit()
        decision.addRow(self.tr("Số quyết định:"), self.decision_no)
        self.decision_date = DateEdit()
        decision.addRow(self.tr("Ngày quyết định:"), self.decision_date)
        self.decided_by = QLineEdit(self.tr("Ban Thường vụ Tỉnh ủy"))
        decision.addRow(self.tr("Cấp quyết định:"), self.decided_by)
        layout.addLayout(decision)
        actions = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions.addWidget(self.message, 1)
        self.award_button = QPushButton(self.tr("Ghi quyết định tặng"))
        actions.addWidget(self.award_button)
        layout.addLayout(actions)

        self.occasion.currentIndexChanged.connect(lambda _index: self.refresh())
        self.check_all_button.clicked.connect(self._check_all)
        self.award_button.clicked.connect(self.award)
        self.print_button.clicked.connect(lambda _checked=False: self.print_list())
        ctx.bus.changed.connect(self._registers_changed)
        self.refresh()

    @staticmethod
    def _table(model: BadgeListModel) -> QTableView:
        return editable_table(model)

    def current_occasion(self) -> date:
        """The chosen award occasion."""
        return date.fromisoformat(str(self.occasion.currentData()))

    def select_occasion(self, occasion: date) -> bool:
        """Choose `occasion` if it is offered; returns whether it was."""
        index = self.occasion.findData(occasion.isoformat())
        if index >= 0:
            self.occasion.setCurrentIndex(index)
        return index >= 0

    def print_list(self) -> None:
        """Ask the main window to print the proposal list of the chosen occasion."""
        self.print_requested.emit(
            PrintRequest("badge_list", None, occasion=self.current_occasion())
        )

    def refresh(self) -> None:
        """Load the three lists for the chosen occasion on the worker."""
        self._generation += 1
        generation = self._generation
        occasion = self.current_occasion()
        self.ctx.run(
            lambda: badges.badge_candidates(self.ctx.db, occasion),
            lambda lists: self._show(generation, lists),
            self._refused,
        )

    def _show(self, generation: int, lists: BadgeLists) -> None:
        if generation != self._generation:
            return
        self.lists = lists
        self.due_model.set_rows(lists.due)
        self.early_model.set_rows(lists.early)
        self.posthumous_model.set_rows(lists.posthumous)
        self.tabs.setTabText(0, self.tr("Đến hạn ({n})").replace("{n}", str(len(lists.due))))
        self.tabs.setTabText(
            1, self.tr("Xét tặng sớm do bệnh nặng ({n})").replace("{n}", str(len(lists.early)))
        )
        self.tabs.setTabText(
            2, self.tr("Truy tặng ({n})").replace("{n}", str(len(lists.posthumous)))
        )
        self.source.setText(self.tr("Căn cứ: {source}").replace("{source}", lists.source))
        if not self.decision_date.text().strip():
            self.decision_date.set_value(lists.occasion)

    def _current_model(self) -> BadgeListModel:
        return (self.due_model, self.early_model, self.posthumous_model)[self.tabs.currentIndex()]

    def _check_all(self) -> None:
        model = self._current_model()
        model.check_all(model.checked_count() < model.rowCount())

    def awards(self) -> list[BadgeAward]:
        """Every ticked row of the three lists."""
        return [
            *self.due_model.awards(),
            *self.early_model.awards(early=True, reason=self.early_reason.text()),
            *self.posthumous_model.awards(),
        ]

    def award(self) -> None:
        """Confirm, then record the ticked awards in one transaction."""
        awards = self.awards()
        self.message.setStyleSheet("color: #b00020;")
        if not awards:
            self.message.setText(self.tr("Hãy đánh dấu những đảng viên được tặng."))
            return
        try:
            decided_on = self.decision_date.value()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        occasion = self.current_occasion()
        number, by = self.decision_no.text(), self.decided_by.text()
        question = (
            self.tr("Ghi quyết định {number} tặng Huy hiệu Đảng dịp {date} cho {n} đảng viên?")
            .replace("{number}", number.strip() or "…")
            .replace("{date}", format_date(occasion))
            .replace("{n}", str(len(awards)))
        )
        if not ask_confirmation(self, self.tr("Tặng Huy hiệu Đảng"), question):
            return
        self.award_button.setEnabled(False)
        self.ctx.run(
            lambda: badges.award_badges(
                self.ctx.db,
                awards,
                occasion=occasion,
                decision_no=number,
                decision_date=decided_on,
                decided_by=by,
            ),
            self._awarded,
            self._refused,
        )

    def _awarded(self, result: badges.AwardResult) -> None:
        self.award_button.setEnabled(True)
        self.ctx.bus.announce("member")
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Đã ghi {n} Huy hiệu Đảng (quyết định {number}).")
            .replace("{n}", str(result.awarded))
            .replace("{number}", result.decision_no)
        )

    def _refused(self, error: BaseException) -> None:
        self.award_button.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error, self.ctx.language))

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if "member" in registers:
            text = self.message.text()
            self.refresh()
            self.message.setText(text)
