"""A place in the main window's stack that builds its page the first time it is needed.

Each lifecycle page loads its lists when built; building ten pages at start-up would
cost the cold start (and the memory) of a 500k-member register for pages a clerk may
not open that day.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    """Holds `factory()`'s page once shown or asked for (`page`)."""

    def __init__(self, factory: Callable[[], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._page: P | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        """True once the page exists."""
        return self._page is not None

    @property
    def page(self) -> P:
        """The page, built now if it was not yet."""
        if self._page is None:
            self._page = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Build the page when it first comes to the front."""
        _ = self.page
        super().showEvent(event)
