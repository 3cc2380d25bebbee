"""Party badges (Huy hiệu Đảng): who is due at an occasion, and awarding them (§3.6).

Thresholds (`badge.thresholds`), occasions (`badge.occasions`) and how early a seriously
ill member may receive a badge (`badge.early_months_upto_65`, `badge.early_months_from_70`)
come from the rule table (Quy định 24-QĐ/TW 2021 điểm 27, Hướng dẫn 01-HD/TW 2021 mục 18,
kept by Quy định 232-QĐ/TW 2025). Party age comes from the events (`party_age`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.codes import COUNTED_STATUSES, EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Organization
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleTable, add_months, badge_reached_on, next_occasion
from partydesk.rules.party_age import party_age_months
from partydesk.services.due import DueContext, DueItem
from partydesk.services.member_lookup import get_member
from partydesk.services.party_age import AgeFacts, load_age_facts
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "badge.not_threshold": (
            "{years} năm không phải mốc Huy hiệu Đảng (các mốc: {thresholds}; {source}).",
            "{years} years is not a Party badge threshold ({thresholds}; {source}).",
        ),
        "badge.already_awarded": (
            "{name} đã được tặng Huy hiệu {years} năm tuổi đảng.",
            "{name} already received the {years}-year badge.",
        ),
        "badge.not_reached": (
            "{name} đến ngày {occasion} mới có {age} tuổi đảng, chưa đủ {years} năm (đủ ngày"
            " {reached}; {source}).",
            "{name} has {age} of party age on {occasion}, less than {years} years (reached on"
            " {reached}; {source}).",
        ),
        "badge.too_early": (
            "{name}: xét tặng sớm do bệnh nặng không quá {months} tháng; Huy hiệu {years} năm đủ"
            " ngày {reached} ({source}).",
            "{name}: an early award for serious illness is at most {months} months early; the"
            " {years}-year badge is reached on {reached} ({source}).",
        ),
        "badge.early_reason_required": (
            "{name}: tặng sớm Huy hiệu phải ghi lý do (bệnh nặng; {source}).",
            "{name}: an early award needs its reason (serious illness; {source}).",
        ),
        "badge.bad_status": (
            "{name} đang ở trạng thái «{status}»: không xét tặng Huy hiệu Đảng.",
            "{name}'s status is '{status}': no Party badge can be awarded.",
        ),
        "badge.duplicate": (
            "{name} có hai dòng Huy hiệu {years} năm trong cùng đợt.",
            "{name} appears twice for the {years}-year badge in the same batch.",
        ),
        "badge.decision_required": (
            "Phải ghi số quyết định tặng Huy hiệu Đảng.",
            "The badge decision number is required.",
        ),
    }
)


@dataclass(frozen=True)
class BadgeCandidate:
    """A member due for a badge at an occasion (or early, or posthumously)."""

    member_id: int
    full_name: str
    birth_date: date
    organization_id: int | None
    organization_name: str
    decision_date: date
    years: int
    reached_on: date
    age_months: int
    status: str
    died_on: date | None
    badge_no: str | None


@dataclass(frozen=True)
class BadgeLists:
    """Who is due at `occasion`: on time, early for serious illness, posthumously."""

    occasion: date
    due: list[BadgeCandidate]
    early: list[BadgeCandidate]
    posthumous: list[BadgeCandidate]
    source: str


@dataclass(frozen=True)
class BadgeAward:
    """One badge to award: the member, the threshold and the badge number."""

    member_id: int
    years: int
    badge_no: str = ""
    early: bool = False
    early_reason: str = ""


@dataclass(frozen=True)
class AwardResult:
    """What `award_badges` wrote."""

    awarded: int
    occasion: date
    decision_no: str


def occasions(rules: RuleTable, on: date) -> list[tuple[int, int]]:
    """The (month, day) award occasions in force on `on`."""
    return [(int(month), int(day)) for month, day in rules.value("badge.occasions", on)]


def thresholds(rules: RuleTable, on: date) -> list[int]:
    """The badge thresholds (years of party age) in force on `on`."""
    return sorted(int(years) for years in rules.value("badge.thresholds", on))


def early_months(rules: RuleTable, years: int, on: date) -> int:
    """How many months early a seriously ill member may get the `years` badge."""
    key = "badge.early_months_from_70" if years >= 70 else "badge.early_months_upto_65"
    return int(rules.value(key, on))


def next_occasions(today: date, n: int, rules: RuleTable | None = None) -> list[date]:
    """The next `n` award occasions on or after `today` (3/2, 19/5, 2/9, 7/11)."""
    table = rules or RuleTable.default()
    result: list[date] = []
    on = today
    while len(result) < n:
        occasion = next_occasion(on, occasions(table, on))
        result.append(occasion)
        on = date.fromordinal(occasion.toordinal() + 1)
    return result


def _awarded(session: Session, member_ids: Iterable[int] | None = None) -> dict[int, set[int]]:
    query = select(MemberEvent.member_id, MemberEvent.details_json).where(
        MemberEvent.kind == EventKind.BADGE.value, MemberEvent.deleted_at.is_(None)
    )
    if member_ids is not None:
        query = query.where(MemberEvent.member_id.in_(list(member_ids)))
    awarded: dict[int, set[int]] = {}
    for member_id, details in session.execute(query):
        years = json.loads(details or "{}").get("years")
        if years is not None:
            awarded.setdefault(member_id, set()).add(int(years))
    return awarded


def _too_soon(decision_date: date, years: int, until: date) -> bool:
    """True when `years` of party age cannot be reached by `until` whatever the gaps.

    Gaps only delay the day (`reached_on` starts from the decision date plus the years),
    so a later calendar year settles it without the day-exact count: most members of a
    register are far from their next badge, and the exact count over 100,000 of them
    took seconds.
    """
    return decision_date.year + years > until.year


def _reached(facts: AgeFacts, years: int, until: date) -> date | None:
    """When the member reaches `years` of party age, if before the count stops at `until`."""
    assert facts.decision_date is not None
    if facts.open_gap_from is not None:
        # Out of the Party now: the age does not grow past the gap's start.
        until = min(until, facts.open_gap_from)
    reached = badge_reached_on(facts.decision_date, years, facts.gaps)
    return reached if reached <= until else None


def badge_candidates(db: Database, occasion: date) -> BadgeLists:
    """The badge lists for `occasion` (see `candidates_in`), in a read session."""
    with db.reader() as session:
        return candidates_in(session, occasion)


def _candidate(
    row: Any, facts: AgeFacts, years: int, reached: date, until: date, names: dict[int, str]
) -> BadgeCandidate:
    member_id, name, birth, org_id, status, badge_no = row
    decision = facts.decision_date or reached
    return BadgeCandidate(
        member_id=member_id,
        full_name=name,
        birth_date=birth,
        organization_id=org_id,
        organization_name=names.get(org_id, ""),
        decision_date=decision,
        years=years,
        reached_on=reached,
        age_months=party_age_months(decision, until, facts.gaps_until(until)),
        status=status,
        died_on=facts.died_on,
        badge_no=badge_no,
    )


def candidates_in(session: Session, occasion: date) -> BadgeLists:
    """The members due for a badge at `occasion`, those who could get it early, the dead.

    Due: living counted members whose party age reaches a threshold by `occasion` and who
    were not awarded it (the highest such threshold, above any already awarded). Early:
    those who reach the next threshold within `badge.early_months_*` after the occasion
    (for serious illness, the branch decides). Posthumous: deceased members who had reached
    a threshold before death and were not awarded it.
    """
    rules = load_rule_table(session)
    levels = thresholds(rules, occasion)
    source = rules.parameter("badge.thresholds", occasion).source
    statuses = [s.value for s in COUNTED_STATUSES] + [MemberStatus.DECEASED.value]
    #: The last day a member reaching each level may get it early at this occasion.
    early_until = {
        years: add_months(occasion, early_months(rules, years, occasion)) for years in levels
    }
    # A member admitted after this year reaches no level in time, whatever the gaps
    # (`_too_soon`): most of a register, left out before its events are read.
    last_year = max((until.year - years for years, until in early_until.items()), default=0)
    members = session.execute(
        select(
            Member.id,
            Member.full_name,
            Member.birth_date,
            Member.organization_id,
            Member.status,
            Member.badge_no,
        ).where(
            Member.status.in_(statuses),
            Member.decision_date.is_not(None),
            Member.decision_date <= occasion,
            Member.decision_date < date(last_year + 1, 1, 1),
            Member.deleted_at.is_(None),
        )
    ).all()
    ids = [row[0] for row in members]
    facts_by_id = load_age_facts(session, ids)
    awarded = _awarded(session)
    names = dict(session.execute(select(Organization.id, Organization.name)).all())
    due: list[BadgeCandidate] = []
    early: list[BadgeCandidate] = []
    posthumous: list[BadgeCandidate] = []
    for row in members:
        member_id, status = row[0], row[4]
        facts = facts_by_id[member_id]
        if facts.decision_date is None:
            continue
        done = awarded.get(member_id, set())
        top = max(done, default=0)
        dead = status == MemberStatus.DECEASED.value
        until = facts.counted_until(occasion)
        upcoming = [years for years in levels if years > top]
        reached: tuple[int, date] | None = None
        for years in upcoming:
            # A higher level is reached later still: stop at the first one not reached.
            if _too_soon(facts.decision_date, years, until):
                break
            when = _reached(facts, years, until)
            if when is None:
                break
            reached = (years, when)
        if reached is not None:
            years, when = reached
            (posthumous if dead else due).append(_candidate(row, facts, years, when, until, names))
            continue
        if dead or facts.open_gap_from is not None or not upcoming:
            continue
        years = upcoming[0]
        if _too_soon(facts.decision_date, years, early_until[years]):
            continue
        when = badge_reached_on(facts.decision_date, years, facts.gaps)
        if when <= early_until[years]:
            early.append(_candidate(row, facts, years, when, until, names))
    return BadgeLists(
        occasion=occasion,
        due=sorted(due, key=_order),
        early=sorted(early, key=_order),
        posthumous=sorted(posthumous, key=_order),
        source=source,
    )


def _order(candidate: BadgeCandidate) -> tuple[int, date, str]:
    return (-candidate.years, candidate.reached_on, candidate.full_name)


def _age_text(months: int) -> str:
    return f"{months // 12} năm {months % 12} tháng"


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def award_badges(
    db: Database,
    awards: Sequence[BadgeAward],
    *,
    occasion: date,
    decision_no: str,
    decision_date: date | None = None,
    decided_by: str = "",
) -> AwardResult:
    """Record badge awards in one transaction (BADGE events, member.badge_no).

    Each event is dated on the decision date (default: the occasion) and carries details
    {years, badge_no, early, posthumous, occasion}. Every award is checked before anything
    is written: `badge.decision_required`, `member.not_found`, `badge.bad_status`,
    `badge.not_threshold`, `badge.already_awarded`, `badge.duplicate`, `badge.not_reached`
    (unless early with a reason: `badge.early_reason_required`, `badge.too_early`).
    """
    if not decision_no.strip():
        raise PartydeskError("badge.decision_required")
    on = decision_date or occasion
    with db.session("badges.award") as session:
        rules = load_rule_table(session)
        levels = thresholds(rules, occasion)
        source = rules.parameter("badge.thresholds", occasion).source
        ids = [award.member_id for award in awards]
        facts_by_id = load_age_facts(session, ids)
        awarded = _awarded(session, ids)
        seen: set[tuple[int, int]] = set()
        checked: list[tuple[Member, BadgeAward, bool]] = []
        for award in awards:
            member = get_member(session, award.member_id)
            name = member.full_name
            status = MemberStatus(member.status)
            posthumous = status is MemberStatus.DECEASED
            if status not in COUNTED_STATUSES and not posthumous:
                raise PartydeskError("badge.bad_status", name=name, status=status.label)
            if award.years not in levels:
                raise ValidationError(
                    "badge.not_threshold",
                    field="Huy hiệu",
                    years=award.years,
                    thresholds=", ".join(str(y) for y in levels),
                    source=source,
                )
            if award.years in awarded.get(member.id, set()):
                raise PartydeskError("badge.already_awarded", name=name, years=award.years)
            if (member.id, award.years) in seen:
                raise PartydeskError("badge.duplicate", name=name, years=award.years)
            seen.add((member.id, award.years))
            facts = facts_by_id[member.id]
            if facts.decision_date is None:
                raise PartydeskError("badge.bad_status", name=name, status=status.label)
            until = facts.counted_until(occasion)
            reached = badge_reached_on(facts.decision_date, award.years, facts.gaps)
            if _reached(facts, award.years, until) is None:
                age = party_age_months(facts.decision_date, until, facts.gaps_until(until))
                if not award.early or posthumous:
                    raise PartydeskError(
                        "badge.not_reached",
                        name=name,
                        occasion=_d(occasion),
                        age=_age_text(age),
                        years=award.years,
                        reached=_d(reached),
                        source=source,
                    )
                months = early_months(rules, award.years, occasion)
                key = (
                    "badge.early_months_from_70"
                    if award.years >= 70
                    else "badge.early_months_upto_65"
                )
                early_source = rules.parameter(key, occasion).source
                if not award.early_reason.strip():
                    raise PartydeskError(
                        "badge.early_reason_required", name=name, source=early_source
                    )
                if facts.open_gap_from is not None or reached > add_months(occasion, months):
                    raise PartydeskError(
                        "badge.too_early",
                        name=name,
                        months=months,
                        years=award.years,
                        reached=_d(reached),
                        source=early_source,
                    )
                checked.append((member, award, True))
            else:
                checked.append((member, award, False))
        for member, award, early in sorted(checked, key=lambda item: item[1].years):
            details = {
                "years": award.years,
                "badge_no": award.badge_no.strip(),
                "early": early,
                "posthumous": member.status == MemberStatus.DECEASED.value,
                "occasion": occasion.isoformat(),
            }
            if early:
                details["early_reason"] = award.early_reason.strip()
            session.add(
                MemberEvent(
                    member_id=member.id,
                    kind=EventKind.BADGE.value,
                    on_date=on,
                    effective_date=occasion,
                    decision_no=decision_no.strip(),
                    decided_by=decided_by.strip(),
                    organization_id=member.organization_id,
                    details_json=json.dumps(details, ensure_ascii=False, sort_keys=True),
                )
            )
            if award.badge_no.strip():
                member.badge_no = award.badge_no.strip()
        return AwardResult(len(checked), occasion, decision_no.strip())


def due_items(context: DueContext) -> list[DueItem]:
    """One item per award occasion within the horizon: how many members are due then."""
    items: list[DueItem] = []
    for occasion in next_occasions(context.today, 4, context.rules):
        if occasion > context.horizon:
            break
        lists = candidates_in(context.session, occasion)
        count = len(lists.due) + len(lists.posthumous)
        if count == 0:
            continue
        items.append(
            context.item(
                f"Xét tặng Huy hiệu Đảng dịp {_d(occasion)}: {count} đảng viên đến hạn",
                occasion,
                full_name="",
                organization_id=None,
                group="badge",
                action="badges",
            )
        )
    return items
