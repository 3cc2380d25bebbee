"""The «Báo cáo thống kê» dialog: key figures and balance check, then the workbook.

The clerk chooses the date (30/6, 31/12 or any day), the period, the organization and the
layout; the dialog shows the key figures and the balance check, writes the workbook on the
worker with progress, and opens the file or its folder. Both the figures and the workbook
come from the worker thread (`ctx.run`): the dialog only shows plain `Statistics`. The
service's progress callback runs on the worker and only emits `progressed` (queued to the
GUI thread by Qt).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.organizations import OrganizationRow, list_organizations
from partydesk.services.statistics import Statistics, StatisticsRequest, compute_statistics
from partydesk.services.statistics_report import (
    DEFAULT_LAYOUT,
    StatisticsExport,
    available_layouts,
    export_statistics,
    report_file_name,
)
from partydesk.ui.code_labels import count_text
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.widgets.date_edit import DateEdit, format_date
from partydesk.ui.widgets.tables import read_only_table

_Index = QModelIndex | QPersistentModelIndex

#: The report dates offered first (domain.md §6: as of 30/6 and 31/12).
HALF_YEAR, WHOLE_YEAR, OTHER_DATE = 0, 1, 2


class FiguresModel(QAbstractTableModel):
    """The key figures of a report: (heading, figure) rows, a few dozen at most."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, bool]] = []  # label, value, is a section heading

    def set_rows(self, rows: list[tuple[str, str, bool]]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows (none under a row: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Label and value."""
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The label or the figure; headings in bold, figures right-aligned."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        label, value, heading = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else value
        if role == Qt.ItemDataRole.FontRole and heading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Chỉ tiêu"), self.tr("Số liệu"))[section] if section < 2 else None


class StatisticsReportDialog(QDialog):
    """Compute the statistics of a date, show the key figures, write the workbook."""

    #: (steps done, steps in all), emitted from the worker's progress callback.
    progressed = Signal(int, int)
    #: The figures arrived (or failed); the workbook was written (or failed).
    computed = Signal()
    written = Signal()

    def __init__(self, ctx: UiContext, exports_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exports_dir = exports_dir
        self.setWindowTitle(self.tr("Báo cáo thống kê"))
        self.setMinimumSize(620, 560)
        #: The last figures shown, and the last workbook written.
        self.statistics: Statistics | None = None
        self.exported: StatisticsExport | None = None
        self.running = False

        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(1930, 2100)
        self.year.setValue(date.today().year)
        self.kind = QComboBox()
        self.kind.addItems(
            [
                self.tr("Sáu tháng đầu năm (đến 30/6)"),
                self.tr("Cả năm (đến 31/12)"),
                self.tr("Ngày khác"),
            ]
        )
        self.as_of = DateEdit()
        self.start = DateEdit()
        self.organization = QComboBox()
        self.organization.addItem(self.tr("Toàn đơn vị"), None)
        self.layout_name = QComboBox()
        for name in available_layouts() or [DEFAULT_LAYOUT]:
            self.layout_name.addItem(name, name)
        form.addRow(self.tr("Năm"), self.year)
        form.addRow(self.tr("Kỳ báo cáo"), self.kind)
        form.addRow(self.tr("Tính đến ngày"), self.as_of)
        form.addRow(self.tr("Từ ngày"), self.start)
        form.addRow(self.tr("Tổ chức"), self.organization)
        form.addRow(self.tr("Mẫu báo cáo"), self.layout_name)

        self.model = FiguresModel(self)
        self.table = read_only_table(self.model)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 2)
        self.progress.setValue(0)

        buttons = QHBoxLayout()
        self.compute_button = QPushButton(self.tr("Tính số liệu"))
        self.write_button = QPushButton(self.tr("Ghi Excel…"))
        self.open_button = QPushButton(self.tr("Mở tệp"))
        self.folder_button = QPushButton(self.tr("Mở thư mục"))
        self.close_button = QPushButton(self.tr("Đóng"))
        for button in (self.compute_button, self.write_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.open_button, self.folder_button, self.close_button):
            buttons.addWidget(button)
        self.open_button.setEnabled(False)
        self.folder_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.check_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._preset)
        self.year.valueChanged.connect(self._preset)
        self.compute_button.clicked.connect(self.compute)
        self.write_button.clicked.connect(self._ask_and_write)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)
        self.progressed.connect(self._show_progress)
        self._preset()
        db = ctx.db
        # The organization list comes from the worker too: the GUI thread never reads SQLite.
        ctx.run(lambda: list_organizations(db), self._fill_organizations, self._failed)

    def _fill_organizations(self, rows: list[OrganizationRow]) -> None:
        for row in rows:
            self.organization.addItem(f"{row.code} — {row.name}", row.id)

    # --- the request ------------------------------------------------------------------

    def _preset(self) -> None:
        """30/6 or 31/12 of the year fill the dates; «Ngày khác» lets the clerk type one."""
        year = self.year.value()
        kind = self.kind.currentIndex()
        if kind == HALF_YEAR:
            self.as_of.set_value(date(year, 6, 30))
        elif kind == WHOLE_YEAR:
            self.as_of.set_value(date(year, 12, 31))
        self.as_of.setEnabled(kind == OTHER_DATE)
        self.start.set_value(date(year, 1, 1))

    def request(self) -> StatisticsRequest | None:
        """The request typed in the form; None (with the reason shown) when a date is bad."""
        try:
            as_of = self.as_of.value()
            start = self.start.value()
        except ValueError as exc:
            self._fail(str(exc))
            return None
        if as_of is None:
            self._fail(self.tr("Hãy nhập ngày báo cáo."))
            return None
        return StatisticsRequest(
            as_of=as_of, start=start, organization_id=self.organization.currentData()
        )

    # --- computing and writing --------------------------------------------------------

    def compute(self) -> None:
        """Compute the figures on the worker and show them."""
        request = self.request()
        if request is None or self.running:
            return
        self._busy(True, self.tr("Đang tính số liệu…"))
        db = self.ctx.db
        self.ctx.run(lambda: compute_statistics(db, request), self._show, self._failed)

    def _ask_and_write(self) -> None:
        request = self.request()
        if request is None:
            return
        suggested = self.exports_dir / report_file_name(request.as_of)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ghi báo cáo Excel"), str(suggested), self.tr("Sổ tính Excel (*.xlsx)")
        )
        if chosen:
            self.write_to(Path(chosen))

    def write_to(self, path: Path) -> None:
        """Compute and write the workbook to `path` on the worker, with progress."""
        request = self.request()
        if request is None or self.running:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._busy(True, self.tr("Đang lập báo cáo vào tệp {file}…").replace("{file}", str(path)))
        db, layout, emit = self.ctx.db, self.layout_name.currentData(), self.progressed.emit

        def progress(done: int, total: int) -> bool:
            emit(done, total)  # queued to the GUI thread when called from the worker
            return True

        self.ctx.run(
            lambda: export_statistics(db, request, path, layout, progress),
            self._written,
            self._failed,
        )

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _show(self, stats: Statistics) -> None:
        self.statistics = stats
        rows: list[tuple[str, str, bool]] = [
            (
                self.tr("Tính đến ngày {d}, kỳ từ {s}")
                .replace("{d}", format_date(stats.as_of))
                .replace("{s}", format_date(stats.period_start)),
                "",
                True,
            ),
        ]
        rows += [(item.label, count_text(item.count), False) for item in stats.members.items]
        admissions = stats.admissions
        rows.append((self.tr("Kết nạp trong kỳ"), count_text(admissions.total), True))
        target = (
            f"{count_text(admissions.target)} ({admissions.percent:.1f}%)"
            if admissions.target and admissions.percent is not None
            else self.tr("chưa giao")
        )
        rows.append((self.tr("Chỉ tiêu kết nạp của năm"), target, False))
        rows += [
            (item.label, count_text(item.count), False)
            for item in stats.period.items
            if item.code not in ("admitted", "readmitted")
        ]
        rows.append((self.tr("Cân đối theo tổ chức cơ sở"), "", True))
        for row in (*stats.rows, stats.total):
            rows.append(
                (
                    f"{row.code} {row.name}",
                    f"{count_text(row.opening)} + {count_text(row.total_in)}"
                    f" − {count_text(row.total_out)} = {count_text(row.closing)}"
                    + ("" if row.balanced else " ✗"),
                    False,
                )
            )
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(0)
        if stats.balanced:
            self.check_label.setStyleSheet("color: #1b5e20;")
            self.check_label.setText(
                self.tr("Kiểm tra cân đối: đúng ở tất cả {n} dòng.").replace(
                    "{n}", str(len(stats.rows) + 1)
                )
            )
        else:
            self.check_label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.check_label.setText(
                self.tr("KIỂM TRA CÂN ĐỐI: CÓ DÒNG LỆCH — ")
                + "; ".join(m.message() for m in stats.mismatches)
            )
        self._busy(False, "")
        self.computed.emit()

    def _written(self, result: StatisticsExport) -> None:
        self.exported = result
        self._show(result.statistics)
        self.message.setText(
            self.tr("Đã ghi báo cáo vào tệp {file}.").replace("{file}", str(result.path))
        )
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.written.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy(False, "")
        self._fail(error_text(error, self.ctx.language))
        self.computed.emit()

    def _fail(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def _busy(self, busy: bool, text: str) -> None:
        self.running = busy
        self.compute_button.setEnabled(not busy)
        self.write_button.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(text)
            self.progress.setRange(0, 0)  # busy until the first step is reported
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)

    def open_file(self) -> None:
        """Open the workbook in the system's spreadsheet program."""
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.path)))

    def open_folder(self) -> None:
        """Show the workbook's folder in the system's file manager."""
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.path.parent)))

    def reject(self) -> None:
        """Escape waits for running work (the worker cannot be interrupted mid-query)."""
        if not self.running:
            super().reject()
