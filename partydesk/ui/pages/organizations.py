"""Tổ chức: one organization's record, its committee, its place in the tree over time.

The page shows the organization chosen in the tree (`show_organization`). Fields are
edited in place and saved with "Lưu"; the tree's actions (add, rename, re-parent, merge,
dissolve) and the committee's open dialogs. Every write announces "organization" and
"member" on the bus, and the page reloads when it hears either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import COUNTED_STATUSES, MemberStatus
from partydesk.services.committee import CommitteeSeat
from partydesk.services.excel_export import export_file_name, export_list_book
from partydesk.services.org_tree import (
    OrgNode,
)
from partydesk.services.organizations import (
    OrganizationChoices,
    OrganizationDetail,
    OrganizationUpdate,
    ParentPeriod,
    organization_choices,
    organization_detail,
    update_organization,
)
from partydesk.services.printing import PrintRequest
from partydesk.ui.code_labels import status_label
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.excel_export import ExcelExportDialog, ExportWork, start_export
from partydesk.ui.dialogs.organization_dialogs import (
    OrganizationActions,
    fill_catalogue,
    select_data,
)
from partydesk.ui.models.org_tree import group_digits
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table


class OrganizationsPage(QWidget):
    """The organization page of the main window."""

    #: The user asked for another organization (a child double-clicked, a parent link);
    #: the main window may select it in the tree.
    organization_requested = Signal(int)
    #: «In sổ danh sách đảng viên»: a PrintRequest for the main window's printer.
    print_requested = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.org_actions = OrganizationActions(ctx, self)
        self.detail: OrganizationDetail | None = None
        self.choices: OrganizationChoices | None = None
        self._org_id: int | None = None
        self._generation = 0
        self._dirty = False
        self._filling = False

        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Chọn một tổ chức trên cây tổ chức bên trái."))
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        body = QWidget()
        self.stack.addWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)

        buttons = QHBoxLayout()
        self.add_child_button = QPushButton(self.tr("Thêm tổ chức trực thuộc…"))
        self.rename_button = QPushButton(self.tr("Đổi tên…"))
        self.reparent_button = QPushButton(self.tr("Chuyển trực thuộc…"))
        self.merge_button = QPushButton(self.tr("Hợp nhất vào…"))
        self.dissolve_button = QPushButton(self.tr("Giải thể…"))
        self._write_buttons = [
            (self.add_child_button, self.org_actions.add_child),
            (self.rename_button, self.org_actions.rename),
            (self.reparent_button, self.org_actions.reparent),
            (self.merge_button, self.org_actions.merge),
            (self.dissolve_button, self.org_actions.dissolve),
        ]
        for button, slot in self._write_buttons:
            button.clicked.connect(lambda _checked=False, s=slot: self._act(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("In sổ danh sách đảng viên"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_list_book())
        buttons.addWidget(self.print_button)
        self.export_book_button = QPushButton(self.tr("Xuất sổ danh sách (Excel)…"))
        self.export_book_button.clicked.connect(lambda _checked=False: self.export_list_book())
        buttons.addWidget(self.export_book_button)
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_info_tab(), self.tr("Thông tin"))
        self.tabs.addTab(self._build_committee_tab(), self.tr("Cấp ủy"))
        self.tabs.addTab(self._build_tree_tab(), self.tr("Trực thuộc"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._set_dirty(False)
        ctx.bus.changed.connect(self._registers_changed)

    # --- building -----------------------------------------------------------------------

    def _build_info_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        left = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        form.addRow(self.tr("Tên tổ chức:"), self.name)
        self.short_name = QLineEdit()
        form.addRow(self.tr("Tên viết tắt:"), self.short_name)
        self.kind_label = QLabel()
        form.addRow(self.tr("Cấp tổ chức:"), self.kind_label)
        self.type_code = QComboBox()
        form.addRow(self.tr("Loại hình:"), self.type_code)
        self.founding_decision = QLineEdit()
        form.addRow(self.tr("Quyết định thành lập:"), self.founding_decision)
        self.founded_on = DateEdit()
        form.addRow(self.tr("Ngày thành lập:"), self.founded_on)
        self.address = QLineEdit()
        form.addRow(self.tr("Địa chỉ:"), self.address)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Ghi chú:"), self.notes)
        self.dissolved_label = QLabel()
        self.dissolved_label.setWordWrap(True)
        form.addRow(self.dissolved_label)
        left.addLayout(form)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Hoàn tác"))
        self.revert_button.clicked.connect(self._revert)
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.revert_button)
        save_row.addStretch(1)
        left.addLayout(save_row)
        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b00020;")
        self.form_error.hide()
        left.addWidget(self.form_error)
        left.addStretch(1)
        layout.addLayout(left, 3)

        counts = QGroupBox(self.tr("Đảng viên"))
        self.counts_grid = QGridLayout(counts)
        self.count_labels: dict[str, QLabel] = {}
        for row, status in enumerate(MemberStatus):
            self.counts_grid.addWidget(QLabel(status_label(status.value) + ":"), row, 0)
            value = QLabel()
            self.counts_grid.addWidget(value, row, 1)
            self.count_labels[status.value] = value
        row = len(MemberStatus)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        self.counts_grid.addWidget(self.total_label, row, 0, 1, 2)
        self.counts_grid.setRowStretch(row + 1, 1)
        layout.addWidget(counts, 2)

        for widget in (
            self.name,
            self.short_name,
            self.founding_decision,
            self.address,
            self.founded_on.line,
        ):
            widget.textEdited.connect(self._edited)
        self.founded_on.edited.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.type_code.currentIndexChanged.connect(self._edited)
        return tab

    def _build_committee_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.committee_model: RowsModel[CommitteeSeat] = RowsModel(
            [
                (self.tr("Họ và tên"), lambda s: s.full_name or self.tr("(chưa ghi tên)")),
                (self.tr("Chức vụ"), lambda s: s.post_name),
                (self.tr("Nhiệm kỳ"), lambda s: s.term.replace("-", "–")),
                (self.tr("Từ ngày"), lambda s: format_date(s.start_on)),
                (self.tr("Đến ngày"), lambda s: format_date(s.end_on)),
                (self.tr("Quyết định"), lambda s: s.decision_no),
            ]
        )
        self.committee_table = read_only_table(self.committee_model)
        layout.addWidget(self.committee_table, 1)
        row = QHBoxLayout()
        self.add_seat_button = QPushButton(self.tr("Thêm cấp ủy viên…"))
        self.add_seat_button.clicked.connect(
            lambda: self._act(self.org_actions.add_seat) if self._org_id else None
        )
        self.end_seat_button = QPushButton(self.tr("Thôi giữ chức…"))
        self.end_seat_button.clicked.connect(self.end_selected_seat)
        self.show_past_seats = QCheckBox(self.tr("Hiện cả người đã thôi"))
        self.show_past_seats.toggled.connect(lambda _on: self._fill_committee())
        row.addWidget(self.add_seat_button)
        row.addWidget(self.end_seat_button)
        row.addStretch(1)
        row.addWidget(self.show_past_seats)
        layout.addLayout(row)
        self.committee_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_seat_buttons()
        )
        return tab

    def _build_tree_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        history = QGroupBox(self.tr("Trực thuộc qua các thời kỳ"))
        history_layout = QVBoxLayout(history)
        self.history_model: RowsModel[ParentPeriod] = RowsModel(
            [
                (self.tr("Trực thuộc"), lambda p: p.parent_name or self.tr("(cấp cao nhất)")),
                (self.tr("Từ ngày"), lambda p: format_date(p.valid_from)),
                (self.tr("Đến ngày"), lambda p: format_date(p.valid_to) or self.tr("nay")),
                (self.tr("Lý do"), lambda p: self._reason(p.reason)),
            ]
        )
        self.history_table = read_only_table(self.history_model)
        history_layout.addWidget(self.history_table)
        layout.addWidget(history, 1)
        below = QGroupBox(self.tr("Tổ chức trực thuộc"))
        below_layout = QVBoxLayout(below)
        self.children_model: RowsModel[OrgNode] = RowsModel(
            [
                (self.tr("Tên"), lambda n: n.name),
                (self.tr("Cấp"), lambda n: n.kind_label),
                (self.tr("Sinh hoạt trực tiếp"), lambda n: group_digits(n.direct_members)),
                (self.tr("Cả tổ chức"), lambda n: group_digits(n.subtree_members)),
                (
                    self.tr("Tình trạng"),
                    lambda n: (
                        self.tr("giải thể ") + format_date(n.dissolved_on) if n.dissolved_on else ""
                    ),
                ),
            ]
        )
        self.children_table = read_only_table(self.children_model)
        self.children_table.doubleClicked.connect(self._child_activated)
        below_layout.addWidget(self.children_table)
        layout.addWidget(below, 1)
        return tab

    def _reason(self, reason: str) -> str:
        if reason == "reparent":
            return self.tr("Chuyển trực thuộc")
        if reason == "merge":
            return self.tr("Hợp nhất")
        return reason

    # --- loading ------------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The organization shown."""
        return self._org_id

    def show_organization(self, organization_id: int | None) -> None:
        """Load and show an organization (None shows the placeholder).

        Unsaved edits of the organization shown are dropped only after the clerk agrees;
        otherwise it stays on screen with its edits.
        """
        if organization_id != self._org_id and self._dirty:
            if not self.confirm_discard():
                return
            self._set_dirty(False)
        self._org_id = organization_id
        if organization_id is None:
            self.detail = None
            self.stack.setCurrentWidget(self.placeholder)
            return
        self._load()

    def _load(self) -> None:
        organization_id = self._org_id
        if organization_id is None:
            return
        self._generation += 1
        generation = self._generation
        need_choices = self.choices is None

        def work() -> tuple[OrganizationDetail, OrganizationChoices | None]:
            detail = organization_detail(self.ctx.db, organization_id)
            return detail, organization_choices(self.ctx.db) if need_choices else None

        self.ctx.run(work, lambda data: self._loaded(generation, *data), self._load_failed)

    def _loaded(
        self, generation: int, detail: OrganizationDetail, choices: OrganizationChoices | None
    ) -> None:
        if generation != self._generation or detail.id != self._org_id:
            return  # the user moved on while this was loading
        if choices is not None:
            self.choices = choices
            self._filling = True
            fill_catalogue(self.type_code, choices.org_types, self.tr("(không ghi)"))
            self._filling = False
        self.detail = detail
        self.stack.setCurrentIndex(1)
        self.title.setText(detail.name)
        parts = [detail.kind_label, self.tr("mã ") + detail.code]
        if detail.parent_name:
            parts.append(self.tr("trực thuộc ") + detail.parent_name)
        self.subtitle.setText(" · ".join(parts))
        live = detail.dissolved_on is None
        for button, _slot in self._write_buttons:
            button.setEnabled(live)
        self.add_seat_button.setEnabled(live)
        if not self._dirty:
            self._fill_form(detail)
        self._fill_counts(detail)
        self._fill_committee()
        self.history_model.set_rows(detail.parents)
        self.children_model.set_rows(detail.children)

    def _load_failed(self, error: BaseException) -> None:
        self.message.setText(self.tr("Không tải được tổ chức: ") + error_text(error))

    def _fill_form(self, detail: OrganizationDetail) -> None:
        self._filling = True
        try:
            self.name.setText(detail.name)
            self.short_name.setText(detail.short_name)
            self.kind_label.setText(detail.kind_label)
            select_data(self.type_code, detail.type_code)
            self.founding_decision.setText(detail.founding_decision)
            self.founded_on.set_value(detail.founded_on)
            self.address.setText(detail.address)
            self.notes.setPlainText(detail.notes)
        finally:
            self._filling = False
        if detail.dissolved_on is not None:
            text = self.tr("Đã giải thể ngày {date}").replace(
                "{date}", format_date(detail.dissolved_on)
            )
            if detail.dissolution_decision:
                text += self.tr(" (quyết định {no})").replace("{no}", detail.dissolution_decision)
            if detail.merged_into_name:
                text += self.tr(", hợp nhất vào «{name}»").replace(
                    "{name}", detail.merged_into_name
                )
            self.dissolved_label.setText(text + ".")
            self.dissolved_label.show()
        else:
            self.dissolved_label.hide()
        self.form_error.hide()
        self._set_dirty(False)

    def _fill_counts(self, detail: OrganizationDetail) -> None:
        for status, label in self.count_labels.items():
            label.setText(group_digits(detail.members_by_status.get(status, 0)))
        counted = ", ".join(status_label(s.value).lower() for s in COUNTED_STATUSES)
        self.total_label.setText(
            self.tr(
                "Tổng số đảng viên ({counted}), tính cả tổ chức trực thuộc: <b>{total}</b>; "
                "sinh hoạt trực tiếp tại tổ chức này: <b>{direct}</b>."
            )
            .replace("{counted}", counted)
            .replace("{total}", group_digits(detail.subtree_members))
            .replace("{direct}", group_digits(detail.direct_members))
        )

    def _fill_committee(self) -> None:
        seats: Sequence[CommitteeSeat] = self.detail.committee if self.detail else ()
        if not self.show_past_seats.isChecked():
            seats = [s for s in seats if s.is_current]
        self.committee_model.set_rows(seats)
        self._update_seat_buttons()

    def _update_seat_buttons(self) -> None:
        seat = self.selected_seat()
        self.end_seat_button.setEnabled(seat is not None and seat.is_current)

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"organization", "member"} and self._org_id is not None:
            self._load()

    # --- editing ------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def confirm_discard(self) -> bool:
        """Ask whether the unsaved edits of the organization shown may be dropped."""
        name = self.detail.name if self.detail is not None else ""
        return ask_confirmation(
            self,
            self.tr("Thay đổi chưa lưu"),
            self.tr("Bỏ các thay đổi chưa lưu của «{name}»?").replace("{name}", name),
        )

    def is_dirty(self) -> bool:
        """True while the form holds unsaved edits."""
        return self._dirty

    def _revert(self) -> None:
        if self.detail is not None:
            self._fill_form(self.detail)

    def save(self) -> None:
        """Save the edited fields (one unit of work); refusals show under the form."""
        if self._org_id is None:
            return
        self.form_error.hide()
        try:
            founded_on = self.founded_on.value()
        except ValueError as exc:
            self._form_refused(str(exc))
            return
        data = OrganizationUpdate(
            name=self.name.text(),
            short_name=self.short_name.text(),
            type_code=self.type_code.currentData(),
            founding_decision=self.founding_decision.text(),
            founded_on=founded_on,
            address=self.address.text(),
            notes=self.notes.toPlainText(),
        )
        organization_id = self._org_id
        self.ctx.run(
            lambda: update_organization(self.ctx.db, organization_id, data),
            lambda _row: self._saved(),
            lambda error: self._form_refused(error_text(error, self.ctx.language)),
        )

    def _saved(self) -> None:
        self._set_dirty(False)
        self.message.setText(self.tr("Đã lưu thông tin tổ chức."))
        self.ctx.bus.announce("organization", "member")

    def _form_refused(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.show()

    # --- actions ------------------------------------------------------------------------

    def print_list_book(self) -> None:
        """Ask the main window to print the member list book of the organization shown."""
        if self._org_id is not None:
            self.print_requested.emit(PrintRequest("list_book", self._org_id))

    def export_list_book(self) -> ExcelExportDialog | None:
        """Export the member list book of the organization shown to Excel (its subtree).

        Asks for the file first; None when there is no organization or it was cancelled.
        """
        if self._org_id is None:
            return None
        db, org_id, on = self.ctx.db, self._org_id, date.today()
        name = self.detail.name if self.detail is not None else ""

        def work(path: Path) -> ExportWork:
            return lambda progress: export_list_book(db, path, org_id, on, progress)

        return start_export(
            self,
            self.ctx,
            self.tr("Xuất sổ danh sách đảng viên ra Excel"),
            export_file_name("list_book", on, name),
            work,
        )

    def _act(self, slot: Callable[[int], None]) -> None:
        if self._org_id is not None:
            slot(self._org_id)

    def selected_seat(self) -> CommitteeSeat | None:
        """The committee seat selected in the table."""
        rows = self.committee_table.selectionModel().selectedRows()
        return self.committee_model.row_at(rows[0].row()) if rows else None

    def end_selected_seat(self) -> None:
        """Open "Thôi giữ chức" for the selected seat."""
        seat = self.selected_seat()
        if seat is not None and seat.is_current:
            self.org_actions.end_seat(seat)

    def _child_activated(self, index: QModelIndex) -> None:
        child = self.children_model.row_at(index.row())
        self.show_organization(child.id)
        self.organization_requested.emit(child.id)
