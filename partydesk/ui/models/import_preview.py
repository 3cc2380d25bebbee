"""The Excel import preview as a table: one line per sheet row, its verdict, its cells.

The preview (a plain `ImportPreview`, already in memory) can hold 50,000 rows: the model
keeps the indices of the rows shown (all, or only those with problems) and formats a
cell only when the view paints it. A refused row's verdict column says why; a cell with
a problem is tinted and its tooltip says what is wrong.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from partydesk.services.excel_import import ImportPreview, ImportRow

_FIXED = 2  # «Dòng», «Kết quả»
_PROBLEM = QBrush(QColor("#f8d7da"))
_REFUSED = QBrush(QColor("#fdecea"))
_ADDED = QBrush(QColor("#e6f4ea"))
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def cell_text(value: Any) -> str:
    """A cell as the clerk typed it: dates dd/mm/yyyy, whole numbers without «.0»."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ImportPreviewModel(QAbstractTableModel):
    """Rows of an `ImportPreview`; `set_problems_only` filters to the refused rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self._shown: list[int] = []
        self.problems_only = False

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show `preview` (None: empty)."""
        self.beginResetModel()
        self.preview = preview
        self._shown = self._indices()
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        """Show only the refused rows, or every row."""
        self.beginResetModel()
        self.problems_only = on
        self._shown = self._indices()
        self.endResetModel()

    def _indices(self) -> list[int]:
        if self.preview is None:
            return []
        rows = self.preview.rows
        if self.problems_only:
            return [i for i, row in enumerate(rows) if not row.accepted]
        return list(range(len(rows)))

    def import_row(self, row: int) -> ImportRow | None:
        """The preview row shown on table row `row`."""
        if self.preview is None or not 0 <= row < len(self._shown):
            return None
        return self.preview.rows[self._shown[row]]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Rows shown."""
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """«Dòng», «Kết quả» and the file's columns."""
        if parent.isValid() or self.preview is None:
            return 0
        return _FIXED + len(self.preview.headers)

    def headerData(  # noqa: N802 (Qt's name)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles: the file's headers and the field each column fills."""
        if orientation != Qt.Orientation.Horizontal or self.preview is None:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Dòng")
        if section == 1:
            return self.tr("Kết quả")
        column = section - _FIXED
        if not 0 <= column < len(self.preview.headers):
            return None
        header = self.preview.headers[column] or self.tr("(không tiêu đề)")
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self.preview.mapping[column]
            return header if name else self.tr("{header}: không nhập").replace("{header}", header)
        return header

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, tints and the problems of each cell."""
        if not index.isValid():
            return None
        row = self.import_row(index.row())
        if row is None:
            return None
        section = index.column()
        if section == 0:
            return row.row if role == Qt.ItemDataRole.DisplayRole else None
        if section == 1:
            return self._verdict(row, role)
        column = section - _FIXED
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row.cells[column]) if column < len(row.cells) else ""
        problem = row.problems.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return _PROBLEM
        return None

    def _verdict(self, row: ImportRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if row.accepted:
                return self.tr("Thêm")
            return self.tr("Không nhập: {reasons}").replace("{reasons}", "; ".join(row.reasons))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(row.reasons or row.notes) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return _ADDED if row.accepted else _REFUSED
        return None
