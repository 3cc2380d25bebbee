"""«Xung đột»: the conflicts queue of the «Đồng bộ» page, with a side-by-side view.

Left, the records changed both here and at the office below since they last agreed;
right, the chosen one field by field (field, ours, theirs), the differing fields first
and tinted, each with a box to take their value. «Giữ bản ở đây», «Lấy bản gửi lên» and
«Lấy các trường đã chọn» each resolve through the service in one audited transaction;
then the queue is read again and the registers announced.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.documents.excel.headers import FIELD_LABELS
from partydesk.services import sync_conflicts
from partydesk.services.sync_conflicts import ConflictDetail, ConflictInfo, Resolution
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.sync_import import IMPORT_REGISTERS
from partydesk.ui.models.sync_preview import table_label

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DIFFERS = QBrush(QColor("#fff4d6"))
TAKE, FIELD, OURS, THEIRS = range(4)


def field_text(name: str) -> str:
    """A field as shown: its register label where one is known, and its column name."""
    label = FIELD_LABELS.get(name)
    return f"{label} · {name}" if label else name


def value_text(value: Any) -> str:
    """A field's value as shown side by side."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"  # dates as the clerk writes them
    return str(value)


class SyncConflictsPanel(QWidget):
    """The open conflicts and the side-by-side view of the one selected."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conflicts: list[ConflictInfo] = []
        self.detail: ConflictDetail | None = None
        #: The «Lấy» box of each differing field shown.
        self._boxes: list[tuple[str, QTableWidgetItem]] = []
        #: The sentence shown for the last failure (empty when none).
        self.error = ""
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.queue = QTableWidget(0, 4)
        self.queue.setHorizontalHeaderLabels(
            [self.tr("Số"), self.tr("Loại bản ghi"), self.tr("Tên"), self.tr("Đơn vị gửi")]
        )
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.verticalHeader().setVisible(False)
        self.queue.verticalHeader().setDefaultSectionSize(22)
        self.queue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.queue.itemSelectionChanged.connect(self._selection_changed)
        splitter.addWidget(self.queue)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        side.addWidget(self.title)
        self.fields = QTableWidget(0, 4)
        self.fields.setHorizontalHeaderLabels(
            [self.tr("Lấy"), self.tr("Trường"), self.tr("Ở đây"), self.tr("Gửi lên")]
        )
        self.fields.verticalHeader().setVisible(False)
        self.fields.verticalHeader().setDefaultSectionSize(22)
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(TAKE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OURS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Stretch)
        side.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        self.ours_button = QPushButton(self.tr("Giữ bản ở đây"))
        self.ours_button.clicked.connect(lambda _c=False: self.resolve(Resolution.OURS))
        self.theirs_button = QPushButton(self.tr("Lấy bản gửi lên"))
        self.theirs_button.clicked.connect(lambda _c=False: self.resolve(Resolution.THEIRS))
        self.fields_button = QPushButton(self.tr("Lấy các trường đã chọn"))
        self.fields_button.clicked.connect(lambda _c=False: self.resolve(Resolution.FIELDS))
        for button in (self.ours_button, self.theirs_button, self.fields_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        side.addWidget(self.message)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])
        layout.addWidget(splitter, 1)
        self._show_detail(None)

    def refresh(self) -> None:
        """Read the open conflicts again."""
        db = self.ctx.db
        self.ctx.run(lambda: sync_conflicts.list_conflicts(db), self._show_queue, self._failed)

    def _show_queue(self, rows: list[ConflictInfo]) -> None:
        self.conflicts = rows
        self.queue.setRowCount(len(rows))
        for index, row in enumerate(rows):
            texts = (str(row.id), table_label(row.table), row.label, row.partner)
            for column, text in enumerate(texts):
                self.queue.setItem(index, column, QTableWidgetItem(text))
        self.summary.setText(
            self.tr("{n} xung đột chờ xử lý: bản ghi đã sửa ở cả hai nơi.").replace(
                "{n}", str(len(rows))
            )
            if rows
            else self.tr("Không có xung đột chờ xử lý.")
        )
        if rows:
            self.queue.selectRow(0)
        else:
            self._show_detail(None)

    def select_conflict(self, conflict_id: int) -> None:
        """Select the conflict with this id in the queue (shows its fields)."""
        for index, row in enumerate(self.conflicts):
            if row.id == conflict_id:
                self.queue.selectRow(index)
                return

    def _selection_changed(self) -> None:
        rows = self.queue.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.conflicts):
            self._show_detail(None)
            return
        conflict_id, db = self.conflicts[rows[0].row()].id, self.ctx.db
        self.ctx.run(
            lambda: sync_conflicts.conflict_detail(db, conflict_id), self._show_detail, self._failed
        )

    def _show_detail(self, detail: ConflictDetail | None) -> None:
        self.detail = detail
        self.fields.setRowCount(0)
        self._boxes = []
        for button in (self.ours_button, self.theirs_button, self.fields_button):
            button.setEnabled(detail is not None)
        if detail is None:
            self.title.setText(self.tr("Chọn một xung đột bên trái."))
            return
        info = detail.info
        self.title.setText(
            self.tr(
                "{kind} «{label}»: bản ở đây (phiên bản {ours}), bản gửi lên từ {partner}"
                " (phiên bản {theirs})."
            )
            .replace("{kind}", table_label(info.table))
            .replace("{label}", info.label)
            .replace("{ours}", str(info.ours_version))
            .replace("{partner}", info.partner)
            .replace("{theirs}", str(info.theirs_version))
        )
        self.fields.setRowCount(len(detail.fields))
        bold = QFont()
        bold.setBold(True)
        for index, diff in enumerate(detail.fields):
            take = QTableWidgetItem()
            if diff.differs:
                take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                take.setCheckState(Qt.CheckState.Unchecked)
                self._boxes.append((diff.field, take))
            else:
                take.setFlags(Qt.ItemFlag.NoItemFlags)
            self.fields.setItem(index, TAKE, take)
            cells = (field_text(diff.field), value_text(diff.ours), value_text(diff.theirs))
            for column, text in enumerate(cells, start=FIELD):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if diff.differs:
                    item.setBackground(_DIFFERS)
                    item.setFont(bold)
                self.fields.setItem(index, column, item)

    def set_taken(self, names: list[str]) -> None:
        """Tick the fields whose value is taken from their version."""
        wanted = set(names)
        for field, item in self._boxes:
            checked = field in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def taken(self) -> list[str]:
        """The fields ticked to take their value."""
        return [field for field, item in self._boxes if item.checkState() == Qt.CheckState.Checked]

    def resolve(self, resolution: Resolution) -> None:
        """Resolve the conflict shown through the service, then read the queue again."""
        if self.detail is None:
            return
        conflict_id, db = self.detail.info.id, self.ctx.db
        fields = self.taken() if resolution is Resolution.FIELDS else []
        if resolution is Resolution.FIELDS and not fields:
            self._failed_text(self.tr("Đánh dấu ít nhất một trường để lấy theo bản gửi lên."))
            return

        def done(info: ConflictInfo) -> None:
            self.error = ""
            self.message.setStyleSheet("")
            self.message.setText(
                self.tr("Đã xử lý xung đột số {id}.").replace("{id}", str(info.id))
            )
            # The page reads the queue again when "sync" is announced.
            self.ctx.bus.announce(*IMPORT_REGISTERS)

        self.ctx.run(
            lambda: sync_conflicts.resolve_conflict(db, conflict_id, resolution, fields),
            done,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._failed_text(error_text(error, self.ctx.language))

    def _failed_text(self, text: str) -> None:
        self.error = text
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(text)
