"""Sơ yếu lý lịch cán bộ, công chức: the cadre CV (Mẫu 2C, Thông tư 06/2023/TT-BNV style).

Not a Party document: the civil-servant form has its own layout, the managing bodies
top left, a 4×6 cm photo box, numbered items on dotted lines, then the training, work,
family and salary tables, and the two signatures (the person declaring, the head of the
managing body). Unknown items stay dotted for the clerk to fill in by hand.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from partydesk.documents.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC
from partydesk.documents.pdf.forms._parts import centred, day_text, dotted_line, form_code_line
from partydesk.documents.pdf.frame import (
    Margins,
    build_pdf,
    content_width,
    date_line,
    esc,
    nfc,
    styles,
)

__all__ = ["CadreCv", "FamilyRow", "SalaryRow", "TrainingRow", "WorkRow", "render"]

PHOTO_WIDTH = 40 * mm
PHOTO_HEIGHT = 60 * mm
_SIZE = 13  # the items; 13 pt keeps the long form at two or three pages


@dataclass(frozen=True)
class TrainingRow:
    """Item 27: one course or degree; `period` as "09/2004 - 06/2008"."""

    school: str
    field: str
    period: str
    mode: str
    qualification: str


@dataclass(frozen=True)
class WorkRow:
    """Item 28: one period of the career; `description` post, unit, place."""

    period: str
    description: str


@dataclass(frozen=True)
class FamilyRow:
    """Item 30: one relative; `details` hometown, occupation, workplace, residence."""

    relation: str
    full_name: str
    birth_year: int | None
    details: str


@dataclass(frozen=True)
class SalaryRow:
    """Item 31: one salary step; `month_year` "07/2023", `grade_step` "Chuyên viên, bậc 4"."""

    month_year: str
    grade_step: str
    coefficient: str


@dataclass(frozen=True)
class CadreCv:
    """Everything the CV prints; "" and None leave the item dotted.

    `managing_body` / `using_body` are the bodies managing and employing the cadre;
    `cadre_number` the civil-servant number; `photo` JPEG or PNG bytes (None prints the
    empty 4×6 cm frame); `place` and `on` the date line above the signatures.
    """

    full_name: str
    managing_body: str = ""
    using_body: str = ""
    cadre_number: str = ""
    other_names: str = ""
    birth_date: date | None = None
    sex: str = ""
    birthplace: str = ""
    hometown: str = ""
    ethnicity: str = ""
    religion: str = ""
    permanent_address: str = ""
    current_address: str = ""
    occupation_when_recruited: str = ""
    recruited_on: date | None = None
    recruiting_body: str = ""
    current_position: str = ""
    main_duties: str = ""
    grade: str = ""
    grade_code: str = ""
    salary_step: str = ""
    salary_coefficient: str = ""
    salary_since: date | None = None
    position_allowance: str = ""
    other_allowance: str = ""
    general_education: str = ""
    qualification: str = ""
    political_theory: str = ""
    state_management: str = ""
    foreign_language: str = ""
    it_level: str = ""
    party_admitted_on: date | None = None
    party_official_on: date | None = None
    mass_organization: str = ""
    awards: str = ""
    discipline: str = ""
    health: str = ""
    id_number: str = ""
    id_issued_on: date | None = None
    social_insurance_number: str = ""
    training: tuple[TrainingRow, ...] = ()
    work_history: tuple[WorkRow, ...] = ()
    family: tuple[FamilyRow, ...] = ()
    salary_history: tuple[SalaryRow, ...] = ()
    photo: bytes | None = None
    place: str = ""
    on: date | None = None
    title: str = "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"
    form_code: str = "Mẫu 2C"


def _v(text: str | None) -> str:
    return nfc(text).strip()


def _i(text: str | None) -> str:
    """A value in the middle of a line: short dots when unknown (the line end fills itself)."""
    return _v(text) or "………"


def _d(on: date | None) -> str:
    return day_text(on)


class _PhotoBox(Flowable):
    """A 4×6 cm frame with the photo fitted inside, or "Ảnh màu (4 x 6 cm)" when none."""

    def __init__(self, photo: bytes | None) -> None:
        super().__init__()
        self.photo = photo
        self.width = PHOTO_WIDTH
        self.height = PHOTO_HEIGHT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Frame, then the picture scaled to fit and centred, or the caption."""
        canvas = self.canv
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height)
        if self.photo:
            image = ImageReader(io.BytesIO(self.photo))
            iw, ih = image.getSize()
            scale = min((self.width - 2) / iw, (self.height - 2) / ih)
            w, h = iw * scale, ih * scale
            canvas.drawImage(image, (self.width - w) / 2, (self.height - h) / 2, w, h)
        else:
            canvas.setFont(SERIF_ITALIC, 11)
            canvas.drawCentredString(self.width / 2, self.height / 2 + 2, "Ảnh màu")
            canvas.drawCentredString(self.width / 2, self.height / 2 - 12, "(4 x 6 cm)")


def _items(data: CadreCv, width: float) -> tuple[list[Flowable], list[Flowable]]:
    """Items 1–5 (beside the photo) and 6–26 (full width), as dotted lines."""
    birth = data.birth_date
    born = (
        f"{birth.day:02d} tháng {birth.month:02d} năm {birth.year}"
        if birth
        else "…… tháng …… năm ………"
    )
    beside = width - PHOTO_WIDTH - 6 * mm
    top = [
        dotted_line(
            f"1) Họ và tên khai sinh (viết chữ in hoa): {_v(data.full_name).upper()}",
            beside,
            size=_SIZE,
        ),
        dotted_line(f"2) Tên gọi khác: {_v(data.other_names)}", beside, size=_SIZE),
        dotted_line(
            f"3) Sinh ngày: {born}, Giới tính (nam, nữ): {_v(data.sex)}", beside, size=_SIZE
        ),
        dotted_line(f"4) Nơi sinh: {_v(data.birthplace)}", beside, size=_SIZE),
        dotted_line(f"5) Quê quán: {_v(data.hometown)}", beside, size=_SIZE),
    ]
    lines = [
        f"6) Dân tộc: {_i(data.ethnicity)}, 7) Tôn giáo: {_v(data.religion)}",
        f"8) Nơi đăng ký hộ khẩu thường trú: {_v(data.permanent_address)}",
        f"9) Nơi ở hiện nay: {_v(data.current_address)}",
        f"10) Nghề nghiệp khi được tuyển dụng: {_v(data.occupation_when_recruited)}",
        f"11) Ngày tuyển dụng: {_d(data.recruited_on)}, Cơ quan tuyển dụng: "
        f"{_v(data.recruiting_body)}",
        f"12) Chức vụ (chức danh) hiện tại: {_v(data.current_position)}",
        f"13) Công việc chính được giao: {_v(data.main_duties)}",
        f"14) Ngạch công chức (viên chức): {_i(data.grade)}, Mã ngạch: {_v(data.grade_code)}",
        f"Bậc lương: {_i(data.salary_step)}, Hệ số: {_i(data.salary_coefficient)}, Ngày hưởng: "
        f"{_d(data.salary_since)}",
        f"Phụ cấp chức vụ: {_i(data.position_allowance)}, Phụ cấp khác: {_v(data.other_allowance)}",
        f"15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy / thuộc hệ nào): "
        f"{_v(data.general_education)}",
        f"15.2- Trình độ chuyên môn cao nhất: {_v(data.qualification)}",
        f"15.3- Lý luận chính trị: {_i(data.political_theory)}, 15.4- Quản lý nhà nước: "
        f"{_v(data.state_management)}",
        f"15.5- Ngoại ngữ: {_i(data.foreign_language)}, 15.6- Tin học: {_v(data.it_level)}",
        f"16) Ngày vào Đảng Cộng sản Việt Nam: {_d(data.party_admitted_on)}, Ngày chính thức: "
        f"{_d(data.party_official_on)}",
        f"17) Ngày tham gia tổ chức chính trị - xã hội: {_v(data.mass_organization)}",
        f"18) Khen thưởng: {_v(data.awards)}",
        f"19) Kỷ luật: {_v(data.discipline)}",
        f"20) Tình trạng sức khỏe: {_v(data.health)}",
        f"21) Số CCCD: {_i(data.id_number)}, Ngày cấp: {_d(data.id_issued_on)}",
        f"22) Số sổ BHXH: {_v(data.social_insurance_number)}",
    ]
    rest = [dotted_line(line, width, size=_SIZE) for line in lines]
    return top, rest


def _grid(
    heads: list[str], rows: list[list[str]], widths: list[float], blank_rows: int = 3
) -> Table:
    """A ruled table with bold heads; `blank_rows` empty rows when there is no data."""
    st = styles()
    head = st["cell_bold"].clone("cv-head", alignment=1)
    cells: list[list[Flowable | str]] = [[Paragraph(esc(h), head) for h in heads]]
    for row in rows or [[""] * len(heads)] * blank_rows:
        cells.append([Paragraph(esc(value), st["cell"]) for value in row])
    table = Table(
        cells, colWidths=widths, repeatRows=1, minRowHeights=[0, *[16] * (len(cells) - 1)]
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _section(text: str) -> Paragraph:
    return Paragraph(
        esc(text),
        ParagraphStyle(
            "cv-section",
            fontName=SERIF_BOLD,
            fontSize=_SIZE,
            leading=_SIZE + 5,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
    )


def _tables(data: CadreCv, width: float) -> list[Flowable]:
    def cols(*parts: float) -> list[float]:
        return [width * p / sum(parts) for p in parts]

    training = [
        [_v(r.school), _v(r.field), _v(r.period), _v(r.mode), _v(r.qualification)]
        for r in data.training
    ]
    work = [[_v(r.period), _v(r.description)] for r in data.work_history]
    family = [
        [
            _v(r.relation),
            _v(r.full_name),
            "" if r.birth_year is None else str(r.birth_year),
            _v(r.details),
        ]
        for r in data.family
    ]
    salary = [[_v(r.month_year), _v(r.grade_step), _v(r.coefficient)] for r in data.salary_history]
    return [
        _section(
            "23) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC"
        ),
        _grid(
            [
                "Tên trường",
                "Chuyên ngành đào tạo, bồi dưỡng",
                "Từ tháng, năm - đến tháng, năm",
                "Hình thức đào tạo",
                "Văn bằng, chứng chỉ, trình độ",
            ],
            training,
            cols(30, 30, 22, 18, 24),
        ),
        _section("24) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"),
        _grid(
            [
                "Từ tháng, năm đến tháng, năm",
                "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức "
                "xã hội), kể cả thời gian được đào tạo, bồi dưỡng",
            ],
            work,
            cols(28, 96),
        ),
        _section("25) QUAN HỆ GIA ĐÌNH"),
        _grid(
            [
                "Mối quan hệ",
                "Họ và tên",
                "Năm sinh",
                "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở",
            ],
            family,
            cols(16, 28, 12, 68),
        ),
        _section("26) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC"),
        _grid(["Tháng, năm", "Mã ngạch, bậc lương", "Hệ số lương"], salary, cols(30, 60, 34)),
    ]


def _signatures(data: CadreCv, width: float) -> Flowable:
    italic = ParagraphStyle(
        "cv-date", fontName=SERIF_ITALIC, fontSize=_SIZE, leading=_SIZE + 4, alignment=1
    )
    left = [
        centred("Người khai", size=_SIZE),
        Paragraph("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", italic),
        Paragraph("(Ký tên, ghi rõ họ tên)", italic),
        Spacer(1, 22 * mm),
        centred(esc(data.full_name), size=_SIZE),
    ]
    right = [
        Paragraph(esc(date_line(data.place, data.on)).replace("  ", "\u00a0\u00a0"), italic),
        centred("Thủ trưởng cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức", size=_SIZE),
        Paragraph("(Ký tên, đóng dấu)", italic),
    ]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 6 * mm), table])


def render(data: CadreCv, path: Path, margins: Margins = Margins()) -> None:
    """Write the cadre CV to `path` (A4 portrait, two or three pages, atomically)."""
    width = content_width(A4, margins)
    story: list[Flowable] = [*form_code_line(data.form_code)]
    story.append(
        dotted_line(
            f"Cơ quan, đơn vị có thẩm quyền quản lý CBCC: {_v(data.managing_body)}", width, size=12
        )
    )
    story.append(
        dotted_line(f"Cơ quan, đơn vị sử dụng CBCC: {_v(data.using_body)}", width, size=12)
    )
    story.append(dotted_line(f"Số hiệu cán bộ, công chức: {_v(data.cadre_number)}", width, size=12))
    story.append(Spacer(1, 3 * mm))
    top, rest = _items(data, width)
    beside = [centred(esc(data.title), size=14), Spacer(1, 4 * mm), *top]
    head = Table(
        [[_PhotoBox(data.photo), beside]],
        colWidths=[PHOTO_WIDTH + 6 * mm, width - PHOTO_WIDTH - 6 * mm],
    )
    head.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(head)
    story.append(Spacer(1, 2 * mm))
    story += rest
    story += _tables(data, width)
    story.append(_signatures(data, width))
    build_pdf(
        path,
        story,
        title=f"Sơ yếu lý lịch {nfc(data.full_name)}",
        margins=margins,
        page_numbers=True,
    )
