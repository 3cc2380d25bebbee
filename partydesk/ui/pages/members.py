"""Đảng viên: the member register as a lazy table, with its filter bar and record window.

The table holds ids and pages (see `MemberTableModel`); every filter and sort runs in
SQL on the worker. The page loads nothing until it is first shown, and refreshes itself
when the change bus says members or organizations changed (no other page calls it).
Column order, visibility and widths, and the sort, are kept in the settings under
"members/".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import COUNTED_STATUSES, MemberStatus
from partydesk.services import excel_export
from partydesk.services.member_queries import (
    AgeBand,
    MemberFilter,
    MemberSort,
    RegisterChoices,
    register_choices,
)
from partydesk.ui.code_labels import count_text, status_label
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.excel_export import ExcelExportDialog, ExportWork, start_export
from partydesk.ui.dialogs.excel_import import ExcelImportDialog
from partydesk.ui.dialogs.member_record import MemberRecordDialog
from partydesk.ui.models.member_table import MemberTableModel
from partydesk.ui.widgets.member_actions import MemberActionsButton

SETTINGS_PREFIX = "members/"
#: Columns shown on a first start; the others are one right-click away on the header.
DEFAULT_HIDDEN = ("ceremony_date", "ethnicity", "theory")
DEFAULT_WIDTHS = {
    "name": 200,
    "sex": 60,
    "birth_date": 90,
    "organization": 220,
    "status": 170,
    "cccd": 110,
    "card_no": 90,
    "decision_date": 110,
    "ceremony_date": 100,
    "official_date": 105,
    "ethnicity": 90,
    "theory": 120,
}
TEXT_FILTER_DELAY_MS = 250
_COUNTED = tuple(status.value for status in COUNTED_STATUSES)


def thousands(number: int) -> str:
    """1234567 -> "1.234.567" in Vietnamese, "1,234,567" in English."""
    return count_text(number)


def _index_of(combo: QComboBox, value: object) -> int:
    """The row whose data equals `value` (tuples compared as tuples), or -1."""
    for row in range(combo.count()):
        data = combo.itemData(row)
        if isinstance(data, list | tuple):
            data = tuple(data)
        if data == value:
            return row
    return -1


def _keys(value: object) -> list[str]:
    """A comma-separated settings value as a list (INI files may give str or list)."""
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v)]
    if isinstance(value, str):
        return [part for part in value.split(",") if part]
    return []


class MembersPage(QWidget):
    """The member register page: filters, the table, Thêm / Sửa / Nghiệp vụ."""

    #: A lifecycle step for a member (action key, member id), from the page's «Nghiệp vụ»
    #: or from a record it opened; the main window opens the step.
    action_requested = Signal(str, int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The day ages and "due soon" are counted on (None: the real today; tests fix it).
        self.today: date | None = None
        self.last_dialog: MemberRecordDialog | None = None
        self._organization_id: int | None = None
        self._stale = True
        self._choices_loaded = False
        self._restoring = False
        #: Conditions of a list opened from elsewhere (an overview chart's bar) that the
        #: filter bar's boxes cannot show; kept, with their caption, until cleared.
        self._extra: MemberFilter | None = None
        #: An ethnicity asked for before the box's choices arrived.
        self._pending_ethnicity: str | None = None
        self.model = MemberTableModel(ctx, self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        layout.addLayout(self._build_extra_bar())
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.model.count_changed.connect(self._show_count)
        self.model.load_failed.connect(
            lambda text: self.count_label.setText(self.tr("Lỗi: ") + text)
        )
        self._restore_columns()
        ctx.bus.changed.connect(self._registers_changed)

    # --- building ------------------------------------------------------------------------

    def _build_filter_bar(self) -> QVBoxLayout:
        # Two rows: the text filter and the buttons, then the choice filters, so the page
        # fits a 1366-pixel screen at 125 % scaling with the organization tree open.
        rows = QVBoxLayout()
        top = QHBoxLayout()
        bar = QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(bar)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Lọc theo họ tên, số CCCD, số thẻ… (Ctrl+F)"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMinimumWidth(160)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self.apply_filters)
        self.text_filter.textChanged.connect(lambda _t: self._text_timer.start())
        self.text_filter.returnPressed.connect(self.apply_filters)
        top.addWidget(self.text_filter, 1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Đang sinh hoạt"), _COUNTED)
        self.status_filter.addItem(self.tr("Mọi trạng thái"), None)
        for status in MemberStatus:
            self.status_filter.addItem(status_label(status.value), (status.value,))
        self.status_filter.setToolTip(
            self.tr("«Đang sinh hoạt»: đảng viên chính thức, dự bị và được miễn sinh hoạt.")
        )
        self.sex_filter = QComboBox()
        self.sex_filter.addItem(self.tr("Nam và nữ"), None)
        self.sex_filter.addItem(self.tr("Nam"), "nam")
        self.sex_filter.addItem(self.tr("Nữ"), "nữ")
        self.age_filter = QComboBox()
        self.age_filter.addItem(self.tr("Mọi độ tuổi"), None)
        age_labels = {
            AgeBand.UP_TO_30: self.tr("Từ 30 tuổi trở xuống"),
            AgeBand.FROM_31_TO_40: self.tr("Từ 31 đến 40 tuổi"),
            AgeBand.FROM_41_TO_50: self.tr("Từ 41 đến 50 tuổi"),
            AgeBand.FROM_51_TO_60: self.tr("Từ 51 đến 60 tuổi"),
            AgeBand.OVER_60: self.tr("Trên 60 tuổi"),
        }
        for band, label in age_labels.items():
            self.age_filter.addItem(label, band.value)
        self.ethnicity_filter = QComboBox()
        self.ethnicity_filter.addItem(self.tr("Mọi dân tộc"), None)
        self.ethnicity_filter.setMaxVisibleItems(20)
        self.theory_filter = QComboBox()
        self.theory_filter.addItem(self.tr("Mọi trình độ LLCT"), None)
        self.theory_filter.setToolTip(self.tr("Trình độ lý luận chính trị"))
        for combo in (
            self.status_filter,
            self.sex_filter,
            self.age_filter,
            self.ethnicity_filter,
            self.theory_filter,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            # Sized by a short text, not by the longest choice (ethnicity and theory
            # names are long): the bar must fit a 1280-pixel screen at 125 % scaling.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            bar.addWidget(combo, 1)
        self.due_soon = QCheckBox(self.tr("Sắp đến hạn"))
        self.due_soon.setToolTip(
            self.tr("Đảng viên dự bị đã qua 11 tháng dự bị: sắp đến hạn xét công nhận chính thức.")
        )
        self.due_soon.toggled.connect(lambda _on: self.apply_filters())
        bar.addWidget(self.due_soon)
        self.add_button = QPushButton(self.tr("Thêm"))
        self.add_button.setToolTip(self.tr("Thêm đảng viên (Ctrl+N)"))
        self.add_button.clicked.connect(self.new_member)
        self.edit_button = QPushButton(self.tr("Sửa"))
        self.edit_button.setToolTip(self.tr("Mở lý lịch đảng viên đang chọn (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(False)
        self.actions_button = MemberActionsButton()
        self.actions_button.action_requested.connect(self._action_chosen)
        self.export_button = QPushButton(self.tr("Xuất Excel…"))
        self.export_button.setToolTip(
            self.tr("Xuất danh sách đang hiển thị (bộ lọc, các cột, thứ tự) ra tệp Excel")
        )
        self.export_button.clicked.connect(lambda _checked=False: self.export_excel())
        self.import_button = QPushButton(self.tr("Nhập Excel…"))
        self.import_button.setToolTip(self.tr("Nhập danh sách đảng viên từ tệp Excel"))
        self.import_button.clicked.connect(lambda _checked=False: self.import_excel())
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.actions_button)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        self.new_action = QAction(self.tr("Thêm đảng viên"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_member)
        self.addAction(self.new_action)
        return rows

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        vertical = table.verticalHeader()
        # Fixed row heights: with 500k rows the view must never measure rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(lambda *_a: self._save_order())
        table.activated.connect(self._activated)
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._current_changed(current.row())
        )
        return table

    def _build_extra_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.extra_label = QLabel()
        self.extra_label.setWordWrap(True)
        self.extra_clear = QPushButton(self.tr("Bỏ lọc này"))
        self.extra_clear.setToolTip(self.tr("Bỏ điều kiện lọc đến từ biểu đồ ở trang Tổng quan"))
        self.extra_clear.clicked.connect(lambda _checked=False: self.clear_extra_filter())
        row.addWidget(self.extra_label, 1)
        row.addWidget(self.extra_clear)
        self.extra_label.hide()
        self.extra_clear.hide()
        return row

    # --- filters -------------------------------------------------------------------------

    def current_filter(self) -> MemberFilter:
        """The filter the bar and the organization tree describe."""
        age = self.age_filter.currentData()
        statuses = self.status_filter.currentData()
        extra = self._extra or MemberFilter()
        return MemberFilter(
            organization_id=self._organization_id,
            statuses=tuple(statuses) if statuses else None,
            sex=self.sex_filter.currentData(),
            age_band=AgeBand(age) if age else None,
            ethnicity_code=self.ethnicity_filter.currentData() or self._pending_ethnicity,
            theory_code=self.theory_filter.currentData(),
            due_soon=self.due_soon.isChecked(),
            text=self.text_filter.text().strip(),
            today=self.today or date.today(),
            ethnicity_excluded=extra.ethnicity_excluded,
            ceremony_from=extra.ceremony_from,
            ceremony_to=extra.ceremony_to,
        )

    def show_list(self, filters: MemberFilter, caption: str = "") -> None:
        """List what another part of the window asks for (an overview chart's bar).

        The organization, status, sex, age band and ethnicity go into the filter bar's
        boxes; the text, theory and "due soon" filters are cleared; what the boxes cannot
        show (all ethnicities but some, an admission month) stays above the table with
        `caption` until «Bỏ lọc này».
        """
        self._organization_id = filters.organization_id
        boxes = (
            (self.status_filter, filters.statuses),
            (self.sex_filter, filters.sex),
            (self.age_filter, filters.age_band.value if filters.age_band else None),
            (self.theory_filter, None),
        )
        widgets = [box for box, _value in boxes] + [
            self.ethnicity_filter,
            self.due_soon,
            self.text_filter,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for box, value in boxes:
                box.setCurrentIndex(max(_index_of(box, value), 0))
            code = filters.ethnicity_code
            found = _index_of(self.ethnicity_filter, code)
            self.ethnicity_filter.setCurrentIndex(max(found, 0))
            self._pending_ethnicity = code if code and found < 0 else None
            self.due_soon.setChecked(False)
            self.text_filter.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        extra = MemberFilter(
            ethnicity_excluded=filters.ethnicity_excluded,
            ceremony_from=filters.ceremony_from,
            ceremony_to=filters.ceremony_to,
        )
        self._extra = extra if extra != MemberFilter() else None
        self.extra_label.setText(self.tr("Danh sách từ biểu đồ: ") + caption)
        self.extra_label.setVisible(bool(caption))
        self.extra_clear.setVisible(self._extra is not None)
        self.apply_filters()

    def clear_extra_filter(self) -> None:
        """Drop the conditions a chart added that the filter bar cannot show."""
        self._extra = None
        self.extra_label.hide()
        self.extra_clear.hide()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Show the members matching the filter bar (on the worker)."""
        self._text_timer.stop()
        self.model.set_filter(self.current_filter(), reload=False)
        self.table.scrollToTop()
        self.refresh()

    def set_organization(self, org_id: int | None) -> None:
        """Show the members of an organization's subtree (None: the whole office)."""
        self._organization_id = org_id
        self.apply_filters()

    def organization_id(self) -> int | None:
        """The organization whose subtree is shown, or None."""
        return self._organization_id

    def refresh(self) -> None:
        """Re-count and reload the table now if it is on screen, else when it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.count_label.setText(self.tr("Đang tải…"))
        self.model.refresh()

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"member", "organization"}:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Load on first show (and after changes made while hidden)."""
        super().showEvent(event)
        if self._stale:
            # Queued first: the worker runs tasks in order and the rows are what the
            # clerk waits for; the filter bar's catalogues can come a moment later.
            self.model.set_filter(self.current_filter(), reload=False)
            self.refresh()
        if not self._choices_loaded:
            self._choices_loaded = True
            self.ctx.run(
                lambda: register_choices(self.ctx.db),
                self._fill_choices,
                lambda error: self.count_label.setText(error_text(error, self.ctx.language)),
            )

    def _fill_choices(self, choices: RegisterChoices) -> None:
        for combo, catalogue in (
            (self.ethnicity_filter, "ethnicity"),
            (self.theory_filter, "theory"),
        ):
            combo.blockSignals(True)
            for entry in choices.catalogues.get(catalogue, []):
                combo.addItem(entry.name, entry.code)
            combo.blockSignals(False)
        if self._pending_ethnicity is not None:
            # Asked for before the choices came (`show_list`): the list already has it.
            combo = self.ethnicity_filter
            combo.blockSignals(True)
            combo.setCurrentIndex(max(_index_of(combo, self._pending_ethnicity), 0))
            combo.blockSignals(False)
            self._pending_ethnicity = None

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{n} đảng viên").replace("{n}", thousands(count)))
        self._current_changed(self.table.currentIndex().row())

    def _current_changed(self, row: int) -> None:
        data = self.model.row_data(row) if row >= 0 else None
        self.edit_button.setEnabled(row >= 0)
        self.actions_button.set_status(data.status if data is not None else None)

    def _action_chosen(self, action: str) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self.action_requested.emit(action, member_id)

    # --- opening records -----------------------------------------------------------------

    def selected_member_id(self) -> int | None:
        """The member of the current row, if its page is loaded."""
        index = self.table.currentIndex()
        return self.model.member_id(index.row()) if index.isValid() else None

    def open_member(self, member_id: int) -> MemberRecordDialog:
        """Open a member's record (window-modal, without blocking)."""
        return self._open(member_id, None)

    def new_member(self) -> MemberRecordDialog:
        """Open an empty record, in the chosen organization when it is a chi bộ."""
        return self._open(None, self._organization_id)

    def _open(self, member_id: int | None, organization_id: int | None) -> MemberRecordDialog:
        dialog = MemberRecordDialog(self.ctx, member_id, organization_id, parent=self)
        # Closed records are deleted: a clerk opens hundreds in a day.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.action_requested.connect(self.action_requested)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def edit_selected(self) -> None:
        """Open the record of the selected row."""
        member_id = self.selected_member_id()
        if member_id is not None:
            self.open_member(member_id)

    def _activated(self, index: QModelIndex) -> None:
        member_id = self.model.member_id(index.row())
        if member_id is not None:
            self.open_member(member_id)

    # --- export --------------------------------------------------------------------------

    def export_excel(self) -> ExcelExportDialog | None:
        """Export what the table shows (its filter, visible columns in order, sort) to Excel.

        Asks for the file first; None when the clerk cancelled that.
        """
        db = self.ctx.db
        filters = self.model.filters
        columns = self.visible_columns()
        sort, descending = self.model.sort_key, self.model.descending
        on = filters.today or self.today or date.today()

        def work(path: Path) -> ExportWork:
            return lambda progress: excel_export.export_members(
                db, path, filters, columns, sort, descending, progress
            )

        return start_export(
            self,
            self.ctx,
            self.tr("Xuất danh sách đảng viên ra Excel"),
            excel_export.export_file_name("members", on),
            work,
        )

    def import_excel(self) -> ExcelImportDialog:
        """Open the Excel import wizard; the register refreshes when it announces members."""
        dialog = ExcelImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- keyboard ------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Put the cursor in the text filter (Ctrl+F on this page)."""
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+F while the focus is on this page.

        The main window binds Ctrl+F to its global search; two shortcuts on one key would
        be ambiguous and neither would fire. Accepting the ShortcutOverride (which travels
        from the focus widget up to this page) turns the key into a key press for us.
        """
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+F: go to the filter."""
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_filter()
            return
        super().keyPressEvent(event)

    # --- columns -------------------------------------------------------------------------

    def _setting(self, name: str) -> str:
        return SETTINGS_PREFIX + name

    def _restore_columns(self) -> None:
        """Order, visibility and widths of the columns, and the sort, from the settings."""
        settings = self.ctx.settings
        header = self.table.horizontalHeader()
        keys = [column.key for column in self.model.columns]
        self._restoring = True
        try:
            order = [k for k in _keys(settings.value(self._setting("order"))) if k in keys]
            order += [k for k in keys if k not in order]
            for visual, key in enumerate(order):
                header.moveSection(header.visualIndex(self.model.column_index(key)), visual)
            stored_hidden = settings.value(self._setting("hidden"))
            hidden = DEFAULT_HIDDEN if stored_hidden is None else _keys(stored_hidden)
            for key in keys:
                header.setSectionHidden(
                    self.model.column_index(key), key in hidden and key != "name"
                )
            for key in keys:
                stored_width = settings.value(self._setting(f"widths/{key}"))
                width = DEFAULT_WIDTHS.get(key, 100)
                if isinstance(stored_width, int | str) and str(stored_width).isdigit():
                    width = max(30, int(stored_width))
                header.resizeSection(self.model.column_index(key), width)
            stored = str(settings.value(self._setting("sort"), MemberSort.NAME.value))
            column = next(
                (i for i, c in enumerate(self.model.columns) if c.sort and c.sort == stored),
                self.model.column_index("name"),
            )
            sort = self.model.columns[column].sort or MemberSort.NAME
            descending = str(settings.value(self._setting("descending"), "false")) == "true"
            # The model first, without a query while the page is hidden; the indicator's
            # own call to `model.sort` then finds nothing to change.
            self.model.set_sort(sort, descending, reload=self.isVisible())
            header.setSortIndicator(
                column,
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
        finally:
            self._restoring = False

    def visible_columns(self) -> list[str]:
        """Keys of the shown columns, in the order they appear."""
        header = self.table.horizontalHeader()
        return [
            self.model.columns[header.logicalIndex(visual)].key
            for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))
        ]

    def set_column_visible(self, key: str, visible: bool) -> None:
        """Show or hide a column (the name column always stays) and remember it."""
        if key == "name":
            return
        self.table.horizontalHeader().setSectionHidden(self.model.column_index(key), not visible)
        hidden = [
            c.key
            for i, c in enumerate(self.model.columns)
            if self.table.horizontalHeader().isSectionHidden(i)
        ]
        self.ctx.settings.setValue(self._setting("hidden"), ",".join(hidden))

    def reset_columns(self) -> None:
        """Back to the default columns, order and widths."""
        for name in ("order", "hidden", "sort", "descending"):
            self.ctx.settings.remove(self._setting(name))
        self.ctx.settings.remove(self._setting("widths"))
        self._restore_columns()

    def _save_order(self) -> None:
        if self._restoring:
            return
        header = self.table.horizontalHeader()
        order = [self.model.columns[header.logicalIndex(v)].key for v in range(header.count())]
        self.ctx.settings.setValue(self._setting("order"), ",".join(order))

    def _section_resized(self, logical: int, _old: int, new: int) -> None:
        # Hiding a column resizes it to 0: that is visibility, not a width to remember.
        if self._restoring or new <= 0:
            return
        key = self.model.columns[logical].key
        self.ctx.settings.setValue(self._setting(f"widths/{key}"), new)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if not self.model.is_sortable(column):
            # The view asked the model, which ignored it: put the indicator back.
            current = self.model.sort_column()
            flag = (
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(True)
            header.setSortIndicator(current, flag)
            header.blockSignals(False)
            return
        self.table.scrollToTop()
        if not self._restoring:
            sort = self.model.columns[column].sort
            assert sort is not None
            self.ctx.settings.setValue(self._setting("sort"), sort.value)
            self.ctx.settings.setValue(
                self._setting("descending"),
                "true" if order == Qt.SortOrder.DescendingOrder else "false",
            )

    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for index, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.setEnabled(column.key != "name")
            action.toggled.connect(lambda on, key=column.key: self.set_column_visible(key, on))
        menu.addSeparator()
        menu.addAction(self.tr("Khôi phục cột mặc định"), self.reset_columns)
        menu.popup(header.mapToGlobal(position))
