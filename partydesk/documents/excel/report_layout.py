"""Report layouts as data: which figure goes where on which sheet (resources/reports/*.json).

The standard statistics forms (Guidance 11-HD/BTCTW, forms "n-TCTW") may change, and
their exact arrangement was not confirmed: a layout is a JSON file, so a new form set is a
new file, not new code. A layout has sheets of two kinds:

- `figures`: numbered groups of rows under a title; a row is a `heading`, a single figure
  (`label`, `value` key, optional `percent_of` key and `format`), or a `breakdown` key that
  expands into one row per line of that breakdown; `charts` draw a group's rows;
- `table`: the rows of a named table (the balance check) under `columns` chosen by key.

Texts may hold `{as_of}`, `{start}`, `{opening}`, `{scope}` and other placeholders that
the report data fills in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partydesk.resources import resources_dir

__all__ = [
    "ChartSpec",
    "ColumnSpec",
    "GroupSpec",
    "LayoutError",
    "ReportLayout",
    "RowSpec",
    "SheetSpec",
    "layout_names",
    "load_layout",
    "read_layout",
]

REPORTS_FOLDER = "reports"
DEFAULT_LAYOUT = "thong_ke_dang_vien"


class LayoutError(ValueError):
    """A layout file that cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class ColumnSpec:
    """A column: heading, width in Excel character units, and (tables) the value's key."""

    title: str
    width: float = 12.0
    key: str = ""


@dataclass(frozen=True)
class RowSpec:
    """One row of a figures sheet (see the module docstring)."""

    label: str = ""
    value: str = ""
    percent_of: str = ""
    breakdown: str = ""
    heading: str = ""
    format: str = "count"


@dataclass(frozen=True)
class GroupSpec:
    """A titled group of rows."""

    id: str
    title: str
    rows: tuple[RowSpec, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A native Excel chart of a group's rows (all, or the listed row indexes)."""

    type: str
    title: str
    group: str
    rows: tuple[int, ...] = ()
    y_title: str = ""


@dataclass(frozen=True)
class SheetSpec:
    """A sheet of the workbook."""

    name: str
    kind: str
    title: str
    subtitle: str
    columns: tuple[ColumnSpec, ...]
    groups: tuple[GroupSpec, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    table: str = ""


@dataclass(frozen=True)
class ReportLayout:
    """A whole layout file."""

    name: str
    title: str
    source: str
    uncertain: bool
    document_symbol: str
    sheets: tuple[SheetSpec, ...]


def _text(data: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise LayoutError(f"{where}: «{key}» phải là chuỗi (must be text)")
    return value


def _list(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise LayoutError(f"{where}: «{key}» phải là danh sách (must be a list)")
    return value


def _row(data: Any, where: str) -> RowSpec:
    if not isinstance(data, dict):
        raise LayoutError(f"{where}: mỗi dòng là một đối tượng (each row is an object)")
    row = RowSpec(
        label=_text(data, "label", where, ""),
        value=_text(data, "value", where, ""),
        percent_of=_text(data, "percent_of", where, ""),
        breakdown=_text(data, "breakdown", where, ""),
        heading=_text(data, "heading", where, ""),
        format=_text(data, "format", where, "count"),
    )
    if sum(bool(x) for x in (row.value, row.breakdown, row.heading)) != 1:
        raise LayoutError(
            f"{where}: dòng cần đúng một trong value, breakdown, heading"
            " (a row needs exactly one of value, breakdown, heading)"
        )
    if row.format not in ("count", "percent"):
        raise LayoutError(f"{where}: format «{row.format}» không có (count, percent)")
    return row


def _sheet(data: Any, where: str) -> SheetSpec:
    if not isinstance(data, dict):
        raise LayoutError(f"{where}: mỗi trang là một đối tượng (each sheet is an object)")
    kind = _text(data, "kind", where)
    if kind not in ("figures", "table"):
        raise LayoutError(f"{where}: kind «{kind}» không có (figures, table)")
    columns = tuple(
        ColumnSpec(
            title=_text(c, "title", f"{where} cột {i + 1}"),
            width=float(c.get("width", 12)),
            key=_text(c, "key", f"{where} cột {i + 1}", ""),
        )
        for i, c in enumerate(_list(data, "columns", where))
    )
    if not columns:
        raise LayoutError(f"{where}: trang không có cột nào (no columns)")
    groups = tuple(
        GroupSpec(
            id=_text(g, "id", f"{where} nhóm {i + 1}"),
            title=_text(g, "title", f"{where} nhóm {i + 1}"),
            rows=tuple(
                _row(r, f"{where} nhóm {i + 1} dòng {j + 1}")
                for j, r in enumerate(_list(g, "rows", where))
            ),
        )
        for i, g in enumerate(_list(data, "groups", where))
    )
    ids = {g.id for g in groups}
    charts = []
    for i, c in enumerate(_list(data, "charts", where)):
        chart = ChartSpec(
            type=_text(c, "type", f"{where} biểu đồ {i + 1}", "bar"),
            title=_text(c, "title", f"{where} biểu đồ {i + 1}"),
            group=_text(c, "group", f"{where} biểu đồ {i + 1}"),
            rows=tuple(int(r) for r in c.get("rows", [])),
            y_title=_text(c, "y_title", f"{where} biểu đồ {i + 1}", ""),
        )
        if chart.group not in ids:
            raise LayoutError(f"{where} biểu đồ {i + 1}: không có nhóm «{chart.group}»")
        if chart.type not in ("bar", "column", "pie"):
            raise LayoutError(f"{where} biểu đồ {i + 1}: loại «{chart.type}» không có")
        charts.append(chart)
    table = _text(data, "table", where, "")
    if kind == "table" and (not table or not all(c.key for c in columns)):
        raise LayoutError(f"{where}: trang bảng cần «table» và «key» cho mỗi cột")
    return SheetSpec(
        name=_text(data, "name", where),
        kind=kind,
        title=_text(data, "title", where, ""),
        subtitle=_text(data, "subtitle", where, ""),
        columns=columns,
        groups=groups,
        charts=tuple(charts),
        table=table,
    )


def read_layout(path: Path | str) -> ReportLayout:
    """Read and check a layout file; `LayoutError` names the problem and its place."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LayoutError(f"{path.name}: không đọc được ({exc})") from exc
    if not isinstance(data, dict):
        raise LayoutError(f"{path.name}: phải là một đối tượng JSON")
    sheets = tuple(
        _sheet(s, f"{path.name} trang {i + 1}")
        for i, s in enumerate(_list(data, "sheets", path.name))
    )
    if not sheets:
        raise LayoutError(f"{path.name}: không có trang nào (no sheets)")
    return ReportLayout(
        name=_text(data, "name", path.name, path.stem),
        title=_text(data, "title", path.name),
        source=_text(data, "source", path.name, ""),
        uncertain=bool(data.get("uncertain", False)),
        document_symbol=_text(data, "document_symbol", path.name, "BC"),
        sheets=sheets,
    )


def layout_names() -> list[str]:
    """The names of the layouts shipped in resources/reports (file names without .json)."""
    folder = resources_dir() / REPORTS_FOLDER
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def load_layout(name: str = DEFAULT_LAYOUT) -> ReportLayout:
    """A shipped layout by name, or a layout file by path."""
    candidate = Path(name)
    if candidate.suffix.lower() == ".json" and candidate.exists():
        return read_layout(candidate)
    path = resources_dir() / REPORTS_FOLDER / f"{name}.json"
    if not path.exists():
        known = ", ".join(layout_names()) or "-"
        raise LayoutError(f"không có mẫu báo cáo «{name}» (có: {known})")
    return read_layout(path)
