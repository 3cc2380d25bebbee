"""Quyết định kết nạp đảng viên (form 9-KNĐ of the 2022 guidance): the admission decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4

from partydesk.documents.pdf.forms._parts import (
    day_text,
    decision_story,
    or_dots,
    proposal_clause,
)
from partydesk.documents.pdf.frame import (
    Header,
    Margins,
    Signature,
    build_pdf,
    content_width,
    esc,
    nfc,
)

__all__ = ["DEFAULT_BASES", "AdmissionDecision", "render"]

#: The legal bases every admission decision cites.
DEFAULT_BASES: tuple[str, ...] = (
    "Điều lệ Đảng Cộng sản Việt Nam",
    "Quy định thi hành Điều lệ Đảng",
)


@dataclass(frozen=True)
class AdmissionDecision:
    """What an admission decision prints; the caller formats the number and picks the codes.

    `header.number` is "Số 12-QĐ/ĐU"; `authority` the deciding body ("BAN THƯỜNG VỤ ĐẢNG
    ỦY XÃ ĐAM RÔNG"; "" derives it from `header.issuer`); `branch` the proposing branch
    ("Chi bộ Trường THCS Đam Rông"); `proposers` the bodies between the branch and the
    committee whose proposals are cited too ("Đảng ủy Trường THPT Đam Rông");
    `executors` the bodies named in Điều 3 before the branch; `form_code` the catalogue
    label printed top right ("Mẫu 9-KNĐ"), "" for none.
    """

    header: Header
    signature: Signature
    full_name: str
    birth_date: date | None
    hometown: str
    branch: str
    authority: str = ""
    proposers: tuple[str, ...] = ()
    executors: tuple[str, ...] = ()
    bases: tuple[str, ...] = DEFAULT_BASES
    recipients: tuple[str, ...] = ("Như Điều 3", "Lưu Văn phòng")
    title: str = "QUYẾT ĐỊNH"
    subject: str = "Về việc kết nạp đảng viên"
    form_code: str = ""


def _authority(data: AdmissionDecision) -> str:
    return nfc(data.authority).strip() or f"BAN THƯỜNG VỤ {nfc(data.header.issuer).upper()}"


def articles(data: AdmissionDecision) -> list[str]:
    """The three articles as Paragraph markup."""
    name = f"<b>{esc(data.full_name)}</b>"
    branch = esc(or_dots(data.branch))
    executors = "".join(f"{esc(body)}, " for body in data.executors if nfc(body).strip())
    return [
        f"<b>Điều 1.</b> Kết nạp quần chúng {name}, sinh ngày {day_text(data.birth_date)}, "
        f"quê quán {esc(or_dots(data.hometown))}, vào Đảng Cộng sản Việt Nam.",
        # Điều lệ Đảng: the ceremony follows the decision, and the branch assigns an
        # official member to help the new probationary member (probation of 12 months).
        f"<b>Điều 2.</b> {branch} có trách nhiệm tổ chức lễ kết nạp cho quần chúng {name} "
        "theo quy định; phân công đảng viên chính thức giúp đỡ đồng chí phấn đấu trở thành "
        "đảng viên chính thức.",
        f"<b>Điều 3.</b> {executors}{branch} và quần chúng {name} chịu trách nhiệm thi hành "
        "Quyết định này.",
    ]


def render(data: AdmissionDecision, path: Path, margins: Margins = Margins()) -> None:
    """Write the admission decision to `path` (A4, atomically)."""
    width = content_width(A4, margins)
    story = decision_story(
        header=data.header,
        form_code=data.form_code,
        title=data.title,
        subject=data.subject,
        authority=_authority(data),
        bases=data.bases,
        proposal=proposal_clause(data.branch, data.proposers),
        articles=articles(data),
        signature=data.signature,
        recipients=data.recipients,
        width=width,
    )
    build_pdf(
        path,
        story,
        title=f"Quyết định kết nạp đảng viên {nfc(data.full_name)}",
        margins=margins,
    )
