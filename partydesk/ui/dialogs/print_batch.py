"""In hàng loạt: several forms printed on the worker, with a progress bar and «Dừng».

`print_batch` calls its progress callback on the worker after each document. The callback
only emits `progressed` (queued to the GUI thread by Qt, since the dialog lives there) and
answers whether to go on from a `threading.Event` that «Dừng» sets, so no widget is
touched off the GUI thread. Documents printed before a stop stay printed and numbered.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.services import printing
from partydesk.services.printing import PrintedDocument, PrintRequest
from partydesk.ui.context import UiContext, error_text


class PrintBatchDialog(QDialog):
    """Runs `print_batch` for `requests` into `out_dir`; call `start()` once shown."""

    #: (done, total), emitted from the worker's progress callback.
    progressed = Signal(int, int)
    #: The batch ended (finished, stopped or failed).
    finished_batch = Signal()

    def __init__(
        self,
        ctx: UiContext,
        requests: Sequence[PrintRequest],
        out_dir: Path,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requests = list(requests)
        self.out_dir = out_dir
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._stop = threading.Event()
        self.running = False
        #: The documents printed (filled when the batch ends).
        self.documents: list[PrintedDocument] = []
        self.error = ""
        layout = QVBoxLayout(self)
        self.label = QLabel(
            self.tr("{n} văn bản sẽ được in vào thư mục {folder}.")
            .replace("{n}", str(len(self.requests)))
            .replace("{folder}", str(out_dir))
        )
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self.requests)))
        self.progress.setValue(0)
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
        self.folder_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.accept)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        """Run the batch on the worker (once)."""
        if self.running or self.documents or self.error:
            return
        self.running = True
        db, requests, out_dir, stop = self.ctx.db, self.requests, self.out_dir, self._stop
        emit = self.progressed.emit

        def progress(done: int, total: int) -> bool:
            emit(done, total)  # queued to the GUI thread when called from the worker
            return not stop.is_set()

        self.ctx.run(
            lambda: printing.print_batch(db, requests, out_dir, progress),
            self._done,
            self._failed,
        )

    def stop(self) -> None:
        """Ask the batch to stop after the document being printed."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        if self.running:
            self.result_label.setText(self.tr("Đang dừng…"))

    def stopped(self) -> bool:
        """True once «Dừng» was pressed."""
        return self._stop.is_set()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        if not self._stop.is_set():
            self.result_label.setText(
                self.tr("Đã in {done} / {total}")
                .replace("{done}", str(done))
                .replace("{total}", str(total))
            )

    def _done(self, documents: list[PrintedDocument]) -> None:
        self.documents = list(documents)
        count = len(self.documents)
        if count < len(self.requests):
            text = (
                self.tr("Đã dừng sau {k} trong {total} văn bản.")
                .replace("{k}", str(count))
                .replace("{total}", str(len(self.requests)))
            )
        else:
            text = self.tr("Đã in {n} văn bản.").replace("{n}", str(count))
        self.result_label.setText(text)
        self._ended()

    def _failed(self, error: BaseException) -> None:
        self.error = error_text(error, self.ctx.language)
        self.result_label.setStyleSheet("color: #b00020;")
        self.result_label.setText(self.error)
        self._ended()

    def _ended(self) -> None:
        self.running = False
        self.stop_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        # Numbered documents printed before a stop or a failure are in the register too.
        self.ctx.bus.announce("document")
        self.finished_batch.emit()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.out_dir)))

    def reject(self) -> None:
        """Escape or the window's close: stop the batch first; close once it ended."""
        if self.running:
            self.stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing while printing stops the batch and waits for it."""
        if self.running:
            self.stop()
            event.ignore()
            return
        super().closeEvent(event)
