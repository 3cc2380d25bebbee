"""A member transferred out by office A reaches office B through the office above: the
letter arrives above in A's package, goes down to B in a downward package, and B receives
the member with the record and history, without retyping."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.codes import MemberStatus
from partydesk.db.models import Member, MemberEvent, Organization
from partydesk.errors import PartydeskError
from partydesk.services import sync_downward, sync_export, sync_import
from partydesk.services.transfers import TransferOutInput, transfer_out
from tests.conftest import TODAY
from tests.helpers import snapshot
from tests.integration.sync_offices import Offices, build_offices, copy_offices


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sync-downward")
    build_offices(folder, members=20)
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[Offices]:
    made = copy_offices(template, tmp_path / "offices")
    yield made
    made.close()


def test_member_transferred_from_a_arrives_at_b_with_history(offices: Offices) -> None:
    # Both demo offices number biographies alike; pick a member whose numbers B lacks (a
    # real clash is the clerk's to settle: transfer_in refuses it like any duplicate).
    with offices.b.reader() as session:
        taken = set(session.scalars(select(Member.biography_no)).all())
        taken |= set(session.scalars(select(Member.card_no)).all())
    with offices.a.reader() as session:
        member = next(
            row
            for row in session.scalars(
                select(Member)
                .where(Member.status == MemberStatus.OFFICIAL.value, Member.cccd.is_not(None))
                .order_by(Member.id)
            )
            if row.biography_no not in taken and row.card_no not in taken
        )
        member_id, name, cccd = member.id, member.full_name, member.cccd
        events_at_a = session.scalars(
            select(MemberEvent.kind).where(MemberEvent.member_id == member_id)
        ).all()
    transfer_out(
        offices.a,
        TransferOutInput(member_id, date(2026, 11, 2), "Đảng ủy xã Bảo Lâm"),
        today=TODAY,
    )
    package = offices.folder / "a.pdpkg"
    sync_export.export_package(offices.a, package, full=True)
    sync_import.import_package(offices.above, package)

    letters = sync_downward.transfers_in_transit(offices.above)
    [letter] = [row for row in letters if row.full_name == name]
    assert letter.from_office == "Đảng ủy xã Lạc Dương"
    down = offices.folder / "down.pdpkg"
    result = sync_downward.export_transfer_down(
        offices.above, letter.transfer_uuid, "Đảng ủy xã Bảo Lâm", down
    )
    assert result.recipient == "Đảng ủy xã Bảo Lâm"
    # The package is for B: A cannot open it.
    with pytest.raises(PartydeskError) as caught:
        sync_downward.incoming_transfer(offices.a, down)
    assert caught.value.code == "package.wrong_recipient"

    before = snapshot(offices.paths()["b"])
    incoming = sync_downward.incoming_transfer(offices.b, down)
    assert (incoming.status, incoming.full_name) == ("ready", name)
    assert incoming.from_text
    assert snapshot(offices.paths()["b"]) == before
    with offices.b.reader() as session:
        branch = session.scalars(
            select(Organization.id).where(Organization.code == "BL.01.01")
        ).one()
    detail = sync_downward.receive_transfer(
        offices.b, down, branch, arrived_on=date(2026, 11, 10), today=TODAY
    )
    assert detail is not None
    with offices.b.reader() as session:
        arrived = session.scalars(select(Member).where(Member.cccd == cccd)).one()
        assert arrived.full_name == name
        assert arrived.organization_id == branch
        assert arrived.status not in (MemberStatus.TRANSFERRED_OUT.value,)
        kinds = session.scalars(
            select(MemberEvent.kind).where(MemberEvent.member_id == arrived.id)
        ).all()
    assert "transfer_in" in kinds
    assert set(events_at_a) - {"transfer_out"} <= set(kinds)
    before = snapshot(offices.paths()["b"])
    assert sync_downward.receive_transfer(offices.b, down, branch, today=TODAY) is None
    assert snapshot(offices.paths()["b"]) == before
