"""Downward updates between three real offices: the office above adds a catalogue entry,
a dated rule and an admission decision for a candidate of office A; A imports them with
the same UUIDs, audited, once; a local change at A is a conflict; B cannot open A's
package; every refusal leaves the database as it was."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.models import (
    AuditEntry,
    CatalogueItem,
    Member,
    MemberEvent,
    RuleParameterRow,
)
from partydesk.errors import PartydeskError
from partydesk.services import (
    sync_conflicts,
    sync_export,
    sync_import,
    sync_receipts,
    sync_updates,
)
from partydesk.services.admission import decide_admission, record_step
from partydesk.services.candidates import StepInput
from partydesk.services.catalogues import save_catalogue_entry
from partydesk.services.rule_admin import revert_rule, set_rule_value
from partydesk.services.rule_table import load_rule_table
from tests.conftest import TODAY
from tests.helpers import snapshot
from tests.integration.sync_offices import Offices, build_offices, copy_offices

A_NAME = "Đảng ủy xã Lạc Dương"
_EXTRA = ("catalogue_item", "rule_parameter", "sync_conflict", "sync_package_received")


def full_snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """tests/helpers.snapshot plus the tables a downward import writes."""
    tables = snapshot(path)
    con = sqlite3.connect(path)
    try:
        for table in _EXTRA:
            tables[table] = con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        con.close()
    return tables


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sync-updates")
    build_offices(folder, members=30)
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[Offices]:
    made = copy_offices(template, tmp_path / "offices")
    yield made
    made.close()


def _decide_above(offices: Offices) -> tuple[str, str]:
    """Bring A's register up, record an admission decision above; (member, event) UUIDs."""
    # A's branch and grassroots resolutions come first (the demo stops candidates early).
    with offices.a.reader() as session:
        here = session.scalars(
            select(Member.id).where(Member.status == MemberStatus.CANDIDATE.value)
        ).all()
    for member_id in here:
        for step, days in (("branch_resolution", 10), ("grassroots_resolution", 5)):
            with contextlib.suppress(PartydeskError):  # not at that step: skipped
                record_step(
                    offices.a, member_id, step, StepInput(TODAY - timedelta(days), "1-NQ"), TODAY
                )
    package = offices.folder / "a-full.pdpkg"
    sync_export.export_package(offices.a, package, full=True)
    sync_import.import_package(offices.above, package)
    with offices.above.reader() as session:
        candidates = session.scalars(
            select(Member).where(Member.status == MemberStatus.CANDIDATE.value).order_by(Member.id)
        ).all()
        ids = [(member.id, member.uuid) for member in candidates]
    for member_id, member_uuid in ids:
        try:
            decide_admission(
                offices.above, member_id, TODAY, "15-QĐ/TU", "Nguyễn Văn Tỉnh", today=TODAY
            )
        except PartydeskError:
            continue  # not ready for a decision in the demo data
        with offices.above.reader() as session:
            event = session.scalars(
                select(MemberEvent.uuid).where(
                    MemberEvent.member_id == member_id,
                    MemberEvent.kind == EventKind.ADMISSION_DECISION.value,
                )
            ).one()
        return member_uuid, event
    pytest.fail("no candidate of office A is ready for an admission decision")


def test_catalogue_rule_and_decision_go_down_once(offices: Offices) -> None:
    member_uuid, event_uuid = _decide_above(offices)
    save_catalogue_entry(offices.above, "occupation", "kinh_te_so", "Lao động kinh tế số")
    set_rule_value(
        offices.above,
        "report.admission_target",
        date(2027, 1, 1),
        25,
        "Nghị quyết Tỉnh ủy giao chỉ tiêu năm 2027",
    )
    with offices.above.reader() as session:
        entry_uuid = session.scalars(
            select(CatalogueItem.uuid).where(CatalogueItem.code == "kinh_te_so")
        ).one()
        rule_uuid = session.scalars(
            select(RuleParameterRow.uuid).where(RuleParameterRow.is_default.is_(False))
        ).one()
    down = offices.folder / "down.pdpkg"
    result = sync_updates.export_updates_down(offices.above, A_NAME, down, period_label="Q4")
    assert result.counts == {"catalogue_item": 1, "rule_parameter": 1, "member_event": 1}

    # B cannot open a package addressed to A; nothing changes there.
    b_before = full_snapshot(offices.paths()["b"])
    with pytest.raises(PartydeskError) as caught:
        sync_updates.import_updates(offices.b, down)
    assert caught.value.code == "package.wrong_recipient"
    assert full_snapshot(offices.paths()["b"]) == b_before

    a_path = offices.paths()["a"]
    before = full_snapshot(a_path)
    preview = sync_updates.preview_updates(offices.a, down)
    assert preview.status == sync_import.READY
    assert preview.counts["new"] == 3
    assert {item.table for item in preview.items} == set(sync_updates.UPDATE_TABLES)
    assert full_snapshot(a_path) == before

    receipt = offices.folder / "down-receipt.pdpkg"
    imported = sync_updates.import_updates(offices.a, down, receipt=receipt)
    assert imported.counts["new"] == 3
    with offices.a.reader() as session:
        assert (
            session.scalars(
                select(CatalogueItem.name).where(CatalogueItem.uuid == entry_uuid)
            ).one()
            == "Lao động kinh tế số"
        )
        assert load_rule_table(session).value("report.admission_target", date(2027, 3, 1)) == 25
        event = session.scalars(select(MemberEvent).where(MemberEvent.uuid == event_uuid)).one()
        member = session.get(Member, event.member_id)
        assert member is not None
        assert member.uuid == member_uuid
        state_at_a = (member.status, member.decision_date, member.decision_no)
    with offices.above.reader() as session:
        above = session.scalars(select(Member).where(Member.uuid == member_uuid)).one()
        assert state_at_a == (above.status, above.decision_date, "15-QĐ/TU")
    with offices.a.reader() as session:
        audited = set(
            session.scalars(
                select(AuditEntry.record_uuid).where(
                    AuditEntry.action == "sync.import_updates",
                    AuditEntry.record_uuid.in_([entry_uuid, rule_uuid, event_uuid]),
                )
            ).all()
        )
    assert audited == {entry_uuid, rule_uuid, event_uuid}
    with offices.a.reader() as session:
        # The decision's own audit entry from above, kept under the office above's name.
        actors = session.scalars(
            select(AuditEntry.actor).where(
                AuditEntry.record_uuid == event_uuid,
                AuditEntry.action != "sync.import_updates",
            )
        ).all()
    assert actors == ["above @ Ban Tổ chức Tỉnh ủy Lâm Đồng"]

    # The same package again changes nothing.
    before = full_snapshot(a_path)
    again = sync_updates.import_updates(offices.a, down)
    assert again.status == sync_import.ALREADY
    assert full_snapshot(a_path) == before

    # A's next upward package does not send the decision back as A's change, and the
    # member's recomputed status agrees with the office above: no conflict there.
    delta = offices.folder / "a-delta.pdpkg"
    sync_export.export_package(offices.a, delta)
    up = sync_import.preview_package(offices.above, delta)
    assert event_uuid not in {item.record_uuid for item in up.items}
    assert up.counts["conflict"] == 0
    assert up.counts["refused"] == 0

    # The receipt acknowledges the package above: the next update package starts after it.
    assert sync_receipts.import_receipt(offices.above, receipt).status == "applied"
    nothing = sync_updates.export_updates_down(offices.above, A_NAME, offices.folder / "n.pdpkg")
    assert nothing.seq_from == result.seq_to + 1
    assert sum(nothing.counts.values()) == 0


def test_entry_changed_at_a_is_a_conflict(offices: Offices) -> None:
    save_catalogue_entry(offices.a, "occupation", "vien_chuc", "Viên chức (xã sửa)")
    save_catalogue_entry(offices.above, "occupation", "vien_chuc", "Viên chức sự nghiệp")
    save_catalogue_entry(offices.above, "occupation", "can_bo_cong_chuc", "Cán bộ, công chức NN")
    with offices.above.reader() as session:
        third = session.scalars(
            select(CatalogueItem)
            .where(
                CatalogueItem.catalogue == "occupation",
                CatalogueItem.code.not_in(["vien_chuc", "can_bo_cong_chuc"]),
            )
            .order_by(CatalogueItem.sort_order)
        ).first()
        assert third is not None
        retired, retired_name = third.code, third.name
    save_catalogue_entry(offices.above, "occupation", retired, retired_name, active=False)
    down = offices.folder / "down.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, down)
    result = sync_updates.import_updates(offices.a, down)
    assert (result.counts["conflict"], result.counts["updated"]) == (1, 2)
    with offices.a.reader() as session:
        rows = session.execute(
            select(CatalogueItem.code, CatalogueItem.name, CatalogueItem.active).where(
                CatalogueItem.catalogue == "occupation"
            )
        ).all()
    names = {code: name for code, name, _ in rows}
    active = {code: on for code, _, on in rows}
    assert names["vien_chuc"] == "Viên chức (xã sửa)"  # never silently overwritten
    assert names["can_bo_cong_chuc"] == "Cán bộ, công chức NN"
    assert active[retired] is False
    [conflict] = sync_conflicts.list_conflicts(offices.a)
    assert conflict.table == "catalogue_item"
    sync_conflicts.resolve_conflict(offices.a, conflict.id, sync_conflicts.Resolution.THEIRS)
    with offices.a.reader() as session:
        name = session.scalars(
            select(CatalogueItem.name).where(CatalogueItem.code == "vien_chuc")
        ).one()
    assert name == "Viên chức sự nghiệp"


def test_same_step_recorded_at_a_is_a_conflict(offices: Offices) -> None:
    member_uuid, _ = _decide_above(offices)
    with offices.a.reader() as session:
        member_id = session.scalars(select(Member.id).where(Member.uuid == member_uuid)).one()
    decide_admission(offices.a, member_id, TODAY, "7-QĐ/ĐU", "Trần Văn Xã", today=TODAY)
    down = offices.folder / "down.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, down)
    result = sync_updates.import_updates(offices.a, down)
    assert result.counts["conflict"] == 1
    with offices.a.reader() as session:
        numbers = session.scalars(
            select(MemberEvent.decision_no).where(
                MemberEvent.member_id == member_id,
                MemberEvent.kind == EventKind.ADMISSION_DECISION.value,
            )
        ).all()
    assert numbers == ["7-QĐ/ĐU"]
    [conflict] = sync_conflicts.list_conflicts(offices.a)
    assert conflict.table == "member_event"
    # Taking the decision from above: the member's cached decision follows the event, as
    # if the decision had been recorded here (it stayed «7-QĐ/ĐU» before).
    sync_conflicts.resolve_conflict(offices.a, conflict.id, sync_conflicts.Resolution.THEIRS)
    with offices.a.reader() as session:
        member = session.get(Member, member_id)
        assert member is not None
        event_no = session.scalars(
            select(MemberEvent.decision_no).where(
                MemberEvent.member_id == member_id,
                MemberEvent.kind == EventKind.ADMISSION_DECISION.value,
            )
        ).one()
        assert (event_no, member.decision_no, member.decision_date) == (
            "15-QĐ/TU",
            "15-QĐ/TU",
            TODAY,
        )


def test_refusals_leave_a_unchanged(offices: Offices) -> None:
    # A transfer-style or upward package is not an update package; a gap is refused.
    save_catalogue_entry(offices.above, "occupation", "moi_1", "Nghề mới 1")
    first = offices.folder / "first.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, first)
    sync_import.import_package(offices.above, _a_full(offices))  # seals more epochs above
    save_catalogue_entry(offices.above, "occupation", "moi_2", "Nghề mới 2")
    a_path = offices.paths()["a"]
    second = offices.folder / "second.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, second)
    # `second` overlaps `first` (no receipt yet): no gap. Import it, then an upward-only
    # file is refused, and the (older) first package is "already imported".
    sync_updates.import_updates(offices.a, second)
    before = full_snapshot(a_path)
    assert sync_updates.import_updates(offices.a, first).status == sync_import.ALREADY
    with pytest.raises(PartydeskError) as caught:
        sync_updates.import_updates(offices.a, offices.folder / "a-full-for-above.pdpkg")
    assert caught.value.code.startswith("package.")
    assert full_snapshot(a_path) == before
    # A package addressed to B is refused at A.
    for_b = offices.folder / "for-b.pdpkg"
    sync_updates.export_updates_down(offices.above, "Đảng ủy xã Bảo Lâm", for_b)
    for attempt in (sync_updates.preview_updates, sync_updates.import_updates):
        with pytest.raises(PartydeskError) as caught:
            attempt(offices.a, for_b)
        assert caught.value.code == "package.wrong_recipient"
    assert full_snapshot(a_path) == before
    # A bad rule value from above is refused whole.
    with offices.above.session("test.bad_rule") as session:
        session.add(
            RuleParameterRow(
                key="report.admission_target",
                valid_from=date(2028, 1, 1),
                value_json='"nhiều"',
                source="x",
                note="y",
                is_default=False,
            )
        )
    bad = offices.folder / "bad.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, bad)
    with pytest.raises(PartydeskError) as caught:
        sync_updates.import_updates(offices.a, bad)
    assert caught.value.code == "sync.records_refused"
    assert full_snapshot(a_path) == before


def _a_full(offices: Offices) -> Path:
    path = offices.folder / "a-full-for-above.pdpkg"
    sync_export.export_package(offices.a, path, full=True)
    return path


def test_rule_reverted_above_is_reverted_below_and_a_gap_is_refused(offices: Offices) -> None:
    target = ("report.admission_target", date(2027, 1, 1))
    set_rule_value(offices.above, *target, 30, "Chỉ tiêu 2027")
    first = offices.folder / "first.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, first)
    receipt = offices.folder / "first-receipt.pdpkg"
    sync_updates.import_updates(offices.a, first, receipt=receipt)
    sync_receipts.import_receipt(offices.above, receipt)
    with offices.a.reader() as session:
        assert load_rule_table(session).value(target[0], date(2027, 6, 1)) == 30

    revert_rule(offices.above, *target, "Giao nhầm, chờ nghị quyết mới")
    second = offices.folder / "second.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, second)
    save_catalogue_entry(offices.above, "occupation", "moi_3", "Nghề mới 3")
    sync_receipts.import_receipt(offices.above, _receipt_only(offices, second))
    third = offices.folder / "third.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, third)

    # `third` starts after `second`, which A never imported: a gap, refused unless allowed.
    a_path = offices.paths()["a"]
    before = full_snapshot(a_path)
    with pytest.raises(PartydeskError) as caught:
        sync_updates.import_updates(offices.a, third)
    assert caught.value.code == "sync.gap"
    assert full_snapshot(a_path) == before

    sync_updates.import_updates(offices.a, second)
    sync_updates.import_updates(offices.a, third)
    with offices.a.reader() as session:
        assert load_rule_table(session).value(target[0], date(2027, 6, 1)) == 0
        assert (
            session.scalars(select(CatalogueItem.name).where(CatalogueItem.code == "moi_3")).one()
            == "Nghề mới 3"
        )


def _receipt_only(offices: Offices, package: Path) -> Path:
    """A receipt for `package` as A would write it, without A applying it (a lost file)."""
    copy = copy_offices(offices.folder, offices.folder / "scratch")
    try:
        receipt = offices.folder / f"{package.stem}-receipt.pdpkg"
        sync_updates.import_updates(copy.a, package, allow_gap=True, receipt=receipt)
        return receipt
    finally:
        copy.close()


def test_own_rule_of_the_same_date_at_a_is_a_conflict(offices: Offices) -> None:
    target = ("report.admission_target", date(2027, 1, 1))
    set_rule_value(offices.a, *target, 12, "Chỉ tiêu do xã tự đặt")
    set_rule_value(offices.above, *target, 20, "Chỉ tiêu Tỉnh ủy giao")
    down = offices.folder / "down.pdpkg"
    sync_updates.export_updates_down(offices.above, A_NAME, down)
    preview = sync_updates.preview_updates(offices.a, down)
    [item] = preview.items
    assert (item.table, item.outcome.value) == ("rule_parameter", "conflict")
    assert item.label == "report.admission_target từ 01/01/2027"
    sync_updates.import_updates(offices.a, down)
    with offices.a.reader() as session:
        assert load_rule_table(session).value(target[0], date(2027, 6, 1)) == 12
    [conflict] = sync_conflicts.list_conflicts(offices.a)
    assert conflict.table == "rule_parameter"
    sync_conflicts.resolve_conflict(offices.a, conflict.id, sync_conflicts.Resolution.THEIRS)
    with offices.a.reader() as session:
        assert load_rule_table(session).value(target[0], date(2027, 6, 1)) == 20
