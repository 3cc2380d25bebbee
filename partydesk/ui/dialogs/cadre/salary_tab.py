"""The salary step of a cadre and its history (each new step keeps the previous one)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_records import CadreDetail, CadreEventRow
from partydesk.services.cadres import CadreInput, SalaryStep, record_salary_step
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.cadre.common import CadreTab, WriteFn
from partydesk.ui.models.cadre_table import decimal
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table


class SalaryTab(CadreTab):
    """Lương: the step held, the steps recorded, and the form for the next one."""

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(ctx, write, parent)
        self.salary_error = self.error
        layout = QVBoxLayout(self)
        self.salary_current = QLabel()
        self.salary_current.setWordWrap(True)
        layout.addWidget(self.salary_current)
        self.salary_model: RowsModel[CadreEventRow] = RowsModel(
            [
                (self.tr("Ngày hưởng"), lambda e: format_date(e.on_date)),
                (self.tr("Ngạch"), lambda e: e.details.get("new", {}).get("grade", "")),
                (self.tr("Bậc"), lambda e: e.details.get("new", {}).get("step", "")),
                (
                    self.tr("Hệ số"),
                    lambda e: decimal(e.details.get("new", {}).get("coefficient")),
                ),
                (self.tr("Quyết định"), lambda e: e.decision_no),
                (self.tr("Trước đó"), lambda e: self.step_text(e.details.get("old", {}))),
            ]
        )
        self.salary_table = read_only_table(self.salary_model)
        layout.addWidget(self.salary_table, 1)
        form = QFormLayout()
        grade = QHBoxLayout()
        self.salary_grade = QLineEdit()
        self.salary_grade.setPlaceholderText(self.tr("ví dụ Chuyên viên"))
        grade.addWidget(self.salary_grade, 2)
        grade.addWidget(QLabel(self.tr("Mã ngạch:")))
        self.salary_grade_code = QLineEdit()
        self.salary_grade_code.setPlaceholderText("01.003")
        grade.addWidget(self.salary_grade_code, 1)
        form.addRow(self.tr("Ngạch:"), grade)
        step = QHBoxLayout()
        self.salary_step = QSpinBox()
        self.salary_step.setRange(1, 20)
        step.addWidget(self.salary_step)
        step.addWidget(QLabel(self.tr("Hệ số:")))
        self.salary_coefficient = QDoubleSpinBox()
        self.salary_coefficient.setDecimals(2)
        self.salary_coefficient.setRange(0.0, 15.0)
        self.salary_coefficient.setSingleStep(0.33)
        step.addWidget(self.salary_coefficient)
        step.addStretch(1)
        form.addRow(self.tr("Bậc:"), step)
        on = QHBoxLayout()
        self.salary_on = DateEdit()
        on.addWidget(self.salary_on)
        on.addWidget(QLabel(self.tr("Quyết định số:")))
        self.salary_decision = QLineEdit()
        on.addWidget(self.salary_decision)
        form.addRow(self.tr("Ngày hưởng:"), on)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.record_salary_button = QPushButton(self.tr("Ghi bậc lương mới"))
        self.record_salary_button.clicked.connect(self.record_salary)
        row.addWidget(self.record_salary_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def step_text(self, values: dict[str, Any]) -> str:
        """A salary step kept in an event: "Chuyên viên – bậc 2 – 2,67 (01/03/2024)"."""
        parts = [str(values.get("grade") or "")]
        if values.get("step") is not None:
            parts.append(self.tr("bậc {n}").replace("{n}", str(values["step"])))
        if values.get("coefficient") is not None:
            parts.append(decimal(float(values["coefficient"])))
        text = " – ".join(p for p in parts if p)
        if values.get("on"):
            text += f" ({date.fromisoformat(str(values['on'])):%d/%m/%Y})"
        return text

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read."""
        super().show_detail(detail)
        self.salary_model.set_rows(detail.salary_history)
        self._fill(detail.data)

    def _fill(self, data: CadreInput) -> None:
        if data.salary_grade or data.salary_step is not None:
            self.salary_current.setText(
                self.tr("Hiện hưởng: ")
                + self.step_text(
                    {
                        "grade": data.salary_grade
                        + (f" ({data.salary_grade_code})" if data.salary_grade_code else ""),
                        "step": data.salary_step,
                        "coefficient": data.salary_coefficient,
                        "on": data.salary_step_date.isoformat() if data.salary_step_date else None,
                    }
                )
            )
        else:
            self.salary_current.setText(self.tr("Chưa ghi bậc lương."))
        # Prefill the next step: same grade, one step up.
        self.salary_grade.setText(data.salary_grade)
        self.salary_grade_code.setText(data.salary_grade_code)
        self.salary_step.setValue((data.salary_step or 0) + 1)
        self.salary_coefficient.setValue(data.salary_coefficient or 0.0)

    def record_salary(self) -> None:
        """Record a new salary step (the previous one is kept in the history)."""
        found = self.cadre_and_date(self.salary_on, self.tr("Ngày hưởng"))
        if found is None:
            return
        cadre_id, on = found
        step = SalaryStep(
            grade=self.salary_grade.text(),
            grade_code=self.salary_grade_code.text(),
            step=self.salary_step.value(),
            coefficient=self.salary_coefficient.value(),
            on=on,
            decision_no=self.salary_decision.text(),
        )
        self.write(
            lambda: record_salary_step(self.ctx.db, cadre_id, step),
            self.tr("Đã ghi bậc lương mới."),
            lambda _id: self._clear_form(),
        )

    def _clear_form(self) -> None:
        self.salary_on.set_value(None)
        self.salary_decision.clear()
