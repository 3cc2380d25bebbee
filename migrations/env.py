"""Alembic environment: runs on the connection partydesk hands over, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from partydesk.db import models  # noqa: F401  (registers every table)
from partydesk.db.base import Base

config = context.config
target_metadata = Base.metadata

# Tables SQLite's FTS5 creates for the search index: not models, managed by migrations.
_FTS_PREFIX = "member_fts"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Leave the FTS5 index and its shadow tables out of autogenerate comparisons."""
    return not (type_ == "table" and name and name.startswith(_FTS_PREFIX))


def run_migrations(connection) -> None:  # type: ignore[no-untyped-def]
    """Run on an open connection, inside its transaction."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        run_migrations(conn)
