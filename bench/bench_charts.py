"""Overview charts benchmark: the figures, the painted «Biểu đồ» tab and the lists behind bars.

    .venv/bin/python -m bench.bench_charts                               # builds 500k (~6 min)
    .venv/bin/python -m bench.bench_charts --db /tmp/gui500k.sqlite3     # built there once, reused
    .venv/bin/python -m bench.bench_charts --members 20000               # smoke run

The database is bench_gui's (the demo office's 35 branches and N generated official
members; `--db` shares one file with `bench.bench_gui`). Its members were all admitted at
least a year before bench_gui's day (30/6/2026), so the charts are drawn as of 31/12/2025,
a year with about 1 % of the register admitted (5,454 ceremonies at 500k).

Figures, each with a plain baseline measured in the same run:
1. `overview_charts(db)` (first call on a freshly opened database, then the median of 5)
   against plain sqlite3 running the same two statements (members by ethnicity with the
   sexes and age limits as conditional sums; ceremonies of the year through the event
   index) — the service's own cost over SQLite's. The straightforward GROUP BY sex,
   ethnicity, age band is printed too: that is why the service groups by one key.
2. The painted tab: an OverviewPage (offscreen, the real worker thread) already shown,
   from `show_charts()` until the four charts have painted their figures; baseline: the
   service call alone, so the ratio is what the GUI adds. The page's other figures
   (`overview()`: counts and the due list) are stubbed out, so the figure is the charts'
   own (the due list has its own bench, bench_overview.py: 8 s at 500k).
3. The lists behind two bars as the register opens them (count, then the first page of
   200): the admissions of the busiest month and the members over 60.
Targets: service ≤ 1.3× its plain SQL; painted tab ≤ 2 s at 500k (the issue's bound for
statistics over 500k members); tests never time.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.bench_gui import DEFAULT_MEMBERS, Line, build_database, member_count, pin_none, say
from bench.bench_gui import verdict as _verdict
from bench.bench_gui import x as _x
from bench.measure import MB, median, table

CHART_DAY = date(2025, 12, 31)
RUNS = 5
SERVICE_RATIO = 1.3
#: The issue's bound for statistics over 500k members, applied to the charts tab too.
PAINTED_S = 2.0


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


# --- the plain baseline --------------------------------------------------------------------


def _limits(day: date) -> list[str]:
    """Lower birth limits of the bands ≤ 30, 31–40, 41–50, 51–60 (the register's rule)."""
    from partydesk.services.member_queries import AgeBand, born_range

    return [
        after.isoformat() for band in AgeBand if (after := born_range(band, day)[0]) is not None
    ]


def plain_charts(path: Path, day: date) -> tuple[list[Any], list[Any]]:
    """The service's two statements in plain sqlite3 (no SQLAlchemy, no dataclasses)."""
    limits = _limits(day)
    sums = ", ".join(f"sum(CASE WHEN birth_date > '{d}' THEN 1 ELSE 0 END)" for d in limits)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        composition = conn.execute(
            "SELECT ethnicity_code, count(*),"
            " sum(CASE WHEN sex = 'nam' THEN 1 ELSE 0 END),"
            f" sum(CASE WHEN sex = 'nữ' THEN 1 ELSE 0 END), {sums}"
            " FROM member WHERE deleted_at IS NULL"
            " AND status IN ('probationary', 'official', 'exempted') GROUP BY ethnicity_code"
        ).fetchall()
        admissions = conn.execute(
            "SELECT CAST(strftime('%m', ceremony_date) AS INTEGER), count(*) FROM member"
            " WHERE deleted_at IS NULL AND id IN (SELECT member_id FROM member_event"
            "  WHERE kind = 'ceremony' AND deleted_at IS NULL AND on_date >= ? AND on_date <= ?)"
            " AND ceremony_date >= ? AND ceremony_date <= ? GROUP BY 1",
            (f"{day.year}-01-01", f"{day.year}-12-31") * 2,
        ).fetchall()
    finally:
        conn.close()
    return composition, admissions


def naive_composition(path: Path, day: date) -> list[Any]:
    """GROUP BY sex, ethnicity and band: the obvious statement, for comparison."""
    limits = _limits(day)
    band = "CASE " + " ".join(f"WHEN birth_date > '{d}' THEN {i}" for i, d in enumerate(limits))
    band += f" ELSE {len(limits)} END"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            f"SELECT sex, ethnicity_code, {band}, count(*) FROM member"
            " WHERE deleted_at IS NULL AND status IN ('probationary', 'official', 'exempted')"
            " GROUP BY 1, 2, 3"
        ).fetchall()
    finally:
        conn.close()


# --- the figures ---------------------------------------------------------------------------


def bench_service(path: Path, lines: list[Line]) -> float:
    """Figure 1; returns the service's median (seconds)."""
    from partydesk.services.database import open_database
    from partydesk.services.overview_charts import overview_charts

    db = open_database(path, actor="bench")
    try:
        first, charts = _timed(lambda: overview_charts(db, today=CHART_DAY))
        ours = median(
            [_timed(lambda: overview_charts(db, today=CHART_DAY))[0] for _ in range(RUNS)]
        )
    finally:
        db.close()
    base_first, (composition, admissions) = _timed(lambda: plain_charts(path, CHART_DAY))
    base = median([_timed(lambda: plain_charts(path, CHART_DAY))[0] for _ in range(RUNS)])
    naive = median([_timed(lambda: naive_composition(path, CHART_DAY))[0] for _ in range(3)])
    # The same figures, or the comparison means nothing.
    assert charts.members == sum(row[1] for row in composition)
    assert charts.admissions.total == sum(row[1] for row in admissions)
    say(
        f"    overview_charts: first {_ms(first)}, median {_ms(ours)}"
        f" | plain SQL: first {_ms(base_first)}, median {_ms(base)}"
        f" | GROUP BY sex, ethnicity, band: {_ms(naive)}"
        f" | {charts.members:,} members, {charts.admissions.total:,} admitted in {CHART_DAY.year}"
    )
    lines.append(
        Line(
            "chart figures (median)",
            _ms(ours),
            _ms(base),
            _x(ours, base),
            f"≤ {SERVICE_RATIO}x",
            ours <= SERVICE_RATIO * base,
        )
    )
    lines.append(Line("  first call", _ms(first), _ms(base_first), _x(first, base_first), "", None))
    lines.append(Line("  3-key GROUP BY (plain)", _ms(naive), _ms(base), _x(naive, base), "", None))
    return ours


def bench_painted(path: Path, service_s: float, lines: list[Line]) -> None:
    """Figure 2: the «Biểu đồ» tab from the click to painted charts, the real worker."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    pin_none()
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    import partydesk.ui.pages.overview as overview_page
    from partydesk.services.database import open_database
    from partydesk.services.overview import Overview
    from partydesk.ui.context import UiContext
    from partydesk.ui.fonts import apply_default_font
    from partydesk.ui.pages.overview import OverviewPage
    from partydesk.ui.tasks import TaskRunner

    # The page's own figures (`overview()`: counts and every area's due list, 8 s at 500k
    # members, bench_overview.py) would hold the single worker: they are left out here,
    # so the figure is the charts' own.
    overview_page.overview = lambda _db, _today=None: Overview({}, [], [])

    app = QApplication.instance() or QApplication([sys.argv[0]])
    apply_default_font(app)  # type: ignore[arg-type]
    painted: list[float] = []

    class _Spy(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
            chart = page.charts.ethnicity_chart
            if event.type() == QEvent.Type.Paint and obj is chart and page.charts.data:
                painted.append(time.perf_counter())
            return False

    with tempfile.TemporaryDirectory(prefix="partydesk-benchcharts-") as tmp:
        db = open_database(path, actor="bench")
        runner = TaskRunner()
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ctx = UiContext(db=db, runner=runner, settings=settings)
        try:
            page = OverviewPage(ctx)
            page.today = CHART_DAY
            page.resize(940, 720)
            page.show()
            spy = _Spy()
            page.charts.ethnicity_chart.installEventFilter(spy)

            def settle(until: Callable[[], bool], limit: float = 60.0) -> None:
                end = time.perf_counter() + limit
                while not until() and time.perf_counter() < end:
                    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)  # type: ignore[union-attr]
                    time.sleep(0.002)

            settle(lambda: page.data is not None)  # the page's own figures first
            times = []
            for _ in range(3):
                page.charts.data = None
                page.data = None
                page.tabs.setCurrentIndex(0)
                page.refresh()  # the charts are stale now; they load when shown
                settle(lambda: page.data is not None, 5.0)
                painted.clear()
                start = time.perf_counter()
                page.show_charts()
                settle(lambda: bool(painted))
                if not painted:
                    raise RuntimeError("the charts never painted")
                times.append(painted[0] - start)
            ours = median(times)
        finally:
            runner.shutdown()
            db.close()
    say(f"    «Biểu đồ» tab click → painted: {', '.join(_ms(t) for t in times)}")
    lines.append(
        Line(
            "charts tab painted",
            _ms(ours),
            _ms(service_s),
            _x(ours, service_s),
            f"≤ {PAINTED_S:.0f} s",
            ours <= PAINTED_S,
        )
    )


def bench_lists(path: Path, lines: list[Line]) -> None:
    """Figure 3: the register's count and first page behind two bars."""
    from partydesk.services.database import open_database
    from partydesk.services.member_queries import count_members, member_list_page
    from partydesk.services.overview_charts import ChartKind, overview_charts

    db = open_database(path, actor="bench")
    try:
        charts = overview_charts(db, today=CHART_DAY)
        busiest = max(charts.admissions.months, key=lambda m: m.count)
        for name, kind, key in (
            (
                f"list: admitted {busiest.month}/{CHART_DAY.year}",
                ChartKind.ADMISSIONS,
                str(busiest.month),
            ),
            ("list: over 60", ChartKind.AGE, "gt60"),
        ):
            filters = charts.member_filter(kind, key)

            def open_list(f: Any = filters) -> int:
                total = count_members(db, f)
                member_list_page(db, 0, 200, f, total=total)
                return total

            seconds = median([_timed(open_list)[0] for _ in range(3)])
            total = open_list()
            say(f"    {name}: {total:,} members, count + first page {_ms(seconds)}")
            lines.append(Line(name, _ms(seconds), "", "", "", None))
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_charts", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--db", type=Path, help="database to use; built there when absent")
    parser.add_argument("--members", type=int, default=DEFAULT_MEMBERS)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    say(
        f"partydesk overview charts benchmark, {datetime.now():%Y-%m-%d %H:%M}"
        f" | Python {platform.python_version()} | {os.cpu_count()} cores"
        f" | SQLite {sqlite3.sqlite_version}"
    )
    lines: list[Line] = []
    with tempfile.TemporaryDirectory(prefix="partydesk-benchcharts-") as tmp:
        db_path = args.db or Path(tmp) / "charts.sqlite3"
        if not db_path.exists():
            build_database(db_path, args.members, args.seed)
        count = member_count(db_path)
        say(f"database: {db_path} ({count:,} members, {db_path.stat().st_size / MB:,.0f} MB)")
        service = bench_service(db_path, lines)
        bench_painted(db_path, service, lines)
        bench_lists(db_path, lines)
    say(f"\n===== summary ({count:,} members, charts as of {CHART_DAY:%d/%m/%Y}) =====")
    say(
        table(
            ["figure", "ours", "baseline", "ratio", "target", "result"],
            [[ln.figure, ln.ours, ln.baseline, ln.ratio, ln.target, _verdict(ln)] for ln in lines],
        )
    )
    failed = [ln for ln in lines if ln.ok is False]
    say(f"\n{len(failed)} target(s) missed" if failed else "\nall measured targets met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
