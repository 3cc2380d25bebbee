"""The organization tree: organizations, their dated parents, committees and ratings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, RecordMixin


class Organization(RecordMixin, Base):
    """A party organization (tổ chức đảng) at any level of the tree.

    `parent_id` is the current parent, kept for fast tree queries; the dated truth is in
    `OrganizationParent`, so "where did this branch sit on 1/1/2024?" stays answerable
    after merges and re-parenting.
    """

    __tablename__ = "organization"
    __table_args__ = (Index("ix_organization_parent_id", "parent_id"),)

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    name_fold: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(30))
    type_code: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    admin_unit_code: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(Text, default="")
    founded_on: Mapped[date | None] = mapped_column(Date)
    founding_decision: Mapped[str] = mapped_column(String(100), default="")
    dissolved_on: Mapped[date | None] = mapped_column(Date)
    dissolution_decision: Mapped[str] = mapped_column(String(100), default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    notes: Mapped[str] = mapped_column(Text, default="")


class OrganizationParent(RecordMixin, Base):
    """The parent of an organization over a period [valid_from, valid_to)."""

    __tablename__ = "organization_parent"
    __table_args__ = (Index("ix_organization_parent_org", "organization_id", "valid_from"),)

    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class CommitteeMember(RecordMixin, Base):
    """A seat on an organization's committee (cấp ủy) for a term."""

    __tablename__ = "committee_member"
    __table_args__ = (Index("ix_committee_member_org", "organization_id"),)

    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    post_code: Mapped[str] = mapped_column(String(40))
    term: Mapped[str] = mapped_column(String(20))
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(100), default="")


class OrganizationRating(RecordMixin, Base):
    """The quality rating of an organization for a year (or term, quarter)."""

    __tablename__ = "organization_rating"
    __table_args__ = (UniqueConstraint("organization_id", "period"),)

    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    period: Mapped[str] = mapped_column(String(20))
    level_code: Mapped[str] = mapped_column(String(40))
    points: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date | None] = mapped_column(Date)
