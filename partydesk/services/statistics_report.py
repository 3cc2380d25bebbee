"""The statistics workbook: `Statistics` turned into plain report data and written in a layout.

`export_statistics` computes the statistics, fills the chosen layout (resources/reports)
and writes the workbook atomically; CLI and GUI both call it. The balance check travels
with the file: a sheet lists every row's opening + in − out against its closing count
and marks the rows that do not add up in red, with a verdict line under the table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from partydesk import errors
from partydesk.db.engine import Database
from partydesk.documents.excel.report_layout import (
    DEFAULT_LAYOUT,
    LayoutError,
    ReportLayout,
    layout_names,
    load_layout,
)
from partydesk.documents.excel.report_writer import (
    BreakdownLine,
    ReportData,
    ReportTable,
    write_report,
)
from partydesk.errors import PartydeskError
from partydesk.services.print_forms import ascii_fold
from partydesk.services.statistics import (
    Breakdown,
    RowBalance,
    Statistics,
    StatisticsRequest,
    compute_statistics,
)
from partydesk.services.statistics_flows import IN_FLOWS, OUT_FLOWS

errors.add_messages(
    {
        "report.layout": (
            "Mẫu báo cáo không dùng được: {detail}",
            "The report layout cannot be used: {detail}",
        ),
        "report.cancelled": ("Đã dừng lập báo cáo.", "The report was stopped."),
    }
)

#: Called with (steps done, steps in all); returning False stops before the next step.
Progress = Callable[[int, int], bool]

__all__ = [
    "DEFAULT_LAYOUT",
    "StatisticsExport",
    "available_layouts",
    "export_statistics",
    "report_data",
    "report_file_name",
]


@dataclass(frozen=True)
class StatisticsExport:
    """What was written: the file, the statistics in it, where each figure sits."""

    path: Path
    statistics: Statistics
    cells: Mapping[str, str]


def available_layouts() -> list[str]:
    """The names of the shipped report layouts."""
    return layout_names()


def _layout(name: str) -> ReportLayout:
    try:
        return load_layout(name)
    except LayoutError as exc:
        raise PartydeskError("report.layout", detail=str(exc)) from exc


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _lines(breakdown: Breakdown) -> tuple[BreakdownLine, ...]:
    return tuple(BreakdownLine(i.code, i.label, i.count) for i in breakdown.items)


def _balance_row(row: RowBalance) -> dict[str, object]:
    values: dict[str, object] = {
        "code": row.code,
        "name": row.name,
        "opening": row.opening,
        "closing": row.closing,
        "total_in": row.total_in,
        "total_out": row.total_out,
        "expected": row.expected,
        "check": "Đúng" if row.balanced else f"LỆCH {row.closing - row.expected:+d}",
    }
    for flow in (*IN_FLOWS, *OUT_FLOWS):
        values[flow.value] = row.flow(flow)
    return values


def report_data(stats: Statistics) -> ReportData:
    """The plain data a layout places: figures by key, breakdowns, the balance table."""
    admissions = stats.admissions
    values: dict[str, int | float | None] = {
        f"members.{item.code}": item.count for item in stats.members.items
    }
    values.update(
        {
            "admissions.target": admissions.target,
            "admissions.total": admissions.total,
            "admissions.admitted": admissions.admitted,
            "admissions.readmitted": admissions.readmitted,
            "admissions.percent": admissions.percent,
            "admissions.decisions": admissions.decisions,
            "admissions.women": admissions.women,
            "admissions.minorities": admissions.minorities,
            "admissions.young": admissions.young,
            "admissions.students": admissions.students,
            "admissions.private_enterprise": admissions.private_enterprise,
            "balance.opening": stats.total.opening,
            "balance.closing": stats.total.closing,
            "balance.mismatches": len(stats.mismatches),
        }
    )
    for breakdown in (stats.period, stats.badges, stats.ratings):
        values.update({f"{breakdown.key}.{i.code}": i.count for i in breakdown.items})
    breakdowns = {
        "org_kind": _lines(stats.organizations_by_kind),
        "org_type": _lines(stats.organizations_by_type),
        "period": _lines(stats.period),
        "badges": _lines(stats.badges),
        "ratings": _lines(stats.ratings),
        **{item.key: _lines(item) for item in stats.compositions},
    }
    rows = (*stats.rows, stats.total)
    if stats.balanced:
        verdict = (
            f"Kiểm tra cân đối: ĐÚNG ở tất cả {len(rows)} dòng"
            f" (đầu kỳ {stats.total.opening:,} + tăng {stats.total.total_in:,}"
            f" − giảm {stats.total.total_out:,} = cuối kỳ {stats.total.closing:,})."
        ).replace(",", ".")
    else:
        verdict = "KIỂM TRA CÂN ĐỐI: CÓ DÒNG LỆCH — " + "; ".join(
            m.message() for m in stats.mismatches
        )
    table = ReportTable(
        rows=tuple(_balance_row(r) for r in rows),
        flagged=tuple(not r.balanced for r in rows),
        verdict=verdict,
        verdict_ok=stats.balanced,
    )
    texts = {
        "as_of": _day(stats.as_of),
        "start": _day(stats.period_start),
        "opening": _day(stats.period_start - timedelta(days=1)),
        "scope": stats.scope_name,
        "office": stats.office_name,
        "ratings_title": stats.ratings.title.upper(),
        "year": str(stats.as_of.year),
    }
    return ReportData(
        superior=stats.superior_name,
        issuer=stats.office_name,
        number_symbol=stats.number_symbol,
        place=stats.place_name,
        issued_on=stats.as_of,
        texts=texts,
        values=values,
        breakdowns=breakdowns,
        tables={"balance": table},
    )


def report_file_name(stats_as_of: date, scope: str = "") -> str:
    """`Bao-cao-thong-ke-2026-06-30.xlsx` (the scope's name folded to ASCII when given)."""
    who = ascii_fold(scope, 40) if scope else ""
    return f"Bao-cao-thong-ke{'-' + who if who else ''}-{stats_as_of:%Y-%m-%d}.xlsx"


def export_statistics(
    db: Database,
    request: StatisticsRequest,
    path: Path,
    layout: str = DEFAULT_LAYOUT,
    progress: Progress | None = None,
) -> StatisticsExport:
    """Compute the statistics of `request` and write them in `layout` to `path`.

    The file is written atomically (an existing file is replaced only when complete).
    Errors: those of `compute_statistics`; `report.layout` (unknown or broken layout);
    `report.cancelled` when `progress` returned False (nothing is written).
    """
    chosen = _layout(layout)

    def step(done: int) -> None:
        if progress is not None and not progress(done, 2):
            raise PartydeskError("report.cancelled")

    step(0)
    stats = compute_statistics(db, request)
    step(1)
    written = write_report(Path(path), chosen, report_data(stats))
    if progress is not None:
        progress(2, 2)
    return StatisticsExport(written.path, stats, written.cells)
