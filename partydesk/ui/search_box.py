"""The global search box: members found as you type, chosen to open their record.

Names match without diacritics; CCCD, card and biography numbers by prefix.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from partydesk.services.member_queries import search_members
from partydesk.services.members import MemberRow
from partydesk.ui.code_labels import status_label
from partydesk.ui.context import UiContext

#: Typing pause before searching (ms): fast typists do not pay for every keystroke.
DEBOUNCE_MS = 150
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class GlobalSearch(QLineEdit):
    """A line edit whose completer lists matching members (at most one page of them)."""

    member_chosen = Signal(int)
    results_shown = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setPlaceholderText(self.tr("Tìm đảng viên: tên không dấu, CCCD, số thẻ… (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        # Results hold ≤ 50 rows, so a standard item model is fine here.
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.setCompleter(self.completer_)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(lambda _text: self._timer.start())

    def search_now(self) -> None:
        """Run the search for the current text (also called by the debounce timer)."""
        self._generation += 1
        generation = self._generation
        text = self.text()
        self.ctx.run(
            lambda: search_members(self.ctx.db, text),
            lambda rows: self._show(generation, rows),
            lambda error: self._show(generation, []),
        )

    def _show(self, generation: int, rows: list[MemberRow]) -> None:
        if generation != self._generation:
            return  # an older search finishing after a newer one
        self.results.clear()
        for row in rows:
            label = f"{row.full_name} — {row.birth_date:%d/%m/%Y} — {status_label(row.status)}" + (
                f" — CCCD {row.cccd}" if row.cccd else ""
            )
            item = QStandardItem(label)
            item.setData(row.id, _ID_ROLE)
            self.results.appendRow(item)
        if rows and self.hasFocus():
            self.completer_.complete()
        self.results_shown.emit(len(rows))

    def _activated(self, index: QModelIndex) -> None:
        member_id = index.data(_ID_ROLE)
        if member_id is not None:
            self.member_chosen.emit(int(member_id))

    def result_count(self) -> int:
        """How many results the drop-down holds."""
        return self.results.rowCount()

    def result_id(self, row: int) -> int:
        """The member id of a result row."""
        return int(self.results.item(row).data(_ID_ROLE))
