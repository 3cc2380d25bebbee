"""Tùy chọn: the preferences of this computer (stored in settings.ini, not in the database).

For now the language of the interface. It is saved in the settings key "ui/language" and
applies at the next start (see `partydesk.ui.i18n`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from partydesk.ui.context import UiContext
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

    def selected_language(self) -> str:
        """The code of the language chosen in the list ("vi", "en", "pseudo")."""
        return str(self.language.currentData())

    def _language_changed(self) -> None:
        self.pseudo_hint.setVisible(self.selected_language() == "pseudo")
        font = self.note.font()
        font.setBold(self.selected_language() != self.ctx.language)
        self.note.setFont(font)

    def accept(self) -> None:
        """Save the choice, then close."""
        language = self.selected_language()
        save_language(self.ctx.settings, language)
        self.restart_needed = language != self.ctx.language
        super().accept()
