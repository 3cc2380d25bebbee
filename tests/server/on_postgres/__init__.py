"""The integration tests of the main services, collected again on a PostgreSQL database.

Each module here imports one module of tests/integration and keeps the tests whose only
database is the `db` fixture (no `db_path`, no SQLite file opened by hand); this folder's
conftest binds `db` to a fresh database on the test server, so `org_ids` and the modules'
own fixtures read the server too. Tests of SQLite's own plans and pragmas stay out.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

#: Words in a test (or in a helper it calls) that mean it reads the SQLite file itself.
_SQLITE_ONLY = (
    "sqlite",
    "open_database",
    "QUERY PLAN",
    "PRAGMA",
    "member_fts",
    "db.path",
    "typeof(",  # SQLite's storage classes (PostgreSQL has pg_typeof)
)


def _sources(namespace: dict[str, Any]) -> dict[str, str]:
    # The original module's functions: `import *` leaves out its _private helpers.
    modules = {
        sys.modules[v.__module__]
        for v in namespace.values()
        if inspect.isfunction(v) and v.__module__.startswith("tests.integration.")
    }
    return {
        name: inspect.getsource(value)
        for module in modules
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == module.__name__
    }


def keep_db_tests(namespace: dict[str, Any]) -> None:
    """Drop from a module's `namespace` the imported tests that need a SQLite file.

    A test is dropped when it takes `db_path` or `template_db`, or when its source, or
    the source of a helper of its module that it calls (at any depth), names the file.
    """
    sources = _sources(namespace)
    words = list(_SQLITE_ONLY)
    tainted: set[str] = set()
    while True:
        found = {
            name
            for name, source in sources.items()
            if name not in tainted and any(word in source for word in words)
        }
        if not found:
            break
        tainted |= found
        words += [f"{name}(" for name in found]
    for name in [n for n in namespace if n.startswith("test_") and callable(namespace[n])]:
        parameters = set(inspect.signature(namespace[name]).parameters)
        if name in tainted or parameters & {"db_path", "template_db"}:
            del namespace[name]
