"""Work-arounds for defects of the Qt binding we ship with, in one place."""

from __future__ import annotations

import sys


def pin_none() -> None:
    """Keep Python's None alive under PySide6 6.12.0 on Python < 3.12.

    That binding drops one reference to None on every call of a method returning void
    (`show()`, `setText()`, `processEvents()`…); after enough calls Python aborts with
    "none_dealloc" (measured: ~5,000 calls in a fresh process; 6.11.3 does not do it).
    Python 3.12 made None immortal; this gives it the same effect by adding a huge count
    once. Remove when the binding is fixed or the minimum Python is 3.12.
    """
    if sys.version_info < (3, 12):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
