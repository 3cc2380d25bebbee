"""Backups of the SQLite file: online copies, rotation, and a checked restore."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from partydesk.errors import PartydeskError

BACKUP_SUFFIX = ".sqlite3"
AUTO_PREFIX = "auto-"


def _copy_atomically(source: Path, destination: Path, standalone: bool) -> None:
    """Copy a SQLite database with the online backup API, atomically.

    The copy goes to a temporary file beside `destination`, then is renamed over it: a
    failed copy leaves nothing behind.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=".copy-", suffix=".tmp", dir=destination.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                if standalone:
                    # A backup is a self-contained file: no WAL beside it.
                    dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if not standalone:
            # Stale WAL and shared-memory files of the target would be replayed onto it.
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{destination}{suffix}").unlink()
        os.replace(tmp, destination)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def backup_file(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database to `destination` (consistent even while open in WAL mode)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    _copy_atomically(source, destination, standalone=True)
    return destination


def timestamped_name(prefix: str = "", when: datetime | None = None) -> str:
    """A backup file name that sorts by time: `auto-2026-11-23_101500.sqlite3`."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%d_%H%M%S_%f")
    return f"{prefix}partydesk-{stamp}{BACKUP_SUFFIX}"


def rotate(folder: Path, keep: int, prefix: str = AUTO_PREFIX) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`; manual ones are never touched."""
    autos = sorted(folder.glob(f"{prefix}*{BACKUP_SUFFIX}"))
    doomed = autos[:-keep] if keep > 0 else autos
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def check_backup(path: Path) -> str:
    """Check that `path` is a readable partydesk database; return its schema revision."""
    if not path.is_file():
        raise PartydeskError("backup.not_found", path=str(path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise PartydeskError("backup.invalid", path=str(path), reason=str(result))
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            con.execute("SELECT count(*) FROM office").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise PartydeskError("backup.invalid", path=str(path), reason=str(exc)) from exc
    if not row:
        raise PartydeskError("backup.invalid", path=str(path), reason="no schema revision")
    return str(row[0])


def restore_file(backup: Path, target: Path) -> None:
    """Replace the (closed) database `target` with `backup`, atomically.

    The caller checks the backup first (`check_backup`) and keeps a safety copy of the
    current file.
    """
    _copy_atomically(backup, target, standalone=False)
