"""Tổng quan: counts by status and by grassroots organization, "Việc cần làm", charts.

The to-do list shows every due and overdue item of the lifecycle areas, grouped by area
(kết nạp, công nhận chính thức, chuyển sinh hoạt, đảng phí, huy hiệu, cán bộ…) and sorted
by date inside each group; activating an item asks the main window to open its action.
The «Biểu đồ» tab beside it draws the members of the organization chosen in the tree
(or the whole office) by age, sex and ethnicity, and the year's admissions against the
target; it is read only while it is on screen, and a click on a bar asks the main window
to open the register filtered to that bar.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import MemberStatus
from partydesk.services.due import DUE_GROUPS
from partydesk.services.overview import DueItem, OrganizationCount, Overview, overview
from partydesk.services.overview_charts import OverviewCharts, overview_charts
from partydesk.ui.code_labels import count_text, days_left_text, due_group_label, status_label
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.pages.overview_charts import ChartsPanel
from partydesk.ui.widgets.tables import read_only_table

#: The role under which a row of the to-do tree keeps its DueItem.
DUE_ROLE = Qt.ItemDataRole.UserRole + 1
_OVERDUE = QBrush(QColor(176, 0, 32))


class OverviewPage(QWidget):
    """The first page a clerk sees.

    `due_requested` carries the DueItem a clerk activated (double-click or Enter); the
    main window opens its action.
    """

    due_requested = Signal(object)
    #: Due counts per group ({group: (items, overdue)}) after each refresh, for the
    #: navigation's badges.
    due_counts_changed = Signal(object)
    #: A chart's bar was clicked: (MemberFilter, caption) of the list behind it.
    list_requested = Signal(object, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Overview | None = None
        self.due_counts: dict[str, tuple[int, int]] = {}
        #: The day the charts count ages and the year on (None: the real today; tests fix it).
        self.today: date | None = None
        self._organization_id: int | None = None
        self._charts_stale = True
        self._charts_generation = 0
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.status_box = QGroupBox(self.tr("Đảng viên theo trạng thái"))
        self.status_form = QFormLayout(self.status_box)
        left.addWidget(self.status_box)
        org_box = QGroupBox(self.tr("Theo tổ chức cơ sở đảng"))
        org_layout = QVBoxLayout(org_box)
        self.org_model: RowsModel[OrganizationCount] = RowsModel(
            [
                (self.tr("Tổ chức cơ sở đảng"), lambda r: r.name),
                (self.tr("Đảng viên"), lambda r: count_text(r.members)),
            ]
        )
        self.org_table = read_only_table(self.org_model)
        # Long names must not push the count out of sight.
        org_header = self.org_table.horizontalHeader()
        org_header.setStretchLastSection(False)
        org_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        org_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.org_table.setWordWrap(False)
        org_layout.addWidget(self.org_table)
        left.addWidget(org_box, 1)
        layout.addLayout(left, 2)
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        self.due_model = QStandardItemModel(0, 5, self)
        # Date first, so what falls due first reads first; a group's heading spans the row.
        self.due_model.setHorizontalHeaderLabels(
            [
                self.tr("Hạn"),
                self.tr("Còn"),
                self.tr("Họ và tên"),
                self.tr("Việc cần làm"),
                self.tr("Chi bộ"),
            ]
        )
        self.due_tree = QTreeView()
        self.due_tree.setModel(self.due_model)
        self.due_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_tree.setUniformRowHeights(True)
        self.due_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.due_tree.activated.connect(self._activated)
        self.due_tree.doubleClicked.connect(self._activated)
        due_layout.addWidget(self.due_tree)
        self.due_label = QLabel()
        due_layout.addWidget(self.due_label)
        self.charts = ChartsPanel(ctx.language)
        self.charts.list_requested.connect(self.list_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(due_box, self.tr("Việc cần làm"))
        self.tabs.addTab(self.charts, self.tr("Biểu đồ"))
        if str(ctx.settings.value("overview/tab", "due")) == "charts":
            self.tabs.setCurrentWidget(self.charts)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 3)
        ctx.bus.changed.connect(lambda _registers: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Reload the figures on the worker (the charts only if they are on screen)."""
        self.ctx.run(lambda: overview(self.ctx.db), self._show, self._failed)
        self._charts_stale = True
        self._load_charts_if_shown()

    # --- charts ------------------------------------------------------------------------------

    def set_organization(self, org_id: int | None) -> None:
        """Draw the charts for an organization's subtree (None: the whole office)."""
        if org_id == self._organization_id and not self._charts_stale:
            return
        self._organization_id = org_id
        self._charts_stale = True
        self._load_charts_if_shown()

    def show_charts(self) -> None:
        """Bring the «Biểu đồ» tab to the front (it loads if needed)."""
        self.tabs.setCurrentWidget(self.charts)
        self._load_charts_if_shown()

    def charts_shown(self) -> bool:
        """Whether the charts are on screen (else they wait until they are)."""
        return self.isVisible() and self.tabs.currentWidget() is self.charts

    def _tab_changed(self, _index: int) -> None:
        shown = self.tabs.currentWidget() is self.charts
        self.ctx.settings.setValue("overview/tab", "charts" if shown else "due")
        self._load_charts_if_shown()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Charts that changed while hidden are read now."""
        super().showEvent(event)
        self._load_charts_if_shown()

    def _load_charts_if_shown(self) -> None:
        if not self._charts_stale or not self.charts_shown():
            return
        self._charts_stale = False
        self._charts_generation += 1
        generation = self._charts_generation
        db, org_id, today = self.ctx.db, self._organization_id, self.today
        if self.charts.data is None:
            self.charts.set_loading(self.tr("Đang tải biểu đồ…"))
        self.ctx.run(
            lambda: overview_charts(db, org_id, today),
            lambda data: self._show_charts(generation, data),
            lambda error: self._charts_failed(generation, error),
        )

    def _show_charts(self, generation: int, data: OverviewCharts) -> None:
        if generation != self._charts_generation:
            return  # an older request (the scope changed or the register did)
        self.charts.set_data(data)

    def _charts_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._charts_generation:
            self.charts.set_loading(
                self.tr("Không tải được biểu đồ: ") + error_text(error, self.ctx.language)
            )

    def due_items(self) -> list[DueItem]:
        """The items listed, in display order (group by group)."""
        items: list[DueItem] = []
        for group_row in range(self.due_model.rowCount()):
            group = self.due_model.item(group_row, 0)
            for row in range(group.rowCount()):
                items.append(group.child(row, 0).data(DUE_ROLE))
        return items

    def index_of(self, item: DueItem) -> QModelIndex:
        """The model index of a listed item (first column), invalid when absent."""
        for group_row in range(self.due_model.rowCount()):
            group = self.due_model.item(group_row, 0)
            for row in range(group.rowCount()):
                if group.child(row, 0).data(DUE_ROLE) == item:
                    return group.child(row, 0).index()
        return QModelIndex()

    def _show(self, data: Overview) -> None:
        self.data = data
        while self.status_form.rowCount():
            self.status_form.removeRow(0)
        for status in MemberStatus:
            self.status_form.addRow(
                status_label(status.value) + ":",
                QLabel(count_text(data.by_status.get(status.value, 0))),
            )
        self.org_model.set_rows(data.by_grassroots)
        self._fill_due(data.due)
        overdue = sum(1 for item in data.due if item.overdue)
        self.tabs.setTabText(
            0, self.tr("Việc cần làm ({n})").replace("{n}", count_text(len(data.due)))
        )
        self.due_label.setText(
            self.tr("{n} việc, trong đó {k} việc quá hạn.")
            .replace("{n}", count_text(len(data.due)))
            .replace("{k}", count_text(overdue))
        )

    def _fill_due(self, items: list[DueItem]) -> None:
        self.due_model.removeRows(0, self.due_model.rowCount())
        by_group: dict[str, list[DueItem]] = {}
        for item in items:
            by_group.setdefault(item.group, []).append(item)
        order = list(DUE_GROUPS) + sorted(set(by_group) - set(DUE_GROUPS))
        counts: dict[str, tuple[int, int]] = {}
        for group in order:
            rows = by_group.get(group)
            if not rows:
                continue
            overdue = Counter(item.overdue for item in rows)[True]
            counts[group] = (len(rows), overdue)
            heading = QStandardItem(
                f"{due_group_label(group)} ({count_text(len(rows))})"
                + (self.tr(" — {k} quá hạn").replace("{k}", count_text(overdue)) if overdue else "")
            )
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.due_model.appendRow([heading] + [QStandardItem() for _ in range(4)])
            for item in sorted(rows, key=lambda i: (i.due, i.full_name)):
                cells = [
                    QStandardItem(item.due.strftime("%d/%m/%Y")),
                    QStandardItem(days_left_text(item.days_left)),
                    QStandardItem(item.full_name),
                    QStandardItem(item.what),
                    QStandardItem(item.organization_name),
                ]
                cells[0].setData(item, DUE_ROLE)
                if item.overdue:
                    for cell in cells:
                        cell.setForeground(_OVERDUE)
                heading.appendRow(cells)
        for row in range(self.due_model.rowCount()):
            self.due_tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.due_tree.expandAll()
        self.due_counts = counts
        self.due_counts_changed.emit(counts)

    def _activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        item = self.due_model.itemFromIndex(first)
        due = item.data(DUE_ROLE) if item is not None else None
        if not isinstance(due, DueItem):
            return  # a group heading
        self.due_requested.emit(due)

    def _failed(self, error: BaseException) -> None:
        self.due_label.setText(self.tr("Không tải được tổng quan: ") + error_text(error))
