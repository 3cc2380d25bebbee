"""Tùy chọn: the preferences of this computer (stored in settings.ini, not in the database).

The language of the interface is saved in the settings key "ui/language" and applies at
the next start (see `partydesk.ui.i18n`). The print settings (page margins, the default
signer) belong to the office and are saved in the database (`services.printing`), on the
worker, only when changed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.printing import PrintSettings, print_settings, save_print_settings
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.i18n import LIVE_SWITCH, available_languages, save_language, saved_language


class PreferencesDialog(QDialog):
    """Choose the interface language; OK saves it, Cancel leaves the settings alone."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Tùy chọn"))
        self.setMinimumWidth(420)
        #: True after OK when the saved language differs from the one running now.
        self.restart_needed = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        for language in available_languages():
            self.language.addItem(language.name, language.code)
        chosen = self.language.findData(saved_language(ctx.settings))
        self.language.setCurrentIndex(max(chosen, 0))
        form.addRow(self.tr("Ngôn ngữ giao diện:"), self.language)
        layout.addLayout(form)
        self.note = QLabel(
            self.tr("Ngôn ngữ mới có hiệu lực ngay.")
            if LIVE_SWITCH
            else self.tr("Ngôn ngữ mới được áp dụng khi khởi động lại partydesk.")
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.pseudo_hint = QLabel(
            self.tr(
                "Chế độ giả lập kéo dài mọi chữ khoảng 40 % và thêm dấu, để kiểm tra chữ có bị "
                "cắt trên màn hình không. Chỉ dùng khi kiểm tra giao diện."
            )
        )
        self.pseudo_hint.setWordWrap(True)
        layout.addWidget(self.pseudo_hint)
        layout.addWidget(self._build_print_group())
        self.print_error = QLabel()
        self.print_error.setWordWrap(True)
        self.print_error.setStyleSheet("color: #b00020;")
        self.print_error.hide()
        layout.addWidget(self.print_error)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.language.currentIndexChanged.connect(self._language_changed)
        self._language_changed()
        self._load_print_settings()

    # --- print settings -------------------------------------------------------------------

    def _build_print_group(self) -> QGroupBox:
        self.print_group = QGroupBox(self.tr("In văn bản (chung cho cả đơn vị)"))
        form = QFormLayout(self.print_group)
        self.margins: dict[str, QDoubleSpinBox] = {}
        for key, label in (
            ("top", self.tr("Lề trên:")),
            ("bottom", self.tr("Lề dưới:")),
            ("left", self.tr("Lề trái:")),
            ("right", self.tr("Lề phải:")),
        ):
            box = QDoubleSpinBox()
            box.setRange(5.0, 50.0)
            box.setDecimals(1)
            box.setSingleStep(1.0)
            box.setSuffix(" mm")
            form.addRow(label, box)
            self.margins[key] = box
        self.signer_title = QLineEdit()
        form.addRow(self.tr("Chức danh người ký:"), self.signer_title)
        self.signer_name = QLineEdit()
        form.addRow(self.tr("Họ tên người ký:"), self.signer_name)
        self.print_group.setEnabled(False)  # until the settings are read
        return self.print_group

    def _load_print_settings(self) -> None:
        #: The settings as read (None until read, or when they could not be).
        self.loaded_print_settings: PrintSettings | None = None
        self.ctx.run(
            lambda: print_settings(self.ctx.db),
            self._show_print_settings,
            lambda error: self._print_refused(error_text(error, self.ctx.language)),
        )

    def _show_print_settings(self, settings: PrintSettings) -> None:
        self.loaded_print_settings = settings
        for key, box in self.margins.items():
            box.setValue(float(getattr(settings, key)))
        self.signer_title.setText(settings.signer_title)
        self.signer_name.setText(settings.signer_name)
        self.print_group.setEnabled(True)

    def chosen_print_settings(self) -> PrintSettings:
        """The print settings as the fields show them."""
        return PrintSettings(
            top=self.margins["top"].value(),
            bottom=self.margins["bottom"].value(),
            left=self.margins["left"].value(),
            right=self.margins["right"].value(),
            signer_title=self.signer_title.text().strip(),
            signer_name=self.signer_name.text().strip(),
        )

    def _print_refused(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.print_error.setText(text)
        self.print_error.show()

    def selected_language(self) -> str:
        """The code of the language chosen in the list ("vi", "en", "pseudo")."""
        return str(self.language.currentData())

    def _language_changed(self) -> None:
        self.pseudo_hint.setVisible(self.selected_language() == "pseudo")
        font = self.note.font()
        font.setBold(self.selected_language() != self.ctx.language)
        self.note.setFont(font)

    def accept(self) -> None:
        """Save the choices (the print settings on the worker, if changed), then close."""
        language = self.selected_language()
        save_language(self.ctx.settings, language)
        self.restart_needed = language != self.ctx.language
        chosen = self.chosen_print_settings()
        if self.loaded_print_settings is None or chosen == self.loaded_print_settings:
            super().accept()
            return
        self.print_error.hide()
        self.buttons.setEnabled(False)
        self.ctx.run(
            lambda: save_print_settings(self.ctx.db, chosen),
            lambda _none: self._print_saved(chosen),
            lambda error: self._print_refused(error_text(error, self.ctx.language)),
        )

    def _print_saved(self, settings: PrintSettings) -> None:
        self.buttons.setEnabled(True)
        self.loaded_print_settings = settings
        self.ctx.bus.announce("office")
        super().accept()
