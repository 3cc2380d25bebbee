"""Small charts drawn with QPainter: bars, a monthly chart with a running total, proportions.

No Qt Charts (the 60 MB Addons): three widgets on one base that knows bars by key, hit
tests them, shows a tooltip on hover, moves a focus mark with the arrow keys and emits
`bar_clicked(key)` on a click, Enter or Space. Every bar carries its figure as text next
to its colour (colour is never the only code), and the accessible description lists
every label with its figure. All geometry is in logical pixels from the widget's font,
so the charts scale with the font and the screen's device pixel ratio.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from partydesk.ui.code_labels import count_text

#: Okabe–Ito colours (readable with the common colour-vision deficiencies); grey = «Khác».
PALETTE = (
    QColor("#0072B2"),
    QColor("#E69F00"),
    QColor("#009E73"),
    QColor("#CC79A7"),
    QColor("#56B4E9"),
    QColor("#D55E00"),
    QColor("#F0E442"),
)
OTHER_COLOUR = QColor("#8C8C8C")
LINE_COLOUR = QColor("#B2182B")


@dataclass(frozen=True)
class Bar:
    """One bar or segment: a key for `bar_clicked`, the label drawn, the figure, a tooltip."""

    key: str
    label: str
    value: int
    tooltip: str = ""
    colour: QColor | None = None


def percent_text(share: float) -> str:
    """A share in percent with one decimal in the GUI's locale: "12,5 %" ("12.5 %")."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return locale.toString(share, "f", 1) + " %"


class ChartWidget(QWidget):
    """The common part: bars by key, hit tests, hover, keyboard focus, tooltips, signals.

    Subclasses lay out `self._bars` in `_hit_rects()` (one or more rectangles per bar, in
    widget coordinates) and paint; this class does the rest.
    """

    bar_clicked = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[Bar] = []
        self._hover = -1
        self._current = -1
        self._pressed = -1
        # A base class: its strings translate under its own context (tests/ui/test_i18n.py).
        self._empty_text = QCoreApplication.translate("ChartWidget", "Chưa có số liệu")
        self.setAccessibleName(title)
        # Drawn on the base colour (as tables are), whatever the container paints.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- data ------------------------------------------------------------------------------

    def title(self) -> str:
        """The chart's title (also its accessible name)."""
        return self._title

    def set_title(self, title: str) -> None:
        """Change the title drawn at the top."""
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Replace the bars; the accessible description lists them as text."""
        self._bars = list(bars)
        self._hover = -1
        if self._current >= len(self._bars):
            self._current = len(self._bars) - 1
        self.setAccessibleDescription(
            "; ".join(f"{bar.label}: {count_text(bar.value)}" for bar in self._bars)
        )
        self.updateGeometry()  # a proportion bar's legend grows with its rows
        self.update()

    def bars(self) -> list[Bar]:
        """The bars shown, in order."""
        return list(self._bars)

    def bar_rect(self, key: str) -> QRect:
        """Where the bar of `key` can be clicked (widget coordinates; empty if absent)."""
        for index, bar in enumerate(self._bars):
            if bar.key == key:
                rects = self._hit_rects()[index]
                return _inside(rects[0]) if rects else QRect()
        return QRect()

    def current_key(self) -> str | None:
        """The key of the bar the keyboard is on, if any."""
        return self._bars[self._current].key if 0 <= self._current < len(self._bars) else None

    def colour(self, index: int) -> QColor:
        """The bar's own colour, else the palette's (one colour: bars differ by height)."""
        bar = self._bars[index]
        return bar.colour if bar.colour is not None else PALETTE[0]

    # --- geometry for subclasses --------------------------------------------------------

    def _hit_rects(self) -> list[list[QRectF]]:
        raise NotImplementedError

    def _index_at(self, x: float, y: float) -> int:
        for index, rects in enumerate(self._hit_rects()):
            if any(rect.contains(QPointF(x, y)) for rect in rects):
                return index
        return -1

    def _title_height(self) -> int:
        return QFontMetrics(self._title_font()).height() + 6

    def _title_font(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    def _paint_frame(self, painter: QPainter) -> None:
        """Title at the top; the empty text when there is nothing to draw."""
        painter.setFont(self._title_font())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        title = QRectF(4, 0, self.width() - 8 - self._legend_width(), self._title_height())
        painter.drawText(
            title,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(self._title_font()).elidedText(
                self._title, Qt.TextElideMode.ElideRight, int(title.width())
            ),
        )
        painter.setFont(self.font())
        if not self._bars or not any(bar.value for bar in self._bars):
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(self.rect()).adjusted(0, self._title_height(), 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                self._empty_text,
            )

    def _legend_width(self) -> float:
        """Room a subclass keeps at the right of the title row (for a legend)."""
        return 0.0

    def _label_background(self) -> QColor:
        """The background colour, nearly opaque: text over lines stays readable."""
        background = self.palette().color(QPalette.ColorRole.Base)
        background.setAlpha(220)
        return background

    def _emphasis(self, index: int, colour: QColor) -> QColor:
        """The bar's colour, lighter under the mouse."""
        return colour.lighter(125) if index == self._hover else colour

    def _paint_focus(self, painter: QPainter) -> None:
        if not self.hasFocus() or not 0 <= self._current < len(self._bars):
            return
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self._hit_rects()[self._current]:
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))

    # --- events ------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Highlight the bar under the mouse; a hand cursor says it can be clicked."""
        index = self._index_at(event.position().x(), event.position().y())
        if index != self._hover:
            self._hover = index
            if index >= 0:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        """No bar is under the mouse any more."""
        if self._hover >= 0:
            self._hover = -1
            self.unsetCursor()
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Remember the bar pressed (a click is a press and a release on the same bar)."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self._index_at(event.position().x(), event.position().y())
            if self._pressed >= 0:
                self._current = self._pressed
                self.update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Emit `bar_clicked` when the release is on the pressed bar."""
        pressed, self._pressed = self._pressed, -1
        released = self._index_at(event.position().x(), event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and pressed >= 0 and released == pressed:
            self.bar_clicked.emit(self._bars[pressed].key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Arrows move between bars, Home/End to the ends, Enter or Space open the bar."""
        count = len(self._bars)
        key = event.key()
        moves: dict[int, int] = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
        }
        if count and key in moves:
            start = self._current if self._current >= 0 else (-1 if moves[key] > 0 else count)
            self._current = min(max(start + moves[key], 0), count - 1)
            self._announce()
        elif count and key == Qt.Key.Key_Home:
            self._current = 0
            self._announce()
        elif count and key == Qt.Key.Key_End:
            self._current = count - 1
            self._announce()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            current = self.current_key()
            if current is not None:
                self.bar_clicked.emit(current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _announce(self) -> None:
        """Show the keyboard's bar: focus mark, and its tooltip beside it."""
        self.update()
        rects = self._hit_rects()[self._current]
        if rects and self.isVisible():
            QToolTip.showText(
                self.mapToGlobal(rects[0].center().toPoint()), self._tooltip(self._current), self
            )

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Start on the first bar so the keys have something to move."""
        if self._current < 0 and self._bars:
            self._current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Hide the focus mark."""
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        """The tooltip of the bar under the mouse."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(event.pos().x(), event.pos().y())
            if index >= 0:
                QToolTip.showText(event.globalPos(), self._tooltip(index), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _tooltip(self, index: int) -> str:
        bar = self._bars[index]
        return bar.tooltip or f"{bar.label}: {count_text(bar.value)}"


class BarChart(ChartWidget):
    """Vertical bars with their figure on top and their label underneath."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._axis_caption = ""

    def set_axis_caption(self, caption: str) -> None:
        """A caption under the labels (e.g. "Tháng")."""
        self._axis_caption = caption
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Room for the title, a few bars and their labels."""
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("0000") * 6, metrics.height() * 9)

    def sizeHint(self) -> QSize:  # noqa: N802
        """A comfortable size on the default font."""
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("0000") * 12, metrics.height() * 14)

    def _plot_rect(self) -> QRectF:
        """Where bars stand: under the title and the value labels, over the bar labels."""
        line = self.fontMetrics().height()
        top = self._title_height() + line + 6
        bottom = self.height() - line - 8 - (line if self._axis_caption else 0)
        return QRectF(8, top, self.width() - 16 - self._right_margin(), max(bottom - top, 1))

    def _right_margin(self) -> float:
        return 0.0

    def _scale_max(self) -> int:
        return max((bar.value for bar in self._bars), default=0)

    def _slots(self) -> list[QRectF]:
        """One slot per bar across the plot's width."""
        plot = self._plot_rect()
        count = max(len(self._bars), 1)
        width = plot.width() / count
        return [
            QRectF(plot.left() + i * width, plot.top(), width, plot.height()) for i in range(count)
        ]

    def _bar_rects(self) -> list[QRectF]:
        plot = self._plot_rect()
        top = self._scale_max() or 1
        rects = []
        for slot, bar in zip(self._slots(), self._bars, strict=False):
            gap = min(slot.width() * 0.2, 24.0)
            height = plot.height() * bar.value / top
            rects.append(
                QRectF(slot.left() + gap / 2, plot.bottom() - height, slot.width() - gap, height)
            )
        return rects

    def _hit_rects(self) -> list[list[QRectF]]:
        # The whole slot (bar, figure and label) is clickable: a bar of 0 or 1 would be
        # too thin to hit otherwise.
        line = self.fontMetrics().height()
        return [
            [slot.adjusted(0, -line - 4, 0, line + 6)] for slot in self._slots()[: len(self._bars)]
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Title, axis line, bars, figures and labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_frame(painter)
        if self._bars:
            self._paint_underlay(painter)
            self._paint_bars(painter)
            self._paint_overlay(painter)
            self._paint_focus(painter)
        painter.end()

    def _paint_underlay(self, painter: QPainter) -> None:
        """Drawn under the bars (the monthly chart's target line)."""

    def _paint_bars(self, painter: QPainter) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        plot = self._plot_rect()
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        line = metrics.height()
        for index, (slot, rect, bar) in enumerate(
            zip(self._slots(), self._bar_rects(), self._bars, strict=False)
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._emphasis(index, self.colour(index)))
            painter.drawRect(rect)
            painter.setPen(text)
            if bar.value:
                figure = count_text(bar.value)
                width = metrics.horizontalAdvance(figure) + 4
                value = QRectF(slot.center().x() - width / 2, rect.top() - line - 2, width, line)
                # On the background colour: a line drawn under the bars may cross it.
                painter.fillRect(value, self._label_background())
                painter.drawText(value, Qt.AlignmentFlag.AlignCenter, figure)
            label = QRectF(slot.left(), plot.bottom() + 4, slot.width(), line)
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(slot.width())),
            )
        if self._axis_caption:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(plot.left(), plot.bottom() + 4 + line, plot.width(), line),
                Qt.AlignmentFlag.AlignCenter,
                self._axis_caption,
            )

    def _paint_overlay(self, painter: QPainter) -> None:
        """Drawn over the bars (the monthly chart's running total and target)."""


class MonthlyChart(BarChart):
    """Bars per month, with the running total and the target on the right-hand scale.

    `set_line(values)` gives the running total for the months so far (the line stops at
    the current month); `set_target(n)` draws the dashed target line (0: none).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._line: list[int] = []
        self._target = 0
        self._line_label = ""
        self._bars_label = ""
        self._target_label = ""

    def set_line(self, values: Sequence[int], label: str, bars_label: str = "") -> None:
        """The running total, one value per month so far, and the legend's two texts."""
        self._line = list(values)
        self._line_label = label
        self._bars_label = bars_label
        self.update()

    def _legend(self) -> list[tuple[str, str]]:
        """(kind, text) of the legend's entries: "bar" and "line"."""
        entries = []
        if self._bars_label:
            entries.append(("bar", self._bars_label))
        if self._line:
            entries.append(("line", f"{self._line_label} {count_text(self._line[-1])}"))
        return entries

    def _legend_width(self) -> float:
        metrics = self.fontMetrics()
        return float(sum(24 + metrics.horizontalAdvance(text) for _kind, text in self._legend()))

    def _paint_legend(self, painter: QPainter) -> None:
        """Right of the title: a swatch for the bars, a dotted line for the running total."""
        metrics = self.fontMetrics()
        middle = self._title_height() / 2
        x = self.width() - 4 - self._legend_width()
        for kind, text in self._legend():
            if kind == "bar":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.colour(0) if self._bars else PALETTE[0])
                painter.drawRect(QRectF(x + 4, middle - 5, 10, 10))
                painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            else:
                painter.setPen(QPen(LINE_COLOUR, 2))
                painter.drawLine(QPointF(x + 2, middle), QPointF(x + 16, middle))
                painter.setBrush(LINE_COLOUR)
                painter.drawEllipse(QPointF(x + 9, middle), 3, 3)
                painter.setPen(LINE_COLOUR)
            width = metrics.horizontalAdvance(text)
            painter.drawText(
                QRectF(x + 20, 0, width + 2, self._title_height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += 24 + width

    def set_target(self, target: int, label: str) -> None:
        """The year's target (0: none) and its legend text."""
        self._target = max(target, 0)
        self._target_label = label
        self.update()

    def line_values(self) -> list[int]:
        """The running total drawn."""
        return list(self._line)

    def target(self) -> int:
        """The target drawn (0: none)."""
        return self._target

    def _right_margin(self) -> float:
        return float(self.fontMetrics().horizontalAdvance(" 0.000 "))

    def _right_max(self) -> int:
        return max([self._target, *self._line, 1])

    def _right_y(self, value: int) -> float:
        plot = self._plot_rect()
        # 10 % headroom so the target line and its label never touch the title.
        return plot.bottom() - plot.height() * value / (self._right_max() * 1.1)

    def _paint_underlay(self, painter: QPainter) -> None:
        """The target as a dashed line behind the bars."""
        if self._target <= 0:
            return
        plot = self._plot_rect()
        pen = QPen(LINE_COLOUR, 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        y = self._right_y(self._target)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def _paint_overlay(self, painter: QPainter) -> None:
        plot = self._plot_rect()
        metrics = self.fontMetrics()
        line_height = metrics.height()
        # The right-hand scale: 0 and its top, in the line's colour.
        painter.setPen(LINE_COLOUR)
        axis_x = plot.right() + 4
        for value in (0, self._right_max()):
            y = self._right_y(value)
            painter.drawText(
                QRectF(axis_x, y - line_height / 2, self._right_margin() - 4, line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                count_text(value),
            )
        if self._target > 0:
            # Above the line at its right end, on the background colour: a tall bar
            # under it must not make it unreadable.
            y = self._right_y(self._target)
            width = metrics.horizontalAdvance(self._target_label) + 8
            label = QRectF(plot.right() - width, y - line_height - 2, width, line_height)
            painter.fillRect(label, self._label_background())
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, self._target_label)
        if self._line:
            slots = self._slots()
            path = QPainterPath()
            points = [
                QPointF(slots[i].center().x(), self._right_y(value))
                for i, value in enumerate(self._line[: len(slots)])
            ]
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(LINE_COLOUR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(LINE_COLOUR)
            for point in points:
                painter.drawEllipse(point, 3, 3)
        self._paint_legend(painter)


class ProportionBar(ChartWidget):
    """One bar split into segments by share, with a legend row per segment.

    The legend says what the colours mean, with the figure and the share in text; a
    click on a segment or on its legend row opens it. Segments take the palette's
    colours in turn.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def colour(self, index: int) -> QColor:
        """The segment's own colour, else the palette's in turn."""
        bar = self._bars[index]
        return bar.colour if bar.colour is not None else PALETTE[index % len(PALETTE)]

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """The title, the bar and the legend rows."""
        metrics = self.fontMetrics()
        rows = max(len(self._bars), 1)
        return QSize(
            metrics.horizontalAdvance("0000") * 8,
            self._title_height() + self._bar_height() + 8 + rows * (metrics.height() + 4),
        )

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as a bar chart, as tall as its rows need."""
        hint = self.minimumSizeHint()
        return QSize(hint.width() * 2, hint.height())

    def _bar_height(self) -> int:
        return int(self.fontMetrics().height() * 1.6)

    def _total(self) -> int:
        return sum(bar.value for bar in self._bars)

    def _segments(self) -> list[QRectF]:
        total = self._total() or 1
        top = self._title_height() + 2
        left = 8.0
        width = self.width() - 16.0
        rects = []
        for bar in self._bars:
            span = width * bar.value / total
            rects.append(QRectF(left, top, span, self._bar_height()))
            left += span
        return rects

    def _legend_rows(self) -> list[QRectF]:
        line = self.fontMetrics().height() + 4
        top = self._title_height() + 2 + self._bar_height() + 8
        return [QRectF(8, top + i * line, self.width() - 16, line) for i in range(len(self._bars))]

    def _hit_rects(self) -> list[list[QRectF]]:
        return [
            [segment, row]
            for segment, row in zip(self._segments(), self._legend_rows(), strict=False)
        ]

    def bar_rect(self, key: str) -> QRect:
        """The segment of `key` when it is wide enough to click, else its legend row."""
        for index, bar in enumerate(self._bars):
            if bar.key == key:
                segment, row = self._hit_rects()[index]
                return _inside(segment if segment.width() >= 6 else row)
        return QRect()

    def legend_rect(self, key: str) -> QRect:
        """The legend row of `key` (widget coordinates; empty if absent)."""
        for index, bar in enumerate(self._bars):
            if bar.key == key:
                return _inside(self._legend_rows()[index])
        return QRect()

    def share_text(self, value: int) -> str:
        """A share of the total as "12,5 %" (one decimal, the GUI's locale)."""
        total = self._total()
        return percent_text(100.0 * value / total if total else 0.0)

    def _tooltip(self, index: int) -> str:
        bar = self._bars[index]
        return bar.tooltip or (
            f"{bar.label}: {count_text(bar.value)} ({self.share_text(bar.value)})"
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Title, the split bar, then one legend row per segment."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_frame(painter)
        if self._bars and self._total():
            self._paint_segments(painter)
            self._paint_focus(painter)
        painter.end()

    def _paint_segments(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        base = self.palette().color(QPalette.ColorRole.Base)
        for index, (segment, row, bar) in enumerate(
            zip(self._segments(), self._legend_rows(), self._bars, strict=False)
        ):
            colour = self._emphasis(index, self.colour(index))
            painter.setPen(QPen(base, 1))  # a thin seam between neighbouring segments
            painter.setBrush(colour)
            painter.drawRect(segment)
            share = self.share_text(bar.value)
            if metrics.horizontalAdvance(share) + 8 < segment.width():
                painter.setPen(_readable_on(colour))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, share)
            swatch = QRectF(row.left(), row.center().y() - 5, 10, 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(swatch)
            painter.setPen(text)
            figures = f"{count_text(bar.value)}  ({share})"
            figures_width = metrics.horizontalAdvance(figures)
            name = QRectF(
                row.left() + 16, row.top(), row.width() - 20 - figures_width, row.height()
            )
            painter.drawText(
                name,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(name.width())),
            )
            painter.drawText(
                row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figures
            )


def _readable_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on `colour` (relative luminance)."""
    luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return QColor(Qt.GlobalColor.black) if luminance > 0.5 else QColor(Qt.GlobalColor.white)


def _inside(rect: QRectF) -> QRect:
    """Whole pixels inside `rect` (neighbouring bars' rectangles never share one)."""
    return rect.adjusted(1, 1, -1, -1).toAlignedRect()
