"""Labels of stored codes (statuses, events, kinds, sex) in the language of the GUI.

The Vietnamese labels live in `partydesk.codes` for documents and the CLI; the GUI shows
them through Qt's translator so English mode translates table cells too. The literals
are repeated here because lupdate only collects literal strings;
`tests/ui/test_i18n.py` checks they stay equal to the labels in `codes`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

_CONTEXT = "CodeLabels"
_lookup = QCoreApplication.translate

_STATUS: dict[str, object] = {
    "candidate": QT_TRANSLATE_NOOP("CodeLabels", "Quần chúng ưu tú"),
    "probationary": QT_TRANSLATE_NOOP("CodeLabels", "Đảng viên dự bị"),
    "official": QT_TRANSLATE_NOOP("CodeLabels", "Đảng viên chính thức"),
    "exempted": QT_TRANSLATE_NOOP("CodeLabels", "Miễn công tác và sinh hoạt"),
    "transferred_out": QT_TRANSLATE_NOOP("CodeLabels", "Đã chuyển đi"),
    "left": QT_TRANSLATE_NOOP("CodeLabels", "Đã ra khỏi Đảng"),
    "deceased": QT_TRANSLATE_NOOP("CodeLabels", "Đã từ trần"),
}

_EVENT: dict[str, object] = {
    "candidate_registered": QT_TRANSLATE_NOOP("CodeLabels", "Quần chúng ưu tú được theo dõi"),
    "course_completed": QT_TRANSLATE_NOOP(
        "CodeLabels", "Hoàn thành lớp bồi dưỡng nhận thức về Đảng"
    ),
    "application": QT_TRANSLATE_NOOP("CodeLabels", "Đơn xin vào Đảng"),
    "biography_verified": QT_TRANSLATE_NOOP("CodeLabels", "Thẩm tra lý lịch"),
    "branch_resolution": QT_TRANSLATE_NOOP("CodeLabels", "Nghị quyết chi bộ đề nghị kết nạp"),
    "grassroots_resolution": QT_TRANSLATE_NOOP("CodeLabels", "Nghị quyết đảng ủy cơ sở"),
    "admission_decision": QT_TRANSLATE_NOOP("CodeLabels", "Quyết định kết nạp"),
    "ceremony": QT_TRANSLATE_NOOP("CodeLabels", "Lễ kết nạp"),
    "recognition_branch_resolution": QT_TRANSLATE_NOOP(
        "CodeLabels", "Nghị quyết chi bộ đề nghị công nhận chính thức"
    ),
    "recognition": QT_TRANSLATE_NOOP("CodeLabels", "Công nhận đảng viên chính thức"),
    "recognition_failed": QT_TRANSLATE_NOOP("CodeLabels", "Xóa tên khỏi danh sách đảng viên dự bị"),
    "transfer_out": QT_TRANSLATE_NOOP("CodeLabels", "Chuyển sinh hoạt đảng chính thức đi"),
    "transfer_in": QT_TRANSLATE_NOOP("CodeLabels", "Chuyển sinh hoạt đảng chính thức đến"),
    "internal_move": QT_TRANSLATE_NOOP("CodeLabels", "Chuyển sinh hoạt nội bộ"),
    "temporary_out": QT_TRANSLATE_NOOP("CodeLabels", "Chuyển sinh hoạt tạm thời đi"),
    "temporary_return": QT_TRANSLATE_NOOP("CodeLabels", "Trở về sau sinh hoạt tạm thời"),
    "exemption_start": QT_TRANSLATE_NOOP("CodeLabels", "Miễn công tác và sinh hoạt đảng"),
    "exemption_end": QT_TRANSLATE_NOOP("CodeLabels", "Thôi miễn công tác và sinh hoạt đảng"),
    "expelled": QT_TRANSLATE_NOOP("CodeLabels", "Khai trừ"),
    "struck_off": QT_TRANSLATE_NOOP("CodeLabels", "Xóa tên"),
    "asked_to_leave": QT_TRANSLATE_NOOP("CodeLabels", "Xin ra khỏi Đảng"),
    "out_of_contact": QT_TRANSLATE_NOOP("CodeLabels", "Mất liên lạc"),
    "contact_restored": QT_TRANSLATE_NOOP("CodeLabels", "Liên lạc lại"),
    "exonerated": QT_TRANSLATE_NOOP("CodeLabels", "Minh oan, khôi phục đảng tịch"),
    "died": QT_TRANSLATE_NOOP("CodeLabels", "Từ trần"),
    "rating": QT_TRANSLATE_NOOP("CodeLabels", "Đánh giá, xếp loại chất lượng"),
    "badge": QT_TRANSLATE_NOOP("CodeLabels", "Tặng Huy hiệu Đảng"),
    "award": QT_TRANSLATE_NOOP("CodeLabels", "Khen thưởng"),
    "discipline_review": QT_TRANSLATE_NOOP("CodeLabels", "Đang xem xét, thi hành kỷ luật"),
    "discipline_review_closed": QT_TRANSLATE_NOOP("CodeLabels", "Kết thúc xem xét kỷ luật"),
    "discipline": QT_TRANSLATE_NOOP("CodeLabels", "Kỷ luật"),
    "card_issued": QT_TRANSLATE_NOOP("CodeLabels", "Phát thẻ đảng viên"),
    "correction": QT_TRANSLATE_NOOP("CodeLabels", "Đính chính"),
}

_ORG_KIND: dict[str, object] = {
    "tinh": QT_TRANSLATE_NOOP("CodeLabels", "Đảng bộ tỉnh"),
    "huyen": QT_TRANSLATE_NOOP("CodeLabels", "Đảng bộ huyện"),
    "xa_phuong": QT_TRANSLATE_NOOP("CodeLabels", "Đảng bộ xã, phường, đặc khu"),
    "cap_tren_co_so": QT_TRANSLATE_NOOP("CodeLabels", "Đảng bộ cấp trên cơ sở"),
    "dang_bo_co_so": QT_TRANSLATE_NOOP("CodeLabels", "Đảng bộ cơ sở"),
    "chi_bo_co_so": QT_TRANSLATE_NOOP("CodeLabels", "Chi bộ cơ sở"),
    "dang_bo_bo_phan": QT_TRANSLATE_NOOP("CodeLabels", "Đảng bộ bộ phận"),
    "chi_bo": QT_TRANSLATE_NOOP("CodeLabels", "Chi bộ trực thuộc"),
    "to_dang": QT_TRANSLATE_NOOP("CodeLabels", "Tổ đảng"),
}

_TRANSFER_STATUS: dict[str, object] = {
    "in_transit": QT_TRANSLATE_NOOP("CodeLabels", "Đang chuyển"),
    "received": QT_TRANSLATE_NOOP("CodeLabels", "Đã tiếp nhận"),
    "returned": QT_TRANSLATE_NOOP("CodeLabels", "Đã trở về"),
    "cancelled": QT_TRANSLATE_NOOP("CodeLabels", "Đã hủy"),
}

_DUE_GROUP: dict[str, object] = {
    "admission": QT_TRANSLATE_NOOP("CodeLabels", "Kết nạp đảng viên"),
    "recognition": QT_TRANSLATE_NOOP("CodeLabels", "Công nhận đảng viên chính thức"),
    "transfer": QT_TRANSLATE_NOOP("CodeLabels", "Chuyển sinh hoạt đảng"),
    "exemption": QT_TRANSLATE_NOOP("CodeLabels", "Miễn công tác và sinh hoạt đảng"),
    "dues": QT_TRANSLATE_NOOP("CodeLabels", "Đảng phí"),
    "badge": QT_TRANSLATE_NOOP("CodeLabels", "Huy hiệu Đảng"),
    "rating": QT_TRANSLATE_NOOP("CodeLabels", "Đánh giá, xếp loại"),
    "cadre_term": QT_TRANSLATE_NOOP("CodeLabels", "Nhiệm kỳ bổ nhiệm"),
    "retirement": QT_TRANSLATE_NOOP("CodeLabels", "Nghỉ hưu"),
    "salary_step": QT_TRANSLATE_NOOP("CodeLabels", "Nâng bậc lương"),
}

_SEX: dict[str, object] = {
    "nam": QT_TRANSLATE_NOOP("CodeLabels", "Nam"),
    "nữ": QT_TRANSLATE_NOOP("CodeLabels", "Nữ"),
}


def _translated(table: dict[str, object], code: str | None) -> str:
    # QT_TRANSLATE_NOOP is typed as returning object; it returns the literal unchanged.
    if not code:
        return ""
    label = table.get(code)
    # Looked up at run time: the literals were collected from the QT_TRANSLATE_NOOP marks.
    return _lookup(_CONTEXT, str(label)) if label is not None else code


def status_label(code: str | None) -> str:
    """A member status (MemberStatus value) as the GUI shows it."""
    return _translated(_STATUS, code)


def event_label(code: str | None) -> str:
    """An event kind (EventKind value)."""
    return _translated(_EVENT, code)


def org_kind_label(code: str | None) -> str:
    """An organization level (OrgKind value)."""
    return _translated(_ORG_KIND, code)


def transfer_status_label(code: str | None) -> str:
    """A transfer status (TransferStatus value)."""
    return _translated(_TRANSFER_STATUS, code)


def due_group_label(code: str | None) -> str:
    """A heading of the "Việc cần làm" list (a key of services.due.DUE_GROUPS)."""
    return _translated(_DUE_GROUP, code)


def sex_label(code: str | None) -> str:
    """The stored sex ("nam"/"nữ") as Nam/Nữ, or Male/Female in English."""
    return _translated(_SEX, code)


def days_left_text(days_left: int) -> str:
    """Days left as «còn 5 ngày», «hôm nay» or «quá hạn 3 ngày», in the GUI's language."""
    if days_left < 0:
        text = QCoreApplication.translate("CodeLabels", "quá hạn {n} ngày")
        return text.replace("{n}", count_text(-days_left))
    if days_left == 0:
        return QCoreApplication.translate("CodeLabels", "hôm nay")
    return QCoreApplication.translate("CodeLabels", "còn {n} ngày").replace(
        "{n}", count_text(days_left)
    )


def count_text(number: int) -> str:
    """A count with the thousands separator of the GUI's locale (1.234 or 1,234).

    Before a language is installed (tests, the first-start dialog) the default locale is
    C, which omits grouping: Vietnamese grouping is used then.
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return locale.toString(number)


def all_tables() -> dict[str, dict[str, object]]:
    """Every code table, for the test that keeps them equal to `partydesk.codes`."""
    return {
        "status": _STATUS,
        "event": _EVENT,
        "org_kind": _ORG_KIND,
        "transfer_status": _TRANSFER_STATUS,
        "due_group": _DUE_GROUP,
        "sex": _SEX,
    }
