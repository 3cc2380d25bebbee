"""Party age (tuổi đảng) of a member, read from the member's dated events.

Party age counts from the first admission decision, minus every period out of the Party
(domain.md §3.6; Điều lệ Đảng điều 5 khoản 4; Quy định 24-QĐ/TW 2021 điểm 4.5, kept by
Quy định 232-QĐ/TW 2025). The gaps come from the events:

- a leaving (khai trừ, xóa tên, xin ra, xóa tên dự bị) opens a gap that a later admission
  decision (kết nạp lại) closes;
- OUT_OF_CONTACT opens a gap that CONTACT_RESTORED closes;
- EXONERATED (minh oan) cancels the gap of the leaving it answers: the member keeps a
  continuous party age;
- death stops the count (a posthumous badge is judged on the age at death).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import LEAVING_EVENTS, EventKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent
from partydesk.errors import PartydeskError
from partydesk.rules.party_age import Gap, party_age_months

_LEAVING = frozenset(kind.value for kind in LEAVING_EVENTS)


@dataclass(frozen=True)
class AgeEvent:
    """The part of an event that party age depends on."""

    kind: str
    on_date: date
    id: int = 0


@dataclass(frozen=True)
class AgeFacts:
    """What the events say about party age: start, closed gaps, an open gap, death."""

    decision_date: date | None
    gaps: tuple[Gap, ...]
    open_gap_from: date | None
    died_on: date | None

    def gaps_until(self, on: date) -> list[Gap]:
        """The gaps to subtract on `on`, the open one running until `on`."""
        gaps = list(self.gaps)
        if self.open_gap_from is not None and self.open_gap_from < on:
            gaps.append((self.open_gap_from, on))
        return gaps

    def counted_until(self, on: date) -> date:
        """The day the count stops: `on`, or the day of death when it came first."""
        return min(on, self.died_on) if self.died_on is not None else on


@dataclass(frozen=True)
class PartyAge:
    """A member's party age on a date, with the gaps excluded."""

    member_id: int
    full_name: str
    on: date
    decision_date: date | None
    years: int
    months: int
    gaps: tuple[Gap, ...]
    out_of_party: bool
    died_on: date | None

    @property
    def total_months(self) -> int:
        """The age in full months."""
        return 12 * self.years + self.months


def age_facts(events: Iterable[AgeEvent]) -> AgeFacts:
    """Replay the events in date order (ties by id) and collect the party-age gaps."""
    decision: date | None = None
    closed: list[tuple[Gap, bool]] = []  # (gap, opened by a leaving)
    open_from: date | None = None
    open_by_leaving = False
    died: date | None = None
    for event in sorted(events, key=lambda e: (e.on_date, e.id)):
        kind = event.kind
        if kind == EventKind.ADMISSION_DECISION:
            if decision is None:
                decision = event.on_date
            elif open_from is not None and open_by_leaving:
                closed.append(((open_from, event.on_date), True))
                open_from = None
        elif kind in _LEAVING or kind == EventKind.OUT_OF_CONTACT:
            if decision is not None and open_from is None:
                open_from = event.on_date
                open_by_leaving = kind in _LEAVING
        elif kind == EventKind.CONTACT_RESTORED:
            if open_from is not None and not open_by_leaving:
                closed.append(((open_from, event.on_date), False))
                open_from = None
        elif kind == EventKind.EXONERATED:
            # A wrong expulsion never happened, for party age: drop the gap it opened.
            if open_from is not None and open_by_leaving:
                open_from = None
            else:
                for index in range(len(closed) - 1, -1, -1):
                    if closed[index][1]:
                        del closed[index]
                        break
        elif kind == EventKind.DIED:
            died = event.on_date
    return AgeFacts(
        decision_date=decision,
        gaps=tuple(gap for gap, _ in closed),
        open_gap_from=open_from,
        died_on=died,
    )


def load_age_facts(session: Session, member_ids: Iterable[int]) -> dict[int, AgeFacts]:
    """Party-age facts of many members in one query."""
    ids = list(member_ids)
    by_member: dict[int, list[AgeEvent]] = {member_id: [] for member_id in ids}
    kinds = {
        EventKind.ADMISSION_DECISION.value,
        EventKind.OUT_OF_CONTACT.value,
        EventKind.CONTACT_RESTORED.value,
        EventKind.EXONERATED.value,
        EventKind.DIED.value,
        *_LEAVING,
    }
    # SQLite limits bound parameters; chunks keep big registers within it. The kinds are
    # picked here, not in SQL: with `kind IN (…)` beside 500 member ids, SQLite's planner
    # (no statistics) took the (kind, on_date) index and read every such event of the
    # register for each chunk: 31 s for the badge list of 100,000 members, 0.3 s by the
    # member index.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(MemberEvent.member_id, MemberEvent.kind, MemberEvent.on_date, MemberEvent.id)
            .where(MemberEvent.member_id.in_(chunk), MemberEvent.deleted_at.is_(None))
            .order_by(MemberEvent.member_id, MemberEvent.on_date, MemberEvent.id)
        )
        for member_id, kind, on_date, event_id in rows:
            if kind in kinds:
                by_member[member_id].append(AgeEvent(kind, on_date, event_id))
    return {member_id: age_facts(events) for member_id, events in by_member.items()}


def age_from_facts(member_id: int, full_name: str, facts: AgeFacts, on: date) -> PartyAge:
    """The party age on `on` given the member's facts."""
    until = facts.counted_until(on)
    gaps = facts.gaps_until(until)
    months = (
        party_age_months(facts.decision_date, until, gaps) if facts.decision_date is not None else 0
    )
    return PartyAge(
        member_id=member_id,
        full_name=full_name,
        on=on,
        decision_date=facts.decision_date,
        years=months // 12,
        months=months % 12,
        gaps=tuple(gaps),
        out_of_party=facts.open_gap_from is not None and facts.open_gap_from <= until,
        died_on=facts.died_on,
    )


def member_party_age(session: Session, member_id: int, on: date) -> PartyAge:
    """The party age of one member on `on` (0 before the first admission decision).

    Raises `member.not_found`.
    """
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise PartydeskError("member.not_found", ref=member_id)
    facts = load_age_facts(session, [member_id])[member_id]
    return age_from_facts(member_id, member.full_name, facts, on)


def party_age_of(db: Database, member_id: int, on: date) -> PartyAge:
    """`member_party_age` in its own read session (CLI, GUI)."""
    with db.reader() as session:
        return member_party_age(session, member_id, on)
