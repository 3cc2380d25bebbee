"""Codes shared by every layer: member statuses, event kinds, organization kinds.

They are `StrEnum`s so they are stored as readable text in the database and in sync
packages. Their Vietnamese labels live here too, because documents, reports and the GUI
all show them the same way.
"""

from __future__ import annotations

from enum import StrEnum


class MemberStatus(StrEnum):
    """Where a person stands in the register (domain.md §3)."""

    CANDIDATE = "candidate"
    PROBATIONARY = "probationary"
    OFFICIAL = "official"
    EXEMPTED = "exempted"
    TRANSFERRED_OUT = "transferred_out"
    LEFT = "left"
    DECEASED = "deceased"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    MemberStatus.CANDIDATE: "Quần chúng ưu tú",
    MemberStatus.PROBATIONARY: "Đảng viên dự bị",
    MemberStatus.OFFICIAL: "Đảng viên chính thức",
    MemberStatus.EXEMPTED: "Miễn công tác và sinh hoạt",
    MemberStatus.TRANSFERRED_OUT: "Đã chuyển đi",
    MemberStatus.LEFT: "Đã ra khỏi Đảng",
    MemberStatus.DECEASED: "Đã từ trần",
}

#: Statuses that count in the office's member total (exempted members still count).
COUNTED_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL, MemberStatus.EXEMPTED)


class EventKind(StrEnum):
    """Dated events in a member's history; status and derived dates come from them."""

    CANDIDATE_REGISTERED = "candidate_registered"
    COURSE_COMPLETED = "course_completed"
    APPLICATION = "application"
    BIOGRAPHY_VERIFIED = "biography_verified"
    BRANCH_RESOLUTION = "branch_resolution"
    GRASSROOTS_RESOLUTION = "grassroots_resolution"
    ADMISSION_DECISION = "admission_decision"
    CEREMONY = "ceremony"
    RECOGNITION_BRANCH_RESOLUTION = "recognition_branch_resolution"
    RECOGNITION = "recognition"
    RECOGNITION_FAILED = "recognition_failed"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    INTERNAL_MOVE = "internal_move"
    TEMPORARY_OUT = "temporary_out"
    TEMPORARY_RETURN = "temporary_return"
    EXEMPTION_START = "exemption_start"
    EXEMPTION_END = "exemption_end"
    EXPELLED = "expelled"
    STRUCK_OFF = "struck_off"
    ASKED_TO_LEAVE = "asked_to_leave"
    OUT_OF_CONTACT = "out_of_contact"
    CONTACT_RESTORED = "contact_restored"
    EXONERATED = "exonerated"
    DIED = "died"
    RATING = "rating"
    BADGE = "badge"
    AWARD = "award"
    DISCIPLINE_REVIEW = "discipline_review"
    DISCIPLINE_REVIEW_CLOSED = "discipline_review_closed"
    DISCIPLINE = "discipline"
    CARD_ISSUED = "card_issued"
    CORRECTION = "correction"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return _EVENT_LABELS[self]


_EVENT_LABELS = {
    EventKind.CANDIDATE_REGISTERED: "Quần chúng ưu tú được theo dõi",
    EventKind.COURSE_COMPLETED: "Hoàn thành lớp bồi dưỡng nhận thức về Đảng",
    EventKind.APPLICATION: "Đơn xin vào Đảng",
    EventKind.BIOGRAPHY_VERIFIED: "Thẩm tra lý lịch",
    EventKind.BRANCH_RESOLUTION: "Nghị quyết chi bộ đề nghị kết nạp",
    EventKind.GRASSROOTS_RESOLUTION: "Nghị quyết đảng ủy cơ sở",
    EventKind.ADMISSION_DECISION: "Quyết định kết nạp",
    EventKind.CEREMONY: "Lễ kết nạp",
    EventKind.RECOGNITION_BRANCH_RESOLUTION: "Nghị quyết chi bộ đề nghị công nhận chính thức",
    EventKind.RECOGNITION: "Công nhận đảng viên chính thức",
    EventKind.RECOGNITION_FAILED: "Xóa tên khỏi danh sách đảng viên dự bị",
    EventKind.TRANSFER_OUT: "Chuyển sinh hoạt đảng chính thức đi",
    EventKind.TRANSFER_IN: "Chuyển sinh hoạt đảng chính thức đến",
    EventKind.INTERNAL_MOVE: "Chuyển sinh hoạt nội bộ",
    EventKind.TEMPORARY_OUT: "Chuyển sinh hoạt tạm thời đi",
    EventKind.TEMPORARY_RETURN: "Trở về sau sinh hoạt tạm thời",
    EventKind.EXEMPTION_START: "Miễn công tác và sinh hoạt đảng",
    EventKind.EXEMPTION_END: "Thôi miễn công tác và sinh hoạt đảng",
    EventKind.EXPELLED: "Khai trừ",
    EventKind.STRUCK_OFF: "Xóa tên",
    EventKind.ASKED_TO_LEAVE: "Xin ra khỏi Đảng",
    EventKind.OUT_OF_CONTACT: "Mất liên lạc",
    EventKind.CONTACT_RESTORED: "Liên lạc lại",
    EventKind.EXONERATED: "Minh oan, khôi phục đảng tịch",
    EventKind.DIED: "Từ trần",
    EventKind.RATING: "Đánh giá, xếp loại chất lượng",
    EventKind.BADGE: "Tặng Huy hiệu Đảng",
    EventKind.AWARD: "Khen thưởng",
    EventKind.DISCIPLINE_REVIEW: "Đang xem xét, thi hành kỷ luật",
    EventKind.DISCIPLINE_REVIEW_CLOSED: "Kết thúc xem xét kỷ luật",
    EventKind.DISCIPLINE: "Kỷ luật",
    EventKind.CARD_ISSUED: "Phát thẻ đảng viên",
    EventKind.CORRECTION: "Đính chính",
}

#: Events that end membership; the period after them until re-admission is a party-age gap.
LEAVING_EVENTS = (
    EventKind.EXPELLED,
    EventKind.STRUCK_OFF,
    EventKind.ASKED_TO_LEAVE,
    EventKind.RECOGNITION_FAILED,
)


class TransferDirection(StrEnum):
    """Which way a transfer goes, seen from this office."""

    OUT = "out"
    IN = "in"
    INTERNAL = "internal"


class TransferStatus(StrEnum):
    """Where a transfer letter stands; "overdue" is computed from `present_by`, not stored."""

    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    RETURNED = "returned"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return _TRANSFER_STATUS_LABELS[self]


_TRANSFER_STATUS_LABELS = {
    TransferStatus.IN_TRANSIT: "Đang chuyển",
    TransferStatus.RECEIVED: "Đã tiếp nhận",
    TransferStatus.RETURNED: "Đã trở về",
    TransferStatus.CANCELLED: "Đã hủy",
}


class IntroducerKind(StrEnum):
    """Who introduces a candidate (Điều lệ Đảng, điều 4)."""

    MEMBER = "member"
    YOUTH_UNION = "youth_union"
    TRADE_UNION = "trade_union"


class OrgKind(StrEnum):
    """Levels of the organization tree (domain.md §2); codes match catalogue `org_kind`."""

    PROVINCE = "tinh"
    DISTRICT = "huyen"
    COMMUNE = "xa_phuong"
    ABOVE_GRASSROOTS = "cap_tren_co_so"
    GRASSROOTS_COMMITTEE = "dang_bo_co_so"
    GRASSROOTS_BRANCH = "chi_bo_co_so"
    PARTIAL_COMMITTEE = "dang_bo_bo_phan"
    BRANCH = "chi_bo"
    CELL = "to_dang"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return _ORG_KIND_LABELS[self]

    @property
    def is_grassroots(self) -> bool:
        """True for tổ chức cơ sở đảng (đảng bộ cơ sở or chi bộ cơ sở)."""
        return self in (OrgKind.GRASSROOTS_COMMITTEE, OrgKind.GRASSROOTS_BRANCH)

    @property
    def holds_members(self) -> bool:
        """True where members have their party activity (a chi bộ of any kind)."""
        return self in (OrgKind.GRASSROOTS_BRANCH, OrgKind.BRANCH, OrgKind.CELL)


_ORG_KIND_LABELS = {
    OrgKind.PROVINCE: "Đảng bộ tỉnh",
    OrgKind.DISTRICT: "Đảng bộ huyện",
    OrgKind.COMMUNE: "Đảng bộ xã, phường, đặc khu",
    OrgKind.ABOVE_GRASSROOTS: "Đảng bộ cấp trên cơ sở",
    OrgKind.GRASSROOTS_COMMITTEE: "Đảng bộ cơ sở",
    OrgKind.GRASSROOTS_BRANCH: "Chi bộ cơ sở",
    OrgKind.PARTIAL_COMMITTEE: "Đảng bộ bộ phận",
    OrgKind.BRANCH: "Chi bộ trực thuộc",
    OrgKind.CELL: "Tổ đảng",
}

#: Which kinds may sit directly under which (loose: reality has exceptions, the tree is data).
ORG_KIND_RANK = {
    OrgKind.PROVINCE: 0,
    OrgKind.DISTRICT: 1,
    OrgKind.COMMUNE: 2,
    OrgKind.ABOVE_GRASSROOTS: 2,
    OrgKind.GRASSROOTS_COMMITTEE: 3,
    OrgKind.GRASSROOTS_BRANCH: 3,
    OrgKind.PARTIAL_COMMITTEE: 4,
    OrgKind.BRANCH: 5,
    OrgKind.CELL: 6,
}


class CadrePostKind(StrEnum):
    """How a cadre came to a post."""

    ELECTION = "election"
    APPOINTMENT = "appointment"
    ROTATION = "rotation"
    SECONDMENT = "secondment"


class CadreStatus(StrEnum):
    """Whether a cadre is still in the register's active list."""

    ACTIVE = "active"
    RETIRED = "retired"
    MOVED = "moved"
    DECEASED = "deceased"
