"""The «Đồng bộ» page on the real databases of an office below and the office above.

Keys exchanged through the page (key file, fingerprint read by phone), a package exported
from below and imported above through the preview table, the receipt taken back below,
a conflict resolved field by field in the side-by-side view, a gap imported only with
the explicit override, and a package from an unknown sender refused with nothing changed.
Tasks run inline; file dialogs are never opened (the page's methods take paths).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from partydesk.db.models import Member, SyncConflict, SyncPackageSent
from partydesk.services import sync_export, sync_import, sync_keys, sync_receipts
from partydesk.services.sync_conflicts import Resolution
from partydesk.services.sync_keys import Relation
from partydesk.services.sync_plan import Outcome
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs import sync_import as import_panel
from partydesk.ui.dialogs.sync_import import receipt_path
from partydesk.ui.pages.sync import CONFLICTS, SyncDueCount, SyncPage, fingerprint_groups
from partydesk.ui.tasks import InlineRunner
from tests.helpers import snapshot
from tests.integration.sync_offices import Offices, build_offices, copy_offices


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sync-ui-offices")
    build_offices(folder, members=20, register=False)
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[Offices]:
    made = copy_offices(template, tmp_path / "offices")
    (made.folder / "above.pdkey").write_bytes((template / "above.pdkey").read_bytes())
    yield made
    made.close()


def _ctx(db, settings: QSettings) -> UiContext:  # type: ignore[no-untyped-def]
    return UiContext(db=db, runner=InlineRunner(), settings=settings)


@pytest.fixture
def confirmations(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Every confirmation the import panel asks, each answered Yes."""
    asked: list[str] = []

    def confirm(_parent, _title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return True

    monkeypatch.setattr(import_panel, "ask_confirmation", confirm)
    return asked


def _members(db) -> int:  # type: ignore[no-untyped-def]
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def _register_by_service(offices: Offices, below=None, codes=("LD",)) -> None:  # type: ignore[no-untyped-def]
    below = below or offices.a
    folder = offices.folder
    above_fp = sync_keys.key_info(offices.above).fingerprint
    sync_keys.register_partner(
        below, (folder / "above.pdkey").read_bytes(), above_fp, Relation.ABOVE
    )
    if codes:
        info = sync_keys.write_public_key(below, folder / "below.pdkey")
        sync_keys.register_partner(
            offices.above,
            (folder / "below.pdkey").read_bytes(),
            info.fingerprint,
            Relation.BELOW,
            list(codes),
        )


def _first_sync(offices: Offices) -> None:
    full = offices.folder / "full.pdpkg"
    sync_export.export_package(offices.a, full, full=True)
    receipt = offices.folder / "full-receipt.pdpkg"
    sync_import.import_package(offices.above, full, receipt=receipt)
    sync_receipts.import_receipt(offices.a, receipt)


def test_keys_export_preview_import_and_receipt_through_the_page(
    qtbot, qtmodeltester, offices: Offices, ui_settings: QSettings, confirmations: list[str]
) -> None:
    below_ctx, above_ctx = _ctx(offices.a, ui_settings), _ctx(offices.above, ui_settings)
    below, above = SyncPage(below_ctx), SyncPage(above_ctx)
    qtbot.addWidget(below)
    qtbot.addWidget(above)
    below_fp = sync_keys.key_info(offices.a).fingerprint
    above_fp = sync_keys.key_info(offices.above).fingerprint
    assert below.fingerprint_label.text() == fingerprint_groups(below_fp)
    assert below.fingerprint_label.text().count("  ") == 3
    assert not below.export_button.isEnabled()  # no office above registered yet
    assert "Chưa có gói nào" in below.watermark_label.text()

    # Below writes its key file; registers the office above by its file and fingerprint.
    key_file = offices.folder / "xa.pdkey"
    below.save_public_key(key_file)
    assert key_file.exists()
    assert below_fp in below.keys_message.text()
    dialog = below.open_register_dialog()
    dialog.choose_file(offices.folder / "above.pdkey")
    assert dialog.file_fingerprint.text() == above_fp
    assert dialog.office_label.text() == "Ban Tổ chức Tỉnh ủy Lâm Đồng"
    dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData(Relation.ABOVE))
    assert not dialog.org_list.isEnabled()
    dialog.fingerprint_edit.setText(above_fp)
    dialog.register()
    assert dialog.registered is not None, dialog.message.text()
    assert below.partner_table.rowCount() == 1
    recipient = below.recipient()
    assert recipient is not None
    assert recipient.name == "Ban Tổ chức Tỉnh ủy Lâm Đồng"
    assert below.full_radio.isEnabled()
    assert below.export_button.isEnabled()

    # Above registers the office below: a misread fingerprint is refused, then the right one.
    dialog = above.open_register_dialog()
    dialog.choose_file(key_file)
    assert dialog.file_fingerprint.text() == below_fp
    assert dialog.org_list.count() == 1  # only the province's own organization here
    dialog.set_codes(["LD"])
    assert dialog.scope() == ["LD"]
    dialog.fingerprint_edit.setText("AAAA-BBBB-CCCC-DDDD")
    dialog.register()
    assert dialog.registered is None
    assert "không khớp" in dialog.message.text()
    assert sync_keys.partners(offices.above) == []
    dialog.fingerprint_edit.setText(below_fp.lower().replace("-", " "))
    dialog.register()
    assert dialog.registered is not None, dialog.message.text()
    partner_texts = [above.partner_table.item(0, c).text() for c in range(4)]
    assert partner_texts == ["Cấp dưới", "Đảng ủy xã Lạc Dương", below_fp, "LD"]

    # Below exports everything for the period.
    package = offices.folder / "quy-iv.pdpkg"
    below.full_radio.setChecked(True)
    below.period_edit.setText("Quý IV/2026")
    below.target_edit.setText(str(package))
    below.export()
    assert below.exported is not None, below.export_message.text()
    assert package.exists()
    assert str(package) in below.export_message.text()
    assert not below.export_folder_button.isHidden()
    assert below.history_table.item(0, 1).text() == "Gửi đi →"
    assert below.history_table.item(0, 7).text() == "Chưa báo nhận"

    # Above previews: the table's counts are the service's, and nothing is written.
    before = snapshot(offices.paths()["above"])
    panel = above.importer
    panel.choose_package(package)
    assert panel.preview is not None, panel.error
    expected = sync_import.preview_package(offices.above, package)
    assert panel.preview.counts == expected.counts
    assert panel.shown_counts() == expected.counts
    assert expected.counts["new"] > 0
    model = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == sum(expected.counts.values())
    assert f"Mới: {expected.counts['new']}" in panel.counts_label.text()
    assert "Đảng ủy xã Lạc Dương" in panel.message.text()
    assert "Quý IV/2026" in panel.message.text()
    panel.set_outcome_filter(Outcome.NEW)
    assert model.rowCount() == expected.counts["new"]
    assert {model.data(model.index(r, 2)) for r in range(model.rowCount())} == {"Mới"}
    kinds = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert {"Đảng viên", "Tổ chức đảng"} <= kinds
    panel.set_outcome_filter(Outcome.CONFLICT)
    assert model.rowCount() == 0
    panel.set_outcome_filter(None)
    assert panel.gap_box.isHidden()
    assert panel.import_button.isEnabled()
    assert snapshot(offices.paths()["above"]) == before

    # «Nhập»: one question naming the counts, one transaction, the receipt beside the package.
    announced: list[frozenset[str]] = []
    above_ctx.bus.changed.connect(announced.append)
    panel.apply()
    assert len(confirmations) == 1
    assert f"{expected.counts['new']} bản ghi mới" in confirmations[0]
    assert panel.result is not None, panel.error
    assert panel.result.status == "applied"
    assert panel.result.counts == expected.counts
    receipt = receipt_path(package)
    assert panel.receipt == receipt
    assert receipt.exists()
    assert str(receipt) in panel.result_label.text()
    assert not panel.import_button.isEnabled()
    assert not panel.save_receipt_button.isHidden()
    assert any("member" in registers for registers in announced)
    assert _members(offices.above) == _members(offices.a)
    assert above.history_table.item(0, 1).text() == "← Nhận về"
    assert above.history_table.item(0, 7).text() == "Đã ghi giấy báo nhận"
    # The receipt can be written again elsewhere.
    copy = offices.folder / "usb" / "bao-nhan.pdpkg"
    copy.parent.mkdir()
    panel.save_receipt(copy)
    assert copy.exists(), panel.error

    # Below takes the receipt: the package is acknowledged in its history.
    below.importer.import_receipt(copy)
    assert below.importer.acknowledged is not None, below.importer.error
    assert "Đơn vị nhận đã nhập gói" in below.importer.message.text()
    assert below.history_table.item(0, 7).text().startswith("Cấp trên đã báo nhận")
    assert below.watermark_label.text().startswith(f"đến số {below.exported.seq_to} (gói Quý IV")
    with offices.a.reader() as session:
        acknowledged = session.scalars(select(SyncPackageSent.acknowledged_at)).one()
    assert acknowledged is not None
    # The same package again: «đã nhập», nothing to import.
    panel.choose_package(package)
    assert panel.preview is not None
    assert panel.preview.status == sync_import.ALREADY
    assert not panel.import_button.isEnabled()


def test_conflict_resolved_field_by_field_in_the_side_by_side_view(
    qtbot, offices: Offices, ui_settings: QSettings, confirmations: list[str]
) -> None:
    _register_by_service(offices)
    _first_sync(offices)
    with offices.a.session("test.edit") as session:
        member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
        member.notes = "Sửa ở xã"
        member.temporary_address = "Thôn 3, xã Lạc Dương"
        member_uuid = member.uuid
    with offices.above.session("test.edit") as session:
        theirs = session.scalars(select(Member).where(Member.uuid == member_uuid)).one()
        theirs.notes = "Sửa ở tỉnh"
        address_above = theirs.temporary_address
    delta = offices.folder / "delta.pdpkg"
    sync_export.export_package(offices.a, delta)
    above_ctx = _ctx(offices.above, ui_settings)
    count = SyncDueCount(above_ctx)
    counts: list[int] = []
    count.changed.connect(counts.append)
    page = SyncPage(above_ctx)
    qtbot.addWidget(page)
    page.importer.choose_package(delta)
    assert page.importer.preview is not None, page.importer.error
    assert page.importer.preview.counts["conflict"] == 1
    page.importer.set_outcome_filter(Outcome.CONFLICT)
    assert page.importer.model.rowCount() == 1
    page.importer.apply()
    assert "1 xung đột" in confirmations[0]
    assert "Xung đột" in page.importer.result_label.text()
    assert counts[-1] == 1

    page.tabs.setCurrentIndex(CONFLICTS)
    panel = page.conflicts
    assert len(panel.conflicts) == 1
    detail = panel.detail
    assert detail is not None
    differing = [diff.field for diff in detail.fields if diff.differs]
    assert {"notes", "temporary_address"} <= set(differing)
    # Differing fields come first, and are the ones that can be ticked.
    assert [diff.field for diff in detail.fields[: len(differing)]] == differing
    assert panel.fields.item(0, 1).text().endswith(differing[0])
    assert panel.fields.item(differing.index("temporary_address"), 1).text() == (
        "Nơi tạm trú · temporary_address"
    )
    assert panel.fields.item(0, 1).font().bold()
    row = differing.index("notes")
    assert panel.fields.item(row, 2).text() == "Sửa ở tỉnh"
    assert panel.fields.item(row, 3).text() == "Sửa ở xã"
    panel.resolve(Resolution.FIELDS)  # nothing ticked: explained, nothing resolved
    assert "ít nhất một trường" in panel.error
    panel.set_taken(["notes"])
    assert panel.taken() == ["notes"]
    panel.resolve(Resolution.FIELDS)
    assert panel.conflicts == [], panel.error
    assert panel.detail is None
    assert counts[-1] == 0
    with offices.above.reader() as session:
        merged = session.execute(
            select(Member.notes, Member.temporary_address).where(Member.uuid == member_uuid)
        ).one()
        conflict = session.execute(select(SyncConflict.status, SyncConflict.resolution)).one()
    assert merged.notes == "Sửa ở xã"
    assert merged.temporary_address == address_above  # ours kept for the field not ticked
    assert tuple(conflict) == ("resolved", "fields")


def test_gap_needs_the_explicit_override(
    qtbot, offices: Offices, ui_settings: QSettings, confirmations: list[str]
) -> None:
    _register_by_service(offices)
    _first_sync(offices)
    for name in ("x", "y"):
        with offices.a.session("test.edit") as session:
            member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
            member.notes = f"sửa {name}"
        sync_export.export_package(offices.a, offices.folder / f"{name}.pdpkg")
        # As if the office above had acknowledged x without importing it: y starts later.
        with offices.a.session("test.ack") as session:
            for sent in session.scalars(select(SyncPackageSent)).all():
                if sent.acknowledged_at is None:
                    sent.acknowledged_at = sent.created_at
                    sent.outcome = "applied"
    page = SyncPage(_ctx(offices.above, ui_settings))
    qtbot.addWidget(page)
    panel = page.importer
    panel.choose_package(offices.folder / "y.pdpkg")
    assert panel.preview is not None
    assert panel.preview.status == sync_import.GAP
    assert "Thiếu gói" in panel.message.text()
    assert not panel.gap_box.isHidden()
    assert not panel.import_button.isEnabled()
    panel.apply()
    assert confirmations == []
    assert panel.result is None
    panel.gap_box.setChecked(True)
    assert panel.import_button.isEnabled()
    panel.apply()
    assert "thiếu gói trước" in confirmations[0]
    assert panel.result is not None, panel.error
    assert panel.result.status == "applied"


def test_package_from_an_unknown_sender_is_refused_and_changes_nothing(
    qtbot, offices: Offices, ui_settings: QSettings, confirmations: list[str]
) -> None:
    # Office B knows the office above, but the office above never registered B.
    _register_by_service(offices, below=offices.b, codes=())
    package = offices.folder / "b.pdpkg"
    sync_export.export_package(offices.b, package, full=True)
    page = SyncPage(_ctx(offices.above, ui_settings))
    qtbot.addWidget(page)
    before = snapshot(offices.paths()["above"])
    panel = page.importer
    panel.choose_package(package)
    assert panel.preview is None
    assert panel.error
    assert panel.message.text() == panel.error
    assert "chưa được đăng ký ở đơn vị này" in panel.error
    assert "«Khóa và đơn vị»" in panel.error  # what to do about it
    assert panel.model.rowCount() == 0
    assert not panel.import_button.isEnabled()
    panel.apply()
    assert confirmations == []
    assert snapshot(offices.paths()["above"]) == before


def test_records_outside_the_senders_scope_show_their_reason_and_nothing_is_imported(
    qtbot, offices: Offices, ui_settings: QSettings, confirmations: list[str]
) -> None:
    # Office B (organizations BL…) registered above as if it could send only LD….
    _register_by_service(offices, below=offices.b, codes=("LD",))
    package = offices.folder / "b.pdpkg"
    sync_export.export_package(offices.b, package, full=True)
    page = SyncPage(_ctx(offices.above, ui_settings))
    qtbot.addWidget(page)
    before = snapshot(offices.paths()["above"])
    panel = page.importer
    panel.choose_package(package)
    assert panel.preview is not None, panel.error
    refused = panel.preview.counts["refused"]
    assert refused > 0
    assert "bị từ chối" in panel.message.text()
    panel.set_outcome_filter(Outcome.REFUSED)
    model = panel.model
    assert model.rowCount() == refused
    assert model.data(model.index(0, 2)) == "Từ chối"
    assert "ngoài phạm vi" in model.data(model.index(0, 3))
    assert not panel.import_button.isEnabled()
    panel.apply()
    assert confirmations == []
    assert snapshot(offices.paths()["above"]) == before


def test_stopped_export_leaves_no_file_and_seals_nothing(
    qtbot, offices: Offices, ui_settings: QSettings, monkeypatch
) -> None:
    from partydesk.documents.package import progress as package_progress

    monkeypatch.setattr(package_progress, "EVERY", 10)  # report often on a small office
    _register_by_service(offices, codes=())
    page = SyncPage(_ctx(offices.a, ui_settings))
    qtbot.addWidget(page)
    reports: list[int] = []

    def clerk_stops(done: int) -> None:
        reports.append(done)
        assert not page.export_stop_button.isHidden()
        page.stop_export()

    page.export_progressed.connect(clerk_stops)
    out = offices.folder / "stopped.pdpkg"
    page.full_radio.setChecked(True)
    page.target_edit.setText(str(out))
    page.export()
    assert reports == [10]
    assert page.exported is None
    assert page.export_message.text() == "Đã dừng; không có tệp nào được ghi."
    assert not out.exists()
    assert list(offices.folder.glob("*.pdpkg")) == []
    with offices.a.reader() as session:
        assert session.scalar(select(func.count()).select_from(SyncPackageSent)) == 0
    assert page.export_button.isEnabled()


def test_main_window_counts_the_conflicts_waiting(
    qtbot, offices: Offices, ui_settings: QSettings, confirmations: list[str], tmp_path: Path
) -> None:
    from partydesk.ui.main_window import MainWindow

    _register_by_service(offices)
    _first_sync(offices)
    for db, notes in ((offices.a, "ở xã"), (offices.above, "ở tỉnh")):
        with db.session("test.edit") as session:
            member = session.scalars(select(Member).order_by(Member.uuid).limit(1)).one()
            member.notes = notes
    delta = offices.folder / "delta.pdpkg"
    sync_export.export_package(offices.a, delta)
    window = MainWindow(_ctx(offices.above, ui_settings), tmp_path / "backups")
    qtbot.addWidget(window)
    action = window._page_action["sync"]
    assert action.text() == "Đồng bộ"
    window.show_page("sync")
    window.sync.importer.choose_package(delta)
    window.sync.importer.apply()
    assert action.text() == "Đồng bộ (1)"
    window.sync.conflicts.resolve(Resolution.OURS)
    assert action.text() == "Đồng bộ"


def test_update_package_sent_down_and_imported_below_through_the_pages(
    qtbot, offices: Offices, ui_settings: QSettings, confirmations: list[str]
) -> None:
    from partydesk.db.models import CatalogueItem
    from partydesk.services import sync_updates
    from partydesk.services.catalogues import save_catalogue_entry

    _register_by_service(offices)
    save_catalogue_entry(offices.above, "occupation", "kinh_te_so", "Lao động kinh tế số")
    above = SyncPage(_ctx(offices.above, ui_settings))
    below = SyncPage(_ctx(offices.a, ui_settings))
    qtbot.addWidget(above)
    qtbot.addWidget(below)
    above.set_recipient("Đảng ủy xã Lạc Dương")
    assert not above.full_radio.isEnabled()  # an update package has no "full" choice
    assert "Gói cập nhật" in above.recipient_label.text()
    down = offices.folder / "cap-nhat.pdpkg"
    above.target_edit.setText(str(down))
    above.period_edit.setText("Quý IV/2026")
    above.export()
    assert isinstance(above.exported, sync_updates.UpdatesResult), above.export_message.text()
    assert down.exists()
    assert "Đã lập gói cập nhật gửi Đảng ủy xã Lạc Dương" in above.export_message.text()

    panel = below.importer
    panel.choose_package(down)
    assert panel.preview is not None, panel.error
    assert panel.preview.kind == sync_updates.UPDATES
    assert "cập nhật danh mục, quy định" in panel.message.text()
    assert panel.preview.counts == sync_updates.preview_updates(offices.a, down).counts
    model = panel.model
    kinds = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert "Mục danh mục" in kinds
    panel.apply()
    assert panel.result is not None, panel.error
    assert panel.result.status == "applied"
    assert receipt_path(down).exists()
    with offices.a.reader() as session:
        names = session.scalars(
            select(CatalogueItem.name).where(CatalogueItem.code == "kinh_te_so")
        ).all()
    assert names == ["Lao động kinh tế số"]

    # The receipt goes back up: the update package is acknowledged there.
    above.importer.import_receipt(receipt_path(down))
    assert above.importer.acknowledged is not None, above.importer.error
    assert above.watermark_label.text().startswith("đến số")


def test_member_in_transit_sent_down_and_received_below_through_the_pages(
    qtbot, offices: Offices, ui_settings: QSettings
) -> None:
    from datetime import date

    from partydesk.codes import MemberStatus
    from partydesk.db.models import MemberEvent, Organization
    from partydesk.services.transfers import TransferOutInput, transfer_out
    from tests.conftest import TODAY

    _register_by_service(offices)  # A below the province
    sync_keys.register_partner(  # B below the province too (its key, scope BL)
        offices.b,
        (offices.folder / "above.pdkey").read_bytes(),
        sync_keys.key_info(offices.above).fingerprint,
        Relation.ABOVE,
    )
    b_key = sync_keys.write_public_key(offices.b, offices.folder / "b.pdkey")
    sync_keys.register_partner(
        offices.above,
        (offices.folder / "b.pdkey").read_bytes(),
        b_key.fingerprint,
        Relation.BELOW,
        ["BL"],
    )
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
    transfer_out(
        offices.a,
        TransferOutInput(member_id, date(2026, 11, 2), "Đảng ủy xã Bảo Lâm"),
        today=TODAY,
    )
    package = offices.folder / "a.pdpkg"
    sync_export.export_package(offices.a, package, full=True)
    sync_import.import_package(offices.above, package)

    above = SyncPage(_ctx(offices.above, ui_settings))
    qtbot.addWidget(above)
    panel = above.transfers
    assert name in [letter.full_name for letter in panel.letters]
    panel.select_letter(name)
    panel.select_office("Đảng ủy xã Bảo Lâm")
    down = offices.folder / "chuyen-den.pdpkg"
    panel.send_down(down)
    assert panel.sent is not None, panel.above_message.text()
    assert down.exists()
    assert "Đảng ủy xã Bảo Lâm" in panel.above_message.text()

    below = SyncPage(_ctx(offices.b, ui_settings))
    qtbot.addWidget(below)
    receiving = below.transfers
    before = snapshot(offices.paths()["b"])
    receiving.choose_package(down)
    assert receiving.incoming is not None, receiving.below_message.text()
    assert name in receiving.incoming_label.text()
    assert snapshot(offices.paths()["b"]) == before  # looking writes nothing
    with offices.b.reader() as session:
        branch = session.scalars(
            select(Organization.id).where(Organization.code == "BL.01.01")
        ).one()
    receiving.select_branch(branch)
    receiving.arrived_edit.set_value(date(2026, 11, 10))
    receiving.receive()
    assert receiving.received_id is not None, receiving.below_message.text()
    assert "Đã tiếp nhận đảng viên" in receiving.below_message.text()
    assert not receiving.receive_button.isEnabled()
    with offices.b.reader() as session:
        arrived = session.execute(
            select(Member.id, Member.full_name, Member.organization_id).where(Member.cccd == cccd)
        ).one()
        kinds = set(
            session.scalars(
                select(MemberEvent.kind).where(MemberEvent.member_id == arrived.id)
            ).all()
        )
    assert (arrived.full_name, arrived.organization_id) == (name, branch)
    assert "transfer_in" in kinds
