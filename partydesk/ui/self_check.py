"""The self-test's GUI step: start Qt, open the main window on a database, close it.

Run by `partydesk --self-test` after the steps that need no screen (see
`partydesk.services.self_test`). Without a display on Linux it uses Qt's offscreen
platform, so the bundle can test itself on a build server. "Usable" means the window is
shown and every database task its pages started at start-up has come back.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from partydesk.paths import DataPaths

#: How long the window may take to become usable before the step fails.
USABLE_TIMEOUT_S = 120.0


def _choose_platform() -> None:
    # A Linux machine without a display (build server, CI) has no xcb screen to open.
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


class _CountingRunner:
    """Wraps the task runner and counts the tasks whose callbacks have not run yet."""

    def __init__(self, runner: Any) -> None:
        self.runner = runner
        self.pending = 0

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Future[Any]:
        """Run `work` on the real runner, counting it until its callback ran."""
        self.pending += 1

        def done(result: Any) -> None:
            self.pending -= 1
            on_done(result)

        def failed(error: BaseException) -> None:
            self.pending -= 1
            on_error(error)

        future: Future[Any] = self.runner.run(work, done, failed)
        return future

    def shutdown(self) -> None:
        """Stop the real runner."""
        self.runner.shutdown()


def check_window(paths: DataPaths, database_path: Path) -> str:
    """Build the QApplication and the main window on `database_path`; return one line.

    Raises RuntimeError when the window does not become usable in USABLE_TIMEOUT_S or the
    English catalogue cannot be loaded (a bundle without its .qm files).
    """
    started = time.perf_counter()
    _choose_platform()
    from PySide6.QtCore import QSettings, QTranslator
    from PySide6.QtWidgets import QApplication

    from partydesk.services import database
    from partydesk.ui.context import UiContext
    from partydesk.ui.fonts import apply_default_font
    from partydesk.ui.i18n import CATALOGUE, install_language, translations_dir
    from partydesk.ui.main_window import MainWindow
    from partydesk.ui.qt_workarounds import pin_none
    from partydesk.ui.tasks import TaskRunner

    pin_none()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "partydesk"])
    assert isinstance(app, QApplication)
    app.setApplicationName("partydesk")
    families = apply_default_font(app)
    install_language(app, "vi")
    english = QTranslator()
    if not english.load(str(translations_dir() / f"{CATALOGUE}_en.qm")) or english.isEmpty():
        raise RuntimeError(f"{CATALOGUE}_en.qm missing or empty in {translations_dir()}")
    runner = _CountingRunner(TaskRunner())
    db = database.open_database(database_path, backup_dir=paths.backups)
    window: MainWindow | None = None
    try:
        settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
        ctx = UiContext(db=db, runner=runner, settings=settings, language="vi")
        window = MainWindow(ctx, paths.backups, exports_dir=paths.exports)
        window.show()
        deadline = time.monotonic() + USABLE_TIMEOUT_S
        while not (window.isVisible() and runner.pending == 0):
            if time.monotonic() > deadline:
                raise RuntimeError(f"window not usable after {USABLE_TIMEOUT_S:.0f} s")
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()
        usable = time.perf_counter() - started
        title = window.windowTitle()
        page = window.current_page()
        preview = _render_first_pdf(paths.exports)
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        runner.shutdown()
        app.processEvents()
        db.close()
    platform = app.platformName()
    return (
        f"{title!r} on {platform}, page {page}, fonts {len(families)}, {preview}, "
        f"usable {usable:.2f} s after Qt start"
    )


def _render_first_pdf(folder: Path) -> str:
    """Render page 1 of a PDF in `folder` with QtPdf, as the print preview does.

    QtPdf brings its own library (and QtNetwork's, which it links): a bundle without them
    would start but fail at the first preview. Raises RuntimeError when rendering fails.
    """
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    pdf = next(iter(sorted(folder.glob("*.pdf"))), None)
    if pdf is None:
        return "no PDF to preview"
    document = QPdfDocument()
    try:
        if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise RuntimeError(f"QtPdf cannot open {pdf.name}")
        image = document.render(0, QSize(210, 297))
        if image.isNull():
            raise RuntimeError(f"QtPdf cannot render {pdf.name}")
        return f"preview of {pdf.name} rendered"
    finally:
        document.close()
