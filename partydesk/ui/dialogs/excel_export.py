"""Xuất Excel: choose where, then write the workbook on the worker with progress and «Dừng».

`ask_export_path` shows the save dialog (starting in the folder used last, else the data
folder's `exports`); `ExcelExportDialog` runs an export service on the worker. The
service calls its progress callback on the worker after each chunk of rows; the callback
only emits `progressed` (queued to the GUI thread by Qt, since the dialog lives there)
and answers whether to go on from a `threading.Event` that «Dừng» sets, so no widget is
touched off the GUI thread. A stopped or failed export writes no file and leaves an
existing file untouched (the service writes atomically).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.errors import PartydeskError
from partydesk.services.excel_export import ExportResult, Progress
from partydesk.ui.code_labels import count_text
from partydesk.ui.context import UiContext, error_text

#: The settings key of the folder the last export went to.
LAST_FOLDER_KEY = "excel/last_folder"

#: An export to run on the worker: given the progress callback, it writes the file.
ExportWork = Callable[[Progress], ExportResult]


def default_export_folder(settings: QSettings) -> Path:
    """Where the save dialog starts: the folder used last, else the data folder's exports.

    The settings file lives in the data folder (paths.DataPaths.settings), so its
    `exports` is beside it; the pages need not be told where the data folder is.
    """
    last = settings.value(LAST_FOLDER_KEY)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    if settings.format() == QSettings.Format.IniFormat and settings.fileName():
        return Path(settings.fileName()).parent / "exports"
    return Path.home()


def ask_export_path(parent: QWidget, ctx: UiContext, suggested_name: str) -> Path | None:
    """The save dialog for a workbook; the chosen path (".xlsx" added) or None."""
    folder = default_export_folder(ctx.settings)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExcelExportDialog", "Xuất Excel"),
        str(folder / suggested_name),
        QCoreApplication.translate("ExcelExportDialog", "Sổ tính Excel (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    ctx.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def start_export(
    parent: QWidget,
    ctx: UiContext,
    title: str,
    suggested_name: str,
    work: Callable[[Path], ExportWork],
) -> ExcelExportDialog | None:
    """Ask where to save, then show the progress dialog and start `work(path)`.

    None when the clerk cancelled the save dialog (nothing is written).
    """
    path = ask_export_path(parent, ctx, suggested_name)
    if path is None:
        return None
    dialog = ExcelExportDialog(ctx, path, work(path), title, parent)
    # Closed dialogs go: a clerk may export many lists in a day.
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start()
    return dialog


class ExcelExportDialog(QDialog):
    """Runs one export on the worker; progress, «Dừng», then the path and «Mở thư mục»."""

    #: (rows written, rows in all), emitted from the worker's progress callback.
    progressed = Signal(int, int)
    #: The export ended (written, stopped or failed).
    finished_export = Signal()

    def __init__(
        self,
        ctx: UiContext,
        path: Path,
        work: ExportWork,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self._work = work
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._stop = threading.Event()
        self.running = False
        #: What was written (set when the export succeeded).
        self.exported: ExportResult | None = None
        #: The sentence shown when the export failed or was stopped.
        self.error = ""
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Đang xuất vào tệp {file}…").replace("{file}", str(path)))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the first count arrives
        layout.addWidget(self.progress)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        self.stop_button = QPushButton(self.tr("Dừng"))
        self.folder_button = QPushButton(self.tr("Mở thư mục"))
        self.close_button = QPushButton(self.tr("Đóng"))
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.folder_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        """Run the export on the worker (once)."""
        if self.running or self.exported is not None or self.error:
            return
        self.running = True
        stop, emit, work = self._stop, self.progressed.emit, self._work

        def progress(done: int, total: int) -> bool:
            emit(done, total)  # queued to the GUI thread when called from the worker
            return not stop.is_set()

        self.ctx.run(lambda: work(progress), self._done, self._failed)

    def stop(self) -> None:
        """Ask the export to stop after the rows being written."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        if self.running:
            self.result_label.setText(self.tr("Đang dừng…"))

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, max(1, total)))
        if not self._stop.is_set():
            self.result_label.setText(
                self.tr("Đã ghi {done} / {total} dòng")
                .replace("{done}", count_text(done))
                .replace("{total}", count_text(total))
            )

    def _done(self, result: ExportResult) -> None:
        self.exported = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.label.setText(self.tr("Đã xuất Excel."))
        self.result_label.setText(
            self.tr("Đã ghi {n} dòng vào tệp {file}.")
            .replace("{n}", count_text(result.rows))
            .replace("{file}", str(result.path))
        )
        self.folder_button.setEnabled(True)
        self._ended()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PartydeskError) and error.code == "export.cancelled":
            self.error = self.tr("Đã dừng: không có tệp nào được ghi.")
        else:
            self.error = error_text(error, self.ctx.language)
            self.result_label.setStyleSheet("color: #b00020;")
        self.label.setText(self.tr("Chưa xuất được."))
        self.result_label.setText(self.error)
        self._ended()

    def _ended(self) -> None:
        self.running = False
        self.stop_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.finished_export.emit()

    def open_folder(self) -> None:
        """Show the workbook's folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def reject(self) -> None:
        """Escape or the window's close: stop the export first; close once it ended."""
        if self.running:
            self.stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing while exporting stops the export and waits for it."""
        if self.running:
            self.stop()
            event.ignore()
            return
        super().closeEvent(event)
