"""Xem trước văn bản: a printed PDF shown inside the app, printed, saved elsewhere.

The PDF comes from `services.printing` (already numbered and recorded); this dialog only
shows it (QtPdf, every page, zoom), sends it to a printer through the system dialog, copies
it where the clerk wants, or opens its folder. Printing paints each page as an image
rendered at the printer's resolution (capped, see `MAX_RENDER_DPI`) into the page rect, so
what comes out is what the preview shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.ui.context import UiContext

#: Pages are rendered at the printer's resolution but never finer than this: a 1200 dpi
#: A4 page would be a 550 MB image, and forms gain nothing past 300 dpi.
MAX_RENDER_DPI = 300
ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    """The PDF at `path`, with zoom, page count, «In…», «Lưu thành…», «Mở thư mục»."""

    def __init__(
        self, ctx: UiContext, path: Path | str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.setWindowTitle(title or self.path.name)
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.load_error = self.document.load(str(self.path))
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.fit_button = QPushButton(self.tr("Vừa chiều rộng"))
        self.zoom_out_button = QPushButton(self.tr("Thu nhỏ"))
        self.zoom_in_button = QPushButton(self.tr("Phóng to"))
        for button in (self.fit_button, self.zoom_out_button, self.zoom_in_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        bar.addStretch(1)
        self.page_label = QLabel()
        bar.addWidget(self.page_label)
        layout.addLayout(bar)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("In…"))
        self.save_button = QPushButton(self.tr("Lưu thành…"))
        self.folder_button = QPushButton(self.tr("Mở thư mục"))
        self.close_button = QPushButton(self.tr("Đóng"))
        for button in (self.print_button, self.save_button, self.folder_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_as)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
        loaded = self.load_error == QPdfDocument.Error.None_
        for button in (self.print_button, self.save_button, self.zoom_in_button):
            button.setEnabled(loaded)
        if not loaded:
            self.message.setText(
                self.tr("Không mở được tệp {file}.").replace("{file}", str(self.path))
            )
        self._show_page()

    # --- viewing ------------------------------------------------------------------------

    def page_count(self) -> int:
        """Pages of the PDF (0 when it did not load)."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown (0-based)."""
        return self.view.pageNavigator().currentPage()

    def _show_page(self) -> None:
        count = self.page_count()
        self.page_label.setText(
            self.tr("Trang {page} / {count}")
            .replace("{page}", str(min(self.current_page() + 1, count)))
            .replace("{count}", str(count))
        )

    def fit_width(self) -> None:
        """Zoom so a page fills the width of the view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def zoom(self, factor: float) -> None:
        """Zoom in (factor > 1) or out from the zoom shown now."""
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom and self.page_count():
            # The view does not publish the factor a fit mode chose; work it out.
            points = self.document.pagePointSize(0)
            dpi = self.logicalDpiX() or 96
            width = points.width() / 72 * dpi
            if width > 0:
                current = self.view.viewport().width() / width
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, current * factor)))

    # --- printing -----------------------------------------------------------------------

    def print_dialog(self) -> None:
        """The system print dialog, then print every page on the chosen printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In văn bản"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = self.print_to(printer)
        self.message.setText(self.tr("Đã gửi {n} trang tới máy in.").replace("{n}", str(pages)))

    def prepare_printer(self, printer: QPrinter) -> None:
        """A4, the orientation of the first page, no margins added (the PDF has its own)."""
        orientation = QPageLayout.Orientation.Portrait
        if self.page_count():
            size = self.document.pagePointSize(0)
            if size.width() > size.height():
                orientation = QPageLayout.Orientation.Landscape
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(orientation)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        printer.setFullPage(True)
        printer.setDocName(self.path.stem)

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page on `printer` (already set up); returns the pages printed."""
        count = self.page_count()
        if not count:
            return 0
        if not printer.fullPage():
            # Not set up by `print_dialog` (a printer made by a caller): A4, our orientation.
            self.prepare_printer(printer)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            dpi = min(printer.resolution(), MAX_RENDER_DPI)
            for page in range(count):
                if page and not printer.newPage():
                    break
                target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                target.moveTo(0, 0)
                points = self.document.pagePointSize(page)
                image = self.document.render(
                    page,
                    QSize(
                        max(1, round(points.width() / 72 * dpi)),
                        max(1, round(points.height() / 72 * dpi)),
                    ),
                )
                painter.drawImage(_fit(image.size(), target), image)
                printed += 1
        finally:
            painter.end()
        return printed

    # --- the file -----------------------------------------------------------------------

    def save_as(self) -> None:
        """Copy the PDF where the clerk chooses."""
        target, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu văn bản thành"),
            str(Path.home() / self.path.name),
            self.tr("Tệp PDF (*.pdf)"),
        )
        if target:
            self.copy_to(Path(target))

    def copy_to(self, target: Path) -> bool:
        """Copy the PDF to `target` and say so (False, with the reason, when it failed)."""
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            QMessageBox.warning(self, "partydesk", str(exc))
            return False
        self.message.setText(self.tr("Đã lưu vào {file}.").replace("{file}", str(target)))
        return True

    def open_folder(self) -> None:
        """Open the folder of the PDF in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def _fit(size: QSize, target: QRect) -> QRect:
    """The largest rect of `size`'s proportions centred in `target`."""
    scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = target.x() + (target.width() - scaled.width()) // 2
    y = target.y() + (target.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())
