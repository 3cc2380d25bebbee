"""Run database work off the GUI thread and deliver the result back by queued signal.

One worker thread owns all database work (SQLite likes one writer). `InlineRunner` runs
tasks immediately, for deterministic GUI tests.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    done = Signal(object, object, object)  # callback, result, error


class TaskRunner(QObject):
    """A single worker thread; callbacks run on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="partydesk-db")
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Future[Any]:
        """Run `work` on the worker; then `on_done(result)` or `on_error(exc)` on the GUI thread."""

        def _call() -> None:
            try:
                result = work()
            except Exception as exc:  # delivered to the GUI, which shows it
                self._relay.done.emit(on_error, None, exc)
            else:
                self._relay.done.emit(on_done, result, None)

        return self._pool.submit(_call)

    @staticmethod
    def _deliver(callback: Callable[[Any], None], result: Any, error: Any) -> None:
        callback(error if error is not None else result)

    def shutdown(self) -> None:
        """Wait for running work and stop the worker."""
        self._pool.shutdown(wait=True)


class InlineRunner:
    """Runs tasks at once on the calling thread (tests)."""

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `work` now and call the matching callback."""
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def shutdown(self) -> None:
        """Nothing to stop."""
