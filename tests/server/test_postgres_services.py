"""The services on PostgreSQL give what they give on SQLite, for the same demo office.

Both engines build the same deterministic demo office (its registers through the bulk
writer, its work in progress through the clerk's services: admissions, transfers, dues,
ratings, badges…); the tests compare every stored row, then run the main services on
both and compare their answers and what they wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from partydesk.codes import MemberStatus
from partydesk.db.base import Base
from partydesk.db.engine import Database
from partydesk.db.models import AuditEntry, Member, Organization
from partydesk.errors import PartydeskError
from partydesk.rules import make_cccd
from partydesk.services import admission
from partydesk.services.admission_board import admission_board
from partydesk.services.candidates import StepInput
from partydesk.services.document_register import issue_number, list_documents
from partydesk.services.info import register_counts
from partydesk.services.integrity import check_database
from partydesk.services.member_input import MemberInput
from partydesk.services.member_queries import (
    MemberFilter,
    MemberSort,
    count_members,
    member_detail,
    member_list_page,
    search_members,
)
from partydesk.services.members import create_member, update_member
from partydesk.services.overview import overview
from partydesk.services.overview_charts import overview_charts
from partydesk.services.statistics import StatisticsRequest, compute_statistics
from partydesk.services.transfers import TransferOutInput, transfer_out
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres

# Values that differ between any two runs: random UUIDs, the clock, the office's keys.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?")
_RUN_COLUMNS = {"uuid", "created_at", "updated_at", "at", "transaction_uuid", "record_uuid"}
_RANDOM = re.compile(r"(private|public|signing|encryption|secret)_?key|fingerprint|signature")


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        if value.startswith("{"):
            try:
                data = json.loads(value)
            except ValueError:
                data = None
            if isinstance(data, dict):
                value = json.dumps(
                    {k: "<random>" if _RANDOM.search(k) else v for k, v in data.items()},
                    ensure_ascii=False,
                    sort_keys=True,
                )
        return _STAMP.sub("<time>", _UUID.sub("<uuid>", value))
    return value


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in id order, without the values of the run."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with db.reader() as session:
        for table in Base.metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if c.name not in _RUN_COLUMNS and not _RANDOM.search(c.name)
            ]
            rows = session.execute(select(*columns).order_by(*table.primary_key.columns))
            found[table.name] = [tuple(_plain(v) for v in row) for row in rows]
            if table.name == AuditEntry.__tablename__:
                # One flush lists its changed records in no fixed order (a set): compare
                # the audit entries as a multiset, without their ids.
                found[table.name] = sorted((row[1:] for row in found[table.name]), key=repr)
    return found


def assert_same_rows(sqlite: Database, server: Database) -> None:
    """Both databases hold the same rows (table by table, for a readable failure)."""
    left, right = snapshot(sqlite), snapshot(server)
    assert left.keys() == right.keys()
    for table in left:
        assert len(left[table]) == len(right[table]), table
        for a, b in zip(left[table], right[table], strict=True):
            assert a == b, table


def _normal(value: Any) -> Any:
    """A service result as plain values, without its UUIDs (random in each database)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _normal(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_normal(v) for v in value]
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return "<time>"  # when a record was written, not what it says
    return _plain(value)


def _difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two normalized results first differ, for a readable failure."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(a.keys() | b.keys(), key=str):
            found = _difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def outcome(work: Callable[[], Any]) -> Any:
    """What a service call gives: its result, or the code and parameters of its refusal."""
    try:
        return ("ok", work())
    except PartydeskError as exc:
        return ("refused", exc.code, exc.params)


def both(sqlite: Database, server: Database, work: Callable[[Database], Any]) -> Any:
    """Run `work` on both databases; its outcomes must be equal. Returns SQLite's outcome."""
    expected = outcome(lambda: work(sqlite))
    got, want = _normal(outcome(lambda: work(server))), _normal(expected)
    assert got == want, _difference(want, got)
    return expected


def test_demo_office_is_the_same_on_both_engines(sqlite_demo, pg_demo):
    assert_same_rows(sqlite_demo, pg_demo)
    assert check_database(sqlite_demo) == check_database(pg_demo) == []
    with pg_demo.reader() as session:
        assert session.query(Member).count() > 300  # the demo's candidates come on top


def _search_terms(db: Database) -> list[str]:
    with db.reader() as session:
        members = session.execute(
            select(Member.full_name, Member.name_fold, Member.cccd, Member.card_no).order_by(
                Member.id
            )
        ).all()
    terms = [
        "nguyen",
        "Nguyễn Thị",
        "ng",
        "n",
        "thi h",
        "van-a",
        "đ",
        "do",
        "tran  van",
        "hoang thi a",
        "-",
        '"',
        "nguyen -",
        "o'",
        "xyz",
        "068",
        "0",
    ]
    for member in members[::17]:
        words = member.full_name.split()
        terms += [member.full_name, member.name_fold, words[-1], words[-1][:2], words[0]]
        terms.append(" ".join(reversed(words[-2:])))
        if member.cccd:
            terms += [member.cccd, member.cccd[:6]]
        if member.card_no:
            terms.append(member.card_no[:4])
    return terms


def test_search_and_register_lists_agree(sqlite_demo, pg_demo):
    terms = _search_terms(sqlite_demo)
    for term in terms:
        found = both(sqlite_demo, pg_demo, lambda db, t=term: search_members(db, t))
        assert found[0] == "ok", term
    assert both(sqlite_demo, pg_demo, lambda db: search_members(db, "nguyen"))[1]
    with sqlite_demo.reader() as session:
        org_ids = list(session.scalars(select(Organization.id).order_by(Organization.id)))
    filters = [
        MemberFilter(),
        MemberFilter(statuses=(MemberStatus.OFFICIAL.value,)),
        MemberFilter(text="nguyen thi", statuses=None),
        MemberFilter(text="h"),
        MemberFilter(text="van-an"),
        MemberFilter(text="07"),
        MemberFilter(organization_id=org_ids[1]),
        MemberFilter(sex="nữ", today=TODAY),
        MemberFilter(due_soon=True, today=TODAY),
        MemberFilter(ceremony_from=date(2015, 1, 1), ceremony_to=date(2020, 12, 31)),
    ]
    for member_filter in filters:
        total = both(sqlite_demo, pg_demo, lambda db, f=member_filter: count_members(db, f))
        # Every sort on the whole register; list order on the filtered ones.
        sorts = list(MemberSort) if member_filter == MemberFilter() else [MemberSort.NAME]
        for sort in sorts:
            for descending in (False, True):
                for offset, given in ((0, None), (max(total[1] - 40, 0), total[1])):
                    both(
                        sqlite_demo,
                        pg_demo,
                        lambda db, f=member_filter, s=sort, d=descending, o=offset, g=given: (
                            member_list_page(db, o, 50, f, s, d, total=g)
                        ),
                    )


def test_reports_agree(sqlite_demo, pg_demo):
    counts = both(sqlite_demo, pg_demo, lambda db: replace(register_counts(db), file_size=0))
    assert counts[1].members_by_status
    assert (register_counts(pg_demo).file_size or 0) > 1_000_000  # the server's size
    both(sqlite_demo, pg_demo, lambda db: overview(db, TODAY))
    board = both(sqlite_demo, pg_demo, lambda db: admission_board(db, TODAY))
    assert board[1]
    both(sqlite_demo, pg_demo, lambda db: member_detail(db, board[1][0].member_id))
    both(sqlite_demo, pg_demo, lambda db: list_documents(db, TODAY.year))
    # The statistics report is SQLite-only by its design (INDEXED BY, json_each, the
    # DB-API cursor): the server refuses it with its own message instead of a wrong sum.
    request = StatisticsRequest(as_of=TODAY, start=date(2025, 1, 1))
    assert outcome(lambda: compute_statistics(sqlite_demo, request))[0] == "ok"
    assert outcome(lambda: compute_statistics(pg_demo, request))[:2] == (
        "refused",
        "report.sqlite_only",
    )
    both(sqlite_demo, pg_demo, lambda db: overview_charts(db, today=TODAY))


def _new_member(organization_id: int, serial: int) -> MemberInput:
    return MemberInput(
        full_name=f"Đặng Thị Hồng Nhung {serial}",
        other_names="Út-Nhung",
        sex="Nữ",
        birth_date=date(1991, 5, 17),
        organization_id=organization_id,
        cccd=make_cccd("068", "nữ", 1991, 900 + serial),
        decision_date=date(2015, 3, 2),
        decision_no="12-QĐ/HU",
        ceremony_date=date(2015, 3, 20),
        official_date=date(2016, 3, 20),
    )


def test_clerk_work_writes_the_same_on_both_engines(sqlite_demo, pg_demo):
    board = admission_board(sqlite_demo, TODAY)
    with sqlite_demo.reader() as session:
        branch = session.scalar(
            select(Member.organization_id)
            .where(Member.status == MemberStatus.OFFICIAL.value)
            .order_by(Member.id)
        )
        officials = list(
            session.scalars(
                select(Member.id)
                .where(Member.status == MemberStatus.OFFICIAL.value)
                .order_by(Member.id)
                .limit(3)
            )
        )
    assert branch is not None
    # Members: create (ORM insert after the bulk-written demo: the id sequence must
    # continue above the bulk ids), a duplicate refused, an edit, and search finds them.
    created = both(
        sqlite_demo, pg_demo, lambda db: create_member(db, _new_member(branch, 1), TODAY)
    )
    assert created[0] == "ok"
    refused = both(
        sqlite_demo, pg_demo, lambda db: create_member(db, _new_member(branch, 1), TODAY)
    )
    assert refused[0] == "refused"
    member_id = created[1].id
    renamed = replace(_new_member(branch, 1), full_name="Đặng Thị Hồng Nhung Mới")
    both(sqlite_demo, pg_demo, lambda db: update_member(db, member_id, renamed, TODAY))
    found = both(sqlite_demo, pg_demo, lambda db: search_members(db, "dang thi hong nhung moi"))
    assert [m.id for m in found[1]] == [member_id]
    assert both(sqlite_demo, pg_demo, lambda db: search_members(db, "ut-nh"))[1]
    # Admission: the next step of the first members of the board, on today's date.
    steps = []
    for row in board[:8]:
        if row.next_step is None:
            continue
        step = StepInput(TODAY, "99-QĐ/ĐU", "Nguyễn Văn Hùng")
        steps.append(
            both(
                sqlite_demo,
                pg_demo,
                lambda db, r=row, s=step: admission.record_step(
                    db, r.member_id, r.next_step, s, TODAY
                ),
            )[0]
        )
    assert "ok" in steps
    # Transfers out: letters numbered from the document register.
    for number, official in enumerate(officials):
        letter = TransferOutInput(
            member_id=official,
            letter_date=date(2026, 11, 2 + number),
            to_text="Đảng ủy phường Xuân Hương",
            receiving_superior="Đảng bộ tỉnh Lâm Đồng",
        )
        sent = both(sqlite_demo, pg_demo, lambda db, i=letter: transfer_out(db, i, TODAY))
        assert sent[0] == "ok", sent

    # The register numbers: max + 1 per register and year, voids included.
    def issue(db: Database, doc_type: str) -> int:
        with db.session("test.issue") as session:
            return issue_number(
                session, "ĐU", doc_type, 2026, issued_on=date(2026, 11, 20), subject="x"
            ).number

    numbers = [
        both(sqlite_demo, pg_demo, lambda db, t=t: issue(db, t))[1] for t in ("GT", "QD", "GT")
    ]
    assert numbers[2] == numbers[0] + 1
    both(sqlite_demo, pg_demo, lambda db: list_documents(db, 2026))
    assert_same_rows(sqlite_demo, pg_demo)
    assert check_database(pg_demo) == check_database(sqlite_demo)
