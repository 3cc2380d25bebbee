"""The audit log: every write records when, who, what, and the values before and after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.db.base import Base, utcnow


class AuditEntry(Base):
    """One changed record (or one bulk operation) within one transaction."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record_uuid", "record_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(100))
    table_name: Mapped[str] = mapped_column(String(60))
    record_uuid: Mapped[str | None] = mapped_column(String(36))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    transaction_uuid: Mapped[str] = mapped_column(String(36), index=True)
