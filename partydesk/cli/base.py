"""What every command gets: the data folder, the database file and an output stream."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from partydesk.db.engine import Database
from partydesk.paths import DataPaths, resolve_data_dir
from partydesk.services import database


class Context:
    """Where the command works: the data folder and the database file."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self.paths: DataPaths = resolve_data_dir(args.data_dir)
        self.db_path = Path(args.db).expanduser() if args.db else self.paths.database
        self.out = out

    def open(self) -> Database:
        """Open (and migrate) the database, creating the data folders."""
        self.paths.ensure()
        return database.open_database(self.db_path, backup_dir=self.paths.backups)

    def say(self, line: str = "") -> None:
        """Print one line of output."""
        print(line, file=self.out)
