"""The personal fields of a cadre's record; saving a new record creates the cadre."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import CadreStatus
from partydesk.services.cadre_records import CadreChoices, CadreDetail
from partydesk.services.cadres import CadreInput, create_cadre, update_cadre
from partydesk.services.members import MemberRow
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.cadre.common import CadreTab, WriteFn
from partydesk.ui.dialogs.organization_dialogs import MemberLinkEdit, fill_catalogue, select_data
from partydesk.ui.widgets.date_edit import DateEdit


class InfoTab(CadreTab):
    """Thông tin: name, sex, birth, CCCD, ethnicity, member link, workplace, status."""

    #: A new cadre was created; carries its id.
    created = Signal(int)

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(ctx, write, parent)
        self.detail: CadreDetail | None = None
        self.info_error = self.error
        layout = QVBoxLayout(self)
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
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.member_link.member_chosen.connect(self._member_chosen)

    def set_choices(self, choices: CadreChoices) -> None:
        """Fill the combo boxes from the catalogues."""
        fill_catalogue(self.ethnicity, choices.ethnicities)
        select_data(self.ethnicity, "01")

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read."""
        # The fields are filled at the first load only: later reloads keep what is typed.
        first_load = self.detail is None or self.detail.id != detail.id
        super().show_detail(detail)
        self.detail = detail
        if first_load:
            self._fill(detail)

    def _fill(self, detail: CadreDetail) -> None:
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

    def _member_chosen(self, row: MemberRow) -> None:
        # Linking a new record to a member copies what the member register already knows.
        if not self.full_name.text().strip():
            self.full_name.setText(row.full_name)
            select_data(self.sex, row.sex)
            self.birth_date.set_value(row.birth_date)
            self.cccd.setText(row.cccd or "")

    def cadre_input(self) -> CadreInput | None:
        """The personal fields as typed (None, with the reason shown, when a date is bad)."""
        birth = self.required_date(self.birth_date, self.tr("Ngày sinh"))
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
        self.error.hide()
        data = self.cadre_input()
        if data is None:
            return
        cadre_id = self.cadre_id
        if cadre_id is None:

            def created(row: Any) -> None:
                self.cadre_id = row.id
                self.created.emit(row.id)

            self.write(
                lambda: create_cadre(self.ctx.db, data),
                self.tr("Đã tạo hồ sơ cán bộ."),
                created,
            )
        else:
            self.write(
                lambda: update_cadre(self.ctx.db, cadre_id, data),
                self.tr("Đã lưu thông tin cán bộ."),
            )
