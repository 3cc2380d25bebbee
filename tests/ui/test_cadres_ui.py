"""The cadre register page, its table model and the cadre record dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from partydesk.db.models import Cadre, CadreEvent, CadrePlanning, CadrePost, CadreTraining
from partydesk.rules import make_cccd
from partydesk.services.cadre_records import (
    cadre_list,
)
from partydesk.services.cadres import (
    CadreInput,
    create_cadre,
    plan_cadre,
)
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.ui.dialogs.cadre import planning_tab
from partydesk.ui.dialogs.cadre_record import CadreRecordDialog
from partydesk.ui.models.cadre_table import CADRE_ID_ROLE, CadreTableModel
from partydesk.ui.pages.cadres import CadresPage
from tests.conftest import TODAY
from tests.helpers import snapshot


def _cadre(db, name: str, serial: int) -> int:
    return create_cadre(
        db,
        CadreInput(
            full_name=name,
            sex="nam",
            birth_date=date(1978, 6, 1),
            cccd=make_cccd("068", "nam", 1978, serial),
            salary_grade="Chuyên viên",
            salary_step=2,
            salary_coefficient=2.67,
            salary_step_date=date(2024, 3, 1),
        ),
    ).id


@pytest.fixture
def page(qtbot, ui_ctx) -> CadresPage:
    widget = CadresPage(ui_ctx)
    qtbot.addWidget(widget)
    return widget


def _dialog(qtbot, page: CadresPage, cadre_id: int | None) -> CadreRecordDialog:
    dialog = page.open_cadre(cadre_id)
    assert page.dialog is dialog
    return dialog


def _pick(combo, text: str) -> None:
    position = combo.findText(text)
    assert position >= 0, text
    combo.setCurrentIndex(position)


# --- the table model ---------------------------------------------------------------------


def test_cadre_model_passes_the_model_tester(qtmodeltester, demo_ctx):
    model = CadreTableModel()
    model.set_rows(cadre_list(demo_ctx.db))
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter("chu tich")
    model.set_show_inactive(True)
    assert 0 < model.rowCount() < model.total()


def test_cadre_model_passes_the_python_model_tester(qtmodeltester, demo_ctx):
    model = CadreTableModel()
    model.set_rows(cadre_list(demo_ctx.db))
    qtmodeltester.check(model, force_py=True)
    model.sort(5, Qt.SortOrder.AscendingOrder)
    dates = [model.row_at(r).salary_step_date for r in range(model.rowCount())]
    assert dates == sorted(dates)


def test_page_lists_cadres_with_posts_and_filters_without_diacritics(qtbot, demo_ctx):
    page = CadresPage(demo_ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 36
    assert page.count_label.text() == "36 / 36 cán bộ"
    page.filter.setText("bi thu dang uy")
    posts = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
    assert all("Bí thư" in p and "Đảng ủy" in p for p in posts)
    row = posts.index("Bí thư Đảng ủy xã; kiêm Chủ tịch HĐND xã")
    tooltip = page.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Bí thư Đảng ủy xã\nKiêm: Chủ tịch HĐND xã"
    assert page.model.index(row, 4).data().startswith("Chuyên viên")
    assert page.model.index(row, 0).data(CADRE_ID_ROLE) == page.model.row_at(row).id
    assert page.count_label.text() == f"{len(posts)} / 36 cán bộ"


# --- the record dialog -------------------------------------------------------------------


def test_create_a_cadre_with_a_post_and_a_concurrent_post(qtbot, db, page):
    dialog = _dialog(qtbot, page, None)
    assert not dialog.tabs.isTabEnabled(1)
    dialog.info_tab.full_name.setText("Trần Quốc Toản")
    dialog.info_tab.birth_date.line.setText("12/05/1979")
    dialog.info_tab.cccd.setText(make_cccd("068", "nam", 1979, 4242))
    dialog.info_tab.is_local.setChecked(False)
    dialog.info_tab.save_info_button.click()
    assert dialog.cadre_id is not None
    assert dialog.tabs.isTabEnabled(1)
    assert dialog.message.text() == "Đã tạo hồ sơ cán bộ."
    _pick(dialog.posts_tab.post_title, "Bí thư Đảng ủy")
    _pick(dialog.posts_tab.post_kind, "Bầu cử")
    dialog.posts_tab.post_start.line.setText("01/07/2025")
    dialog.posts_tab.post_decision.setText("15-QĐ/TU")
    dialog.posts_tab.add_post_button.click()
    _pick(dialog.posts_tab.post_title, "Chủ tịch Hội đồng nhân dân")
    _pick(dialog.posts_tab.post_kind, "Bầu cử")
    dialog.posts_tab.post_concurrent.setChecked(True)
    dialog.posts_tab.post_start.line.setText("05/07/2025")
    dialog.posts_tab.add_post_button.click()
    assert dialog.posts_tab.post_error.isHidden()
    assert dialog.posts_tab.posts_model.rowCount() == 2
    with db.reader() as session:
        posts = session.execute(
            select(CadrePost.title, CadrePost.post_code, CadrePost.kind, CadrePost.concurrent)
            .where(CadrePost.cadre_id == dialog.cadre_id)
            .order_by(CadrePost.start_on)
        ).all()
        cadre = session.get(Cadre, dialog.cadre_id)
        assert cadre is not None
        assert (cadre.full_name, cadre.is_local) == ("Trần Quốc Toản", False)
    assert [tuple(p) for p in posts] == [
        ("Bí thư Đảng ủy", "bi_thu_dang_uy", "election", False),
        ("Chủ tịch Hội đồng nhân dân", "chu_tich_hdnd", "election", True),
    ]
    # The page heard the bus and lists the new cadre with both posts.
    row = page.model.row_of(dialog.cadre_id)
    assert page.model.index(row, 2).data() == "Bí thư Đảng ủy; kiêm Chủ tịch Hội đồng nhân dân"
    assert page.model.index(row, 3).data() == "Không"


def test_bad_input_shows_a_message_and_writes_nothing(qtbot, db_path, page):
    before = snapshot(db_path)
    dialog = _dialog(qtbot, page, None)
    dialog.info_tab.full_name.setText("Lê Văn Lỗi")
    dialog.info_tab.birth_date.line.setText("31/02/1980")
    dialog.info_tab.save_info_button.click()
    assert "Không có ngày 31/02/1980" in dialog.info_tab.info_error.text()
    dialog.info_tab.birth_date.line.setText("01/02/1980")
    dialog.info_tab.cccd.setText(make_cccd("068", "nữ", 1980, 7))  # says a woman, the form says nam
    dialog.info_tab.save_info_button.click()
    assert "Số CCCD" in dialog.info_tab.info_error.text()
    dialog.info_tab.cccd.clear()
    dialog.info_tab.full_name.clear()
    dialog.info_tab.save_info_button.click()
    assert "Họ và tên" in dialog.info_tab.info_error.text()
    assert dialog.cadre_id is None
    assert not dialog.tabs.isTabEnabled(1)
    assert snapshot(db_path) == before


def test_planning_warns_past_three_per_post(qtbot, monkeypatch, db, db_path, page):
    planned = [_cadre(db, f"Người Số{n}", 100 + n) for n in range(3)]
    for cadre in planned:
        plan_cadre(db, cadre, "2025-2030", "Chủ tịch Ủy ban nhân dân", date(2025, 10, 1))
    fourth = _cadre(db, "Người Thứ Tư", 200)
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(_parent, _title, text):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(planning_tab, "ask_confirmation", confirm)
    dialog = _dialog(qtbot, page, fourth)
    dialog.tabs.setCurrentIndex(3)
    dialog.planning_tab.planning_term.setText("2025–2030")
    _pick(dialog.planning_tab.planning_title, "Chủ tịch Ủy ban nhân dân")
    dialog.planning_tab.planning_added.line.setText("01/11/2025")
    before = snapshot(db_path)
    dialog.planning_tab.add_planning_button.click()  # declined: nothing written
    assert "đã có 3 người trong quy hoạch (tối đa 3)" in asked[0]
    assert "tối đa 3" in dialog.planning_tab.planning_warning.text()
    assert snapshot(db_path) == before
    dialog.planning_tab.add_planning_button.click()  # confirmed: written, with the warning kept
    assert len(asked) == 2
    assert dialog.planning_tab.planning_warning.text().startswith("Đã đưa vào quy hoạch, lưu ý:")
    assert dialog.planning_tab.planning_model.rowCount() == 1
    with db.reader() as session:
        live = session.scalars(
            select(CadrePlanning.cadre_id).where(
                CadrePlanning.post_title == "Chủ tịch Ủy ban nhân dân",
                CadrePlanning.removed_on.is_(None),
            )
        ).all()
    assert sorted(live) == sorted([*planned, fourth])


def test_planning_removal_needs_a_reason(qtbot, db, db_path, page):
    cadre = _cadre(db, "Hoàng Văn Quy", 300)
    plan_cadre(db, cadre, "2025-2030", "Phó Bí thư Đảng ủy", date(2025, 10, 1))
    dialog = _dialog(qtbot, page, cadre)
    dialog.planning_tab.planning_table.selectRow(0)
    dialog.planning_tab.planning_removed.line.setText("10/01/2026")
    before = snapshot(db_path)
    dialog.planning_tab.remove_planning_button.click()
    assert "Lý do" in dialog.planning_tab.planning_error.text()
    assert snapshot(db_path) == before
    dialog.planning_tab.planning_reason.setText("Không còn đủ tiêu chuẩn")
    dialog.planning_tab.remove_planning_button.click()
    assert dialog.planning_tab.planning_model.index(0, 5).data() == "10/01/2026"
    with db.reader() as session:
        row = session.scalars(select(CadrePlanning)).one()
        assert (row.removed_on, row.removal_reason, row.deleted_at) == (
            date(2026, 1, 10),
            "Không còn đủ tiêu chuẩn",
            None,
        )


def test_salary_step_training_and_end_post_through_the_dialog(qtbot, db, page):
    cadre = _cadre(db, "Đỗ Thị Hạnh", 400)
    dialog = _dialog(qtbot, page, cadre)
    assert dialog.salary_tab.salary_step.value() == 3  # the next step is offered
    dialog.salary_tab.salary_coefficient.setValue(3.0)
    dialog.salary_tab.salary_on.line.setText("01/03/2026")
    dialog.salary_tab.salary_decision.setText("21-QĐ/UBND")
    dialog.salary_tab.record_salary_button.click()
    assert dialog.salary_tab.salary_error.isHidden()
    assert dialog.salary_tab.salary_model.rowCount() == 1
    assert dialog.salary_tab.salary_model.index(0, 3).data() == "3,00"
    assert (
        dialog.salary_tab.salary_model.index(0, 5).data()
        == "Chuyên viên – bậc 2 – 2,67 (01/03/2024)"
    )
    assert "bậc 3" in dialog.salary_tab.salary_current.text()
    dialog.salary_tab.salary_on.line.setText("01/01/2020")  # before the current step
    dialog.salary_tab.record_salary_button.click()
    assert "không được trước" in dialog.salary_tab.salary_error.text()

    _pick(dialog.training_tab.training_category, "Lý luận chính trị")
    assert dialog.training_tab.training_level.findText("Cao cấp") >= 0  # levels follow the category
    _pick(dialog.training_tab.training_level, "Trung cấp")
    dialog.training_tab.training_institution.setText("Trường Chính trị tỉnh")
    dialog.training_tab.add_training_button.click()
    assert dialog.training_tab.training_model.index(0, 1).data() == "Trung cấp"

    _pick(dialog.posts_tab.post_title, "Bí thư Chi bộ")
    dialog.posts_tab.post_start.line.setText("01/01/2021")
    dialog.posts_tab.add_post_button.click()
    dialog.posts_tab.posts_table.selectRow(0)
    dialog.posts_tab.post_end.line.setText("30/06/2025")
    dialog.posts_tab.end_post_button.click()
    assert dialog.posts_tab.posts_model.index(0, 5).data() == "30/06/2025"
    with db.reader() as session:
        event = session.scalars(select(CadreEvent)).one()
        assert (event.kind, event.on_date, event.decision_no) == (
            "salary_step",
            date(2026, 3, 1),
            "21-QĐ/UBND",
        )
        training = session.scalars(select(CadreTraining)).one()
        assert (training.category, training.level_code) == ("theory", "trung_cap")
        post = session.scalars(select(CadrePost)).one()
        assert post.end_on == date(2025, 6, 30)


def test_linking_a_member_fills_the_new_record(qtbot, db, page, org_ids):
    member = create_member(
        db,
        MemberInput(
            full_name="Nguyễn Thị Đào",
            sex="nữ",
            birth_date=date(1990, 5, 17),
            organization_id=org_ids["DR.02"],
            cccd=make_cccd("068", "nữ", 1990, 1),
            decision_date=date(2015, 3, 2),
            ceremony_date=date(2015, 3, 20),
            official_date=date(2016, 3, 20),
        ),
        today=TODAY,
    )
    dialog = _dialog(qtbot, page, None)
    dialog.info_tab.member_link.line.setText("nguyen thi dao")
    dialog.info_tab.member_link.search_now()
    assert dialog.info_tab.member_link.result_count() == 1
    dialog.info_tab.member_link.choose_result(0)
    assert dialog.info_tab.full_name.text() == "Nguyễn Thị Đào"
    assert dialog.info_tab.sex.currentData() == "nữ"
    assert dialog.info_tab.birth_date.text() == "17/05/1990"
    dialog.info_tab.save_info_button.click()
    with db.reader() as session:
        cadre = session.get(Cadre, dialog.cadre_id)
        assert cadre is not None
        assert (cadre.member_id, cadre.cccd) == (member.id, member.cccd)
