"""The provincial hub imports a folder of packages from three offices below (SQLite).

Each office sent a full package and a delta, under shuffled names: the hub takes each
office's packages in sequence order, writes the receipts, counts per office, imports
nothing the second time, and a truncated copy is refused with its reason while every
other office is imported.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partydesk.db.engine import Database
from partydesk.db.models import Member, SyncPartner
from partydesk.errors import PartydeskError
from partydesk.services import hub
from partydesk.services.database import open_database
from tests.conftest import TODAY
from tests.integration.hub_offices import EDITED, HubFolder, build_hub_folder


@pytest.fixture(scope="module")
def hub_template(tmp_path_factory: pytest.TempPathFactory) -> HubFolder:
    """Three offices of 20 members, their six packages, the hub: built once."""
    return build_hub_folder(tmp_path_factory.mktemp("hub"), offices=3, members=20, today=TODAY)


@pytest.fixture
def hub_db(hub_template: HubFolder, tmp_path: Path) -> Iterator[Database]:
    """The test's own copy of the hub, open."""
    target = tmp_path / "hub.sqlite3"
    shutil.copyfile(hub_template.hub, target)
    db = open_database(target, actor="hub")
    yield db
    db.close()


def _members(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def test_folder_imported_office_by_office_in_order(
    hub_template: HubFolder, hub_db: Database, tmp_path: Path
) -> None:
    receipts = tmp_path / "receipts"
    seen: list[tuple[int, int]] = []
    report = hub.import_folder(
        hub_db,
        hub_template.packages,
        receipts=receipts,
        progress=lambda done, total, _what: seen.append((done, total)),
    )
    assert [office.office for office in report.offices] == hub_template.offices
    assert report.count(hub.IMPORTED) == 6
    assert report.count(hub.REFUSED) == report.count(hub.SKIPPED) == 0
    assert seen[-1] == (6, 6)
    for office in report.offices:
        sent = {p.path: p for p in hub_template.sent if p.office == office.office}
        # Full first, then the delta, whatever the file names' order.
        assert [p.kind for p in office.packages] == ["full", "delta"]
        assert {p.file for p in office.packages} == set(sent)
        full, delta = office.packages
        assert full.counts["new"] == sent[full.file].records
        # The delta holds only the members edited after the acknowledged full package.
        assert sent[delta.file].records == EDITED
        assert delta.counts == {**dict.fromkeys(delta.counts, 0), "updated": EDITED}
        assert office.records["new"] == sent[full.file].records
        assert office.rows_per_second > 0
        for package in office.packages:
            assert package.receipt is not None
            assert package.receipt.parent == receipts
            assert package.receipt.stat().st_size > 0
    assert _members(hub_db) == sum(hub_template.members.values())
    assert len(list(receipts.iterdir())) == 6

    again = hub.import_folder(hub_db, hub_template.packages, receipts=receipts)
    assert again.count(hub.ALREADY) == 6
    assert again.records == dict.fromkeys(hub.RECORD_COUNTS, 0)
    assert _members(hub_db) == sum(hub_template.members.values())
    assert len(list(receipts.iterdir())) == 6


def test_truncated_package_refused_others_imported(
    hub_template: HubFolder, hub_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(hub_template.packages, folder)
    bad = next(p for p in hub_template.sent if p.office == hub_template.offices[1])
    data = (folder / bad.path.name).read_bytes()
    (folder / bad.path.name).write_bytes(data[: len(data) // 2])
    report = hub.import_folder(hub_db, folder, receipts=tmp_path / "receipts")
    by_office = {office.office: office for office in report.offices}
    # The truncated file's header names no readable sender: its own group, last.
    unknown = report.offices[-1]
    assert unknown.office == hub.UNKNOWN_OFFICE
    [refused] = unknown.packages
    assert refused.status == hub.REFUSED
    assert refused.file.name == bad.path.name
    assert "cắt cụt" in refused.reason or "thiếu" in refused.reason.lower()
    for name in (hub_template.offices[0], hub_template.offices[2]):
        assert by_office[name].count(hub.IMPORTED) == 2
    # The other package of that office, the delta, would leave a gap: refused, and why.
    [delta] = by_office[hub_template.offices[1]].packages
    assert delta.status == hub.REFUSED
    assert delta.reason.startswith("Thiếu gói")
    assert _members(hub_db) == sum(
        count for name, count in hub_template.members.items() if name != hub_template.offices[1]
    )


def test_refused_package_stops_that_office_only(
    hub_template: HubFolder, hub_db: Database, tmp_path: Path
) -> None:
    first = hub_template.offices[0]
    # The hub registered the first office for organizations it does not hold: its full
    # package is refused (records outside its scope), so its delta would be a gap.
    with hub_db.session("test.scope") as session:
        partner = session.scalars(select(SyncPartner).where(SyncPartner.name == first)).one()
        partner.scope_json = '["ZZ"]'
    report = hub.import_folder(hub_db, hub_template.packages, receipts=tmp_path / "r")
    office = report.offices[0]
    assert office.office == first
    full, delta = office.packages
    assert (full.kind, full.status) == ("full", hub.REFUSED)
    assert "từ chối" in full.reason
    assert (delta.kind, delta.status, delta.reason) == ("delta", hub.SKIPPED, hub.AFTER_REFUSED)
    assert full.receipt is None
    assert office.records == dict.fromkeys(hub.RECORD_COUNTS, 0)
    for other in report.offices[1:]:
        assert other.count(hub.IMPORTED) == 2
    assert _members(hub_db) == sum(
        count for name, count in hub_template.members.items() if name != first
    )


def test_stop_between_packages_leaves_the_rest(hub_template: HubFolder, hub_db: Database) -> None:
    report = hub.import_folder(
        hub_db, hub_template.packages, progress=lambda done, _total, _what: done < 2
    )
    assert report.stopped
    assert report.count(hub.IMPORTED) == 2
    assert report.count(hub.SKIPPED) == 4
    assert _members(hub_db) == hub_template.members[hub_template.offices[0]]


def test_not_a_folder_refused(hub_template: HubFolder, hub_db: Database) -> None:
    with pytest.raises(PartydeskError) as caught:
        hub.import_folder(hub_db, hub_template.sent[0].path)
    assert caught.value.code == "hub.not_a_folder"
    assert "không phải là thư mục" in caught.value.message()
