"""Three offices on one machine for the sync tests: two demo communes below, one above.

The demo builder always makes the commune «Lạc Dương» with codes LD…; the second office
below is renamed (codes BL…, another name) through the ORM, so the renaming is audited
and stamped like any user's edit. Built once per test session and copied per test.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from partydesk.db.engine import Database
from partydesk.db.models import Member, Office, Organization
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.office import OfficeInput, init_office
from partydesk.services.sync_keys import Relation, key_info, register_partner, write_public_key
from tests.conftest import TODAY

ABOVE_OFFICE = OfficeInput(
    name="Ban Tổ chức Tỉnh ủy Lâm Đồng",
    superior_name="Tỉnh ủy Lâm Đồng",
    place_name="Lâm Đồng",
    number_symbol="BTCTU",
    level="tinh",
    code="TINH",
)


@dataclass
class Offices:
    """Open databases of the three offices and the folder where packages go."""

    a: Database
    b: Database
    above: Database
    folder: Path

    def paths(self) -> dict[str, Path]:
        return {name: self.folder / f"{name}.sqlite3" for name in ("a", "b", "above")}

    def close(self) -> None:
        for db in (self.a, self.b, self.above):
            db.close()


def _rename_b(db: Database) -> None:
    with db.session("test.rename") as session:
        for org in session.scalars(select(Organization)).all():
            org.code = "BL" + org.code.removeprefix("LD")
            org.name = org.name.replace("Lạc Dương", "Bảo Lâm")
        office = session.scalars(select(Office)).one()
        office.name = "Đảng ủy xã Bảo Lâm"
        # The demo numbers biographies and cards alike in every office; real ones differ.
        for member in session.scalars(select(Member)).all():
            if member.biography_no:
                member.biography_no = member.biography_no.replace("LĐ", "BL")
            if member.card_no:
                member.card_no = "B" + member.card_no


def build_offices(folder: Path, members: int = 30, *, register: bool = True) -> None:
    """Make a.sqlite3, b.sqlite3 and above.sqlite3 in `folder`, keys exchanged (if asked)."""
    a = open_database(folder / "a.sqlite3", actor="a")
    build_demo_office(a, members=members, seed=1, today=TODAY)
    b = open_database(folder / "b.sqlite3", actor="b")
    build_demo_office(b, members=members, seed=7, today=TODAY)
    _rename_b(b)
    above = open_database(folder / "above.sqlite3", actor="above")
    init_office(above, ABOVE_OFFICE)
    above_key = write_public_key(above, folder / "above.pdkey")
    for db, name, codes in ((a, "a", ["LD"]), (b, "b", ["BL"])):
        if not register:
            break
        info = write_public_key(db, folder / f"{name}.pdkey")
        register_partner(
            db,
            (folder / "above.pdkey").read_bytes(),
            above_key.fingerprint,
            Relation.ABOVE,
        )
        register_partner(
            above,
            (folder / f"{name}.pdkey").read_bytes(),
            info.fingerprint.lower().replace("-", " "),
            Relation.BELOW,
            codes,
        )
    assert key_info(a).fingerprint != key_info(b).fingerprint != above_key.fingerprint
    for db in (a, b, above):
        db.close()


def copy_offices(template: Path, target: Path) -> Offices:
    """Private copies of the three databases, open."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("a", "b", "above"):
        shutil.copyfile(template / f"{name}.sqlite3", target / f"{name}.sqlite3")
    return Offices(
        open_database(target / "a.sqlite3", actor="a"),
        open_database(target / "b.sqlite3", actor="b"),
        open_database(target / "above.sqlite3", actor="above"),
        target,
    )
