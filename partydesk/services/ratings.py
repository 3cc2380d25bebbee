"""Quality ratings (đánh giá, xếp loại chất lượng) of members and organizations (§3.5).

Four levels (catalogue `rating`); points on a 100-point scale give the level through the
thresholds of the rule table (`rating.excellent_min_points`, `rating.good_min_points`,
`rating.pass_min_points`, Quy định 124-QĐ/TW 2023), so a level typed with points that
contradict it is refused. The cap on "xuất sắc" (`rating.excellent_share_of_good_max`,
uncertain under the 2025 rule) only warns.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.codes import MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberRating, Organization, OrganizationRating
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleTable
from partydesk.rules.ruletable import RuleMissing
from partydesk.services import badges, leaving
from partydesk.services.due import DueContext, DueItem
from partydesk.services.lifecycle_common import catalogue_facts, catalogue_source, get_member
from partydesk.services.organizations import subtree_ids
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "rating.points_contradict": (
            "{points} điểm là mức «{expected}», không phải «{level}» ({source}).",
            "{points} points is the level '{expected}', not '{level}' ({source}).",
        ),
        "rating.points_range": (
            "Điểm xếp loại phải từ 0 đến 100, không phải {points}.",
            "Rating points must be between 0 and 100, not {points}.",
        ),
        "rating.level_required": (
            "Phải chọn mức xếp loại hoặc nhập điểm.",
            "Choose a rating level or type the points.",
        ),
        "rating.bad_period": (
            "Kỳ xếp loại «{value}» không hợp lệ: hãy viết năm, ví dụ 2025.",
            "Rating period '{value}' is not valid: write the year, e.g. 2025.",
        ),
        "rating.not_rated_status": (
            "Chỉ đánh giá, xếp loại đảng viên chính thức và dự bị; {name} đang ở trạng thái"
            " «{status}».",
            "Only official and probationary members are rated; {name}'s status is '{status}'.",
        ),
        "rating.wrong_branch": (
            "{name} không sinh hoạt ở «{branch}».",
            "{name} is not a member of '{branch}'.",
        ),
        "rating.row": ("{name}: {message}", "{name}: {message}"),
        "rating.excellent_share": (
            "Số xếp loại «Hoàn thành xuất sắc nhiệm vụ» ({excellent}) vượt {share}% số"
            " «Hoàn thành tốt nhiệm vụ» ({good}): tối đa {limit} ({source}; chỉ cảnh báo).",
            "'Excellent' ratings ({excellent}) exceed {share}% of 'good' ratings ({good}):"
            " at most {limit} ({source}; a warning only).",
        ),
    }
)

#: The four levels, best first (codes of catalogue `rating`).
LEVELS = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
RATED_STATUSES = (MemberStatus.OFFICIAL.value, MemberStatus.PROBATIONARY.value)
#: The strike-off ground for members who fail two years in a row.
TWO_YEARS_GROUND = "vi_pham_tu_cach_2_nam"
_YEAR = re.compile(r"^\d{4}$")


class RatingRowError(PartydeskError):
    """A batch entry refused: the member's name and the reason, in either language."""

    def __init__(self, name: str, reason: PartydeskError) -> None:
        super().__init__("rating.row", name=name, message=reason.message())
        self.reason = reason

    def message(self, language: str = "vi") -> str:
        """The member's name and the reason in `language`."""
        return f"{self.params['name']}: {self.reason.message(language)}"


@dataclass(frozen=True)
class RatingEntry:
    """One typed rating: a level, points, or both (they must agree)."""

    member_id: int
    level_code: str | None = None
    points: int | None = None


@dataclass(frozen=True)
class BranchRatingRow:
    """A member of a branch with the rating entered for the period (if any)."""

    member_id: int
    full_name: str
    status: str
    level_code: str | None
    points: int | None


@dataclass(frozen=True)
class RatingSummary:
    """Counts per level for a period, and the warning on the share of "xuất sắc"."""

    period: str
    counts: dict[str, int]
    rated: int
    organization_counts: dict[str, int]
    warning: str | None
    warning_en: str | None


@dataclass(frozen=True)
class StrikeOffCase:
    """A member rated "không hoàn thành" in two consecutive years: a possible strike-off."""

    member_id: int
    full_name: str
    organization_id: int | None
    years: tuple[str, str]
    ground: str
    source: str


def period_date(period: str) -> date:
    """The date the rule table is asked on for a period: 31/12 of its year."""
    if not _YEAR.match(period.strip()):
        raise PartydeskError("rating.bad_period", value=period)
    return date(int(period.strip()), 12, 31)


def _thresholds(rules: RuleTable, on: date) -> tuple[int, int, int, str]:
    try:
        source = rules.parameter("rating.excellent_min_points", on).source
        excellent = int(rules.value("rating.excellent_min_points", on))
        good = int(rules.value("rating.good_min_points", on))
        passed = int(rules.value("rating.pass_min_points", on))
    except RuleMissing as exc:
        raise PartydeskError("rule.missing", key=exc.key, on=exc.on.strftime("%d/%m/%Y")) from exc
    return excellent, good, passed, source


def level_for_points(points: int, rules: RuleTable, on: date) -> str:
    """The level that `points` (0–100) earn under the thresholds in force on `on`."""
    excellent, good, passed, _source = _thresholds(rules, on)
    if points >= excellent:
        return "xuat_sac"
    if points >= good:
        return "tot"
    if points >= passed:
        return "hoan_thanh"
    return "khong_hoan_thanh"


def resolve_level(
    session: Session, level_code: str | None, points: int | None, rules: RuleTable, on: date
) -> str:
    """The level of a typed rating; refuses contradicting points, unknown codes, no input."""
    names = {code: facts.name for code, facts in catalogue_facts(session, "rating").items()}
    if level_code is not None and level_code not in names:
        raise ValidationError(
            "field.unknown_code", field="Xếp loại", value=level_code, catalogue="rating"
        )
    if points is None:
        if level_code is None:
            raise PartydeskError("rating.level_required")
        return level_code
    if not 0 <= points <= 100:
        raise PartydeskError("rating.points_range", points=points)
    expected = level_for_points(points, rules, on)
    if level_code is not None and level_code != expected:
        raise PartydeskError(
            "rating.points_contradict",
            points=points,
            expected=names.get(expected, expected),
            level=names.get(level_code, level_code),
            source=_thresholds(rules, on)[3],
        )
    return expected


def _save_member_rating(
    session: Session,
    member: Member,
    period: str,
    level: str,
    points: int | None,
    decided_on: date | None,
) -> None:
    row = session.scalars(
        select(MemberRating).where(
            MemberRating.member_id == member.id,
            MemberRating.period == period,
            MemberRating.deleted_at.is_(None),
        )
    ).first()
    if row is None:
        session.add(
            MemberRating(
                member_id=member.id,
                organization_id=member.organization_id,
                period=period,
                level_code=level,
                points=points,
                decided_on=decided_on,
            )
        )
    elif (row.level_code, row.points, row.decided_on) != (level, points, decided_on):
        row.level_code = level
        row.points = points
        row.decided_on = decided_on


def _check_rated(member: Member) -> None:
    if member.status not in RATED_STATUSES:
        raise PartydeskError(
            "rating.not_rated_status",
            name=member.full_name,
            status=MemberStatus(member.status).label,
        )


def rate_member(
    db: Database,
    member_id: int,
    period: str,
    level_code: str | None = None,
    points: int | None = None,
    decided_on: date | None = None,
) -> str:
    """Enter (or correct) one member's rating for `period` (a year); returns the level.

    Errors: `member.not_found`, `rating.bad_period`, `rating.not_rated_status`,
    `rating.level_required`, `rating.points_range`, `rating.points_contradict`,
    `field.unknown_code`.
    """
    period = period.strip()
    with db.session("rating.member") as session:
        on = period_date(period)
        member = get_member(session, member_id)
        _check_rated(member)
        level = resolve_level(session, level_code, points, load_rule_table(session), on)
        _save_member_rating(session, member, period, level, points, decided_on)
        return level


def rate_branch(
    db: Database,
    organization_id: int,
    period: str,
    entries: Sequence[RatingEntry],
    decided_on: date | None = None,
) -> int:
    """Enter the ratings of a whole branch for a period in one transaction.

    Entries with neither level nor points are skipped (not rated yet). Every entry is
    checked before anything is written; the first bad one refuses the batch with
    `rating.row` naming the member. Returns the number of ratings saved.
    """
    period = period.strip()
    with db.session("rating.branch") as session:
        on = period_date(period)
        rules = load_rule_table(session)
        branch = session.get(Organization, organization_id)
        if branch is None or branch.deleted_at is not None:
            raise PartydeskError("organization.not_found", ref=organization_id)
        checked: list[tuple[Member, str, int | None]] = []
        for entry in entries:
            if entry.level_code is None and entry.points is None:
                continue
            member = get_member(session, entry.member_id)
            try:
                if member.organization_id != organization_id:
                    raise PartydeskError(
                        "rating.wrong_branch", name=member.full_name, branch=branch.name
                    )
                _check_rated(member)
                level = resolve_level(session, entry.level_code, entry.points, rules, on)
            except PartydeskError as exc:
                raise RatingRowError(member.full_name, exc) from exc
            checked.append((member, level, entry.points))
        for member, level, points in checked:
            _save_member_rating(session, member, period, level, points, decided_on)
        return len(checked)


def rate_organization(
    db: Database,
    organization_id: int,
    period: str,
    level_code: str | None = None,
    points: int | None = None,
    decided_on: date | None = None,
) -> str:
    """Enter an organization's rating for `period`; returns the level (same checks)."""
    period = period.strip()
    with db.session("rating.organization") as session:
        on = period_date(period)
        org = session.get(Organization, organization_id)
        if org is None or org.deleted_at is not None:
            raise PartydeskError("organization.not_found", ref=organization_id)
        level = resolve_level(session, level_code, points, load_rule_table(session), on)
        row = session.scalars(
            select(OrganizationRating).where(
                OrganizationRating.organization_id == organization_id,
                OrganizationRating.period == period,
                OrganizationRating.deleted_at.is_(None),
            )
        ).first()
        if row is None:
            session.add(
                OrganizationRating(
                    organization_id=organization_id,
                    period=period,
                    level_code=level,
                    points=points,
                    decided_on=decided_on,
                )
            )
        else:
            row.level_code, row.points, row.decided_on = level, points, decided_on
        return level


def branch_ratings(db: Database, organization_id: int, period: str) -> list[BranchRatingRow]:
    """The branch's official and probationary members with their rating for `period`."""
    with db.reader() as session:
        rated = {
            member_id: (level, points)
            for member_id, level, points in session.execute(
                select(MemberRating.member_id, MemberRating.level_code, MemberRating.points).where(
                    MemberRating.period == period.strip(), MemberRating.deleted_at.is_(None)
                )
            )
        }
        members = session.execute(
            select(Member.id, Member.full_name, Member.status)
            .where(
                Member.organization_id == organization_id,
                Member.status.in_(RATED_STATUSES),
                Member.deleted_at.is_(None),
            )
            .order_by(Member.name_sort_key, Member.id)
        ).all()
        return [
            BranchRatingRow(member_id, name, status, *rated.get(member_id, (None, None)))
            for member_id, name, status in members
        ]


def organization_rating(
    db: Database, organization_id: int, period: str
) -> tuple[str, int | None] | None:
    """The organization's (level, points) for `period`, or None."""
    with db.reader() as session:
        row = session.execute(
            select(OrganizationRating.level_code, OrganizationRating.points).where(
                OrganizationRating.organization_id == organization_id,
                OrganizationRating.period == period.strip(),
                OrganizationRating.deleted_at.is_(None),
            )
        ).first()
        return (row[0], row[1]) if row is not None else None


def excellent_share_warning(
    excellent: int, good: int, rules: RuleTable, on: date
) -> PartydeskError | None:
    """The warning when "xuất sắc" exceeds the allowed share of "tốt" (never a refusal)."""
    try:
        parameter = rules.parameter("rating.excellent_share_of_good_max", on)
    except RuleMissing:
        return None
    share = float(rules.value("rating.excellent_share_of_good_max", on))
    limit = int(share * good)
    if excellent <= share * good:
        return None
    return PartydeskError(
        "rating.excellent_share",
        excellent=excellent,
        good=good,
        share=round(share * 100),
        limit=limit,
        source=parameter.source,
    )


def rating_summary(db: Database, period: str, organization_id: int | None = None) -> RatingSummary:
    """Counts per level of the member (and organization) ratings of `period`.

    With `organization_id`, only that organization and those under it. The warning says
    when "xuất sắc" exceeds `rating.excellent_share_of_good_max` of "tốt".
    """
    period = period.strip()
    on = period_date(period)
    with db.reader() as session:
        member_query = select(MemberRating.level_code).where(
            MemberRating.period == period, MemberRating.deleted_at.is_(None)
        )
        org_query = select(OrganizationRating.level_code).where(
            OrganizationRating.period == period, OrganizationRating.deleted_at.is_(None)
        )
        if organization_id is not None:
            ids = subtree_ids(session, organization_id)
            member_query = member_query.where(MemberRating.organization_id.in_(ids))
            org_query = org_query.where(OrganizationRating.organization_id.in_(ids))
        counts = dict.fromkeys(LEVELS, 0)
        for level in session.scalars(member_query):
            counts[level] = counts.get(level, 0) + 1
        org_counts = dict.fromkeys(LEVELS, 0)
        for level in session.scalars(org_query):
            org_counts[level] = org_counts.get(level, 0) + 1
        warning = excellent_share_warning(
            counts["xuat_sac"], counts["tot"], load_rule_table(session), on
        )
    return RatingSummary(
        period=period,
        counts=counts,
        rated=sum(counts.values()),
        organization_counts=org_counts,
        warning=warning.message("vi") if warning else None,
        warning_en=warning.message("en") if warning else None,
    )


def strike_off_cases(db: Database, period: str) -> list[StrikeOffCase]:
    """Live members rated "không hoàn thành" in `period` and the year before.

    They may be struck off (ground `vi_pham_tu_cach_2_nam`); the branch decides.
    """
    year = period_date(period).year
    years = (str(year - 1), str(year))
    with db.reader() as session:
        counts = session.execute(
            select(MemberRating.member_id, MemberRating.period).where(
                MemberRating.period.in_(years),
                MemberRating.level_code == "khong_hoan_thanh",
                MemberRating.deleted_at.is_(None),
            )
        ).all()
        per_member: dict[int, set[str]] = {}
        for member_id, rated_period in counts:
            per_member.setdefault(member_id, set()).add(rated_period)
        ground = catalogue_facts(session, "strike_off_ground").get(TWO_YEARS_GROUND)
        cases = []
        for member_id, periods in sorted(per_member.items()):
            if len(periods) < 2:
                continue
            member = session.get(Member, member_id)
            if member is None or member.deleted_at is not None:
                continue
            if member.status not in (*RATED_STATUSES, MemberStatus.EXEMPTED.value):
                continue
            cases.append(
                StrikeOffCase(
                    member_id=member_id,
                    full_name=member.full_name,
                    organization_id=member.organization_id,
                    years=years,
                    ground=ground.name if ground else TWO_YEARS_GROUND,
                    source=catalogue_source("strike_off_ground"),
                )
            )
        return cases


def _rating_years(context: DueContext) -> list[int]:
    """Years whose rating season (1/12 – 31/1) is open or starts within the horizon."""
    years = []
    for year in (context.today.year - 1, context.today.year):
        start, end = date(year, 12, 1), date(year + 1, 1, 31)
        if start <= context.horizon and context.today <= end:
            years.append(year)
    return years


def due_items(context: DueContext) -> list[DueItem]:
    """Branches whose members' ratings for the year are not all entered (action "ratings").

    Listed from 1 December (within the horizon) to 31 January; due on 31 December.
    """
    items: list[DueItem] = []
    session = context.session
    for year in _rating_years(context):
        rated = set(
            session.scalars(
                select(MemberRating.member_id).where(
                    MemberRating.period == str(year), MemberRating.deleted_at.is_(None)
                )
            )
        )
        missing: dict[int, list[int]] = {}
        for member_id, org_id in session.execute(
            select(Member.id, Member.organization_id).where(
                Member.status.in_(RATED_STATUSES),
                Member.deleted_at.is_(None),
                Member.organization_id.is_not(None),
            )
        ):
            if org_id is None:
                continue
            counts = missing.setdefault(org_id, [0, 0])
            counts[0] += 1
            if member_id not in rated:
                counts[1] += 1
        for org_id, (total, unrated) in sorted(missing.items()):
            if unrated == 0:
                continue
            items.append(
                context.item(
                    f"Chưa nhập xếp loại chất lượng năm {year}: {unrated}/{total} đảng viên",
                    date(year, 12, 31),
                    full_name=context.organization_names.get(org_id, ""),
                    organization_id=org_id,
                    group="rating",
                    action="ratings",
                )
            )
    return items


# --- demo data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoRecords:
    """What `demo_records` added to the demo office."""

    ratings: int
    leavers: int
    exempted: int
    badges: int
    readmitted: int


_DEMO_LEVELS = (("xuat_sac", 12), ("tot", 70), ("hoan_thanh", 16), ("khong_hoan_thanh", 2))
_DEMO_POINTS = {
    "xuat_sac": (90, 98),
    "tot": (70, 89),
    "hoan_thanh": (50, 69),
    "khong_hoan_thanh": (30, 49),
}


def demo_records(db: Database, today: date, seed: int = 1) -> DemoRecords:
    """Add lifecycle records to the demo office through the services, deterministically.

    Last year's ratings for every branch (members and branches; one member failing two
    years in a row), one leaver of each kind, a discipline case, two exempted members,
    one re-admission and the badges of the last occasion (all but one in thirty due).
    """
    rng = random.Random(seed)
    year = today.year - 1
    with db.reader() as session:
        branches = sorted(
            {
                org_id
                for org_id in session.scalars(
                    select(Member.organization_id).where(
                        Member.status.in_(RATED_STATUSES), Member.deleted_at.is_(None)
                    )
                )
                if org_id is not None
            }
        )
    rated = 0
    failing: int | None = None
    for branch in branches:
        entries = []
        for row in branch_ratings(db, branch, str(year)):
            level = rng.choices(
                [code for code, _ in _DEMO_LEVELS], weights=[w for _, w in _DEMO_LEVELS]
            )[0]
            low, high = _DEMO_POINTS[level]
            entries.append(RatingEntry(row.member_id, level, rng.randint(low, high)))
            if level == "khong_hoan_thanh" and failing is None:
                failing = row.member_id
        rated += rate_branch(db, branch, str(year), entries, date(year, 12, 20))
        rate_organization(
            db, branch, str(year), points=rng.randint(60, 95), decided_on=date(year, 12, 25)
        )
    if failing is not None:
        rate_member(db, failing, str(year - 1), "khong_hoan_thanh", 40, date(year - 1, 12, 20))

    with db.reader() as session:
        officials = list(
            session.scalars(
                select(Member.id)
                .where(Member.status == MemberStatus.OFFICIAL.value, Member.deleted_at.is_(None))
                .order_by(Member.birth_date, Member.id)
            )
        )
        former = list(
            session.scalars(
                select(Member.id)
                .where(Member.status == MemberStatus.LEFT.value, Member.deleted_at.is_(None))
                .order_by(Member.left_on, Member.id)
            )
        )
    oldest, rest = officials[:10], officials[10:]
    rng.shuffle(rest)
    leaves = [
        leaving.LeaveInput(
            "khai_tru", today, decision_no="15-QĐ/ĐU", decided_by="Ban Thường vụ Đảng ủy"
        ),
        leaving.LeaveInput("xoa_ten", today, ground="khong_dong_dang_phi", decision_no="16-QĐ/ĐU"),
        leaving.LeaveInput("xin_ra", today, decision_no="17-QĐ/ĐU"),
        leaving.LeaveInput("tu_tran", today),
    ]
    leavers = 0
    pool = iter(rest)
    for data in leaves:
        on = today - timedelta(days=rng.randint(5, 40))
        for member_id in pool:
            try:
                leaving.record_leaving(db, member_id, replace(data, on=on), today)
            except PartydeskError:
                continue
            leavers += 1
            break
    for member_id in pool:
        try:
            leaving.open_discipline_review(db, member_id, today - timedelta(days=20), today=today)
            leaving.record_sanction(
                db,
                member_id,
                leaving.SanctionInput(
                    "khien_trach", today - timedelta(days=3), "18-QĐ/ĐU", "Chi bộ"
                ),
                today,
            )
        except PartydeskError:
            continue
        break
    exempted = 0
    for index, member_id in enumerate(oldest):
        try:
            leaving.start_exemption(
                db,
                member_id,
                today - timedelta(days=40),
                "Tuổi cao, sức yếu",
                until=today + timedelta(days=30) if index == 0 else None,
                today=today,
            )
        except PartydeskError:
            continue
        exempted += 1
        if exempted == 2:
            break
    readmitted = 0
    for member_id in former:
        if leaving.readmission_check(db, member_id, today - timedelta(days=10)):
            continue
        try:
            leaving.readmit(
                db, member_id, today - timedelta(days=10), "19-QĐ/ĐU", "Bí thư", today=today
            )
        except PartydeskError:
            continue
        readmitted = 1
        break
    occasion = max(d for d in badges.next_occasions(today - timedelta(days=366), 4) if d <= today)
    lists = badges.badge_candidates(db, occasion)
    awards = [
        badges.BadgeAward(c.member_id, c.years, f"{c.years:02d}{rng.randint(10000, 99999)}")
        # Nearly everyone due was awarded then (a real office keeps up with its badges),
        # so the next occasion lists those who reach a threshold since, plus a few missed.
        for index, c in enumerate(lists.due)
        if index % 30 != 7
    ]
    awarded = 0
    if awards:
        awarded = badges.award_badges(
            db,
            awards,
            occasion=occasion,
            decision_no=f"{rng.randint(100, 900)}-QĐ/TU",
            decision_date=occasion - timedelta(days=10),
            decided_by="Ban Thường vụ Tỉnh ủy",
        ).awarded
    return DemoRecords(rated, leavers, exempted, awarded, readmitted)


def rating_branches(db: Database) -> list[tuple[int, str]]:
    """The live branches (chi bộ) that hold official or probationary members, by code."""
    with db.reader() as session:
        rows = session.execute(
            select(Organization.id, Organization.name)
            .where(
                Organization.deleted_at.is_(None),
                Organization.dissolved_on.is_(None),
                Organization.id.in_(
                    select(Member.organization_id).where(
                        Member.status.in_(RATED_STATUSES), Member.deleted_at.is_(None)
                    )
                ),
            )
            .order_by(Organization.code)
        )
        return [(org_id, name) for org_id, name in rows]


def rating_thresholds(db: Database, period: str) -> tuple[int, int, int]:
    """The (xuất sắc, tốt, hoàn thành) minimum points in force for `period`."""
    on = period_date(period)
    with db.reader() as session:
        excellent, good, passed, _source = _thresholds(load_rule_table(session), on)
        return excellent, good, passed
