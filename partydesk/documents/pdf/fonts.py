"""The bundled serif fonts (Liberation Serif) registered with reportlab for Party documents."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from partydesk.resources import resource_path

# Liberation Serif is metric-compatible with Times New Roman, the face Guidance 36-HD/VPTW
# asks for, covers every Vietnamese letter in all four styles, and is under the SIL OFL, so
# it can travel inside the application (resources/fonts/LICENSE-Liberation.txt).
SERIF = "PD-Serif"
SERIF_BOLD = "PD-Serif-Bold"
SERIF_ITALIC = "PD-Serif-Italic"
SERIF_BOLD_ITALIC = "PD-Serif-BoldItalic"

_FILES: dict[str, str] = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def register_fonts() -> None:
    """Register the four Liberation Serif faces and their family; safe to call many times.

    reportlab embeds TrueType fonts as subsets, so every PDF carries the glyphs it uses and
    prints the same on a machine without the font. The family mapping lets `<b>` and `<i>`
    inside Paragraph markup pick the right face.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    # The family mapping (what registerFontFamily does); repeating it is harmless. Markup
    # inside a bold or italic style resolves through reportlab's reverse map of these names.
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
