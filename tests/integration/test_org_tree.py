"""The organization tree read level by level, tree search, one organization's detail,
its update and its committee."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, insert, select

from partydesk.db.models import (
    AuditEntry,
    CommitteeMember,
    Member,
    Organization,
    OrganizationParent,
)
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import make_cccd
from partydesk.services.committee import (
    CommitteeInput,
    add_committee_member,
    end_committee_member,
    list_committee,
    normalize_term,
)
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.org_tree import (
    children,
    children_many,
    find_organizations,
)
from partydesk.services.organizations import (
    OrganizationInput,
    OrganizationUpdate,
    create_organization,
    dissolve_organization,
    merge_organizations,
    merge_preview,
    organization_detail,
    reparent_organization,
    update_organization,
)
from tests.conftest import TODAY
from tests.helpers import snapshot


def _member(db, org_id: int, serial: int, ceremony: date = date(2010, 2, 1)) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=f"Đinh Thị Số{serial}",
            sex="nữ",
            birth_date=date(1985, 3, 3),
            organization_id=org_id,
            cccd=make_cccd("068", "nữ", 1985, serial),
            decision_date=date(2010, 1, 4),
            ceremony_date=ceremony,
            official_date=date(2011, 2, 1),
        ),
        today=TODAY,
    ).id


@contextmanager
def _count_selects(db) -> Iterator[list[str]]:
    statements: list[str] = []

    def _seen(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", _seen)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", _seen)


def test_children_carry_direct_and_subtree_counts(db, org_ids):
    _member(db, org_ids["DR.01.01"], 1)
    _member(db, org_ids["DR.01.01"], 2)
    _member(db, org_ids["DR.01.02"], 3)
    _member(db, org_ids["DR.02"], 4)
    top = children(db, None)
    assert [(n.code, n.has_children, n.subtree_members) for n in top] == [("DR", True, 4)]
    level = {n.code: n for n in children(db, org_ids["DR"])}
    assert list(level) == ["DR.01", "DR.02"]
    assert (level["DR.01"].direct_members, level["DR.01"].subtree_members) == (0, 3)
    assert (level["DR.02"].direct_members, level["DR.02"].subtree_members) == (1, 1)
    assert level["DR.01"].has_children
    assert not level["DR.02"].has_children
    assert level["DR.01"].kind_label == "Đảng bộ cơ sở"
    branches = {n.code: n.direct_members for n in children(db, org_ids["DR.01"])}
    assert branches == {"DR.01.01": 2, "DR.01.02": 1}


def test_uncounted_statuses_are_left_out(db, org_ids):
    from partydesk.db.models import Member

    member = _member(db, org_ids["DR.02"], 5)
    with db.session("test") as session:
        session.get(Member, member).status = "transferred_out"
    assert children(db, org_ids["DR"])[1].subtree_members == 0


def test_a_large_tree_is_read_one_level_in_two_queries(db, org_ids):
    # 30 grassroots organizations with 100 branches each: 3,030 organizations.
    root = org_ids["DR"]
    with db.session("test") as session:
        next_id = 1000
        orgs, members = [], []
        for g in range(30):
            grassroots = next_id
            next_id += 1
            orgs.append(
                {
                    "id": grassroots,
                    "code": f"B{g}",
                    "name": f"Đảng bộ {g}",
                    "name_fold": "",
                    "kind": "dang_bo_co_so",
                    "parent_id": root,
                }
            )
            for b in range(100):
                orgs.append(
                    {
                        "id": next_id,
                        "code": f"B{g}.{b}",
                        "name": f"Chi bộ {g}.{b}",
                        "name_fold": "",
                        "kind": "chi_bo",
                        "parent_id": grassroots,
                    }
                )
                if b % 10 == 0:
                    members.append(
                        {
                            "full_name": "X",
                            "sex": "nam",
                            "birth_date": date(1980, 1, 1),
                            "status": "official",
                            "organization_id": next_id,
                        }
                    )
                next_id += 1
        session.execute(insert(Organization), orgs)
        session.execute(insert(Member), members)
    with _count_selects(db) as statements:
        level = children(db, root)
    assert len(statements) == 2
    big = [n for n in level if n.code.startswith("B")]
    assert len(big) == 30
    assert all(n.subtree_members == 10 and n.direct_members == 0 for n in big)
    codes = [n.code for n in level]
    assert codes == sorted(codes)  # tree order: sort_order, then code
    with _count_selects(db) as statements:
        levels = children_many(db, [root, *[n.id for n in big[:5]]])
    assert len(statements) == 2
    assert [len(levels[n.id]) for n in big[:5]] == [100] * 5


def test_dissolved_organizations_are_hidden_unless_asked(db, org_ids):
    dissolve_organization(db, org_ids["DR.01.02"], date(2025, 7, 1), "3-QĐ/ĐU")
    assert [n.code for n in children(db, org_ids["DR.01"])] == ["DR.01.01"]
    shown = children(db, org_ids["DR.01"], include_dissolved=True)
    assert [(n.code, n.dissolved_on) for n in shown] == [
        ("DR.01.01", None),
        ("DR.01.02", date(2025, 7, 1)),
    ]
    assert find_organizations(db, "hanh chinh") == []
    assert [m.code for m in find_organizations(db, "hanh chinh", include_dissolved=True)] == [
        "DR.01.02"
    ]


def test_find_without_diacritics_returns_the_path(db, org_ids):
    matches = find_organizations(db, "chi bo giao vien")
    assert [(m.name, m.path) for m in matches] == [
        ("Chi bộ Giáo viên", (org_ids["DR"], org_ids["DR.01"], org_ids["DR.01.01"]))
    ]
    assert [m.code for m in find_organizations(db, "CHI BỘ")] == [
        "DR.01.01",
        "DR.01.02",
        "DR.02",
    ]
    assert [m.code for m in find_organizations(db, "DR.01.0")] == ["DR.01.01", "DR.01.02"]
    assert find_organizations(db, "thon 1")[0].path == (org_ids["DR"], org_ids["DR.02"])
    assert find_organizations(db, "   ") == []
    assert find_organizations(db, "100%") == []  # LIKE wildcards are escaped


def test_detail_shows_history_committee_counts_and_children(db, org_ids):
    _member(db, org_ids["DR.01.01"], 6)
    _member(db, org_ids["DR.01.02"], 7)
    new_parent = create_organization(
        db,
        OrganizationInput(
            name="Đảng bộ Khối cơ quan", kind="dang_bo_co_so", parent_id=org_ids["DR"]
        ),
    )
    reparent_organization(db, org_ids["DR.01.02"], new_parent.id, date(2025, 7, 1))
    add_committee_member(
        db,
        CommitteeInput(
            organization_id=org_ids["DR.01"],
            post_code="bi_thu",
            term="2025–2030",
            full_name="Hà Văn Sơn",
            start_on=date(2025, 8, 1),
        ),
    )
    detail = organization_detail(db, org_ids["DR.01.02"])
    assert detail.parent_name == "Đảng bộ Khối cơ quan"
    assert [(p.parent_name, p.valid_from, p.valid_to, p.reason) for p in detail.parents] == [
        ("Đảng bộ Trường THPT Đam Rông", date(1930, 2, 3), date(2025, 7, 1), ""),
        ("Đảng bộ Khối cơ quan", date(2025, 7, 1), None, "reparent"),
    ]
    school = organization_detail(db, org_ids["DR.01"])
    assert school.members_by_status == {"official": 1}
    assert (school.subtree_members, school.direct_members) == (1, 0)
    assert [c.code for c in school.children] == ["DR.01.01"]
    assert [(s.full_name, s.post_name, s.term) for s in school.committee] == [
        ("Hà Văn Sơn", "Bí thư", "2025-2030")
    ]
    assert not school.holds_members
    with pytest.raises(PartydeskError) as caught:
        organization_detail(db, 999_999)
    assert caught.value.code == "organization.not_found"


def test_update_saves_fields_and_moves_the_founding_period(db, org_ids):
    org_id = org_ids["DR.01.01"]
    row = update_organization(
        db,
        org_id,
        OrganizationUpdate(
            name="  Chi bộ  Giáo viên THPT ",
            short_name="CB GV",
            type_code="su_nghiep_cong_lap",
            founding_decision="12-QĐ/HU",
            founded_on=date(1998, 9, 1),
            address="Thôn 2, xã Đam Rông",
            notes="Ghi chú",
        ),
    )
    assert row.name == "Chi bộ Giáo viên THPT"
    detail = organization_detail(db, org_id)
    assert (detail.type_name, detail.founded_on, detail.short_name) == (
        "Đơn vị sự nghiệp công lập",
        date(1998, 9, 1),
        "CB GV",
    )
    assert detail.parents[0].valid_from == date(1998, 9, 1)
    assert [m.id for m in find_organizations(db, "giao vien thpt")] == [org_id]
    with db.reader() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.table_name == "organization")
        ).all()
    assert "update_organization" in actions


def test_update_refuses_bad_input_and_writes_nothing(db, db_path, org_ids):
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        update_organization(db, org_ids["DR.02"], OrganizationUpdate(name="  "))
    assert caught.value.code == "field.required"
    with pytest.raises(ValidationError) as caught:
        update_organization(
            db, org_ids["DR.02"], OrganizationUpdate(name="X", type_code="khong_co")
        )
    assert caught.value.code == "field.unknown_code"
    with pytest.raises(ValidationError) as caught:
        update_organization(
            db, org_ids["DR.02"], OrganizationUpdate(name="X", founded_on=date(2999, 1, 1))
        )
    assert caught.value.code == "field.future_date"
    assert snapshot(db_path) == before


def test_merge_preview_and_merge_refusals(db, db_path, org_ids):
    _member(db, org_ids["DR.01.02"], 8)
    _member(db, org_ids["DR.01.02"], 9)
    preview = merge_preview(db, org_ids["DR.01.02"])
    assert (preview.members, preview.children, preview.name) == (2, 0, "Chi bộ Hành chính")
    assert merge_preview(db, org_ids["DR.01"]).children == 2
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as caught:
        merge_organizations(db, org_ids["DR.02"], org_ids["DR.02"], date(2025, 7, 1))
    assert caught.value.code == "organization.same"
    with pytest.raises(PartydeskError) as caught:
        reparent_organization(db, org_ids["DR.01.01"], org_ids["DR.01"], date(2025, 7, 1))
    assert caught.value.code == "organization.same_parent"
    assert snapshot(db_path) == before
    merge_organizations(db, org_ids["DR.01.02"], org_ids["DR.01.01"], date(2025, 7, 1))
    with pytest.raises(PartydeskError) as caught:
        merge_organizations(db, org_ids["DR.02"], org_ids["DR.01.02"], date(2025, 8, 1))
    assert caught.value.code == "organization.dissolved"
    with pytest.raises(PartydeskError) as caught:
        dissolve_organization(db, org_ids["DR.01.02"], date(2025, 8, 1))
    assert caught.value.code == "organization.dissolved"
    with db.reader() as session:
        moved = session.scalars(
            select(OrganizationParent).where(
                OrganizationParent.organization_id == org_ids["DR.01.02"]
            )
        ).all()
    assert len(moved) == 1  # a merged organization keeps its place; only members moved


def test_committee_add_and_end(db, db_path, org_ids):
    member = _member(db, org_ids["DR.02"], 10)
    seat = add_committee_member(
        db,
        CommitteeInput(
            organization_id=org_ids["DR.02"],
            post_code="chi_uy_vien",
            term="2025 - 2030",
            member_id=member,
            start_on=date(2025, 8, 15),
            decision_no=" 7-QĐ/ĐU ",
        ),
    )
    assert (seat.full_name, seat.term, seat.decision_no) == (
        "Đinh Thị Số10",
        "2025-2030",
        "7-QĐ/ĐU",
    )
    ended = end_committee_member(db, seat.id, date(2026, 1, 31))
    assert ended.end_on == date(2026, 1, 31)
    assert not ended.is_current
    with db.reader() as session:
        row = session.get(CommitteeMember, seat.id)
        assert row is not None
        assert row.end_on == date(2026, 1, 31)
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "end_committee_member")
        ).one()
        assert json.loads(audit.after_json)["end_on"] == "2026-01-31"
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as caught:
        end_committee_member(db, seat.id, date(2026, 2, 1))
    assert caught.value.code == "committee.already_ended"
    bad = [
        ({"post_code": "tong_bi_thu"}, "field.unknown_code"),
        ({"post_code": ""}, "field.required"),
        ({"term": "2025"}, "term.invalid"),
        ({"term": "2030-2025"}, "term.invalid"),
        ({"full_name": "", "member_id": None}, "field.required"),
        ({"member_id": 999_999}, "member.not_found"),
    ]
    for change, code in bad:
        values = {
            "organization_id": org_ids["DR.02"],
            "post_code": "bi_thu",
            "term": "2025-2030",
            "full_name": "Ai Đó",
        }
        values.update(change)
        with pytest.raises(PartydeskError) as caught:
            add_committee_member(db, CommitteeInput(**values))
        assert caught.value.code == code, change
    with pytest.raises(PartydeskError) as caught:
        add_committee_member(
            db, CommitteeInput(organization_id=999_999, post_code="bi_thu", term="2025-2030")
        )
    assert caught.value.code == "organization.not_found"
    with db.reader() as session:
        assert session.scalar(select(CommitteeMember).where(CommitteeMember.id > seat.id)) is None
    assert [s.id for s in list_committee(db, org_ids["DR.02"])] == [seat.id]
    assert snapshot(db_path)["audit_log"] == before["audit_log"]


def test_committee_end_refuses_a_date_before_the_start(db, org_ids):
    seat = add_committee_member(
        db,
        CommitteeInput(
            organization_id=org_ids["DR.02"],
            post_code="bi_thu",
            term="2025-2030",
            full_name="Lò Văn Pá",
            start_on=date(2025, 8, 15),
        ),
    )
    with pytest.raises(ValidationError) as caught:
        end_committee_member(db, seat.id, date(2025, 8, 1))
    assert caught.value.code == "date.order"


def test_committee_lists_current_seats_first_by_rank(db, org_ids):
    org = org_ids["DR.01"]

    def seat(post: str, name: str, term: str = "2025-2030") -> int:
        data = CommitteeInput(organization_id=org, post_code=post, term=term, full_name=name)
        return add_committee_member(db, data).id

    seat("cap_uy_vien", "C")
    old = seat("bi_thu", "Cũ", "2020-2025")
    seat("pho_bi_thu", "B")
    seat("bi_thu", "A")
    end_committee_member(db, old, date(2025, 8, 1))
    assert [s.full_name for s in list_committee(db, org)] == ["A", "B", "C", "Cũ"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("2025-2030", "2025-2030"), ("2025–2030", "2025-2030"), (" 2020 / 2025 ", "2020-2025")],
)
def test_terms_are_stored_in_one_form(typed, stored):
    assert normalize_term(typed) == stored
