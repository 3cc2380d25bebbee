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

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

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


#: The age bands' indexes as text, youngest first (≤ 30, 31–40, 41–50, 51–60, > 60).
AGE_BANDS = ("0", "1", "2", "3", "4")


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
    index. People with an event that ends membership on or before `closing` and a period
    of activity overlapping the two days (a few in a thousand: those who left in the
    period, came back, or whose records disagree) are replayed exactly: the latest
    deciding event per date, as a sortable key `on_date || id || flag`. Anyone else with
    such an event has no period of activity covering either day, so is not counted.
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
                      SELECT e.member_id FROM member_event e
                      WHERE e.deleted_at IS NULL AND e.kind IN ({_quoted(OFF_KINDS)})
                        AND e.on_date <= :closing
                        AND EXISTS (
                            SELECT 1 FROM membership ms INDEXED BY {MEMBERSHIP_INDEX}
                            WHERE ms.member_id = e.member_id AND ms.deleted_at IS NULL
                              AND ms.valid_from <= :closing
                              AND (ms.valid_to IS NULL OR ms.valid_to > :opening)
                        )
                  )
            )
            GROUP BY member_id
            """
        ),
        {"opening": _iso(opening), "closing": _iso(closing)},
    )


@dataclass(frozen=True)
class Tally:
    """Members per organization on both days, and the composition of the closing day.

    `bands` counts the age bands by index as text ("0" ≤ 30 … "4" > 60); `columns[i]`
    counts the codes of `COMPOSITION_COLUMNS[i]`, None for an unknown or empty code.
    """

    opening: dict[int, int]
    closing: dict[int, int]
    bands: dict[str, int]
    columns: list[dict[str | None, int]]


#: The composition parts packed into each of the two integer keys: (band, sex, ethnicity,
#: religion) and (education, qualification, theory, occupation), so that each key has a
#: few thousand distinct values at most.
_FIRST_KEY_COLUMNS = 3


def _packed(parts: Sequence[tuple[str, int]]) -> str:
    key = "0"
    for expression, size in parts:
        key = f"({key}) * {size} + ({expression})"
    return key


def tally(
    session: Session,
    opening: date,
    closing: date,
    scope: set[int] | None,
    codes: Sequence[Sequence[str]],
) -> Tally:
    """Count the members of both days in one pass (after `build_state`).

    The pass runs over the periods of activity overlapping the two days, with each
    person's member flags and the narrow member index (live records only). A member's
    age band and codes become two small integers in SQL (a CASE per column: the code's
    position in `codes[i]`, 0 for unknown or empty). SQLite groups by sorting, and the
    sorts of 450k rows took longer than the rest of the report, so the rows are counted
    here (hash counts, in C) from three JSON arrays, and the few thousand distinct keys
    are then split into one count per column. `scope` limits the compositions to
    those organizations of activity (None: all).
    """
    if len(codes) != len(COMPOSITION_COLUMNS):
        raise ValueError("one code list per composition column")
    c31, c41, c51, c61 = age_cutoffs(closing)
    params: dict[str, object] = {
        "opening": _iso(opening),
        "closing": _iso(closing),
        "c31": _iso(c31),
        "c41": _iso(c41),
        "c51": _iso(c51),
        "c61": _iso(c61),
    }
    band = (
        "CASE WHEN m.birth_date > :c31 THEN 0 WHEN m.birth_date > :c41 THEN 1"
        " WHEN m.birth_date > :c51 THEN 2 WHEN m.birth_date > :c61 THEN 3 ELSE 4 END",
        len(AGE_BANDS),
    )
    parts: list[tuple[str, int]] = []
    for column, known in zip(COMPOSITION_COLUMNS, codes, strict=True):
        whens = []
        for position, code in enumerate(known, start=1):
            params[f"{column}_{position}"] = code
            whens.append(f"WHEN :{column}_{position} THEN {position}")
        parts.append((f"CASE m.{column} {' '.join(whens)} ELSE 0 END", len(known) + 1))
    first = [band, *parts[:_FIRST_KEY_COLUMNS]]
    second = parts[_FIRST_KEY_COLUMNS:]
    wanted = "c"
    if scope is not None:
        wanted += " AND organization_id IN (SELECT value FROM json_each(:orgs))"
        params["orgs"] = "[" + ",".join(str(o) for o in sorted(scope)) + "]"
    covers = "(ms.valid_from <= :{d} AND (ms.valid_to IS NULL OR ms.valid_to > :{d}))"
    connection = session.connection().connection.driver_connection
    assert connection is not None
    # One row of three JSON arrays rather than 456k rows: handing each row to Python
    # cost more than building and parsing the arrays (0.5 s against 0.35 s of CPU).
    places_json, firsts_json, seconds_json = connection.execute(
        f"""
        SELECT json_group_array(organization_id * 4 + o * 2 + c),
               json_group_array(CASE WHEN {wanted} THEN k1 END),
               json_group_array(CASE WHEN {wanted} THEN k2 END)
        FROM (
            SELECT ms.organization_id AS organization_id,
                   {covers.format(d="opening")}
                     AND coalesce(e.o, s.first_on <= :opening) AS o,
                   {covers.format(d="closing")}
                     AND coalesce(e.c, s.first_on <= :closing) AS c,
                   {_packed(first)} AS k1,
                   {_packed(second)} AS k2
            FROM membership ms INDEXED BY {MEMBERSHIP_INDEX}
            JOIN {_STATE} s ON s.member_id = ms.member_id
            LEFT JOIN {_EXACT} e ON e.member_id = ms.member_id
            JOIN member m INDEXED BY {MEMBER_INDEX}
              ON m.id = ms.member_id AND m.deleted_at IS NULL
            WHERE ms.deleted_at IS NULL
              AND ms.valid_from <= :closing
              AND (ms.valid_to IS NULL OR ms.valid_to > :opening)
        )
        WHERE o OR c
        """,
        params,
    ).fetchone()
    places: Counter[int] = Counter(json.loads(places_json))
    firsts: Counter[int | None] = Counter(json.loads(firsts_json))
    seconds: Counter[int | None] = Counter(json.loads(seconds_json))
    on_opening: Counter[int] = Counter()
    on_closing: Counter[int] = Counter()
    for place, count in places.items():
        org, flags = divmod(place, 4)
        if flags & 2:
            on_opening[org] += count
        if flags & 1:
            on_closing[org] += count
    sizes = [size for _expression, size in (band, *parts)]
    lists: list[Sequence[str]] = [AGE_BANDS, *codes]
    marginals: list[Counter[str | None]] = [Counter() for _ in lists]
    for keys, columns in ((firsts, range(0, len(first))), (seconds, range(len(first), len(sizes)))):
        for key, count in keys.items():
            if key is None:
                continue
            rest = key
            for index in reversed(columns):
                rest, position = divmod(rest, sizes[index])
                value = (
                    lists[index][position]
                    if index == 0
                    else (lists[index][position - 1] if position else None)
                )
                marginals[index][value] += count
    return Tally(
        dict(on_opening),
        dict(on_closing),
        {band_code: marginals[0].get(band_code, 0) for band_code in AGE_BANDS},
        [dict(counter) for counter in marginals[1:]],
    )


def drop_temporary(session: Session) -> None:
    """Drop the temporary tables (the pooled connection outlives the report)."""
    for table in (_STATE, _EXACT):
        session.execute(text(f"DROP TABLE IF EXISTS {table}"))


# --- the period ---------------------------------------------------------------------------


class HistoryRow(NamedTuple):
    """One status or placement fact of a member whose membership changed in the period.

    A named tuple rather than a dataclass: tens of thousands are built per report.
    """

    member_id: int
    kind: str  # an event kind, or "membership"
    on_date: date
    id: int
    organization_id: int | None = None
    valid_to: date | None = None


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
            SELECT member_id FROM membership INDEXED BY {MEMBERSHIP_INDEX}
            WHERE deleted_at IS NULL
              AND (valid_from BETWEEN :start AND :end OR valid_to BETWEEN :start AND :end)
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
    day = date.fromisoformat
    # "+kind", "+on_date": keep SQLite on the per-member index, not on (kind, on_date).
    result = [
        HistoryRow(member_id, kind, day(on_date), event_id)
        for member_id, kind, on_date, event_id in _rows(
            session,
            f"""
            SELECT member_id, kind, on_date, id FROM member_event
            WHERE deleted_at IS NULL AND +kind IN ({_quoted(STATE_KINDS)})
              AND +on_date <= :end
              AND member_id IN (SELECT value FROM json_each(:ids))
            """,
            {"end": _iso(end), "ids": ids},
        )
    ]
    result += [
        HistoryRow(
            member_id,
            "membership",
            day(valid_from),
            row_id,
            organization_id=org,
            valid_to=day(valid_to) if valid_to is not None else None,
        )
        for member_id, org, valid_from, valid_to, row_id in _rows(
            session,
            f"""
            SELECT member_id, organization_id, valid_from, valid_to, id
            FROM membership INDEXED BY {MEMBERSHIP_INDEX}
            WHERE deleted_at IS NULL AND member_id IN (SELECT value FROM json_each(:ids))
            """,
            {"ids": ids},
        )
    ]
    return result


def _rows(session: Session, sql: str, params: dict[str, object]) -> list[tuple[Any, ...]]:
    """Rows of a query on the session's own connection, as plain tuples.

    The period queries return tens of thousands of rows at 500k members; the DB-API
    cursor hands tuples over without building a result row object for each (about 3×
    faster), and uses the same connection, so the same transaction and temporary tables.
    """
    connection = session.connection().connection.driver_connection
    assert connection is not None
    return list(connection.execute(sql, params))


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


def person_facts(session: Session, members: Sequence[int]) -> dict[int, PersonFacts]:
    """Sex, birth date, ethnicity and occupation of `members` (from the narrow index)."""
    if not members:
        return {}
    rows = _rows(
        session,
        f"""
        SELECT id, sex, birth_date, ethnicity_code, occupation_code
        FROM member INDEXED BY {MEMBER_INDEX}
        WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(:ids))
        """,
        {"ids": "[" + ",".join(str(m) for m in members) + "]"},
    )
    return {
        member_id: PersonFacts(sex, date.fromisoformat(birth), ethnicity, occupation)
        for member_id, sex, birth, ethnicity, occupation in rows
    }


def events_in_period(
    session: Session, kinds: Sequence[EventKind], start: date, end: date
) -> list[tuple[int, str, date, str]]:
    """(member, kind, date, details JSON) of live events of `kinds` dated in [start, end]."""
    rows = _rows(
        session,
        f"""
        SELECT member_id, kind, on_date, details_json FROM member_event
        WHERE deleted_at IS NULL AND kind IN ({_quoted(kinds)})
          AND on_date BETWEEN :start AND :end
        """,
        {"start": _iso(start), "end": _iso(end)},
    )
    return [(m, k, date.fromisoformat(d), details or "{}") for m, k, d, details in rows]


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
    for member_id, org, valid_from, valid_to in _rows(
        session,
        """
        SELECT member_id, organization_id, valid_from, valid_to FROM membership
        WHERE deleted_at IS NULL AND member_id IN (SELECT value FROM json_each(:ids))
        """,
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
