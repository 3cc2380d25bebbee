"""The posts of a cadre (main and concurrent): adding one, ending the selected one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import CadrePostKind
from partydesk.services.cadre_records import CadreChoices, CadreDetail, PostRow
from partydesk.services.cadres import PostInput, end_post, record_post
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.cadre.common import CadreTab, WriteFn, selected
from partydesk.ui.dialogs.organization_dialogs import fill_catalogue, select_data
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table


def catalogue_code(combo: QComboBox) -> str | None:
    """The code of the item whose text is typed; None for text typed by hand."""
    position = combo.findText(combo.currentText())
    return None if position < 0 else combo.itemData(position)


def clear_editable(combo: QComboBox) -> None:
    """Empty an editable combo box (no item selected, no text)."""
    combo.setCurrentIndex(-1)
    combo.setEditText("")


class PostsTab(CadreTab):
    """Chức vụ: the posts held, newest first."""

    def __init__(self, ctx: UiContext, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(ctx, write, parent)
        self.post_error = self.error
        layout = QVBoxLayout(self)
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
                (self.tr("Từ ngày"), lambda p: format_date(p.start_on)),
                (self.tr("Đến ngày"), lambda p: format_date(p.end_on)),
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
        layout.addWidget(self.error)

    def set_choices(self, choices: CadreChoices) -> None:
        """Fill the combo boxes from the catalogues."""
        fill_catalogue(self.post_title, choices.cadre_posts)
        clear_editable(self.post_title)

    def show_detail(self, detail: CadreDetail) -> None:
        """Show the record as read."""
        super().show_detail(detail)
        self.posts_model.set_rows(detail.posts)

    def add_post(self) -> None:
        """Record a post (main or concurrent)."""
        found = self.cadre_and_date(self.post_start, self.tr("Từ ngày"))
        if found is None:
            return
        cadre_id, start = found
        ok, decision_date = self.optional_date(self.post_decision_date)
        if not ok:
            return
        post = PostInput(
            title=self.post_title.currentText(),
            start_on=start,
            unit=self.post_unit.text(),
            post_code=catalogue_code(self.post_title),
            kind=str(self.post_kind.currentData()),
            concurrent=self.post_concurrent.isChecked(),
            decision_no=self.post_decision.text(),
            decision_date=decision_date,
        )
        self.write(
            lambda: record_post(self.ctx.db, cadre_id, post),
            self.tr("Đã thêm chức vụ."),
            lambda _id: self._clear_form(),
        )

    def _clear_form(self) -> None:
        clear_editable(self.post_title)
        self.post_concurrent.setChecked(False)
        self.post_decision.clear()
        self.post_decision_date.set_value(None)

    def end_selected_post(self) -> None:
        """End the selected post from the date typed next to the button."""
        self.error.hide()
        post = selected(self.posts_table, self.posts_model)
        if post is None:
            self.refuse(self.tr("Hãy chọn chức vụ cần kết thúc."))
            return
        on = self.required_date(self.post_end, self.tr("Ngày thôi giữ chức"))
        if on is None:
            return
        self.write(
            lambda: end_post(self.ctx.db, post.id, on),
            self.tr("Đã ghi thôi giữ chức."),
        )
