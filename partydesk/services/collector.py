"""Pause Python's cycle collector during a bulk step that builds millions of objects.

An Excel import of 50,000 rows makes about ten million small objects (cells, dicts of
values, checked records) and frees few of them until it ends. The collector, run every
700 allocations, kept walking that growing heap: pausing it made the preview a fifth
faster (bench/bench_excel_import.py).

When the step ends, what it built and still holds (a preview's checked rows, about a
million objects) is moved out of the collector's sight with `gc.freeze()` before the
collector is turned back on: otherwise the next collection walks all of it at once
(0.2 s after a 50,000-row preview) and every full collection walks it again for as long
as the preview lives. Nothing is lost by that: reference counting still frees frozen
objects, and the paused steps make no reference cycles (a test in
tests/integration/test_excel_import.py runs a whole import and finds no cyclic garbage).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector"]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Run the body with the cycle collector off; freeze what it left, turn it back on.

    Nested, or with the collector already off: the body just runs.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
