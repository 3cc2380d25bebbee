"""Đánh giá, xếp loại: a branch's members for a year in an editable grid, saved in one batch.

Typing points fills in the level they earn (thresholds of the rule table for that year);
a level chosen against the points is refused by the service when saving. Below the grid:
the branch's own rating, the office's summary with the warning on the share of "xuất
sắc" (a warning, never a block), and members who failed two years in a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import MemberStatus
from partydesk.services import ratings
from partydesk.services.ratings import (
    LEVELS,
    BranchRatingRow,
    RatingEntry,
    RatingSummary,
    StrikeOffCase,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.tables import editable_table, read_only_table

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def level_names() -> dict[str, str]:
    """Vietnamese names of the four levels (catalogue `rating`), translated."""
    return {
        "xuat_sac": QCoreApplication.translate("Ratings", "Hoàn thành xuất sắc nhiệm vụ"),
        "tot": QCoreApplication.translate("Ratings", "Hoàn thành tốt nhiệm vụ"),
        "hoan_thanh": QCoreApplication.translate("Ratings", "Hoàn thành nhiệm vụ"),
        "khong_hoan_thanh": QCoreApplication.translate("Ratings", "Không hoàn thành nhiệm vụ"),
    }


def level_for(points: int, thresholds: tuple[int, int, int]) -> str:
    """The level `points` earn (same rule as the service, thresholds from the rule table)."""
    excellent, good, passed = thresholds
    if points >= excellent:
        return "xuat_sac"
    if points >= good:
        return "tot"
    if points >= passed:
        return "hoan_thanh"
    return "khong_hoan_thanh"


@dataclass(frozen=True)
class GridRow:
    """One member in the grid, as loaded and as edited."""

    member_id: int
    full_name: str
    status: str
    level_code: str | None
    points: int | None
    changed: bool = False


class RatingGridModel(QAbstractTableModel):
    """Họ và tên, trạng thái, điểm (editable), xếp loại (editable)."""

    NAME, STATUS, POINTS, LEVEL = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self.thresholds: tuple[int, int, int] = (90, 70, 50)
        self._names = level_names()
        self._headers = [
            self.tr("Họ và tên"),
            self.tr("Trạng thái"),
            self.tr("Điểm"),
            self.tr("Xếp loại"),
        ]

    def set_rows(self, rows: Sequence[BranchRatingRow], thresholds: tuple[int, int, int]) -> None:
        """Show the branch's members with their stored ratings."""
        self.beginResetModel()
        self.thresholds = thresholds
        self._rows = [
            GridRow(r.member_id, r.full_name, r.status, r.level_code, r.points) for r in rows
        ]
        self.endResetModel()

    def row_at(self, row: int) -> GridRow:
        """The row behind a table row."""
        return self._rows[row]

    def entries(self) -> list[RatingEntry]:
        """The edited rows, ready for `rate_branch`."""
        return [
            RatingEntry(r.member_id, r.level_code, r.points)
            for r in self._rows
            if r.changed and (r.level_code is not None or r.points is not None)
        ]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of members."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Four columns."""
        return 0 if parent.isValid() else 4

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Points and level are editable."""
        base = super().flags(index)
        if index.isValid() and index.column() in (self.POINTS, self.LEVEL):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; the level's code as edit data."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.full_name
            if column == self.STATUS:
                return MemberStatus(row.status).label
            if column == self.POINTS:
                return "" if row.points is None else str(row.points)
            return self._names.get(row.level_code or "", "")
        if role == Qt.ItemDataRole.EditRole:
            if column == self.POINTS:
                return "" if row.points is None else str(row.points)
            if column == self.LEVEL:
                return row.level_code
        if role == Qt.ItemDataRole.FontRole and row.changed and column in (self.POINTS, self.LEVEL):
            font = QLabel().font()
            font.setBold(True)
            return font
        return None

    def setData(  # noqa: N802
        self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Points (0–100, empty clears) fill in the level; a level may be chosen alone."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        if index.column() == self.POINTS:
            text = str(value if value is not None else "").strip()
            if not text:
                updated = replace(row, points=None, changed=True)
            else:
                if not text.isdigit() or not 0 <= int(text) <= 100:
                    return False
                points = int(text)
                updated = replace(
                    row, points=points, level_code=level_for(points, self.thresholds), changed=True
                )
        elif index.column() == self.LEVEL:
            code = value if value in LEVELS else None
            updated = replace(row, level_code=code, changed=True)
        else:
            return False
        self._rows[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class LevelDelegate(QStyledItemDelegate):
    """A combo box of the four levels (and "not rated") for the level column."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: _Index
    ) -> QWidget:
        """The combo box."""
        combo = QComboBox(parent)
        combo.addItem("", None)
        for code, name in level_names().items():
            combo.addItem(name, code)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        """Select the stored level."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: _Index
    ) -> None:
        """Store the chosen level's code."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


@dataclass(frozen=True)
class _PageData:
    rows: list[BranchRatingRow]
    thresholds: tuple[int, int, int]
    branch_rating: tuple[str, int | None] | None
    summary: RatingSummary
    cases: list[StrikeOffCase]


class RatingsPage(QWidget):
    """Year and branch pickers, the grid, the branch's rating, the summary and warnings."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._names = level_names()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Năm:")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        today = date.today()
        self.year.setValue(today.year if today.month == 12 else today.year - 1)
        bar.addWidget(self.year)
        bar.addWidget(QLabel(self.tr("Chi bộ:")))
        self.branch = QComboBox()
        self.branch.setMinimumWidth(280)
        bar.addWidget(self.branch, 1)
        self.save_button = QPushButton(self.tr("Lưu xếp loại"))
        bar.addWidget(self.save_button)
        layout.addLayout(bar)

        self.model = RatingGridModel(self)
        self.table = editable_table(self.model, stretch_last=False)
        self.table.setItemDelegateForColumn(RatingGridModel.LEVEL, LevelDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RatingGridModel.NAME, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 3)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        own = QGroupBox(self.tr("Xếp loại chất lượng chi bộ"))
        own_form = QHBoxLayout(own)
        own_form.addWidget(QLabel(self.tr("Điểm:")))
        self.org_points = QLineEdit()
        self.org_points.setMaximumWidth(60)
        own_form.addWidget(self.org_points)
        own_form.addWidget(QLabel(self.tr("Xếp loại:")))
        self.org_level = QComboBox()
        self.org_level.addItem("", None)
        for code, name in self._names.items():
            self.org_level.addItem(name, code)
        own_form.addWidget(self.org_level, 1)
        self.org_save = QPushButton(self.tr("Lưu xếp loại chi bộ"))
        own_form.addWidget(self.org_save)
        layout.addWidget(own)

        summary = QGroupBox(self.tr("Tổng hợp toàn đơn vị"))
        summary_layout = QFormLayout(summary)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        summary_layout.addRow(self.summary_label)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b36b00; font-weight: bold;")
        self.warning.hide()
        summary_layout.addRow(self.warning)
        layout.addWidget(summary)

        layout.addWidget(
            QLabel(self.tr("Không hoàn thành nhiệm vụ hai năm liền (có thể xem xét xóa tên):"))
        )
        self.cases: RowsModel[StrikeOffCase] = RowsModel(
            [
                (self.tr("Họ và tên"), lambda c: c.full_name),
                (self.tr("Các năm"), lambda c: ", ".join(c.years)),
                (self.tr("Căn cứ"), lambda c: c.ground),
            ]
        )
        self.cases_table = read_only_table(self.cases)
        layout.addWidget(self.cases_table, 1)

        self.year.valueChanged.connect(lambda _value: self.refresh())
        self.branch.currentIndexChanged.connect(lambda _index: self.refresh())
        self.save_button.clicked.connect(self.save)
        self.org_save.clicked.connect(self.save_branch_rating)
        self.org_points.textEdited.connect(self._org_points_typed)
        ctx.bus.changed.connect(self._registers_changed)
        self.load_branches()

    def period(self) -> str:
        """The chosen year as a rating period."""
        return str(self.year.value())

    def branch_id(self) -> int | None:
        """The chosen branch."""
        value = self.branch.currentData()
        return int(value) if value is not None else None

    def load_branches(self) -> None:
        """Reload the branch list on the worker, keeping the chosen branch."""
        self.ctx.run(
            lambda: ratings.rating_branches(self.ctx.db),
            self._show_branches,
            lambda error: self.message.setText(error_text(error, self.ctx.language)),
        )

    def _show_branches(self, rows: list[tuple[int, str]]) -> None:
        chosen = self.branch_id()
        self.branch.blockSignals(True)
        self.branch.clear()
        for org_id, name in rows:
            self.branch.addItem(name, org_id)
        self.branch.setCurrentIndex(max(self.branch.findData(chosen), 0))
        self.branch.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Load the branch's grid, its rating, the summary and the strike-off cases."""
        self._generation += 1
        generation = self._generation
        branch, period = self.branch_id(), self.period()
        db = self.ctx.db

        def work() -> _PageData:
            return _PageData(
                rows=ratings.branch_ratings(db, branch, period) if branch is not None else [],
                thresholds=ratings.rating_thresholds(db, period),
                branch_rating=(
                    ratings.organization_rating(db, branch, period) if branch is not None else None
                ),
                summary=ratings.rating_summary(db, period),
                cases=ratings.strike_off_cases(db, period),
            )

        self.ctx.run(
            work,
            lambda data: self._show(generation, data),
            lambda error: self.message.setText(error_text(error, self.ctx.language)),
        )

    def _show(self, generation: int, data: _PageData) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(data.rows, data.thresholds)
        rated = sum(1 for row in data.rows if row.level_code is not None)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("{rated}/{total} đảng viên đã xếp loại năm {year}.")
            .replace("{rated}", str(rated))
            .replace("{total}", str(len(data.rows)))
            .replace("{year}", self.period())
        )
        level, points = data.branch_rating or (None, None)
        self.org_points.setText("" if points is None else str(points))
        self.org_level.setCurrentIndex(max(self.org_level.findData(level), 0))
        counts = "; ".join(
            f"{self._names[code]}: {data.summary.counts.get(code, 0)}" for code in LEVELS
        )
        self.summary_label.setText(
            self.tr("Năm {year}: {rated} đảng viên đã xếp loại — {counts}")
            .replace("{year}", data.summary.period)
            .replace("{rated}", str(data.summary.rated))
            .replace("{counts}", counts)
        )
        text = data.summary.warning_en if self.ctx.language == "en" else data.summary.warning
        self.warning.setText(text or "")
        self.warning.setVisible(bool(text))
        self.cases.set_rows(data.cases)

    def save(self) -> None:
        """Save the edited ratings of the branch in one transaction."""
        branch = self.branch_id()
        entries = self.model.entries()
        if branch is None or not entries:
            self.message.setText(self.tr("Chưa có xếp loại nào được sửa."))
            return
        period = self.period()
        self.save_button.setEnabled(False)
        self.ctx.run(
            lambda: ratings.rate_branch(self.ctx.db, branch, period, entries, date.today()),
            self._saved,
            self._refused,
        )

    def _saved(self, count: int) -> None:
        self.save_button.setEnabled(True)
        self.ctx.bus.announce("rating")
        self.refresh()
        self.message.setText(
            self.message.text() + " " + self.tr("Đã lưu {n} xếp loại.").replace("{n}", str(count))
        )

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.org_save.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error, self.ctx.language))

    def _org_points_typed(self, text: str) -> None:
        if text.strip().isdigit() and int(text) <= 100:
            code = level_for(int(text), self.model.thresholds)
            self.org_level.setCurrentIndex(max(self.org_level.findData(code), 0))

    def save_branch_rating(self) -> None:
        """Save the branch's own rating for the year."""
        branch = self.branch_id()
        if branch is None:
            return
        text = self.org_points.text().strip()
        if text and not text.isdigit():
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr("Điểm phải là số từ 0 đến 100."))
            return
        points = int(text) if text else None
        level = self.org_level.currentData()
        period = self.period()
        self.org_save.setEnabled(False)

        def done(_level: str) -> None:
            self.org_save.setEnabled(True)
            self.ctx.bus.announce("rating")
            self.refresh()

        self.ctx.run(
            lambda: ratings.rate_organization(
                self.ctx.db, branch, period, level, points, date.today()
            ),
            done,
            self._refused,
        )

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if "member" in registers or "organization" in registers:
            self.load_branches()
