"""Quyết định công nhận đảng viên chính thức: the decision recognizing official membership."""

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
from partydesk.documents.pdf.forms.admission_decision import DEFAULT_BASES
from partydesk.documents.pdf.frame import (
    Header,
    Margins,
    Signature,
    build_pdf,
    content_width,
    esc,
    nfc,
)

__all__ = ["RecognitionDecision", "render"]


@dataclass(frozen=True)
class RecognitionDecision:
    """What a recognition decision prints.

    `admitted_on` is the admission ceremony date (probation runs from it); `official_on`
    the official date, ceremony + 12 months, computed by the caller (partydesk.rules) even
    when the branch met late. Other fields as in `AdmissionDecision`.
    """

    header: Header
    signature: Signature
    full_name: str
    birth_date: date | None
    hometown: str
    branch: str
    admitted_on: date | None
    official_on: date | None
    authority: str = ""
    proposers: tuple[str, ...] = ()
    executors: tuple[str, ...] = ()
    bases: tuple[str, ...] = DEFAULT_BASES
    recipients: tuple[str, ...] = ("Như Điều 2", "Lưu Văn phòng")
    title: str = "QUYẾT ĐỊNH"
    subject: str = "Về việc công nhận đảng viên chính thức"
    form_code: str = ""


def articles(data: RecognitionDecision) -> list[str]:
    """The two articles as Paragraph markup."""
    name = f"<b>{esc(data.full_name)}</b>"
    branch = esc(or_dots(data.branch))
    executors = "".join(f"{esc(body)}, " for body in data.executors if nfc(body).strip())
    return [
        f"<b>Điều 1.</b> Công nhận đồng chí {name}, sinh ngày {day_text(data.birth_date)}, "
        f"quê quán {esc(or_dots(data.hometown))}, kết nạp vào Đảng ngày "
        f"{day_text(data.admitted_on)}, là đảng viên chính thức từ ngày "
        f"{day_text(data.official_on)} (ngày hết 12 tháng dự bị).",
        f"<b>Điều 2.</b> {executors}{branch} và đồng chí {name} chịu trách nhiệm thi hành "
        "Quyết định này.",
    ]


def render(data: RecognitionDecision, path: Path, margins: Margins = Margins()) -> None:
    """Write the recognition decision to `path` (A4, atomically)."""
    authority = nfc(data.authority).strip() or f"BAN THƯỜNG VỤ {nfc(data.header.issuer).upper()}"
    story = decision_story(
        header=data.header,
        form_code=data.form_code,
        title=data.title,
        subject=data.subject,
        authority=authority,
        bases=data.bases,
        proposal=proposal_clause(data.branch, data.proposers),
        articles=articles(data),
        signature=data.signature,
        recipients=data.recipients,
        width=content_width(A4, margins),
    )
    build_pdf(
        path,
        story,
        title=f"Quyết định công nhận đảng viên chính thức {nfc(data.full_name)}",
        margins=margins,
    )
