"""The cadre register as a table model over plain `CadreListRow`s.

A register holds hundreds of cadres, so the model keeps the whole list and filters and
sorts it in memory; the list arrives in Vietnamese name order from SQL, and that order
is what sorting by name restores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from partydesk.codes import CadreStatus
from partydesk.rules import fold
from partydesk.services.cadre_records import (
    CadreListRow,
)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: The cadre id of a row (int).
CADRE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def decimal(value: float | None) -> str:
    """2.34 → "2,34" (Vietnamese decimal comma); empty for None."""
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def birth_text(row: CadreListRow) -> str:
    """dd/mm/yyyy, or only the year when that is all that is known."""
    return str(row.birth_date.year) if row.birth_year_only else f"{row.birth_date:%d/%m/%Y}"


class CadreTableModel(QAbstractTableModel):
    """Họ tên, ngày sinh, chức vụ hiện tại (+ kiêm nhiệm), địa phương, lương, ngày nâng bậc."""

    COLUMNS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[CadreListRow] = []
        self._rows: list[CadreListRow] = []
        self._rank: dict[int, int] = {}
        self._words: list[str] = []
        self._show_inactive = False
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._titles = [
            self.tr("Họ và tên"),
            self.tr("Ngày sinh"),
            self.tr("Chức vụ hiện tại"),
            self.tr("Địa phương"),
            self.tr("Ngạch – bậc – hệ số"),
            self.tr("Ngày hưởng bậc"),
        ]
        self._keys: list[Callable[[CadreListRow], Any]] = [
            lambda r: self._rank.get(r.id, 0),
            lambda r: r.birth_date,
            lambda r: fold(r.main_post),
            lambda r: (not r.is_local, self._rank.get(r.id, 0)),
            lambda r: (fold(r.salary_grade), r.salary_coefficient or 0.0),
            lambda r: r.salary_step_date or date.min,
        ]

    # --- content ------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[CadreListRow]) -> None:
        """Replace the list (in name order, as the service returns it)."""
        self._all = list(rows)
        self._rank = {row.id: index for index, row in enumerate(self._all)}
        self._apply()

    def set_filter(self, text: str) -> None:
        """Keep cadres whose name or current posts hold every typed word (no diacritics)."""
        self._words = fold(text).split()
        self._apply()

    def set_show_inactive(self, value: bool) -> None:
        """Also list retired, moved and deceased cadres."""
        self._show_inactive = value
        self._apply()

    def _accepts(self, row: CadreListRow) -> bool:
        if not self._show_inactive and row.status != CadreStatus.ACTIVE.value:
            return False
        if not self._words:
            return True
        text = " ".join([row.name_fold, fold(row.main_post), *map(fold, row.concurrent_posts)])
        return all(word in text for word in self._words)

    def _apply(self) -> None:
        self.beginResetModel()
        column, order = self._sort
        rows = [row for row in self._all if self._accepts(row)]
        rows.sort(key=self._keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> CadreListRow:
        """The cadre shown in a table row."""
        return self._rows[row]

    def row_of(self, cadre_id: int) -> int:
        """The table row of a cadre (-1 when filtered out)."""
        return next((n for n, row in enumerate(self._rows) if row.id == cadre_id), -1)

    def total(self) -> int:
        """Cadres in the list before filtering."""
        return len(self._all)

    # --- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Rows after filtering."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Six columns."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltips with every current post, grey for cadres no longer active."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and row.concurrent_posts:
            lines = [row.main_post] if row.main_post else []
            lines += [self.tr("Kiêm: ") + post for post in row.concurrent_posts]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and row.status != CadreStatus.ACTIVE.value:
            return QBrush(QColor(128, 128, 128))
        if role == CADRE_ID_ROLE:
            return row.id
        return None

    def _text(self, row: CadreListRow, column: int) -> str:
        if column == 0:
            return row.full_name
        if column == 1:
            return birth_text(row)
        if column == 2:
            posts = row.main_post
            if row.concurrent_posts:
                concurrent = self.tr("kiêm ") + "; ".join(row.concurrent_posts)
                posts = f"{posts}; {concurrent}" if posts else concurrent
            return posts
        if column == 3:
            return self.tr("Người địa phương") if row.is_local else self.tr("Không")
        if column == 4:
            return self.salary_text(row)
        return "" if row.salary_step_date is None else f"{row.salary_step_date:%d/%m/%Y}"

    def salary_text(self, row: CadreListRow) -> str:
        """Grade, step and coefficient: "Chuyên viên – bậc 3 – 3,00" (missing parts left out)."""
        parts = [row.salary_grade] if row.salary_grade else []
        if row.salary_step is not None:
            parts.append(self.tr("bậc {n}").replace("{n}", str(row.salary_step)))
        if row.salary_coefficient is not None:
            parts.append(decimal(row.salary_coefficient))
        return " – ".join(parts)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < self.COLUMNS
        ):
            return self._titles[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; by name means the register's Vietnamese name order."""
        if not 0 <= column < self.COLUMNS:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        # Selections hold persistent indexes: move them with their cadres.
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._rows.sort(key=self._keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        position = {row.id: n for n, row in enumerate(self._rows)}
        after = [
            self.index(position[cadre_id], index.column())
            for cadre_id, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
