"""Derive a member's status and key dates from the dated events (pure, no database).

The member row caches the result so lists can filter in SQL; `integrity.check` recomputes
it from the events and reports any disagreement.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import attrgetter
from typing import NamedTuple, Protocol

from partydesk.codes import EventKind, MemberStatus


class EventFact(NamedTuple):
    """The part of an event that decides status.

    A named tuple rather than a frozen dataclass: built for every event replayed (150,000
    by an Excel import), and a frozen dataclass is four times slower to build.
    """

    kind: str
    on_date: date
    decision_no: str = ""
    id: int = 0
    effective_date: date | None = None


class MemberState(NamedTuple):
    """Status and dates derived from the events (a named tuple, like `EventFact`)."""

    status: MemberStatus
    decision_date: date | None
    decision_no: str
    ceremony_date: date | None
    official_date: date | None
    left_on: date | None


_ENDING = {
    EventKind.EXPELLED: MemberStatus.LEFT,
    EventKind.STRUCK_OFF: MemberStatus.LEFT,
    EventKind.ASKED_TO_LEAVE: MemberStatus.LEFT,
    EventKind.RECOGNITION_FAILED: MemberStatus.LEFT,
    EventKind.DIED: MemberStatus.DECEASED,
    EventKind.TRANSFER_OUT: MemberStatus.TRANSFERRED_OUT,
}


#: The kinds by stored value: a dict lookup, where `EventKind(value)` is a slow enum call
#: (an Excel import replays 150,000 events).
_KINDS = {kind.value: kind for kind in EventKind}
_REPLAY_ORDER = attrgetter("on_date", "id")


class StatusEvent(Protocol):
    """What `replay_state` reads of an event (an `EventFact`, a prepared event…)."""

    @property
    def kind(self) -> str:
        """The event kind's stored value."""
        ...

    @property
    def on_date(self) -> date:
        """The day it happened."""
        ...

    @property
    def decision_no(self) -> str:
        """Its decision number (an admission decision's is kept)."""
        ...

    @property
    def effective_date(self) -> date | None:
        """The day it takes effect, when not `on_date` (a recognition's)."""
        ...


def derive_state(events: Iterable[EventFact]) -> MemberState:
    """Replay events in date order (ties by id) and return the resulting state.

    Re-admission is a new admission decision after a leaving event: the first decision
    stays the one party age counts from (domain.md §3.6), the new ceremony starts a new
    probation.
    """
    return replay_state(sorted(events, key=_REPLAY_ORDER))


def replay_state(events: Iterable[StatusEvent]) -> MemberState:
    """The state after `events`, replayed in the order given (see `derive_state`).

    For events already in replay order, such as a new record's events sorted by date
    (a stable sort keeps the order they were made in for a shared date).
    """
    status = MemberStatus.CANDIDATE
    first_decision: date | None = None
    decision_no = ""
    ceremony: date | None = None
    official: date | None = None
    left_on: date | None = None
    for event in events:
        kind = _KINDS.get(event.kind) or EventKind(event.kind)  # unknown: ValueError
        if kind is EventKind.ADMISSION_DECISION:
            if first_decision is None:
                first_decision = event.on_date
                decision_no = event.decision_no
            if status in (MemberStatus.LEFT, MemberStatus.TRANSFERRED_OUT):
                # Re-admission: probation starts again from a new ceremony, so the old
                # ceremony and official date no longer describe the current membership.
                status = MemberStatus.CANDIDATE
                ceremony = None
                official = None
                left_on = None
        elif kind is EventKind.CEREMONY:
            ceremony = event.on_date
            status = MemberStatus.PROBATIONARY
        elif kind is EventKind.RECOGNITION:
            official = event.effective_date or event.on_date
            status = MemberStatus.OFFICIAL
        elif kind is EventKind.EXEMPTION_START and status is MemberStatus.OFFICIAL:
            status = MemberStatus.EXEMPTED
        elif kind is EventKind.EXEMPTION_END and status is MemberStatus.EXEMPTED:
            status = MemberStatus.OFFICIAL
        elif kind in (EventKind.TRANSFER_IN, EventKind.EXONERATED):
            status = MemberStatus.OFFICIAL if official else MemberStatus.PROBATIONARY
            left_on = None
        elif kind in _ENDING:
            status = _ENDING[kind]
            left_on = event.on_date
    return MemberState(
        status=status,
        decision_date=first_decision,
        decision_no=decision_no,
        ceremony_date=ceremony,
        official_date=official,
        left_on=left_on,
    )
