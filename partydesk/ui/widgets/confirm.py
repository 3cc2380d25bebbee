"""The Yes/No question asked before a change that cannot be undone."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_confirmation(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask Yes/No (No is the default) and return True for Yes.

    Modules import this name and call it through their own namespace, so tests can
    replace it per module with `monkeypatch.setattr(module, "ask_confirmation", ...)`.
    """
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
