"""Members (đảng viên) and candidates: the record, dated memberships, events and photo."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, RecordMixin

#: The condition of the partial index `ix_member_event_counted`: live events that make a
#: person a counted member (ceremony, recognition, transfer in, exoneration).
COUNTED_EVENT_CONDITION = (
    "deleted_at IS NULL AND kind IN ('ceremony', 'recognition', 'transfer_in', 'exonerated')"
)


class Member(RecordMixin, Base):
    """A person in the member register: biography fields (lý lịch, phiếu đảng viên).

    `status`, `decision_date`, `ceremony_date`, `official_date`, `left_on` and
    `organization_id` are derived from the events and memberships and cached here so
    lists can filter and sort in SQL; the services recompute them on every event.
    """

    __tablename__ = "member"
    __table_args__ = (
        # Lists show live records in list order: a partial index lets deep pages skip
        # tombstones without a table lookup per row (last page of 500k: 721 ms -> 22 ms);
        # id keeps ties in order without a sort, and status rides along so the default
        # "Đang sinh hoạt" filter is answered from the index too (middle page of 500k with
        # that filter: ~450 ms -> ~85 ms).
        Index(
            "ix_member_name_sort_key_status_live",
            "name_sort_key",
            "id",
            "status",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_member_organization_status", "organization_id", "status"),
        Index("ix_member_status", "status"),
        Index("ix_member_birth_date", "birth_date"),
        # Keys must be unique among live records; empty keys are NULL, not "".
        Index(
            "uq_member_cccd_live",
            "cccd",
            unique=True,
            sqlite_where=text("cccd IS NOT NULL AND deleted_at IS NULL"),
            postgresql_where=text("cccd IS NOT NULL AND deleted_at IS NULL"),
        ),
        Index("ix_member_card_no", "card_no"),
        Index("ix_member_biography_no", "biography_no"),
        # The statistics group live members by these fields: a narrow copy of them keeps
        # a report at 500k members from reading the whole wide table (services/statistics).
        Index(
            "ix_member_statistics",
            "id",
            "sex",
            "birth_date",
            "ethnicity_code",
            "religion_code",
            "general_education",
            "qualification_code",
            "theory_code",
            "occupation_code",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    # Identity
    full_name: Mapped[str] = mapped_column(String(200))
    other_names: Mapped[str] = mapped_column(String(200), default="")
    # Folded copies for diacritic-free search; the FTS5 index reads them through triggers
    # (folding happens in Python: SQLite's remove_diacritics leaves đ alone).
    name_fold: Mapped[str] = mapped_column(String(200), default="")
    other_names_fold: Mapped[str] = mapped_column(String(200), default="")
    name_sort_key: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    sex: Mapped[str] = mapped_column(String(5))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_year_only: Mapped[bool] = mapped_column(Boolean, default=False)
    birthplace: Mapped[str] = mapped_column(Text, default="")
    birthplace_old: Mapped[str] = mapped_column(Text, default="")
    hometown: Mapped[str] = mapped_column(Text, default="")
    hometown_old: Mapped[str] = mapped_column(Text, default="")
    permanent_address: Mapped[str] = mapped_column(Text, default="")
    temporary_address: Mapped[str] = mapped_column(Text, default="")
    cccd: Mapped[str | None] = mapped_column(String(12))
    biography_no: Mapped[str | None] = mapped_column(String(20))
    card_no: Mapped[str | None] = mapped_column(String(20))
    badge_no: Mapped[str | None] = mapped_column(String(20))
    ethnicity_code: Mapped[str] = mapped_column(String(10), default="01")
    religion_code: Mapped[str] = mapped_column(String(10), default="00")
    # Education and qualifications
    general_education: Mapped[str] = mapped_column(String(10), default="")
    qualification_code: Mapped[str | None] = mapped_column(String(40))
    major: Mapped[str] = mapped_column(String(200), default="")
    academic_title_code: Mapped[str | None] = mapped_column(String(40))
    theory_code: Mapped[str | None] = mapped_column(String(40))
    state_management_code: Mapped[str | None] = mapped_column(String(40))
    foreign_language: Mapped[str] = mapped_column(String(100), default="")
    it_level: Mapped[str] = mapped_column(String(100), default="")
    # Work
    occupation_before_code: Mapped[str | None] = mapped_column(String(40))
    occupation_code: Mapped[str | None] = mapped_column(String(40))
    workplace: Mapped[str] = mapped_column(Text, default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    party_position: Mapped[str] = mapped_column(String(200), default="")
    # Party record
    youth_union_date: Mapped[date | None] = mapped_column(Date)
    introducers: Mapped[str] = mapped_column(Text, default="")
    family: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    branch_list_no: Mapped[int | None] = mapped_column(Integer)
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    ceremony_date: Mapped[date | None] = mapped_column(Date)
    official_date: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    # Dues (đảng phí): the member's category (catalogue `dues_category`) and the monthly
    # base in đồng (salary, benefit or pension) that percentage rates apply to.
    dues_category_code: Mapped[str | None] = mapped_column(String(40))
    dues_basis: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class Membership(RecordMixin, Base):
    """The organization a member has activity in over [valid_from, valid_to).

    Periods of one member never overlap (a member is in one organization at a time;
    temporary activity elsewhere is an event, the member stays counted at home).
    """

    __tablename__ = "membership"
    __table_args__ = (
        Index("ix_membership_member", "member_id", "valid_from"),
        Index("ix_membership_org", "organization_id", "valid_from"),
        # Covering index of "where was each member on day D" (services/statistics).
        Index(
            "ix_membership_period",
            "member_id",
            "valid_from",
            "valid_to",
            "organization_id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(40), default="")


class MemberEvent(RecordMixin, Base):
    """A dated event in a member's history (admission, transfer, leaving, rating…)."""

    __tablename__ = "member_event"
    __table_args__ = (
        Index("ix_member_event_member", "member_id", "on_date"),
        Index("ix_member_event_kind_date", "kind", "on_date"),
        # The events that make a member, for "first counted on" per member in one ordered
        # pass (services/statistics_queries.COUNTED_EVENT_CONDITION must say the same).
        Index(
            "ix_member_event_counted",
            "member_id",
            "on_date",
            sqlite_where=text(COUNTED_EVENT_CONDITION),
            postgresql_where=text(COUNTED_EVENT_CONDITION),
        ),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[str] = mapped_column(String(40))
    on_date: Mapped[date] = mapped_column(Date)
    # The date the event takes effect when it differs from the day it was decided: a
    # recognition decided late is still official from ceremony + 12 months.
    effective_date: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    counterpart: Mapped[str] = mapped_column(Text, default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(Text, default="")


class MemberPhoto(RecordMixin, Base):
    """The 3×4 photo, apart from the member row so lists never load image bytes."""

    __tablename__ = "member_photo"

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), unique=True)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(30), default="image/jpeg")
