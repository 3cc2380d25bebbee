"""The organization tree: creation, re-parenting with dated history, merge, dissolve."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.organizations import (
    OrganizationInput,
    create_organization,
    dissolve_organization,
    list_organizations,
    members_on,
    merge_organizations,
    organization_on,
    reparent_organization,
    subtree_ids,
)
from tests.conftest import TODAY
from tests.helpers import snapshot


def _add_member(db, org_id: int, serial: int) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=f"Lê Văn Số{serial}",
            sex="nam",
            birth_date=date(1980, 1, 1),
            organization_id=org_id,
            cccd=make_cccd("068", "nam", 1980, serial),
            decision_date=date(2010, 1, 4),
            ceremony_date=date(2010, 2, 1),
            official_date=date(2011, 2, 1),
        ),
        today=TODAY,
    ).id


def test_reparent_keeps_the_past_answerable(db, org_ids):
    root = org_ids["DR"]
    new_parent = create_organization(
        db,
        OrganizationInput(
            name="Đảng bộ Khối cơ quan",
            kind="dang_bo_co_so",
            parent_id=root,
            code="DR.03",
            founded_on=date(2000, 1, 1),
        ),
    )
    reparent_organization(db, org_ids["DR.01.02"], new_parent.id, date(2025, 7, 1))
    assert organization_on(db, org_ids["DR.01.02"], date(2024, 1, 1)) == org_ids["DR.01"]
    assert organization_on(db, org_ids["DR.01.02"], date(2025, 7, 1)) == new_parent.id
    with db.reader() as session:
        assert org_ids["DR.01.02"] in subtree_ids(session, org_ids["DR.01"], date(2024, 1, 1))
        assert org_ids["DR.01.02"] not in subtree_ids(session, org_ids["DR.01"])
        assert org_ids["DR.01.02"] in subtree_ids(session, new_parent.id)


def test_reparent_refuses_a_cycle(db, db_path, org_ids):
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as caught:
        reparent_organization(db, org_ids["DR.01"], org_ids["DR.01.01"], date(2025, 7, 1))
    assert caught.value.code == "organization.cycle"
    assert snapshot(db_path) == before


def test_merge_moves_members_and_keeps_history(db, org_ids):
    member = _add_member(db, org_ids["DR.01.02"], 1)
    merge_organizations(db, org_ids["DR.01.02"], org_ids["DR.01.01"], date(2025, 7, 1), "5-QĐ/ĐU")
    assert member in members_on(db, org_ids["DR.01.02"], date(2024, 12, 31))
    assert member in members_on(db, org_ids["DR.01.01"], date(2025, 7, 1))
    assert member not in members_on(db, org_ids["DR.01.01"], date(2024, 12, 31))
    live = {row.code: row for row in list_organizations(db)}
    assert "DR.01.02" not in live
    assert live["DR.01.01"].member_count == 1


def test_dissolve_refuses_while_members_remain(db, db_path, org_ids):
    _add_member(db, org_ids["DR.02"], 2)
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match="còn đảng viên"):
        dissolve_organization(db, org_ids["DR.02"], date(2025, 7, 1))
    assert snapshot(db_path) == before


def test_create_refuses_bad_input(db, org_ids):
    with pytest.raises(ValidationError):
        create_organization(db, OrganizationInput(name="", kind="chi_bo", parent_id=org_ids["DR"]))
    with pytest.raises(ValidationError):
        create_organization(
            db, OrganizationInput(name="X", kind="bo_phan_la", parent_id=org_ids["DR"])
        )
    with pytest.raises(PartydeskError) as caught:
        create_organization(
            db, OrganizationInput(name="X", kind="chi_bo", parent_id=org_ids["DR"], code="DR.01")
        )
    assert caught.value.code == "organization.code_taken"
    with pytest.raises(ValidationError):
        create_organization(
            db,
            OrganizationInput(
                name="X", kind="chi_bo", parent_id=org_ids["DR"], type_code="khong_co"
            ),
        )
