"""The member record: the biography form in tabs, checked field by field, saved at once.

Tabs and the order of fields follow the paper biography (lý lịch đảng viên, mẫu 2-KNĐ)
and the card sheet, so a clerk copying a paper file can Tab through it top to bottom.
A problem is shown in red right under the field it concerns: the services name fields by
their Vietnamese label (`LABELS`), which maps back to the widget here.

The party dates, the number of the decision and the chi bộ of an existing member change
only through the lifecycle actions (recognition, transfers: issue 4), so they are
read-only here once the record exists; `update_member` would ignore them anyway.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.errors import ValidationError
from partydesk.rules import check_cccd, normalize_sex
from partydesk.services.member_input import CATALOGUE_FIELDS, LABELS, MemberInput
from partydesk.services.member_photo import PHOTO_FIELD, remove_member_photo, set_member_photo
from partydesk.services.member_queries import (
    EventRow,
    MemberDetail,
    MembershipRow,
    RecordForm,
    RegisterChoices,
    record_form,
)
from partydesk.services.members import MemberRow, create_member, update_member
from partydesk.ui.code_labels import event_label, status_label
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date, parse_date
from partydesk.ui.widgets.member_actions import MemberActionsButton
from partydesk.ui.widgets.photo import PhotoBox
from partydesk.ui.widgets.tables import read_only_table

_ERROR_STYLE = "color: #c0392b;"
_LABEL_TO_FIELD = {label: name for name, label in LABELS.items()}
_DATE_FIELDS = ("birth_date", "decision_date", "ceremony_date", "official_date", "youth_union_date")
_LINE_FIELDS = (
    "full_name",
    "other_names",
    "birthplace",
    "birthplace_old",
    "hometown",
    "hometown_old",
    "permanent_address",
    "temporary_address",
    "cccd",
    "biography_no",
    "card_no",
    "badge_no",
    "introducers",
    "party_position",
    "major",
    "workplace",
    "job_title",
)
#: Free-text fields whose catalogue (same name) only suggests values.
_SUGGESTED_FIELDS = ("general_education", "foreign_language", "it_level")
# Changed only by lifecycle actions once the member exists.
_PARTY_FIELDS = (
    "organization_id",
    "decision_date",
    "decision_no",
    "ceremony_date",
    "official_date",
)


class _FieldError(Exception):
    """A value the form itself refuses (an unreadable date, a required field left empty)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass
class _Field:
    widget: QWidget
    error: QLabel
    tab: int


class MemberRecordDialog(QDialog):
    """Create (`member_id` None) or edit a member's record."""

    #: Emitted with the member id after a successful save.
    saved = Signal(int)
    #: A lifecycle step chosen in «Nghiệp vụ» (action key, member id); the main window
    #: opens it.
    action_requested = Signal(str, int)

    def __init__(
        self,
        ctx: UiContext,
        member_id: int | None,
        organization_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.organization_id = organization_id
        self.saved_row: MemberRow | None = None
        self._fields: dict[str, _Field] = {}
        self._order: list[QWidget] = []
        self._initial: tuple[Any, ...] = ()
        self._stored: MemberInput | None = None
        self._loaded = False
        self._saving = False
        self.setWindowTitle(
            self.tr("Thêm đảng viên") if member_id is None else self.tr("Lý lịch đảng viên")
        )
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Hồ sơ mới") if member_id is None else "")
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_identity()
        self._build_party()
        self._build_education()
        self._build_work()
        self._build_family()
        self._build_history()
        self.message = QLabel()
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.actions_button = MemberActionsButton()
        self.actions_button.action_requested.connect(self._action_chosen)
        buttons.addWidget(self.actions_button)
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setToolTip(self.tr("Lưu (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setToolTip(self.tr("Đóng (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._chain_tab_order()
        self.resize(820, 640)
        self.tabs.setEnabled(False)
        self.save_button.setEnabled(False)
        ctx.run(lambda: record_form(ctx.db, member_id), self._loaded_record, self._load_failed)

    # --- building the form ----------------------------------------------------------------

    def _form_tab(self, title: str) -> tuple[QFormLayout, int]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        index = self.tabs.addTab(page, title)
        return form, index

    def _add(
        self,
        form: QFormLayout,
        tab: int,
        name: str,
        label: str,
        widget: QWidget,
        extra: QWidget | None = None,
    ) -> QWidget:
        """A form row: the field (and an optional companion) with its error line below."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        # Dates are short: a full-width date field reads as a text field.
        row.addWidget(widget, 0 if isinstance(widget, DateEdit) else 1)
        if extra is not None:
            row.addWidget(extra, 1 if isinstance(extra, QLineEdit) else 0)
        if isinstance(widget, DateEdit) and not isinstance(extra, QLineEdit):
            row.addStretch(1)
        column.addLayout(row)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        form.addRow(label + ":", box)
        self._fields[name] = _Field(widget, error, tab)
        self._order.append(widget)
        if extra is not None:
            self._order.append(extra)
        return widget

    def _line(self, form: QFormLayout, tab: int, name: str, label: str, **kw: Any) -> QLineEdit:
        edit = QLineEdit()
        if "max_length" in kw:
            edit.setMaxLength(kw["max_length"])
        if "placeholder" in kw:
            edit.setPlaceholderText(kw["placeholder"])
        edit.textEdited.connect(lambda _t, n=name: self._clear_error(n))
        self._add(form, tab, name, label, edit)
        return edit

    def _date(
        self, form: QFormLayout, tab: int, name: str, label: str, extra: QWidget | None = None
    ) -> DateEdit:
        edit = DateEdit()
        edit.setFixedWidth(150)
        edit.edited.connect(lambda n=name: self._clear_error(n))
        self._add(form, tab, name, label, edit, extra)
        return edit

    def _combo(
        self, form: QFormLayout, tab: int, name: str, label: str, editable: bool = False
    ) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(lambda _i, n=name: self._clear_error(n))
        self._add(form, tab, name, label, combo)
        return combo

    def _build_identity(self) -> None:
        page = QWidget()
        outer = QHBoxLayout(page)
        left = QWidget()
        form = QFormLayout(left)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addWidget(left, 1)
        tab = self.tabs.addTab(page, self.tr("Lý lịch"))
        self.full_name = self._line(form, tab, "full_name", LABELS["full_name"], max_length=200)
        self.other_names = self._line(form, tab, "other_names", LABELS["other_names"])
        self.sex = self._combo(form, tab, "sex", LABELS["sex"])
        self.sex.setPlaceholderText(self.tr("— chọn —"))
        self.sex.addItem(self.tr("Nam"), "nam")
        self.sex.addItem(self.tr("Nữ"), "nữ")
        self.sex.setCurrentIndex(-1)
        self.birth_year_only = QCheckBox(self.tr("Chỉ biết năm sinh"))
        self.birth_year_only.setToolTip(
            self.tr("Ghi năm sinh (ví dụ 1957); ngày sinh được hiểu là 01/01 của năm đó.")
        )
        self.birth_date = self._date(
            form, tab, "birth_date", LABELS["birth_date"], self.birth_year_only
        )
        self.birthplace = self._line(form, tab, "birthplace", self.tr("Nơi sinh"))
        self.birthplace_old = self._line(
            form,
            tab,
            "birthplace_old",
            self.tr("Nơi sinh (tên cũ)"),
            placeholder=self.tr("tên địa danh trước sắp xếp"),
        )
        self.hometown = self._line(form, tab, "hometown", self.tr("Quê quán"))
        self.hometown_old = self._line(
            form,
            tab,
            "hometown_old",
            self.tr("Quê quán (tên cũ)"),
            placeholder=self.tr("tên địa danh trước sắp xếp"),
        )
        self.permanent_address = self._line(
            form, tab, "permanent_address", self.tr("Nơi thường trú")
        )
        self.temporary_address = self._line(form, tab, "temporary_address", self.tr("Nơi tạm trú"))
        self.cccd = self._line(
            form, tab, "cccd", LABELS["cccd"], max_length=20, placeholder=self.tr("12 chữ số")
        )
        self.ethnicity = self._combo(form, tab, "ethnicity_code", LABELS["ethnicity_code"])
        self.religion = self._combo(form, tab, "religion_code", LABELS["religion_code"])
        photo_column = QVBoxLayout()
        self.photo = PhotoBox(self.ctx)
        self.photo.changed.connect(lambda: self.photo.show_error(""))
        photo_column.addWidget(self.photo)
        photo_column.addStretch(1)
        outer.addLayout(photo_column)
        self._fields["photo"] = _Field(self.photo, self.photo.error, tab)
        self._order.extend([self.photo.choose_button, self.photo.remove_button])
        # Checked when the clerk leaves them, not only on save: a CCCD that does not match
        # the birth year or the sex is the commonest typing error in these registers.
        for widget in (self.cccd, self.birth_date.line, self.sex):
            widget.installEventFilter(self)
        self.birth_year_only.toggled.connect(lambda _on: self._check_identity())

    def _build_party(self) -> None:
        form, tab = self._form_tab(self.tr("Đảng"))
        self.status_label = QLabel()
        form.addRow(self.tr("Trạng thái:"), self.status_label)
        self.organization = self._combo(form, tab, "organization_id", LABELS["organization_id"])
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("Số quyết định, ví dụ 127-QĐ/ĐU"))
        self.decision_date = self._date(
            form, tab, "decision_date", LABELS["decision_date"], self.decision_no
        )
        self._fields["decision_no"] = self._fields["decision_date"]
        self.ceremony_date = self._date(form, tab, "ceremony_date", LABELS["ceremony_date"])
        self.official_date = self._date(form, tab, "official_date", LABELS["official_date"])
        self.party_note = QLabel(
            self.tr(
                "Chi bộ, ngày kết nạp và ngày chính thức của đảng viên đã có thay đổi qua các"
                " thủ tục công nhận chính thức và chuyển sinh hoạt."
            )
        )
        self.party_note.setWordWrap(True)
        self.party_note.setStyleSheet("color: #666;")
        form.addRow("", self.party_note)
        self.biography_no = self._line(
            form, tab, "biography_no", LABELS["biography_no"], placeholder="012345-LĐ"
        )
        self.card_no = self._line(form, tab, "card_no", LABELS["card_no"])
        self.badge_no = self._line(form, tab, "badge_no", LABELS["badge_no"])
        self.introducers = self._line(form, tab, "introducers", self.tr("Người giới thiệu"))
        self.youth_union_date = self._date(
            form, tab, "youth_union_date", LABELS["youth_union_date"]
        )
        self.party_position = self._line(form, tab, "party_position", self.tr("Chức vụ đảng"))

    def _build_education(self) -> None:
        form, tab = self._form_tab(self.tr("Học vấn"))
        self.general_education = self._combo(
            form, tab, "general_education", LABELS["general_education"], editable=True
        )
        self.qualification = self._combo(
            form, tab, "qualification_code", LABELS["qualification_code"]
        )
        self.major = self._line(form, tab, "major", self.tr("Chuyên ngành"))
        self.academic_title = self._combo(
            form, tab, "academic_title_code", LABELS["academic_title_code"]
        )
        self.theory = self._combo(form, tab, "theory_code", LABELS["theory_code"])
        self.state_management = self._combo(
            form, tab, "state_management_code", LABELS["state_management_code"]
        )
        self.foreign_language = self._combo(
            form, tab, "foreign_language", self.tr("Ngoại ngữ"), editable=True
        )
        self.it_level = self._combo(form, tab, "it_level", self.tr("Tin học"), editable=True)

    def _build_work(self) -> None:
        form, tab = self._form_tab(self.tr("Công tác"))
        self.occupation_before = self._combo(
            form, tab, "occupation_before_code", LABELS["occupation_before_code"]
        )
        self.occupation = self._combo(form, tab, "occupation_code", LABELS["occupation_code"])
        self.workplace = self._line(form, tab, "workplace", self.tr("Nơi làm việc"))
        self.job_title = self._line(form, tab, "job_title", self.tr("Chức vụ"))

    def _build_family(self) -> None:
        form, tab = self._form_tab(self.tr("Gia đình"))
        self.family = QPlainTextEdit()
        self.family.setTabChangesFocus(True)
        self.family.setPlaceholderText(
            self.tr("Cha, mẹ, vợ hoặc chồng, con: họ tên, năm sinh, nghề nghiệp, nơi ở…")
        )
        self._add(form, tab, "family", self.tr("Quan hệ gia đình"), self.family)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self._add(form, tab, "notes", self.tr("Ghi chú"), self.notes)

    def _build_history(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(QLabel(self.tr("Các sự kiện")))
        self.events_model: RowsModel[EventRow] = RowsModel(
            [
                (self.tr("Ngày"), lambda e: format_date(e.on_date)),
                (self.tr("Sự kiện"), lambda e: event_label(e.kind)),
                (self.tr("Số quyết định"), lambda e: e.decision_no),
                (self.tr("Nơi đi, nơi đến"), lambda e: e.counterpart),
                (self.tr("Ghi chú"), lambda e: e.note),
            ]
        )
        column.addWidget(read_only_table(self.events_model), 2)
        column.addWidget(QLabel(self.tr("Quá trình sinh hoạt đảng")))
        self.memberships_model: RowsModel[MembershipRow] = RowsModel(
            [
                (self.tr("Chi bộ"), lambda m: m.organization_name),
                (self.tr("Từ ngày"), lambda m: format_date(m.valid_from)),
                (self.tr("Đến ngày"), lambda m: format_date(m.valid_to)),
            ]
        )
        column.addWidget(read_only_table(self.memberships_model), 1)
        self.history_tab = self.tabs.addTab(page, self.tr("Lịch sử"))

    def _chain_tab_order(self) -> None:
        """Tab walks the fields in the paper form's order, then to Save and Close."""
        chain = [self.tabs, *self._order, self.save_button, self.close_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- loading --------------------------------------------------------------------------

    def _load_failed(self, error: BaseException) -> None:
        self._show_message(self.tr("Không tải được hồ sơ: ") + error_text(error, self.ctx.language))

    def _loaded_record(self, record: RecordForm) -> None:
        self._fill_choices(record.choices)
        existing = record.data is not None
        if record.data is not None:
            self._stored = record.data
            self._fill(record.data)
        else:
            self._preselect(self.organization, self.organization_id)
            self._preselect(self.ethnicity, "01")
            self._preselect(self.religion, "00")
        if record.detail is not None:
            self._fill_detail(record.detail)
        else:
            self.status_label.setText(self.tr("(hồ sơ mới)"))
            self.tabs.setTabEnabled(self.history_tab, False)
        self.photo.set_photo(record.photo)
        for name in _PARTY_FIELDS:
            widget = self.decision_no if name == "decision_no" else self._fields[name].widget
            widget.setEnabled(not existing)
        self.party_note.setVisible(existing)
        self._initial = self._snapshot()
        self._loaded = True
        self.tabs.setEnabled(True)
        self.save_button.setEnabled(True)
        self.full_name.setFocus()

    def _fill_choices(self, choices: RegisterChoices) -> None:
        for name, catalogue in CATALOGUE_FIELDS.items():
            combo = self._combo_of(name)
            combo.clear()
            if name not in ("ethnicity_code", "religion_code"):
                combo.addItem("", None)
            for entry in choices.catalogues.get(catalogue, []):
                combo.addItem(entry.name, entry.code)
        for name in _SUGGESTED_FIELDS:
            # Free text, as the paper form writes it; the catalogue only suggests.
            combo = self._combo_of(name)
            combo.clear()
            combo.addItem("")
            combo.addItems([entry.name for entry in choices.catalogues.get(name, [])])
        self.organization.clear()
        self.organization.setPlaceholderText(self.tr("— chọn chi bộ —"))
        for branch in choices.branches:
            suffix = f" ({branch.parent_name})" if branch.parent_name else ""
            self.organization.addItem(branch.name + suffix, branch.id)
        self.organization.setCurrentIndex(-1)

    def _combo_of(self, name: str) -> QComboBox:
        widget = self._fields[name].widget
        assert isinstance(widget, QComboBox)
        return widget

    def _line_of(self, name: str) -> QLineEdit:
        widget = self._fields[name].widget
        assert isinstance(widget, QLineEdit)
        return widget

    def _date_of(self, name: str) -> DateEdit:
        widget = self._fields[name].widget
        assert isinstance(widget, DateEdit)
        return widget

    @staticmethod
    def _preselect(combo: QComboBox, value: object) -> None:
        if value is None:
            combo.setCurrentIndex(-1 if combo.placeholderText() else 0)
            return
        index = combo.findData(value)
        if index < 0 and isinstance(value, str) and value:
            # A code no longer in the catalogue still shows, rather than vanish on save.
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    @staticmethod
    def _set_text_combo(combo: QComboBox, text: str) -> None:
        index = combo.findText(text)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(text)

    def _fill(self, data: MemberInput) -> None:
        for name in _LINE_FIELDS:
            self._line_of(name).setText(getattr(data, name) or "")
        self.decision_no.setText(data.decision_no or "")
        self._preselect(self.sex, normalize_sex(data.sex or ""))
        self.birth_year_only.setChecked(data.birth_year_only)
        if data.birth_year_only:
            self.birth_date.line.setText(str(data.birth_date.year))
        else:
            self.birth_date.set_value(data.birth_date)
        for name in _DATE_FIELDS[1:]:
            self._date_of(name).set_value(getattr(data, name))
        self._preselect(self.organization, data.organization_id)
        for name in CATALOGUE_FIELDS:
            self._preselect(self._combo_of(name), getattr(data, name))
        for name in _SUGGESTED_FIELDS:
            combo, text = self._combo_of(name), getattr(data, name)
            index = combo.findText(text)
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                combo.setEditText(text)
        self.family.setPlainText(data.family)
        self.notes.setPlainText(data.notes)

    def _action_chosen(self, action: str) -> None:
        if self.member_id is not None:
            self.action_requested.emit(action, self.member_id)

    def _fill_detail(self, detail: MemberDetail) -> None:
        status = str(detail.values.get("status", ""))
        self.actions_button.set_status(status)
        status = status_label(status)
        self.status_label.setText(status)
        name = str(detail.values.get("full_name", ""))
        self.heading.setText(f"{name} — {status}")
        self.setWindowTitle(self.tr("Lý lịch đảng viên") + f" — {name}")
        self.events_model.set_rows(detail.events)
        self.memberships_model.set_rows(detail.memberships)

    # --- reading the form -----------------------------------------------------------------

    def _snapshot(self) -> tuple[Any, ...]:
        """Everything the user can change, to tell whether anything was."""
        values: list[Any] = []
        for name, item in self._fields.items():
            widget = item.widget
            if isinstance(widget, QLineEdit | DateEdit):
                values.append((name, widget.text()))
            elif isinstance(widget, QComboBox):
                values.append((name, widget.currentIndex(), widget.currentText()))
            elif isinstance(widget, QPlainTextEdit):
                values.append((name, widget.toPlainText()))
        values.append(("decision_no", self.decision_no.text()))
        values.append(("birth_year_only", self.birth_year_only.isChecked()))
        values.append(("photo", self.photo.photo()))
        return tuple(values)

    def is_modified(self) -> bool:
        """True when something was changed since the record was loaded or saved."""
        return self._loaded and self._snapshot() != self._initial

    def _read_date(self, name: str) -> date | None:
        widget = self._fields[name].widget
        assert isinstance(widget, DateEdit)
        try:
            return widget.value()
        except ValueError as exc:
            raise _FieldError(name, str(exc)) from exc

    def _read_birth(self) -> date | None:
        text = self.birth_date.text().strip()
        if self.birth_year_only.isChecked():
            if text.isdigit() and len(text) == 4:
                return date(int(text), 1, 1)
            try:
                parsed = parse_date(text)
            except ValueError as exc:
                raise _FieldError(
                    "birth_date", self.tr("Ghi năm sinh bằng 4 chữ số, ví dụ 1957.")
                ) from exc
            # Only the year is known: the domain's convention is 1 January of that year.
            return None if parsed is None else date(parsed.year, 1, 1)
        return self._read_date("birth_date")

    @staticmethod
    def _code(combo: QComboBox) -> str | None:
        value = combo.currentData()
        return str(value) if value else None

    def _required(self, name: str) -> _FieldError:
        return _FieldError(
            name, ValidationError("field.required", field=LABELS[name]).message(self.ctx.language)
        )

    def collect(self) -> MemberInput:
        """The record as typed; raises _FieldError for what the form itself refuses."""
        birth = self._read_birth()
        dates = {name: self._read_date(name) for name in _DATE_FIELDS[1:]}
        if not self.full_name.text().strip():
            raise self._required("full_name")
        sex = self.sex.currentData()
        if not sex:
            raise self._required("sex")
        if birth is None:
            raise self._required("birth_date")
        organization_id = self.organization.currentData()
        if organization_id is None:
            raise self._required("organization_id")
        values: dict[str, Any] = {name: self._line_of(name).text() for name in _LINE_FIELDS}
        values.update({name: self._code(self._combo_of(name)) for name in CATALOGUE_FIELDS})
        values.update({name: self._combo_of(name).currentText() for name in _SUGGESTED_FIELDS})
        values.update(dates)
        values["ethnicity_code"] = values["ethnicity_code"] or "01"
        values["religion_code"] = values["religion_code"] or "00"
        values.update(
            sex=str(sex),
            birth_date=birth,
            birth_year_only=self.birth_year_only.isChecked(),
            organization_id=int(organization_id),
            decision_no=self.decision_no.text(),
            family=self.family.toPlainText(),
            notes=self.notes.toPlainText(),
        )
        if self._stored is not None:
            # Fields this form does not show (the number in the branch list…) keep their
            # stored values instead of being blanked by the save.
            return replace(self._stored, **values)
        return MemberInput(**values)

    # --- errors ---------------------------------------------------------------------------

    def error_text(self, name: str) -> str:
        """The message shown under a field ("" when none)."""
        item = self._fields[name]
        return item.error.text() if not item.error.isHidden() else ""

    def _clear_error(self, name: str) -> None:
        item = self._fields.get(name)
        if item is not None:
            item.error.hide()
            item.error.clear()

    def _clear_errors(self) -> None:
        for name in self._fields:
            self._clear_error(name)
        self._show_message("")

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_field_error(self, name: str, message: str, focus: bool = True) -> None:
        """Show `message` in red under the field `name` and (by default) go to it."""
        item = self._fields[name]
        item.error.setText(message)
        item.error.show()
        if focus:
            self.tabs.setCurrentIndex(item.tab)
            target = item.widget
            if isinstance(target, PhotoBox):
                target = target.choose_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(target, QLineEdit):
                target.selectAll()

    def _field_of(self, error: ValidationError) -> str | None:
        label = error.field or error.params.get("later")
        if label == PHOTO_FIELD:
            return "photo"
        if label is None:
            return None
        return _LABEL_TO_FIELD.get(str(label))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Check the identity fields when the clerk leaves one of them."""
        if event.type() == QEvent.Type.FocusOut and self._loaded:
            self._check_identity()
        return super().eventFilter(watched, event)

    def _check_identity(self) -> None:
        """CCCD against birth date and sex, the same rule `prepare_member` applies."""
        self._clear_error("cccd")
        self._clear_error("birth_date")
        try:
            birth = self._read_birth()
        except _FieldError as problem:
            self.show_field_error(problem.name, problem.message, focus=False)
            return
        cccd = "".join(self.cccd.text().split())
        if not cccd:
            return
        sex = self.sex.currentData()
        year_only = self.birth_year_only.isChecked()
        problems = check_cccd(cccd, None if year_only else birth, str(sex) if sex else None)
        if year_only and not problems and birth is not None:
            problems = check_cccd(cccd, date(birth.year, 1, 1), str(sex) if sex else None)
        if problems:
            message = ValidationError(
                "field.invalid", field=LABELS["cccd"], problem=" ".join(problems)
            ).message(self.ctx.language)
            self.show_field_error("cccd", message, focus=False)

    # --- saving and closing ---------------------------------------------------------------

    def save(self) -> None:
        """Check and save the record (one transaction), then close."""
        if self._saving or not self._loaded:
            return
        self._clear_errors()
        try:
            data = self.collect()
        except _FieldError as problem:
            self.show_field_error(problem.name, problem.message)
            return
        photo = self.photo.change()
        db, member_id = self.ctx.db, self.member_id

        def work() -> MemberRow:
            if member_id is None:
                row = create_member(db, data)
            else:
                row = update_member(db, member_id, data)
            # The photo is its own transaction, after the record: a record saved without
            # its new photo is better than a lost record, and the error says what failed.
            if photo is not None:
                kind, image = photo
                if kind == "set" and image is not None:
                    set_member_photo(db, row.id, image, "image/jpeg")
                else:
                    remove_member_photo(db, row.id)
            return row

        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.run(work, self._saved, self._save_failed)

    def _saved(self, row: MemberRow) -> None:
        self._saving = False
        self.saved_row = row
        self.member_id = row.id
        self.photo.mark_saved()
        self._initial = self._snapshot()
        self.ctx.bus.announce("member")
        self.saved.emit(row.id)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        message = error_text(error, self.ctx.language)
        name = self._field_of(error) if isinstance(error, ValidationError) else None
        if name is not None and name in self._fields:
            self.show_field_error(name, message)
        else:
            self._show_message(message)

    def reject(self) -> None:
        """Esc, Close or the window's ×: ask before dropping unsaved changes."""
        if self._saving:
            return
        if self.is_modified() and not ask_confirmation(
            self, self.tr("Đóng hồ sơ"), self.tr("Bỏ các thay đổi chưa lưu?")
        ):
            return
        super().reject()
