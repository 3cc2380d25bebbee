"""First start: create an office, or open the demo office."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.office import OfficeInput


class WelcomeDialog(QDialog):
    """Asks for the office identity; `choice` is "create" or "demo" after accept()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chào mừng đến với partydesk"))
        self.choice = ""
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chưa có dữ liệu. Hãy nhập thông tin đơn vị để bắt đầu, "
                "hoặc mở đơn vị mẫu để làm quen với chương trình."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Ví dụ: Đảng ủy xã Đam Rông"))
        self.superior = QLineEdit()
        self.superior.setPlaceholderText(self.tr("Ví dụ: Đảng bộ tỉnh Lâm Đồng"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Ví dụ: Đam Rông"))
        self.symbol = QLineEdit("ĐU")
        form.addRow(self.tr("Tên đơn vị:"), self.name)
        form.addRow(self.tr("Cấp ủy cấp trên:"), self.superior)
        form.addRow(self.tr("Địa danh (dòng ngày tháng):"), self.place)
        form.addRow(self.tr("Ký hiệu số văn bản:"), self.symbol)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Tạo đơn vị"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.demo_button = QPushButton(self.tr("Mở đơn vị mẫu"))
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        self.demo_button.clicked.connect(self._demo)
        layout.addWidget(buttons)

    def office_input(self) -> OfficeInput:
        """The typed office identity."""
        return OfficeInput(
            name=self.name.text(),
            superior_name=self.superior.text(),
            place_name=self.place.text(),
            number_symbol=self.symbol.text(),
        )

    def _create(self) -> None:
        missing = [
            label
            for label, edit in (
                (self.tr("Tên đơn vị"), self.name),
                (self.tr("Địa danh"), self.place),
                (self.tr("Ký hiệu số văn bản"), self.symbol),
            )
            if not edit.text().strip()
        ]
        if missing:
            self.error.setText(self.tr("Hãy nhập: ") + ", ".join(missing))
            return
        self.choice = "create"
        self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()
