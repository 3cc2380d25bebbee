"""The member register's list queries and photos on a real SQLite file."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import event, select, update

from partydesk.codes import MemberStatus
from partydesk.db.models import AuditEntry, Member, MemberPhoto, Organization
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import fold, make_cccd, name_sort_key
from partydesk.services.member_input import MemberInput
from partydesk.services.member_photo import (
    MAX_PHOTO_BYTES,
    get_member_photo,
    remove_member_photo,
    set_member_photo,
)
from partydesk.services.member_queries import (
    AgeBand,
    MemberFilter,
    MemberListRow,
    MemberSort,
    count_members,
    member_list_page,
    record_form,
    register_choices,
)
from partydesk.services.members import create_member
from tests.conftest import TODAY
from tests.helpers import snapshot

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def _person(
    name: str,
    sex: str,
    birth: date,
    org_id: int,
    serial: int,
    decision: date | None = None,
    ceremony: date | None = None,
    official: date | None = None,
    **extra: object,
) -> MemberInput:
    return MemberInput(
        full_name=name,
        sex=sex,
        birth_date=birth,
        organization_id=org_id,
        cccd=make_cccd("068", sex, birth.year, serial),
        card_no=f"{20_000_000 + serial}",
        decision_date=decision,
        ceremony_date=ceremony,
        official_date=official,
        registered_on=date(2026, 10, 1) if decision is None else None,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def people(db, org_ids) -> dict[str, int]:
    """Seven records chosen to sit on the filters' edges (TODAY is 23/11/2026)."""
    rows = [
        _person(
            "Nguyễn Thị Đào",
            "nữ",
            date(1990, 5, 17),
            org_ids["DR.01.01"],
            1,
            date(2015, 3, 2),
            date(2015, 3, 20),
            date(2016, 3, 20),
            theory_code="trung_cap",
        ),
        _person(
            "Trần Văn An",
            "nam",
            date(1960, 1, 1),
            org_ids["DR.01.02"],
            2,
            date(2000, 1, 4),
            date(2000, 2, 1),
            date(2001, 2, 1),
            theory_code="cao_cap",
            ethnicity_code="02",
        ),
        # Ceremony 15/12/2025: 11 months of probation passed on 15/11/2026 -> due soon.
        _person(
            "Lê Thị Ánh",
            "nữ",
            date(2000, 3, 1),
            org_ids["DR.02"],
            3,
            date(2025, 12, 1),
            date(2025, 12, 15),
        ),
        # Ceremony 01/06/2026: not yet due.
        _person(
            "Phạm Đức Anh",
            "nam",
            date(1975, 6, 30),
            org_ids["DR.01.01"],
            4,
            date(2026, 5, 4),
            date(2026, 6, 1),
        ),
        # 30 years old today exactly: still in the "≤ 30" band.
        _person("Đỗ Minh Đức", "nam", date(1996, 11, 23), org_ids["DR.02"], 5),
        # 41 today: no longer 31–40.
        _person(
            "Hoàng Văn Bảy",
            "nam",
            date(1985, 11, 23),
            org_ids["DR.02"],
            6,
            date(2010, 1, 4),
            date(2010, 2, 1),
            date(2011, 2, 1),
        ),
        # 40 until tomorrow.
        _person(
            "Vũ Thị Tám",
            "nữ",
            date(1985, 11, 24),
            org_ids["DR.01.02"],
            7,
            date(2012, 1, 4),
            date(2012, 2, 1),
            date(2013, 2, 1),
        ),
    ]
    ids = {row.full_name: create_member(db, row, today=TODAY).id for row in rows}
    # A tombstone: a deleted record must never be listed or counted.
    gone = create_member(
        db, _person("Ngô Đã Xóa", "nam", date(1980, 1, 1), org_ids["DR.02"], 8), today=TODAY
    )
    with db.session("test") as session:
        session.execute(
            update(Member).where(Member.id == gone.id).values(deleted_at=datetime(2026, 1, 1))
        )
    return ids


def _names(rows: list[MemberListRow]) -> set[str]:
    return {row.full_name for row in rows}


def _filtered(db, **kwargs: object) -> set[str]:
    filters = MemberFilter(today=TODAY, **kwargs)  # type: ignore[arg-type]
    rows = member_list_page(db, 0, 100, filters)
    assert count_members(db, filters) == len(rows)
    return _names(rows)


def test_live_records_only(db, people):
    assert count_members(db) == 7
    assert "Ngô Đã Xóa" not in _filtered(db)


def test_organization_subtree(db, people, org_ids):
    committee = org_ids["DR.01"]
    assert _filtered(db, organization_id=committee) == {
        "Nguyễn Thị Đào",
        "Trần Văn An",
        "Phạm Đức Anh",
        "Vũ Thị Tám",
    }
    # The committee itself holds nobody: its members are in its branches.
    assert _filtered(db, organization_id=committee, include_descendants=False) == set()
    assert _filtered(db, organization_id=org_ids["DR.01.02"]) == {"Trần Văn An", "Vũ Thị Tám"}
    root = org_ids["DR"]
    assert len(_filtered(db, organization_id=root)) == 7


def test_status_sex_ethnicity_theory(db, people):
    assert _filtered(db, statuses=(MemberStatus.PROBATIONARY.value,)) == {
        "Lê Thị Ánh",
        "Phạm Đức Anh",
    }
    assert _filtered(db, statuses=(MemberStatus.CANDIDATE.value,)) == {"Đỗ Minh Đức"}
    assert _filtered(db, sex="nữ") == {"Nguyễn Thị Đào", "Lê Thị Ánh", "Vũ Thị Tám"}
    assert _filtered(db, ethnicity_code="02") == {"Trần Văn An"}
    assert _filtered(db, theory_code="cao_cap") == {"Trần Văn An"}
    assert _filtered(db, sex="nữ", theory_code="trung_cap") == {"Nguyễn Thị Đào"}


def test_age_bands_on_their_edges(db, people):
    assert _filtered(db, age_band=AgeBand.UP_TO_30) == {"Lê Thị Ánh", "Đỗ Minh Đức"}
    assert _filtered(db, age_band=AgeBand.FROM_31_TO_40) == {"Nguyễn Thị Đào", "Vũ Thị Tám"}
    assert _filtered(db, age_band=AgeBand.FROM_41_TO_50) == {"Hoàng Văn Bảy"}
    assert _filtered(db, age_band=AgeBand.FROM_51_TO_60) == {"Phạm Đức Anh"}
    assert _filtered(db, age_band=AgeBand.OVER_60) == {"Trần Văn An"}
    # A day later Vũ Thị Tám turns 41.
    later = MemberFilter(age_band=AgeBand.FROM_41_TO_50, today=date(2026, 11, 24))
    assert _names(member_list_page(db, 0, 100, later)) == {"Hoàng Văn Bảy", "Vũ Thị Tám"}


def test_due_soon_lists_probationary_members_past_eleven_months(db, people):
    assert _filtered(db, due_soon=True) == {"Lê Thị Ánh"}
    # On 15/11/2026 the 11 months are just complete; the day before they are not.
    on_time = MemberFilter(due_soon=True, today=date(2026, 11, 15))
    assert count_members(db, on_time) == 1
    early = MemberFilter(due_soon=True, today=date(2026, 11, 14))
    assert count_members(db, early) == 0


def test_text_filter_by_name_and_number(db, people):
    assert _filtered(db, text="nguyen dao") == {"Nguyễn Thị Đào"}
    assert _filtered(db, text="ĐỨC") == {"Phạm Đức Anh", "Đỗ Minh Đức"}
    assert _filtered(db, text="  ") == _filtered(db)
    assert _filtered(db, text='"*') == set()
    cccd = make_cccd("068", "nam", 1960, 2)
    assert _filtered(db, text=cccd[:8]) >= {"Trần Văn An"}
    assert _filtered(db, text=cccd) == {"Trần Văn An"}
    assert _filtered(db, text="20000004") == {"Phạm Đức Anh"}
    assert _filtered(db, text="tam", sex="nữ") == {"Vũ Thị Tám"}


def test_page_rows_carry_the_shown_columns(db, people):
    rows = {r.full_name: r for r in member_list_page(db, 0, 100)}
    an = rows["Trần Văn An"]
    assert an.id == people["Trần Văn An"]
    assert an.organization_name == "Chi bộ Hành chính"
    assert an.status == MemberStatus.OFFICIAL.value
    assert an.status_label == "Đảng viên chính thức"
    assert an.ethnicity_name == "Tày"
    assert an.theory_name == "Cao cấp"
    assert an.cccd == make_cccd("068", "nam", 1960, 2)
    assert an.card_no == "20000002"
    assert an.official_date == date(2001, 2, 1)
    assert rows["Đỗ Minh Đức"].decision_date is None
    assert rows["Đỗ Minh Đức"].status_label == "Quần chúng ưu tú"
    assert rows["Đỗ Minh Đức"].theory_name == ""
    with pytest.raises(AttributeError):
        an.full_name = "x"  # type: ignore[misc]


_STATUS_RANK = {status.value: index for index, status in enumerate(MemberStatus)}


def _expected(rows: list[MemberListRow], sort: MemberSort, descending: bool) -> list[int]:
    """The order the SQL must give, computed in Python: key, empty last, name, id."""
    if sort == MemberSort.NAME:
        ordered = sorted(rows, key=lambda r: (name_sort_key(r.full_name), r.id))
        return [r.id for r in (reversed(ordered) if descending else ordered)]
    value = {
        MemberSort.SEX: lambda r: r.sex,
        MemberSort.BIRTH_DATE: lambda r: r.birth_date,
        MemberSort.ORGANIZATION: lambda r: fold(r.organization_name),
        MemberSort.STATUS: lambda r: _STATUS_RANK[r.status],
        MemberSort.CCCD: lambda r: r.cccd,
        MemberSort.CARD_NO: lambda r: r.card_no,
        MemberSort.DECISION_DATE: lambda r: r.decision_date,
        MemberSort.CEREMONY_DATE: lambda r: r.ceremony_date,
        MemberSort.OFFICIAL_DATE: lambda r: r.official_date,
    }[sort]
    present = [r for r in rows if value(r) is not None]
    empty = [r for r in rows if value(r) is None]
    tail = sorted(empty, key=lambda r: (name_sort_key(r.full_name), r.id))
    # Stable sorts: first the tiebreak order, then the key in the wanted direction.
    head = sorted(present, key=lambda r: (name_sort_key(r.full_name), r.id))
    head = sorted(head, key=value, reverse=descending)
    return [r.id for r in head + tail]


@pytest.mark.parametrize("sort", list(MemberSort))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_runs_in_sql(db, people, sort, descending):
    everything = member_list_page(db, 0, 100)
    got = [r.id for r in member_list_page(db, 0, 100, None, sort, descending)]
    assert got == _expected(everything, sort, descending)


def test_default_order_is_vietnamese_list_order_and_pages_tile(db, people):
    everything = member_list_page(db, 0, 100)
    assert [r.full_name for r in everything] == sorted(
        (r.full_name for r in everything), key=name_sort_key
    )
    for sort in (MemberSort.NAME, MemberSort.STATUS, MemberSort.DECISION_DATE):
        whole = [r.id for r in member_list_page(db, 0, 100, None, sort, True)]
        tiled = [
            r.id
            for offset in range(0, 7, 3)
            for r in member_list_page(db, offset, 3, None, sort, True)
        ]
        assert tiled == whole
    assert member_list_page(db, 50, 10) == []


@pytest.mark.parametrize("sort", list(MemberSort))
def test_pages_read_backwards_from_the_end_are_the_same(db, people, sort):
    for descending in (False, True):
        forward = [r.id for r in member_list_page(db, 0, 100, None, sort, descending)]
        for offset in range(8):
            page = member_list_page(db, offset, 3, None, sort, descending, total=7)
            assert [r.id for r in page] == forward[offset : offset + 3], (offset, descending)
    assert member_list_page(db, 7, 3, None, sort, False, total=7) == []


def test_sort_is_a_whitelist(db, people):
    with pytest.raises(ValueError, match="is not a valid MemberSort"):
        member_list_page(db, 0, 10, None, "full_name; DROP TABLE member")  # type: ignore[arg-type]


def test_default_order_walks_the_partial_index(db, people):
    statements: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        member_list_page(db, 0, 200, MemberFilter(sex="nữ"))
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    ids_query, parameters = next(s for s in statements if s[0].startswith("SELECT member.id"))
    assert "deleted_at IS NULL" in ids_query
    with db.engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + ids_query, parameters).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_member_name_sort_key_status_live" in details
    assert "TEMP B-TREE" not in details


def test_register_choices_offer_branches_and_catalogues(db, org_ids):
    choices = register_choices(db)
    names = {branch.name for branch in choices.branches}
    assert names == {"Chi bộ Giáo viên", "Chi bộ Hành chính", "Chi bộ thôn 1"}
    teachers = next(b for b in choices.branches if b.name == "Chi bộ Giáo viên")
    assert teachers.id == org_ids["DR.01.01"]
    assert teachers.parent_name == "Đảng bộ Trường THPT Đam Rông"
    assert [e.name for e in choices.catalogues["theory"]] == [
        "Sơ cấp",
        "Trung cấp",
        "Cao cấp",
        "Cử nhân",
    ]
    assert len(choices.catalogues["ethnicity"]) >= 54


def test_record_form_for_new_and_existing_members(db, people):
    empty = record_form(db, None)
    assert empty.data is None
    assert empty.detail is None
    assert empty.choices.branches
    form = record_form(db, people["Trần Văn An"])
    assert form.data is not None
    assert form.data.full_name == "Trần Văn An"
    assert form.detail is not None
    assert [e.kind for e in form.detail.events] == ["admission_decision", "ceremony", "recognition"]
    assert form.photo is None
    with pytest.raises(PartydeskError) as error:
        record_form(db, 99_999)
    assert error.value.code == "member.not_found"


def _audit(db, action: str) -> list[tuple[str, str | None]]:
    """(table, values after) of the audit entries a use case wrote."""
    with db.reader() as session:
        query = select(AuditEntry.table_name, AuditEntry.after_json)
        return [tuple(row) for row in session.execute(query.where(AuditEntry.action == action))]


def test_photo_set_replace_remove_and_revive(db, people):
    member_id = people["Nguyễn Thị Đào"]
    assert get_member_photo(db, member_id) is None
    set_member_photo(db, member_id, JPEG, "image/jpeg")
    photo = get_member_photo(db, member_id)
    assert photo is not None
    assert photo.image == JPEG
    assert photo.mime_type == "image/jpeg"
    [(table, after)] = _audit(db, "set_member_photo")
    assert table == "member_photo"
    values = json.loads(after or "{}")
    assert values["member_id"] == member_id
    # The audit log records the change, not a second copy of the image.
    assert "image" not in values
    set_member_photo(db, member_id, PNG, "image/png")
    assert get_member_photo(db, member_id).image == PNG  # type: ignore[union-attr]
    assert remove_member_photo(db, member_id) is True
    assert get_member_photo(db, member_id) is None
    assert remove_member_photo(db, member_id) is False
    with db.reader() as session:
        row = session.scalars(select(MemberPhoto).where(MemberPhoto.member_id == member_id)).one()
        assert row.deleted_at is not None
        assert row.image == b""
    assert len(_audit(db, "remove_member_photo")) == 1
    set_member_photo(db, member_id, JPEG, "image/jpeg")
    assert get_member_photo(db, member_id).image == JPEG  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("image", "mime", "code"),
    [
        (JPEG, "image/gif", "field.invalid"),
        (b"", "image/jpeg", "field.required"),
        (PNG, "image/jpeg", "field.invalid"),
        (b"\xff\xd8\xff" + b"\x00" * MAX_PHOTO_BYTES, "image/jpeg", "field.invalid"),
    ],
)
def test_bad_photos_are_refused_and_change_nothing(db, db_path, people, image, mime, code):
    member_id = people["Nguyễn Thị Đào"]
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as error:
        set_member_photo(db, member_id, image, mime)
    assert error.value.code == code
    assert error.value.field == "Ảnh"
    assert snapshot(db_path) == before
    assert get_member_photo(db, member_id) is None


def test_photo_of_an_unknown_member(db):
    with pytest.raises(PartydeskError) as error:
        set_member_photo(db, 424242, JPEG, "image/jpeg")
    assert error.value.code == "member.not_found"


def test_organization_sort_uses_folded_names(db, people, org_ids):
    with db.session("test") as session:
        session.execute(
            update(Organization)
            .where(Organization.id == org_ids["DR.02"])
            .values(name="Ấp Mới", name_fold=fold("Ấp Mới"))
        )
    rows = member_list_page(db, 0, 100, None, MemberSort.ORGANIZATION)
    assert rows[0].organization_name == "Ấp Mới"
