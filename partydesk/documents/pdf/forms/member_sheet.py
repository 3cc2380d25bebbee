"""Phiếu đảng viên: the member sheet, with the 3×4 cm photo and the card-sheet fields.

The sheet travels with the member's file on an official transfer (domain.md §3.3) and is
kept by the committee that holds the record. Its fields follow the card sheet and the
member's biography (domain.md §3.1): numbered, one per line, so a clerk reading two
sheets side by side finds the same item at the same place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from partydesk.documents.pdf.fonts import SERIF, SERIF_ITALIC, register_fonts
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

__all__ = ["MemberSheet", "render"]

# The photo of the card sheet is 3×4 cm.
PHOTO_WIDTH = 30 * mm
PHOTO_HEIGHT = 40 * mm
_BLANK_DATE = "……/……/………"
_DOTS = "………………………"


@dataclass(frozen=True)
class MemberSheet:
    """The fields of a phiếu đảng viên, as text ready to print (catalogue labels resolved).

    `photo` holds JPEG or PNG bytes, or None for an empty 3×4 frame to paste a print into.
    Empty text prints as a dotted line to fill in by hand.
    """

    header: Header
    signature: Signature
    full_name: str
    card_number: str = ""
    biography_number: str = ""
    other_names: str = ""
    sex: str = ""
    birth_date: date | None = None
    birthplace: str = ""
    hometown: str = ""
    residence: str = ""
    temporary_residence: str = ""
    ethnicity: str = ""
    religion: str = ""
    cccd: str = ""
    occupation: str = ""
    general_education: str = ""
    qualification: str = ""
    academic_title: str = ""
    theory: str = ""
    state_management: str = ""
    foreign_language: str = ""
    it_level: str = ""
    youth_union_on: date | None = None
    admitted_on: date | None = None
    admitted_at: str = ""  # the branch where the member was admitted
    official_on: date | None = None
    introducers: tuple[str, ...] = ()
    branch: str = ""  # the branch and committee the member belongs to now
    position: str = ""
    photo: bytes | None = None
    title: str = "PHIẾU ĐẢNG VIÊN"


def _day(value: date | None) -> str:
    return _BLANK_DATE if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def _text(value: str) -> str:
    """Escaped text, or a dotted line when there is nothing to print."""
    value = nfc(value).strip()
    return esc(value) if value else _DOTS


def _photo_reader(photo: bytes) -> ImageReader:
    try:
        reader = ImageReader(BytesIO(photo))
        reader.getSize()
    except Exception as exc:  # reportlab/Pillow raise many kinds for undecodable data
        raise ValueError("the member's photo is not a readable JPEG or PNG image") from exc
    return reader


class _PhotoFrame(Flowable):
    """A 3×4 cm frame with the photo fitted in it, or "Ảnh 3×4" when there is none."""

    def __init__(self, photo: ImageReader | None):
        super().__init__()
        self.photo = photo
        self.width = PHOTO_WIDTH
        self.height = PHOTO_HEIGHT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Always 3×4 cm."""
        return self.width, self.height

    def draw(self) -> None:
        """Frame first, then the photo scaled to fit and centred inside it."""
        canvas = self.canv
        if self.photo is not None:
            canvas.drawImage(
                self.photo,
                0,
                0,
                self.width,
                self.height,
                preserveAspectRatio=True,
                anchor="c",
            )
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height)
        if self.photo is None:
            canvas.setFont(SERIF_ITALIC, 11)
            canvas.drawCentredString(self.width / 2, self.height / 2 - 4, "Ảnh 3×4")


def _identity(data: MemberSheet, photo: ImageReader | None, width: float) -> Table:
    """The photo on the left; title, biography and card numbers on the right."""
    st = styles()
    right_style = ParagraphStyle("ms-id", parent=st["center"], fontSize=13, leading=18)
    title = ParagraphStyle("ms-title", parent=st["title"], fontSize=16, leading=20, spaceBefore=4)
    right: list[Flowable] = [
        Paragraph(esc(nfc(data.title).upper()), title),
        Spacer(1, 3 * mm),
        Paragraph(f"Số lý lịch: <b>{_text(data.biography_number)}</b>", right_style),
        Paragraph(f"Số thẻ đảng viên: <b>{_text(data.card_number)}</b>", right_style),
    ]
    table = Table(
        [[_PhotoFrame(photo), right]],
        colWidths=[PHOTO_WIDTH + 6 * mm, width - PHOTO_WIDTH - 6 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _fields(data: MemberSheet) -> list[str]:
    """The numbered lines of the sheet, as Paragraph markup."""
    introducers = [nfc(name).strip() for name in data.introducers if nfc(name).strip()]
    introduced = (
        "; ".join(f"{index}. {esc(name)}" for index, name in enumerate(introducers, 1))
        if introducers
        else _DOTS
    )
    lines = [
        f"Họ và tên đang dùng: <b>{esc(nfc(data.full_name).strip().upper())}</b>",
        f"Tên gọi khác: {_text(data.other_names)}",
        f"Giới tính: {_text(data.sex)}",
        f"Sinh ngày: {_day(data.birth_date)}",
        f"Nơi sinh: {_text(data.birthplace)}",
        f"Quê quán: {_text(data.hometown)}",
        f"Nơi thường trú: {_text(data.residence)}",
        f"Nơi tạm trú: {_text(data.temporary_residence)}",
        f"Dân tộc: {_text(data.ethnicity)}; tôn giáo: {_text(data.religion)}",
        f"Số căn cước công dân: {_text(data.cccd)}",
        f"Nghề nghiệp hiện nay: {_text(data.occupation)}",
        f"Trình độ: giáo dục phổ thông: {_text(data.general_education)}; "
        f"chuyên môn, nghiệp vụ: {_text(data.qualification)}; "
        f"học hàm, học vị: {_text(data.academic_title)}",
        f"Lý luận chính trị: {_text(data.theory)}; "
        f"quản lý nhà nước: {_text(data.state_management)}; "
        f"ngoại ngữ: {_text(data.foreign_language)}; tin học: {_text(data.it_level)}",
        f"Ngày vào Đoàn TNCS Hồ Chí Minh: {_day(data.youth_union_on)}",
        f"Ngày vào Đảng: {_day(data.admitted_on)}, tại: {_text(data.admitted_at)}",
        f"Ngày chính thức: {_day(data.official_on)}",
        f"Người giới thiệu: {introduced}",
        f"Chi bộ, đảng bộ đang sinh hoạt: {_text(data.branch)}",
        f"Chức vụ: {_text(data.position)}",
    ]
    return [f"{index}. {line}" for index, line in enumerate(lines, 1)]


def story(data: MemberSheet, width: float) -> list[Flowable]:
    """The flowables of the sheet for a frame `width` points wide."""
    register_fonts()
    photo = _photo_reader(data.photo) if data.photo is not None else None
    st = styles()
    field = ParagraphStyle(
        "ms-field",
        parent=st["body_noindent"],
        fontSize=12.5,
        leading=16,
        spaceAfter=1.5,
        leftIndent=6 * mm,
        firstLineIndent=-6 * mm,
        alignment=0,
    )
    flowables: list[Flowable] = [*party_header(data.header, width)]
    flowables.append(_identity(data, photo, width))
    flowables.append(Spacer(1, 5 * mm))
    flowables.extend(Paragraph(line, field) for line in _fields(data))
    flowables.extend(signature_block(data.signature, (), width))
    return flowables


def render(data: MemberSheet, path: Path, margins: Margins = Margins()) -> None:
    """Write the sheet to `path` (A4 portrait, atomically)."""
    width = content_width(A4, margins)
    build_pdf(
        path,
        story(data, width),
        title=f"{nfc(data.title)} - {nfc(data.full_name)}",
        pagesize=A4,
        margins=margins,
    )
