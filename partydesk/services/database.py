"""Open, back up and restore the office database."""

from __future__ import annotations

import getpass
import logging
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import NoSuchModuleError

from partydesk.db import backup
from partydesk.db.engine import Database, display_target, make_engine
from partydesk.db.migrate import upgrade
from partydesk.errors import PartydeskError, add_messages

log = logging.getLogger(__name__)

add_messages(
    {
        "db.server_file_only": (
            "{target} là cơ sở dữ liệu trên máy chủ PostgreSQL: sao lưu và phục hồi bằng"
            " công cụ của máy chủ (pg_dump, pg_restore), không bằng tệp.",
            "{target} is a database on a PostgreSQL server: back it up and restore it with"
            " the server's tools (pg_dump, pg_restore), not as a file.",
        ),
    }
)

AUTO_BACKUPS_KEPT = 10


def os_user() -> str:
    """The operating-system user, recorded as the actor until partydesk has logins."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def open_database(
    target: str | Path, backup_dir: Path | None = None, actor: str | None = None
) -> Database:
    """Open (creating when absent) and migrate a database file or URL.

    Raises PartydeskError `db.newer` for a database of a newer program, `db.not_partydesk`
    for some other SQLite file, and `db.open_failed` when the file cannot be read; in all
    three cases the file is left untouched.
    """
    if "://" not in str(target):
        path = Path(target).expanduser()
        if path.is_dir():
            raise PartydeskError("db.open_failed", path=str(path), reason="là một thư mục")
        path.parent.mkdir(parents=True, exist_ok=True)
    shown = display_target(target)  # a server URL may carry a password
    try:
        engine = make_engine(target)
    except (ImportError, NoSuchModuleError) as exc:
        # A PostgreSQL URL without its driver: partydesk[server] brings psycopg.
        reason = f"{exc} (pip install 'partydesk[server]')"
        raise PartydeskError("db.open_failed", path=shown, reason=reason) from exc
    try:
        upgrade(engine, backup_dir)
    except PartydeskError:
        engine.dispose()
        raise
    except SADatabaseError as exc:
        engine.dispose()
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise PartydeskError("db.open_failed", path=shown, reason=reason) from exc
    return Database(engine, actor or os_user())


def backup_now(db: Database, folder: Path, automatic: bool = False) -> Path:
    """Write a consistent copy of the database into `folder`; returns its path.

    Automatic backups are rotated (the newest AUTO_BACKUPS_KEPT are kept); manual ones
    are kept until the user deletes them.
    """
    source = db.path
    if source is None:
        raise PartydeskError(
            "db.server_file_only", target=db.engine.url.render_as_string(hide_password=True)
        )
    prefix = backup.AUTO_PREFIX if automatic else ""
    target = backup.backup_file(source, folder / backup.timestamped_name(prefix))
    if automatic:
        backup.rotate(folder, AUTO_BACKUPS_KEPT)
    return target


def check_backup_file(backup_path: Path) -> str:
    """Check that a file is a readable partydesk backup; returns its schema revision.

    Raises `backup.not_found` or `backup.invalid`; lets the GUI refuse a bad file before
    it closes the open database.
    """
    return backup.check_backup(backup_path)


def restore_backup(backup_path: Path, target: Path, safety_folder: Path) -> Path | None:
    """Replace the database file `target` (closed) by a checked backup.

    The current file is first copied to `safety_folder` (returned), so a restore can be
    undone by restoring that copy.
    """
    backup.check_backup(backup_path)
    safety: Path | None = None
    if target.exists():
        safety = backup.backup_file(
            target, safety_folder / backup.timestamped_name("before-restore-")
        )
    backup.restore_file(backup_path, target)
    return safety
