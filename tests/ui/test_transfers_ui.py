"""The transfer-letter register page and its dialogs, driven with pytest-qt like a clerk."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from partydesk.codes import MemberStatus, TransferStatus
from partydesk.db.models import Member
from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.transfer_queries import transfer_register
from partydesk.services.transfers import TransferOutInput, transfer_out
from partydesk.ui.dialogs import transfer_dialogs
from partydesk.ui.dialogs.transfer_dialogs import (
    CancelTransferDialog,
    InternalMoveDialog,
    ReceivedDialog,
    ReturnDialog,
    TemporaryTransferDialog,
    TransferInDialog,
    TransferOutDialog,
)
from partydesk.ui.pages.transfers import TransfersPage
from tests.conftest import TODAY

_TABLES = ("member", "member_event", "membership", "transfer", "issued_document")


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in _TABLES}
    finally:
        con.close()


@pytest.fixture
def member_id(db, org_ids) -> int:
    return create_member(
        db,
        MemberInput(
            full_name="Phạm Văn Đức",
            sex="nam",
            birth_date=date(1980, 6, 1),
            organization_id=org_ids["DR.01.01"],
            cccd=make_cccd("068", "nam", 1980, 31),
            decision_date=date(2008, 1, 4),
            ceremony_date=date(2008, 2, 1),
            official_date=date(2009, 2, 1),
        ),
        today=TODAY,
    ).id


@pytest.fixture
def page(qtbot, ui_ctx) -> TransfersPage:
    widget = TransfersPage(ui_ctx)
    widget.today = TODAY
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def _type(qtbot, field, text: str) -> None:
    """Type into a line edit (QTest types ASCII only: Vietnamese text is inserted)."""
    line = getattr(field, "line", field)
    line.clear()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        line.insert(text)


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)


def test_transfer_out_overdue_in_red_then_received(qtbot, page, member_id, db_path):
    qtbot.mouseClick(page.out_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TransferOutDialog)
    assert dialog.hops.text().startswith("(")  # no member yet
    search = dialog.member.search
    assert search is not None
    _type(qtbot, search.line, "pham van duc")
    search.search_now()
    assert search.result_count() == 1
    search.choose_result(0)
    assert (
        dialog.hops.text()
        == "Chi bộ Giáo viên → Đảng bộ Trường THPT Đam Rông → Đảng ủy xã Đam Rông"
    )
    _type(qtbot, dialog.letter_date, "01/10/2026")
    _type(qtbot, dialog.to_text, "Đảng ủy phường Xuân Hương")
    _type(qtbot, dialog.receiving_branch, "Chi bộ Văn phòng")
    dialog.refresh_preview()
    assert dialog.hops.text().endswith("Đảng ủy xã Đam Rông → Chi bộ Văn phòng")
    _type(qtbot, dialog.dues, "2026-09")
    _ok(qtbot, dialog)
    assert page.dialog is None  # closed on success

    assert page.model.rowCount() == 1
    row = page.model.row_at(0)
    assert (row.letter_no, row.status, row.overdue) == ("1-GT/ĐU", TransferStatus.IN_TRANSIT, True)
    brush = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == "#b00020"
    assert "quá hạn" in page.model.data(page.model.index(0, 7))
    assert "1 quá hạn" in page.count_label.text()
    page.table.selectRow(0)
    assert "Chi bộ Văn phòng" in page.detail.text()
    assert "2026-09" in page.detail.text()
    assert page.received_button.isEnabled()
    assert not page.return_button.isEnabled()

    page.set_filter("overdue", 2026)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    qtbot.mouseClick(page.received_button, Qt.MouseButton.LeftButton)
    received = page.dialog
    assert isinstance(received, ReceivedDialog)
    _type(qtbot, received.on, "25/10/2026")
    _ok(qtbot, received)
    assert page.model.rowCount() == 0  # nothing overdue any more
    page.set_filter("all")
    assert page.year.currentText() == "Mọi năm"
    assert page.model.row_at(0).status == TransferStatus.RECEIVED
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT status FROM member WHERE id = ?", (member_id,)).fetchone() == (
            MemberStatus.TRANSFERRED_OUT.value,
        )


def test_refused_input_keeps_the_dialog_open_and_writes_nothing(qtbot, page, member_id, db_path):
    before = _snapshot(db_path)
    page.start_transfer_out()
    unchosen = page.dialog
    assert isinstance(unchosen, TransferOutDialog)
    _ok(qtbot, unchosen)
    assert "chọn đảng viên" in unchosen.error.text()
    unchosen.reject()
    page.start_transfer_out(member_id, "Phạm Văn Đức")
    dialog = page.dialog
    assert isinstance(dialog, TransferOutDialog)
    assert dialog.member.search is None
    _ok(qtbot, dialog)  # no destination
    assert dialog.isVisible()
    assert "Kính gửi" in dialog.error.text()
    _type(qtbot, dialog.to_text, "Đảng ủy xã Đức Trọng")
    _type(qtbot, dialog.letter_date, "01/01/2005")  # before the member's admission events
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "trước sự kiện gần nhất" in dialog.error.text()
    _type(qtbot, dialog.letter_date, "31/02/2026")
    _ok(qtbot, dialog)
    assert "Không có ngày" in dialog.error.text()
    assert _snapshot(db_path) == before
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert page.dialog is None


def test_transfer_in_dialog_creates_the_member(qtbot, page, org_ids, db):
    qtbot.mouseClick(page.in_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TransferInDialog)
    _type(qtbot, dialog.letter_no, "41-GT/ĐU")
    _type(qtbot, dialog.letter_date, "20/10/2026")
    _type(qtbot, dialog.from_text, "Đảng ủy xã Đức Trọng")
    _type(qtbot, dialog.arrived_on, "28/10/2026")
    assert transfer_dialogs.select_data(dialog.branch, org_ids["DR.02"])
    _type(qtbot, dialog.full_name, "Trần Thị Mai")
    dialog.sex.setCurrentIndex(1)
    _type(qtbot, dialog.birth_date, "08/07/1992")
    _type(qtbot, dialog.cccd, make_cccd("068", "nữ", 1992, 77))
    _type(qtbot, dialog.decision_date, "02/03/2016")
    _type(qtbot, dialog.ceremony_date, "20/03/2016")
    _type(qtbot, dialog.official_date, "20/03/2016")  # wrong: must be 12 months later
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "20/03/2017" in dialog.error.text()
    _type(qtbot, dialog.official_date, "20/03/2017")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    row = page.model.row_at(0)
    assert (row.direction, row.letter_no, row.to_name) == ("in", "41-GT/ĐU", "Chi bộ thôn 1")
    with db.reader() as session:
        member = session.scalars(select(Member).where(Member.full_name == "Trần Thị Mai")).one()
        assert member.status == MemberStatus.OFFICIAL
        assert member.decision_date == date(2016, 3, 2)


def test_internal_move_and_temporary_stay_then_return(qtbot, page, member_id, org_ids, db):
    page.start_internal_move(member_id, "Phạm Văn Đức")
    move = page.dialog
    assert isinstance(move, InternalMoveDialog)
    assert transfer_dialogs.select_data(move.branch, org_ids["DR.02"])
    _type(qtbot, move.on, "01/09/2026")
    _ok(qtbot, move)
    assert not move.isVisible()
    assert (page.model.row_at(0).kind, page.model.row_at(0).to_name) == ("noi_bo", "Chi bộ thôn 1")

    qtbot.mouseClick(page.temporary_button, Qt.MouseButton.LeftButton)
    stay = page.dialog
    assert isinstance(stay, TemporaryTransferDialog)
    stay.member.search.line.setText("duc")
    stay.member.search.search_now()
    stay.member.search.choose_result(0)
    stay.outside.setChecked(True)
    assert stay.to_text.isEnabled()
    assert not stay.branch.isEnabled()
    _type(qtbot, stay.to_text, "Chi bộ lớp Cao cấp lý luận chính trị")
    _type(qtbot, stay.start, "01/10/2026")
    _type(qtbot, stay.ends_on, "01/12/2027")  # 14 months of work: too long
    _ok(qtbot, stay)
    assert stay.isVisible()
    assert "12 tháng" in stay.error.text()
    assert "Quy định 232-QĐ/TW" in stay.error.text()
    stay.reason.setCurrentIndex(1)  # study: up to 24 months
    _ok(qtbot, stay)
    assert not stay.isVisible()
    row = page.model.row_at(0)
    assert (row.kind, row.letter_no, row.status) == ("tam_thoi", "1-GT/ĐU", "in_transit")
    with db.reader() as session:
        assert session.get(Member, member_id).status == MemberStatus.OFFICIAL

    page.table.selectRow(0)
    assert page.return_button.isEnabled()
    assert not page.received_button.isEnabled()
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    back = page.dialog
    assert isinstance(back, ReturnDialog)
    _type(qtbot, back.on, "20/11/2026")
    _ok(qtbot, back)
    assert page.model.row_at(0).status == TransferStatus.RETURNED


def test_cancel_asks_for_confirmation(qtbot, page, member_id, monkeypatch, db_path, db):
    transfer_out(
        db,
        TransferOutInput(member_id=member_id, letter_date=date(2026, 11, 2), to_text="Nơi khác"),
        today=TODAY,
    )
    page.refresh()
    page.table.selectRow(0)
    answers = [False, True]
    monkeypatch.setattr(transfer_dialogs, "ask_confirmation", lambda *_args: answers.pop(0))
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CancelTransferDialog)
    _ok(qtbot, dialog)
    assert "Lý do hủy" in dialog.error.text()
    _type(qtbot, dialog.reason, "Đảng viên ở lại")
    before = _snapshot(db_path)
    _ok(qtbot, dialog)  # answered No
    assert dialog.isVisible()
    assert _snapshot(db_path) == before
    _ok(qtbot, dialog)  # answered Yes
    assert not dialog.isVisible()
    assert page.model.row_at(0).status == TransferStatus.CANCELLED
    with db.reader() as session:
        assert session.get(Member, member_id).status == MemberStatus.OFFICIAL


def test_due_item_opens_the_right_dialog_and_model_is_sound(
    qtbot, qtmodeltester, page, member_id, db
):
    detail = transfer_out(
        db,
        TransferOutInput(member_id=member_id, letter_date=date(2026, 10, 1), to_text="Nơi khác"),
        today=TODAY,
    )
    page.set_filter("in_transit")
    qtmodeltester.check(page.model)
    page.set_filter("all", 2025)
    assert page.model.rowCount() == 0
    page.open_due("transfer_received", detail.row.id)  # hidden by the filter: read it
    assert isinstance(page.dialog, ReceivedDialog)
    assert page.dialog.row.id == detail.row.id
    page.dialog.reject()
    page.open_due("temporary_return", detail.row.id)  # not a temporary stay: nothing opens
    assert page.dialog is None
    assert [r.id for r in transfer_register(db, overdue_only=True, today=TODAY)] == [detail.row.id]
