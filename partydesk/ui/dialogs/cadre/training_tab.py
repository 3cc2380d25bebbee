"""Training of a cadre: qualification, theory, state management, language, IT."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_events import remove_training
from partydesk.services.cadre_records import CadreChoices, CadreDetail, TrainingRow
from partydesk.services.cadres import TRAINING_CATEGORIES, record_training
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.cadre.common import CadreTab, WriteFn, selected
from partydesk.ui.dialogs.organization_dialogs import fill_catalogue
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table


class TrainingTab(CadreTab):
    """Đào tạo: the entries by category; levels follow the category chosen."""

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(ctx, write, parent)
        self.choices: CadreChoices | None = None
        self.training_error = self.error
        layout = QVBoxLayout(self)
        self.category_labels = {
            "qualification": self.tr("Chuyên môn"),
            "theory": self.tr("Lý luận chính trị"),
            "state_management": self.tr("Quản lý nhà nước"),
            "foreign_language": self.tr("Ngoại ngữ"),
            "it_level": self.tr("Tin học"),
        }
        self.training_model: RowsModel[TrainingRow] = RowsModel(
            [
                (self.tr("Loại"), lambda t: self.category_labels.get(t.category, t.category)),
                (self.tr("Trình độ"), lambda t: t.level_name),
                (self.tr("Chuyên ngành"), lambda t: t.field),
                (self.tr("Cơ sở đào tạo"), lambda t: t.institution),
                (self.tr("Hoàn thành"), lambda t: format_date(t.end_on)),
            ]
        )
        self.training_table = read_only_table(self.training_model)
        layout.addWidget(self.training_table, 1)
        form = QFormLayout()
        self.training_category = QComboBox()
        for category in TRAINING_CATEGORIES:
            self.training_category.addItem(self.category_labels[category], category)
        self.training_category.currentIndexChanged.connect(lambda _i: self._fill_levels())
        form.addRow(self.tr("Loại:"), self.training_category)
        self.training_level = QComboBox()
        form.addRow(self.tr("Trình độ:"), self.training_level)
        self.training_field = QLineEdit()
        form.addRow(self.tr("Chuyên ngành:"), self.training_field)
        self.training_institution = QLineEdit()
        form.addRow(self.tr("Cơ sở đào tạo:"), self.training_institution)
        self.training_end = DateEdit()
        form.addRow(self.tr("Ngày hoàn thành:"), self.training_end)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.add_training_button = QPushButton(self.tr("Thêm quá trình đào tạo"))
        self.add_training_button.clicked.connect(self.add_training)
        row.addWidget(self.add_training_button)
        row.addStretch(1)
        self.remove_training_button = QPushButton(self.tr("Xóa"))
        self.remove_training_button.setToolTip(self.tr("Xóa quá trình đào tạo đã chọn"))
        self.remove_training_button.clicked.connect(self.remove_selected_training)
        row.addWidget(self.remove_training_button)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def set_choices(self, choices: CadreChoices) -> None:
        """Fill the combo boxes from the catalogues."""
        self.choices = choices
        self._fill_levels()

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read."""
        super().show_detail(detail)
        self.training_model.set_rows(detail.training)

    def _fill_levels(self) -> None:
        category = str(self.training_category.currentData())
        entries = self.choices.training_levels.get(category, ()) if self.choices else ()
        fill_catalogue(self.training_level, entries)

    def add_training(self) -> None:
        """Record a training entry."""
        self.error.hide()
        cadre_id = self.cadre_id
        if cadre_id is None:
            return
        ok, end_on = self.optional_date(self.training_end)
        if not ok:
            return
        category = str(self.training_category.currentData())
        level = self.training_level.currentData()
        field_text = self.training_field.text()
        institution = self.training_institution.text()
        self.write(
            lambda: record_training(
                self.ctx.db, cadre_id, category, level, field_text, institution, end_on
            ),
            self.tr("Đã thêm quá trình đào tạo."),
        )

    def remove_selected_training(self) -> None:
        """Remove the selected entry (typed by mistake), after a confirmation."""
        self.error.hide()
        entry = selected(self.training_table, self.training_model)
        if entry is None:
            self.refuse(self.tr("Hãy chọn quá trình đào tạo cần xóa."))
            return
        label = self.category_labels.get(entry.category, entry.category)
        what = " – ".join(p for p in (label, entry.level_name, entry.field) if p)
        question = self.tr("Xóa quá trình đào tạo «{entry}» khỏi hồ sơ?").replace("{entry}", what)
        if not ask_confirmation(self, self.tr("Xóa quá trình đào tạo"), question):
            return
        self.write(
            lambda: remove_training(self.ctx.db, entry.id),
            self.tr("Đã xóa quá trình đào tạo."),
        )
