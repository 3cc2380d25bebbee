"""Ratings, awards and disciplines of a cadre (khen thưởng, kỷ luật, đánh giá)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_events import (
    AWARD_EVENT,
    CADRE_EVENT_KINDS,
    DISCIPLINE_EVENT,
    RATING_EVENT,
    CadreEventChoices,
    record_cadre_event,
    remove_cadre_event,
)
from partydesk.services.cadre_records import CadreDetail, CadreEventRow
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.cadre.common import CadreTab, WriteFn, selected
from partydesk.ui.dialogs.cadre.posts_tab import catalogue_code, clear_editable
from partydesk.ui.dialogs.organization_dialogs import fill_catalogue, select_data
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table


class RecordsTab(CadreTab):
    """Khen thưởng, kỷ luật, đánh giá: the dated records, newest first."""

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(ctx, write, parent)
        self.choices: CadreEventChoices | None = None
        self.level_names: dict[str, str] = {}
        self.kind_labels = {
            RATING_EVENT: self.tr("Đánh giá, xếp loại"),
            AWARD_EVENT: self.tr("Khen thưởng"),
            DISCIPLINE_EVENT: self.tr("Kỷ luật"),
        }
        layout = QVBoxLayout(self)
        self.events_model: RowsModel[CadreEventRow] = RowsModel(
            [
                (self.tr("Ngày"), lambda e: format_date(e.on_date)),
                (self.tr("Loại"), lambda e: self.kind_labels.get(e.kind, e.kind)),
                (self.tr("Mức xếp loại / hình thức"), self._level_or_form),
                (self.tr("Năm"), lambda e: e.details.get("year", "")),
                (self.tr("Nội dung"), lambda e: e.details.get("content", "")),
                (self.tr("Quyết định"), lambda e: e.decision_no),
            ]
        )
        self.events_table = read_only_table(self.events_model)
        layout.addWidget(self.events_table, 1)
        self.form = QFormLayout()
        self.event_kind = QComboBox()
        for kind in CADRE_EVENT_KINDS:
            self.event_kind.addItem(self.kind_labels[kind], kind)
        self.event_kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.form.addRow(self.tr("Loại:"), self.event_kind)
        self.level_row = QWidget()
        level = QHBoxLayout(self.level_row)
        level.setContentsMargins(0, 0, 0, 0)
        self.event_level = QComboBox()
        level.addWidget(self.event_level, 1)
        level.addWidget(QLabel(self.tr("năm:")))
        self.event_year = QSpinBox()
        self.event_year.setRange(1945, 2100)
        self.event_year.setValue(date.today().year)
        level.addWidget(self.event_year)
        self.form.addRow(self.tr("Mức xếp loại:"), self.level_row)
        self.event_form = QComboBox()
        self.event_form.setEditable(True)
        self.event_form.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.form.addRow(self.tr("Hình thức:"), self.event_form)
        dated = QHBoxLayout()
        self.event_date = DateEdit()
        dated.addWidget(self.event_date)
        dated.addWidget(QLabel(self.tr("Quyết định số:")))
        self.event_decision = QLineEdit()
        dated.addWidget(self.event_decision)
        self.form.addRow(self.tr("Ngày quyết định:"), dated)
        self.event_content = QLineEdit()
        self.form.addRow(self.tr("Nội dung:"), self.event_content)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        self.add_event_button = QPushButton(self.tr("Thêm bản ghi"))
        self.add_event_button.clicked.connect(self.add_event)
        row.addWidget(self.add_event_button)
        row.addStretch(1)
        layout.addLayout(row)
        remove = QHBoxLayout()
        self.event_reason = QLineEdit()
        self.event_reason.setPlaceholderText(self.tr("lý do xóa (bắt buộc)"))
        remove.addWidget(self.event_reason, 1)
        self.remove_event_button = QPushButton(self.tr("Xóa bản ghi đã chọn"))
        self.remove_event_button.clicked.connect(self.remove_selected_event)
        remove.addWidget(self.remove_event_button)
        layout.addLayout(remove)
        layout.addWidget(self.error)
        self._kind_changed()

    def _level_or_form(self, event: CadreEventRow) -> str:
        if event.kind == RATING_EVENT:
            code = str(event.details.get("level_code", ""))
            return self.level_names.get(code, code)
        return str(event.details.get("form", ""))

    def set_event_choices(self, choices: CadreEventChoices) -> None:
        """Fill the rating levels and discipline forms (once, at the first load)."""
        self.choices = choices
        self.level_names = {entry.code: entry.name for entry in choices.rating_levels}
        fill_catalogue(self.event_level, choices.rating_levels)
        self._kind_changed()

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read."""
        super().show_detail(detail)
        self.events_model.set_rows([e for e in detail.events if e.kind in CADRE_EVENT_KINDS])

    def _kind(self) -> str:
        return str(self.event_kind.currentData())

    def _kind_changed(self) -> None:
        kind = self._kind()
        self.form.setRowVisible(self.level_row, kind == RATING_EVENT)
        self.form.setRowVisible(self.event_form, kind != RATING_EVENT)
        forms = self.choices.discipline_forms if self.choices and kind == DISCIPLINE_EVENT else ()
        fill_catalogue(self.event_form, forms)
        clear_editable(self.event_form)
        line = self.event_form.lineEdit()
        if line is not None:
            line.setPlaceholderText(
                self.tr("ví dụ Giấy khen của Chủ tịch UBND huyện")
                if kind == AWARD_EVENT
                else self.tr("ví dụ Khiển trách")
            )

    def event_details(self) -> dict[str, Any]:
        """The kind-specific fields as the service takes them."""
        details: dict[str, Any] = {"content": self.event_content.text()}
        if self._kind() == RATING_EVENT:
            details["level_code"] = self.event_level.currentData()
            details["year"] = self.event_year.value()
        else:
            details["form"] = self.event_form.currentText()
            code = catalogue_code(self.event_form)
            if code:
                details["form_code"] = code
        return details

    def add_event(self) -> None:
        """Record the rating, award or discipline typed."""
        found = self.cadre_and_date(self.event_date, self.tr("Ngày quyết định"))
        if found is None:
            return
        cadre_id, on = found
        kind = self._kind()
        decision = self.event_decision.text()
        details = self.event_details()
        self.write(
            lambda: record_cadre_event(self.ctx.db, cadre_id, kind, on, decision, details),
            self.tr("Đã thêm bản ghi khen thưởng, kỷ luật, đánh giá."),
            lambda _id: self._clear_form(),
        )

    def _clear_form(self) -> None:
        self.event_date.set_value(None)
        self.event_decision.clear()
        self.event_content.clear()
        clear_editable(self.event_form)
        select_data(self.event_level, None)

    def remove_selected_event(self) -> None:
        """Remove the selected record, with a reason and after a confirmation."""
        self.error.hide()
        event = selected(self.events_table, self.events_model)
        if event is None:
            self.refuse(self.tr("Hãy chọn bản ghi cần xóa."))
            return
        reason = self.event_reason.text()
        what = f"{self.kind_labels.get(event.kind, event.kind)} {format_date(event.on_date)}"
        question = self.tr("Xóa bản ghi «{record}» khỏi hồ sơ?").replace("{record}", what)
        # Without a reason the service refuses: no need to ask first.
        if reason.strip() and not ask_confirmation(self, self.tr("Xóa bản ghi"), question):
            return
        self.write(
            lambda: remove_cadre_event(self.ctx.db, event.id, reason),
            self.tr("Đã xóa bản ghi."),
            lambda _none: self.event_reason.clear(),
        )
