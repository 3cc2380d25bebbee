"""What differs between SQLite (the office file) and PostgreSQL (the provincial hub).

The services write one SQL for both engines; the few places where the engines must be
told different things call these helpers, so every dialect test lives here.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def is_sqlite(session: Session) -> bool:
    """True when `session` works on a SQLite file."""
    return session.get_bind().dialect.name == "sqlite"


def lock_for_writing(session: Session, table: str) -> None:
    """Make this transaction the only writer of `table` until it ends (readers go on).

    For "max + 1" numbering and ids assigned in bulk. SQLite has one writer per file
    anyway, and callers there take its write lock with their first write; PostgreSQL
    gets an explicit table lock that queues other writers instead of letting two
    transactions pick the same number.
    """
    if not is_sqlite(session):
        session.execute(text(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE'))


def sync_id_sequence(session: Session, table: str) -> None:
    """After rows were inserted with explicit ids, let the id sequence continue above them.

    SQLite's INTEGER PRIMARY KEY takes max(id) + 1 by itself; a PostgreSQL SERIAL column
    draws from a sequence that explicit ids do not advance, so the next ORM insert would
    collide with a bulk-written row.
    """
    if is_sqlite(session):
        return
    session.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f' (SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"), false)'
        )
    )
