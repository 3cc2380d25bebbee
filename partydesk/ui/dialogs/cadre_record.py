"""A cadre's record (hồ sơ cán bộ): personal fields, posts, training, planning, salary.

Each tab writes on its own (one unit of work per action) and the dialog reloads the
record afterwards; nothing waits for a final "OK". A new record first needs its personal
fields saved, which creates the cadre and unlocks the other tabs. Refusals appear in red
under the tab's fields and write nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import CadrePostKind, CadreStatus
from partydesk.services.cadre_records import (
    CadreChoices,
    CadreDetail,
    CadreEventRow,
    PlanningRow,
    PostRow,
    TrainingRow,
    cadre_choices,
    cadre_detail,
)
from partydesk.services.cadres import (
    TRAINING_CATEGORIES,
    CadreInput,
    PlanningResult,
    PostInput,
    SalaryStep,
    create_cadre,
    end_post,
    plan_cadre,
    planning_check,
    record_post,
    record_salary_step,
    record_training,
    remove_planning,
    update_cadre,
)
from partydesk.services.members import MemberRow
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.organization_dialogs import (
    MemberLinkEdit,
    ask_confirmation,
    current_term,
    fill_catalogue,
    fmt,
    select_data,
)
from partydesk.ui.models.cadre_table import decimal
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import DateEdit
from partydesk.ui.widgets.tables import read_only_table


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _selected(table: QTableView, model: RowsModel[Any]) -> Any:
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


class CadreRecordDialog(QDialog):
    """Hồ sơ cán bộ; `cadre_id` None opens an empty record for a new cadre."""

    #: A write succeeded; carries the cadre id.
    saved = Signal(int)

    def __init__(self, ctx: UiContext, cadre_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cadre_id = cadre_id
        self.detail: CadreDetail | None = None
        self.choices: CadreChoices | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Hồ sơ cán bộ"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_info(), self.tr("Thông tin"))
        self.tabs.addTab(self._build_posts(), self.tr("Chức vụ"))
        self.tabs.addTab(self._build_training(), self.tr("Đào tạo"))
        self.tabs.addTab(self._build_planning(), self.tr("Quy hoạch"))
        self.tabs.addTab(self._build_salary(), self.tr("Lương"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._set_tabs_enabled()
        self.reload()

    # --- building the tabs ----------------------------------------------------------------

    def _build_info(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        grid = QGridLayout()
        form_left = QFormLayout()
        form_right = QFormLayout()
        self.full_name = QLineEdit()
        form_left.addRow(self.tr("Họ và tên:"), self.full_name)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Nam"), "nam")
        self.sex.addItem(self.tr("Nữ"), "nữ")
        form_left.addRow(self.tr("Giới tính:"), self.sex)
        birth_row = QHBoxLayout()
        self.birth_date = DateEdit()
        birth_row.addWidget(self.birth_date, 1)
        self.birth_year_only = QCheckBox(self.tr("chỉ biết năm"))
        self.birth_year_only.setToolTip(
            self.tr("Khi chỉ biết năm sinh, ghi ngày 01/01 của năm đó.")
        )
        birth_row.addWidget(self.birth_year_only)
        form_left.addRow(self.tr("Ngày sinh:"), birth_row)
        self.cccd = QLineEdit()
        self.cccd.setMaxLength(14)
        form_left.addRow(self.tr("Số CCCD:"), self.cccd)
        self.ethnicity = QComboBox()
        form_left.addRow(self.tr("Dân tộc:"), self.ethnicity)
        self.hometown = QLineEdit()
        form_left.addRow(self.tr("Quê quán:"), self.hometown)
        self.member_link = MemberLinkEdit(self.ctx)
        form_right.addRow(self.tr("Là đảng viên:"), self.member_link)
        self.is_local = QCheckBox(self.tr("Người địa phương"))
        self.is_local.setChecked(True)
        form_right.addRow("", self.is_local)
        self.workplace = QLineEdit()
        form_right.addRow(self.tr("Nơi công tác:"), self.workplace)
        self.status = QComboBox()
        for status, label in (
            (CadreStatus.ACTIVE, self.tr("Đang công tác")),
            (CadreStatus.RETIRED, self.tr("Đã nghỉ hưu")),
            (CadreStatus.MOVED, self.tr("Đã chuyển công tác")),
            (CadreStatus.DECEASED, self.tr("Đã từ trần")),
        ):
            self.status.addItem(label, status.value)
        form_right.addRow(self.tr("Tình trạng:"), self.status)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        form_right.addRow(self.tr("Ghi chú:"), self.notes)
        grid.addLayout(form_left, 0, 0)
        grid.addLayout(form_right, 0, 1)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.save_info_button = QPushButton(self.tr("Lưu thông tin"))
        self.save_info_button.clicked.connect(self.save_info)
        row.addWidget(self.save_info_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.info_error = _error_label()
        layout.addWidget(self.info_error)
        layout.addStretch(1)
        self.member_link.member_chosen.connect(self._member_chosen)
        return tab

    def _build_posts(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        kinds = {
            CadrePostKind.ELECTION.value: self.tr("Bầu cử"),
            CadrePostKind.APPOINTMENT.value: self.tr("Bổ nhiệm"),
            CadrePostKind.ROTATION.value: self.tr("Luân chuyển"),
            CadrePostKind.SECONDMENT.value: self.tr("Điều động"),
        }
        self.posts_model: RowsModel[PostRow] = RowsModel(
            [
                (self.tr("Chức vụ"), lambda p: p.title),
                (self.tr("Kiêm nhiệm"), lambda p: self.tr("kiêm nhiệm") if p.concurrent else ""),
                (self.tr("Hình thức"), lambda p: kinds.get(p.kind, p.kind)),
                (self.tr("Đơn vị"), lambda p: p.unit),
                (self.tr("Từ ngày"), lambda p: fmt(p.start_on)),
                (self.tr("Đến ngày"), lambda p: fmt(p.end_on)),
                (self.tr("Quyết định"), lambda p: p.decision_no),
            ]
        )
        self.posts_table = read_only_table(self.posts_model)
        layout.addWidget(self.posts_table, 1)
        form = QFormLayout()
        self.post_title = QComboBox()
        self.post_title.setEditable(True)
        self.post_title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow(self.tr("Chức vụ:"), self.post_title)
        kind_row = QHBoxLayout()
        self.post_kind = QComboBox()
        for code, label in kinds.items():
            self.post_kind.addItem(label, code)
        select_data(self.post_kind, CadrePostKind.APPOINTMENT.value)
        kind_row.addWidget(self.post_kind)
        self.post_concurrent = QCheckBox(self.tr("Kiêm nhiệm"))
        self.post_concurrent.setToolTip(
            self.tr("Chức vụ kiêm nhiệm không kết thúc chức vụ chính đang giữ.")
        )
        kind_row.addWidget(self.post_concurrent)
        kind_row.addStretch(1)
        form.addRow(self.tr("Hình thức:"), kind_row)
        self.post_unit = QLineEdit()
        form.addRow(self.tr("Đơn vị:"), self.post_unit)
        dates = QHBoxLayout()
        self.post_start = DateEdit()
        dates.addWidget(self.post_start)
        dates.addWidget(QLabel(self.tr("Quyết định số:")))
        self.post_decision = QLineEdit()
        dates.addWidget(self.post_decision)
        dates.addWidget(QLabel(self.tr("ngày:")))
        self.post_decision_date = DateEdit()
        dates.addWidget(self.post_decision_date)
        form.addRow(self.tr("Từ ngày:"), dates)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.add_post_button = QPushButton(self.tr("Thêm chức vụ"))
        self.add_post_button.clicked.connect(self.add_post)
        row.addWidget(self.add_post_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Thôi giữ chức đã chọn từ ngày:")))
        self.post_end = DateEdit()
        self.post_end.set_value(date.today())
        row.addWidget(self.post_end)
        self.end_post_button = QPushButton(self.tr("Thôi giữ chức"))
        self.end_post_button.clicked.connect(self.end_selected_post)
        row.addWidget(self.end_post_button)
        layout.addLayout(row)
        self.post_error = _error_label()
        layout.addWidget(self.post_error)
        return tab

    def _build_training(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
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
                (self.tr("Hoàn thành"), lambda t: fmt(t.end_on)),
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
        layout.addLayout(row)
        self.training_error = _error_label()
        layout.addWidget(self.training_error)
        return tab

    def _build_planning(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.planning_model: RowsModel[PlanningRow] = RowsModel(
            [
                (self.tr("Nhiệm kỳ"), lambda p: p.term.replace("-", "–")),
                (self.tr("Chức danh quy hoạch"), lambda p: p.post_title),
                (self.tr("Đơn vị"), lambda p: p.unit),
                (self.tr("Đưa vào"), lambda p: fmt(p.added_on)),
                (self.tr("Quyết định"), lambda p: p.decision_no),
                (self.tr("Đưa ra"), lambda p: fmt(p.removed_on)),
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
        self.planning_error = _error_label()
        layout.addWidget(self.planning_error)
        return tab

    def _build_salary(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.salary_current = QLabel()
        self.salary_current.setWordWrap(True)
        layout.addWidget(self.salary_current)
        self.salary_model: RowsModel[CadreEventRow] = RowsModel(
            [
                (self.tr("Ngày hưởng"), lambda e: fmt(e.on_date)),
                (self.tr("Ngạch"), lambda e: e.details.get("new", {}).get("grade", "")),
                (self.tr("Bậc"), lambda e: e.details.get("new", {}).get("step", "")),
                (
                    self.tr("Hệ số"),
                    lambda e: decimal(e.details.get("new", {}).get("coefficient")),
                ),
                (self.tr("Quyết định"), lambda e: e.decision_no),
                (self.tr("Trước đó"), lambda e: self._step_text(e.details.get("old", {}))),
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
        self.salary_error = _error_label()
        layout.addWidget(self.salary_error)
        return tab

    def _step_text(self, values: dict[str, Any]) -> str:
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

    # --- loading ------------------------------------------------------------------------

    def _set_tabs_enabled(self) -> None:
        for tab in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(tab, self.cadre_id is not None)

    def reload(self) -> None:
        """Read the record (and the catalogues, the first time) on the worker."""
        self._generation += 1
        generation = self._generation
        cadre_id = self.cadre_id
        need_choices = self.choices is None

        def work() -> tuple[CadreChoices | None, CadreDetail | None]:
            choices = cadre_choices(self.ctx.db) if need_choices else None
            detail = cadre_detail(self.ctx.db, cadre_id) if cadre_id is not None else None
            return choices, detail

        self.ctx.run(
            work,
            lambda data: self._loaded(generation, *data),
            lambda error: self.message.setText(error_text(error, self.ctx.language)),
        )

    def _loaded(
        self, generation: int, choices: CadreChoices | None, detail: CadreDetail | None
    ) -> None:
        if generation != self._generation:
            return
        if choices is not None:
            self.choices = choices
            fill_catalogue(self.ethnicity, choices.ethnicities)
            select_data(self.ethnicity, "01")
            for combo in (self.post_title, self.planning_title):
                fill_catalogue(combo, choices.cadre_posts)
                combo.setCurrentIndex(-1)
                combo.setEditText("")
            self._fill_levels()
        if detail is None:
            self.heading.setText(self.tr("<b>Cán bộ mới</b> — lưu thông tin để mở các mục khác."))
            return
        first_load = self.detail is None or self.detail.id != detail.id
        self.detail = detail
        self.heading.setText(f"<b>{detail.data.full_name}</b>")
        if first_load:
            self._fill_info(detail)
        self.posts_model.set_rows(detail.posts)
        self.training_model.set_rows(detail.training)
        self.planning_model.set_rows(detail.planning)
        self.salary_model.set_rows(detail.salary_history)
        self._fill_salary(detail.data)

    def _fill_info(self, detail: CadreDetail) -> None:
        data = detail.data
        self.full_name.setText(data.full_name)
        select_data(self.sex, data.sex)
        self.birth_date.set_value(data.birth_date)
        self.birth_year_only.setChecked(data.birth_year_only)
        self.cccd.setText(data.cccd or "")
        select_data(self.ethnicity, data.ethnicity_code)
        self.hometown.setText(data.hometown)
        self.member_link.set_member(data.member_id, detail.member_name)
        self.is_local.setChecked(data.is_local)
        self.workplace.setText(data.workplace)
        select_data(self.status, data.status)
        self.notes.setPlainText(data.notes)

    def _fill_salary(self, data: CadreInput) -> None:
        if data.salary_grade or data.salary_step is not None:
            self.salary_current.setText(
                self.tr("Hiện hưởng: ")
                + self._step_text(
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

    def _fill_levels(self) -> None:
        category = str(self.training_category.currentData())
        entries = self.choices.training_levels.get(category, ()) if self.choices else ()
        fill_catalogue(self.training_level, entries)

    # --- writing ------------------------------------------------------------------------

    def _write(
        self,
        work: Callable[[], Any],
        error_label: QLabel,
        done_text: str,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Run one write; on success reload, announce "cadre" and say so."""
        error_label.hide()

        def done(result: Any) -> None:
            if after is not None:
                after(result)
            self.message.setText(done_text)
            self.ctx.bus.announce("cadre")
            if self.cadre_id is not None:
                self.saved.emit(self.cadre_id)
            self.reload()

        def refused(error: BaseException) -> None:
            error_label.setText(error_text(error, self.ctx.language))
            error_label.show()

        self.ctx.run(work, done, refused)

    @staticmethod
    def _refuse(label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _required_date(self, field: DateEdit, name: str, label: QLabel) -> date | None:
        try:
            value = field.value()
        except ValueError as exc:
            self._refuse(label, str(exc))
            return None
        if value is None:
            self._refuse(
                label, self.tr("Trường «{field}» không được để trống.").replace("{field}", name)
            )
        return value

    def _member_chosen(self, row: MemberRow) -> None:
        # Linking a new record to a member copies what the member register already knows.
        if not self.full_name.text().strip():
            self.full_name.setText(row.full_name)
            select_data(self.sex, row.sex)
            self.birth_date.set_value(row.birth_date)
            self.cccd.setText(row.cccd or "")

    def cadre_input(self) -> CadreInput | None:
        """The personal fields as typed (None, with the reason shown, when a date is bad)."""
        birth = self._required_date(self.birth_date, self.tr("Ngày sinh"), self.info_error)
        if birth is None:
            return None
        old = self.detail.data if self.detail is not None else None
        return CadreInput(
            full_name=self.full_name.text(),
            sex=str(self.sex.currentData()),
            birth_date=birth,
            birth_year_only=self.birth_year_only.isChecked(),
            member_id=self.member_link.member_id(),
            cccd=self.cccd.text(),
            hometown=self.hometown.text(),
            ethnicity_code=str(self.ethnicity.currentData() or "01"),
            is_local=self.is_local.isChecked(),
            organization_id=old.organization_id if old else None,
            workplace=self.workplace.text(),
            notes=self.notes.toPlainText(),
            status=str(self.status.currentData()),
        )

    def save_info(self) -> None:
        """Create the cadre, or save the personal fields of an existing one."""
        self.info_error.hide()
        data = self.cadre_input()
        if data is None:
            return
        cadre_id = self.cadre_id
        if cadre_id is None:

            def created(row: Any) -> None:
                self.cadre_id = row.id
                self._set_tabs_enabled()

            self._write(
                lambda: create_cadre(self.ctx.db, data),
                self.info_error,
                self.tr("Đã tạo hồ sơ cán bộ."),
                created,
            )
        else:
            self._write(
                lambda: update_cadre(self.ctx.db, cadre_id, data),
                self.info_error,
                self.tr("Đã lưu thông tin cán bộ."),
            )

    def _post_code(self, combo: QComboBox) -> str | None:
        # A title typed by hand is kept as text; one picked from the list keeps its code.
        position = combo.findText(combo.currentText())
        return None if position < 0 else combo.itemData(position)

    def add_post(self) -> None:
        """Record a post (main or concurrent)."""
        self.post_error.hide()
        if self.cadre_id is None:
            return
        start = self._required_date(self.post_start, self.tr("Từ ngày"), self.post_error)
        if start is None:
            return
        try:
            decision_date = self.post_decision_date.value()
        except ValueError as exc:
            self._refuse(self.post_error, str(exc))
            return
        post = PostInput(
            title=self.post_title.currentText(),
            start_on=start,
            unit=self.post_unit.text(),
            post_code=self._post_code(self.post_title),
            kind=str(self.post_kind.currentData()),
            concurrent=self.post_concurrent.isChecked(),
            decision_no=self.post_decision.text(),
            decision_date=decision_date,
        )
        cadre_id = self.cadre_id
        self._write(
            lambda: record_post(self.ctx.db, cadre_id, post),
            self.post_error,
            self.tr("Đã thêm chức vụ."),
            lambda _id: self._clear_post_form(),
        )

    def _clear_post_form(self) -> None:
        self.post_title.setCurrentIndex(-1)
        self.post_title.setEditText("")
        self.post_concurrent.setChecked(False)
        self.post_decision.clear()
        self.post_decision_date.set_value(None)

    def end_selected_post(self) -> None:
        """End the selected post from the date typed next to the button."""
        self.post_error.hide()
        post = _selected(self.posts_table, self.posts_model)
        if post is None:
            self._refuse(self.post_error, self.tr("Hãy chọn chức vụ cần kết thúc."))
            return
        on = self._required_date(self.post_end, self.tr("Ngày thôi giữ chức"), self.post_error)
        if on is None:
            return
        self._write(
            lambda: end_post(self.ctx.db, post.id, on),
            self.post_error,
            self.tr("Đã ghi thôi giữ chức."),
        )

    def add_training(self) -> None:
        """Record a training entry."""
        self.training_error.hide()
        if self.cadre_id is None:
            return
        try:
            end_on = self.training_end.value()
        except ValueError as exc:
            self._refuse(self.training_error, str(exc))
            return
        cadre_id = self.cadre_id
        category = str(self.training_category.currentData())
        level = self.training_level.currentData()
        field_text = self.training_field.text()
        institution = self.training_institution.text()
        self._write(
            lambda: record_training(
                self.ctx.db, cadre_id, category, level, field_text, institution, end_on
            ),
            self.training_error,
            self.tr("Đã thêm quá trình đào tạo."),
        )

    def add_planning(self) -> None:
        """Put the cadre in the planning; past the limits the user confirms first."""
        self.planning_error.hide()
        self.planning_warning.hide()
        if self.cadre_id is None:
            return
        on = self._required_date(self.planning_added, self.tr("Ngày đưa vào"), self.planning_error)
        if on is None:
            return
        cadre_id = self.cadre_id
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
            self._write(
                lambda: plan_cadre(self.ctx.db, cadre_id, term, title, on, unit, decision),
                self.planning_error,
                self.tr("Đã đưa vào quy hoạch."),
                self._planned,
            )

        self.ctx.run(
            lambda: planning_check(self.ctx.db, cadre_id, term, title, on),
            checked,
            lambda error: self._refuse(self.planning_error, error_text(error, self.ctx.language)),
        )

    def _planned(self, result: PlanningResult) -> None:
        if result.warnings:
            self.planning_warning.setText(
                self.tr("Đã đưa vào quy hoạch, lưu ý: ") + " ".join(result.warnings)
            )
            self.planning_warning.show()
        self.planning_title.setCurrentIndex(-1)
        self.planning_title.setEditText("")

    def remove_selected_planning(self) -> None:
        """Take the selected entry out of the planning, with date and reason."""
        self.planning_error.hide()
        entry = _selected(self.planning_table, self.planning_model)
        if entry is None:
            self._refuse(self.planning_error, self.tr("Hãy chọn mục quy hoạch cần đưa ra."))
            return
        on = self._required_date(self.planning_removed, self.tr("Ngày đưa ra"), self.planning_error)
        if on is None:
            return
        reason = self.planning_reason.text()
        self._write(
            lambda: remove_planning(self.ctx.db, entry.id, on, reason),
            self.planning_error,
            self.tr("Đã đưa ra khỏi quy hoạch."),
            lambda _none: self.planning_reason.clear(),
        )

    def record_salary(self) -> None:
        """Record a new salary step (the previous one is kept in the history)."""
        self.salary_error.hide()
        if self.cadre_id is None:
            return
        on = self._required_date(self.salary_on, self.tr("Ngày hưởng"), self.salary_error)
        if on is None:
            return
        step = SalaryStep(
            grade=self.salary_grade.text(),
            grade_code=self.salary_grade_code.text(),
            step=self.salary_step.value(),
            coefficient=self.salary_coefficient.value(),
            on=on,
            decision_no=self.salary_decision.text(),
        )
        cadre_id = self.cadre_id
        self._write(
            lambda: record_salary_step(self.ctx.db, cadre_id, step),
            self.salary_error,
            self.tr("Đã ghi bậc lương mới."),
            lambda _id: self._clear_salary_form(),
        )

    def _clear_salary_form(self) -> None:
        self.salary_on.set_value(None)
        self.salary_decision.clear()
