"""The bundled fonts (Liberation Sans and Serif, OFL) and the application's UI font.

partydesk brings its own fonts so that the window looks the same on every machine and every
Vietnamese letter has a glyph, whatever the system has installed. Sizes are in points,
never pixels: Qt 6 scales points by the screen's device pixel ratio, so the UI stays correct
from 100 % to 200 % display scaling (try it with `QT_SCALE_FACTOR=2 ./dev.sh run`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from partydesk.resources import resources_dir

log = logging.getLogger(__name__)

#: The font of the user interface: Arial-metric, covers every Vietnamese letter.
UI_FAMILY = "Liberation Sans"
UI_POINT_SIZE = 10
#: The font of official documents and their previews (Times New Roman metrics).
DOCUMENT_FAMILY = "Liberation Serif"

FONT_FILES: tuple[str, ...] = tuple(
    f"Liberation{family}-{style}.ttf"
    for family in ("Sans", "Serif")
    for style in ("Regular", "Bold", "Italic", "BoldItalic")
)

# Remembered on the application object, so that loading twice does not register the files
# twice, without a module-level global.
_LOADED_PROPERTY = "partydeskBundledFontFamilies"


def load_bundled_fonts() -> list[str]:
    """Register the fonts under `resources/fonts/` with Qt; return their family names.

    Needs a QGuiApplication. Calling it again returns the families loaded the first time.
    A missing or unreadable file is logged and skipped: Qt then falls back to a system font.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("load_bundled_fonts() needs a QApplication")
    loaded = app.property(_LOADED_PROPERTY)
    if loaded:
        return [str(family) for family in loaded]
    folder = resources_dir() / "fonts"
    families: list[str] = []
    for name in FONT_FILES:
        path = folder / name
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        if font_id < 0:
            log.warning("bundled font not loaded: %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    app.setProperty(_LOADED_PROPERTY, families)
    return families


def ui_font() -> QFont:
    """Liberation Sans 10 pt: the font every widget inherits."""
    font = QFont(UI_FAMILY)
    font.setPointSize(UI_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def apply_default_font(app: QApplication) -> list[str]:
    """Load the bundled fonts and make Liberation Sans 10 pt the UI font; return the families.

    Call it after creating the QApplication and before building any widget.
    """
    families = load_bundled_fonts()
    app.setFont(ui_font())
    return families
