"""Progress reports for long package work, which the callback can stop."""

from __future__ import annotations

from collections.abc import Callable

from partydesk.documents.package.errors import StoppedError

# progress(lines done, lines in all or 0 when unknown); returning False stops the work.
Progress = Callable[[int, int], bool | None]
EVERY = 5000


class Ticker:
    """Counts lines and calls the progress callback every `EVERY` lines."""

    def __init__(self, progress: Progress | None, total: int = 0) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def tick(self) -> None:
        """One more line; raises StoppedError when the callback returns False."""
        self.done += 1
        if (
            self.progress is not None
            and self.done % EVERY == 0
            and self.progress(self.done, self.total) is False
        ):
            raise StoppedError
