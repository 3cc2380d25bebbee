"""The base of the small write dialogs: a form, a red line for refusals, OK/Cancel.

`prepare` reads the fields and returns the write (or None to stay open); `accept` runs
it on the worker, closes on success and announces `announces` on the bus, or shows the
service's sentence under the fields and stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from partydesk.ui.context import UiContext, error_text
from partydesk.ui.widgets.date_edit import DateEdit


class ActionDialog(QDialog):
    """A form, a red line for refusals, OK/Cancel; `accept` runs the write on the worker."""

    #: The registers announced on the bus after a successful write.
    announces: tuple[str, ...] = ()

    def __init__(
        self, ctx: UiContext, title: str, parent: QWidget | None = None, min_width: int = 520
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(min_width)
        #: What the service returned after success.
        self.result_value: Any = None
        self._busy = False
        self.box = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.box.addWidget(self.intro)
        self.form = QFormLayout()
        self.box.addLayout(self.form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.box.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.box.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        """A sentence above the fields."""
        self.intro.setText(text)
        self.intro.show()

    def add_date(self, label: str, value: date | None = None) -> DateEdit:
        """A date field as a new form row, showing `value` when given."""
        field = DateEdit()
        if value is not None:
            field.set_value(value)
        self.form.addRow(label, field)
        return field

    def show_error(self, text: str) -> None:
        """Show why the write was refused (the dialog stays open); empty text hides it."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def ok_button(self) -> Any:
        """The OK button (tests click it)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def prepare(self) -> Callable[[], Any] | None:
        """Read the fields and return the work to run, or None to stay open.

        Each dialog defines its own (tests/ui/test_action_dialogs.py checks that every
        subclass does): the base has no fields to read.
        """
        raise NotImplementedError(f"{type(self).__name__} does not define prepare()")

    def accept(self) -> None:
        """Check the fields, run the write, close on success."""
        if self._busy:
            return
        self.show_error("")
        try:
            work = self.prepare()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        if work is None:
            return
        self._busy = True
        self.buttons.setEnabled(False)
        self.ctx.run(work, self._done, self._refused)

    def _done(self, result: Any) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.result_value = result
        self.ctx.bus.announce(*self.announces)
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.show_error(error_text(error, self.ctx.language))
