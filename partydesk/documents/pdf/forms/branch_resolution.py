"""Pre-filled drafts of the branch resolutions proposing admission (6-KNĐ) and recognition (13-KNĐ).

The office knows the person, the branch and its member counts; the meeting date,
attendance, chair, secretary, the assessment and the vote are written at the meeting, so
they stay dotted. The header is the branch's own (issuer "CHI BỘ …", number "Số      -NQ/CB",
date blank until the meeting).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from partydesk.documents.pdf.forms._parts import (
    DOTS,
    day_text,
    dotted_line,
    form_code_line,
    number_or_dots,
    or_dots,
    title_block,
)
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

__all__ = [
    "AdmissionResolutionDraft",
    "RecognitionResolutionDraft",
    "render",
    "render_admission",
    "render_recognition",
]


@dataclass(frozen=True)
class AdmissionResolutionDraft:
    """The branch resolution proposing admission, pre-filled (6-KNĐ of the 2022 guidance).

    Member counts None leave blanks; `introducers` are the official members (or the Youth
    Union / trade union) who introduced the applicant.
    """

    header: Header
    signature: Signature
    branch: str
    full_name: str
    birth_date: date | None
    hometown: str
    introducers: tuple[str, ...] = ()
    members_total: int | None = None
    members_official: int | None = None
    members_probationary: int | None = None
    recipients: tuple[str, ...] = ("Đảng ủy cơ sở", "Lưu Chi bộ")
    title: str = "NGHỊ QUYẾT"
    subject: str = "Đề nghị kết nạp đảng viên"
    form_code: str = ""


@dataclass(frozen=True)
class RecognitionResolutionDraft:
    """The branch resolution proposing official membership, pre-filled (13-KNĐ).

    `admitted_on` is the admission ceremony date, `official_on` ceremony + 12 months;
    `mentors` the members assigned to help during probation.
    """

    header: Header
    signature: Signature
    branch: str
    full_name: str
    birth_date: date | None
    hometown: str
    admitted_on: date | None
    official_on: date | None
    mentors: tuple[str, ...] = ()
    members_total: int | None = None
    members_official: int | None = None
    members_probationary: int | None = None
    recipients: tuple[str, ...] = ("Đảng ủy cơ sở", "Lưu Chi bộ")
    title: str = "NGHỊ QUYẾT"
    subject: str = "Đề nghị công nhận đảng viên chính thức"
    form_code: str = ""


def _names(names: tuple[str, ...]) -> str:
    present = [f"<b>{esc(n)}</b>" for n in names if nfc(n).strip()]
    return ", ".join(present) if present else DOTS


def _meeting(
    branch: str,
    purpose: str,
    total: int | None,
    official: int | None,
    probationary: int | None,
) -> list[str]:
    """The opening paragraphs every branch resolution shares: meeting, counts, quorum."""
    return [
        f"Ngày …… tháng …… năm 20……, {esc(or_dots(branch))} đã họp để {purpose}.",
        f"Tổng số đảng viên của chi bộ: {number_or_dots(total)} đồng chí, trong đó chính thức "
        f"{number_or_dots(official)} đồng chí, dự bị {number_or_dots(probationary)} đồng chí.",
        "Có mặt: …… đồng chí (chính thức …… đồng chí, dự bị …… đồng chí). Vắng mặt: …… đồng "
        "chí (có lý do …… đồng chí, không có lý do …… đồng chí).",
        f"Chủ trì hội nghị: đồng chí {DOTS}, chức vụ {DOTS}.",
        f"Thư ký hội nghị: đồng chí {DOTS}.",
    ]


def _story(
    header: Header,
    form_code: str,
    title: str,
    subject: str,
    paragraphs: list[str | Flowable],
    signature: Signature,
    recipients: tuple[str, ...],
    width: float,
) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [*form_code_line(form_code), *party_header(header, width)]
    story += title_block(title, subject)
    story += [Paragraph(p, st["body"]) if isinstance(p, str) else p for p in paragraphs]
    closing = signature_block(signature, recipients, width)
    story[-1:] = [KeepTogether([story[-1], *closing])]
    return story


def _blank(label: str, width: float) -> list[Flowable]:
    """A label and two dotted lines for the secretary to write the assessment on."""
    return [
        dotted_line(label, width, size=14, indent=10 * mm),
        dotted_line("", width, size=14),
    ]


def admission_paragraphs(data: AdmissionResolutionDraft, width: float) -> list[str | Flowable]:
    """The body of the admission draft as Paragraph markup."""
    name = f"<b>{esc(data.full_name)}</b>"
    person = (
        f"quần chúng {name}, sinh ngày {day_text(data.birth_date)}, "
        f"quê quán {esc(or_dots(data.hometown))}"
    )
    return [
        *_meeting(
            data.branch,
            f"xét đề nghị kết nạp {person} vào Đảng",
            data.members_total,
            data.members_official,
            data.members_probationary,
        ),
        "Sau khi nghiên cứu đơn xin vào Đảng, lý lịch của người xin vào Đảng, giấy giới thiệu "
        f"của {_names(data.introducers)}, ý kiến nhận xét của các đoàn thể và chi bộ nơi cư "
        "trú, chi bộ thảo luận, biểu quyết và kết luận như sau:",
        "1. Những ưu, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực "
        "công tác, quan hệ quần chúng của quần chúng:",
        *_blank("- Ưu điểm:", width),
        *_blank("- Khuyết điểm:", width),
        *_blank("2. Về lý lịch:", width),
        f"3. Số đảng viên chính thức tán thành việc kết nạp quần chúng {name} vào Đảng là …… "
        "đồng chí (đạt ……% so với tổng số đảng viên chính thức); số không tán thành …… đồng "
        f"chí (……%), lý do: {DOTS}",
        f"Chi bộ đề nghị cấp ủy cấp trên xem xét, kết nạp quần chúng {name} vào Đảng Cộng "
        "sản Việt Nam.",
    ]


def recognition_paragraphs(data: RecognitionResolutionDraft, width: float) -> list[str | Flowable]:
    """The body of the recognition draft as Paragraph markup."""
    name = f"<b>{esc(data.full_name)}</b>"
    person = (
        f"đảng viên dự bị {name}, sinh ngày {day_text(data.birth_date)}, "
        f"quê quán {esc(or_dots(data.hometown))}, kết nạp vào Đảng ngày "
        f"{day_text(data.admitted_on)}"
    )
    return [
        *_meeting(
            data.branch,
            f"xét đề nghị công nhận đảng viên chính thức cho {person}",
            data.members_total,
            data.members_official,
            data.members_probationary,
        ),
        "Sau khi nghiên cứu bản tự kiểm điểm của đảng viên dự bị, bản nhận xét của đảng viên "
        f"được phân công giúp đỡ ({_names(data.mentors)}), ý kiến nhận xét của các đoàn thể và "
        "chi bộ nơi cư trú, chi bộ thảo luận, biểu quyết và kết luận như sau:",
        "1. Những ưu, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực "
        "công tác, ý thức tổ chức kỷ luật, tinh thần trách nhiệm và việc thực hiện nhiệm vụ "
        "đảng viên trong thời gian dự bị:",
        *_blank("- Ưu điểm:", width),
        *_blank("- Khuyết điểm:", width),
        "2. Số đảng viên chính thức tán thành đề nghị công nhận đảng viên dự bị "
        f"{name} là đảng viên chính thức là …… đồng chí (đạt ……% so với tổng số đảng viên "
        f"chính thức); số không tán thành …… đồng chí (……%), lý do: {DOTS}",
        f"Chi bộ đề nghị cấp ủy cấp trên xem xét, công nhận đồng chí {name} là đảng viên "
        f"chính thức từ ngày {day_text(data.official_on)} (ngày hết 12 tháng dự bị).",
    ]


def render_admission(
    data: AdmissionResolutionDraft, path: Path, margins: Margins = Margins()
) -> None:
    """Write the pre-filled admission resolution draft to `path` (A4, atomically)."""
    width = content_width(A4, margins)
    story = _story(
        data.header,
        data.form_code,
        data.title,
        data.subject,
        admission_paragraphs(data, width),
        data.signature,
        data.recipients,
        width,
    )
    title = f"Dự thảo nghị quyết đề nghị kết nạp đảng viên {nfc(data.full_name)}"
    build_pdf(path, story, title=title, margins=margins)


def render_recognition(
    data: RecognitionResolutionDraft, path: Path, margins: Margins = Margins()
) -> None:
    """Write the pre-filled recognition resolution draft to `path` (A4, atomically)."""
    width = content_width(A4, margins)
    story = _story(
        data.header,
        data.form_code,
        data.title,
        data.subject,
        recognition_paragraphs(data, width),
        data.signature,
        data.recipients,
        width,
    )
    title = f"Dự thảo nghị quyết đề nghị công nhận đảng viên chính thức {nfc(data.full_name)}"
    build_pdf(path, story, title=title, margins=margins)


def render(
    data: AdmissionResolutionDraft | RecognitionResolutionDraft,
    path: Path,
    margins: Margins = Margins(),
) -> None:
    """Write either draft, chosen by the type of `data`."""
    if isinstance(data, AdmissionResolutionDraft):
        render_admission(data, path, margins)
    elif isinstance(data, RecognitionResolutionDraft):
        render_recognition(data, path, margins)
    else:
        raise TypeError(f"not a branch resolution draft: {type(data).__name__}")
