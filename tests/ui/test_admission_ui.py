"""The admission page and its dialogs, driven through the real widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from partydesk.codes import IntroducerKind, MemberStatus
from partydesk.db.models import CandidateIntroducer, Member, MemberEvent
from partydesk.services import admission
from partydesk.services.admission import IntroducerInput, Step, StepInput
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.ui.dialogs.admission_dialogs import AdmissionStepDialog, IntroducerDialog
from partydesk.ui.pages.admission import AdmissionPage
from tests.conftest import TODAY


def _person(db, org_id: int, name: str, **dates: object) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nữ",
            birth_date=date(1997, 7, 7),
            organization_id=org_id,
            **dates,  # type: ignore[arg-type]
        ),
        today=TODAY,
    ).id


def _official(db, org_id: int, name: str) -> int:
    return _person(
        db,
        org_id,
        name,
        decision_date=date(2012, 1, 3),
        ceremony_date=date(2012, 2, 1),
        official_date=date(2013, 2, 1),
    )


def _prepared(db, org_id: int, name: str, officials: tuple[int, int]) -> int:
    member_id = _person(db, org_id, name, registered_on=date(2025, 1, 2))

    def step(which: Step, on: date, number: str = "") -> None:
        admission.record_step(db, member_id, which, StepInput(on, number), TODAY)

    step(Step.COURSE, date(2025, 4, 10), "1/CN")
    for official in officials:
        admission.add_introducer(
            db,
            member_id,
            IntroducerInput(
                IntroducerKind.MEMBER.value,
                date(2025, 10, 1),
                introducer_member_id=official,
                worked_from=date(2024, 1, 1),
            ),
            TODAY,
        )
    step(Step.APPLICATION, date(2025, 10, 5))
    step(Step.BIOGRAPHY, date(2025, 12, 15))
    return member_id


def _status(db, member_id: int) -> str:
    with db.reader() as session:
        return session.scalar(select(Member.status).where(Member.id == member_id)) or ""


def _event_count(db) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).select_from(MemberEvent)) or 0


def _type(qtbot, widget, text: str) -> None:
    """Type key by key; QTest.keyClicks aborts on letters outside ASCII."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _fill(qtbot, dialog: AdmissionStepDialog, on: str, number: str = "", signer: str = "") -> None:
    dialog.date_edit.line.clear()
    _type(qtbot, dialog.date_edit.line, on)
    if number:
        _type(qtbot, dialog.number_edit, number)
    if signer:
        _type(qtbot, dialog.signer_edit, signer)


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_board_and_steps_through_the_widgets(qtbot, qtmodeltester, ui_ctx, org_ids):
    db = ui_ctx.db
    branch = org_ids["DR.02"]
    officials = (_official(db, branch, "Chính Thức Một"), _official(db, branch, "Chính Thức Hai"))
    first = _prepared(db, branch, "Quần Chúng Một", officials)
    second = _prepared(db, branch, "Quần Chúng Hai", officials)
    fresh = _person(db, branch, "Mới Theo Dõi", registered_on=date(2026, 1, 5))
    page = AdmissionPage(ui_ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.candidate_model)
    qtmodeltester.check(page.probationary_model)
    assert page.candidate_model.rowCount() == 3
    assert page.tabs.tabText(0) == "Quần chúng ưu tú"
    assert page.tabs.tabText(1) == "Đảng viên dự bị"

    # The branch resolution of the first candidate, through the «next step» button.
    page.select([first])
    assert page.next_button.isEnabled()
    assert not page.ceremony_button.isEnabled()
    assert [s.step for s in page.progress_model._rows][:2] == ["course", "introducer"]
    _click(qtbot, page.next_button)
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.BRANCH
    # An unreadable date and a missing number are refused in the dialog; nothing written.
    before = _event_count(db)
    _fill(qtbot, dialog, "31/02/2026")
    _click(qtbot, dialog.save_button)
    assert dialog.message.isVisibleTo(dialog)
    assert "31/02/2026" in dialog.message.text()
    _fill(qtbot, dialog, "12/01/2026")
    _click(qtbot, dialog.save_button)
    assert "Số văn bản" in dialog.message.text()
    assert _event_count(db) == before
    qtbot.keyClicks(dialog.number_edit, "3-NQ/CB")
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    assert _event_count(db) == before + 1

    # A late decision shows its notice first; the clerk confirms with «Vẫn lưu».
    page.select([first])
    _click(qtbot, page.next_button)
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.DECISION
    _fill(qtbot, dialog, "20/04/2026", "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    _click(qtbot, dialog.save_button)
    assert dialog.notices.isVisibleTo(dialog)
    assert "quá hạn 60 ngày làm việc" in dialog.notices.text()
    assert dialog.save_button.text() == "Vẫn lưu"
    assert _event_count(db) == before + 1
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    assert _event_count(db) == before + 2

    # The second candidate through the due list's action (opens the actual next step).
    admission.record_step(db, second, Step.BRANCH, StepInput(date(2026, 1, 12), "4"), TODAY)
    page.refresh()
    page.open_step(second, "admission_decision")
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.DECISION
    _fill(qtbot, dialog, "02/03/2026", "13-QĐ/ĐU", "Nguyễn Văn Hùng")
    _click(qtbot, dialog.save_button)
    assert page.dialog is None

    # One ceremony for both: all selected, one dialog, one event each.
    page.select([first, second])
    assert page.selected_ids() == sorted([first, second], key=page.selected_ids().index)
    assert len(page.selected_ids()) == 2
    assert page.ceremony_button.isEnabled()
    _click(qtbot, page.ceremony_button)
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.CEREMONY
    assert "Quần Chúng Một" in dialog.who.text()
    before = _event_count(db)
    _fill(qtbot, dialog, "10/03/2026")  # before the first one's decision of 20/04/2026
    _click(qtbot, dialog.save_button)
    assert "Quần Chúng Một" in dialog.message.text()
    assert _event_count(db) == before
    _fill(qtbot, dialog, "04/05/2026")  # late for the second one: a notice, then confirm
    _click(qtbot, dialog.save_button)
    assert "Quần Chúng Hai" not in dialog.message.text()
    assert "30 ngày làm việc" in dialog.notices.text()
    assert _event_count(db) == before
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    assert _event_count(db) == before + 2
    assert _status(db, first) == _status(db, second) == MemberStatus.PROBATIONARY.value
    assert page.probationary_model.rowCount() == 2
    assert page.candidate_model.rowCount() == 1
    qtmodeltester.check(page.probationary_model)

    # A refused ceremony (no decision) writes nothing and says why.
    page.select([fresh])
    assert not page.ceremony_button.isEnabled()
    dialog = AdmissionStepDialog(ui_ctx, [fresh], Step.CEREMONY.value, ["Mới Theo Dõi"])
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, "10/03/2026")
    before = _event_count(db)
    _click(qtbot, dialog.save_button)
    assert "Quyết định kết nạp" in dialog.message.text()
    assert _event_count(db) == before
    dialog.reject()
    # The due list's «ceremony» opens the person's actual next step: here the course.
    page.open_step(fresh, "ceremony")
    assert isinstance(page.dialog, AdmissionStepDialog)
    assert page.dialog.step is Step.COURSE
    page.dialog.reject()


def test_introducer_dialog_recognition_and_striking_off(qtbot, ui_ctx, org_ids):
    db = ui_ctx.db
    branch = org_ids["DR.02"]
    official = _official(db, branch, "Người Giới Thiệu")
    candidate = _person(db, branch, "Cần Giới Thiệu", registered_on=date(2025, 1, 2))
    dates = {"decision_date": date(2025, 9, 1), "ceremony_date": date(2025, 9, 15)}
    ending = _person(db, branch, "Hết Dự Bị", **dates)
    failing = _person(db, branch, "Không Đạt", **dates)
    overdue = _person(
        db, branch, "Quá Hạn", decision_date=date(2025, 6, 2), ceremony_date=date(2025, 6, 16)
    )
    page = AdmissionPage(ui_ctx)
    qtbot.addWidget(page)

    # The introducer: found by name, checked against the 12-month rule, then saved.
    page.select([candidate])
    _click(qtbot, page.introducer_button)
    dialog = page.dialog
    assert isinstance(dialog, IntroducerDialog)
    qtbot.keyClicks(dialog.search_edit, "nguoi gioi")
    _click(qtbot, dialog.search_button)
    assert dialog.member_combo.count() == 1
    dialog.introduced_on.set_value(date(2025, 10, 1))
    qtbot.keyClicks(dialog.worked_from.line, "01/06/2025")
    _click(qtbot, dialog.save_button)
    assert "12 tháng" in dialog.message.text()
    dialog.worked_from.line.clear()
    qtbot.keyClicks(dialog.worked_from.line, "01/06/2024")
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    with db.reader() as session:
        rows = session.execute(
            select(CandidateIntroducer.introducer_member_id, CandidateIntroducer.kind)
        ).all()
    assert rows == [(official, "member")]
    # A union introducer hides the member search.
    page.open_step(candidate, Step.INTRODUCER.value)
    dialog = page.dialog
    assert isinstance(dialog, IntroducerDialog)
    dialog.kind_combo.setCurrentIndex(1)
    assert not dialog.member_combo.isVisibleTo(dialog)
    assert dialog.name_edit.isVisibleTo(dialog)
    _type(qtbot, dialog.name_edit, "Ban Chấp hành Đoàn xã")
    _click(qtbot, dialog.save_button)
    assert page.dialog is None

    # Overdue rows are red; the probationary tab shows the end of probation.
    page.tabs.setCurrentIndex(1)
    row = page.probationary_model.row_of(overdue)
    assert page.probationary_model.row_at(row).overdue
    index = page.probationary_model.index(row, 0)
    assert page.probationary_model.data(index, Qt.ItemDataRole.ForegroundRole) is not None

    # Recognition from the due list's action: the branch resolution comes first.
    page.open_step(ending, "recognition")
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.RECOGNITION_BRANCH
    _fill(qtbot, dialog, "20/09/2026", "9-NQ/CB")
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    page.open_step(ending, "recognition")
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.RECOGNITION
    _fill(qtbot, dialog, "01/10/2026", "40-QĐ/ĐU", "Nguyễn Văn Hùng")
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    assert _status(db, ending) == MemberStatus.OFFICIAL.value
    with db.reader() as session:
        official_date = session.scalar(select(Member.official_date).where(Member.id == ending))
    assert official_date == date(2026, 9, 15)

    # Striking off asks for confirmation before anything is written.
    page.select([failing])
    assert page.fail_button.isEnabled()
    _click(qtbot, page.fail_button)
    dialog = page.dialog
    assert isinstance(dialog, AdmissionStepDialog)
    assert dialog.step is Step.FAIL
    assert dialog.ground_combo.currentData() == "du_bi_khong_du_dieu_kien"
    _fill(qtbot, dialog, "20/09/2026", "41-QĐ/ĐU")
    _click(qtbot, dialog.save_button)
    assert "không hoàn tác" in dialog.notices.text()
    assert _status(db, failing) == MemberStatus.PROBATIONARY.value
    _click(qtbot, dialog.save_button)
    assert page.dialog is None
    assert _status(db, failing) == MemberStatus.LEFT.value
    assert page.probationary_model.row_of(failing) == -1
