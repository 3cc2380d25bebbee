"""Start the GUI: application, fonts and language, first-start dialog, main window.

`App` is the controller that outlives windows: opening another database or restoring a
backup closes the current window and database and builds new ones.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.paths import DataPaths
from partydesk.services import database, demo, office
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.fonts import apply_default_font
from partydesk.ui.i18n import install_language
from partydesk.ui.main_window import MainWindow, remember_recent
from partydesk.ui.qt_workarounds import pin_none
from partydesk.ui.tasks import TaskRunner
from partydesk.ui.welcome import WelcomeDialog


def _wait_for(runner: TaskRunner, work: Callable[[], object]) -> BaseException | None:
    """Run `work` on the worker while the GUI keeps painting; return its error, if any."""
    outcome: list[BaseException | None] = []
    loop = QEventLoop()

    def finished(error: BaseException | None) -> None:
        outcome.append(error)
        loop.quit()

    runner.run(work, lambda _result: finished(None), finished)
    if not outcome:
        loop.exec()
    return outcome[0]


def first_start(db: Database, runner: TaskRunner) -> bool:
    """The welcome dialog until an office exists; False when the user quits."""
    while True:
        dialog = WelcomeDialog()
        if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
            return False
        progress = QProgressDialog(
            QCoreApplication.translate("WelcomeDialog", "Đang tạo dữ liệu…"), "", 0, 0
        )
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.show()
        if dialog.choice == "demo":
            error = _wait_for(runner, lambda: demo.build_demo_office(db))
        else:
            data = dialog.office_input()
            error = _wait_for(runner, lambda: office.init_office(db, data))  # noqa: B023
        progress.close()
        if error is None:
            return True
        QMessageBox.warning(None, "partydesk", error_text(error))


class App:
    """Holds the runner and settings; opens databases into main windows."""

    def __init__(self, paths: DataPaths, settings: QSettings) -> None:
        self.paths = paths
        self.settings = settings
        self.runner = TaskRunner()
        self.ctx: UiContext | None = None
        self.window: MainWindow | None = None

    def open(self, target: Path) -> bool:
        """Open `target` (first start dialog when it has no office) in a new main window."""
        try:
            db = database.open_database(target, backup_dir=self.paths.backups)
        except PartydeskError as exc:
            QMessageBox.critical(self.window, "partydesk", exc.message("vi"))
            return False
        if not office.has_office(db) and not first_start(db, self.runner):
            db.close()
            return False
        # The automatic backup of each working session, rotated (10 kept).
        _wait_for(self.runner, lambda: database.backup_now(db, self.paths.backups, automatic=True))
        self._close_current()
        language = str(self.settings.value("ui/language", "vi"))
        self.ctx = UiContext(db=db, runner=self.runner, settings=self.settings, language=language)
        self.window = MainWindow(self.ctx, self.paths.backups)
        self.window.open_database_requested.connect(lambda path: self.open(Path(path)))
        self.window.restore_requested.connect(lambda path: self.restore(Path(path)))
        remember_recent(self.ctx, str(target))
        self.window.show()
        return True

    def restore(self, backup: Path) -> None:
        """Replace the open database by a backup, keeping a copy of the current one."""
        if self.ctx is None or self.ctx.db.path is None:
            return
        target = self.ctx.db.path
        try:
            database.check_backup_file(backup)
        except PartydeskError as exc:
            QMessageBox.warning(self.window, "partydesk", exc.message("vi"))
            return
        self._close_current()
        try:
            database.restore_backup(backup, target, self.paths.backups)
        except PartydeskError as exc:
            QMessageBox.warning(None, "partydesk", exc.message("vi"))
        self.open(target)

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.ctx is not None:
            self.ctx.db.close()
            self.ctx = None

    def shutdown(self) -> None:
        """Close the window and database, stop the worker."""
        self._close_current()
        self.runner.shutdown()


def run_gui(paths: DataPaths, db_path: str | None = None) -> int:
    """Open the database (offering to create an office on first start) and run the GUI."""
    os.environ.setdefault("LANG", "C.UTF-8")
    pin_none()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("partydesk")
    paths.ensure()
    settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
    apply_default_font(app)
    install_language(app, str(settings.value("ui/language", "vi")))
    controller = App(paths, settings)
    target = Path(db_path).expanduser() if db_path else paths.database
    try:
        if not controller.open(target):
            return 0
        return app.exec()
    finally:
        controller.shutdown()
