"""Periodic statistics as of any date (domain.md §6), computed from the event history.

`compute_statistics(db, StatisticsRequest(as_of=D))` answers for the period [start, D]
(start defaults to 1 January of D's year: 30/6 gives the half year, 31/12 the year):

- organizations existing on D (founded on or before D, not dissolved by D) by kind and
  by type (loại hình) of the grassroots organizations;
- members on D (see `statistics_queries`: the event history and the dated memberships,
  never the cached status) by sex, age band (full years on D), ethnicity, religion,
  general education, qualification, political theory and occupation. Biography fields
  are not dated: a composition uses the record's values as they stand;
- in the period: admissions (counted on the **ceremony** date, the day the person enters
  the member count and probation starts; the decisions signed in the period are given
  apart) against the year's target (rule `report.admission_target`), recognitions,
  transfers, leavers by kind, deaths, badges, the ratings of the year;
- the balance of every report row (a grassroots organization, as the tree stood on D) and
  of the total: opening (members on start − 1) + in − out = closing (members on D).
  Opening and closing come from SQL, the movements from a member-by-member replay
  (`statistics_flows`); any row where they disagree is returned in `mismatches`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.catalogue_files import read_catalogue
from partydesk.codes import EventKind, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Office
from partydesk.errors import PartydeskError
from partydesk.rules import RuleMissing
from partydesk.services import statistics_queries as q
from partydesk.services.catalogues import list_catalogue
from partydesk.services.member_queries import AgeBand
from partydesk.services.rule_table import load_rule_table
from partydesk.services.statistics_flows import IN_FLOWS, OUT_FLOWS, Flow, Movement, replay
from partydesk.services.statistics_tree import TreeOnDate, holds_members, is_grassroots

errors.add_messages(
    {
        "report.sqlite_only": (
            "Báo cáo thống kê chỉ lập được trên tệp dữ liệu của đơn vị (SQLite).",
            "Statistics reports are made on an office's own database file (SQLite) only.",
        )
    }
)

#: Occupations that make an admitted person a "student" / a private-enterprise worker.
STUDENT_OCCUPATIONS = ("hoc_sinh_sinh_vien",)
PRIVATE_ENTERPRISE_OCCUPATIONS = ("lao_dong_dn_ngoai_nn", "chu_doanh_nghiep")
#: Grassroots types whose members work in a private (non-state) enterprise.
PRIVATE_ENTERPRISE_TYPES = ("dn_ngoai_nha_nuoc", "dn_von_nuoc_ngoai")
KINH = "01"
OTHER_ETHNICITY = "99"
YOUNG_MAX_AGE = 30
BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
_SCHOOL_LEVELS = (
    ("thpt", "Trung học phổ thông"),
    ("thcs", "Trung học cơ sở"),
    ("tieu_hoc", "Tiểu học"),
)
UNKNOWN = ""  # the code of "not recorded" in a breakdown


@dataclass(frozen=True)
class StatisticsRequest:
    """What to count: as of `as_of`, over [start, as_of], in an organization's subtree."""

    as_of: date
    start: date | None = None
    organization_id: int | None = None


@dataclass(frozen=True)
class Count:
    """One line of a breakdown."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class Breakdown:
    """A figure split by a catalogue (every entry listed, zero included)."""

    key: str
    title: str
    items: tuple[Count, ...]

    @property
    def total(self) -> int:
        """The sum of the lines."""
        return sum(item.count for item in self.items)

    def count(self, code: str) -> int:
        """The count of one code (0 when absent)."""
        return next((item.count for item in self.items if item.code == code), 0)


@dataclass(frozen=True)
class RowBalance:
    """Opening + in − out = closing of one report row (or of the total)."""

    organization_id: int | None
    code: str
    name: str
    opening: int
    flows: Mapping[str, int]
    closing: int

    def flow(self, flow: Flow) -> int:
        """The count of one movement kind."""
        return self.flows.get(flow.value, 0)

    @property
    def total_in(self) -> int:
        """Every movement in."""
        return sum(self.flow(f) for f in IN_FLOWS)

    @property
    def total_out(self) -> int:
        """Every movement out."""
        return sum(self.flow(f) for f in OUT_FLOWS)

    @property
    def admitted(self) -> int:
        """Admitted in the period (new and re-admitted)."""
        return self.flow(Flow.ADMITTED) + self.flow(Flow.READMITTED)

    @property
    def expected(self) -> int:
        """Opening + in − out: what the closing count must be."""
        return self.opening + self.total_in - self.total_out

    @property
    def balanced(self) -> bool:
        """True when the figures add up."""
        return self.expected == self.closing


@dataclass(frozen=True)
class Mismatch:
    """A report row whose opening + in − out is not its closing count."""

    code: str
    name: str
    opening: int
    total_in: int
    total_out: int
    closing: int

    @property
    def difference(self) -> int:
        """Closing minus (opening + in − out)."""
        return self.closing - (self.opening + self.total_in - self.total_out)

    def message(self) -> str:
        """One Vietnamese line naming the row and the numbers."""
        return (
            f"{self.code} {self.name}: đầu kỳ {self.opening} + tăng {self.total_in}"
            f" − giảm {self.total_out} = {self.opening + self.total_in - self.total_out},"
            f" cuối kỳ {self.closing} (lệch {self.difference:+d})"
        )


@dataclass(frozen=True)
class Admissions:
    """The admissions of the period against the year's target."""

    admitted: int
    readmitted: int
    decisions: int
    target: int | None
    women: int
    minorities: int
    young: int
    students: int
    private_enterprise: int

    @property
    def total(self) -> int:
        """Admitted and re-admitted."""
        return self.admitted + self.readmitted

    @property
    def percent(self) -> float | None:
        """Percentage of the target reached (None without a target)."""
        if not self.target:
            return None
        return round(100.0 * self.total / self.target, 1)


@dataclass(frozen=True)
class Statistics:
    """The whole report, plain data (see the module docstring)."""

    office_name: str
    superior_name: str
    place_name: str
    number_symbol: str
    scope_name: str
    whole_office: bool
    as_of: date
    period_start: date
    organizations_by_kind: Breakdown
    organizations_by_type: Breakdown
    members: Breakdown  # the headline counts: total, women, minorities, young
    compositions: tuple[Breakdown, ...]
    admissions: Admissions
    period: Breakdown  # recognitions, transfers, leavers, deaths…
    badges: Breakdown
    rating_year: int
    ratings: Breakdown
    rows: tuple[RowBalance, ...]
    total: RowBalance
    mismatches: tuple[Mismatch, ...] = field(default=())

    @property
    def balanced(self) -> bool:
        """True when every row and the total add up."""
        return not self.mismatches

    def composition(self, key: str) -> Breakdown:
        """One composition by its key (sex, age, ethnicity…)."""
        for item in self.compositions:
            if item.key == key:
                return item
        raise KeyError(key)


def default_start(as_of: date) -> date:
    """The period's first day by default: 1 January of the report date's year."""
    return date(as_of.year, 1, 1)


def rating_year(as_of: date) -> int:
    """The rating year shown: the year itself on 31/12, else the previous year."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def full_years(birth: date, on: date) -> int:
    """Age in full years on `on`."""
    return (on.year - birth.year) - ((on.month, on.day) < (birth.month, birth.day))


def age_band(age: int) -> AgeBand:
    """The report's age band of an age in full years."""
    for band in AgeBand:
        low, high = band.ages
        if (low is None or age >= low) and (high is None or age <= high):
            return band
    return AgeBand.OVER_60


# --- the computation ----------------------------------------------------------------------


def compute_statistics(db: Database, request: StatisticsRequest) -> Statistics:
    """The statistics of `request` (see the module docstring).

    Errors: `office.missing`; `organization.not_found` (scope); `date.order` when the
    period starts after its last day; `report.sqlite_only` on a server database.
    """
    as_of = request.as_of
    start = request.start or default_start(as_of)
    if start > as_of:
        raise PartydeskError(
            "date.order",
            later="Ngày báo cáo",
            later_value=as_of.strftime("%d/%m/%Y"),
            earlier="Ngày đầu kỳ",
            earlier_value=start.strftime("%d/%m/%Y"),
        )
    if not db.is_sqlite:
        # The queries use SQLite's INDEXED BY, json_each and its DB-API cursor.
        raise PartydeskError("report.sqlite_only")
    opening_day = start - timedelta(days=1)
    with db.reader() as session:
        office = session.scalars(select(Office)).first()
        if office is None:
            raise PartydeskError("office.missing")
        tree = TreeOnDate(session, as_of)
        root = request.organization_id or office.organization_id
        if root is None or root not in tree.orgs:
            raise PartydeskError("organization.not_found", ref=request.organization_id)
        whole = root == office.organization_id
        holding = [o for o in tree.orgs if tree.in_scope(o, root)]
        cache: dict[int | None, int | None] = {}

        def row_of(org_id: int | None) -> int | None:
            if org_id not in cache:
                cache[org_id] = tree.row_of(org_id, root)
            return cache[org_id]

        catalogues = _composition_catalogues(session)
        # The period's movements, admissions, badges and ratings are read on a second
        # connection while this one counts the members of both days: the counting runs
        # inside SQLite, which lets go of the GIL, so on two cores the report takes the
        # longer of the two halves instead of their sum (500k members: 2.37 s -> 1.68 s,
        # bench/bench_statistics.py). Both are read transactions of a WAL database begun
        # together; partydesk writes through one worker, so no commit falls between them,
        # and if one ever did the balance check would show it rather than hide it.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="statistics") as pool:
            flows = pool.submit(_period_half, db, tree, root, row_of, start, as_of, whole)
            try:
                q.build_state(session, opening_day, as_of)
                counts = q.tally(
                    session,
                    opening_day,
                    as_of,
                    # No filter when the scope is every organization (the whole office).
                    None if len(holding) == len(tree.orgs) else set(holding),
                    [c.codes for c in catalogues],
                )
            finally:
                q.drop_temporary(session)
            half = flows.result()
        movements = half.movements
        admissions, period, badges, ratings = (
            half.admissions,
            half.period,
            half.badges,
            half.ratings,
        )
        by_kind, by_type = half.by_kind, half.by_type
        year = rating_year(as_of)
        opening = _by_row(counts.opening, row_of)
        closing = _by_row(counts.closing, row_of)
        compositions = _compositions(catalogues, counts.bands, counts.columns)
        rows, total, mismatches = _balances(tree, root, opening, closing, movements)
        members = Breakdown(
            "members",
            "Đảng viên",
            (
                Count("total", "Tổng số đảng viên", total.closing),
                Count("women", "Đảng viên nữ", compositions[0].count("nữ")),
                Count("minorities", "Đảng viên dân tộc thiểu số", _minorities(compositions)),
                Count(
                    "young",
                    f"Đảng viên từ {YOUNG_MAX_AGE} tuổi trở xuống",
                    compositions[1].count(AgeBand.UP_TO_30.value),
                ),
            ),
        )
        root_org = tree.orgs[root]
        return Statistics(
            office_name=office.name,
            superior_name=office.superior_name,
            place_name=office.place_name,
            number_symbol=office.number_symbol,
            scope_name=root_org.name,
            whole_office=whole,
            as_of=as_of,
            period_start=start,
            organizations_by_kind=by_kind,
            organizations_by_type=by_type,
            members=members,
            compositions=compositions,
            admissions=admissions,
            period=period,
            badges=badges,
            rating_year=year,
            ratings=ratings,
            rows=rows,
            total=total,
            mismatches=mismatches,
        )


@dataclass(frozen=True)
class _PeriodHalf:
    """What the second connection reads: everything that happened in the period."""

    movements: list[Movement]
    admissions: Admissions
    period: Breakdown
    badges: Breakdown
    ratings: Breakdown
    by_kind: Breakdown
    by_type: Breakdown


def _period_half(
    db: Database,
    tree: TreeOnDate,
    root: int,
    row_of: Callable[[int | None], int | None],
    start: date,
    as_of: date,
    whole: bool,
) -> _PeriodHalf:
    with db.reader() as session:
        changed = q.changed_members(session, start, as_of)
        movements = replay(q.history_of(session, changed, as_of), start, as_of, row_of)
        by_kind, by_type = _organizations(session, tree, root)
        return _PeriodHalf(
            movements=movements,
            admissions=_admissions(session, tree, movements, start, as_of, whole),
            period=_period(session, tree, row_of, movements, start, as_of),
            badges=_badges(session, row_of, start, as_of),
            ratings=_ratings(session, row_of, rating_year(as_of)),
            by_kind=by_kind,
            by_type=by_type,
        )


def _by_row(counts: Mapping[int, int], row_of: Callable[[int | None], int | None]) -> Counter[int]:
    result: Counter[int] = Counter()
    for org, count in counts.items():
        row = row_of(org)
        if row is not None:
            result[row] += count
    return result


def _catalogue_breakdown(
    session: Session,
    key: str,
    title: str,
    catalogue: str,
    counts: Mapping[str | None, int],
    *,
    unknown_label: str = "Chưa ghi",
    fold_unknown_into: str | None = None,
) -> Breakdown:
    entries = list_catalogue(session, catalogue)
    known = {entry.code for entry in entries}
    extra = sum(n for code, n in counts.items() if code not in known)
    items = [Count(e.code, e.name, counts.get(e.code, 0)) for e in entries]
    if fold_unknown_into is not None:
        items = [
            Count(c.code, c.label, c.count + (extra if c.code == fold_unknown_into else 0))
            for c in items
        ]
    elif extra:
        items.append(Count(UNKNOWN, unknown_label, extra))
    return Breakdown(key, title, tuple(items))


@dataclass(frozen=True)
class _Catalogue:
    """The codes and labels one composition column is read against, in catalogue order."""

    codes: tuple[str, ...]
    labels: tuple[str, ...]


def _composition_catalogues(session: Session) -> list[_Catalogue]:
    """One per `statistics_queries.COMPOSITION_COLUMNS`, in that order."""
    result = [_Catalogue(("nam", "nữ"), ("Nam", "Nữ"))]
    for catalogue in _COLUMN_CATALOGUES:
        entries = list_catalogue(session, catalogue)
        result.append(_Catalogue(tuple(e.code for e in entries), tuple(e.name for e in entries)))
    return result


_COLUMN_CATALOGUES = (
    "ethnicity",
    "religion",
    "general_education",
    "qualification",
    "theory",
    "occupation",
)


def _breakdown(
    key: str,
    title: str,
    catalogue: _Catalogue,
    counts: Mapping[str | None, int],
    unknown_label: str = "Chưa ghi",
) -> Breakdown:
    items = [
        Count(code, label, counts.get(code, 0))
        for code, label in zip(catalogue.codes, catalogue.labels, strict=True)
    ]
    if counts.get(None):
        items.append(Count(UNKNOWN, unknown_label, counts[None]))
    return Breakdown(key, title, tuple(items))


def _compositions(
    catalogues: Sequence[_Catalogue],
    bands: Mapping[str, int],
    counted: Sequence[Mapping[str | None, int]],
) -> tuple[Breakdown, ...]:
    columns = [Counter(column) for column in counted]
    sex, ethnicity, religion, education_codes, qualification, theory, occupation = columns
    # Codes outside the ethnicity catalogue count as «Khác» (the 54 groups + khác).
    ethnicity[OTHER_ETHNICITY] += ethnicity.pop(None, 0)
    education: Counter[str] = Counter()
    level_of = {
        item.code: str(item.extra.get("school_level", ""))
        for item in read_catalogue("general_education").items
    }
    for code, count in education_codes.items():
        education[level_of.get(code or "", UNKNOWN)] += count
    education_items = [Count(c, label, education.get(c, 0)) for c, label in _SCHOOL_LEVELS]
    if education.get(UNKNOWN):
        education_items.append(Count(UNKNOWN, "Chưa ghi", education[UNKNOWN]))
    untrained = "Chưa qua đào tạo / chưa ghi"
    return (
        _breakdown("sex", "Giới tính", catalogues[0], sex),
        Breakdown(
            "age",
            "Độ tuổi",
            tuple(Count(b.value, b.label, bands.get(str(i), 0)) for i, b in enumerate(AgeBand)),
        ),
        _breakdown("ethnicity", "Dân tộc", catalogues[1], ethnicity),
        _breakdown("religion", "Tôn giáo", catalogues[2], religion),
        Breakdown("education", "Giáo dục phổ thông", tuple(education_items)),
        _breakdown("qualification", "Trình độ chuyên môn", catalogues[4], qualification, untrained),
        _breakdown("theory", "Lý luận chính trị", catalogues[5], theory, untrained),
        _breakdown("occupation", "Nghề nghiệp", catalogues[6], occupation),
    )


def _minorities(compositions: Sequence[Breakdown]) -> int:
    ethnicity = compositions[2]
    return ethnicity.total - ethnicity.count(KINH)


def _balances(
    tree: TreeOnDate,
    root: int,
    opening: Counter[int],
    closing: Counter[int],
    movements: Sequence[Movement],
) -> tuple[tuple[RowBalance, ...], RowBalance, tuple[Mismatch, ...]]:
    flows: dict[int, Counter[str]] = {}
    for movement in movements:
        flows.setdefault(movement.row, Counter())[movement.flow.value] += 1
    candidates = set(opening) | set(closing) | set(flows)
    for org_id in tree.orgs:
        org = tree.orgs[org_id]
        if (
            org_id != root
            and tree.exists(org_id)
            and tree.row_of(org_id, root) == org_id
            and (is_grassroots(org.kind) or holds_members(org.kind))
        ):
            candidates.add(org_id)
    rows: list[RowBalance] = []
    for row in sorted(candidates, key=tree.sort_key):
        org = tree.orgs[row]
        rows.append(
            RowBalance(
                row, org.code, org.name, opening[row], dict(flows.get(row, {})), closing[row]
            )
        )
    total_flows: Counter[str] = Counter()
    for movement in movements:
        # Moves between two rows of the report cancel out in the total.
        total_flows[movement.flow.value] += 1
    moved = min(total_flows[Flow.MOVED_IN.value], total_flows[Flow.MOVED_OUT.value])
    total_flows[Flow.MOVED_IN.value] -= moved
    total_flows[Flow.MOVED_OUT.value] -= moved
    root_org = tree.orgs[root]
    total = RowBalance(
        None,
        root_org.code,
        "Tổng cộng",
        sum(opening.values()),
        {k: v for k, v in total_flows.items() if v},
        sum(closing.values()),
    )
    mismatches = tuple(
        Mismatch(r.code, r.name, r.opening, r.total_in, r.total_out, r.closing)
        for r in (*rows, total)
        if not r.balanced
    )
    return tuple(rows), total, mismatches


def _admissions(
    session: Session,
    tree: TreeOnDate,
    movements: Sequence[Movement],
    start: date,
    as_of: date,
    whole: bool,
) -> Admissions:
    admitted = [m for m in movements if m.flow in (Flow.ADMITTED, Flow.READMITTED)]
    facts = q.person_facts(session, sorted({m.member_id for m in admitted}))
    women = minorities = young = students = private = 0
    for movement in admitted:
        person = facts.get(movement.member_id)
        if person is None:
            continue
        women += person.sex == "nữ"
        minorities += person.ethnicity_code != KINH
        young += full_years(person.birth_date, movement.on_date) <= YOUNG_MAX_AGE
        students += person.occupation_code in STUDENT_OCCUPATIONS
        org = tree.orgs.get(movement.row)
        private += person.occupation_code in PRIVATE_ENTERPRISE_OCCUPATIONS or (
            org is not None and org.type_code in PRIVATE_ENTERPRISE_TYPES
        )
    target: int | None = None
    if whole:
        try:
            value = load_rule_table(session).value(
                "report.admission_target", date(as_of.year, 12, 31)
            )
        except RuleMissing:  # a year before the rule table begins: no target
            value = 0
        target = int(value) if value else None
    decisions = len(q.admission_decisions(session, start, as_of)) if whole else 0
    return Admissions(
        admitted=sum(1 for m in admitted if m.flow is Flow.ADMITTED),
        readmitted=sum(1 for m in admitted if m.flow is Flow.READMITTED),
        decisions=decisions,
        target=target,
        women=women,
        minorities=minorities,
        young=young,
        students=students,
        private_enterprise=private,
    )


def _placed_events(
    session: Session,
    row_of: Callable[[int | None], int | None],
    kinds: Sequence[EventKind],
    start: date,
    as_of: date,
) -> list[tuple[int, str, date, str]]:
    """Events of the period whose member was placed in the scope that day."""
    events = q.events_in_period(session, kinds, start, as_of)
    placement = q.placement_on(session, [(m, d) for m, _k, d, _x in events])
    return [e for e in events if row_of(placement.get((e[0], e[2]))) is not None]


def _period(
    session: Session,
    tree: TreeOnDate,
    row_of: Callable[[int | None], int | None],
    movements: Sequence[Movement],
    start: date,
    as_of: date,
) -> Breakdown:
    flows = Counter(m.flow for m in movements)
    # Moves between two rows of the scope are internal; a move across its edge is not.
    internal = min(flows[Flow.MOVED_IN], flows[Flow.MOVED_OUT])
    placed = _placed_events(
        session,
        row_of,
        (EventKind.RECOGNITION, EventKind.TEMPORARY_OUT, EventKind.TEMPORARY_RETURN),
        start,
        as_of,
    )
    kinds = Counter(kind for _m, kind, _d, _x in placed)
    return Breakdown(
        "period",
        "Biến động trong kỳ",
        (
            Count("admitted", "Kết nạp mới", flows[Flow.ADMITTED]),
            Count("readmitted", "Kết nạp lại", flows[Flow.READMITTED]),
            Count("recognized", "Công nhận đảng viên chính thức", kinds[EventKind.RECOGNITION]),
            Count("transferred_in", "Chuyển sinh hoạt chính thức đến", flows[Flow.TRANSFERRED_IN]),
            Count("transferred_out", "Chuyển sinh hoạt chính thức đi", flows[Flow.TRANSFERRED_OUT]),
            Count("temporary_out", "Chuyển sinh hoạt tạm thời đi", kinds[EventKind.TEMPORARY_OUT]),
            Count(
                "temporary_return",
                "Trở về sau sinh hoạt tạm thời",
                kinds[EventKind.TEMPORARY_RETURN],
            ),
            Count("moved", "Chuyển sinh hoạt nội bộ giữa các tổ chức cơ sở", internal),
            Count("restored", "Phục hồi đảng tịch", flows[Flow.RESTORED]),
            Count("expelled", "Khai trừ", flows[Flow.EXPELLED]),
            Count("struck_off", "Xóa tên", flows[Flow.STRUCK_OFF]),
            Count("asked_to_leave", "Xin ra khỏi Đảng", flows[Flow.ASKED_TO_LEAVE]),
            Count(
                "left",
                "Cộng ra khỏi Đảng",
                flows[Flow.EXPELLED] + flows[Flow.STRUCK_OFF] + flows[Flow.ASKED_TO_LEAVE],
            ),
            Count("died", "Từ trần", flows[Flow.DIED]),
        ),
    )


def _badges(
    session: Session, row_of: Callable[[int | None], int | None], start: date, as_of: date
) -> Breakdown:
    counts: Counter[str] = Counter()
    for _m, _k, _d, details in _placed_events(session, row_of, (EventKind.BADGE,), start, as_of):
        try:
            years = int(json.loads(details).get("years", 0))
        except (ValueError, TypeError, AttributeError):
            years = 0
        counts[str(years)] += 1
    items = [
        Count(str(y), f"Huy hiệu {y} năm tuổi Đảng", counts.get(str(y), 0)) for y in BADGE_YEARS
    ]
    other = sum(n for code, n in counts.items() if code not in {str(y) for y in BADGE_YEARS})
    if other:
        items.append(Count(UNKNOWN, "Huy hiệu khác", other))
    return Breakdown("badges", "Huy hiệu Đảng đã trao", tuple(items))


def _ratings(session: Session, row_of: Callable[[int | None], int | None], year: int) -> Breakdown:
    counts: Counter[str | None] = Counter()
    for _member, org, level in q.member_ratings(session, str(year)):
        if row_of(org) is not None:
            counts[level] += 1
    return _catalogue_breakdown(
        session, "ratings", f"Xếp loại chất lượng đảng viên năm {year}", "rating", counts
    )


def _organizations(session: Session, tree: TreeOnDate, root: int) -> tuple[Breakdown, Breakdown]:
    existing = [
        tree.orgs[o] for o in tree.orgs if o != root and tree.exists(o) and tree.in_scope(o, root)
    ]
    kinds = Counter(org.kind for org in existing)
    by_kind = tuple(
        Count(kind.value, kind.label, kinds.get(kind.value, 0))
        for kind in OrgKind
        if kinds.get(kind.value) or kind in _REPORTED_KINDS
    )
    grassroots = Counter(org.type_code for org in existing if is_grassroots(org.kind))
    by_type = _catalogue_breakdown(
        session, "org_type", "Tổ chức cơ sở đảng theo loại hình", "org_type", grassroots
    )
    return Breakdown("org_kind", "Tổ chức đảng theo cấp", by_kind), by_type


_REPORTED_KINDS = (
    OrgKind.GRASSROOTS_COMMITTEE,
    OrgKind.GRASSROOTS_BRANCH,
    OrgKind.PARTIAL_COMMITTEE,
    OrgKind.BRANCH,
)
