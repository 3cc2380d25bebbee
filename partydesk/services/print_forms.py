"""The printed forms: their keys, titles, subjects, renderers and the files they make.

What each form is, apart from how a print runs (`printing`): the catalogue the window's
menus and the CLI list, the renderer of each form, and the readable, ASCII file name of a
print (file names travel by USB stick and e-mail).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from partydesk.documents.pdf.forms import (
    admission_decision as admission_decision_form,
)
from partydesk.documents.pdf.forms import (
    badge_list as badge_list_form,
)
from partydesk.documents.pdf.forms import (
    branch_resolution as branch_resolution_form,
)
from partydesk.documents.pdf.forms import (
    cadre_cv as cadre_cv_form,
)
from partydesk.documents.pdf.forms import (
    list_book as list_book_form,
)
from partydesk.documents.pdf.forms import (
    member_sheet as member_sheet_form,
)
from partydesk.documents.pdf.forms import (
    recognition_decision as recognition_decision_form,
)
from partydesk.documents.pdf.forms import (
    transfer_letter as transfer_letter_form,
)
from partydesk.rules import nfc

__all__ = [
    "FORM_KEYS",
    "FORM_SUBJECT",
    "FORM_TITLES",
    "NUMBERED_FORMS",
    "SUBJECT_NAMES",
    "ascii_fold",
    "file_stem",
    "free_name",
    "page_count",
    "renderer",
]

FORM_KEYS: tuple[str, ...] = (
    "admission_decision",
    "recognition_decision",
    "transfer_letter",
    "member_sheet",
    "list_book",
    "badge_list",
    "admission_resolution",
    "recognition_resolution",
    "cadre_cv",
)

FORM_TITLES: dict[str, str] = {
    "admission_decision": "Quyết định kết nạp đảng viên",
    "recognition_decision": "Quyết định công nhận đảng viên chính thức",
    "transfer_letter": "Giấy giới thiệu sinh hoạt đảng",
    "member_sheet": "Phiếu đảng viên",
    "list_book": "Sổ danh sách đảng viên",
    "badge_list": "Danh sách đề nghị tặng Huy hiệu Đảng",
    "admission_resolution": "Dự thảo nghị quyết chi bộ đề nghị kết nạp đảng viên",
    "recognition_resolution": "Dự thảo nghị quyết chi bộ đề nghị công nhận đảng viên chính thức",
    "cadre_cv": "Sơ yếu lý lịch cán bộ",
}

#: What `PrintRequest.ref` means for each form.
FORM_SUBJECT: dict[str, str] = {
    "admission_decision": "member",
    "recognition_decision": "member",
    "transfer_letter": "transfer",
    "member_sheet": "member",
    "list_book": "organization",
    "badge_list": "occasion",
    "admission_resolution": "member",
    "recognition_resolution": "member",
    "cadre_cv": "cadre",
}

#: Forms that take a number from the document register, with their document type.
NUMBERED_FORMS: dict[str, str] = {
    "admission_decision": "QD",
    "recognition_decision": "QD",
    "transfer_letter": "GT",
}

SUBJECT_NAMES = {
    "member": ("đảng viên", "member"),
    "transfer": ("việc chuyển sinh hoạt đảng", "transfer"),
    "organization": ("tổ chức đảng", "party organization"),
    "cadre": ("cán bộ", "cadre"),
    "occasion": ("đợt trao", "occasion"),
}

#: The start of each form's file name (ASCII: file names travel by USB stick and e-mail).
_FILE_PREFIX = {
    "admission_decision": "QD-ket-nap",
    "recognition_decision": "QD-cong-nhan-chinh-thuc",
    "transfer_letter": "GT-sinh-hoat-dang",
    "member_sheet": "Phieu-dang-vien",
    "list_book": "So-danh-sach-dang-vien",
    "badge_list": "DS-Huy-hieu-Dang",
    "admission_resolution": "NQ-de-nghi-ket-nap-du-thao",
    "recognition_resolution": "NQ-de-nghi-cong-nhan-du-thao",
    "cadre_cv": "So-yeu-ly-lich",
}

# The renderer of each form as (module, function name), looked up at call time so a
# test can replace a form's `render`.
_RENDERERS: dict[str, tuple[Any, str]] = {
    "admission_decision": (admission_decision_form, "render"),
    "recognition_decision": (recognition_decision_form, "render"),
    "transfer_letter": (transfer_letter_form, "render"),
    "member_sheet": (member_sheet_form, "render"),
    "list_book": (list_book_form, "render"),
    "badge_list": (badge_list_form, "render"),
    "admission_resolution": (branch_resolution_form, "render_admission"),
    "recognition_resolution": (branch_resolution_form, "render_recognition"),
    "cadre_cv": (cadre_cv_form, "render"),
}

#: A register number as printed: «12-QĐ/ĐU» (number, type abbreviation, issuer).
NUMBER = re.compile(r"^\s*(\d+)\s*-\s*([^/\s]+)\s*/\s*(\S+)\s*$")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def renderer(form: str) -> Any:
    """The function that renders `form` (read at call time, so tests can replace it)."""
    module, name = _RENDERERS[form]
    return getattr(module, name)


def ascii_fold(value: str, limit: int = 60) -> str:
    """ASCII words joined by hyphens ("Nguyễn Văn Á" → "Nguyen-Van-A"), at most `limit` chars."""
    folded = unicodedata.normalize("NFD", nfc(value).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = re.findall(r"[A-Za-z0-9]+", plain)
    return "-".join(words)[:limit].strip("-")


def file_stem(form: str, subject: str, number: str, on: date) -> str:
    """The readable file name without ".pdf": `QD-ket-nap-12-2026-Nguyen-Van-A`.

    Numbered forms carry their number and year (unique in the register); the others the
    subject and the date.
    """
    prefix = _FILE_PREFIX[form]
    who = ascii_fold(subject) or "van-ban"
    match = NUMBER.match(number)
    if match is not None:
        return f"{prefix}-{match.group(1)}-{on.year}-{who}"
    return f"{prefix}-{who}-{on:%Y-%m-%d}"


def free_name(path: Path) -> Path:
    """`path` with the first free "-2", "-3"… before its suffix."""
    counter = 2
    candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
    return candidate


def page_count(path: Path) -> int:
    """The pages of a PDF file (at least 1)."""
    return max(1, len(_PAGE.findall(path.read_bytes())))
