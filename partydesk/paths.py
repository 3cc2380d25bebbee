r"""Where partydesk keeps its data, backups, logs and exports.

Order of precedence: an explicit `--data-dir`, then the PARTYDESK_DATA_DIR environment
variable, then portable mode (a file named `portable.flag` next to the executable keeps
everything beside it, for a USB stick), then the user data folder from platformdirs
(the maintained successor of appdirs): `%LOCALAPPDATA%\\partydesk` on Windows,
`~/.local/share/partydesk` on Linux.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "partydesk"
DATABASE_NAME = "partydesk.sqlite3"
PORTABLE_FLAG = "portable.flag"


@dataclass(frozen=True)
class DataPaths:
    """The folders of one data directory."""

    root: Path

    @property
    def database(self) -> Path:
        """The embedded default database."""
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        """Automatic and manual backups."""
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        """Log files (never member data)."""
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        """Default folder for printed forms, workbooks and packages."""
        return self.root / "exports"

    @property
    def settings(self) -> Path:
        """Window state and preferences (QSettings INI)."""
        return self.root / "settings.ini"

    def ensure(self) -> DataPaths:
        """Create the folders if they do not exist yet."""
        for folder in (self.root, self.backups, self.logs, self.exports):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def executable_dir() -> Path:
    """The folder of the running program: the bundle when frozen, the source tree otherwise."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    """Pick the data folder by the precedence in the module docstring."""
    if explicit:
        return DataPaths(Path(explicit).expanduser().resolve())
    env = os.environ.get("PARTYDESK_DATA_DIR")
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    exe = executable_dir()
    if (exe / PORTABLE_FLAG).exists():
        return DataPaths(exe / "data")
    return DataPaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
