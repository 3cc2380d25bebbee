"""Open a database: the engine with SQLite's pragmas, sessions, and the `Database` handle."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from partydesk.db.audit import install_audit

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def is_url(target: str | Path) -> bool:
    """True for a SQLAlchemy URL (anything with '://'), False for a file path."""
    return isinstance(target, str) and "://" in target


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL from a file path or an URL (anything with '://' is taken as an URL)."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def display_target(target: str | Path) -> str:
    """The database as shown to people: the file path, or the URL without its password."""
    if is_url(target):
        return make_url(str(target)).render_as_string(hide_password=True)
    return str(target)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite opens transactions lazily and commits around DDL on its own; taking
        # over BEGIN ourselves makes every unit of work, DDL included, one real
        # transaction that rolls back whole (SQLAlchemy's documented recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def make_engine(target: str | Path) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL (PostgreSQL for the hub)."""
    url = make_url(database_url(target))
    if url.get_backend_name() == "sqlite":
        # Connections are checked out by one thread at a time (the GUI's database worker,
        # or the CLI), but not always the thread that opened them.
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


class Database:
    """An open database: its engine and a session factory whose writes are audited."""

    def __init__(self, engine: Engine, actor: str) -> None:
        self.engine = engine
        self.actor = actor
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        install_audit(self._sessions, actor)

    @property
    def is_sqlite(self) -> bool:
        """True for a SQLite file (the office database)."""
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if not self.is_sqlite or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    @contextmanager
    def session(self, action: str = "") -> Iterator[Session]:
        """A unit of work: one transaction, committed on success, rolled back on any error.

        `action` names the use case in the audit entries written by the flush.
        """
        session = self._sessions()
        session.info["action"] = action
        session.info["actor"] = self.actor
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end; nothing it does is kept)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        """Release connections (and the WAL file's lock)."""
        self.engine.dispose()
