"""The organization tree panel, its lazy model, the organization page and its dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from partydesk.db.models import CommitteeMember, Member, Membership, Organization
from partydesk.db.models import OrganizationParent as Parent
from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.organizations import (
    OrganizationInput,
    create_organization,
    members_on,
    organization_on,
)
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs import organization_dialogs
from partydesk.ui.models.org_tree import ORG_ID_ROLE, OrgTreeModel
from partydesk.ui.pages.org_tree_panel import OrgTreePanel
from partydesk.ui.pages.organizations import OrganizationsPage
from tests.conftest import TODAY
from tests.helpers import snapshot


class CountingRunner:
    """The inline runner, counting the tasks it ran (one per database trip)."""

    def __init__(self) -> None:
        self.tasks = 0

    def run(self, work, on_done, on_error):
        self.tasks += 1
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)


def _member(db, org_id: int, serial: int) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=f"Vũ Văn Số{serial}",
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


def _find(model: OrgTreeModel, org_id: int) -> QModelIndex:
    index = model.index_of(org_id)
    assert index.isValid(), f"organization {org_id} not loaded"
    return index


@pytest.fixture
def panel(qtbot, ui_ctx) -> OrgTreePanel:
    widget = OrgTreePanel(ui_ctx)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def page(qtbot, ui_ctx) -> OrganizationsPage:
    widget = OrganizationsPage(ui_ctx)
    qtbot.addWidget(widget)
    return widget


# --- the model ---------------------------------------------------------------------------


def test_tree_model_passes_the_model_tester(qtmodeltester, demo_ctx):
    model = OrgTreeModel(demo_ctx)
    qtmodeltester.check(model)  # fetches the top level itself through fetchMore
    assert model.rowCount() == 1
    top = model.index(0, 0)
    model.fetchMore(top)  # the tester keeps watching the inserts
    assert model.rowCount(top) > 10
    model.fetchMore(model.index(0, 0, top))
    model.set_include_dissolved(True)  # a refresh: a reset keeping the loaded levels
    assert model.rowCount(model.index(0, 0)) > 10


def test_tree_model_passes_the_python_model_tester(qtmodeltester, demo_ctx):
    model = OrgTreeModel(demo_ctx)
    model.refresh()
    model.fetchMore(model.index(0, 0))
    qtmodeltester.check(model, force_py=True)


def test_children_are_fetched_only_when_a_node_expands(qtbot, db, ui_settings, org_ids):
    runner = CountingRunner()
    ctx = UiContext(db=db, runner=runner, settings=ui_settings)
    model = OrgTreeModel(ctx)
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    model.refresh()
    assert runner.tasks == 1
    root = _find(model, org_ids["DR"])
    assert model.hasChildren(root)  # the arrow is drawn…
    assert model.rowCount(root) == 0  # …but nothing under it has been read
    assert not model.is_loaded(org_ids["DR"])
    assert model.index_of(org_ids["DR.01"]) == QModelIndex()
    model.fetchMore(root)
    assert runner.tasks == 2
    assert model.rowCount(root) == 2
    school = _find(model, org_ids["DR.01"])
    assert model.rowCount(school) == 0
    assert model.canFetchMore(school)
    assert not model.canFetchMore(_find(model, org_ids["DR.02"]))  # a leaf: nothing to fetch
    assert not model.canFetchMore(root)  # loaded once, not again
    model.fetchMore(root)
    assert runner.tasks == 2


def test_the_view_fetches_on_expand(qtbot, panel, org_ids):
    panel.show()
    qtbot.waitExposed(panel)
    tree, model = panel.tree, panel.model
    school = _find(model, org_ids["DR.01"])  # top level is opened on first load
    assert model.rowCount(school) == 0
    tree.expand(school)
    qtbot.waitUntil(lambda: model.rowCount(school) == 2)
    names = {model.index(r, 0, school).data() for r in range(2)}
    assert names == {"Chi bộ Giáo viên (0)", "Chi bộ Hành chính (0)"}


def test_nodes_show_subtree_counts_and_the_kind_as_tooltip(qtbot, db, ui_ctx, org_ids):
    _member(db, org_ids["DR.02"], 1)
    _member(db, org_ids["DR.01.01"], 2)
    _member(db, org_ids["DR.01.02"], 3)
    model = OrgTreeModel(ui_ctx)
    model.refresh()
    model.fetchMore(_find(model, org_ids["DR"]))
    assert _find(model, org_ids["DR"]).data() == "Đảng ủy xã Đam Rông (3)"
    branch = _find(model, org_ids["DR.02"])
    assert branch.data() == "Chi bộ thôn 1 (1)"
    assert _find(model, org_ids["DR.01"]).data() == "Đảng bộ Trường THPT Đam Rông (2)"
    tooltip = branch.data(Qt.ItemDataRole.ToolTipRole)
    assert "Chi bộ cơ sở" in tooltip
    assert "DR.02" in tooltip
    assert branch.data(ORG_ID_ROLE) == org_ids["DR.02"]


# --- the panel ---------------------------------------------------------------------------


def test_search_without_diacritics_expands_and_selects(qtbot, db, panel, org_ids):
    village = create_organization(
        db,
        OrganizationInput(name="Chi bộ thôn Đạ Nhim", kind="chi_bo", parent_id=org_ids["DR.01"]),
    )
    panel.refresh()
    assert not panel.model.is_loaded(org_ids["DR.01"])
    with qtbot.waitSignal(panel.organization_selected) as selected:
        panel.search.setText("chi bo thon da nhim")
        panel.search_now()
    assert selected.args == [village.id]
    assert panel.selected_id() == village.id
    assert panel.tree.isExpanded(_find(panel.model, org_ids["DR.01"]))
    assert panel.match_label.text() == "1/1"


def test_search_steps_through_matches_with_enter(qtbot, panel, org_ids):
    panel.search.setText("chi bo")
    panel.search_now()
    assert panel.match_count() == 3
    assert panel.selected_id() == org_ids["DR.01.01"]
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.selected_id() == org_ids["DR.01.02"]
    assert panel.match_label.text() == "2/3"
    panel.search.setText("khong co to chuc nay")
    panel.search_now()
    assert panel.match_count() == 0
    assert panel.match_label.text() == "không thấy"


def test_all_button_emits_none(qtbot, panel, org_ids):
    panel.tree.setCurrentIndex(_find(panel.model, org_ids["DR.02"]))
    with qtbot.waitSignal(panel.organization_selected) as selected:
        panel.all_button.click()
    assert selected.args == [None]
    assert panel.selected_id() is None


def test_refresh_keeps_expansion_and_selection(qtbot, ui_ctx, panel, org_ids):
    panel.select_organization(
        org_ids["DR.01.02"], (org_ids["DR"], org_ids["DR.01"], org_ids["DR.01.02"])
    )
    assert panel.selected_id() == org_ids["DR.01.02"]
    with qtbot.assertNotEmitted(panel.organization_selected):
        ui_ctx.bus.announce("member")
    assert panel.tree.isExpanded(_find(panel.model, org_ids["DR.01"]))
    assert panel.selected_id() == org_ids["DR.01.02"]


def test_dissolved_organizations_show_only_when_asked(qtbot, panel, ui_ctx, org_ids):
    from partydesk.services.organizations import (
        dissolve_organization,
    )

    dissolve_organization(ui_ctx.db, org_ids["DR.02"], date(2025, 7, 1))
    panel.refresh()
    assert panel.model.index_of(org_ids["DR.02"]) == QModelIndex()
    panel.show_dissolved.setChecked(True)
    node = _find(panel.model, org_ids["DR.02"])
    assert node.data().endswith("— đã giải thể")
    menu = panel.build_menu(org_ids["DR.02"])
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled["Giải thể…"] is False
    assert enabled["Làm mới"] is True


# --- dialogs through the actions ---------------------------------------------------------


def test_reparent_through_the_dialog_keeps_dated_history(qtbot, db, panel, org_ids):
    target = create_organization(
        db,
        OrganizationInput(
            name="Đảng bộ Khối cơ quan", kind="dang_bo_co_so", parent_id=org_ids["DR"]
        ),
    )
    panel.select_organization(
        org_ids["DR.01.02"], (org_ids["DR"], org_ids["DR.01"], org_ids["DR.01.02"])
    )
    menu = panel.build_menu(org_ids["DR.01.02"])
    next(a for a in menu.actions() if a.text() == "Chuyển trực thuộc…").trigger()
    dialog = panel.org_actions.dialog
    assert isinstance(dialog, organization_dialogs.ReparentDialog)
    dialog.picker.filter.setText("khoi co quan")
    assert dialog.picker.visible_count() == 1
    assert dialog.picker.current().id == target.id
    dialog.effective_on.line.setText("01/07/2025")
    with qtbot.waitSignal(dialog.ctx.bus.changed) as heard:
        dialog.ok_button().click()
    assert heard.args == [frozenset({"organization", "member"})]
    assert not dialog.isVisible()
    assert organization_on(db, org_ids["DR.01.02"], date(2025, 6, 30)) == org_ids["DR.01"]
    assert organization_on(db, org_ids["DR.01.02"], date(2025, 7, 1)) == target.id
    with db.reader() as session:
        periods = session.execute(
            select(Parent.parent_id, Parent.valid_from, Parent.valid_to, Parent.reason)
            .where(Parent.organization_id == org_ids["DR.01.02"])
            .order_by(Parent.valid_from)
        ).all()
    assert [tuple(p) for p in periods] == [
        (org_ids["DR.01"], date(1930, 2, 3), date(2025, 7, 1), ""),
        (target.id, date(2025, 7, 1), None, "reparent"),
    ]
    # The tree heard the bus and shows the branch under its new parent.
    assert _find(panel.model, org_ids["DR.01.02"]).parent() == _find(panel.model, target.id)


def test_reparent_offers_neither_itself_nor_its_subtree(qtbot, panel, org_ids):
    panel.org_actions.reparent(org_ids["DR.01"])
    dialog = panel.org_actions.dialog
    offered = {dialog.picker.model.row_at(r).code for r in range(dialog.picker.model.rowCount())}
    assert offered == {"DR.02"}  # not DR.01, its branches, nor DR (its parent already)


def test_bad_date_shows_a_message_and_writes_nothing(qtbot, db_path, panel, org_ids):
    before = snapshot(db_path)
    panel.org_actions.reparent(org_ids["DR.01.02"])
    dialog = panel.org_actions.dialog
    dialog.picker.select_id(org_ids["DR.02"])
    dialog.effective_on.line.setText("31/02/2025")
    dialog.ok_button().click()
    assert dialog.isVisible()
    assert "Không có ngày 31/02/2025" in dialog.error.text()
    dialog.effective_on.line.clear()
    dialog.ok_button().click()
    assert "Ngày hiệu lực" in dialog.error.text()
    assert snapshot(db_path) == before


def test_service_refusal_keeps_the_dialog_open(qtbot, db_path, panel, org_ids):
    # The dialog cannot know when the current placement began: the service refuses.
    panel.org_actions.reparent(org_ids["DR.01"])
    dialog = panel.org_actions.dialog
    before = snapshot(db_path)
    dialog.picker.select_id(org_ids["DR.02"])
    dialog.effective_on.line.setText("01/01/1920")
    dialog.ok_button().click()
    assert dialog.isVisible()
    assert "không được trước" in dialog.error.text()
    assert snapshot(db_path) == before


def test_merge_through_the_dialog_moves_members(qtbot, monkeypatch, db, panel, org_ids):
    members = [_member(db, org_ids["DR.01.02"], n) for n in (11, 12)]
    asked: list[str] = []

    def confirm(_parent, _title, text):
        asked.append(text)
        return True

    monkeypatch.setattr(organization_dialogs, "ask_confirmation", confirm)
    panel.org_actions.merge(org_ids["DR.01.02"])
    dialog = panel.org_actions.dialog
    assert isinstance(dialog, organization_dialogs.MergeDialog)
    assert "2 đảng viên" in dialog.intro.text()
    dialog.picker.filter.setText("giao vien")
    dialog.effective_on.line.setText("01/07/2025")
    dialog.decision.setText("5-QĐ/ĐU")
    dialog.ok_button().click()
    assert len(asked) == 1
    assert "2 đảng viên và quần chúng sẽ chuyển sinh hoạt sang «Chi bộ Giáo viên»" in asked[0]
    assert "01/07/2025" in asked[0]
    assert not dialog.isVisible()
    with db.reader() as session:
        source = session.get(Organization, org_ids["DR.01.02"])
        assert source is not None
        assert (source.dissolved_on, source.dissolution_decision, source.merged_into_id) == (
            date(2025, 7, 1),
            "5-QĐ/ĐU",
            org_ids["DR.01.01"],
        )
        placed = session.scalars(select(Member.organization_id).where(Member.id.in_(members)))
        assert set(placed) == {org_ids["DR.01.01"]}
        periods = session.execute(
            select(Membership.organization_id, Membership.valid_to, Membership.reason)
            .where(Membership.member_id == members[0])
            .order_by(Membership.valid_from)
        ).all()
    assert [tuple(p) for p in periods] == [
        (org_ids["DR.01.02"], date(2025, 7, 1), "entry"),
        (org_ids["DR.01.01"], None, "merge"),
    ]
    assert set(members) <= set(members_on(db, org_ids["DR.01.02"], date(2025, 6, 30)))
    assert panel.model.index_of(org_ids["DR.01.02"]) == QModelIndex()  # hidden now


def test_declined_merge_writes_nothing(qtbot, monkeypatch, db_path, panel, org_ids):
    monkeypatch.setattr(organization_dialogs, "ask_confirmation", lambda *_args: False)
    before = snapshot(db_path)
    panel.org_actions.merge(org_ids["DR.01.02"])
    dialog = panel.org_actions.dialog
    dialog.picker.select_id(org_ids["DR.01.01"])
    dialog.ok_button().click()
    assert dialog.isVisible()
    assert snapshot(db_path) == before


def test_dissolve_with_members_is_refused_with_a_message(
    qtbot, monkeypatch, db, db_path, panel, org_ids
):
    _member(db, org_ids["DR.02"], 13)
    monkeypatch.setattr(organization_dialogs, "ask_confirmation", lambda *_args: True)
    before = snapshot(db_path)
    panel.org_actions.dissolve(org_ids["DR.02"])
    dialog = panel.org_actions.dialog
    dialog.decision.setText("9-QĐ/ĐU")
    dialog.ok_button().click()
    assert dialog.isVisible()
    assert "còn đảng viên" in dialog.error.text()
    assert snapshot(db_path) == before


def test_dissolve_and_add_and_rename_through_dialogs(qtbot, monkeypatch, db, panel, org_ids):
    monkeypatch.setattr(organization_dialogs, "ask_confirmation", lambda *_args: True)
    panel.tree.expand(_find(panel.model, org_ids["DR.01"]))
    panel.model.fetchMore(_find(panel.model, org_ids["DR.01"]))  # the view is not shown
    panel.org_actions.dissolve(org_ids["DR.01.02"])
    panel.org_actions.dialog.dissolved_on.line.setText("15/08/2025")
    panel.org_actions.dialog.ok_button().click()
    panel.org_actions.add_child(org_ids["DR.01"])
    dialog = panel.org_actions.dialog
    assert dialog.kind.currentData() == "chi_bo"  # under a đảng bộ cơ sở: a chi bộ
    dialog.name.setText("Chi bộ Tổ Toán")
    dialog.type_code.setCurrentIndex(dialog.type_code.findData("su_nghiep_cong_lap"))
    dialog.ok_button().click()
    created = dialog.result_value
    panel.org_actions.rename(created.id)
    panel.org_actions.dialog.name.setText("Chi bộ Tổ Toán - Tin")
    panel.org_actions.dialog.ok_button().click()
    with db.reader() as session:
        rows = session.execute(
            select(Organization.code, Organization.name, Organization.dissolved_on).where(
                Organization.parent_id == org_ids["DR.01"]
            )
        ).all()
    assert sorted(tuple(r) for r in rows) == [
        ("DR.01.01", "Chi bộ Giáo viên", None),
        ("DR.01.02", "Chi bộ Hành chính", date(2025, 8, 15)),
        ("DR.01.03", "Chi bộ Tổ Toán - Tin", None),
    ]
    assert _find(panel.model, created.id).data() == "Chi bộ Tổ Toán - Tin (0)"


# --- the organization page ---------------------------------------------------------------


def test_page_shows_detail_history_and_children(qtbot, db, page, org_ids):
    _member(db, org_ids["DR.01.01"], 14)
    page.show_organization(org_ids["DR.01"])
    assert page.title.text() == "Đảng bộ Trường THPT Đam Rông"
    assert page.name.text() == "Đảng bộ Trường THPT Đam Rông"
    assert page.count_labels["official"].text() == "1"
    assert "<b>1</b>" in page.total_label.text()
    assert page.children_model.rowCount() == 2
    assert page.history_model.rowCount() == 1
    assert page.history_model.index(0, 0).data() == "Đảng ủy xã Đam Rông"
    with qtbot.waitSignal(page.organization_requested) as requested:
        page.children_table.doubleClicked.emit(page.children_model.index(1, 0))
    assert requested.args == [org_ids["DR.01.02"]]
    assert page.title.text() == "Chi bộ Hành chính"
    page.show_organization(None)
    assert page.stack.currentWidget() is page.placeholder


def test_page_saves_edited_fields(qtbot, db, page, org_ids):
    page.show_organization(org_ids["DR.02"])
    assert not page.save_button.isEnabled()
    qtbot.keyClicks(page.address, "Thon 1, xa Dam Rong")
    assert page.is_dirty()
    page.founded_on.line.setText("02/09/1976")
    page.type_code.setCurrentIndex(page.type_code.findData("xa"))
    with qtbot.waitSignal(page.ctx.bus.changed):
        page.save_button.click()
    assert not page.is_dirty()
    with db.reader() as session:
        org = session.get(Organization, org_ids["DR.02"])
        assert org is not None
        assert (org.address, org.founded_on, org.type_code) == (
            "Thon 1, xa Dam Rong",
            date(1976, 9, 2),
            "xa",
        )


def test_page_refuses_bad_fields_and_writes_nothing(qtbot, db_path, page, org_ids):
    page.show_organization(org_ids["DR.02"])
    before = snapshot(db_path)
    page.founded_on.line.setText("30/02/2001")
    page.save()
    assert "Không có ngày" in page.form_error.text()
    page.founded_on.line.clear()
    page.name.clear()
    page.save()
    assert "Tên tổ chức" in page.form_error.text()
    assert snapshot(db_path) == before


def test_committee_add_and_end_through_the_page(qtbot, db, page, org_ids):
    member = _member(db, org_ids["DR.02"], 15)
    page.show_organization(org_ids["DR.02"])
    page.add_seat_button.click()
    dialog = page.org_actions.dialog
    assert isinstance(dialog, organization_dialogs.CommitteeSeatDialog)
    dialog.post.setCurrentIndex(dialog.post.findData("bi_thu"))
    dialog.member.line.setText("vu van so15")
    dialog.member.search_now()
    assert dialog.member.result_count() == 1
    dialog.member.choose_result(0)
    assert dialog.full_name.text() == "Vũ Văn Số15"
    dialog.term.setText("2025")
    dialog.ok_button().click()
    assert "Nhiệm kỳ «2025»" in dialog.error.text()
    dialog.term.setText("2025–2030")
    dialog.start_on.line.setText("15/08/2025")
    dialog.ok_button().click()
    assert not dialog.isVisible()
    assert page.committee_model.rowCount() == 1
    assert page.committee_model.index(0, 0).data() == "Vũ Văn Số15"
    assert page.committee_model.index(0, 2).data() == "2025–2030"
    page.committee_table.selectRow(0)
    assert page.end_seat_button.isEnabled()
    page.end_seat_button.click()
    end = page.org_actions.dialog
    end.end_on.line.setText("31/01/2026")
    end.ok_button().click()
    assert page.committee_model.rowCount() == 0  # past seats are hidden…
    page.show_past_seats.setChecked(True)
    assert page.committee_model.index(0, 4).data() == "31/01/2026"  # …until asked
    with db.reader() as session:
        seat = session.scalars(
            select(CommitteeMember).where(CommitteeMember.organization_id == org_ids["DR.02"])
        ).one()
        assert (seat.member_id, seat.post_code, seat.term, seat.end_on) == (
            member,
            "bi_thu",
            "2025-2030",
            date(2026, 1, 31),
        )


def test_tree_loads_through_the_worker_thread(qtbot, db, ui_settings, org_ids):
    from partydesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    try:
        ctx = UiContext(db=db, runner=runner, settings=ui_settings)
        model = OrgTreeModel(ctx)
        with qtbot.waitSignal(model.refreshed):
            model.refresh()
        root = _find(model, org_ids["DR"])
        model.fetchMore(root)
        assert not model.canFetchMore(root)  # asked once, answer pending
        qtbot.waitUntil(lambda: model.rowCount(root) == 2)
        model.fetchMore(_find(model, org_ids["DR.01"]))
        # A refresh started while a fetch is on its way loads that level too; the late
        # answer of the fetch is dropped rather than inserted twice.
        with qtbot.waitSignal(model.refreshed):
            model.refresh()
        qtbot.wait(50)
        assert model.rowCount(_find(model, org_ids["DR.01"])) == 2
    finally:
        runner.shutdown()


def test_select_organization_finds_the_path_itself(qtbot, panel, org_ids):
    assert panel.model.index_of(org_ids["DR.01.01"]) == QModelIndex()
    with qtbot.waitSignal(panel.organization_selected) as selected:
        panel.select_organization(org_ids["DR.01.01"])
    assert selected.args == [org_ids["DR.01.01"]]
    assert panel.tree.isExpanded(_find(panel.model, org_ids["DR.01"]))


def test_page_asks_before_dropping_unsaved_edits(qtbot, page, org_ids, monkeypatch):
    page.show_organization(org_ids["DR.02"])
    qtbot.keyClicks(page.address, "Thon 2")
    answers: list[bool] = [False]
    asked: list[bool] = []

    def answer() -> bool:
        asked.append(True)
        return answers.pop(0)

    monkeypatch.setattr(page, "confirm_discard", answer)
    page.show_organization(org_ids["DR.01"])  # the clerk says no: stay with the edits
    assert page.current_id() == org_ids["DR.02"]
    assert page.is_dirty()
    assert page.address.text() == "Thon 2"
    answers.append(True)
    page.show_organization(org_ids["DR.01"])  # yes: drop them
    assert page.current_id() == org_ids["DR.01"]
    assert not page.is_dirty()
    assert len(asked) == 2
    page.show_organization(org_ids["DR.02"])  # nothing unsaved: no question
    assert len(asked) == 2
    assert page.address.text() == ""
