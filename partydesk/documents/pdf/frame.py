"""The Party-document frame shared by every form: page, header, styles, signature, writing.

Layout follows Guidance 36-HD/VPTW (2018) on the format of Party documents: A4, a
Times-like serif, the two-column header (issuing body on the left, "ĐẢNG CỘNG SẢN VIỆT
NAM" and the place-and-date line on the right), title, subject, body, the signature block
and the "Nơi nhận" list.

Every string drawn goes through `nfc` (reportlab does no mark positioning, so decomposed
Vietnamese prints with misplaced tone marks) and, inside Paragraph markup, through `esc`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from partydesk.documents.pdf.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_fonts,
)

__all__ = [
    "Header",
    "Margins",
    "Signature",
    "build_pdf",
    "content_width",
    "date_line",
    "esc",
    "nfc",
    "party_header",
    "signature_block",
    "styles",
]

AUTHOR = "partydesk"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
# Room kept at the top of the text area for the page number when `page_numbers` is on, so
# the number stays inside the margins like every other text.
_PAGE_NUMBER_BAND = 8 * mm


def nfc(text: str | None) -> str:
    """`text` in Unicode NFC (composed letters); None gives ""."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", text)


def esc(text: str | None) -> str:
    """`text` in NFC and XML-escaped, ready to go inside Paragraph markup."""
    return escape(nfc(text))


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres (36-HD/VPTW: top 20, bottom 20, left 30, right 15)."""

    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0


@dataclass(frozen=True)
class Header:
    """The document header: issuing body on the left, party name and date on the right."""

    superior: str  # "ĐẢNG BỘ TỈNH LÂM ĐỒNG" (printed upper-case)
    issuer: str  # "ĐẢNG ỦY XÃ ĐAM RÔNG" (printed upper-case, bold)
    number: str  # "Số 12-QĐ/ĐU", "" for none, "Số      -QĐ/ĐU" for drafts
    place: str  # "Đam Rông"
    on: date | None  # None prints blanks for the meeting or the signer to fill in


@dataclass(frozen=True)
class Signature:
    """The signature block: authority ("T/M BAN THƯỜNG VỤ"), title ("BÍ THƯ"), name."""

    authority: str
    title: str
    name: str  # "" leaves the space blank


def _upper(text: str) -> str:
    # Python upper-cases Vietnamese letters correctly (đ -> Đ, ơ -> Ơ) once composed.
    return nfc(text).upper()


def date_line(place: str, on: date | None) -> str:
    """The place-and-date line, "Đam Rông, ngày 05 tháng 3 năm 2026"; blanks when unknown.

    36-HD/VPTW writes days below 10 and months below 3 with a leading zero ("ngày 05",
    "tháng 02"), so that nobody can add a digit to a signed date; other months are plain.
    """
    place = nfc(place).strip()
    prefix = f"{place}, " if place else ""
    if on is None:
        return f"{prefix}ngày      tháng      năm 20    "
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"{prefix}ngày {on.day:02d} tháng {month} năm {on.year}"


def _keep_spaces(markup: str) -> str:
    # Paragraph collapses runs of spaces; the blanks of drafts must stay wide.
    return markup.replace("  ", "\u00a0\u00a0").replace("\u00a0 ", "\u00a0\u00a0")


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of Party documents (sizes per 36-HD/VPTW)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=SERIF,
        fontSize=14,
        leading=18,
        alignment=TA_JUSTIFY,
        firstLineIndent=10 * mm,
        spaceAfter=4,
    )
    cell = ParagraphStyle("cell", fontName=SERIF, fontSize=11, leading=13, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle(
            "title",
            fontName=SERIF_BOLD,
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceBefore=12,
        ),
        "subject": ParagraphStyle(
            "subject",
            fontName=SERIF_BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=6,
        ),
        "body": body,
        "body_noindent": ParagraphStyle("body_noindent", parent=body, firstLineIndent=0),
        "small": ParagraphStyle("small", fontName=SERIF, fontSize=12, leading=15),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=SERIF_BOLD),
        "cell_center": ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        "center": ParagraphStyle(
            "center", fontName=SERIF, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "right": ParagraphStyle(
            "right", fontName=SERIF, fontSize=14, leading=18, alignment=TA_RIGHT
        ),
        "italic": ParagraphStyle("italic", fontName=SERIF_ITALIC, fontSize=14, leading=18),
    }


def _centred(markup: str, font: str, size: float) -> Paragraph:
    return Paragraph(
        markup,
        ParagraphStyle(
            f"hdr-{font}-{size}",
            fontName=font,
            fontSize=size,
            leading=size + 3,
            alignment=TA_CENTER,
        ),
    )


def party_header(header: Header, width: float) -> list[Flowable]:
    """The two-column header of 36-HD/VPTW as a table as wide as `width` points.

    Left: the superior body (14 pt caps), the issuing body (14 pt caps bold), "*", the
    number. Right: ĐẢNG CỘNG SẢN VIỆT NAM (15 pt bold, underlined) and, on the line of the
    number, the italic place-and-date line.
    """
    register_fonts()
    left_width = width * 0.45
    rows = [
        [
            _centred(esc(_upper(header.superior)), SERIF, 14),
            _centred(f"<u>{esc(PARTY_NAME)}</u>", SERIF_BOLD, 15),
        ],
        [_centred(esc(_upper(header.issuer)), SERIF_BOLD, 14), ""],
        [_centred("*", SERIF, 14), ""],
        [
            _centred(_keep_spaces(esc(header.number)), SERIF, 14),
            _centred(_keep_spaces(esc(date_line(header.place, header.on))), SERIF_ITALIC, 14),
        ],
    ]
    table = Table(rows, colWidths=[left_width, width - left_width])
    table.setStyle(
        TableStyle(
            [
                # Plain-string cells default to Helvetica, which is not embedded.
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [table, Spacer(1, 4 * mm)]


def _recipient_lines(recipients: Sequence[str]) -> list[str]:
    lines = []
    for index, raw in enumerate(recipients):
        item = nfc(raw).strip()
        if not item:
            continue
        if item[-1] not in ",.;:":
            item += "." if index == len(recipients) - 1 else ","
        lines.append(f"- {item}")
    return lines


def signature_block(
    signature: Signature, recipients: Sequence[str], width: float
) -> list[Flowable]:
    """The closing block: "Nơi nhận:" list on the left, the signature on the right."""
    register_fonts()
    recipient_style = ParagraphStyle("recipient", fontName=SERIF, fontSize=11, leading=13)
    left: list[Flowable] = []
    if recipients:
        left.append(
            Paragraph(
                "Nơi nhận:",
                ParagraphStyle("noi-nhan", fontName=SERIF_BOLD_ITALIC, fontSize=12, leading=15),
            )
        )
        left.extend(Paragraph(esc(line), recipient_style) for line in _recipient_lines(recipients))
    right: list[Flowable] = []
    if nfc(signature.authority).strip():
        right.append(_centred(esc(_upper(signature.authority)), SERIF_BOLD, 14))
    if nfc(signature.title).strip():
        right.append(_centred(esc(_upper(signature.title)), SERIF_BOLD, 14))
    # Room for the hand signature and the seal.
    right.append(Spacer(1, 24 * mm))
    if nfc(signature.name).strip():
        right.append(_centred(esc(signature.name), SERIF_BOLD, 14))
    left_width = width * 0.45
    table = Table([[left or "", right]], colWidths=[left_width, width - left_width])
    table.setStyle(
        TableStyle(
            [
                # Plain-string cells default to Helvetica, which is not embedded.
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Spacer(1, 4 * mm), table]


def content_width(pagesize: tuple[float, float] = A4, margins: Margins = Margins()) -> float:
    """Width in points between the left and right margins."""
    return pagesize[0] - (margins.left + margins.right) * mm


def _no_decoration(canvas: Canvas, doc: BaseDocTemplate) -> None:
    return None


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    # 36-HD/VPTW: page numbers centred at the top, from the second page on.
    page = canvas.getPageNumber()
    if page < 2:
        return
    canvas.saveState()
    canvas.setFont(SERIF, 13)
    canvas.setFillColor(colors.black)
    x = doc.leftMargin + doc.width / 2
    # Baseline inside the band reserved above the text frame, below the top margin.
    y = doc.pagesize[1] - doc.topMargin + _PAGE_NUMBER_BAND - 5 * mm
    canvas.drawCentredString(x, y, str(page))
    canvas.restoreState()


def build_pdf(
    path: Path,
    story: list[Flowable],
    *,
    title: str,
    pagesize: tuple[float, float] = A4,
    margins: Margins = Margins(),
    page_numbers: bool = False,
) -> None:
    """Lay `story` out on `pagesize` pages within `margins` and write the PDF atomically.

    The PDF is built in a temporary file beside `path` and moved over it with `os.replace`,
    so a failed render leaves neither half a file nor the temporary one. Fonts are embedded
    as TrueType subsets; the metadata title is `title`, the author "partydesk".
    """
    register_fonts()
    path = Path(path)
    top = margins.top * mm + (_PAGE_NUMBER_BAND if page_numbers else 0)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        doc = BaseDocTemplate(
            temporary,
            pagesize=pagesize,
            leftMargin=margins.left * mm,
            rightMargin=margins.right * mm,
            topMargin=top,
            bottomMargin=margins.bottom * mm,
            title=nfc(title),
            author=AUTHOR,
            creator=AUTHOR,
            subject=nfc(title),
            # Same input, same bytes: no timestamps or random ids in the file.
            invariant=True,
            # No Flate compression: zlib on the embedded font subsets is about a fifth of
            # the time of a one-page form (bench/bench_forms.py: 1,000 letters 11-12 s with
            # it, ~9 s without) for files of ~120 KB instead of ~75 KB, which no printer or
            # archive minds.
            pageCompression=0,
            # reportlab's default initial font is Helvetica, which would be listed in the
            # file unembedded; the bundled serif keeps every font of the PDF embedded.
            initialFontName=SERIF,
            initialFontSize=14,
        )
        # No frame padding: the margins of 36-HD/VPTW are where the text starts, and
        # `content_width` is then exactly the width a flowable may take.
        frame = Frame(
            doc.leftMargin,
            doc.bottomMargin,
            doc.width,
            doc.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )
        on_page = _page_number if page_numbers else _no_decoration
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
        doc.build(story)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
