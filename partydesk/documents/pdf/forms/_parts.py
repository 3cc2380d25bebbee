"""Pieces shared by engineer A's forms: dates in running text, dotted blanks, decision body."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from partydesk.documents.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from partydesk.documents.pdf.frame import (
    Header,
    Signature,
    esc,
    nfc,
    party_header,
    signature_block,
    styles,
)

DOTS = "……………"
# 36-HD/VPTW: five hyphens under the subject line of a Party document.
SUBJECT_RULE = "-----"


def day_text(on: date | None) -> str:
    """A date inside running text, "05/3/2026" ("05/02/2026" for months 1–2), dots if None.

    Same zero-padding rule as the date line of 36-HD/VPTW.
    """
    if on is None:
        return "……/……/………"
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"{on.day:02d}/{month}/{on.year}"


def or_dots(text: str | None, dots: str = DOTS) -> str:
    """`text` in NFC, or a dotted blank when empty."""
    value = nfc(text).strip()
    return value if value else dots


def number_or_dots(value: int | None) -> str:
    """An integer, or a short dotted blank for the meeting to fill in."""
    return "……" if value is None else str(value)


def form_code_line(code: str) -> list[Flowable]:
    """The form code ("Mẫu 9-KNĐ") in the top right corner, as printed forms carry it."""
    if not nfc(code).strip():
        return []
    register_fonts()
    style = ParagraphStyle("form-code", fontName=SERIF_ITALIC, fontSize=11, leading=13)
    style.alignment = TA_RIGHT
    return [Paragraph(esc(code), style)]


def dotted_line(text: str, width: float, *, size: float = 13, indent: float = 0) -> Paragraph:
    """`text` (plain, not markup) followed by dots to the end of its last line.

    The civil-servant CV (Mẫu 2C) is a form of dotted lines: what is known is printed,
    the rest of the line stays dotted for the hand of the clerk.
    """
    register_fonts()
    text = nfc(text)
    dot_width = stringWidth(".", SERIF, size)
    lines = simpleSplit(text, SERIF, size, width - indent) or [""]
    used = stringWidth(lines[-1], SERIF, size) + (indent if len(lines) == 1 else 0)
    # A few dots of slack: Paragraph and simpleSplit measure spaces slightly differently.
    count = int((width - used) / dot_width) - 4
    filler = "." * count if count > 2 else ""
    style = ParagraphStyle(
        f"dotted-{size}-{indent}",
        fontName=SERIF,
        fontSize=size,
        leading=size + 5,
        alignment=TA_LEFT,
        leftIndent=indent,
    )
    return Paragraph(esc(text) + filler, style)


def centred(
    markup: str, *, bold: bool = True, size: float = 14, space_before: float = 0
) -> Paragraph:
    """One centred line of markup."""
    register_fonts()
    return Paragraph(
        markup,
        ParagraphStyle(
            f"centred-{bold}-{size}-{space_before}",
            fontName=SERIF_BOLD if bold else SERIF,
            fontSize=size,
            leading=size + 4,
            alignment=TA_CENTER,
            spaceBefore=space_before,
        ),
    )


def title_block(title: str, subject: str) -> list[Flowable]:
    """Title in capitals (15 pt bold), subject (14 pt bold), the five hyphens below."""
    st = styles()
    flowables: list[Flowable] = [Paragraph(esc(nfc(title).upper()), st["title"])]
    if nfc(subject).strip():
        flowables.append(Paragraph(esc(subject), st["subject"]))
    flowables.append(centred(SUBJECT_RULE, bold=False, size=12))
    return flowables


def proposal_clause(branch: str, proposers: Sequence[str]) -> str:
    """The proposal basis, "- Xét đề nghị của <branch> và của <proposer>,", in markup."""
    bodies = [esc(b) for b in (branch, *proposers) if nfc(b).strip()]
    if not bodies:
        return f"- Xét đề nghị của {DOTS},"
    return "- Xét đề nghị của " + " và của ".join(bodies) + ","


def decision_story(
    *,
    header: Header,
    form_code: str,
    title: str,
    subject: str,
    authority: str,
    bases: Sequence[str],
    proposal: str,
    articles: Sequence[str],
    signature: Signature,
    recipients: Sequence[str],
    width: float,
) -> list[Flowable]:
    """The body of a committee decision (admission, recognition), per the 2022 forms.

    `proposal` and `articles` are Paragraph markup (already escaped); the rest plain text.
    """
    st = styles()
    story: list[Flowable] = [*form_code_line(form_code), *party_header(header, width)]
    story += title_block(title, subject)
    story.append(centred(esc(nfc(authority).upper()), space_before=8))
    story.append(centred("", bold=False, size=6))
    story += [Paragraph(f"- Căn cứ {esc(basis)};", st["body"]) for basis in bases]
    story.append(Paragraph(proposal, st["body"]))
    story.append(centred("QUYẾT ĐỊNH", space_before=6))
    story.append(centred("", bold=False, size=6))
    story += [Paragraph(article, st["body"]) for article in articles]
    # The signature never stands alone at the top of a page: keep it with the last article.
    closing = signature_block(signature, recipients, width)
    story[-1:] = [KeepTogether([story[-1], *closing])]
    return story
