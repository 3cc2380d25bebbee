"""Printing from the GUI: pages ask, `PrintActions` prints on the worker and shows the PDF.

Pages never print themselves: they emit a `PrintRequest` (`print_requested`) or a list of
them with a title (`print_batch_requested`), and the main window hands those to its
`PrintActions`. One document is printed on the worker and opened in `PdfPreviewDialog`;
several go through `PrintBatchDialog` (progress, «Dừng»). Numbered documents are committed
by the service before the PDF is written, so every success announces "document".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from partydesk.services import printing
from partydesk.services.document_register import DocumentRow
from partydesk.services.printing import PrintedDocument, PrintRequest
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from partydesk.ui.dialogs.print_batch import PrintBatchDialog


def form_titles() -> dict[str, str]:
    """The forms' names in the interface language (service titles are Vietnamese only)."""
    return {
        "admission_decision": QCoreApplication.translate(
            "PrintForms", "Quyết định kết nạp đảng viên"
        ),
        "recognition_decision": QCoreApplication.translate(
            "PrintForms", "Quyết định công nhận đảng viên chính thức"
        ),
        "transfer_letter": QCoreApplication.translate(
            "PrintForms", "Giấy giới thiệu sinh hoạt đảng"
        ),
        "member_sheet": QCoreApplication.translate("PrintForms", "Phiếu đảng viên"),
        "list_book": QCoreApplication.translate("PrintForms", "Sổ danh sách đảng viên"),
        "badge_list": QCoreApplication.translate(
            "PrintForms", "Danh sách đề nghị tặng Huy hiệu Đảng"
        ),
        "admission_resolution": QCoreApplication.translate(
            "PrintForms", "Nghị quyết đề nghị kết nạp đảng viên"
        ),
        "recognition_resolution": QCoreApplication.translate(
            "PrintForms", "Nghị quyết đề nghị công nhận đảng viên chính thức"
        ),
        "cadre_cv": QCoreApplication.translate("PrintForms", "Sơ yếu lý lịch"),
    }


def form_title(form: str) -> str:
    """One form's name (the service's title, or the key, for a form the GUI does not know)."""
    return form_titles().get(form) or printing.FORM_TITLES.get(form, form)


def document_title(document: PrintedDocument) -> str:
    """A window title: "Quyết định kết nạp đảng viên 12-QĐ/ĐU — Nguyễn Văn A"."""
    parts = [form_title(document.form)]
    if document.number:
        parts[0] += " " + document.number
    if document.subject:
        parts.append(document.subject)
    return " — ".join(parts)


def resolve_file(exports_dir: Path, file_name: str) -> Path | None:
    """Where a register row's recorded file is, if it still exists."""
    if not file_name:
        return None
    path = Path(file_name)
    if not path.is_absolute():
        path = exports_dir / path
    return path if path.is_file() else None


class PrintActions(QObject):
    """Prints for the main window: one document with a preview, or a batch with progress.

    `last_preview`, `last_batch` and `last_error` keep what was shown last (tests look).
    """

    def __init__(self, ctx: UiContext, exports_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exports_dir = exports_dir
        self._parent = parent
        self.last_preview: PdfPreviewDialog | None = None
        self.last_batch: PrintBatchDialog | None = None
        self.last_error = ""
        self.last_document: PrintedDocument | None = None

    def print_one(self, request: PrintRequest) -> None:
        """Print one form on the worker, then show it (or say why it could not be printed)."""
        out_dir = self.exports_dir
        db = self.ctx.db

        def work() -> PrintedDocument:
            out_dir.mkdir(parents=True, exist_ok=True)
            return printing.print_document(db, request, out_dir)

        self.ctx.run(work, self._printed, self._failed)

    def reprint(self, document_id: int) -> None:
        """Print a register entry again (same number, one more print), then show it."""
        out_dir = self.exports_dir
        db = self.ctx.db

        def work() -> PrintedDocument:
            out_dir.mkdir(parents=True, exist_ok=True)
            return printing.reprint_document(db, document_id, out_dir)

        self.ctx.run(work, self._printed, self._failed)

    def view_document(self, row: DocumentRow) -> None:
        """Show a register entry's recorded PDF; print it again when the file is gone."""
        path = resolve_file(self.exports_dir, row.file_name)
        if path is None:
            self.reprint(row.id)
            return
        title = form_title(row.form_code) if row.form_code else row.doc_type
        subject = row.member_name or row.subject
        self.preview(path, f"{title} {row.number_text}" + (f" — {subject}" if subject else ""))

    def preview(self, path: Path, title: str) -> PdfPreviewDialog:
        """Open the preview of a PDF (window-modal, deleted when closed)."""
        dialog = PdfPreviewDialog(self.ctx, path, title, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        dialog.open()
        self.last_preview = dialog
        return dialog

    def _forget(self, dialog: PdfPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None

    def print_many(self, requests: Sequence[PrintRequest], title: str) -> PrintBatchDialog:
        """Print several forms with a progress bar and a «Dừng» button."""
        self.exports_dir.mkdir(parents=True, exist_ok=True)
        dialog = PrintBatchDialog(self.ctx, requests, self.exports_dir, title, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_batch = dialog
        dialog.start()
        return dialog

    def _printed(self, document: PrintedDocument) -> None:
        self.last_document = document
        self.last_error = ""
        if document.document_id is not None:
            self.ctx.bus.announce("document")
        self.preview(document.path, document_title(document))

    def _failed(self, error: BaseException) -> None:
        self.last_error = error_text(error, self.ctx.language)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Không in được"),
            self.last_error,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
