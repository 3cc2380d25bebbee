"""Due items ("Việc cần làm"): what a clerk must act on, computed, never stored.

Every lifecycle area (admission, recognition, transfers, dues, badges, cadre terms,
retirement, salary steps) contributes a provider `due_items(context) -> list[DueItem]`;
the overview page lists them all, sorted by date and grouped. Deadlines come from the
dated rule table and the office's work calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.models import CalendarDay, Organization
from partydesk.rules import RuleTable, WorkCalendar
from partydesk.services.rule_table import load_rule_table

#: Items are listed from this many days before they fall due (and while overdue).
DUE_HORIZON_DAYS = 60


@dataclass(frozen=True)
class DueItem:
    """Something a clerk must act on before a date.

    `group` names the area (a key of `DUE_GROUPS`); `action` names what the GUI opens on a
    click (e.g. "recognize", "ceremony", "receive_transfer", "dues", "cadre"); the ids say
    on whom.
    """

    member_id: int | None
    full_name: str
    organization_name: str
    what: str
    due: date
    days_left: int
    group: str = "admission"
    action: str = ""
    cadre_id: int | None = None
    transfer_id: int | None = None

    @property
    def overdue(self) -> bool:
        """True once the due date has passed."""
        return self.days_left < 0


#: Group keys and their Vietnamese headings, in the order the overview shows them.
DUE_GROUPS: dict[str, str] = {
    "admission": "Kết nạp đảng viên",
    "recognition": "Công nhận đảng viên chính thức",
    "transfer": "Chuyển sinh hoạt đảng",
    "exemption": "Miễn công tác và sinh hoạt đảng",
    "dues": "Đảng phí",
    "badge": "Huy hiệu Đảng",
    "rating": "Đánh giá, xếp loại",
    "cadre_term": "Nhiệm kỳ bổ nhiệm",
    "retirement": "Nghỉ hưu",
    "salary_step": "Nâng bậc lương",
}


@dataclass
class DueContext:
    """What every provider needs: the session, the rules, the calendar and the window."""

    session: Session
    today: date
    rules: RuleTable
    calendar: WorkCalendar
    horizon: date
    organization_names: dict[int, str] = field(default_factory=dict)

    def item(
        self,
        what: str,
        due: date,
        *,
        full_name: str,
        organization_id: int | None,
        group: str,
        action: str = "",
        member_id: int | None = None,
        cadre_id: int | None = None,
        transfer_id: int | None = None,
    ) -> DueItem:
        """A due item as of `today`, with the organization's name looked up."""
        return DueItem(
            member_id=member_id,
            full_name=full_name,
            organization_name=self.organization_names.get(organization_id or -1, ""),
            what=what,
            due=due,
            days_left=(due - self.today).days,
            group=group,
            action=action,
            cadre_id=cadre_id,
            transfer_id=transfer_id,
        )


DueProvider = Callable[[DueContext], list[DueItem]]


def work_calendar(session: Session) -> WorkCalendar:
    """The office's extra days off and make-up working days."""
    rows = session.execute(
        select(CalendarDay.day, CalendarDay.is_working_day).where(CalendarDay.deleted_at.is_(None))
    ).all()
    return WorkCalendar(
        days_off=frozenset(day for day, working in rows if not working),
        working_days=frozenset(day for day, working in rows if working),
    )


def due_context(session: Session, today: date, horizon_days: int = DUE_HORIZON_DAYS) -> DueContext:
    """A context for the providers as of `today`."""
    return DueContext(
        session=session,
        today=today,
        rules=load_rule_table(session),
        calendar=work_calendar(session),
        horizon=today + timedelta(days=horizon_days),
        organization_names=dict(session.execute(select(Organization.id, Organization.name)).all()),
    )


def collect(context: DueContext, providers: list[DueProvider]) -> list[DueItem]:
    """Every provider's items, sorted by date then name."""
    items: list[DueItem] = []
    for provider in providers:
        items.extend(provider(context))
    return sorted(items, key=lambda item: (item.due, item.full_name))
