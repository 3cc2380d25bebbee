"""Planning (quy hoạch) of a cadre: adding an entry past the limits asks first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_records import CadreChoices, CadreDetail, PlanningRow
from partydesk.services.cadres import PlanningResult, plan_cadre, planning_check, remove_planning
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.cadre.common import CadreTab, WriteFn, selected
from partydesk.ui.dialogs.cadre.posts_tab import clear_editable
from partydesk.ui.dialogs.organization_dialogs import current_term, fill_catalogue
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table


class PlanningTab(CadreTab):
    """Quy hoạch: entries by term, removed ones kept with date and reason."""

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(ctx, write, parent)
        self.planning_error = self.error
        layout = QVBoxLayout(self)
        self.planning_model: RowsModel[PlanningRow] = RowsModel(
            [
                (self.tr("Nhiệm kỳ"), lambda p: p.term.replace("-", "–")),
                (self.tr("Chức danh quy hoạch"), lambda p: p.post_title),
                (self.tr("Đơn vị"), lambda p: p.unit),
                (self.tr("Đưa vào"), lambda p: format_date(p.added_on)),
                (self.tr("Quyết định"), lambda p: p.decision_no),
                (self.tr("Đưa ra"), lambda p: format_date(p.removed_on)),
                (self.tr("Lý do đưa ra"), lambda p: p.removal_reason),
            ]
        )
        self.planning_table = read_only_table(self.planning_model)
        layout.addWidget(self.planning_table, 1)
        form = QFormLayout()
        self.planning_term = QLineEdit(current_term(date.today()))
        form.addRow(self.tr("Nhiệm kỳ:"), self.planning_term)
        self.planning_title = QComboBox()
        self.planning_title.setEditable(True)
        self.planning_title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow(self.tr("Chức danh:"), self.planning_title)
        self.planning_unit = QLineEdit()
        form.addRow(self.tr("Đơn vị:"), self.planning_unit)
        added = QHBoxLayout()
        self.planning_added = DateEdit()
        self.planning_added.set_value(date.today())
        added.addWidget(self.planning_added)
        added.addWidget(QLabel(self.tr("Quyết định số:")))
        self.planning_decision = QLineEdit()
        added.addWidget(self.planning_decision)
        form.addRow(self.tr("Ngày đưa vào:"), added)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.add_planning_button = QPushButton(self.tr("Đưa vào quy hoạch"))
        self.add_planning_button.clicked.connect(self.add_planning)
        row.addWidget(self.add_planning_button)
        row.addStretch(1)
        layout.addLayout(row)
        remove = QHBoxLayout()
        remove.addWidget(QLabel(self.tr("Đưa mục đã chọn ra khỏi quy hoạch từ ngày:")))
        self.planning_removed = DateEdit()
        self.planning_removed.set_value(date.today())
        remove.addWidget(self.planning_removed)
        self.planning_reason = QLineEdit()
        self.planning_reason.setPlaceholderText(self.tr("lý do (bắt buộc)"))
        remove.addWidget(self.planning_reason, 1)
        self.remove_planning_button = QPushButton(self.tr("Đưa ra khỏi quy hoạch"))
        self.remove_planning_button.clicked.connect(self.remove_selected_planning)
        remove.addWidget(self.remove_planning_button)
        layout.addLayout(remove)
        self.planning_warning = QLabel()
        self.planning_warning.setWordWrap(True)
        self.planning_warning.setStyleSheet("color: #8a5300;")
        self.planning_warning.hide()
        layout.addWidget(self.planning_warning)
        layout.addWidget(self.error)

    def set_choices(self, choices: CadreChoices) -> None:
        """Fill the combo boxes from the catalogues."""
        fill_catalogue(self.planning_title, choices.cadre_posts)
        clear_editable(self.planning_title)

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read."""
        super().show_detail(detail)
        self.planning_model.set_rows(detail.planning)

    def add_planning(self) -> None:
        """Put the cadre in the planning; past the limits the user confirms first."""
        self.planning_warning.hide()
        found = self.cadre_and_date(self.planning_added, self.tr("Ngày đưa vào"))
        if found is None:
            return
        cadre_id, on = found
        term = self.planning_term.text()
        title = self.planning_title.currentText()
        unit = self.planning_unit.text()
        decision = self.planning_decision.text()

        def checked(warnings: tuple[str, ...]) -> None:
            if warnings:
                text = "\n".join(warnings)
                self.planning_warning.setText(text)
                self.planning_warning.show()
                question = text + "\n\n" + self.tr("Vẫn đưa vào quy hoạch?")
                if not ask_confirmation(self, self.tr("Vượt giới hạn quy hoạch"), question):
                    return
            self.write(
                lambda: plan_cadre(self.ctx.db, cadre_id, term, title, on, unit, decision),
                self.tr("Đã đưa vào quy hoạch."),
                self._planned,
            )

        self.ctx.run(
            lambda: planning_check(self.ctx.db, cadre_id, term, title, on),
            checked,
            lambda error: self.refuse(error_text(error, self.ctx.language)),
        )

    def _planned(self, result: PlanningResult) -> None:
        if result.warnings:
            self.planning_warning.setText(
                self.tr("Đã đưa vào quy hoạch, lưu ý: ") + " ".join(result.warnings)
            )
            self.planning_warning.show()
        clear_editable(self.planning_title)

    def remove_selected_planning(self) -> None:
        """Take the selected entry out of the planning, with date and reason."""
        self.error.hide()
        entry = selected(self.planning_table, self.planning_model)
        if entry is None:
            self.refuse(self.tr("Hãy chọn mục quy hoạch cần đưa ra."))
            return
        on = self.required_date(self.planning_removed, self.tr("Ngày đưa ra"))
        if on is None:
            return
        reason = self.planning_reason.text()
        self.write(
            lambda: remove_planning(self.ctx.db, entry.id, on, reason),
            self.tr("Đã đưa ra khỏi quy hoạch."),
            lambda _none: self.planning_reason.clear(),
        )
