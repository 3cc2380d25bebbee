"""Small helpers shared by tests: table snapshots to prove that refused writes change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_TABLES = (
    "member",
    "member_event",
    "membership",
    "organization",
    "organization_parent",
    "audit_log",
    "cadre",
    "cadre_post",
    "cadre_planning",
    "office",
)


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the main tables, for before/after comparisons."""
    con = sqlite3.connect(path)
    try:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in _TABLES
        }
    finally:
        con.close()
