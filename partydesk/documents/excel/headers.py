"""The header vocabulary of member lists: Vietnamese column headers and the fields they mean.

Offices head their columns in many ways ("Họ và tên", "Họ tên", "HỌ VÀ TÊN ĐẢNG VIÊN"…),
typed with or without diacritics. Headers are compared folded (`rules.fold`: lowercase,
no marks, đ → d) after punctuation is dropped, so one alias covers every spelling.
Field names are those of `MemberInput`, plus `branch` (the Chi bộ, by name or code) and
`row_no` (the STT column: recognized, so it helps find the header row, never imported).
"""

from __future__ import annotations

import re

from partydesk.rules import fold

__all__ = [
    "DATE_FIELDS",
    "FIELD_HEADERS",
    "FIELD_LABELS",
    "IGNORED",
    "TEMPLATE_EXAMPLE",
    "TEMPLATE_FIELDS",
    "fold_header",
    "match_header",
]

#: field -> the headers that mean it; the first is the one the template writes.
FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    "row_no": ("STT", "TT", "Số TT", "Số thứ tự"),
    "full_name": (
        "Họ và tên",
        "Họ tên",
        "Họ và tên đảng viên",
        "Họ tên đảng viên",
        "Họ và tên khai sinh",
        "Tên đảng viên",
    ),
    "other_names": ("Tên gọi khác", "Bí danh"),
    "sex": ("Giới tính", "Nam/Nữ", "Nam, Nữ", "Nam Nữ", "Phái"),
    "birth_date": ("Ngày sinh", "Ngày tháng năm sinh", "Năm sinh", "Sinh ngày"),
    "cccd": (
        "Số CCCD",
        "CCCD",
        "Số căn cước",
        "Số căn cước công dân",
        "Số định danh",
        "Số định danh cá nhân",
        "Căn cước công dân",
        "CCCD/CMND",
        "Số CMND/CCCD",
    ),
    "biography_no": ("Số lý lịch", "Số LL", "Số lý lịch đảng viên"),
    "card_no": ("Số thẻ", "Số thẻ đảng viên", "Số thẻ Đảng", "Thẻ đảng viên"),
    "badge_no": ("Số huy hiệu",),
    "branch": ("Chi bộ", "Tên chi bộ", "Mã chi bộ", "Chi bộ sinh hoạt", "Đơn vị sinh hoạt"),
    "birthplace": ("Nơi sinh",),
    "hometown": ("Quê quán", "Nguyên quán"),
    "permanent_address": ("Nơi thường trú", "Thường trú", "Địa chỉ", "Nơi ở hiện nay"),
    "temporary_address": ("Nơi tạm trú", "Tạm trú"),
    "ethnicity_code": ("Dân tộc",),
    "religion_code": ("Tôn giáo",),
    "general_education": ("Giáo dục phổ thông", "Trình độ văn hóa", "Văn hóa", "GDPT"),
    "qualification_code": (
        "Trình độ chuyên môn",
        "Trình độ",
        "Chuyên môn",
        "Trình độ CMNV",
        "Trình độ chuyên môn nghiệp vụ",
    ),
    "major": ("Chuyên ngành", "Ngành đào tạo"),
    "theory_code": ("Lý luận chính trị", "LLCT", "Trình độ lý luận chính trị", "Chính trị"),
    "state_management_code": ("Quản lý nhà nước", "QLNN"),
    "foreign_language": ("Ngoại ngữ",),
    "it_level": ("Tin học",),
    "occupation_code": ("Nghề nghiệp", "Nghề nghiệp hiện nay"),
    "occupation_before_code": ("Nghề nghiệp khi vào Đảng",),
    "workplace": ("Nơi làm việc", "Đơn vị công tác", "Cơ quan công tác"),
    "job_title": ("Chức vụ", "Chức vụ chính quyền", "Chức vụ đoàn thể"),
    "party_position": ("Chức vụ Đảng", "Chức vụ trong Đảng"),
    "youth_union_date": ("Ngày vào Đoàn",),
    "decision_date": ("Ngày quyết định kết nạp", "Ngày ký quyết định", "Ngày quyết định"),
    "decision_no": ("Số quyết định kết nạp", "Số quyết định"),
    "ceremony_date": ("Ngày vào Đảng", "Ngày kết nạp", "Ngày kết nạp Đảng", "Vào Đảng"),
    "official_date": ("Ngày chính thức", "Ngày công nhận chính thức", "Chính thức"),
    "joined_on": ("Ngày sinh hoạt tại chi bộ", "Ngày chuyển đến"),
    "notes": ("Ghi chú",),
}

#: Fields that hold dates.
DATE_FIELDS = frozenset(
    {
        "birth_date",
        "youth_union_date",
        "decision_date",
        "ceremony_date",
        "official_date",
        "joined_on",
    }
)

#: Recognized but never imported.
IGNORED = frozenset({"row_no"})

#: A short label per field, for mapping combos and messages.
FIELD_LABELS: dict[str, str] = {name: headers[0] for name, headers in FIELD_HEADERS.items()}

#: The columns of the template workbook, in order.
TEMPLATE_FIELDS: tuple[str, ...] = (
    "row_no",
    "full_name",
    "sex",
    "birth_date",
    "cccd",
    "ethnicity_code",
    "religion_code",
    "hometown",
    "branch",
    "ceremony_date",
    "official_date",
    "card_no",
    "biography_no",
    "general_education",
    "qualification_code",
    "theory_code",
    "occupation_code",
    "notes",
)

#: The example row of the template (dates as dd/mm/yyyy text are accepted too).
TEMPLATE_EXAMPLE: dict[str, object] = {
    "row_no": 1,
    "full_name": "Nguyễn Văn An",
    "sex": "Nam",
    "birth_date": "15/03/1985",
    "cccd": "068085000123",
    "ethnicity_code": "Kinh",
    "religion_code": "Không",
    "hometown": "Xã Đam Rông, tỉnh Lâm Đồng",
    "branch": "Chi bộ Giáo viên",
    "ceremony_date": "19/05/2010",
    "official_date": "19/05/2011",
    "card_no": "",
    "biography_no": "",
    "general_education": "12/12",
    "qualification_code": "Đại học",
    "theory_code": "Trung cấp",
    "occupation_code": "Viên chức",
    "notes": "",
}

_PUNCT = re.compile(r"[^0-9a-z/ ]+")


def fold_header(text: object) -> str:
    """A header cell folded for comparison: no marks, lowercase, no punctuation."""
    if text is None:
        return ""
    folded = fold(str(text))
    # "(1)", "Họ và tên:", "Số CCCD (12 số)": the parenthesis is a hint, not the name.
    folded = re.sub(r"\(.*?\)", " ", folded)
    return " ".join(_PUNCT.sub(" ", folded).split())


_INDEX: dict[str, str] = {
    fold_header(header): name for name, headers in FIELD_HEADERS.items() for header in headers
}


def match_header(text: object) -> str | None:
    """The field a header cell names, or None when it is not recognized."""
    key = fold_header(text)
    if not key:
        return None
    found = _INDEX.get(key)
    if found is None and "/" in key:
        found = _INDEX.get(key.replace("/", " "))
    return found
