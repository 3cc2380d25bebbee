"""Small measuring helpers: percentiles, timing a call, file sizes, a plain text table."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

MB = 1024 * 1024


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct`-th percentile (linear interpolation between closest ranks)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by `call()` and its result."""
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def repeat(call: Callable[[], Any], runs: int) -> list[float]:
    """Seconds of `runs` calls in a row."""
    return [timed(call)[0] for _ in range(runs)]


def median(values: Sequence[float]) -> float:
    """The median, NaN for no values."""
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    """Seconds as milliseconds, for tables."""
    return f"{seconds * 1000:.1f} ms"


def ratio(ours: float, base: float) -> str:
    """ours / base as "×2.31"."""
    return f"×{ours / base:.2f}" if base > 0 else "n/a"


def file_sizes(path: Path) -> tuple[int, int]:
    """Bytes of a SQLite file and of its WAL (0 when absent)."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size, wal.stat().st_size if wal.exists() else 0


def space_by_object(path: Path, top: int = 10) -> list[tuple[str, int]]:
    """The largest tables and indexes of a SQLite file (dbstat), biggest first."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT ?", (top,)
        ).fetchall()
    except sqlite3.OperationalError:  # SQLite built without the dbstat table
        rows = []
    finally:
        conn.close()
    return [(str(name), int(size)) for name, size in rows]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A left-aligned text table with a rule under the headers."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
    return "\n".join(lines)
