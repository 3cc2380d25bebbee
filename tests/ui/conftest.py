"""GUI fixtures: a UiContext on the test database with the inline task runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from partydesk.db.engine import Database
from partydesk.ui.context import UiContext
from partydesk.ui.tasks import InlineRunner


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """Settings in an INI file of the test's own folder (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ui_ctx(qapp, db: Database, ui_settings: QSettings) -> UiContext:
    """The shared GUI context; tasks run inline so tests are deterministic."""
    return UiContext(db=db, runner=InlineRunner(), settings=ui_settings)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo office of 400 members, built once per test session."""
    from datetime import date

    from partydesk.services.database import open_database
    from partydesk.services.demo import build_demo_office

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path, actor="test")
    build_demo_office(db, members=400, seed=5, today=date(2026, 11, 23))
    db.close()
    return path


@pytest.fixture
def demo_ctx(
    qapp, demo_template: Path, tmp_path: Path, ui_settings: QSettings
) -> Iterator[UiContext]:
    """A GUI context on a private copy of the demo office."""
    import shutil

    from partydesk.services.database import open_database

    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    db = open_database(target, actor="test")
    yield UiContext(db=db, runner=InlineRunner(), settings=ui_settings)
    db.close()
