"""Find the plain files under `resources/`, from the source tree and from a frozen bundle."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, in `_MEIPASS` when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`; raises FileNotFoundError naming it when absent."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"partydesk resource missing: {path}")
    return path


def load_json(*parts: str) -> Any:
    """Read a JSON resource file (UTF-8)."""
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))


def migrations_dir() -> Path:
    """The Alembic `migrations/` folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "migrations"
    return Path(__file__).resolve().parent.parent / "migrations"
