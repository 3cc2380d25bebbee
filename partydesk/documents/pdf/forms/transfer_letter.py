"""Giấy giới thiệu sinh hoạt đảng: the transfer letter, official, temporary or internal.

Box 1 is the letter itself, issued by the member's committee with the Party-document
header (36-HD/VPTW). The following boxes are filled in by each committee along the chain
(branch → grassroots committee → superior committee → … → receiving branch): each holds
the hop's committee name, pre-printed, with "Kính chuyển", the date and room for the seal
and signature. Official letters have 10 boxes, temporary ones 8 (domain.md §3.3); the hops
themselves come from the organization tree, so a longer chain gets more boxes rather than
losing a hop. An internal letter (within one đảng bộ) is the short form: the letter and
the receiving branch's acknowledgement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from partydesk.documents.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
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

__all__ = ["BOXES", "KINDS", "TransferLetter", "render"]

OFFICIAL = "chinh_thuc"
TEMPORARY = "tam_thoi"
INTERNAL = "noi_bo"
KINDS = (OFFICIAL, TEMPORARY, INTERNAL)

#: Boxes on the letter, box 1 included (resources/catalogues/transfer_kind.json).
BOXES = {OFFICIAL: 10, TEMPORARY: 8, INTERNAL: 2}

_TITLES = {
    OFFICIAL: "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG CHÍNH THỨC",
    TEMPORARY: "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG TẠM THỜI",
    INTERNAL: "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG NỘI BỘ",
}

# The rules printed under the boxes (domain.md §3.3): deadline, late arrival, box 1 errors.
_NOTE = (
    "<i>Lưu ý: Đảng viên phải xuất trình giấy này trong thời hạn ghi ở ô số 1; đến chậm phải "
    "báo cáo lý do với cấp ủy có thẩm quyền. Ô số 1 ghi sai phải làm giấy giới thiệu mới; "
    "các ô không được tẩy xóa, sửa chữa.</i>"
)

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

_BLANK_DATE = "……/……/………"
_HOP_HEIGHT = 58 * mm
# Three chain boxes per row, as on the printed form: nine boxes make three rows.
_COLUMNS = 3
_HOP_GAP = 3 * mm


@dataclass(frozen=True)
class TransferLetter:
    """Everything printed on a transfer letter; the caller formats numbers and hops.

    `header.number` is the letter's number ("Số 15-GT/ĐU"); `letter_serial` the serial in
    the transfer-letter register when it differs from that number (else ""). `hops` are the
    committees of boxes 2, 3, … in order (box 1 is the issuer of the header); missing ones
    leave the committee name blank for the clerk to write. `dues_paid_through` is "YYYY-MM"
    or "". `valid_until` None counts `valid_days` from the letter date.
    """

    kind: str
    header: Header
    signature: Signature
    to_text: str
    member_name: str
    birth_date: date | None
    probationary: bool
    admitted_on: date | None
    official_on: date | None
    card_number: str
    biography_number: str
    list_number: str
    destination: str
    hops: tuple[str, ...] = ()
    dues_paid_through: str = ""
    letter_serial: str = ""
    valid_until: date | None = None
    valid_days: int = 30
    period_from: date | None = None  # temporary letters: the stay away from home
    period_until: date | None = None
    title: str = ""  # "" takes the standard title of the kind


def _day(value: date | None) -> str:
    return _BLANK_DATE if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def _or_dots(text: str, dots: str = "………………") -> str:
    text = nfc(text).strip()
    return text if text else dots


def _dues(value: str) -> tuple[str, str]:
    value = nfc(value).strip()
    if not value:
        return "……", "………"
    match = _MONTH.match(value)
    if match is None:
        raise ValueError(f"dues_paid_through must be YYYY-MM, not {value!r}")
    return str(int(match.group(2))), match.group(1)


def _validity(data: TransferLetter) -> tuple[date | None, int]:
    if data.valid_until is not None:
        return data.valid_until, data.valid_days
    if data.header.on is not None:
        return data.header.on + timedelta(days=data.valid_days), data.valid_days
    return None, data.valid_days


def _box1(data: TransferLetter, width: float) -> list[Flowable]:
    """The letter proper: header, title, the member's particulars, validity, signature."""
    st = styles()
    body = ParagraphStyle("tl-body", parent=st["body_noindent"], fontSize=13, leading=17)
    italic = ParagraphStyle("tl-italic", parent=st["italic"], fontSize=13, leading=17)
    name = esc(data.member_name)
    status = "dự bị" if data.probationary else "chính thức"
    month, year = _dues(data.dues_paid_through)
    title = nfc(data.title).strip() or _TITLES[data.kind]

    story: list[Flowable] = [*party_header(data.header, width)]
    story.append(Paragraph(esc(title), st["title"]))
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            f"Kính gửi: {esc(_or_dots(data.to_text))}",
            ParagraphStyle("tl-to", parent=body, alignment=1),
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(f"Giới thiệu đồng chí: <b>{name}</b>, sinh ngày {_day(data.birth_date)},", body)
    )
    if data.kind == INTERNAL:
        story.append(
            Paragraph(
                f"là đảng viên {status}, số thẻ đảng viên {esc(_or_dots(data.card_number))},", body
            )
        )
    else:
        official = "……/……/………" if data.probationary else _day(data.official_on)
        story.append(
            Paragraph(
                f"là đảng viên {status}, vào Đảng ngày {_day(data.admitted_on)}, "
                f"chính thức ngày {official},",
                body,
            )
        )
        numbers = (
            f"số thẻ đảng viên {esc(_or_dots(data.card_number))}, "
            f"số lý lịch {esc(_or_dots(data.biography_number))}, "
            f"số danh sách (SĐV) {esc(_or_dots(data.list_number, '……'))}"
        )
        serial = nfc(data.letter_serial).strip()
        if serial:
            numbers += f", số GTSHĐ {esc(serial)}"
        story.append(Paragraph(numbers + ",", body))
    story.append(Paragraph(f"đã đóng đảng phí đến hết tháng {month} năm {year},", body))
    where = (
        "đến sinh hoạt đảng tạm thời tại" if data.kind == TEMPORARY else "đến sinh hoạt đảng tại"
    )
    story.append(Paragraph(f"{where} {esc(_or_dots(data.destination))}.", body))
    if data.kind == TEMPORARY:
        story.append(
            Paragraph(
                f"Thời gian sinh hoạt tạm thời: từ ngày {_day(data.period_from)} "
                f"đến ngày {_day(data.period_until)}.",
                body,
            )
        )
    until, days = _validity(data)
    story.append(Paragraph(f"Giấy có giá trị đến hết ngày {_day(until)} ({days} ngày).", italic))
    story.extend(signature_block(data.signature, (), width))
    return story


class _Boxed(Flowable):
    """Flowables stacked inside a ruled border: box 1 of the letter.

    A one-cell Table would do the same, but it wraps every paragraph two or three times
    to size the cell; this wraps each once. Box 1 always fits on one page.
    """

    def __init__(self, story: list[Flowable], padding: float = 3 * mm):
        super().__init__()
        self.story = story
        self.padding = padding
        self.sizes: list[tuple[float, float]] = []
        self.width = 0.0
        self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Full width; the stacked heights (with spaceBefore/After) plus padding."""
        inner = availWidth - 2 * self.padding
        self.sizes = [f.wrapOn(self.canv, inner, availHeight) for f in self.story]
        spacing = sum(f.getSpaceBefore() + f.getSpaceAfter() for f in self.story)
        self.width = availWidth
        self.height = sum(h for _, h in self.sizes) + spacing + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        """The border, then each flowable from the top down."""
        canvas = self.canv
        canvas.setLineWidth(1.0)
        canvas.rect(0, 0, self.width, self.height)
        y = self.height - self.padding
        for flowable, (_, height) in zip(self.story, self.sizes, strict=True):
            y -= flowable.getSpaceBefore() + height
            flowable.drawOn(canvas, self.padding, y)
            y -= flowable.getSpaceAfter()


def _write_line(canvas: Canvas, x: float, y: float, width: float) -> None:
    """A dotted line to write on, drawn as a dashed rule rather than hundreds of "." glyphs."""
    canvas.setDash(0.8, 1.8)
    canvas.line(x, y - 1, x + width, y - 1)
    canvas.setDash()


def _fitted(text: str, font: str, size: float, width: float) -> float:
    """`size`, or smaller so that `text` fits in `width` points (narrow boxes, wide margins)."""
    natural = stringWidth(text, font, size)
    return size if natural <= width else size * width / natural


# Box geometry, from the top: number, up to three lines of committee name, then the
# pre-printed lines; the rest of the box is room for the seal and the signature.
_PAD = 2.5 * mm
_NAME_LINES = 3
_NAME_LEADING = 12.5
_STATIC_TOP = _HOP_HEIGHT - _PAD - 7 - 12 - _NAME_LINES * _NAME_LEADING - 3


class _BoxRow(Flowable):
    """One row of chain boxes, drawn straight on the canvas.

    A batch prints a thousand letters, and apart from the number and the committee every
    box is the same: that part is drawn once per document as a PDF form (XObject) and
    placed in every box, which keeps both drawing time and file size down.
    """

    def __init__(self, boxes: list[tuple[int, str]], columns: int, receipt: bool = False):
        super().__init__()
        self.boxes = boxes
        self.columns = columns
        self.receipt = receipt
        self.width = 0.0
        self.height = _HOP_HEIGHT + _HOP_GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """The row takes the whole frame width and one box height plus the gap above."""
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        """Each box: the shared static form, then its number and committee."""
        canvas = self.canv
        box_width = (self.width - _HOP_GAP * (self.columns - 1)) / self.columns
        form = f"pdHopBox{'R' if self.receipt else 'K'}{round(box_width * 100)}"
        if not canvas.hasForm(form):
            # The bounding box leaves room for the half of the border outside the box.
            canvas.beginForm(form, -1, -1, box_width + 1, _HOP_HEIGHT + 1)
            self._static(canvas, box_width)
            canvas.endForm()
        for index, (number, committee) in enumerate(self.boxes):
            x = index * (box_width + _HOP_GAP)
            canvas.saveState()
            canvas.translate(x, 0)
            canvas.doForm(form)
            canvas.restoreState()
            self._variable(canvas, x, box_width, number, committee)

    def _variable(
        self, canvas: Canvas, x: float, width: float, number: int, committee: str
    ) -> None:
        inner = width - 2 * _PAD
        y = _HOP_HEIGHT - _PAD - 7
        canvas.setFont(SERIF_BOLD, 9)
        canvas.drawString(x + _PAD, y, f"({number})")
        y -= 12
        # The committee that fills the box, pre-printed in capitals like a header issuer.
        name = nfc(committee).strip().upper()
        if not name:
            canvas.setLineWidth(0.6)
            _write_line(canvas, x + _PAD, y - _NAME_LEADING, inner)
            return
        lines = simpleSplit(name, SERIF_BOLD, 10.5, inner)[:_NAME_LINES]
        canvas.setFont(SERIF_BOLD, 10.5)
        for line in lines:
            canvas.drawCentredString(x + width / 2, y, line)
            y -= _NAME_LEADING

    def _static(self, canvas: Canvas, width: float) -> None:
        inner = width - 2 * _PAD
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, width, _HOP_HEIGHT)
        canvas.setLineWidth(0.6)
        y = _STATIC_TOP
        if self.receipt:
            for text in (
                "Đã tiếp nhận đồng chí có tên trong giấy",
                "vào sinh hoạt đảng từ ngày ...... tháng ...... năm 20......",
            ):
                canvas.setFont(SERIF, _fitted(text, SERIF, 10.5, inner))
                canvas.drawString(_PAD, y, text)
                y -= 14
        else:
            canvas.setFont(SERIF, 10.5)
            label = "Kính chuyển: "
            canvas.drawString(_PAD, y, label)
            used = stringWidth(label, SERIF, 10.5)
            _write_line(canvas, _PAD + used, y, inner - used)
            y -= 14
            _write_line(canvas, _PAD, y, inner)
            y -= 16
        sign_centre = width / 2 if self.columns > 1 else width * 0.65
        sign_width = inner if self.columns > 1 else width * 0.6
        for text, font, size, step in (
            ("Ngày ..... tháng ..... năm 20.....", SERIF_ITALIC, 10.5, 12),
            ("(Ký tên, đóng dấu)", SERIF_ITALIC, 9, 0),
        ):
            canvas.setFont(font, _fitted(text, font, size, sign_width))
            canvas.drawCentredString(sign_centre, y, text)
            y -= step


def _chain(data: TransferLetter) -> list[tuple[int, str]]:
    """Boxes 2, 3, … with their committees: the kind's count, or more for a long chain."""
    count = max(BOXES[data.kind] - 1, len(data.hops))
    hops = [*data.hops, *([""] * (count - len(data.hops)))]
    return [(index + 2, hop) for index, hop in enumerate(hops)]


def story(data: TransferLetter, width: float) -> list[Flowable]:
    """The flowables of the letter for a frame `width` points wide (also used in batches)."""
    if data.kind not in KINDS:
        raise ValueError(f"unknown transfer kind {data.kind!r}; expected one of {KINDS}")
    register_fonts()
    flowables: list[Flowable] = [_Boxed(_box1(data, width - 6 * mm))]
    chain = _chain(data)
    if data.kind == INTERNAL:
        # The short internal form: one full-width acknowledgement by the receiving branch.
        receiver = chain[0][1] or data.destination
        flowables.append(_BoxRow([(2, receiver)], columns=1, receipt=True))
        return flowables
    for start in range(0, len(chain), _COLUMNS):
        flowables.append(_BoxRow(chain[start : start + _COLUMNS], columns=_COLUMNS))
    note = ParagraphStyle("tl-note", parent=styles()["small"], fontSize=10.5, leading=13)
    flowables.append(Spacer(1, 4 * mm))
    flowables.append(Paragraph(_NOTE, note))
    return flowables


def render(data: TransferLetter, path: Path, margins: Margins = Margins()) -> None:
    """Write the letter to `path` (A4, atomically)."""
    width = content_width(A4, margins)
    title = nfc(data.title).strip() or _TITLES.get(data.kind, "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG")
    build_pdf(
        path,
        story(data, width),
        title=f"{title} - {nfc(data.member_name)}",
        pagesize=A4,
        margins=margins,
    )
