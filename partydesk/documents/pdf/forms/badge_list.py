"""Danh sách đề nghị tặng Huy hiệu Đảng: the badge proposal list for one award occasion.

Badges are awarded at 30, 40, 45 … 90 years of party age on 3/2, 19/5, 2/9 and 7/11
(domain.md §3.6). The caller computes party age and the threshold with partydesk.rules;
this module only lays the list out: A4 landscape (ten columns do not fit portrait), the
column header repeated on every page, one section per badge when the list mixes badges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from partydesk.documents.pdf.fonts import SERIF, SERIF_BOLD
from partydesk.documents.pdf.forms._parts import day_text, form_code_line, title_block
from partydesk.documents.pdf.frame import (
    Header,
    Margins,
    Signature,
    build_pdf,
    content_width,
    esc,
    nfc,
    party_header,
    signature_block,
    styles,
)

__all__ = ["BadgeProposalList", "BadgeRow", "render"]


@dataclass(frozen=True)
class BadgeRow:
    """One member proposed for a badge.

    `admitted_on` is the admission decision date (party age counts from it),
    `party_age_years` the full years on the award date, `threshold` the badge (30, 40 …).
    """

    full_name: str
    birth_year: int | None
    hometown: str
    branch: str
    admitted_on: date | None
    official_on: date | None
    party_age_years: int
    threshold: int
    note: str = ""


@dataclass(frozen=True)
class BadgeProposalList:
    """The list for one occasion: `occasion` as printed after "đợt" ("03/02/2027")."""

    header: Header
    signature: Signature
    occasion: str
    rows: tuple[BadgeRow, ...]
    recipients: tuple[str, ...] = ("Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng")
    title: str = "DANH SÁCH"
    subject: str = ""  # "" builds "đề nghị tặng Huy hiệu 30, 40 năm tuổi Đảng, đợt …"
    form_code: str = ""


_COLUMNS = (
    ("TT", 10),
    ("Họ và tên", 42),
    ("Năm sinh", 15),
    ("Quê quán", 45),
    ("Chi bộ", 40),
    ("Ngày vào Đảng", 22),
    ("Ngày chính thức", 22),
    ("Tuổi Đảng (năm)", 16),
    ("Huy hiệu (năm)", 16),
    ("Ghi chú", 24),
)


def subject_text(data: BadgeProposalList) -> str:
    """The subject line: the badges present in the list and the occasion."""
    if nfc(data.subject).strip():
        return nfc(data.subject)
    thresholds = sorted({row.threshold for row in data.rows})
    badges = ", ".join(str(t) for t in thresholds) if thresholds else "……"
    return f"đề nghị tặng Huy hiệu {badges} năm tuổi Đảng, đợt {nfc(data.occasion)}"


def _table(data: BadgeProposalList, width: float) -> Table:
    st = styles()
    cell, centre, bold = st["cell"], st["cell_center"], st["cell_bold"]
    head_style = bold.clone("badge-head", alignment=1)
    scale = width / sum(w for _, w in _COLUMNS)
    widths = [w * scale for _, w in _COLUMNS]
    rows: list[list[Flowable | str]] = [
        [Paragraph(esc(label), head_style) for label, _ in _COLUMNS],
        # Column numbers under the heads, as official lists print them.
        [Paragraph(f"({i})", centre) for i in range(1, len(_COLUMNS) + 1)],
    ]
    sections: list[int] = []
    thresholds = sorted({row.threshold for row in data.rows})
    number = 0
    for threshold in thresholds:
        members = [row for row in data.rows if row.threshold == threshold]
        if len(thresholds) > 1:
            sections.append(len(rows))
            rows.append(
                [
                    Paragraph(f"Huy hiệu {threshold} năm tuổi Đảng: {len(members)} đồng chí", bold),
                    *[""] * (len(_COLUMNS) - 1),
                ]
            )
        for row in members:
            number += 1
            rows.append(
                [
                    Paragraph(str(number), centre),
                    Paragraph(esc(row.full_name), bold),
                    Paragraph("" if row.birth_year is None else str(row.birth_year), centre),
                    Paragraph(esc(row.hometown), cell),
                    Paragraph(esc(row.branch), cell),
                    Paragraph(day_text(row.admitted_on), centre),
                    Paragraph(day_text(row.official_on), centre),
                    Paragraph(str(row.party_age_years), centre),
                    Paragraph(str(row.threshold), centre),
                    Paragraph(esc(row.note), cell),
                ]
            )
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for index in sections:
        commands.append(("SPAN", (0, index), (-1, index)))
        commands.append(("FONTNAME", (0, index), (-1, index), SERIF_BOLD))
    table = Table(rows, colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle(commands))
    return table


def render(data: BadgeProposalList, path: Path, margins: Margins = Margins()) -> None:
    """Write the badge proposal list to `path` (A4 landscape, page numbers, atomically)."""
    pagesize = landscape(A4)
    width = content_width(pagesize, margins)
    st = styles()
    story: list[Flowable] = [*form_code_line(data.form_code), *party_header(data.header, width)]
    story += title_block(data.title, subject_text(data))
    story.append(Spacer(1, 2 * mm))
    story.append(_table(data, width))
    total = Paragraph(f"Tổng số: <b>{len(data.rows)}</b> đồng chí.", st["body_noindent"])
    closing = signature_block(data.signature, data.recipients, width)
    story.append(KeepTogether([Spacer(1, 3 * mm), total, *closing]))
    build_pdf(
        path,
        story,
        title=f"Danh sách đề nghị tặng Huy hiệu Đảng đợt {nfc(data.occasion)}",
        pagesize=pagesize,
        margins=margins,
        page_numbers=True,
    )
