"""The main window: the office overview and member search (the desktop issue grows it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import MemberStatus, OrgKind
from partydesk.db.engine import Database
from partydesk.services import info, member_queries, office
from partydesk.services.members import MemberRow

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractTableModel):
    """The rows of one search (at most a page: search results are limited in SQL)."""

    HEADERS = ("Họ và tên", "Ngày sinh", "Số CCCD", "Số thẻ", "Trạng thái")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MemberRow] = []

    def set_rows(self, rows: list[MemberRow]) -> None:
        """Replace the results."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of results."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        values = (
            row.full_name,
            row.birth_date.strftime("%d/%m/%Y"),
            row.cccd or "",
            row.card_no or "",
            MemberStatus(row.status).label,
        )
        return values[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class MainWindow(QMainWindow):
    """Overview of the registers and a search box that answers as you type."""

    def __init__(self, db: Database, runner: Any) -> None:
        super().__init__()
        self.db = db
        self.runner = runner
        the_office = office.get_office(db)
        self.setWindowTitle(f"partydesk — {the_office.name}")
        central = QWidget()
        layout = QVBoxLayout(central)
        header = QLabel(f"<b>{the_office.name}</b><br>{the_office.superior_name}")
        layout.addWidget(header)
        row = QHBoxLayout()
        self.counts_box = QGroupBox(self.tr("Tổng quan"))
        self.counts_form = QFormLayout(self.counts_box)
        row.addWidget(self.counts_box)
        search_box = QGroupBox(self.tr("Tìm đảng viên"))
        search_layout = QVBoxLayout(search_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên không dấu, số CCCD, số thẻ hoặc số lý lịch"))
        self.search.setClearButtonEnabled(True)
        search_layout.addWidget(self.search)
        self.results_model = SearchResultsModel()
        self.results = QTableView()
        self.results.setModel(self.results_model)
        header_view = self.results.horizontalHeader()
        header_view.setStretchLastSection(True)
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.results.verticalHeader().setVisible(False)
        search_layout.addWidget(self.results)
        self.status_label = QLabel()
        search_layout.addWidget(self.status_label)
        row.addWidget(search_box, 2)
        layout.addLayout(row)
        self.setCentralWidget(central)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.resize(1000, 640)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Reload the overview counts on the worker."""
        self.runner.run(lambda: info.register_counts(self.db), self._show_counts, self._show_error)

    def _show_counts(self, counts: info.RegisterCounts) -> None:
        while self.counts_form.rowCount():
            self.counts_form.removeRow(0)
        for kind in OrgKind:
            value = counts.organizations_by_kind.get(kind.value)
            if value:
                self.counts_form.addRow(kind.label + ":", QLabel(str(value)))
        for status in MemberStatus:
            self.counts_form.addRow(
                status.label + ":", QLabel(str(counts.members_by_status.get(status.value, 0)))
            )
        self.counts_form.addRow(self.tr("Cán bộ:"), QLabel(str(counts.cadres)))

    def _run_search(self) -> None:
        text = self.search.text()
        self.runner.run(
            lambda: member_queries.search_members(self.db, text),
            self._show_results,
            self._show_error,
        )

    def _show_results(self, rows: list[MemberRow]) -> None:
        self.results_model.set_rows(rows)
        self.status_label.setText(self.tr("{n} kết quả").replace("{n}", str(len(rows))))

    def _show_error(self, error: BaseException) -> None:
        message = error.message() if hasattr(error, "message") else str(error)
        self.status_label.setText(self.tr("Lỗi: ") + message)
