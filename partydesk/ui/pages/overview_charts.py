"""The overview's «Biểu đồ» tab: age bands, admissions per month, sex and ethnicity.

Plain figures from `services.overview_charts` drawn by `ui.widgets.charts`; a click on a
bar asks (through `list_requested`) for the register filter behind it, with a caption
saying what it lists. The panel loads nothing itself: the overview page feeds it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from partydesk.services.member_queries import AgeBand
from partydesk.services.overview_charts import OTHER_KEY, ChartBar, ChartKind, OverviewCharts
from partydesk.ui.code_labels import count_text, sex_label
from partydesk.ui.widgets.charts import (
    OTHER_COLOUR,
    Bar,
    BarChart,
    MonthlyChart,
    ProportionBar,
    percent_text,
)

#: Short labels under the age bars (the tooltip and the caption say them in full).
_AGE_SHORT = {
    AgeBand.UP_TO_30: "≤ 30",
    AgeBand.FROM_31_TO_40: "31–40",
    AgeBand.FROM_41_TO_50: "41–50",
    AgeBand.FROM_51_TO_60: "51–60",
    AgeBand.OVER_60: "> 60",
}


class ChartsPanel(QWidget):
    """Four charts over the counted members of a scope; clicks ask for their lists.

    `list_requested(MemberFilter, caption)` carries the register filter of the clicked bar.
    """

    list_requested = Signal(object, str)

    def __init__(self, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.data: OverviewCharts | None = None
        layout = QVBoxLayout(self)
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        layout.addWidget(self.scope_label)
        self.admissions_chart = MonthlyChart(self.tr("Kết nạp đảng viên trong năm, theo tháng"))
        self.admissions_chart.set_axis_caption(self.tr("Tháng (theo ngày lễ kết nạp)"))
        layout.addWidget(self.admissions_chart, 3)
        self.admissions_label = QLabel()
        self.admissions_label.setWordWrap(True)
        layout.addWidget(self.admissions_label)
        grid = QGridLayout()
        self.age_chart = BarChart(self.tr("Đảng viên theo độ tuổi"))
        self.sex_chart = ProportionBar(self.tr("Theo giới tính"))
        self.ethnicity_chart = ProportionBar(self.tr("Theo dân tộc"))
        grid.addWidget(self.age_chart, 0, 0, 2, 1)
        grid.addWidget(self.sex_chart, 0, 1)
        grid.addWidget(self.ethnicity_chart, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        layout.addLayout(grid, 4)
        self.hint_label = QLabel(
            self.tr(
                "Bấm vào một cột để mở danh sách đảng viên tương ứng (hoặc chọn bằng phím mũi"
                " tên rồi Enter)."
            )
        )
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        self._kinds: dict[ChartKind, BarChart | ProportionBar] = {
            ChartKind.ADMISSIONS: self.admissions_chart,
            ChartKind.AGE: self.age_chart,
            ChartKind.SEX: self.sex_chart,
            ChartKind.ETHNICITY: self.ethnicity_chart,
        }
        for kind, chart in self._kinds.items():
            chart.bar_clicked.connect(lambda key, k=kind: self._clicked(k, key))

    def chart(self, kind: ChartKind) -> BarChart | ProportionBar:
        """The widget that draws one chart."""
        return self._kinds[ChartKind(kind)]

    def set_loading(self, text: str) -> None:
        """Say the figures are being read, or why they could not be."""
        self.scope_label.setText(text)

    def set_data(self, data: OverviewCharts) -> None:
        """Draw the figures."""
        self.data = data
        scope = (
            self.tr("{org} và các tổ chức trực thuộc").replace("{org}", data.scope_name)
            if data.organization_id is not None
            else self.tr("toàn đơn vị")
        )
        self.scope_label.setText(
            self.tr("Đảng viên đang sinh hoạt ngày {date}: {n} ({scope}).")
            .replace("{date}", data.today.strftime("%d/%m/%Y"))
            .replace("{n}", count_text(data.members))
            .replace("{scope}", scope)
        )
        self.age_chart.set_bars(
            [
                Bar(bar.key, _AGE_SHORT[AgeBand(bar.key)], bar.count, self._member_tip(bar))
                for bar in data.by_age
            ]
        )
        self.sex_chart.set_bars(
            [Bar(bar.key, sex_label(bar.key), bar.count) for bar in data.by_sex]
        )
        self.ethnicity_chart.set_bars(
            [
                Bar(
                    bar.key,
                    self._label(ChartKind.ETHNICITY, bar),
                    bar.count,
                    colour=OTHER_COLOUR if bar.key == OTHER_KEY else None,
                )
                for bar in data.by_ethnicity
            ]
        )
        self._set_admissions(data)

    def _set_admissions(self, data: OverviewCharts) -> None:
        year = data.admissions
        self.admissions_chart.set_bars(
            [
                Bar(
                    str(month.month),
                    str(month.month),
                    month.count,
                    self.tr("Tháng {m}/{y}: kết nạp {n}, lũy kế {c}")
                    .replace("{m}", str(month.month))
                    .replace("{y}", str(year.year))
                    .replace("{n}", count_text(month.count))
                    .replace("{c}", count_text(month.cumulative)),
                )
                for month in year.months
            ]
        )
        # The running total stops at this month: the months ahead have not happened.
        months_so_far = data.today.month if data.today.year == year.year else 12
        self.admissions_chart.set_line(
            [month.cumulative for month in year.months[:months_so_far]],
            self.tr("Lũy kế"),
            self.tr("Trong tháng"),
        )
        self.admissions_chart.set_target(
            year.target,
            self.tr("Chỉ tiêu năm {y}: {n}")
            .replace("{y}", str(year.year))
            .replace("{n}", count_text(year.target)),
        )
        if year.target > 0:
            percent = year.percent_of_target or 0.0
            text = (
                self.tr("Năm {y}: đã kết nạp {n}, đạt {p} chỉ tiêu ({t}).")
                .replace("{p}", percent_text(percent))
                .replace("{t}", count_text(year.target))
            )
        else:
            text = self.tr(
                "Năm {y}: đã kết nạp {n}. Chưa đặt chỉ tiêu kết nạp của năm: đặt ở"
                " Công cụ → Bảng quy định (chỉ tiêu kết nạp đảng viên của năm)."
            )
        self.admissions_label.setText(
            text.replace("{y}", str(year.year)).replace("{n}", count_text(year.total))
        )

    def _member_tip(self, bar: ChartBar) -> str:
        share = 100.0 * bar.count / self.data.members if self.data and self.data.members else 0.0
        return (
            self.tr("{label}: {n} đảng viên ({p})")
            .replace("{label}", self._label(ChartKind.AGE, bar))
            .replace("{n}", count_text(bar.count))
            .replace("{p}", percent_text(share))
        )

    def _label(self, kind: ChartKind, bar: ChartBar) -> str:
        """A bar's full label in the GUI's language."""
        if kind is ChartKind.AGE:
            return {
                AgeBand.UP_TO_30: self.tr("Từ 30 tuổi trở xuống"),
                AgeBand.FROM_31_TO_40: self.tr("Từ 31 đến 40 tuổi"),
                AgeBand.FROM_41_TO_50: self.tr("Từ 41 đến 50 tuổi"),
                AgeBand.FROM_51_TO_60: self.tr("Từ 51 đến 60 tuổi"),
                AgeBand.OVER_60: self.tr("Trên 60 tuổi"),
            }[AgeBand(bar.key)]
        if kind is ChartKind.SEX:
            return sex_label(bar.key)
        if kind is ChartKind.ETHNICITY and bar.key == OTHER_KEY:
            return self.tr("Khác")
        if kind is ChartKind.ETHNICITY and self.language == "en" and bar.label_en:
            return bar.label_en
        return bar.label

    def caption(self, kind: ChartKind, key: str) -> str:
        """What the list behind a bar is, in words (shown above the register's table)."""
        kind = ChartKind(kind)
        if self.data is None:
            return ""
        if kind is ChartKind.ADMISSIONS:
            return (
                self.tr("Kết nạp trong tháng {m}/{y} (ngày lễ kết nạp)")
                .replace("{m}", key)
                .replace("{y}", str(self.data.admissions.year))
            )
        bar = next(bar for bar in self.data.bars(kind) if bar.key == key)
        if kind is ChartKind.ETHNICITY and key == OTHER_KEY:
            return self.tr("Dân tộc khác (ngoài các dân tộc có cột riêng trên biểu đồ)")
        return self._label(kind, bar)

    def _clicked(self, kind: ChartKind, key: str) -> None:
        if self.data is None:
            return
        self.list_requested.emit(self.data.member_filter(kind, key), self.caption(kind, key))
