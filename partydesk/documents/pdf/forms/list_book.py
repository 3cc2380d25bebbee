"""Sổ danh sách đảng viên: the member list book, A4 landscape, 14 columns, many pages.

The columns are those of the book kept by every committee (domain.md §3.1). A commune
committee prints hundreds to a few thousand members, so the table is laid out by hand:
each row is wrapped once with `simpleSplit` and drawn with canvas calls, and the table
splits itself page by page, repeating the column header on every page. A platypus Table
of Paragraphs would wrap each of the 14 × N cells through the full paragraph machinery
and take many times longer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Paragraph, Spacer

from partydesk.documents.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from partydesk.documents.pdf.frame import (
    Header,
    Margins,
    build_pdf,
    content_width,
    esc,
    nfc,
    party_header,
    styles,
)

__all__ = ["COLUMNS", "ListBook", "ListBookRow", "render"]

PAGESIZE = landscape(A4)

#: Column headings and relative widths of the 14 columns (domain.md §3.1). The weights are
#: points at the default margins, chosen so a date (dd/mm/yyyy at 8.5 pt) fits its column.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("STT", 22),
    ("Họ và tên", 96),
    ("Giới tính, dân tộc, tôn giáo", 42),
    ("Quê quán", 64),
    ("Trình độ: GDPT, lý luận chính trị, chuyên môn, ngoại ngữ", 68),
    ("Nghề nghiệp khi vào Đảng, hiện nay", 54),
    ("Ngày vào Đảng, ngày chính thức", 46),
    ("Số thẻ đảng viên, số lý lịch, số huy hiệu", 48),
    ("Quân đội, công an, nghỉ hưu", 36),
    ("Ngày chuyển đi, nơi chuyển đến", 52),
    ("Ngày chuyển đến, nơi chuyển đi", 52),
    ("Ngày từ trần", 44),
    ("Ngày, hình thức ra khỏi Đảng", 44),
    ("Ghi chú", 34),
)
# Columns of short values (numbers, dates) are centred; names and places read from the left.
_CENTRED = frozenset({0, 2, 6, 7, 8, 11})

_SIZE = 8.5
_LEADING = 10.0
_HEAD_SIZE = 8.0
_HEAD_LEADING = 9.5
_PAD = 2.0
# A row is never taller than this many lines, so one row always fits on a page.
_MAX_LINES = 14


@dataclass(frozen=True)
class ListBookRow:
    """One member's line in the book; catalogue codes already turned into labels."""

    number: int
    full_name: str
    sex: str = ""
    ethnicity: str = ""
    religion: str = ""
    hometown: str = ""
    general_education: str = ""
    theory: str = ""
    qualification: str = ""
    foreign_language: str = ""
    occupation_before: str = ""
    occupation_now: str = ""
    admitted_on: date | None = None
    official_on: date | None = None
    card_number: str = ""
    biography_number: str = ""
    badge: str = ""
    service: str = ""  # "Quân đội", "Công an", "Nghỉ hưu" or ""
    transferred_out_on: date | None = None
    transferred_out_to: str = ""
    transferred_in_on: date | None = None
    transferred_in_from: str = ""
    died_on: date | None = None
    left_on: date | None = None
    left_kind: str = ""
    note: str = ""


@dataclass(frozen=True)
class ListBook:
    """The book of one organization: its header (number usually "") and its rows in order."""

    header: Header
    rows: tuple[ListBookRow, ...]
    title: str = "SỔ DANH SÁCH ĐẢNG VIÊN"


def _day(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def _lines(*parts: str) -> str:
    return "\n".join(part for part in (nfc(p).strip() for p in parts) if part)


def _cells(row: ListBookRow) -> tuple[str, ...]:
    """The 14 cell texts of a row; sub-fields of one column go on separate lines."""
    return (
        str(row.number),
        nfc(row.full_name).strip(),
        _lines(row.sex, row.ethnicity, row.religion),
        nfc(row.hometown).strip(),
        _lines(row.general_education, row.theory, row.qualification, row.foreign_language),
        _lines(row.occupation_before, row.occupation_now),
        _lines(_day(row.admitted_on), _day(row.official_on)),
        _lines(row.card_number, row.biography_number, row.badge),
        nfc(row.service).strip(),
        _lines(_day(row.transferred_out_on), row.transferred_out_to),
        _lines(_day(row.transferred_in_on), row.transferred_in_from),
        _day(row.died_on),
        _lines(_day(row.left_on), row.left_kind),
        nfc(row.note).strip(),
    )


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        lines.extend(simpleSplit(part, font, size, width) if part else [])
    return lines[:_MAX_LINES]


@dataclass
class _Layout:
    """Column widths and every row wrapped, computed once for one frame width."""

    widths: list[float]
    head: list[list[str]]
    head_height: float
    rows: list[list[list[str]]]
    heights: list[float]


def _layout(rows: tuple[ListBookRow, ...], width: float) -> _Layout:
    total = sum(weight for _, weight in COLUMNS)
    widths = [width * weight / total for _, weight in COLUMNS]
    head = [
        _wrap(nfc(label), SERIF_BOLD, _HEAD_SIZE, w - 2 * _PAD)
        for (label, _), w in zip(COLUMNS, widths, strict=True)
    ]
    # The heading row, then the row of column numbers (1)…(14) used when citing a column.
    head_height = max(len(c) for c in head) * _HEAD_LEADING + 2 * _PAD + _HEAD_LEADING + 2 * _PAD
    wrapped: list[list[list[str]]] = []
    heights: list[float] = []
    for row in rows:
        cells = [
            _wrap(text, SERIF, _SIZE, w - 2 * _PAD)
            for text, w in zip(_cells(row), widths, strict=True)
        ]
        wrapped.append(cells)
        heights.append(max(1, *(len(c) for c in cells)) * _LEADING + 2 * _PAD)
    return _Layout(widths, head, head_height, wrapped, heights)


class _BookTable(Flowable):
    """Rows `start`…`stop` of the book under the column header; splits at page ends."""

    def __init__(self, rows: tuple[ListBookRow, ...], start: int = 0, stop: int | None = None):
        super().__init__()
        self.rows = rows
        self.start = start
        self.stop = len(rows) if stop is None else stop
        self.layout: _Layout | None = None
        self.width = 0.0
        self.height = 0.0

    def _ensure(self, width: float) -> _Layout:
        if self.layout is None or abs(sum(self.layout.widths) - width) > 0.01:
            self.layout = _layout(self.rows, width)
        return self.layout

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Full width; the header plus every row of this piece."""
        layout = self._ensure(availWidth)
        self.width = availWidth
        self.height = layout.head_height + sum(layout.heights[self.start : self.stop])
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The rows that fit under the header on this page, then the rest."""
        layout = self._ensure(availWidth)
        room = availHeight - layout.head_height
        stop = self.start
        while stop < self.stop and layout.heights[stop] <= room:
            room -= layout.heights[stop]
            stop += 1
        if stop == self.start:
            return []  # not even one row here: platypus moves us to the next page
        head = _BookTable(self.rows, self.start, stop)
        tail = _BookTable(self.rows, stop, self.stop)
        head.layout = tail.layout = layout
        return [head, tail]

    def draw(self) -> None:
        """Header, rows and the grid, all with plain canvas calls."""
        layout = self.layout
        assert layout is not None  # wrap() always runs before draw()
        canvas = self.canv
        xs = [0.0]
        for w in layout.widths:
            xs.append(xs[-1] + w)
        top = self.height
        canvas.setLineWidth(0.5)
        # Header: bold headings centred, then the column numbers in italic.
        number_row = _HEAD_LEADING + 2 * _PAD
        heading_bottom = top - (layout.head_height - number_row)
        canvas.setFont(SERIF_BOLD, _HEAD_SIZE)
        for index, lines in enumerate(layout.head):
            y = top - _PAD - _HEAD_SIZE
            centre = (xs[index] + xs[index + 1]) / 2
            for line in lines:
                canvas.drawCentredString(centre, y, line)
                y -= _HEAD_LEADING
        canvas.setFont(SERIF_ITALIC, _HEAD_SIZE)
        for index in range(len(layout.widths)):
            centre = (xs[index] + xs[index + 1]) / 2
            canvas.drawCentredString(
                centre, heading_bottom - _PAD - _HEAD_SIZE + 0.5, f"({index + 1})"
            )
        y_lines = [top, heading_bottom, top - layout.head_height]
        # Rows.
        y_top = top - layout.head_height
        canvas.setFont(SERIF, _SIZE)
        for position in range(self.start, self.stop):
            cells = layout.rows[position]
            y = y_top - _PAD - _SIZE + 0.5
            for index, lines in enumerate(cells):
                left, right = xs[index], xs[index + 1]
                line_y = y
                for line in lines:
                    if index in _CENTRED:
                        canvas.drawCentredString((left + right) / 2, line_y, line)
                    else:
                        canvas.drawString(left + _PAD, line_y, line)
                    line_y -= _LEADING
            y_top -= layout.heights[position]
            y_lines.append(y_top)
        canvas.lines([(0, y, xs[-1], y) for y in y_lines])
        canvas.lines([(x, top, x, y_top) for x in xs])
        # The outer frame a little heavier, as in the printed book.
        canvas.setLineWidth(1.0)
        canvas.rect(0, y_top, xs[-1], top - y_top)


def story(data: ListBook, width: float) -> list[Flowable]:
    """The flowables of the book for a frame `width` points wide."""
    register_fonts()
    st = styles()
    count = ParagraphStyle("lb-count", parent=st["center"], fontName=SERIF_ITALIC, fontSize=12)
    flowables: list[Flowable] = [*party_header(data.header, width)]
    flowables.append(Paragraph(esc(nfc(data.title).upper()), st["title"]))
    flowables.append(
        Paragraph(
            f"{esc(nfc(data.header.issuer).strip())} — tổng số {len(data.rows)} đảng viên",
            count,
        )
    )
    flowables.append(Spacer(1, 4 * mm))
    flowables.append(_BookTable(data.rows))
    return flowables


def render(data: ListBook, path: Path, margins: Margins = Margins()) -> None:
    """Write the book to `path` (A4 landscape, page numbers, atomically)."""
    width = content_width(PAGESIZE, margins)
    build_pdf(
        path,
        story(data, width),
        title=f"{nfc(data.title)} - {nfc(data.header.issuer)}",
        pagesize=PAGESIZE,
        margins=margins,
        page_numbers=True,
    )
