"""`db` is the test server's database here (see __init__.py)."""

from __future__ import annotations

import pytest

from partydesk.db.engine import Database


@pytest.fixture
def db(pg_db: Database) -> Database:
    """The test's own PostgreSQL database in place of the SQLite copy."""
    return pg_db
