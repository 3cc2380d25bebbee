"""The preferences dialog saves the interface language for the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from partydesk.ui.dialogs.preferences import PreferencesDialog
from partydesk.ui.i18n import SETTINGS_KEY, saved_language


def test_lists_the_languages_and_shows_the_saved_one(qtbot, ui_ctx):
    ui_ctx.settings.setValue(SETTINGS_KEY, "en")
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["Tiếng Việt", "English", "Pseudo (kiểm tra giao diện)"]
    assert dialog.selected_language() == "en"


def test_ok_saves_the_language_and_says_it_needs_a_restart(qtbot, ui_ctx):
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.selected_language() == "vi"  # the default
    assert "khởi động lại" in dialog.note.text()
    assert not dialog.note.font().bold()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.note.font().bold()  # the change is pointed out
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert saved_language(ui_ctx.settings) == "en"
    assert dialog.restart_needed


def test_cancel_leaves_the_settings_alone(qtbot, ui_ctx):
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("pseudo"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == PreferencesDialog.DialogCode.Rejected
    assert ui_ctx.settings.value(SETTINGS_KEY) is None
    assert not dialog.restart_needed


def test_pseudo_hint_only_for_pseudo(qtbot, ui_ctx):
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.pseudo_hint.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("pseudo"))
    assert dialog.pseudo_hint.isVisible()


def test_choosing_the_running_language_needs_no_restart(qtbot, ui_ctx):
    ui_ctx.language = "vi"
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert saved_language(ui_ctx.settings) == "vi"
    assert not dialog.restart_needed
