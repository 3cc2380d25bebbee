"""The dry-run preview of a sync package as a table: record kind, name, outcome, reason.

A full package of a large office holds tens of thousands of records: the model keeps the
indices of the records shown (all, or those of one outcome) and formats a cell only when
the view paints it. Conflicts and refusals are tinted; the reason column says why, in
Vietnamese, as the service wrote it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from partydesk.services.sync_import import ImportPreview
from partydesk.services.sync_plan import Outcome, PlannedRecord

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TINTS = {
    Outcome.NEW: QBrush(QColor("#e6f4ea")),
    Outcome.UPDATED: QBrush(QColor("#e8f0fe")),
    Outcome.CONFLICT: QBrush(QColor("#fff4d6")),
    Outcome.REFUSED: QBrush(QColor("#fdecea")),
}
KIND, LABEL, OUTCOME, REASON = range(4)


def table_label(table: str) -> str:
    """The Vietnamese name of a synchronised table (record kind)."""
    labels = {
        "organization": QCoreApplication.translate("SyncLabels", "Tổ chức đảng"),
        "organization_parent": QCoreApplication.translate("SyncLabels", "Cấp trên của tổ chức"),
        "organization_rating": QCoreApplication.translate("SyncLabels", "Xếp loại tổ chức"),
        "member": QCoreApplication.translate("SyncLabels", "Đảng viên"),
        "committee_member": QCoreApplication.translate("SyncLabels", "Cấp ủy viên"),
        "membership": QCoreApplication.translate("SyncLabels", "Sinh hoạt tại chi bộ"),
        "member_event": QCoreApplication.translate("SyncLabels", "Sự kiện đảng viên"),
        "transfer": QCoreApplication.translate("SyncLabels", "Chuyển sinh hoạt"),
        "candidate_introducer": QCoreApplication.translate("SyncLabels", "Người giới thiệu"),
        "member_rating": QCoreApplication.translate("SyncLabels", "Xếp loại đảng viên"),
        "dues_payment": QCoreApplication.translate("SyncLabels", "Đảng phí"),
        "cadre": QCoreApplication.translate("SyncLabels", "Cán bộ"),
        "cadre_post": QCoreApplication.translate("SyncLabels", "Chức vụ cán bộ"),
        "cadre_training": QCoreApplication.translate("SyncLabels", "Đào tạo cán bộ"),
        "cadre_planning": QCoreApplication.translate("SyncLabels", "Quy hoạch cán bộ"),
        "cadre_event": QCoreApplication.translate("SyncLabels", "Sự kiện cán bộ"),
        "catalogue_item": QCoreApplication.translate("SyncLabels", "Mục danh mục"),
        "rule_parameter": QCoreApplication.translate("SyncLabels", "Quy định"),
    }
    return labels.get(table, table)


def outcome_label(outcome: Outcome | str) -> str:
    """The Vietnamese name of an import outcome (Mới, Cập nhật…)."""
    labels = {
        Outcome.NEW: QCoreApplication.translate("SyncLabels", "Mới"),
        Outcome.UPDATED: QCoreApplication.translate("SyncLabels", "Cập nhật"),
        Outcome.UNCHANGED: QCoreApplication.translate("SyncLabels", "Không đổi"),
        Outcome.CONFLICT: QCoreApplication.translate("SyncLabels", "Xung đột"),
        Outcome.REFUSED: QCoreApplication.translate("SyncLabels", "Từ chối"),
    }
    return labels[Outcome(outcome)]


class SyncPreviewModel(QAbstractTableModel):
    """The records of an `ImportPreview`; `set_outcome` filters to one outcome."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.outcome: Outcome | None = None
        self._shown: list[int] = []

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show `preview` (None: empty)."""
        self.beginResetModel()
        self.preview = preview
        self._shown = self._indices()
        self.endResetModel()

    def set_outcome(self, outcome: Outcome | None) -> None:
        """Show only the records of `outcome` (None: every record)."""
        self.beginResetModel()
        self.outcome = outcome
        self._shown = self._indices()
        self.endResetModel()

    def _indices(self) -> list[int]:
        if self.preview is None:
            return []
        items = self.preview.items
        if self.outcome is None:
            return list(range(len(items)))
        return [i for i, item in enumerate(items) if item.outcome is self.outcome]

    def record(self, row: int) -> PlannedRecord | None:
        """The planned record shown on table row `row`."""
        if self.preview is None or not 0 <= row < len(self._shown):
            return None
        return self.preview.items[self._shown[row]]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 (Qt's name)
        """Records shown."""
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 (Qt's name)
        """Kind, name, outcome, reason."""
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802 (Qt's name)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Loại bản ghi"),
            self.tr("Tên / mã"),
            self.tr("Kết quả"),
            self.tr("Lý do"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, the outcome's tint, the record's UUID as a tooltip."""
        if not index.isValid():
            return None
        item = self.record(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == KIND:
                return table_label(item.table)
            if column == LABEL:
                return item.label
            if column == OUTCOME:
                return outcome_label(item.outcome)
            if column == REASON:
                return item.reason
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return _TINTS.get(item.outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.reason or item.record_uuid
        return None
