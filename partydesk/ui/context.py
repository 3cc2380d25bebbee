"""What every page and dialog of the GUI shares: database, task runner, settings, bus.

Pages never call each other: a page that saved something emits `bus.changed` with the
names of the registers touched ("member", "organization", "cadre", "office"), and every
page that shows one of them refreshes itself (anki's OpChanges, without the framework).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSettings, Signal

from partydesk.db.engine import Database
from partydesk.errors import PartydeskError


class Runner(Protocol):
    """The task runner interface (`TaskRunner`, or `InlineRunner` in tests)."""

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Any:
        """Run `work` off the GUI thread; call back on the GUI thread."""
        ...


class ChangeBus(QObject):
    """Announces which registers a finished write changed."""

    changed = Signal(object)  # frozenset[str]

    def announce(self, *registers: str) -> None:
        """Tell every listening page that these registers changed."""
        self.changed.emit(frozenset(registers))


def error_text(error: BaseException, language: str = "vi") -> str:
    """The sentence to show for an error raised by a service."""
    if isinstance(error, PartydeskError):
        return error.message(language)
    # An unexpected error can carry pages of SQL: show its first line, shortened.
    first = (str(error).splitlines() or [""])[0]
    if len(first) > 200:
        first = first[:200] + "…"
    return f"{type(error).__name__}: {first}"


@dataclass
class UiContext:
    """Shared by the main window, its pages and dialogs."""

    db: Database
    runner: Runner
    settings: QSettings
    bus: ChangeBus = field(default_factory=ChangeBus)
    language: str = "vi"

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Any:
        """Shortcut for `runner.run`."""
        return self.runner.run(work, on_done, on_error)
