"""Many offices below and one hub above, with a folder of their packages (hub tests, bench).

Office i is the demo commune renamed: organization codes `H<letter>…` instead of `LD…`,
its own name, CCCD numbers with their own three-digit prefix (the demo draws them from
the same ranges in every office). Each office exports a full package, then edits a few
members and exports a delta; the files go into one folder under shuffled names, so the
hub cannot rely on the names for the order. `adopt_identity` gives another database
(the PostgreSQL hub) the SQLite hub's identity and partners, so the same files can be
imported into both.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from partydesk.db.engine import Database
from partydesk.db.models import Member, Office, Organization, SyncKey, SyncPartner
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.office import OfficeInput, init_office
from partydesk.services.sync_export import export_package
from partydesk.services.sync_import import import_package
from partydesk.services.sync_keys import Relation, register_partner, write_public_key
from partydesk.services.sync_receipts import import_receipt

HUB_OFFICE = OfficeInput(
    name="Ban Tổ chức Tỉnh ủy Lâm Đồng",
    superior_name="Tỉnh ủy Lâm Đồng",
    place_name="Lâm Đồng",
    number_symbol="BTCTU",
    level="tinh",
    code="TINH",
)
#: Members edited in each office between its full package and its delta.
EDITED = 3


@dataclass
class SentPackage:
    """One file in the folder: which office, full or delta, how many records."""

    office: str
    kind: str
    path: Path
    records: int


@dataclass
class HubFolder:
    """The hub's database file, the folder of packages, and what each office sent."""

    hub: Path
    packages: Path
    offices: list[str] = field(default_factory=list)
    sent: list[SentPackage] = field(default_factory=list)
    members: dict[str, int] = field(default_factory=dict)


def office_name(index: int) -> str:
    """The name of office `index` below."""
    return f"Đảng ủy xã Số {index + 1}"


def _rename(db: Database, index: int) -> None:
    prefix = f"H{chr(ord('A') + index)}"
    place = f"Số {index + 1}"
    with db.session("test.rename") as session:
        # Core updates (one statement each, fast at 50,000 members); still stamped and
        # exported like any change (docs/sync.md §3).
        session.execute(
            update(Organization).values(
                code=prefix + func.substr(Organization.code, 3),
                name=func.replace(Organization.name, "Lạc Dương", place),
            )
        )
        session.execute(
            update(Member)
            .where(Member.cccd.is_not(None))
            .values(cccd=f"9{index:02d}" + func.substr(Member.cccd, 4))
        )
        session.execute(update(Office).values(name=office_name(index)))


def _edit(db: Database, count: int) -> None:
    with db.session("test.edit") as session:
        members = session.scalars(select(Member).order_by(Member.id).limit(count)).all()
        for member in members:
            member.notes = "Sửa sau gói đầy đủ"


def _acknowledge(scratch: Database, below: Database, package: Path, receipt: Path) -> None:
    """The real round trip: the full package imported above, its receipt taken below."""
    import_package(scratch, package, receipt=receipt)
    import_receipt(below, receipt)
    receipt.unlink()


def build_hub_folder(
    folder: Path,
    offices: int = 3,
    members: int = 20,
    *,
    today: date,
    seed: int = 5,
) -> HubFolder:
    """Make the hub, `offices` offices below with `members` each, and their packages.

    Each full package is imported into a scratch copy of the hub and its receipt taken
    below, so the delta holds only the members edited afterwards (as in real use); the
    hub itself (`HubFolder.hub`) has imported nothing.
    """
    folder.mkdir(parents=True, exist_ok=True)
    packages = folder / "packages"
    packages.mkdir(exist_ok=True)
    hub_path = folder / "hub.sqlite3"
    hub = open_database(hub_path, actor="hub")
    init_office(hub, HUB_OFFICE)
    hub_key = write_public_key(hub, folder / "hub.pdkey")
    result = HubFolder(hub_path, packages)
    names = [f"{random.Random(seed * 100 + n).getrandbits(40):010x}" for n in range(offices * 2)]
    belows = []
    try:
        for index in range(offices):
            below = open_database(folder / f"office{index}.sqlite3", actor=f"office{index}")
            belows.append(below)
            build_demo_office(below, members=members, seed=1 + 6 * index, today=today,
                              lifecycle=False)  # fmt: skip
            _rename(below, index)
            key = write_public_key(below, folder / f"office{index}.pdkey")
            register_partner(
                below, (folder / "hub.pdkey").read_bytes(), hub_key.fingerprint, Relation.ABOVE
            )
            register_partner(
                hub, (folder / f"office{index}.pdkey").read_bytes(), key.fingerprint,
                Relation.BELOW, [f"H{chr(ord('A') + index)}"],
            )  # fmt: skip
            name = office_name(index)
            result.offices.append(name)
            with below.reader() as session:
                result.members[name] = int(
                    session.scalar(select(func.count()).select_from(Member)) or 0
                )
        hub.close()
        shutil.copyfile(hub_path, folder / "scratch-hub.sqlite3")
        scratch = open_database(folder / "scratch-hub.sqlite3", actor="hub")
        try:
            for index, below in enumerate(belows):
                name = office_name(index)
                full = packages / f"{names[2 * index]}.pdpkg"
                done = export_package(below, full, full=True, period_label="Đầu kỳ")
                result.sent.append(SentPackage(name, "full", full, sum(done.counts.values())))
                _acknowledge(scratch, below, full, folder / "receipt.pdpkg")
                _edit(below, EDITED)
                delta = packages / f"{names[2 * index + 1]}.pdpkg"
                done = export_package(below, delta, period_label="Quý IV/2026")
                result.sent.append(SentPackage(name, "delta", delta, sum(done.counts.values())))
        finally:
            scratch.close()
    finally:
        hub.close()
        for below in belows:
            below.close()
    return result


def adopt_identity(target: Database, source: Database) -> None:
    """Give `target` (a new office) the office UUID, keys and partners of `source`."""
    with source.reader() as session:
        office = session.scalars(select(Office)).one()
        uuid, name = office.uuid, office.name
        key = session.scalars(select(SyncKey).where(SyncKey.office_uuid == uuid)).one()
        key_row = {
            "office_uuid": uuid,
            "fingerprint": key.fingerprint,
            "private_key": key.private_key,
        }
        partners = [
            {
                "office_uuid": row.office_uuid,
                "name": row.name,
                "relation": row.relation,
                "fingerprint": row.fingerprint,
                "public_key": row.public_key,
                "scope_json": row.scope_json,
            }
            for row in session.scalars(select(SyncPartner)).all()
        ]
    with target.session("test.adopt") as session:
        session.execute(update(Office).values(uuid=uuid, name=name))
        session.execute(delete(SyncKey))
        session.execute(insert(SyncKey), [key_row])
        session.execute(delete(SyncPartner))
        session.execute(insert(SyncPartner), partners)
