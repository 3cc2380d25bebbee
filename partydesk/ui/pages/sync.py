"""«Đồng bộ»: exchanging packages with the offices above and below (docs/sync.md).

Six tabs:
- «Khóa và đơn vị»: this office's fingerprint in large groups (read out by phone),
  «Lưu tệp khóa công khai…», the registered partner offices, «Đăng ký đơn vị…»;
- «Gửi đi»: the export wizard (recipient: the office above gets this office's data,
  changes since the last receipt or everything; an office below gets an update package;
  period label, target file, progress with «Dừng», the result and «Mở thư mục»);
- «Nhận»: preview and import (`SyncImportPanel`), receipts from above;
- «Xung đột»: the queue with its side-by-side view (`SyncConflictsPanel`);
- «Lịch sử»: packages sent and received, their ranges, counts and receipts;
- «Chuyển sinh hoạt»: members in transit sent down, received from a package
  (`SyncTransfersPanel`).

Every service call runs on the worker (docs/threading.md); the page listens for "sync"
on the change bus. `SyncDueCount` gives the main window the number of open conflicts for
the navigation button, without building the page.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.documents.package import PACKAGE_SUFFIX, PUBLIC_KEY_SUFFIX
from partydesk.services import (
    sync_conflicts,
    sync_export,
    sync_keys,
    sync_receipts,
    sync_updates,
)
from partydesk.services.sync_export import ExportResult
from partydesk.services.sync_keys import KeyInfo, PartnerInfo, Relation
from partydesk.services.sync_receipts import HistoryEntry
from partydesk.services.sync_updates import UpdatesResult
from partydesk.ui.code_labels import count_text
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.excel_export import default_export_folder
from partydesk.ui.dialogs.sync_conflicts import SyncConflictsPanel
from partydesk.ui.dialogs.sync_import import SyncImportPanel
from partydesk.ui.dialogs.sync_register import RegisterOfficeDialog
from partydesk.ui.dialogs.sync_transfers import SyncTransfersPanel

KEYS, EXPORT, IMPORT, CONFLICTS, HISTORY, TRANSFERS = range(6)
_ERROR = "color: #b3261e;"


class SyncDueCount(QObject):
    """The number of open conflicts, read at start and after every "sync" change."""

    changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count = 0
        ctx.bus.changed.connect(self._changed)

    def _changed(self, registers: frozenset[str]) -> None:
        if "sync" in registers:
            self.refresh()

    def refresh(self) -> None:
        """Count the open conflicts on the worker; `changed` carries the number."""
        db = self.ctx.db

        def done(count: int) -> None:
            self.count = count
            self.changed.emit(count)

        # A count that cannot be read (a database without the sync tables) shows nothing.
        self.ctx.run(lambda: len(sync_conflicts.list_conflicts(db)), done, lambda _e: None)


def fingerprint_groups(fingerprint: str) -> str:
    """The fingerprint spaced for reading aloud: «WQVO  2KO2  25DU  OV2L»."""
    return "  ".join(fingerprint.split("-"))


class SyncPage(QWidget):
    """The «Đồng bộ» page."""

    #: (records written so far), emitted from the export's progress callback.
    export_progressed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key: KeyInfo | None = None
        self.partners: list[PartnerInfo] = []
        self.history: list[HistoryEntry] = []
        self.exported: ExportResult | UpdatesResult | None = None
        self.register_dialog: RegisterOfficeDialog | None = None
        self.exporting = False
        self._stop = threading.Event()
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._keys_tab(), self.tr("Khóa và đơn vị"))
        self.tabs.addTab(self._export_tab(), self.tr("Gửi đi"))
        self.importer = SyncImportPanel(ctx)
        self.tabs.addTab(self.importer, self.tr("Nhận"))
        self.conflicts = SyncConflictsPanel(ctx)
        self.tabs.addTab(self.conflicts, self.tr("Xung đột"))
        self.tabs.addTab(self._history_tab(), self.tr("Lịch sử"))
        self.transfers = SyncTransfersPanel(ctx)
        self.tabs.addTab(self.transfers, self.tr("Chuyển sinh hoạt"))
        layout.addWidget(self.tabs)
        self.export_progressed.connect(self._show_export_progress)
        ctx.bus.changed.connect(self._changed)
        self.refresh()

    # --- tabs ---------------------------------------------------------------------------

    def _keys_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.office_label = QLabel()
        layout.addWidget(self.office_label)
        layout.addWidget(QLabel(self.tr("Mã nhận dạng khóa của đơn vị (đọc qua điện thoại):")))
        self.fingerprint_label = QLabel("—")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(26)
        font.setBold(True)
        self.fingerprint_label.setFont(font)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint_label)
        row = QHBoxLayout()
        self.save_key_button = QPushButton(self.tr("Lưu tệp khóa công khai…"))
        self.save_key_button.setToolTip(
            self.tr(
                "Tệp gửi cho đơn vị đối tác (không chứa bí mật); họ đối chiếu mã qua điện thoại"
            )
        )
        self.save_key_button.clicked.connect(lambda _c=False: self.save_public_key())
        self.register_button = QPushButton(self.tr("Đăng ký đơn vị…"))
        self.register_button.clicked.connect(lambda _c=False: self.open_register_dialog())
        row.addWidget(self.save_key_button)
        row.addWidget(self.register_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.keys_message = QLabel()
        self.keys_message.setWordWrap(True)
        layout.addWidget(self.keys_message)
        layout.addWidget(QLabel(self.tr("Các đơn vị đã đăng ký:")))
        self.partner_table = _table(
            [self.tr("Quan hệ"), self.tr("Đơn vị"), self.tr("Mã nhận dạng"), self.tr("Được gửi")]
        )
        layout.addWidget(self.partner_table, 1)
        return tab

    def _export_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.recipient_combo = QComboBox()
        self.recipient_combo.currentIndexChanged.connect(self._recipient_changed)
        form.addRow(self.tr("Gửi đến"), self.recipient_combo)
        self.recipient_label = QLabel("—")
        self.recipient_label.setWordWrap(True)
        form.addRow("", self.recipient_label)
        self.watermark_label = QLabel("—")
        self.watermark_label.setWordWrap(True)
        form.addRow(self.tr("Đã báo nhận"), self.watermark_label)
        self.delta_radio = QRadioButton(self.tr("Các thay đổi từ gói đã được báo nhận"))
        self.full_radio = QRadioButton(self.tr("Toàn bộ dữ liệu (lần đầu, hoặc gửi lại từ đầu)"))
        self.delta_radio.setChecked(True)
        kinds = QVBoxLayout()
        kinds.addWidget(self.delta_radio)
        kinds.addWidget(self.full_radio)
        form.addRow(self.tr("Nội dung"), kinds)
        self.period_edit = QLineEdit()
        self.period_edit.setPlaceholderText(self.tr("ví dụ: Quý IV/2026"))
        form.addRow(self.tr("Nhãn kỳ"), self.period_edit)
        row = QHBoxLayout()
        self.target_edit = QLineEdit()
        self.target_edit.setPlaceholderText(
            self.tr("Tệp gói {suffix}").replace("{suffix}", PACKAGE_SUFFIX)
        )
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(lambda _c=False: self.choose_target())
        row.addWidget(self.target_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Ghi ra tệp"), row)
        layout.addLayout(form)
        self.export_progress = QProgressBar()
        self.export_progress.setVisible(False)
        layout.addWidget(self.export_progress)
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        layout.addWidget(self.export_message)
        buttons = QHBoxLayout()
        self.export_folder_button = QPushButton(self.tr("Mở thư mục"))
        self.export_folder_button.clicked.connect(self.open_export_folder)
        self.export_stop_button = QPushButton(self.tr("Dừng"))
        self.export_stop_button.clicked.connect(self.stop_export)
        self.export_button = QPushButton(self.tr("Lập gói"))
        self.export_button.clicked.connect(lambda _c=False: self.export())
        buttons.addWidget(self.export_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_stop_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._update_export_buttons()
        return tab

    def _history_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.history_table = _table(
            [
                self.tr("Ngày"),
                self.tr("Chiều"),
                self.tr("Đơn vị"),
                self.tr("Loại"),
                self.tr("Số thứ tự"),
                self.tr("Kỳ"),
                self.tr("Bản ghi"),
                self.tr("Báo nhận"),
            ]
        )
        layout.addWidget(self.history_table)
        return tab

    # --- reading -------------------------------------------------------------------------

    def _changed(self, registers: frozenset[str]) -> None:
        if registers & {"sync", "office", "transfer", "organization"}:
            self.refresh()

    def refresh(self) -> None:
        """Read the key, partners, conflicts and history again."""
        db = self.ctx.db

        def read() -> tuple[KeyInfo, list[PartnerInfo], list[HistoryEntry]]:
            return sync_keys.key_info(db), sync_keys.partners(db), sync_receipts.history(db)

        self.ctx.run(read, self._show, self._keys_failed)
        self.conflicts.refresh()
        self.transfers.refresh()

    def _show(self, read: tuple[KeyInfo, list[PartnerInfo], list[HistoryEntry]]) -> None:
        self.key, self.partners, self.history = read
        self.office_label.setText(self.tr("Đơn vị: {name}").replace("{name}", self.key.office_name))
        self.fingerprint_label.setText(fingerprint_groups(self.key.fingerprint))
        self.partner_table.setRowCount(len(self.partners))
        for index, partner in enumerate(self.partners):
            where = (
                self.tr("Cấp trên") if partner.relation is Relation.ABOVE else self.tr("Cấp dưới")
            )
            texts = (where, partner.name, partner.fingerprint, ", ".join(partner.scope))
            for column, text in enumerate(texts):
                self.partner_table.setItem(index, column, QTableWidgetItem(text))
        self._fill_recipients()
        self._show_history()
        self._show_watermark()
        self._update_export_buttons()

    def _fill_recipients(self) -> None:
        # The office above gets this office's data; each office below an update package.
        chosen = self.recipient_combo.currentData()
        self.recipient_combo.blockSignals(True)
        self.recipient_combo.clear()
        for partner in self.partners:
            if partner.relation is Relation.ABOVE:
                label = self.tr("{name} (cấp trên): dữ liệu của đơn vị")
            else:
                label = self.tr("{name} (cấp dưới): gói cập nhật danh mục, quy định, quyết định")
            self.recipient_combo.addItem(label.replace("{name}", partner.name), partner.office_uuid)
        index = self.recipient_combo.findData(chosen)
        self.recipient_combo.setCurrentIndex(max(index, 0) if self.partners else -1)
        self.recipient_combo.blockSignals(False)
        self._recipient_changed()

    def recipient(self) -> PartnerInfo | None:
        """The partner office chosen in «Gửi đến»."""
        uuid = self.recipient_combo.currentData()
        return next((p for p in self.partners if p.office_uuid == uuid), None)

    def set_recipient(self, name: str) -> None:
        """Choose the partner office called `name` in «Gửi đến»."""
        for partner in self.partners:
            if partner.name == name:
                self.recipient_combo.setCurrentIndex(
                    self.recipient_combo.findData(partner.office_uuid)
                )

    def _recipient_changed(self) -> None:
        partner = self.recipient()
        upward = partner is not None and partner.relation is Relation.ABOVE
        self.delta_radio.setEnabled(upward)
        self.full_radio.setEnabled(upward)
        if partner is None:
            text = self.tr("Chưa đăng ký đơn vị đối tác (thẻ «Khóa và đơn vị»).")
        elif upward:
            text = self.tr("Gói dữ liệu của đơn vị gửi cấp trên.")
        else:
            text = self.tr(
                "Gói cập nhật: các mục danh mục, quy định và quyết định sửa ở đây từ gói cập"
                " nhật đơn vị đó đã báo nhận."
            )
        self.recipient_label.setText(text)
        self._show_watermark()
        self._update_export_buttons()

    def _show_watermark(self) -> None:
        partner = self.recipient()
        acknowledged = [
            entry
            for entry in self.history
            if entry.direction == "sent"
            and entry.acknowledged_at
            and entry.outcome == "applied"
            and partner is not None
            and entry.partner == partner.name
        ]
        if not acknowledged:
            self.watermark_label.setText(
                self.tr(
                    "Chưa có gói nào được đơn vị nhận báo nhận: gói thay đổi sẽ gồm mọi dữ liệu"
                    " từ đầu."
                )
            )
            return
        last = max(acknowledged, key=lambda entry: entry.seq_to or 0)
        self.watermark_label.setText(
            self.tr("đến số {end} (gói {period} gửi ngày {day})")
            .replace("{end}", str(last.seq_to))
            .replace("{period}", last.period_label or "—")
            .replace("{day}", f"{last.at:%d/%m/%Y}")
        )

    def _keys_failed(self, error: BaseException) -> None:
        self.keys_message.setStyleSheet(_ERROR)
        self.keys_message.setText(error_text(error, self.ctx.language))

    def _show_history(self) -> None:
        self.history_table.setRowCount(len(self.history))
        for index, entry in enumerate(self.history):
            self.history_table.setItem(index, 0, QTableWidgetItem(f"{entry.at:%d/%m/%Y %H:%M}"))
            for column, text in enumerate(self.history_texts(entry), start=1):
                self.history_table.setItem(index, column, QTableWidgetItem(text))

    def history_texts(self, entry: HistoryEntry) -> list[str]:
        """A history row after its date: direction, partner, kind, range, period, counts, ack."""
        sent = entry.direction == "sent"
        kinds = {"full": self.tr("Toàn bộ"), "delta": self.tr("Thay đổi")}
        total = sum(entry.counts.values())
        if sent:
            state = (
                self.tr("Cấp trên đã báo nhận {day}").replace(
                    "{day}", f"{entry.acknowledged_at:%d/%m/%Y}"
                )
                if entry.acknowledged_at
                else self.tr("Chưa báo nhận")
            )
        else:
            state = (
                self.tr("Đã ghi giấy báo nhận") if entry.acknowledged_at else self.tr("Chưa ghi")
            )
        return [
            self.tr("Gửi đi →") if sent else self.tr("← Nhận về"),
            entry.partner,
            kinds.get(entry.kind, entry.kind),
            f"{entry.seq_from}–{entry.seq_to}",
            entry.period_label,
            count_text(total),
            state,
        ]

    # --- keys and partners ---------------------------------------------------------------

    def save_public_key(self, path: Path | None = None) -> None:
        """Write this office's public key file (asked for when `path` is None)."""
        if path is None:
            folder = default_export_folder(self.ctx.settings)
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Lưu tệp khóa công khai"),
                str(folder / f"khoa-cong-khai{PUBLIC_KEY_SUFFIX}"),
                self.tr("Tệp khóa công khai (*{suffix})").replace("{suffix}", PUBLIC_KEY_SUFFIX),
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix != PUBLIC_KEY_SUFFIX:
                path = path.with_name(path.name + PUBLIC_KEY_SUFFIX)
        db, out = self.ctx.db, path

        def done(info: KeyInfo) -> None:
            self.keys_message.setStyleSheet("")
            self.keys_message.setText(
                self.tr("Đã ghi tệp khóa công khai: {path}. Mã nhận dạng: {fingerprint}")
                .replace("{path}", str(out))
                .replace("{fingerprint}", info.fingerprint)
            )

        self.ctx.run(lambda: sync_keys.write_public_key(db, out), done, self._keys_failed)

    def open_register_dialog(self) -> RegisterOfficeDialog:
        """Open «Đăng ký đơn vị» (window-modal); the page refreshes when it registers."""
        dialog = RegisterOfficeDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.register_dialog = dialog
        dialog.open()
        return dialog

    # --- export --------------------------------------------------------------------------

    def suggested_name(self) -> str:
        """A file name for the next package: «goi-YYYY-MM-DD.pdpkg»."""
        return f"goi-{date.today():%Y-%m-%d}{PACKAGE_SUFFIX}"

    def choose_target(self) -> None:
        """Ask where the package goes (the save dialog)."""
        folder = default_export_folder(self.ctx.settings)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ghi gói gửi cấp trên"),
            str(folder / self.suggested_name()),
            self.tr("Gói đồng bộ (*{suffix})").replace("{suffix}", PACKAGE_SUFFIX),
        )
        if chosen:
            path = Path(chosen)
            if path.suffix != PACKAGE_SUFFIX:
                path = path.with_name(path.name + PACKAGE_SUFFIX)
            self.target_edit.setText(str(path))

    def _update_export_buttons(self) -> None:
        self.export_button.setEnabled(self.recipient() is not None and not self.exporting)
        self.export_stop_button.setVisible(self.exporting)
        self.export_stop_button.setEnabled(self.exporting and not self._stop.is_set())
        self.export_progress.setVisible(self.exporting)
        self.export_folder_button.setVisible(self.exported is not None and not self.exporting)

    def export(self) -> None:
        """Write the package for the recipient on the worker (progress and «Dừng» upward)."""
        if self.exporting:
            return
        text = self.target_edit.text().strip()
        if not text:
            self.choose_target()
            text = self.target_edit.text().strip()
            if not text:
                return
        out = Path(text)
        if out.suffix != PACKAGE_SUFFIX:
            out = out.with_name(out.name + PACKAGE_SUFFIX)
        partner = self.recipient()
        if partner is None:
            return
        db, full, period = self.ctx.db, self.full_radio.isChecked(), self.period_edit.text().strip()
        self.exporting, self.exported = True, None
        self._stop.clear()
        self.export_message.setStyleSheet("")
        self.export_message.setText(self.tr("Đang lập gói…"))
        self.export_progress.setRange(0, 0)
        self._update_export_buttons()

        def progress(done: int, _total: int) -> bool:
            self.export_progressed.emit(done)
            return not self._stop.is_set()

        if partner.relation is Relation.BELOW:
            self.ctx.run(
                lambda: sync_updates.export_updates_down(
                    db, partner.office_uuid, out, period_label=period
                ),
                self._exported_down,
                self._export_failed,
            )
            return

        def work() -> ExportResult:
            return sync_export.export_package(
                db, out, full=full, period_label=period, progress=progress
            )

        self.ctx.run(work, self._exported, self._export_failed)

    def _show_export_progress(self, done: int) -> None:
        self.export_message.setText(
            self.tr("Đang lập gói… {n} bản ghi").replace("{n}", count_text(done))
        )

    def _exported(self, result: ExportResult) -> None:
        self.exporting, self.exported = False, result
        total = sum(result.counts.values())
        kind = self.tr("toàn bộ") if result.kind == "full" else self.tr("thay đổi")
        self.export_message.setText(
            self.tr(
                "Đã lập gói {kind} gửi {recipient}: {path}\nSố thứ tự {start}–{end}; {n} bản ghi,"
                " {audit} dòng nhật ký. Gửi tệp này lên cấp trên (USB, thư điện tử)."
            )
            .replace("{kind}", kind)
            .replace("{recipient}", result.recipient)
            .replace("{path}", str(result.path))
            .replace("{start}", str(result.seq_from))
            .replace("{end}", str(result.seq_to))
            .replace("{n}", count_text(total))
            .replace("{audit}", count_text(result.audit_entries))
        )
        self._update_export_buttons()
        self.ctx.bus.announce("sync")

    def _exported_down(self, result: UpdatesResult) -> None:
        self.exporting, self.exported = False, result
        self.export_message.setText(
            self.tr(
                "Đã lập gói cập nhật gửi {recipient}: {path}\nSố thứ tự {start}–{end}; {n} bản"
                " ghi. Gửi tệp này xuống đơn vị đó (USB, thư điện tử)."
            )
            .replace("{recipient}", result.recipient)
            .replace("{path}", str(result.path))
            .replace("{start}", str(result.seq_from))
            .replace("{end}", str(result.seq_to))
            .replace("{n}", count_text(sum(result.counts.values())))
        )
        self._update_export_buttons()
        self.ctx.bus.announce("sync")

    def _export_failed(self, error: BaseException) -> None:
        self.exporting = False
        self.export_message.setStyleSheet(_ERROR)
        self.export_message.setText(error_text(error, self.ctx.language))
        self._update_export_buttons()

    def stop_export(self) -> None:
        """Stop the running export: no file is left and nothing is sealed."""
        self._stop.set()
        self._update_export_buttons()

    def open_export_folder(self) -> None:
        """Show the package's folder in the system's file manager."""
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.path.parent)))


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    # Few rows (partners, packages): every column as wide as its text, the last one fills.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
