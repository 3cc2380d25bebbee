"""What every command shares: the `Context`, date arguments and date output.

The `Context` holds the data folder, the database file and the output stream; the
argparse types read dates and months the same way in every sub-command.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

from partydesk.db.engine import Database, display_target, is_url
from partydesk.paths import DataPaths, resolve_data_dir
from partydesk.services import database

T = TypeVar("T")

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_MONTH = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4}))\s*$")


class Context:
    """Where the command works: the data folder and the database file."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self.paths: DataPaths = resolve_data_dir(args.data_dir)
        # --db takes a file path or a SQLAlchemy URL (a PostgreSQL hub database); a URL is
        # kept as typed: a Path would fold its "//".
        self.db_url: str | None = args.db if args.db and is_url(args.db) else None
        self.db_path = (
            Path(args.db).expanduser() if args.db and not self.db_url else self.paths.database
        )
        self.out = out

    @property
    def where(self) -> str:
        """The database as shown in messages (a URL without its password)."""
        return display_target(self.db_url or self.db_path)

    def open(self) -> Database:
        """Open (and migrate) the database, creating the data folders."""
        self.paths.ensure()
        return database.open_database(self.db_url or self.db_path, backup_dir=self.paths.backups)

    @contextmanager
    def database(self) -> Iterator[Database]:
        """The open database for a `with` block; closed when the block ends."""
        db = self.open()
        try:
            yield db
        finally:
            db.close()

    def with_db(self, work: Callable[[Database], T]) -> T:
        """Run `work` on the open database and close it afterwards."""
        with self.database() as db:
            return work(db)

    def say(self, line: str = "") -> None:
        """Print one line of output."""
        print(line, file=self.out)

    def warn(self, vi: str, en: str, indent: str = "") -> None:
        """Print a warning in Vietnamese and English."""
        self.say(f"{indent}Cảnh báo: {vi} / Warning: {en}")


def parse_day(text: str) -> date:
    """A date typed as dd/mm/yyyy (also with . or -) or yyyy-mm-dd (argparse type)."""
    try:
        if (match := _DMY.match(text)) is not None:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if (match := _ISO.match(text)) is not None:
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"không có ngày «{text}» (no such date)") from exc
    raise argparse.ArgumentTypeError(
        f"«{text}»: ngày phải viết dd/mm/yyyy (date must be dd/mm/yyyy)"
    )


def parse_month(text: str) -> date:
    """A month typed as yyyy-mm or mm/yyyy, as its first day (argparse type)."""
    match = _MONTH.match(text)
    try:
        if match is None:
            raise ValueError(text)
        y, m, m2, y2 = match.groups()
        return date(int(y or y2), int(m or m2), 1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"tháng «{text}» không hợp lệ: viết yyyy-mm hoặc mm/yyyy"
        ) from exc


def dmy(value: date | None) -> str:
    """A date as dd/mm/yyyy; empty for none."""
    return "" if value is None else value.strftime("%d/%m/%Y")
