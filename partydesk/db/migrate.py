"""Bring a database to the program's schema: refuse newer ones, back up, then upgrade.

Run as a module to make a new revision after changing the models:
`python -m partydesk.db.migrate revision "message"`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from partydesk.db.backup import backup_file, timestamped_name
from partydesk.errors import PartydeskError
from partydesk.resources import migrations_dir

log = logging.getLogger(__name__)


# The search index is not a model: the tables SQLite's FTS5 creates (member_fts and its
# shadow tables) and PostgreSQL's text-search index are made by migration 0001 alone.
_FTS_PREFIX = "member_fts"
_MIGRATION_ONLY_INDEXES = frozenset({"ix_member_name_search"})


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the search index out of autogenerate comparisons (Alembic's hook)."""
    if type_ == "table" and name and name.startswith(_FTS_PREFIX):
        return False
    return not (type_ == "index" and name in _MIGRATION_ONLY_INDEXES)


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at the bundled `migrations/` folder."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


def head_revision() -> str:
    """The newest revision this program knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, None for an empty one."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(engine: Engine, backup_dir: Path | None = None) -> bool:
    """Upgrade `engine`'s database to the head revision; True when anything was done.

    A database stamped with a revision this program does not know was written by a newer
    partydesk and is refused untouched. A SQLite file with tables but no stamp is not a
    partydesk database. Before upgrading a SQLite file that already holds data, a backup
    is written to `backup_dir` (or beside the file).
    """
    current = current_revision(engine)
    head = head_revision()
    where = str(engine.url.database or engine.url)
    if current == head:
        return False
    if current is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise PartydeskError("db.not_partydesk", path=where)
    elif current not in _known_revisions():
        raise PartydeskError("db.newer", path=where, found=current)
    else:
        _backup_before_upgrade(engine, backup_dir)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database upgraded from %s to %s", current, head)
    return True


def _backup_before_upgrade(engine: Engine, backup_dir: Path | None) -> None:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return
    source = Path(engine.url.database)
    folder = backup_dir or source.parent
    target = backup_file(source, folder / timestamped_name("pre-upgrade-"))
    log.info("backup before upgrade written to %s", target.name)


def _main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "revision":
        import tempfile

        from sqlalchemy import create_engine

        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/autogen.sqlite3"
            config = alembic_config(url)
            command.upgrade(config, "head")
            command.revision(config, message=argv[1], autogenerate=True)
            create_engine(url).dispose()
        return 0
    print("usage: python -m partydesk.db.migrate revision MESSAGE", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
