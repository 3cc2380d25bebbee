"""Who came in and who went out in a period, replayed member by member (pure, no database).

Only members with a status-deciding event or a membership boundary inside the period can
have changed; each is replayed on its own: its place (the report row its organization of
activity falls in, None when it is not a member here or outside the report's scope) the
day before the period, then after every day on which something of it changed. Each change
of place is one movement out of the old row and one into the new, named after the event
of that day (ceremony → admitted, transfer out → transferred out…).

This is deliberately a second implementation of "member on a date" (the first is the SQL
of `statistics_queries`): the balance check opening + in − out = closing compares the two,
so a report whose figures do not add up says so instead of printing wrong totals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from partydesk.codes import EventKind
from partydesk.services.statistics_queries import ON_KINDS, HistoryRow


class Flow(StrEnum):
    """The kinds of movement into and out of a report row."""

    ADMITTED = "admitted"
    READMITTED = "readmitted"
    TRANSFERRED_IN = "transferred_in"
    RESTORED = "restored"
    MOVED_IN = "moved_in"
    OTHER_IN = "other_in"
    TRANSFERRED_OUT = "transferred_out"
    EXPELLED = "expelled"
    STRUCK_OFF = "struck_off"
    ASKED_TO_LEAVE = "asked_to_leave"
    DIED = "died"
    MOVED_OUT = "moved_out"
    OTHER_OUT = "other_out"

    @property
    def label(self) -> str:
        """Vietnamese label (a column heading of the balance sheet)."""
        return _FLOW_LABELS[self]

    @property
    def inward(self) -> bool:
        """True for movements into a row."""
        return self in IN_FLOWS


IN_FLOWS = (
    Flow.ADMITTED,
    Flow.READMITTED,
    Flow.TRANSFERRED_IN,
    Flow.RESTORED,
    Flow.MOVED_IN,
    Flow.OTHER_IN,
)
OUT_FLOWS = (
    Flow.TRANSFERRED_OUT,
    Flow.EXPELLED,
    Flow.STRUCK_OFF,
    Flow.ASKED_TO_LEAVE,
    Flow.DIED,
    Flow.MOVED_OUT,
    Flow.OTHER_OUT,
)

_FLOW_LABELS = {
    Flow.ADMITTED: "Kết nạp mới",
    Flow.READMITTED: "Kết nạp lại",
    Flow.TRANSFERRED_IN: "Chuyển đến",
    Flow.RESTORED: "Phục hồi đảng tịch",
    Flow.MOVED_IN: "Chuyển nội bộ đến",
    Flow.OTHER_IN: "Tăng khác",
    Flow.TRANSFERRED_OUT: "Chuyển đi",
    Flow.EXPELLED: "Khai trừ",
    Flow.STRUCK_OFF: "Xóa tên",
    Flow.ASKED_TO_LEAVE: "Xin ra khỏi Đảng",
    Flow.DIED: "Từ trần",
    Flow.MOVED_OUT: "Chuyển nội bộ đi",
    Flow.OTHER_OUT: "Giảm khác",
}

_OUT_BY_EVENT = {
    EventKind.TRANSFER_OUT.value: Flow.TRANSFERRED_OUT,
    EventKind.EXPELLED.value: Flow.EXPELLED,
    EventKind.STRUCK_OFF.value: Flow.STRUCK_OFF,
    # A probationary member not recognized is struck off the list (domain.md §3.2).
    EventKind.RECOGNITION_FAILED.value: Flow.STRUCK_OFF,
    EventKind.ASKED_TO_LEAVE.value: Flow.ASKED_TO_LEAVE,
    EventKind.DIED.value: Flow.DIED,
}
_LEAVINGS = {
    EventKind.EXPELLED.value,
    EventKind.STRUCK_OFF.value,
    EventKind.RECOGNITION_FAILED.value,
    EventKind.ASKED_TO_LEAVE.value,
}
_ON = {kind.value for kind in ON_KINDS}


@dataclass(frozen=True)
class Movement:
    """One member moving into or out of a report row on a day."""

    member_id: int
    row: int
    flow: Flow
    on_date: date


@dataclass
class _Member:
    events: list[HistoryRow]
    periods: list[HistoryRow]

    def counted(self, day: date) -> bool:
        last: HistoryRow | None = None
        for event in self.events:  # sorted by (date, id)
            if event.on_date > day:
                break
            last = event
        return last is not None and last.kind in _ON

    def organization(self, day: date) -> int | None:
        for period in self.periods:
            if period.on_date <= day and (period.valid_to is None or period.valid_to > day):
                return period.organization_id
        return None

    def kinds_on(self, day: date) -> set[str]:
        return {event.kind for event in self.events if event.on_date == day}

    def left_before(self, day: date) -> bool:
        return any(e.kind in _LEAVINGS and e.on_date < day for e in self.events)


def replay(
    history: Iterable[HistoryRow],
    start: date,
    end: date,
    row_of: Callable[[int | None], int | None],
) -> list[Movement]:
    """The movements of the period [start, end] between report rows.

    `row_of(organization_id)` is the report row of an organization of activity (None when
    outside the report's scope).
    """
    members: dict[int, _Member] = defaultdict(lambda: _Member([], []))
    for row in history:
        member = members[row.member_id]
        (member.periods if row.kind == "membership" else member.events).append(row)
    movements: list[Movement] = []
    for member_id, member in members.items():
        member.events.sort(key=lambda e: (e.on_date, e.id))
        member.periods.sort(key=lambda p: (p.on_date, p.id))
        days: set[date] = {e.on_date for e in member.events if start <= e.on_date <= end}
        for period in member.periods:
            for day in (period.on_date, period.valid_to):
                if day is not None and start <= day <= end:
                    days.add(day)

        def place(day: date, member: _Member = member) -> _Place:
            counted = member.counted(day)
            organization = member.organization(day)
            placed = counted and organization is not None
            return _Place(placed, row_of(organization) if placed else None)

        before = place(start - timedelta(days=1))
        for day in sorted(days):
            after = place(day)
            if after.row != before.row:
                movements.extend(_classify(member_id, member, day, before, after))
            before = after
    return movements


class _Place(NamedTuple):
    """Whether the member was a member here that day, and in which report row."""

    placed: bool
    row: int | None


def _classify(
    member_id: int, member: _Member, day: date, before: _Place, after: _Place
) -> list[Movement]:
    kinds = member.kinds_on(day)
    found: list[Movement] = []
    if before.row is not None:
        if after.placed:
            # Still a member here, in another row or outside the scope: a move, whether an
            # internal transfer or a reorganization (merge) carried it.
            flow = Flow.MOVED_OUT
        else:
            flow = next((_OUT_BY_EVENT[k] for k in _OUT_BY_EVENT if k in kinds), Flow.OTHER_OUT)
        found.append(Movement(member_id, before.row, flow, day))
    if after.row is not None:
        if before.placed:
            flow = Flow.MOVED_IN
        elif EventKind.CEREMONY.value in kinds:
            flow = Flow.READMITTED if member.left_before(day) else Flow.ADMITTED
        elif EventKind.TRANSFER_IN.value in kinds:
            flow = Flow.TRANSFERRED_IN
        elif EventKind.EXONERATED.value in kinds:
            flow = Flow.RESTORED
        else:
            flow = Flow.OTHER_IN
        found.append(Movement(member_id, after.row, flow, day))
    return found
