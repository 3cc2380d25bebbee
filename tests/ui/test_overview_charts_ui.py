"""The overview's charts: the painted widgets, the «Biểu đồ» tab, and a click to the list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from partydesk.codes import COUNTED_STATUSES
from partydesk.services.member_queries import AgeBand, MemberFilter, count_members
from partydesk.services.overview_charts import OTHER_KEY, ChartKind, overview_charts
from partydesk.services.rule_admin import set_rule_value
from partydesk.ui.pages.members import MembersPage
from partydesk.ui.pages.overview import OverviewPage
from partydesk.ui.widgets.charts import Bar, BarChart, MonthlyChart, ProportionBar
from tests.conftest import TODAY

COUNTED = tuple(status.value for status in COUNTED_STATUSES)


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch):
    """Closing a window at teardown must never wait on a question."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)


def _shown(qtbot, widget, width=600, height=400):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_bar_chart_clicks_keys_tooltips_and_accessible_text(qtbot):
    chart = _shown(qtbot, BarChart("Đảng viên theo độ tuổi"))
    chart.set_bars([Bar("a", "≤ 30", 12), Bar("b", "31–40", 0), Bar("c", "> 60", 1234)])
    assert chart.accessibleName() == "Đảng viên theo độ tuổi"
    assert chart.accessibleDescription() == "≤ 30: 12; 31–40: 0; > 60: 1.234"
    clicked: list[str] = []
    chart.bar_clicked.connect(clicked.append)
    # Every bar can be hit, even the empty one; the rectangles do not overlap.
    rects = [chart.bar_rect(key) for key in "abc"]
    assert all(rect.width() > 20 and rect.height() > 20 for rect in rects)
    assert not rects[0].intersects(rects[1])
    for key, rect in zip("abc", rects, strict=True):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())
        assert clicked[-1] == key
    assert chart.bar_rect("missing").isEmpty()
    # Outside every bar (the title line): nothing.
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))
    assert len(clicked) == 3
    # Keyboard: arrows move, Enter opens.
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current_key() == "b"
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert clicked[-1] == "b"
    qtbot.keyClick(chart, Qt.Key.Key_End)
    qtbot.keyClick(chart, Qt.Key.Key_Space)
    assert clicked[-1] == "c"
    assert chart._tooltip(2) == "> 60: 1.234"
    assert not chart.grab().isNull()


def test_proportion_bar_segments_legend_and_shares(qtbot):
    chart = _shown(qtbot, ProportionBar("Theo giới tính"), 400, 200)
    chart.set_bars([Bar("nam", "Nam", 3), Bar("nữ", "Nữ", 1)])
    assert chart.share_text(3) == "75,0 %"
    assert chart._tooltip(1) == "Nữ: 1 (25,0 %)"
    segment = chart.bar_rect("nam")
    assert segment.width() > 2 * chart.bar_rect("nữ").width()
    clicked: list[str] = []
    chart.bar_clicked.connect(clicked.append)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=segment.center())
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.legend_rect("nữ").center())
    assert clicked == ["nam", "nữ"]
    # The legend rows fit: the widget asks for room for every row.
    assert chart.minimumSizeHint().height() >= chart.legend_rect("nữ").bottom()


def test_monthly_chart_line_and_target(qtbot):
    chart = _shown(qtbot, MonthlyChart("Kết nạp"))
    chart.set_bars([Bar(str(m), str(m), m % 3) for m in range(1, 13)])
    chart.set_line([1, 3, 3], "Lũy kế")
    chart.set_target(20, "Chỉ tiêu năm 2026: 20")
    assert chart.line_values() == [1, 3, 3]
    assert chart.target() == 20
    # Twelve slots side by side, left to right.
    lefts = [chart.bar_rect(str(m)).left() for m in range(1, 13)]
    assert lefts == sorted(lefts)
    assert len(set(lefts)) == 12
    image = chart.grab().toImage()
    assert not image.isNull()


def test_overview_charts_load_when_shown_and_match_the_service(qtbot, demo_ctx):
    page = OverviewPage(demo_ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    assert page.charts.data is None  # nothing read while hidden
    page.resize(1000, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.charts.data is None  # the to-do tab is in front
    page.show_charts()
    data = page.charts.data
    assert data is not None
    expected = overview_charts(demo_ctx.db, today=TODAY)
    assert data == expected
    charts = page.charts
    assert charts.age_chart.accessibleName() == "Đảng viên theo độ tuổi"
    assert [bar.value for bar in charts.age_chart.bars()] == [b.count for b in expected.by_age]
    assert charts.age_chart.bars()[0].label == "≤ 30"
    assert [bar.value for bar in charts.sex_chart.bars()] == [b.count for b in expected.by_sex]
    assert [bar.label for bar in charts.ethnicity_chart.bars()][-1] == "Khác"
    assert charts.admissions_chart.line_values() == [
        m.cumulative for m in expected.admissions.months[: TODAY.month]
    ]
    assert charts.admissions_chart.target() == 0
    # No target yet: the clerk is told where to set it.
    assert "Bảng quy định" in charts.admissions_label.text()
    assert "23/11/2026" in charts.scope_label.text()
    assert "toàn đơn vị" in charts.scope_label.text()
    # The tab is remembered.
    assert demo_ctx.settings.value("overview/tab") == "charts"


def test_target_line_and_refresh_after_a_change(qtbot, demo_ctx):
    page = OverviewPage(demo_ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    page.show_charts()
    assert page.charts.admissions_chart.target() == 0
    set_rule_value(demo_ctx.db, "report.admission_target", date(2026, 1, 1), 25, "Chỉ tiêu 2026")
    demo_ctx.bus.announce("rules")
    assert page.charts.admissions_chart.target() == 25
    total = page.charts.data.admissions.total
    percent = f"{100 * total / 25:.1f}".replace(".", ",")
    assert f"đạt {percent} % chỉ tiêu (25)" in page.charts.admissions_label.text()


def test_scope_follows_the_organization(qtbot, demo_ctx):
    page = OverviewPage(demo_ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    page.show_charts()
    whole = page.charts.data.members
    branch = _a_grassroots_committee(demo_ctx)
    page.set_organization(branch)
    data = page.charts.data
    assert data.organization_id == branch
    assert data == overview_charts(demo_ctx.db, branch, TODAY)
    assert 0 < data.members < whole
    assert data.scope_name in page.charts.scope_label.text()
    page.set_organization(None)
    assert page.charts.data.members == whole


def _a_grassroots_committee(ctx) -> int:
    from sqlalchemy import select

    from partydesk.db.models import Organization

    with ctx.db.reader() as session:
        return session.scalar(
            select(Organization.id).where(Organization.name == "Đảng bộ Công an xã")
        )


@pytest.fixture
def window(qtbot, demo_ctx, tmp_path: Path):
    from partydesk.ui.main_window import MainWindow

    main = MainWindow(demo_ctx, tmp_path / "backups")
    qtbot.addWidget(main)
    main.overview.today = TODAY
    main.members.today = TODAY
    main.show()
    qtbot.waitExposed(main)
    main.overview.show_charts()
    return main


def _click(qtbot, chart, rect) -> None:
    assert not rect.isEmpty()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_an_age_bar_opens_the_register_filtered(qtbot, window, demo_ctx):
    data = window.overview.charts.data
    bar = next(b for b in data.by_age if b.key == AgeBand.OVER_60.value)
    chart = window.overview.charts.age_chart
    _click(qtbot, chart, chart.bar_rect(bar.key))
    members = window.members
    assert window.current_page() == "members"
    assert members.age_filter.currentData() == AgeBand.OVER_60.value
    assert tuple(members.status_filter.currentData()) == COUNTED
    assert members.model.rowCount() == bar.count > 0
    assert members.current_filter() == MemberFilter(
        statuses=COUNTED, age_band=AgeBand.OVER_60, today=TODAY
    )
    # Everything the bar needs shows in the filter bar: no extra condition to clear.
    assert members.extra_clear.isHidden()
    assert "Trên 60 tuổi" in members.extra_label.text()


def test_clicking_sex_and_ethnicity_opens_their_lists(qtbot, window):
    charts = window.overview.charts
    women = next(b for b in charts.data.by_sex if b.key == "nữ")
    _click(qtbot, charts.sex_chart, charts.sex_chart.bar_rect("nữ"))
    assert window.members.sex_filter.currentData() == "nữ"
    assert window.members.model.rowCount() == women.count
    window.show_page("overview")
    # «Khác»: every group without a bar of its own; the register keeps it as an extra.
    other = charts.data.by_ethnicity[-1]
    assert other.key == OTHER_KEY
    _click(qtbot, charts.ethnicity_chart, charts.ethnicity_chart.legend_rect(OTHER_KEY))
    members = window.members
    assert members.sex_filter.currentData() is None  # the previous list's filter is gone
    assert members.model.rowCount() == other.count > 0
    assert members.extra_clear.isVisible()
    assert "Dân tộc khác" in members.extra_label.text()
    members.extra_clear.click()
    assert members.extra_label.isHidden()
    assert members.model.rowCount() == charts.data.members
    window.show_page("overview")
    kinh = charts.data.by_ethnicity[0]
    _click(qtbot, charts.ethnicity_chart, charts.ethnicity_chart.bar_rect(kinh.key))
    assert members.ethnicity_filter.currentData() == kinh.key
    assert members.model.rowCount() == kinh.count


def test_clicking_a_month_lists_its_admissions_whatever_the_status(qtbot, window, demo_ctx):
    charts = window.overview.charts
    month = next(m for m in charts.data.admissions.months if m.count)
    chart = charts.admissions_chart
    _click(qtbot, chart, chart.bar_rect(str(month.month)))
    members = window.members
    assert window.current_page() == "members"
    assert members.status_filter.currentData() is None  # «Mọi trạng thái»
    assert members.model.rowCount() == month.count
    assert f"{month.month}/2026" in members.extra_label.text()
    assert members.extra_clear.isVisible()
    expected = charts.data.member_filter(ChartKind.ADMISSIONS, str(month.month))
    assert count_members(demo_ctx.db, expected) == month.count


def test_the_charts_follow_the_tree(qtbot, window):
    branch = _a_grassroots_committee(window.ctx)
    window.show_page("organizations")
    window.tree.organization_selected.emit(branch)
    window.show_page("overview")
    data = window.overview.charts.data
    assert data.organization_id == branch
    chart = window.overview.charts.age_chart
    bar = data.by_age[0]
    _click(qtbot, chart, chart.bar_rect(bar.key))
    assert window.members.organization_id() == branch
    assert window.members.model.rowCount() == bar.count


def test_an_ethnicity_asked_for_before_the_choices_arrive(qtbot, demo_ctx):
    page = MembersPage(demo_ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    page.show_list(MemberFilter(statuses=COUNTED, ethnicity_code="16", today=TODAY), "Cơ-ho")
    assert page.ethnicity_filter.currentData() is None  # the box is still empty
    assert page.current_filter().ethnicity_code == "16"
    page.show()
    qtbot.waitExposed(page)
    assert page.ethnicity_filter.currentData() == "16"
    expected = count_members(
        demo_ctx.db, MemberFilter(statuses=COUNTED, ethnicity_code="16", today=TODAY)
    )
    assert page.model.rowCount() == expected > 0
