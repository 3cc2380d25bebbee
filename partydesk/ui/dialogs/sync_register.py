"""«Đăng ký đơn vị…»: register a partner office from its public key file.

The clerk chooses the key file; the dialog shows the office named in it and the file's
fingerprint, then asks for the fingerprint the other office reads out by phone (the
service refuses a mismatch: that is the whole point of the call). An office below needs
the organizations it may send data for: ticked in the list of this office's
organizations, or typed as codes (the office above usually does not have the lower
office's organizations yet: they arrive with its first package).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.documents.package import PUBLIC_KEY_SUFFIX, parse_public_key
from partydesk.errors import PartydeskError
from partydesk.services import organizations, sync_keys
from partydesk.services.sync_keys import PartnerInfo, Relation
from partydesk.ui.context import UiContext, error_text


class RegisterOfficeDialog(QDialog):
    """Choose the key file, confirm the fingerprint, choose the scope, register."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Đăng ký đơn vị"))
        self.resize(620, 560)
        #: The key file's bytes once read and checked.
        self.key_data: bytes | None = None
        self.key_name = ""
        #: The registered partner (after `register()` succeeded).
        self.registered: PartnerInfo | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(
            self.tr("Tệp khóa công khai {suffix}").replace("{suffix}", PUBLIC_KEY_SUFFIX)
        )
        browse = QPushButton(self.tr("Chọn tệp khóa…"))
        browse.clicked.connect(lambda _c=False: self.choose_file())
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Tệp khóa"), row)
        self.office_label = QLabel("—")
        form.addRow(self.tr("Đơn vị trong tệp"), self.office_label)
        self.file_fingerprint = QLabel("—")
        self.file_fingerprint.setStyleSheet("font-family: monospace; font-size: 16pt;")
        self.file_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Mã nhận dạng của tệp"), self.file_fingerprint)
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.fingerprint_edit.setToolTip(
            self.tr(
                "Gọi điện cho đơn vị gửi khóa, nhờ họ đọc mã nhận dạng trên màn hình của họ"
                " và gõ lại đây; chữ hoa hay thường, có gạch nối hay không đều được."
            )
        )
        form.addRow(self.tr("Mã đọc qua điện thoại"), self.fingerprint_edit)
        self.relation_combo = QComboBox()
        self.relation_combo.addItem(self.tr("Đơn vị cấp dưới (gửi dữ liệu lên)"), Relation.BELOW)
        self.relation_combo.addItem(self.tr("Đơn vị cấp trên (nhận dữ liệu)"), Relation.ABOVE)
        self.relation_combo.currentIndexChanged.connect(self._relation_changed)
        form.addRow(self.tr("Quan hệ"), self.relation_combo)
        layout.addLayout(form)
        self.scope_label = QLabel(
            self.tr(
                "Tổ chức đảng mà đơn vị cấp dưới được gửi dữ liệu (mỗi mã gồm cả các tổ chức"
                " trực thuộc):"
            )
        )
        self.scope_label.setWordWrap(True)
        layout.addWidget(self.scope_label)
        self.org_list = QListWidget()
        layout.addWidget(self.org_list, 1)
        self.codes_edit = QLineEdit()
        self.codes_edit.setPlaceholderText(self.tr("Mã khác, cách nhau dấu phẩy (ví dụ: DR, BL)"))
        layout.addWidget(self.codes_edit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.register_button = QPushButton(self.tr("Đăng ký"))
        self.register_button.clicked.connect(self.register)
        cancel = QPushButton(self.tr("Hủy"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.register_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self._load_organizations()

    def _load_organizations(self) -> None:
        def done(rows: list[organizations.OrganizationRow]) -> None:
            self.org_list.clear()
            for row in rows:
                item = QListWidgetItem(f"{row.code} — {row.name}")
                item.setData(Qt.ItemDataRole.UserRole, row.code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.org_list.addItem(item)

        self.ctx.run(
            lambda: organizations.list_organizations(self.ctx.db),
            done,
            lambda error: self.message.setText(error_text(error, self.ctx.language)),
        )

    def _relation_changed(self) -> None:
        below = self.relation() is Relation.BELOW
        for widget in (self.scope_label, self.org_list, self.codes_edit):
            widget.setEnabled(below)

    def relation(self) -> Relation:
        """The relation chosen."""
        return Relation(self.relation_combo.currentData())

    def choose_file(self, path: Path | None = None) -> None:
        """Read a public key file (asked for when `path` is None) and show its fingerprint."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Chọn tệp khóa công khai"),
                "",
                self.tr("Tệp khóa công khai (*{suffix})").replace("{suffix}", PUBLIC_KEY_SUFFIX),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.key_data = None
        self.office_label.setText("—")
        self.file_fingerprint.setText("—")
        self.path_edit.setText(str(path))
        try:
            data = path.read_bytes()
            public = parse_public_key(data, path.name)
        except PartydeskError as error:
            self.message.setText(error_text(error, self.ctx.language))
            return
        except OSError as error:
            self.message.setText(
                self.tr("Không đọc được tệp: {reason}").replace("{reason}", str(error))
            )
            return
        self.key_data, self.key_name = data, path.name
        self.office_label.setText(public.office_name)
        self.file_fingerprint.setText(public.fingerprint)
        self.message.clear()

    def set_codes(self, codes: list[str]) -> None:
        """Tick the organizations of `codes` in the list; type the others."""
        wanted = {code.upper() for code in codes}
        for index in range(self.org_list.count()):
            item = self.org_list.item(index)
            code = str(item.data(Qt.ItemDataRole.UserRole))
            ticked = code.upper() in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            wanted.discard(code.upper())
        self.codes_edit.setText(", ".join(sorted(wanted)))

    def scope(self) -> list[str]:
        """The organization codes ticked or typed."""
        codes = []
        for index in range(self.org_list.count()):
            item = self.org_list.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(str(item.data(Qt.ItemDataRole.UserRole)))
        codes += [code.strip() for code in self.codes_edit.text().split(",") if code.strip()]
        return codes

    def register(self) -> None:
        """Register the office through the service; close on success, explain otherwise."""
        if self.key_data is None:
            self.message.setText(self.tr("Chọn tệp khóa công khai của đơn vị trước."))
            return
        data, name = self.key_data, self.key_name
        fingerprint, relation = self.fingerprint_edit.text(), self.relation()
        scope = self.scope() if relation is Relation.BELOW else []

        def done(info: PartnerInfo) -> None:
            self.registered = info
            self.ctx.bus.announce("sync")
            self.accept()

        self.ctx.run(
            lambda: sync_keys.register_partner(
                self.ctx.db, data, fingerprint, relation, scope, key_name=name
            ),
            done,
            lambda error: self.message.setText(error_text(error, self.ctx.language)),
        )
