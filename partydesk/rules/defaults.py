"""The rule parameters partydesk ships, each with its source and effective date."""

from __future__ import annotations

from datetime import date

from partydesk.rules.ruletable import RuleParameter, RuleValue

__all__ = ["DEFAULT_RULES"]

# Sources, cited by short name below.
_CHARTER = "Điều lệ Đảng 2011"
_QD29 = "Quy định 29-QĐ/TW 2016 thi hành Điều lệ Đảng"
_QD24 = "Quy định 24-QĐ/TW 2021 thi hành Điều lệ Đảng"
_QD232 = "Quy định 232-QĐ/TW 2025 thi hành Điều lệ Đảng"
_HD01 = "Hướng dẫn 01-HD/TW 2021 một số vấn đề cụ thể thi hành Điều lệ Đảng"
_HD12 = "Hướng dẫn 12-HD/BTCTW 2022 nghiệp vụ công tác đảng viên"
_DUES = "Quy định 01-QĐ/TW 2026 của Bộ Chính trị về chế độ đảng phí"
_ND135 = "Nghị định 135/2020/NĐ-CP, điều 4 khoản 1 và phụ lục I"

# Dates the texts took effect (all on signing).
_CHARTER_2011 = date(2011, 1, 19)  # adopted by the 11th Congress
_QD29_DATE = date(2016, 7, 25)
_HD09_DATE = date(2017, 6, 5)  # Hướng dẫn 09-HD/BTCTW 2017, replaced by 12-HD/BTCTW 2022
_QD24_DATE = date(2021, 7, 30)
_HD12_DATE = date(2022, 1, 18)
_DUES_DATE = date(2026, 2, 3)
_LONG_STANDING = date(2000, 1, 1)
_LONG_NOTE = (
    "Quy định lâu đời; 01/01/2000 là mốc quy ước của partydesk, không phải ngày văn bản"
    " có hiệu lực."
)
_KEPT = "Giữ nguyên ở Quy định 24-QĐ/TW 2021 và Quy định 232-QĐ/TW 2025."


def _p(
    key: str,
    valid_from: date,
    value: RuleValue,
    source: str,
    note: str = "",
    *,
    uncertain: bool = False,
) -> RuleParameter:
    return RuleParameter(key, valid_from, value, source, note, uncertain=uncertain)


def _retirement(
    key: str, *, base: int, start: int, step: int, last_year: int, cap: int
) -> list[RuleParameter]:
    # Nghị định 135/2020/NĐ-CP điều 4 khoản 1: from 2021 the age rises by `step` months a
    # year up to `cap`. Before 2021 it was 60 and 55 years, since the first social
    # insurance rules: retired cadres born in the 1900s must still get a date.
    params = [
        _p(
            key,
            date(1961, 12, 27),
            base,
            "Nghị định 218-CP 1961 (Điều lệ tạm thời về bảo hiểm xã hội); Bộ luật Lao động"
            " 1994 điều 145; Bộ luật Lao động 2012 điều 187",
            "60 tuổi với nam, 55 tuổi với nữ cho đến hết năm 2020. Ngày hiệu lực 1961 chưa"
            " đối chiếu với văn bản gốc.",
        ),
    ]
    for year in range(2021, last_year + 1):
        months = min(start + step * (year - 2021), cap)
        params.append(
            _p(key, date(year, 1, 1), months, _ND135, f"{months // 12} tuổi {months % 12} tháng")
        )
    return params


DEFAULT_RULES: tuple[RuleParameter, ...] = (
    # --- admission (kết nạp) ----------------------------------------------------------
    _p(
        "admission.min_age_months",
        _LONG_STANDING,
        216,
        f"{_CHARTER}, điều 1 khoản 2; {_QD232}, điểm 1.1",
        "Đủ 18 tuổi tính theo tháng, tại thời điểm chi bộ xét kết nạp. " + _LONG_NOTE,
    ),
    _p(
        "admission.max_age_months",
        _LONG_STANDING,
        720,
        f"{_QD232}, điểm 1.1",
        "Đủ 60 tuổi tính theo tháng; trên 60 tuổi do cấp ủy trực thuộc Trung ương quyết định. "
        + _LONG_NOTE,
    ),
    _p(
        "admission.course_certificate_valid_years",
        _HD12_DATE,
        5,
        f"{_HD12} (giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng)",
        "Thời hạn giá trị chưa đối chiếu được với văn bản gốc.",
        uncertain=True,
    ),
    _p(
        "admission.introducer_min_months",
        _CHARTER_2011,
        12,
        f"{_CHARTER}, điều 4 khoản 1",
        "Người giới thiệu là đảng viên chính thức, cùng công tác với người vào Đảng ít nhất"
        " một năm.",
    ),
    _p(
        "admission.decision_working_days",
        _QD29_DATE,
        60,
        f"{_QD232}, điểm 4.3.1",
        "Tính từ ngày chi bộ có nghị quyết đề nghị kết nạp. Có từ " + _QD29 + ". " + _KEPT,
    ),
    _p(
        "admission.decision_extension_working_days",
        _QD29_DATE,
        30,
        f"{_QD232}, điểm 4.3.1",
        "Trường hợp đặc biệt gia hạn tối đa 30 ngày làm việc. " + _KEPT,
    ),
    _p(
        "admission.ceremony_working_days",
        _QD29_DATE,
        30,
        f"{_QD232}, điểm 4.1",
        "Tính từ ngày chi bộ nhận được quyết định kết nạp; quá hạn phải được cấp ủy cấp trên"
        " trực tiếp đồng ý. " + _KEPT,
    ),
    # --- probation and recognition ------------------------------------------------------
    _p(
        "probation.months",
        date(1930, 2, 3),
        12,
        "Điều lệ Đảng các khóa trước 2011",
        "Dùng cho hồ sơ cũ; thời gian dự bị theo các Điều lệ trước đây chưa được đối chiếu"
        " (có thời kỳ khác nhau theo thành phần xã hội).",
        uncertain=True,
    ),
    _p(
        "probation.months",
        _CHARTER_2011,
        12,
        f"{_CHARTER}, điều 5 khoản 1",
        "Mười hai tháng tính từ ngày chi bộ tổ chức lễ kết nạp.",
    ),
    _p(
        "recognition.consider_working_days",
        _QD29_DATE,
        30,
        f"{_QD232}, điểm 4.2",
        "Chi bộ xét trong 30 ngày làm việc kể từ ngày hết 12 tháng dự bị; công nhận đúng"
        " thời điểm hết dự bị dù chi bộ họp chậm. " + _KEPT,
    ),
    _p(
        "recognition.decision_working_days",
        _QD29_DATE,
        30,
        f"{_QD232}, điểm 4.3.1",
        "Tính từ ngày chi bộ có nghị quyết đề nghị công nhận chính thức. " + _KEPT,
    ),
    # --- transfer of party activity ----------------------------------------------------
    _p(
        "transfer.request_working_days",
        _QD29_DATE,
        60,
        f"{_QD232} (thi hành Điều 6 Điều lệ Đảng); {_HD12}",
        "Tính từ ngày quyết định (chuyển công tác, nghỉ hưu, đi học…) có hiệu lực. " + _KEPT,
    ),
    _p(
        "transfer.presentation_days",
        _HD09_DATE,
        30,
        f"{_HD12}, mục giới thiệu sinh hoạt đảng",
        "30 ngày (ngày lịch) kể từ ngày ghi trên giấy giới thiệu; có từ Hướng dẫn"
        " 09-HD/BTCTW 2017.",
    ),
    _p(
        "transfer.temporary_min_months",
        _QD29_DATE,
        3,
        f"{_QD232} (thi hành Điều 6 Điều lệ Đảng)",
        "Chuyển sinh hoạt tạm thời khi vắng từ 3 tháng. " + _KEPT,
    ),
    _p(
        "transfer.temporary_work_max_months",
        _QD29_DATE,
        12,
        f"{_QD232} (thi hành Điều 6 Điều lệ Đảng)",
        "Công tác, cư trú từ 3 tháng đến dưới 1 năm. " + _KEPT,
    ),
    _p(
        "transfer.temporary_study_max_months",
        _QD29_DATE,
        24,
        f"{_QD232} (thi hành Điều 6 Điều lệ Đảng)",
        "Đi học tập trung trong nước từ 3 tháng đến 2 năm. " + _KEPT,
    ),
    # --- readmission -------------------------------------------------------------------
    _p(
        "readmission.min_months",
        _QD29_DATE,
        36,
        f"{_QD232}, điểm 3.5.1",
        "Ít nhất 36 tháng kể từ khi ra khỏi Đảng (60 tháng sau khi xóa án tích với án hình"
        " sự ít nghiêm trọng); chỉ kết nạp lại một lần. " + _KEPT,
    ),
    # --- party badges ------------------------------------------------------------------
    _p(
        "badge.thresholds",
        _QD24_DATE,
        [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
        f"{_QD24}, điểm 27; {_HD01}, mục 18",
        "Các mốc trước đây khác (có Huy hiệu 35 năm). Giữ nguyên ở " + _QD232 + ".",
    ),
    _p(
        "badge.occasions",
        _LONG_STANDING,
        [[2, 3], [5, 19], [9, 2], [11, 7]],
        f"{_HD01}, mục 18",
        "(tháng, ngày): 3/2, 19/5, 2/9, 7/11. " + _LONG_NOTE,
    ),
    _p(
        "badge.early_months_upto_65",
        _QD29_DATE,
        12,
        f"{_QD29}; {_QD24}, điểm 27",
        "Đảng viên bị bệnh nặng được xét tặng sớm không quá 12 tháng (Huy hiệu 30–65 năm).",
    ),
    _p(
        "badge.early_months_from_70",
        _QD29_DATE,
        12,
        _QD29,
        "Trước Quy định 24-QĐ/TW 2021 mọi mốc chỉ được xét sớm tối đa một năm.",
    ),
    _p(
        "badge.early_months_from_70",
        _QD24_DATE,
        24,
        f"{_QD24}, điểm 27; {_HD01}, mục 18",
        "Huy hiệu 70–90 năm: sớm không quá 24 tháng. Chưa đối chiếu văn bản hướng dẫn"
        " " + _QD232 + ".",
        uncertain=True,
    ),
    # --- quality rating ----------------------------------------------------------------
    _p(
        "rating.excellent_min_points",
        date(2023, 10, 4),
        90,
        "Quy định 124-QĐ/TW 2023; khung điểm theo hướng dẫn của cấp ủy",
        "Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm (thang 100).",
    ),
    _p(
        "rating.good_min_points",
        date(2023, 10, 4),
        70,
        "Quy định 124-QĐ/TW 2023; khung điểm theo hướng dẫn của cấp ủy",
        "Hoàn thành tốt nhiệm vụ: từ 70 đến dưới 90 điểm.",
    ),
    _p(
        "rating.pass_min_points",
        date(2023, 10, 4),
        50,
        "Quy định 124-QĐ/TW 2023; khung điểm theo hướng dẫn của cấp ủy",
        "Hoàn thành nhiệm vụ: từ 50 đến dưới 70 điểm; dưới 50 là không hoàn thành (chưa xác minh).",
        uncertain=True,
    ),
    _p(
        "rating.excellent_share_of_good_max",
        date(2023, 10, 4),
        0.20,
        "Quy định 124-QĐ/TW 2023",
        "Số xếp loại xuất sắc không quá 20% số hoàn thành tốt; chưa xác minh theo quy định"
        " 2025. Chỉ cảnh báo, không chặn.",
        uncertain=True,
    ),
    # --- dues (đảng phí) ---------------------------------------------------------------
    _p(
        "dues.rate_salary",
        _DUES_DATE,
        0.01,
        _DUES,
        "1% tiền lương làm căn cứ đóng BHXH bắt buộc của tháng trước liền kề.",
    ),
    _p(
        "dues.rate_sick_maternity",
        _DUES_DATE,
        0.01,
        _DUES,
        "1% trợ cấp ốm đau, thai sản do cơ quan BHXH chi trả.",
    ),
    _p("dues.rate_pension", _DUES_DATE, 0.005, _DUES, "0,5% mức lương hưu."),
    _p("dues.student_monthly", _DUES_DATE, 5000, _DUES, "Học sinh, sinh viên: 5.000 đ/tháng."),
    _p(
        "dues.other_groups_monthly",
        _DUES_DATE,
        {},
        _DUES,
        "Mức cố định cho các nhóm khác (đồng/tháng theo nhóm): chưa xác minh, quản trị viên"
        " nhập theo văn bản.",
        uncertain=True,
    ),
    _p(
        "dues.unpaid_months_strike_off",
        _CHARTER_2011,
        3,
        f"{_CHARTER}, điều 8 khoản 2; {_DUES}, điều 2 khoản 1",
        "Không đóng đảng phí ba tháng trong năm không có lý do chính đáng: chi bộ đề nghị xóa tên.",
    ),
    # --- cadres ------------------------------------------------------------------------
    _p(
        "cadre.term_years",
        _LONG_STANDING,
        5,
        "Nghị định 138/2020/NĐ-CP, điều 41 khoản 1",
        "Mỗi lần bổ nhiệm 05 năm từ ngày quyết định có hiệu lực (trước đó Quyết định"
        " 27/2003/QĐ-TTg). " + _LONG_NOTE,
    ),
    _p(
        "cadre.reappointment_notice_working_days",
        date(2022, 8, 18),
        90,
        "Quy định 80-QĐ/TW 2022",
        "Chậm nhất 90 ngày làm việc trước ngày hết thời hạn bổ nhiệm, cấp có thẩm quyền"
        " thông báo để chuẩn bị bổ nhiệm lại.",
    ),
    _p(
        "cadre.reappointment_notice_working_days",
        date(2025, 10, 8),
        90,
        "Quy định 377-QĐ/TW 2025",
        "Thay Quy định 80-QĐ/TW 2022, giữ thời hạn 90 ngày làm việc.",
    ),
    _p(
        "cadre.retirement_list_months_min",
        _LONG_STANDING,
        6,
        "Thực tiễn lập danh sách; Nghị định 135/2020/NĐ-CP (thông báo trước 6 tháng)",
        "Điều khoản thông báo chưa đối chiếu. " + _LONG_NOTE,
        uncertain=True,
    ),
    _p(
        "cadre.retirement_list_months_max",
        _LONG_STANDING,
        24,
        "Thực tiễn quy hoạch cán bộ",
        "Tầm nhìn danh sách cán bộ sắp nghỉ hưu phục vụ quy hoạch. " + _LONG_NOTE,
        uncertain=True,
    ),
    _p(
        "planning.max_people_per_post",
        date(2021, 12, 27),
        3,
        "Quy định 50-QĐ/TW 2021 về công tác quy hoạch cán bộ",
        "Mỗi chức danh quy hoạch không quá 3 người.",
    ),
    _p(
        "planning.max_posts_per_person",
        date(2021, 12, 27),
        3,
        "Quy định 50-QĐ/TW 2021 về công tác quy hoạch cán bộ",
        "Mỗi người quy hoạch không quá 3 chức danh.",
    ),
    _p(
        "planning.committee_ratio_min",
        date(2021, 12, 27),
        1.0,
        "Quy định 50-QĐ/TW 2021 về công tác quy hoạch cán bộ",
        "Quy hoạch cấp ủy từ 1 đến 1,5 lần số lượng theo một số cấp: chưa xác minh.",
        uncertain=True,
    ),
    _p(
        "planning.committee_ratio_max",
        date(2021, 12, 27),
        1.5,
        "Quy định 50-QĐ/TW 2021 về công tác quy hoạch cán bộ",
        "Quy hoạch cấp ủy từ 1 đến 1,5 lần số lượng theo một số cấp: chưa xác minh.",
        uncertain=True,
    ),
    _p(
        "salary.step_months_university",
        date(2013, 9, 15),
        36,
        "Thông tư 08/2013/TT-BNV, điều 2",
        "Nâng bậc lương thường xuyên ngạch từ cao đẳng trở lên: đủ 36 tháng; chưa xác minh.",
        uncertain=True,
    ),
    _p(
        "salary.step_months_lower",
        date(2013, 9, 15),
        24,
        "Thông tư 08/2013/TT-BNV, điều 2",
        "Ngạch trung cấp trở xuống: đủ 24 tháng; chưa xác minh.",
        uncertain=True,
    ),
    # --- organizations -----------------------------------------------------------------
    _p(
        "organization.min_official_members",
        _CHARTER_2011,
        3,
        f"{_CHARTER}, điều 21 khoản 1",
        "Từ ba đảng viên chính thức trở lên thì lập tổ chức cơ sở đảng.",
    ),
    _p(
        "organization.branch_threshold_members",
        _CHARTER_2011,
        30,
        f"{_CHARTER}, điều 21 khoản 2",
        "Dưới 30 đảng viên lập chi bộ cơ sở; từ 30 trở lên lập đảng bộ cơ sở.",
    ),
    _p(
        "reconciliation.months",
        _HD12_DATE,
        3,
        _HD12,
        "Đối chiếu danh sách đảng viên với cấp trên, cấp dưới 3 tháng một lần; đoạn văn bản"
        " chưa đối chiếu.",
    ),
    # --- reports ------------------------------------------------------------------------
    _p(
        "report.admission_target",
        _LONG_STANDING,
        0,
        "Nghị quyết đại hội và chương trình công tác năm của cấp ủy",
        "Chỉ tiêu kết nạp đảng viên của năm (0: chưa giao). Mỗi năm cấp ủy giao chỉ tiêu"
        " riêng: thêm một giá trị có hiệu lực từ 01/01 của năm đó trong Bảng quy định. "
        + _LONG_NOTE,
    ),
    # --- retirement age (Nghị định 135/2020/NĐ-CP) --------------------------------------
    *_retirement("retirement.male_months", base=720, start=723, step=3, last_year=2028, cap=744),
    *_retirement("retirement.female_months", base=660, start=664, step=4, last_year=2035, cap=720),
)
