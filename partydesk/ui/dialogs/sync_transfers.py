"""«Chuyển sinh hoạt»: members transferred between offices through the office above.

Above: the letters of offices below whose member is still on the way; one is chosen,
with the office that receives the member, and «Gửi xuống…» writes the downward package
(`sync_downward.export_transfer_down`). Below: «Chọn gói…» shows who the package brings
(nothing is written), the clerk picks the receiving chi bộ and the arrival day, and
«Tiếp nhận» receives the member with the record and its history (`receive_transfer`,
the ordinary transfer-in with all its rules). Work runs on the worker (docs/sync.md §8).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.documents.package import PACKAGE_SUFFIX
from partydesk.services import sync_downward, sync_import, sync_keys, transfer_queries
from partydesk.services.sync_downward import DownwardResult, IncomingTransfer, TransitTransfer
from partydesk.services.sync_keys import PartnerInfo, Relation
from partydesk.services.transfer_queries import TransferChoices, TransferDetail
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.transfer_dialogs import fill_branches
from partydesk.ui.widgets.date_edit import DateEdit, format_date

_ERROR = "color: #b3261e;"


class SyncTransfersPanel(QWidget):
    """Send members in transit down (above); receive them from a package (below)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letters: list[TransitTransfer] = []
        self.sent: DownwardResult | None = None
        self.package: Path | None = None
        self.incoming: IncomingTransfer | None = None
        #: The member id given at this office by the last reception.
        self.received_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._above_box(), 1)
        layout.addWidget(self._below_box())

    def _above_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cấp trên: đảng viên của cấp dưới chuyển đi, đang trên đường"))
        layout = QVBoxLayout(box)
        self.letters_table = QTableWidget(0, 5)
        self.letters_table.setHorizontalHeaderLabels(
            [
                self.tr("Họ và tên"),
                self.tr("Ngày sinh"),
                self.tr("Từ đơn vị"),
                self.tr("Giấy giới thiệu"),
                self.tr("Nơi đến"),
            ]
        )
        self.letters_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.letters_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.letters_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.letters_table.verticalHeader().setVisible(False)
        self.letters_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.letters_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Đơn vị nhận:")))
        self.office_combo = QComboBox()
        row.addWidget(self.office_combo, 1)
        self.send_button = QPushButton(self.tr("Gửi xuống…"))
        self.send_button.clicked.connect(lambda _c=False: self.send_down())
        row.addWidget(self.send_button)
        layout.addLayout(row)
        self.above_message = QLabel()
        self.above_message.setWordWrap(True)
        layout.addWidget(self.above_message)
        return box

    def _below_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tiếp nhận đảng viên từ gói của cấp trên"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Chọn gói…"))
        self.choose_button.clicked.connect(lambda _c=False: self.choose_package())
        self.incoming_label = QLabel()
        self.incoming_label.setWordWrap(True)
        row.addWidget(self.choose_button)
        row.addWidget(self.incoming_label, 1)
        layout.addLayout(row)
        form = QFormLayout()
        self.branch_combo = QComboBox()
        form.addRow(self.tr("Chi bộ tiếp nhận"), self.branch_combo)
        self.arrived_edit = DateEdit()
        self.arrived_edit.setToolTip(self.tr("Để trống: ngày của giấy giới thiệu"))
        form.addRow(self.tr("Ngày đến sinh hoạt"), self.arrived_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.receive_button = QPushButton(self.tr("Tiếp nhận"))
        self.receive_button.clicked.connect(lambda _c=False: self.receive())
        buttons.addWidget(self.receive_button)
        layout.addLayout(buttons)
        self.below_message = QLabel()
        self.below_message.setWordWrap(True)
        layout.addWidget(self.below_message)
        self._update_buttons()
        return box

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the letters in transit, the offices below and this office's branches."""
        db = self.ctx.db

        def read() -> tuple[list[TransitTransfer], list[PartnerInfo], TransferChoices]:
            return (
                sync_downward.transfers_in_transit(db),
                sync_keys.partners(db),
                transfer_queries.transfer_choices(db),
            )

        self.ctx.run(read, self._show, self._above_failed)

    def _show(self, read: tuple[list[TransitTransfer], list[PartnerInfo], TransferChoices]) -> None:
        self.letters, partners, choices = read
        self.letters_table.setRowCount(len(self.letters))
        for index, letter in enumerate(self.letters):
            texts = (
                letter.full_name,
                format_date(letter.birth_date),
                letter.from_office,
                f"{letter.letter_no} · {format_date(letter.letter_date)}",
                letter.to_text,
            )
            for column, text in enumerate(texts):
                self.letters_table.setItem(index, column, QTableWidgetItem(text))
        if self.letters:
            self.letters_table.selectRow(0)
        chosen = self.office_combo.currentData()
        self.office_combo.clear()
        for partner in partners:
            if partner.relation is Relation.BELOW:
                self.office_combo.addItem(partner.name, partner.office_uuid)
        self.office_combo.setCurrentIndex(max(self.office_combo.findData(chosen), 0))
        branch = self.branch_combo.currentData()
        fill_branches(self.branch_combo, choices.branches)
        self.branch_combo.setCurrentIndex(max(self.branch_combo.findData(branch), 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.send_button.setEnabled(bool(self.letters) and self.office_combo.count() > 0)
        ready = self.incoming is not None and self.incoming.status != sync_import.ALREADY
        self.receive_button.setEnabled(ready and self.branch_combo.count() > 0)

    def select_letter(self, full_name: str) -> None:
        """Select the letter of the member called `full_name`."""
        for index, letter in enumerate(self.letters):
            if letter.full_name == full_name:
                self.letters_table.selectRow(index)

    def select_office(self, name: str) -> None:
        """Choose the receiving office below by its name."""
        self.office_combo.setCurrentIndex(max(self.office_combo.findText(name), 0))

    def select_branch(self, organization_id: int) -> None:
        """Choose the receiving chi bộ."""
        self.branch_combo.setCurrentIndex(max(self.branch_combo.findData(organization_id), 0))

    # --- above: sending down -------------------------------------------------------------

    def _ask_save(self, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ghi gói gửi đơn vị nhận"),
            suggested,
            self.tr("Gói đồng bộ (*{suffix})").replace("{suffix}", PACKAGE_SUFFIX),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix == PACKAGE_SUFFIX else path.with_name(path.name + PACKAGE_SUFFIX)

    def send_down(self, out: Path | None = None) -> None:
        """Write the package bringing the selected member to the chosen office below."""
        rows = self.letters_table.selectionModel().selectedRows()
        if not rows or not self.letters or self.office_combo.count() == 0:
            return
        letter = self.letters[rows[0].row()]
        office = str(self.office_combo.currentData())
        out = out or self._ask_save(f"chuyen-den-{date.today():%Y-%m-%d}{PACKAGE_SUFFIX}")
        if out is None:
            return
        db, target = self.ctx.db, out

        def done(result: DownwardResult) -> None:
            self.sent = result
            self.above_message.setStyleSheet("")
            self.above_message.setText(
                self.tr("Đã lập gói gửi {office}: {path}. Gửi tệp này xuống đơn vị đó.")
                .replace("{office}", result.recipient)
                .replace("{path}", str(result.path))
            )
            self.ctx.bus.announce("sync")

        self.ctx.run(
            lambda: sync_downward.export_transfer_down(db, letter.transfer_uuid, office, target),
            done,
            self._above_failed,
        )

    def _above_failed(self, error: BaseException) -> None:
        self.above_message.setStyleSheet(_ERROR)
        self.above_message.setText(error_text(error, self.ctx.language))

    # --- below: receiving -------------------------------------------------------------------

    def choose_package(self, path: Path | None = None) -> None:
        """Show who a downward package brings (asked for when `path` is None)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Chọn gói đảng viên chuyển đến"),
                "",
                self.tr("Gói đồng bộ (*{suffix})").replace("{suffix}", PACKAGE_SUFFIX),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.package, self.incoming = path, None
        self.incoming_label.clear()
        self.below_message.clear()
        db, package = self.ctx.db, path

        def done(incoming: IncomingTransfer) -> None:
            self.incoming = incoming
            text = (
                self.tr(
                    "Đảng viên {name} (sinh {birth}) từ {origin}, giấy giới thiệu số {letter}"
                    " ngày {day}; {events} sự kiện trong lý lịch."
                )
                .replace("{name}", incoming.full_name)
                .replace("{birth}", incoming.birth_date)
                .replace("{origin}", incoming.from_text)
                .replace("{letter}", incoming.letter_no)
                .replace("{day}", incoming.letter_date)
                .replace("{events}", str(incoming.events))
            )
            if incoming.status == sync_import.ALREADY:
                text += " " + self.tr("Đã tiếp nhận gói này trước đây; không thay đổi gì.")
            self.incoming_label.setText(text)
            self._update_buttons()

        self.ctx.run(lambda: sync_downward.incoming_transfer(db, package), done, self._below_failed)

    def receive(self) -> None:
        """Receive the member into the chosen chi bộ (one transfer-in, with its rules)."""
        if self.package is None or self.incoming is None or self.branch_combo.count() == 0:
            return
        db, package = self.ctx.db, self.package
        branch = int(self.branch_combo.currentData())
        arrived = self.arrived_edit.value()

        def done(detail: TransferDetail | None) -> None:
            self.received_id = detail.row.member_id if detail is not None else None
            self.incoming = None
            self.below_message.setStyleSheet("")
            self.below_message.setText(
                self.tr("Đã tiếp nhận đảng viên vào {branch}.").replace(
                    "{branch}", self.branch_combo.currentText()
                )
                if detail is not None
                else self.tr("Đã tiếp nhận gói này trước đây; không thay đổi gì.")
            )
            self._update_buttons()
            self.ctx.bus.announce("member", "transfer", "sync")

        self.ctx.run(
            lambda: sync_downward.receive_transfer(db, package, branch, arrived),
            done,
            self._below_failed,
        )

    def _below_failed(self, error: BaseException) -> None:
        self.below_message.setStyleSheet(_ERROR)
        self.below_message.setText(error_text(error, self.ctx.language))
        self._update_buttons()
