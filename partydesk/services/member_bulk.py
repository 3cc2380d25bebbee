"""Create many members in one transaction, fast: imports, the demo office, benchmarks.

The rows are checked by the same `prepare_member` as the form, then written with
`executemany` on the driver connection (on SQLite) instead of one ORM object per row:
for 500,000 members that is the difference between minutes and seconds. Everything is
one transaction: a bad row raises and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Date, func, insert, select
from sqlalchemy.orm import Session

from partydesk.codes import OrgKind
from partydesk.db.audit import audit_bulk
from partydesk.db.base import new_uuids, utcnow
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership, Organization
from partydesk.db.portable import lock_for_writing, sync_id_sequence
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleTable
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.collector import paused_collector
from partydesk.services.member_input import LABELS, MemberInput, PreparedMember, prepare_member
from partydesk.services.member_state import replay_state
from partydesk.services.rule_table import load_rule_table

CHUNK = 10_000
_ON_DATE = attrgetter("on_date")
#: The trigger that adds each new member's folded names to the FTS5 name index.
_FTS_INSERT = "member_fts_ai"
#: Tables whose secondary indexes a large bulk write drops and builds again afterwards.
_INDEXED_TABLES = (Member.__tablename__, MemberEvent.__tablename__, Membership.__tablename__)
#: Page cache during a bulk write (KiB), restored to SQLite's default afterwards.
BULK_CACHE_KIB = 262_144
_RECORD_COLUMNS = ("uuid", "created_at", "updated_at", "deleted_at", "version")
# Tuple layouts of the rows built in _flush_chunk (ids are assigned by SQLite).
_EVENT_COLUMNS = (
    *_RECORD_COLUMNS,
    "member_id",
    "kind",
    "on_date",
    "effective_date",
    "decision_no",
    "decided_by",
    "organization_id",
    "counterpart",
    "details_json",
    "note",
)
_MEMBERSHIP_COLUMNS = (
    *_RECORD_COLUMNS,
    "member_id",
    "organization_id",
    "valid_from",
    "valid_to",
    "reason",
)


@dataclass(frozen=True)
class BulkResult:
    """How many rows of each kind were written."""

    members: int
    events: int
    memberships: int


def _sqlite_stamp(value: datetime) -> str:
    # The text form SQLAlchemy's SQLite DateTime type writes and reads.
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _same(value: Any) -> Any:
    return value


class _Writer:
    """Inserts rows of one table: executemany on SQLite, COPY on PostgreSQL, else Core.

    Both driver paths write exactly the listed columns (a column left out gets its SQL
    default, never a Python-side one), so the two engines store the same rows.

    Rows come in the driver's form, made by the caller as it builds each row with `day`
    and `stamp`: on SQLite dates and timestamps are text, in the forms SQLAlchemy's SQLite
    Date and DateTime types write and read; COPY and Core take the objects themselves.
    (A second pass converting 250,000 finished rows cost a third of a second per import.)
    Booleans need nothing: Python's sqlite3 binds them as 1 and 0, as SQLAlchemy does.
    """

    def __init__(self, session: Session, table: Any, columns: Sequence[str]) -> None:
        self.session = session
        self.table = table
        self.columns = tuple(columns)
        dialect = session.get_bind().dialect
        self.sqlite = dialect.name == "sqlite"
        self.copy = dialect.name == "postgresql" and dialect.driver == "psycopg"
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f"INSERT INTO {table.name} ({', '.join(self.columns)}) VALUES ({marks})"
        #: A date in the driver's form.
        self.day: Callable[[date], Any] = date.isoformat if self.sqlite else _same
        #: A timestamp in the driver's form.
        self.stamp: Callable[[datetime], Any] = _sqlite_stamp if self.sqlite else _same
        #: The date columns among `columns` (a DateTime is not a Date to SQLAlchemy).
        self.days = tuple(name for name in self.columns if isinstance(table.c[name].type, Date))

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert `rows` (tuples in `columns` order, in the driver's form)."""
        if not rows:
            return
        if self.sqlite:
            self.session.connection().exec_driver_sql(self.sql, rows)
        elif self.copy:
            # COPY streams the rows in one command: half the time of executemany
            # (bench/bench_postgres.py).
            names = ", ".join(self.columns)
            driver = self.session.connection().connection.driver_connection
            assert driver is not None
            cursor = driver.cursor()
            with cursor, cursor.copy(f"COPY {self.table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            self.session.execute(
                insert(self.table), [dict(zip(self.columns, row, strict=True)) for row in rows]
            )


def _member_columns() -> list[str]:
    return [c.name for c in Member.__table__.columns]


def create_members(
    db: Database,
    rows: Iterable[MemberInput],
    action: str = "bulk_create_members",
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> BulkResult:
    """Check and create every row in one transaction.

    Raises PartydeskError `bulk.row` (row number and the field's message) on the first
    bad row; nothing is written then. `progress` is called with the count done after
    each chunk.
    """
    today = today or date.today()
    with db.session(action) as session:
        result = insert_members(session, action, rows, today, progress)
    if db.is_sqlite:
        # A bulk write leaves a WAL as large as the data (900 MB at 500k members) until
        # the last connection closes; fold it back into the database now.
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        # A server plans from statistics that a bulk load leaves stale until autovacuum
        # passes: number search at 50k members took 130 ms instead of 6 ms meanwhile.
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE member, member_event, membership")
    return result


def insert_members(
    session: Session,
    action: str,
    rows: Iterable[MemberInput | PreparedMember],
    today: date,
    progress: Callable[[int], None] | None,
) -> BulkResult:
    """Check and insert `rows` inside an open unit of work (see `create_members`).

    A row already passed through `prepare_member` (the Excel import's preview did) is not
    prepared twice; the organization and key checks run on every row.
    """
    # On a server, other writers of members wait from here: the keys read next and the
    # ids assigned from max(id) stay true until this transaction ends.
    lock_for_writing(session, Member.__tablename__)
    holding = {
        org_id
        for org_id, kind in session.execute(
            select(Organization.id, Organization.kind).where(
                Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None)
            )
        )
        if OrgKind(kind).holds_members
    }
    taken = _existing_keys(session)
    member_cols = _member_columns()
    members = _Writer(session, Member.__table__, member_cols)
    events = _Writer(session, MemberEvent.__table__, _EVENT_COLUMNS)
    memberships = _Writer(session, Membership.__table__, _MEMBERSHIP_COLUMNS)

    # Take the write lock before reading max(id), so the ids we assign cannot collide.
    audit_bulk(session, action, "member", [], {"stage": "start"})
    sqlite = members.sqlite
    if sqlite:
        # Index pages of a large write stay in memory instead of being re-read: SQLite's
        # 2 MiB default cache made the inserts a third slower at 500k members.
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    fts_trigger = _suspend_fts_trigger(session) if sqlite else None
    first_id = (session.scalar(select(func.max(Member.id))) or 0) + 1
    indexes = _suspend_indexes(session) if sqlite and _rebuilds_indexes(session, rows) else []
    try:
        with paused_collector():
            result = _insert_all(
                session,
                action,
                rows,
                today,
                progress,
                _preparer(session, today),
                holding,
                taken,
                (members, events, memberships),
                member_cols,
            )
        for index_sql in indexes:
            session.connection().exec_driver_sql(index_sql)
        if fts_trigger is not None:
            _resume_fts_trigger(session, fts_trigger, first_id)
        sync_id_sequence(session, Member.__tablename__)
        return result
    finally:
        if sqlite:
            session.connection().exec_driver_sql("PRAGMA cache_size = -2000")


def _insert_all(
    session: Session,
    action: str,
    rows: Iterable[MemberInput | PreparedMember],
    today: date,
    progress: Callable[[int], None] | None,
    prepare: Callable[[MemberInput], PreparedMember],
    holding: set[int],
    taken: dict[str, set[str]],
    writers: tuple[_Writer, _Writer, _Writer],
    member_cols: list[str],
) -> BulkResult:
    next_id = (session.scalar(select(func.max(Member.id))) or 0) + 1
    counts = [0, 0, 0]
    chunk: list[PreparedMember] = []
    number = 0
    for number, data in enumerate(rows, start=1):
        try:
            prepared = data if isinstance(data, PreparedMember) else prepare(data)
            _check_bulk(prepared, holding, taken)
        except PartydeskError as exc:
            raise PartydeskError("bulk.row", row=number, message=exc.message()) from exc
        chunk.append(prepared)
        if len(chunk) >= CHUNK:
            next_id = _flush_chunk(
                session,
                action,
                chunk,
                next_id,
                member_cols,
                writers,
                counts,
            )
            chunk = []
            if progress is not None:
                progress(number)
    _flush_chunk(session, action, chunk, next_id, member_cols, writers, counts)
    if progress is not None:
        progress(number)
    return BulkResult(members=counts[0], events=counts[1], memberships=counts[2])


def _preparer(session: Session, today: date) -> Callable[[MemberInput], PreparedMember]:
    """`prepare_member` with the catalogue codes and rules, read on first use.

    Rows the import's preview already prepared need neither: reading the catalogues
    (thousands of administrative units among them) cost a tenth of a second per import.
    """
    loaded: list[tuple[CatalogueCodes, RuleTable]] = []

    def prepare(data: MemberInput) -> PreparedMember:
        if not loaded:
            loaded.append((CatalogueCodes(session), load_rule_table(session)))
        codes, rules = loaded[0]
        return prepare_member(data, codes, rules, today)

    return prepare


def _suspend_fts_trigger(session: Session) -> str | None:
    """Drop the name index's per-row insert trigger for this transaction; its SQL.

    The FTS5 trigger fired once per member made the member inserts three times slower
    (20k members: 1.37 s with it, 0.45 s without, and 0.02 s to index them afterwards in
    one INSERT … SELECT). The trigger is recreated from its own stored SQL before the
    transaction commits; a failed import rolls the DROP back with everything else
    (partydesk begins every unit of work with an explicit BEGIN, DDL included).
    """
    connection = session.connection()
    sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_FTS_INSERT,)
    ).scalar()
    if sql is None:
        return None
    connection.exec_driver_sql(f"DROP TRIGGER {_FTS_INSERT}")
    return str(sql)


def _resume_fts_trigger(session: Session, trigger_sql: str, first_id: int) -> None:
    """Index the members inserted since `first_id` in one statement, then restore the trigger."""
    connection = session.connection()
    connection.exec_driver_sql(
        "INSERT INTO member_fts(rowid, name_fold, other_names_fold)"
        " SELECT id, name_fold, other_names_fold FROM member WHERE id >= ?",
        (first_id,),
    )
    connection.exec_driver_sql(trigger_sql)


def _rebuilds_indexes(session: Session, rows: Iterable[Any]) -> bool:
    """True when `rows` (a sized collection) are at least as many as the members on file.

    Building an index once over a table is faster than updating it row by row: for 50,000
    members into an empty register, 2.9 s instead of 4.2 s with the commit (fewer and
    fuller index pages to write). Over a large register the rebuild would cost more
    than the rows it saves, so a write smaller than the register keeps its indexes.
    """
    if not isinstance(rows, Sized) or len(rows) == 0:
        return False
    present = session.scalar(select(func.count()).select_from(Member)) or 0
    return len(rows) >= present


def _suspend_indexes(session: Session) -> list[str]:
    """Drop the secondary indexes of the member tables for this transaction; their SQL.

    They are created again from their own stored SQL before the transaction commits
    (a unique index refuses then what it would have refused row by row, and the whole
    write rolls back); a failed write rolls the DROPs back with everything else. The
    indexes of UNIQUE and PRIMARY KEY constraints (no SQL of their own) stay.
    """
    connection = session.connection()
    marks = ", ".join("?" for _ in _INDEXED_TABLES)
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY name",
        _INDEXED_TABLES,
    ).all()
    for name, _sql in found:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [str(sql) for _name, sql in found]


def _existing_keys(session: Session) -> dict[str, set[str]]:
    taken: dict[str, set[str]] = {}
    for column in ("cccd", "card_no", "biography_no"):
        attr = getattr(Member, column)
        taken[column] = set(
            session.scalars(select(attr).where(attr.is_not(None), Member.deleted_at.is_(None)))
        )
    return taken


def _check_bulk(prepared: PreparedMember, holding: set[int], taken: dict[str, set[str]]) -> None:
    for org_id, *_ in prepared.memberships:
        if org_id not in holding:
            raise ValidationError(
                "field.invalid",
                field=LABELS["organization_id"],
                problem=f"mã {org_id} không phải chi bộ đang hoạt động",
            )
    for column, seen in taken.items():
        value = prepared.values.get(column)
        if value:
            if value in seen:
                raise ValidationError(
                    "field.duplicate", field=LABELS[column], value=value, other="đã có"
                )
            seen.add(value)


def _flush_chunk(
    session: Session,
    action: str,
    chunk: list[PreparedMember],
    next_id: int,
    member_cols: list[str],
    writers: tuple[_Writer, _Writer, _Writer],
    counts: list[int],
) -> int:
    if not chunk:
        return next_id
    members, events, memberships = writers
    day = members.day
    # Text on SQLite, converted once per chunk rather than three times per row.
    now = members.stamp(utcnow())
    member_days = members.days if members.day is not _same else ()
    member_rows: list[tuple[Any, ...]] = []
    event_rows: list[tuple[Any, ...]] = []
    membership_rows: list[tuple[Any, ...]] = []
    uuids: list[str] = []
    # Every column of a member row, in order, from one dict: a C call instead of a
    # .get() per column (57 columns × 50,000 rows of an import).
    blank = dict.fromkeys(member_cols)
    pick = itemgetter(*member_cols)
    fresh = iter(new_uuids(sum(1 + len(p.events) + len(p.memberships) for p in chunk))).__next__
    for prepared in chunk:
        member_id = next_id
        next_id += 1
        # derive_state's order (date, then id) is the order made for a shared date.
        state = replay_state(sorted(prepared.events, key=_ON_DATE))
        record = blank | prepared.values
        member_uuid = fresh()
        uuids.append(member_uuid)
        record.update(
            id=member_id,
            uuid=member_uuid,
            created_at=now,
            updated_at=now,
            deleted_at=None,
            version=1,
            organization_id=prepared.memberships[-1][0],
            status=state.status.value,
            decision_date=state.decision_date,
            decision_no=state.decision_no,
            ceremony_date=state.ceremony_date,
            official_date=state.official_date,
            left_on=state.left_on,
        )
        for name in member_days:
            value = record[name]
            if value is not None:
                record[name] = day(value)
        member_rows.append(pick(record))
        for e in prepared.events:
            event_rows.append(
                (
                    fresh(),
                    now,
                    now,
                    None,
                    1,
                    member_id,
                    e.kind,
                    day(e.on_date),
                    e.effective_date and day(e.effective_date),
                    e.decision_no,
                    "",
                    e.organization_id,
                    e.counterpart,
                    e.details_json,
                    e.note,
                )
            )
        for org_id, start, end, reason in prepared.memberships:
            membership_rows.append(
                (
                    fresh(),
                    now,
                    now,
                    None,
                    1,
                    member_id,
                    org_id,
                    day(start),
                    end and day(end),
                    reason,
                )
            )
    members.write(member_rows)
    events.write(event_rows)
    memberships.write(membership_rows)
    audit_bulk(session, action, "member", uuids, {"events": len(event_rows)})
    counts[0] += len(member_rows)
    counts[1] += len(event_rows)
    counts[2] += len(membership_rows)
    return next_id
