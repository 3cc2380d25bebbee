"""The integration tests of the main services, collected again on a PostgreSQL database.

Each module here imports one module of tests/integration and keeps the tests whose only
database is the `db` fixture (no `db_path`, no SQLite file opened by hand); this folder's
conftest binds `db` to a fresh database on the test server, so `org_ids` and the modules'
own fixtures read the server too. Tests of SQLite's own plans and pragmas stay out.
"""

from __future__ import annotations

import inspect
from typing import Any


def _runs_on_db_alone(function: Any) -> bool:
    parameters = set(inspect.signature(function).parameters)
    source = inspect.getsource(function)
    sqlite_only = ("sqlite", "open_database", "QUERY PLAN", "PRAGMA", "member_fts")
    return (
        "db_path" not in parameters
        and "template_db" not in parameters
        and not any(word in source for word in sqlite_only)
    )


def keep_db_tests(namespace: dict[str, Any]) -> None:
    """Drop from a module's `namespace` the imported tests that need a SQLite file."""
    for name in [n for n in namespace if n.startswith("test_")]:
        if callable(namespace[name]) and not _runs_on_db_alone(namespace[name]):
            del namespace[name]
