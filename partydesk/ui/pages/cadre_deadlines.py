"""Hạn của cán bộ: terms and reappointment notices, retirements, salary steps, planning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_terms import (
    PlanningProblem,
    RetirementRow,
    SalaryStepRow,
    TermRow,
    planning_problems,
    retirement_list,
    salary_step_list,
    term_list,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import format_date
from partydesk.ui.widgets.tables import read_only_table


class CadreDeadlinesPage(QWidget):
    """Four tabs of cadre deadlines; double-clicking a row emits `cadre_requested(id)`."""

    cadre_requested = Signal(int)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        late = self.tr("quá hạn")
        self.terms_model: RowsModel[TermRow] = RowsModel(
            [
                (self.tr("Họ và tên"), lambda r: r.full_name),
                (self.tr("Chức vụ"), lambda r: r.title),
                (self.tr("Bổ nhiệm từ"), lambda r: format_date(r.start_on)),
                (self.tr("Hết nhiệm kỳ"), lambda r: format_date(r.term_end)),
                (self.tr("Thông báo bổ nhiệm lại trước"), lambda r: format_date(r.notice_due)),
                (self.tr("Còn (ngày)"), lambda r: r.days_left if r.days_left >= 0 else late),
            ]
        )
        self.terms_table = self._tab(
            self.terms_model, self.tr("Nhiệm kỳ và thông báo bổ nhiệm lại")
        )

        self.retirement_model: RowsModel[RetirementRow] = RowsModel(
            [
                (self.tr("Họ và tên"), lambda r: r.full_name),
                (
                    self.tr("Ngày sinh"),
                    lambda r: (
                        str(r.birth_date.year) if r.birth_year_only else format_date(r.birth_date)
                    ),
                ),
                (self.tr("Chức vụ"), lambda r: r.main_post),
                (self.tr("Tuổi nghỉ hưu"), lambda r: f"{r.age_years}/{r.age_months:02d}"),
                (self.tr("Ngày nghỉ hưu"), lambda r: format_date(r.retirement_date)),
                (self.tr("Còn (ngày)"), lambda r: r.days_left if r.days_left >= 0 else late),
            ]
        )
        self.months = QComboBox()
        for months in (6, 12, 24):
            self.months.addItem(self.tr("{n} tháng tới").replace("{n}", str(months)), months)
        self.months.setCurrentIndex(1)
        self.retirement_table = self._tab(
            self.retirement_model, self.tr("Nghỉ hưu 6/12/24 tháng"), self.tr("Trong:"), self.months
        )

        self.steps_model: RowsModel[SalaryStepRow] = RowsModel(
            [
                (self.tr("Họ và tên"), lambda r: r.full_name),
                (self.tr("Ngạch"), lambda r: f"{r.grade} {r.grade_code}".strip()),
                (self.tr("Bậc"), lambda r: r.step),
                (self.tr("Hưởng từ"), lambda r: format_date(r.last_step_on)),
                (self.tr("Kỳ (tháng)"), lambda r: r.months),
                (self.tr("Đến hạn nâng bậc"), lambda r: format_date(r.next_due)),
            ]
        )
        self.steps_ahead = QSpinBox()
        self.steps_ahead.setRange(0, 36)
        self.steps_ahead.setValue(3)
        self.steps_ahead.setSuffix(self.tr(" tháng tới"))
        self.steps_table = self._tab(
            self.steps_model, self.tr("Nâng bậc lương"), self.tr("Trong:"), self.steps_ahead
        )

        self.planning_model: RowsModel[PlanningProblem] = RowsModel(
            [
                (self.tr("Vấn đề"), lambda p: p.text),
                (self.tr("Danh sách"), lambda p: ", ".join(p.names)),
            ]
        )
        self.term = QLineEdit("2025-2030")
        self.term.setMaximumWidth(120)
        self.planning_table = self._tab(
            self.planning_model, self.tr("Quy hoạch"), self.tr("Nhiệm kỳ:"), self.term
        )

        self.months.currentIndexChanged.connect(lambda _i: self.refresh())
        self.steps_ahead.valueChanged.connect(lambda _v: self.refresh())
        self.term.editingFinished.connect(self.refresh)
        self.terms_table.doubleClicked.connect(self._picked(self.terms_model, "cadre_id"))
        self.retirement_table.doubleClicked.connect(self._picked(self.retirement_model, "cadre_id"))
        self.steps_table.doubleClicked.connect(self._picked(self.steps_model, "cadre_id"))
        self.planning_table.doubleClicked.connect(self._picked(self.planning_model, "cadre_id"))
        ctx.bus.changed.connect(self._registers_changed)
        self.refresh()

    def _tab(
        self, model: RowsModel[Any], title: str, label: str = "", control: QWidget | None = None
    ) -> QTableView:
        page = QWidget()
        box = QVBoxLayout(page)
        if control is not None:
            bar = QHBoxLayout()
            bar.addWidget(QLabel(label))
            bar.addWidget(control)
            bar.addStretch(1)
            box.addLayout(bar)
        table = read_only_table(model)
        box.addWidget(table, 1)
        self.tabs.addTab(page, title)
        return table

    def _picked(self, model: RowsModel[Any], attribute: str) -> Callable[[QModelIndex], None]:
        def activated(index: QModelIndex) -> None:
            cadre_id = getattr(model.row_at(index.row()), attribute, None)
            if cadre_id is not None:
                self.cadre_requested.emit(int(cadre_id))

        return activated

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"cadre", "rules"}:
            self.refresh()

    def refresh(self) -> None:
        """Reload the four lists on the worker."""
        today, months = self.today, int(self.months.currentData())
        ahead, term = self.steps_ahead.value(), self.term.text()
        db = self.ctx.db

        def work() -> tuple[Any, ...]:
            lists: tuple[Any, ...] = (
                term_list(db, today),
                retirement_list(db, today, months),
                salary_step_list(db, today, ahead),
            )
            return (*lists, planning_problems(db, term, today))

        self.ctx.run(work, self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Không tải được danh sách: ") + error_text(error))

    def _show(self, lists: tuple[Any, ...]) -> None:
        terms, retirements, steps, problems = lists
        self.terms_model.set_rows(terms)
        self.retirement_model.set_rows(retirements)
        self.steps_model.set_rows(steps)
        self.planning_model.set_rows(problems)
        self.status.setText(
            self.tr(
                "{terms} chức vụ bổ nhiệm; {retire} cán bộ sắp nghỉ hưu; {steps} cán bộ đến hạn"
                " nâng bậc lương; {problems} vấn đề quy hoạch."
            )
            .replace("{terms}", str(len(terms)))
            .replace("{retire}", str(len(retirements)))
            .replace("{steps}", str(len(steps)))
            .replace("{problems}", str(len(problems)))
        )
