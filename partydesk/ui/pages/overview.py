"""Tổng quan: counts by status and by grassroots organization, and what falls due."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import MemberStatus
from partydesk.services.overview import DueItem, OrganizationCount, Overview, overview
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.tables import read_only_table


def _days(item: DueItem) -> str:
    if item.days_left < 0:
        return f"quá hạn {-item.days_left} ngày"
    if item.days_left == 0:
        return "hôm nay"
    return f"còn {item.days_left} ngày"


class OverviewPage(QWidget):
    """The first page a clerk sees; double-clicking a due item opens the member."""

    member_requested = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
                (self.tr("Đảng viên"), lambda r: r.members),
            ]
        )
        self.org_table = read_only_table(self.org_model)
        org_layout.addWidget(self.org_table)
        left.addWidget(org_box, 1)
        layout.addLayout(left, 2)
        due_box = QGroupBox(self.tr("Việc sắp đến hạn"))
        due_layout = QVBoxLayout(due_box)
        self.due_model: RowsModel[DueItem] = RowsModel(
            [
                (self.tr("Hạn"), lambda r: r.due.strftime("%d/%m/%Y")),
                (self.tr("Còn"), _days),
                (self.tr("Họ và tên"), lambda r: r.full_name),
                (self.tr("Việc cần làm"), lambda r: r.what),
                (self.tr("Chi bộ"), lambda r: r.organization_name),
            ]
        )
        self.due_table = read_only_table(self.due_model)
        self.due_table.doubleClicked.connect(
            lambda index: self.member_requested.emit(self.due_model.row_at(index.row()).member_id)
        )
        due_layout.addWidget(self.due_table)
        self.due_label = QLabel()
        due_layout.addWidget(self.due_label)
        layout.addWidget(due_box, 3)
        ctx.bus.changed.connect(lambda _registers: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Reload the figures on the worker."""
        self.ctx.run(lambda: overview(self.ctx.db), self._show, self._failed)

    def _show(self, data: Overview) -> None:
        while self.status_form.rowCount():
            self.status_form.removeRow(0)
        for status in MemberStatus:
            self.status_form.addRow(
                status.label + ":",
                QLabel(f"{data.by_status.get(status.value, 0):,}".replace(",", ".")),
            )
        self.org_model.set_rows(data.by_grassroots)
        self.due_model.set_rows(data.due)
        overdue = sum(1 for item in data.due if item.days_left < 0)
        self.due_label.setText(
            self.tr("{n} việc, trong đó {k} việc quá hạn.")
            .replace("{n}", str(len(data.due)))
            .replace("{k}", str(overdue))
        )

    def _failed(self, error: BaseException) -> None:
        self.due_label.setText(self.tr("Không tải được tổng quan: ") + error_text(error))
