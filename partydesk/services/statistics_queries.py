"""The SQL of the statistics: who was a member on a date, from the events and memberships.

A person is a member of this office on day D when both hold:

- the last status-deciding event on or before D (ties: the later recorded) is one that
  makes or keeps a member — ceremony, recognition, transfer in, exoneration — and not one
  that ends membership — expulsion, striking off, asking to leave, failed recognition,
  death, transfer out. This is `member_state.derive_state` reduced to "counted or not"
  (an admission decision, an exemption and its end never change whether one counts);
- a membership period covers D (valid_from ≤ D < valid_to): it says where the member had
  activity that day. A member who arrived by transfer has a ceremony years before the
  arrival but no membership here before it, so is not counted before arriving.

Both dates of a report (the day before the period and its last day) are answered by one
grouped pass over the events into a temporary table; every figure is then a GROUP BY in
SQL. The cached `member.status` column is never read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from partydesk.codes import EventKind
from partydesk.db.models.member import COUNTED_EVENT_CONDITION

#: Events that make (or keep) a person a counted member.
ON_KINDS = (
    EventKind.CEREMONY,
    EventKind.RECOGNITION,
    EventKind.TRANSFER_IN,
    EventKind.EXONERATED,
)
#: Events that end membership.
OFF_KINDS = (
    EventKind.EXPELLED,
    EventKind.STRUCK_OFF,
    EventKind.ASKED_TO_LEAVE,
    EventKind.RECOGNITION_FAILED,
    EventKind.DIED,
    EventKind.TRANSFER_OUT,
)
STATE_KINDS = (*ON_KINDS, *OFF_KINDS)

#: The member columns a composition can be grouped by (a whitelist: nothing else reaches SQL).
COMPOSITION_COLUMNS = (
    "sex",
    "ethnicity_code",
    "religion_code",
    "general_education",
    "qualification_code",
    "theory_code",
    "occupation_code",
)

_STATE = "temp.stat_state"
_EXACT = "temp.stat_exact"
_PLACE = "temp.stat_place"

#: The partial index over the events that make a member (see the migration adding it).
COUNTED_EVENT_INDEX = "ix_member_event_counted"
#: Covering indexes of the statistics: periods of activity, and the grouped member fields.
MEMBERSHIP_INDEX = "ix_membership_period"
MEMBER_INDEX = "ix_member_statistics"


def _quoted(kinds: Iterable[EventKind]) -> str:
    # Enum values are fixed identifiers of ours, never user text: safe to inline, and
    # the partial index's condition must appear word for word for SQLite to use it.
    return ", ".join(f"'{kind.value}'" for kind in kinds)


def _iso(day: date) -> str:
    return day.isoformat()


def _minus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


class Codes:
    """The codes a composition column is read against: known codes and their positions.

    In SQL each member's code becomes its position in `packed` (instr), 0 when unknown or
    empty, so the grouped keys are small integers, cheaper to sort than text.
    """

    def __init__(self, column: str, codes: Sequence[str]) -> None:
        self.column = column
        self.codes = tuple(codes)
        self.packed = "|" + "|".join(self.codes) + "|"
        self.size = len(self.packed) + 1
        self._by_position: dict[int, str] = {}
        position = 1  # instr() is 1-based and finds the "|" before the code
        for code in self.codes:
            self._by_position[position] = code
            position += len(code) + 1

    def sql(self) -> str:
        """The SQL expression of the position of the member's code (alias `m`)."""
        return f"coalesce(instr(:{self.column}, '|' || m.{self.column} || '|'), 0)"

    def decode(self, position: int) -> str | None:
        """The code at `position`, None for "unknown or empty"."""
        return self._by_position.get(position)


def _columns(codes: Sequence[Codes]) -> list[str]:
    known = set(COMPOSITION_COLUMNS)
    for item in codes:
        if item.column not in known:
            raise ValueError(f"not a composition column: {item.column}")
    return [item.column for item in codes]


def age_cutoffs(as_of: date) -> tuple[date, date, date, date]:
    """Born after the first: ≤ 30 on `as_of`; after the second: ≤ 40; …; else > 60."""
    return (
        _minus_years(as_of, 31),
        _minus_years(as_of, 41),
        _minus_years(as_of, 51),
        _minus_years(as_of, 61),
    )


def build_state(session: Session, opening: date, closing: date) -> None:
    """Fill the temporary tables of every person's member flag on `opening` and `closing`.

    Most people have only events that make a member (ceremony, recognition…): for them
    "member on D" is "first such event on or before D", one grouped pass over a partial
    index. People with an event that ends membership on or before `closing` (about one in
    ten) are replayed exactly: the latest deciding event per date, as a sortable key
    `on_date || id || flag`.
    """
    drop_temporary(session)
    session.execute(
        text("CREATE TEMP TABLE stat_state (member_id INTEGER PRIMARY KEY, first_on TEXT)")
    )
    session.execute(
        text(
            f"""
            INSERT INTO stat_state (member_id, first_on)
            SELECT member_id, min(on_date) FROM member_event INDEXED BY {COUNTED_EVENT_INDEX}
            WHERE {COUNTED_EVENT_CONDITION}
            GROUP BY member_id
            """
        )
    )
    session.execute(
        text("CREATE TEMP TABLE stat_exact (member_id INTEGER PRIMARY KEY, o INTEGER, c INTEGER)")
    )
    session.execute(
        text(
            f"""
            INSERT INTO stat_exact (member_id, o, c)
            SELECT member_id,
                   coalesce(substr(max(CASE WHEN on_date <= :opening THEN key END), -1) = '1', 0),
                   coalesce(substr(max(key), -1) = '1', 0)
            FROM (
                SELECT member_id, on_date,
                       on_date || (id + 1000000000000) || (kind IN ({_quoted(ON_KINDS)})) AS key
                FROM member_event
                WHERE deleted_at IS NULL
                  AND kind IN ({_quoted(STATE_KINDS)})
                  AND on_date <= :closing
                  AND member_id IN (
                      SELECT member_id FROM member_event
                      WHERE deleted_at IS NULL AND kind IN ({_quoted(OFF_KINDS)})
                        AND on_date <= :closing
                  )
            )
            GROUP BY member_id
            """
        ),
        {"opening": _iso(opening), "closing": _iso(closing)},
    )


def build_places(session: Session, opening: date, closing: date, codes: Sequence[Codes]) -> None:
    """Fill the temporary table of the members here on `opening` or `closing`.

    One pass over the periods of activity covering either day: the organization, whether
    the person was a member that day, and for the closing day the composition key: the
    age band and each column's code position, combined into one integer.
    """
    key = "(CASE WHEN m.birth_date > :c31 THEN 0 WHEN m.birth_date > :c41 THEN 1"
    key += " WHEN m.birth_date > :c51 THEN 2 WHEN m.birth_date > :c61 THEN 3 ELSE 4 END)"
    for item in codes:
        key = f"({key} * {item.size} + {item.sql()})"
    c31, c41, c51, c61 = age_cutoffs(closing)
    params: dict[str, object] = {
        "opening": _iso(opening),
        "closing": _iso(closing),
        "c31": _iso(c31),
        "c41": _iso(c41),
        "c51": _iso(c51),
        "c61": _iso(c61),
    }
    params.update({item.column: item.packed for item in codes})
    columns = ", ".join(f"m.{name} AS {name}" for name in ("birth_date", *_columns(codes)))
    covers = "(ms.valid_from <= :{d} AND (ms.valid_to IS NULL OR ms.valid_to > :{d}))"
    session.execute(
        text(
            f"""
            CREATE TEMP TABLE stat_place AS
            SELECT member_id, organization_id, o, c, CASE WHEN c THEN {key} END AS k
            FROM (
                SELECT ms.member_id AS member_id, ms.organization_id AS organization_id,
                       {covers.format(d="opening")}
                         AND coalesce(e.o, s.first_on <= :opening) AS o,
                       {covers.format(d="closing")}
                         AND coalesce(e.c, s.first_on <= :closing) AS c,
                       {columns}
                FROM membership ms INDEXED BY {MEMBERSHIP_INDEX}
                JOIN {_STATE} s ON s.member_id = ms.member_id
                LEFT JOIN {_EXACT} e ON e.member_id = ms.member_id
                JOIN member m INDEXED BY {MEMBER_INDEX}
                  ON m.id = ms.member_id AND m.deleted_at IS NULL
                WHERE ms.deleted_at IS NULL
                  AND ms.valid_from <= :closing
                  AND (ms.valid_to IS NULL OR ms.valid_to > :opening)
            ) m
            WHERE o OR c
            """
        ),
        params,
    )


def counts_by_organization(session: Session) -> tuple[dict[int, int], dict[int, int]]:
    """Members on the opening and on the closing day per organization of activity."""
    opening: dict[int, int] = {}
    closing: dict[int, int] = {}
    for org, o, c, count in session.execute(
        text(f"SELECT organization_id, o, c, count(*) FROM {_PLACE} GROUP BY 1, 2, 3")
    ):
        if o:
            opening[org] = opening.get(org, 0) + count
        if c:
            closing[org] = closing.get(org, 0) + count
    return opening, closing


def composition_keys(session: Session, organizations: Sequence[int] | None) -> dict[int, int]:
    """Members on the closing day per composition key, in `organizations` (None: all)."""
    where = "c"
    params: dict[str, object] = {}
    if organizations is not None:
        where += " AND organization_id IN (SELECT value FROM json_each(:orgs))"
        params["orgs"] = "[" + ",".join(str(o) for o in organizations) + "]"
    rows = session.execute(
        text(f"SELECT k, count(*) FROM {_PLACE} WHERE {where} GROUP BY k"), params
    )
    return {int(k): count for k, count in rows}


def decode_key(key: int, codes: Sequence[Codes]) -> tuple[int, list[str | None]]:
    """(age band index, code of each column) of a composition key."""
    values: list[str | None] = []
    for item in reversed(codes):
        key, position = divmod(key, item.size)
        values.append(item.decode(position))
    values.reverse()
    return key, values


def drop_temporary(session: Session) -> None:
    """Drop the temporary tables (the pooled connection outlives the report)."""
    for table in (_STATE, _EXACT, _PLACE):
        session.execute(text(f"DROP TABLE IF EXISTS {table}"))


# --- the period ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    """One status or placement fact of a member whose membership changed in the period."""

    member_id: int
    kind: str  # an event kind, or "membership"
    on_date: date
    id: int
    organization_id: int | None = None
    valid_to: date | None = None
    reason: str = ""


def changed_members(session: Session, start: date, end: date) -> list[int]:
    """Members with a status-deciding event or a membership boundary in [start, end]."""
    params = {"start": _iso(start), "end": _iso(end)}
    rows = session.execute(
        text(
            f"""
            SELECT member_id FROM member_event
            WHERE deleted_at IS NULL AND kind IN ({_quoted(STATE_KINDS)})
              AND on_date BETWEEN :start AND :end
            UNION
            SELECT member_id FROM membership
            WHERE deleted_at IS NULL AND valid_from BETWEEN :start AND :end
            UNION
            SELECT member_id FROM membership
            WHERE deleted_at IS NULL AND valid_to BETWEEN :start AND :end
            """
        ),
        params,
    )
    return sorted(member_id for (member_id,) in rows)


def history_of(session: Session, members: Sequence[int], end: date) -> list[HistoryRow]:
    """The status-deciding events up to `end` and all memberships of `members`."""
    if not members:
        return []
    ids = "[" + ",".join(str(m) for m in members) + "]"
    result: list[HistoryRow] = []
    for member_id, kind, on_date, event_id in session.execute(
        text(
            f"""
            SELECT member_id, kind, on_date, id FROM member_event
            WHERE deleted_at IS NULL AND +kind IN ({_quoted(STATE_KINDS)})
              AND +on_date <= :end
              AND member_id IN (SELECT value FROM json_each(:ids))
            """
        ),
        {"end": _iso(end), "ids": ids},
    ):
        result.append(HistoryRow(member_id, kind, _day(on_date), event_id))
    for member_id, org, valid_from, valid_to, reason, row_id in session.execute(
        text(
            """
            SELECT member_id, organization_id, valid_from, valid_to, reason, id
            FROM membership
            WHERE deleted_at IS NULL AND member_id IN (SELECT value FROM json_each(:ids))
            """
        ),
        {"ids": ids},
    ):
        result.append(
            HistoryRow(
                member_id,
                "membership",
                _day(valid_from),
                row_id,
                organization_id=org,
                valid_to=_day(valid_to) if valid_to is not None else None,
                reason=reason or "",
            )
        )
    return result


def _day(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class PersonFacts:
    """What the admission figures need to know about an admitted person."""

    sex: str
    birth_date: date
    ethnicity_code: str
    occupation_code: str | None
    readmitted: bool


def person_facts(session: Session, members: Sequence[int]) -> dict[int, PersonFacts]:
    """Sex, birth date, ethnicity, occupation and "left before" of `members`."""
    if not members:
        return {}
    ids = "[" + ",".join(str(m) for m in members) + "]"
    left_before = set(
        session.scalars(
            text(
                f"""
                SELECT DISTINCT member_id FROM member_event
                WHERE deleted_at IS NULL
                  AND +kind IN ({_quoted(k for k in OFF_KINDS if k is not EventKind.DIED)})
                  AND member_id IN (SELECT value FROM json_each(:ids))
                """
            ),
            {"ids": ids},
        )
    )
    facts: dict[int, PersonFacts] = {}
    for member_id, sex, birth, ethnicity, occupation in session.execute(
        text(
            """
            SELECT id, sex, birth_date, ethnicity_code, occupation_code FROM member
            WHERE id IN (SELECT value FROM json_each(:ids))
            """
        ),
        {"ids": ids},
    ):
        facts[member_id] = PersonFacts(
            sex, _day(birth), ethnicity, occupation, member_id in left_before
        )
    return facts


def events_in_period(
    session: Session, kinds: Sequence[EventKind], start: date, end: date
) -> list[tuple[int, str, date, str]]:
    """(member, kind, date, details JSON) of live events of `kinds` dated in [start, end]."""
    rows = session.execute(
        text(
            f"""
            SELECT member_id, kind, on_date, details_json FROM member_event
            WHERE deleted_at IS NULL AND kind IN ({_quoted(kinds)})
              AND on_date BETWEEN :start AND :end
            """
        ),
        {"start": _iso(start), "end": _iso(end)},
    )
    return [(m, k, _day(d), details or "{}") for m, k, d, details in rows]


def placement_on(
    session: Session, pairs: Sequence[tuple[int, date]]
) -> dict[tuple[int, date], int]:
    """The organization of activity of each (member, day).

    The period covering the day, else the one that ended that day (a member leaving on D
    was placed until D).
    """
    if not pairs:
        return {}
    members = sorted({m for m, _ in pairs})
    periods: dict[int, list[tuple[date, date | None, int]]] = {}
    ids = "[" + ",".join(str(m) for m in members) + "]"
    for member_id, org, valid_from, valid_to in session.execute(
        text(
            """
            SELECT member_id, organization_id, valid_from, valid_to FROM membership
            WHERE deleted_at IS NULL AND member_id IN (SELECT value FROM json_each(:ids))
            """
        ),
        {"ids": ids},
    ):
        periods.setdefault(member_id, []).append(
            (_day(valid_from), _day(valid_to) if valid_to is not None else None, org)
        )
    found: dict[tuple[int, date], int] = {}
    for member_id, day in pairs:
        candidates = periods.get(member_id, [])
        for start, end, org in candidates:
            if start <= day and (end is None or end > day):
                found[member_id, day] = org
                break
        else:
            for start, end, org in candidates:
                if end == day and start < day:
                    found[member_id, day] = org
                    break
    return found


def member_ratings(session: Session, period: str) -> list[tuple[int, int | None, str]]:
    """(member, organization, level) of the member ratings of `period` (e.g. "2025")."""
    rows = session.execute(
        text(
            """
            SELECT member_id, organization_id, level_code FROM member_rating
            WHERE deleted_at IS NULL AND period = :period
            """
        ),
        {"period": period},
    )
    return [(m, o, level) for m, o, level in rows]


def admission_decisions(session: Session, start: date, end: date) -> list[tuple[int, date]]:
    """(member, date) of admission decisions (first and re-admission) signed in the period."""
    return [
        (m, d)
        for m, _k, d, _details in events_in_period(
            session, (EventKind.ADMISSION_DECISION,), start, end
        )
    ]
