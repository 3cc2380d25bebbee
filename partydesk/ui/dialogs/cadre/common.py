"""What the tabs of the cadre record share: the write callback, error label, date checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from partydesk.services.cadre_records import CadreChoices, CadreDetail
from partydesk.ui.context import UiContext
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import DateEdit


class WriteFn(Protocol):
    """The dialog's write helper: run `work`, reload, announce; refusals in `error_label`."""

    def __call__(
        self,
        work: Callable[[], Any],
        error_label: QLabel,
        done_text: str,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Run one write on the worker."""
        ...


def error_label() -> QLabel:
    """A red, word-wrapped label, hidden until a refusal is shown."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def selected(table: QTableView, model: RowsModel[Any]) -> Any:
    """The row selected in `table`, or None."""
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


class CadreTab(QWidget):
    """A tab of the cadre record: writes through the dialog, shows refusals in red."""

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._write_fn = write
        #: The cadre shown (None until a new record is saved).
        self.cadre_id: int | None = None
        self.error = error_label()

    def write(
        self, work: Callable[[], Any], done_text: str, after: Callable[[Any], None] | None = None
    ) -> None:
        """One write through the dialog; refusals appear under this tab."""
        self._write_fn(work, self.error, done_text, after)

    def refuse(self, text: str) -> None:
        """Show a refusal under the tab (nothing is written)."""
        self.error.setText(text)
        self.error.show()

    def required_date(self, field: DateEdit, name: str) -> date | None:
        """The date typed in `field`; None, with the reason shown, when bad or empty."""
        try:
            value = field.value()
        except ValueError as exc:
            self.refuse(str(exc))
            return None
        if value is None:
            # A fixed context: `self.tr` would look under the subclass's name at run time.
            text = QCoreApplication.translate("CadreTab", "Trường «{field}» không được để trống.")
            self.refuse(text.replace("{field}", name))
        return value

    def cadre_and_date(self, field: DateEdit, name: str) -> tuple[int, date] | None:
        """Clear the last refusal; the cadre and the date in `field`, or None.

        None before the record is first saved, or when the date is bad or empty (the
        reason is then shown).
        """
        self.error.hide()
        cadre_id = self.cadre_id
        if cadre_id is None:
            return None
        on = self.required_date(field, name)
        return None if on is None else (cadre_id, on)

    def optional_date(self, field: DateEdit) -> tuple[bool, date | None]:
        """(ok, date) for a field that may stay empty; a bad date is refused."""
        try:
            return True, field.value()
        except ValueError as exc:
            self.refuse(str(exc))
            return False, None

    def set_choices(self, choices: CadreChoices) -> None:
        """Fill the combo boxes from the catalogues (once, at the first load)."""

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read after a load or a write."""
        self.cadre_id = detail.id
