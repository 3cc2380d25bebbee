"""Alembic environment: runs on the connection partydesk hands over, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from partydesk.db import models  # noqa: F401  (registers every table)
from partydesk.db.base import Base
from partydesk.db.migrate import include_object

config = context.config
target_metadata = Base.metadata


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
    try:
        with engine.begin() as conn:
            run_migrations(conn)
    finally:
        engine.dispose()
