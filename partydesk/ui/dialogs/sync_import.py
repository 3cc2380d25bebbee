"""«Nhận»: the import tab of the «Đồng bộ» page (a panel, not a window).

Choose a package (from an office below, or an update package from the office above:
`sync_updates.preview_file` / `import_file` tell the kinds apart): it is opened and
verified on the worker (signature, sender, recipient, hashes, sequence) and every record
planned, nothing written; the preview table shows each record's outcome and reason, with
counts and a filter. «Nhập» asks once, naming the counts, then applies the package in one
transaction on the worker, with progress and «Dừng» (a stop rolls everything back), and
writes the receipt beside the package; the receipt can be written again elsewhere («Lưu
giấy báo nhận…») and its folder opened. A refused package shows the service's sentence
and changes nothing; a sequence gap asks for an explicit «Vẫn nhập dù thiếu gói trước».
«Nhập giấy báo nhận…» takes a receipt back from the office a package was sent to.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.documents.package import PACKAGE_SUFFIX
from partydesk.errors import PartydeskError
from partydesk.services import sync_export, sync_import, sync_receipts, sync_updates
from partydesk.services.sync_import import ImportPreview, ImportResult
from partydesk.services.sync_plan import Outcome
from partydesk.services.sync_receipts import ReceiptResult
from partydesk.ui.code_labels import count_text
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.sync_preview import SyncPreviewModel, outcome_label
from partydesk.ui.widgets.confirm import ask_confirmation

#: Registers an import can change: the pages showing them refresh.
IMPORT_REGISTERS = ("organization", "member", "transfer", "dues", "rating", "cadre", "sync")
_ERROR = "color: #b3261e;"
_WARNING = "color: #8a5300;"


def receipt_path(package: Path) -> Path:
    """Where the receipt of `package` is written first: beside it, «…-bao-nhan»."""
    return package.with_name(f"{package.stem}-bao-nhan{PACKAGE_SUFFIX}")


class SyncImportPanel(QWidget):
    """Preview and import packages from offices below; receipts from the office above."""

    #: (records done, total), emitted from the worker's progress callback.
    progressed = Signal(int, int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stop = threading.Event()
        self.running = False
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.receipt: Path | None = None
        self.acknowledged: ReceiptResult | None = None
        #: The sentence shown for the last refusal or failure (empty when none).
        self.error = ""
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Chọn gói để nhập…"))
        self.choose_button.clicked.connect(lambda _c=False: self.choose_package())
        self.receipt_button = QPushButton(self.tr("Nhập giấy báo nhận…"))
        self.receipt_button.setToolTip(
            self.tr("Giấy báo nhận của đơn vị đã nhận gói: các gói đã gửi được đánh dấu là đã nhận")
        )
        self.receipt_button.clicked.connect(lambda _c=False: self.import_receipt())
        self.file_label = QLabel()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.receipt_button)
        layout.addLayout(top)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.gap_box = QCheckBox(self.tr("Vẫn nhập dù thiếu gói trước"))
        self.gap_box.setToolTip(
            self.tr(
                "Chỉ dùng khi gói còn thiếu đã mất hẳn: dữ liệu của gói thiếu sẽ không có ở"
                " đây cho đến khi đơn vị cấp dưới gửi gói toàn bộ."
            )
        )
        self.gap_box.toggled.connect(lambda _on: self._update_buttons())
        layout.addWidget(self.gap_box)
        filters = QHBoxLayout()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(self.tr("Mọi bản ghi"), None)
        for outcome in Outcome:
            self.outcome_combo.addItem(outcome_label(outcome), outcome.value)
        self.outcome_combo.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self.counts_label, 1)
        filters.addWidget(QLabel(self.tr("Hiện:")))
        filters.addWidget(self.outcome_combo)
        layout.addLayout(filters)
        self.model = SyncPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(180)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        self.save_receipt_button = QPushButton(self.tr("Lưu giấy báo nhận…"))
        self.save_receipt_button.clicked.connect(lambda _c=False: self.save_receipt())
        self.folder_button = QPushButton(self.tr("Mở thư mục"))
        self.folder_button.clicked.connect(self.open_folder)
        self.stop_button = QPushButton(self.tr("Dừng"))
        self.stop_button.clicked.connect(self.stop)
        self.import_button = QPushButton(self.tr("Nhập"))
        self.import_button.clicked.connect(lambda _c=False: self.apply())
        buttons.addWidget(self.save_receipt_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.progressed.connect(self._show_progress)
        self._show_preview(None)

    # --- choosing and previewing --------------------------------------------------------

    def _ask_open(self, title: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, title, "", self.tr("Gói đồng bộ (*{suffix})").replace("{suffix}", PACKAGE_SUFFIX)
        )
        return Path(chosen) if chosen else None

    def choose_package(self, path: Path | None = None) -> None:
        """Verify and preview a package (asked for when `path` is None); nothing is written."""
        if self.running:
            return
        path = path or self._ask_open(self.tr("Chọn gói cần nhập"))
        if path is None:
            return
        self.path, self.result, self.receipt = path, None, None
        self.file_label.setText(path.name)
        self.result_label.clear()
        self._show_preview(None)
        self._start(self.tr("Đang kiểm tra gói…"))
        db, progress = self.ctx.db, self._progress

        def done(preview: ImportPreview) -> None:
            self._finish()
            self._show_preview(preview)

        self.ctx.run(lambda: sync_updates.preview_file(db, path, progress), done, self._failed)

    def _show_preview(self, preview: ImportPreview | None) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.gap_box.setChecked(False)
        self.gap_box.setVisible(preview is not None and preview.status == sync_import.GAP)
        if preview is None:
            self.counts_label.clear()
            self._update_buttons()
            return
        self.error = ""
        counts = preview.counts
        parts = [
            f"{outcome_label(outcome)}: {count_text(counts.get(outcome.value, 0))}"
            for outcome in Outcome
        ]
        self.counts_label.setText(" · ".join(parts))
        head = (
            self.tr("Gói {kind} của {sender}, số {start}–{end}")
            .replace("{kind}", self._kind_text(preview.kind))
            .replace("{sender}", preview.sender)
            .replace("{start}", str(preview.seq_from))
            .replace("{end}", str(preview.seq_to))
        )
        if preview.period_label:
            head += " · " + self.tr("kỳ {label}").replace("{label}", preview.period_label)
        lines, style = [head], ""
        if preview.status == sync_import.ALREADY:
            lines.append(preview.message + " " + self.tr("Nhập lại cũng không thay đổi gì."))
        elif preview.status == sync_import.GAP:
            lines.append(preview.message)
            lines.append(
                self.tr(
                    "Hãy nhập các gói còn thiếu trước. Nếu gói thiếu đã mất hẳn, đánh dấu"
                    " «Vẫn nhập dù thiếu gói trước»: dữ liệu của gói thiếu sẽ chưa có ở đây."
                )
            )
            style = _WARNING
        if counts.get(Outcome.REFUSED.value):
            lines.append(
                self.tr(
                    "Có {n} bản ghi bị từ chối (xem cột «Lý do»): gói không nhập được;"
                    " báo lại đơn vị gửi."
                ).replace("{n}", count_text(counts[Outcome.REFUSED.value]))
            )
            style = _ERROR
        self.message.setStyleSheet(style)
        self.message.setText("\n".join(lines))
        self._update_buttons()

    def _kind_text(self, kind: str) -> str:
        kinds = {
            "full": self.tr("toàn bộ"),
            "delta": self.tr("thay đổi"),
            sync_updates.UPDATES: self.tr("cập nhật danh mục, quy định"),
        }
        return kinds.get(kind, kind)

    def _filter_changed(self) -> None:
        value = self.outcome_combo.currentData()
        self.model.set_outcome(Outcome(value) if value else None)

    def set_outcome_filter(self, outcome: Outcome | None) -> None:
        """Show only the records of `outcome` (None: all)."""
        index = self.outcome_combo.findData(outcome.value if outcome else None)
        self.outcome_combo.setCurrentIndex(max(index, 0))

    def can_import(self) -> bool:
        """True when the previewed package may be applied now."""
        preview = self.preview
        if self.running or preview is None or self.result is not None:
            return False
        if preview.counts.get(Outcome.REFUSED.value):
            return False
        if preview.status == sync_import.GAP:
            return self.gap_box.isChecked()
        return preview.status == sync_import.READY

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        self.choose_button.setEnabled(not self.running)
        self.receipt_button.setEnabled(not self.running)
        self.stop_button.setVisible(self.running)
        self.stop_button.setEnabled(self.running and not self._stop.is_set())
        self.progress.setVisible(self.running)
        has_receipt = self.result is not None and not self.running
        self.save_receipt_button.setVisible(has_receipt)
        self.folder_button.setVisible(has_receipt and self.receipt is not None)

    # --- applying --------------------------------------------------------------------------

    def confirmation_text(self) -> str:
        """The question asked before applying, naming the counts."""
        assert self.preview is not None
        counts = self.preview.counts

        def n(outcome: Outcome) -> str:
            return count_text(counts.get(outcome.value, 0))

        text = (
            self.tr(
                "Nhập gói của {sender}: {new} bản ghi mới, {updated} cập nhật, {unchanged}"
                " không đổi, {conflict} xung đột (đưa vào hàng chờ xử lý). Mọi thay đổi được"
                " ghi trong một lần. Tiếp tục?"
            )
            .replace("{sender}", self.preview.sender)
            .replace("{new}", n(Outcome.NEW))
            .replace("{updated}", n(Outcome.UPDATED))
            .replace("{unchanged}", n(Outcome.UNCHANGED))
            .replace("{conflict}", n(Outcome.CONFLICT))
        )
        if self.preview.status == sync_import.GAP:
            text += "\n\n" + self.tr("Cảnh báo: nhập dù thiếu gói trước.")
        return text

    def apply(self) -> None:
        """Apply the previewed package in one transaction, after asking; write the receipt."""
        if not self.can_import() or self.path is None:
            return
        if not ask_confirmation(self, self.tr("Nhập gói"), self.confirmation_text()):
            return
        path, db, progress = self.path, self.ctx.db, self._progress
        allow_gap = self.gap_box.isChecked()
        receipt = receipt_path(path)
        self._start(self.tr("Đang nhập…"))

        def work() -> ImportResult:
            return sync_updates.import_file(
                db, path, allow_gap=allow_gap, receipt=receipt, progress=progress
            )

        def done(result: ImportResult) -> None:
            self._finish()
            self.result, self.receipt = result, result.receipt
            if result.status == sync_import.ALREADY:
                self.result_label.setText(self.tr("Đã nhập gói này trước đây; không thay đổi gì."))
            else:
                conflicts = result.counts.get(Outcome.CONFLICT.value, 0)
                text = self.tr("Đã nhập gói của {sender}. Giấy báo nhận gửi lại đơn vị: {path}")
                text = text.replace("{sender}", result.sender)
                text = text.replace("{path}", str(result.receipt or ""))
                if conflicts:
                    text += " " + self.tr("Có {n} xung đột: xem thẻ «Xung đột» để xử lý.").replace(
                        "{n}", count_text(conflicts)
                    )
                self.result_label.setText(text)
            self._update_buttons()
            self.ctx.bus.announce(*IMPORT_REGISTERS)

        self.ctx.run(work, done, self._failed)

    def save_receipt(self, path: Path | None = None) -> None:
        """Write the receipt of the imported package again, to a place the clerk chooses."""
        if self.result is None:
            return
        if path is None:
            suggested = str(self.receipt or Path.home() / f"bao-nhan{PACKAGE_SUFFIX}")
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Lưu giấy báo nhận"),
                suggested,
                self.tr("Gói đồng bộ (*{suffix})").replace("{suffix}", PACKAGE_SUFFIX),
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix != PACKAGE_SUFFIX:
                path = path.with_name(path.name + PACKAGE_SUFFIX)
        db, package_uuid, out = self.ctx.db, self.result.package_uuid, path

        def done(written: Path) -> None:
            self.receipt = written
            self.result_label.setText(
                self.tr("Đã ghi giấy báo nhận: {path}").replace("{path}", str(written))
            )
            self._update_buttons()
            self.ctx.bus.announce("sync")

        self.ctx.run(lambda: sync_export.write_receipt(db, package_uuid, out), done, self._failed)

    def open_folder(self) -> None:
        """Show the receipt's folder in the system's file manager."""
        if self.receipt is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.receipt.parent)))

    def import_receipt(self, path: Path | None = None) -> None:
        """Take a receipt from the office above: the package it names is acknowledged."""
        if self.running:
            return
        path = path or self._ask_open(self.tr("Chọn giấy báo nhận"))
        if path is None:
            return
        db = self.ctx.db

        def done(result: ReceiptResult) -> None:
            self.acknowledged = result
            self.error = ""
            self.message.setStyleSheet("")
            if result.status == sync_import.ALREADY:
                text = self.tr("Đã nhập giấy báo nhận này trước đây; không thay đổi gì.")
            else:
                text = (
                    self.tr("Đơn vị nhận đã nhập gói số {start}–{end}. {note}")
                    .replace("{start}", str(result.seq_from))
                    .replace("{end}", str(result.seq_to))
                    .replace("{note}", result.note)
                )
            self.message.setText(text.strip())
            self.ctx.bus.announce("sync")

        self.ctx.run(lambda: sync_receipts.import_receipt(db, path), done, self._failed)

    # --- running -----------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> bool:
        # Called on the worker: only a queued signal and the stop flag are touched.
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    def _show_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _start(self, text: str) -> None:
        self.running = True
        self._stop.clear()
        self.error = ""
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.progress.setRange(0, 0)
        self._update_buttons()

    def _finish(self) -> None:
        self.running = False
        self._update_buttons()

    def stop(self) -> None:
        """Ask the running check or import to stop (an import then changes nothing)."""
        self._stop.set()
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.error = error_text(error, self.ctx.language)
        if isinstance(error, PartydeskError) and error.code == "package.unknown_sender":
            self.error += " " + self.tr(
                "Nếu gói đúng là của một đơn vị cấp dưới, đăng ký đơn vị đó ở thẻ «Khóa và"
                " đơn vị» (tệp khóa và mã nhận dạng đọc qua điện thoại) rồi chọn lại gói."
            )
        self.message.setStyleSheet(_ERROR)
        self.message.setText(self.error)
        self._update_buttons()

    def shown_counts(self) -> dict[str, int]:
        """Records per outcome as the table holds them (what the counts line says)."""
        counts: dict[str, Any] = {outcome.value: 0 for outcome in Outcome}
        if self.preview is not None:
            for item in self.preview.items:
                counts[item.outcome.value] += 1
        return counts
