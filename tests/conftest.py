"""Shared fixtures: headless Qt, and real SQLite files copied from a migrated template."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# Before any QApplication exists: without a display Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from partydesk.db.engine import Database
from partydesk.services.database import open_database
from partydesk.services.office import OfficeInput, init_office
from partydesk.services.organizations import (
    OrganizationInput,
    create_organization,
)
from partydesk.ui.qt_workarounds import pin_none

# PySide6 6.12.0 on Python 3.11 leaks references to None (see qt_workarounds).
pin_none()

TODAY = date(2026, 11, 23)

TEST_OFFICE = OfficeInput(
    name="Đảng ủy xã Đam Rông",
    superior_name="Đảng bộ tỉnh Lâm Đồng",
    place_name="Đam Rông",
    number_symbol="ĐU",
    code="DR",
)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the test office and two branches, built once."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path, actor="test")
    fill_template(db)
    db.close()
    # A closed WAL database is one file again.
    return path


def fill_template(db: Database) -> None:
    """The test office and its organizations (tests/server builds the same on PostgreSQL)."""
    info = init_office(db, TEST_OFFICE)
    grassroots = create_organization(
        db,
        OrganizationInput(
            name="Đảng bộ Trường THPT Đam Rông",
            kind="dang_bo_co_so",
            parent_id=info.organization_id,
            code="DR.01",
        ),
    )
    create_organization(
        db,
        OrganizationInput(
            name="Chi bộ Giáo viên", kind="chi_bo", parent_id=grassroots.id, code="DR.01.01"
        ),
    )
    create_organization(
        db,
        OrganizationInput(
            name="Chi bộ Hành chính", kind="chi_bo", parent_id=grassroots.id, code="DR.01.02"
        ),
    )
    create_organization(
        db,
        OrganizationInput(
            name="Chi bộ thôn 1", kind="chi_bo_co_so", parent_id=info.organization_id, code="DR.02"
        ),
    )


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A private copy of the template database for one test."""
    target = tmp_path / "partydesk.sqlite3"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """The test's database, open."""
    database = open_database(db_path, actor="test")
    yield database
    database.close()


@pytest.fixture
def org_ids(db: Database) -> dict[str, int]:
    """Organization ids of the template by code."""
    from sqlalchemy import select

    from partydesk.db.models import Organization

    with db.reader() as session:
        return dict(session.execute(select(Organization.code, Organization.id)).all())
