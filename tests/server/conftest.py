"""A real PostgreSQL server for the tests of the provincial hub, started by the tests.

`pg_server` makes a throw-away cluster once per session (see pg_server.py); each test gets
its own database copied from a migrated template (`CREATE DATABASE … TEMPLATE`), like
the SQLite tests copy a template file. Without the server binaries the tests fail and say
how to install them, unless PARTYDESK_SKIP_POSTGRES=1 asks to skip them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from partydesk.db.engine import Database
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from tests.conftest import TODAY, fill_template
from tests.server.pg_server import (
    SKIP_VARIABLE,
    PostgresServer,
    ServerUnavailableError,
    find_bindir,
    start_server,
)

#: The demo office both engines build for the comparisons (a few hundred members).
DEMO_MEMBERS = 300
DEMO_SEED = 11
_numbers = itertools.count(1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test of this folder is a `postgres` test (select or leave them with -m)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.postgres)


class PostgresAdmin:
    """Creates and drops databases on the test server."""

    def __init__(self, server: PostgresServer) -> None:
        self.server = server
        self.engine = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")

    def create(self, name: str, template: str | None = None) -> str:
        """Create database `name` (a copy of `template` when given); returns its URL."""
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        with self.engine.connect() as connection:
            connection.exec_driver_sql(sql)
        return self.server.url(name)

    def drop(self, name: str) -> None:
        """Drop database `name`, closing whatever still holds it."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A running PostgreSQL server for this test session; stopped and deleted at the end."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1: PostgreSQL tests skipped on request")
    if find_bindir() is None:
        pytest.fail(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): run the tests"
            " with ./dev.sh test, which installs the postgresql package, or set"
            f" {SKIP_VARIABLE}=1 to skip them explicitly",
            pytrace=False,
        )
    try:
        server = start_server()
    except ServerUnavailableError as exc:
        pytest.fail(f"the PostgreSQL test server did not start: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_server: PostgresServer) -> Iterator[PostgresAdmin]:
    """Database creation on the test server."""
    admin = PostgresAdmin(pg_server)
    yield admin
    admin.engine.dispose()


def _template(admin: PostgresAdmin, name: str, fill: object) -> str:
    url = admin.create(name)
    db = open_database(url, actor="test")
    try:
        fill(db)  # type: ignore[operator]
    finally:
        db.close()
    return name


@pytest.fixture(scope="session")
def pg_template(pg_admin: PostgresAdmin) -> str:
    """A migrated database with the test office of tests/conftest.py, built once."""
    return _template(pg_admin, "template_office", fill_template)


@pytest.fixture(scope="session")
def pg_demo_template(pg_admin: PostgresAdmin) -> str:
    """The demo office (DEMO_MEMBERS members, DEMO_SEED) on PostgreSQL, built once."""

    def build(db: Database) -> None:
        build_demo_office(db, members=DEMO_MEMBERS, seed=DEMO_SEED, today=TODAY)

    return _template(pg_admin, "template_demo", build)


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same demo office in a SQLite file, built once."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path, actor="test")
    try:
        build_demo_office(db, members=DEMO_MEMBERS, seed=DEMO_SEED, today=TODAY)
    finally:
        db.close()
    return path


def _copy(admin: PostgresAdmin, template: str) -> Iterator[Database]:
    name = f"test_{os.getpid()}_{next(_numbers)}"
    url = admin.create(name, template)
    db = open_database(url, actor="test")
    try:
        yield db
    finally:
        db.close()
        admin.drop(name)


@pytest.fixture
def pg_db(pg_admin: PostgresAdmin, pg_template: str) -> Iterator[Database]:
    """The test's own PostgreSQL database: the test office, migrated, open."""
    yield from _copy(pg_admin, pg_template)


@pytest.fixture
def pg_demo(pg_admin: PostgresAdmin, pg_demo_template: str) -> Iterator[Database]:
    """The test's own copy of the PostgreSQL demo office, open."""
    yield from _copy(pg_admin, pg_demo_template)


@pytest.fixture
def sqlite_demo(sqlite_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """The test's own copy of the SQLite demo office, open."""
    import shutil

    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_demo_template, target)
    db = open_database(target, actor="test")
    yield db
    db.close()
