"""A date field typed as dd/mm/yyyy, with a calendar popup, that may be left empty.

QDateEdit cannot be empty and fights the user over each section; a clerk copying from
paper types "05/03/1987" or "5/3/1987" or "05031987", and an empty field means "not known".
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

_SEPARATED = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_COMPACT = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def parse_date(text: str) -> date | None:
    """Parse dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy, dd-mm-yyyy, ddmmyyyy).

    Returns None for empty text; raises ValueError with a Vietnamese sentence otherwise.
    """
    if not text.strip():
        return None
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if match is None:
        raise ValueError("Ngày phải viết dạng ngày/tháng/năm, ví dụ 05/03/1987.")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"Không có ngày {day:02d}/{month:02d}/{year}.") from exc


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, or empty for None."""
    return "" if value is None else value.strftime("%d/%m/%Y")


class DateEdit(QWidget):
    """A line edit for dd/mm/yyyy and a button that opens a calendar."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.line.setMaxLength(10)
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        layout.addWidget(self.line)
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(self.tr("Chọn trên lịch"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(self._picked)
        self.button.setMenu(menu)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def value(self) -> date | None:
        """The typed date; raises ValueError (Vietnamese sentence) when it is not a date."""
        return parse_date(self.line.text())

    def set_value(self, value: date | None) -> None:
        """Show `value` (None empties the field)."""
        self.line.setText(format_date(value))

    def text(self) -> str:
        """The raw text."""
        return self.line.text()

    def _sync_calendar(self) -> None:
        try:
            current = self.value()
        except ValueError:
            current = None
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.edited.emit()
        menu = self.button.menu()
        if menu is not None:
            menu.hide()
