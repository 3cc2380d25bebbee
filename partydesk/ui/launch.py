"""Start the GUI: application, first-start dialog, database, main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.paths import DataPaths
from partydesk.services import database, demo, office
from partydesk.ui.main_window import MainWindow
from partydesk.ui.tasks import TaskRunner
from partydesk.ui.welcome import WelcomeDialog


def run_gui(paths: DataPaths, db_path: str | None = None) -> int:
    """Open the database (offering to create an office on first start) and show the window."""
    os.environ.setdefault("LANG", "C.UTF-8")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("partydesk")
    paths.ensure()
    target = Path(db_path).expanduser() if db_path else paths.database
    try:
        db = database.open_database(target, backup_dir=paths.backups)
    except PartydeskError as exc:
        QMessageBox.critical(None, "partydesk", exc.message("vi"))
        return 1
    runner = TaskRunner()
    try:
        if not office.has_office(db) and not _first_start(db, runner):
            return 0
        database.backup_now(db, paths.backups, automatic=True)
        window = MainWindow(db, runner)
        window.show()
        return app.exec()
    finally:
        runner.shutdown()
        db.close()


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


def _first_start(db: Database, runner: TaskRunner) -> bool:
    """The welcome dialog until an office exists; False when the user quits."""
    while True:
        dialog = WelcomeDialog()
        if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
            return False
        progress = QProgressDialog("Đang tạo dữ liệu…", "", 0, 0)
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
        message = error.message("vi") if isinstance(error, PartydeskError) else str(error)
        QMessageBox.warning(None, "partydesk", message)
