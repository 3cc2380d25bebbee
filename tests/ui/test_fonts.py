"""The bundled fonts load offscreen, cover Vietnamese, and become the UI font in points."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QRawFont

from partydesk.resources import resources_dir
from partydesk.ui import fonts
from partydesk.ui.i18n import pseudo_translate

VIETNAMESE = "ăâđêôơư ằẳẵắặ Đ ẤẦẨẪẬ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ"


def test_every_bundled_file_and_the_licence_are_there():
    folder = resources_dir() / "fonts"
    for name in fonts.FONT_FILES:
        assert (folder / name).stat().st_size > 100_000, name
    licence = (folder / "LICENSE-Liberation.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_bundled_fonts_load(qapp):
    families = fonts.load_bundled_fonts()
    assert families == ["Liberation Sans", "Liberation Serif"]
    assert "Liberation Sans" in QFontDatabase.families()
    assert fonts.load_bundled_fonts() == families  # a second call registers nothing twice
    styles = QFontDatabase.styles("Liberation Sans")
    assert {"Regular", "Bold", "Italic", "Bold Italic"} <= set(styles)


def test_bundled_files_cover_vietnamese_in_every_style(qapp):
    # The files themselves, not whatever the system would substitute.
    for name in fonts.FONT_FILES:
        raw = QRawFont(str(resources_dir() / "fonts" / name), 10)
        assert raw.isValid(), name
        missing = [c for c in VIETNAMESE if not c.isspace() and not raw.supportsCharacter(ord(c))]
        assert not missing, (name, missing)


def test_ui_font_shows_every_vietnamese_letter(qapp):
    fonts.load_bundled_fonts()
    metrics = QFontMetrics(fonts.ui_font())
    for char in VIETNAMESE + VIETNAMESE.upper():
        assert metrics.inFontUcs4(ord(char)), char
    for char in pseudo_translate("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz"):
        assert metrics.inFontUcs4(ord(char)), char


def test_apply_default_font_sets_liberation_sans_in_points(qapp):
    before = qapp.font()
    try:
        fonts.apply_default_font(qapp)
        font = qapp.font()
        assert font.family() == "Liberation Sans"
        assert font.pointSize() == fonts.UI_POINT_SIZE
        assert font.pixelSize() == -1  # points scale with the screen; pixels would not
        assert QFontInfo(font).family() == "Liberation Sans"
    finally:
        qapp.setFont(before)


_SCALED = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
from partydesk.ui.fonts import apply_default_font
app = QApplication([])
apply_default_font(app)
label = QLabel("Đảng ủy xã Đam Rông")
label.adjustSize()
image = label.grab()
print(app.devicePixelRatio(), label.width(), image.width(), image.height(), label.height())
"""


def test_text_scales_with_the_display(tmp_path: Path):
    """At 200 % the label keeps its logical size and is drawn with twice the pixels."""
    sizes = {}
    for factor in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _SCALED],
            env={
                "QT_QPA_PLATFORM": "offscreen",
                "QT_SCALE_FACTOR": factor,
                "LANG": "C.UTF-8",
                "PATH": "/usr/bin:/bin",
                "HOME": str(tmp_path),
            },
            capture_output=True,
            text=True,
            check=True,
        )
        ratio, logical, pixels, pixel_height, logical_height = result.stdout.split()
        sizes[factor] = (float(ratio), int(logical), int(pixels), int(pixel_height))
        assert int(pixel_height) == round(float(ratio) * int(logical_height))
    assert sizes["1"][0] == 1.0
    assert sizes["2"][0] == 2.0
    assert abs(sizes["2"][1] - sizes["1"][1]) <= 2  # same logical width
    assert abs(sizes["2"][2] - 2 * sizes["1"][2]) <= 4  # twice the pixels


def test_ui_font_is_not_a_pixel_font():
    assert QFont(fonts.ui_font()).pixelSize() == -1
