"""The tables pages and dialogs share: read-only lists, and grids typed into in place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def compact_rows(table: QTableView) -> None:
    """One line of text per row, at a fixed height (the style's default is ~30 px).

    Fixed heights also spare the view from measuring rows, and follow the font, so they
    scale with the display (100–200 %).
    """
    table.setWordWrap(False)
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)


def read_only_table(model: QAbstractItemModel) -> QTableView:
    """A table over `model` for reading and choosing rows.

    Whole rows are selected one at a time, nothing is edited in place, row numbers are
    hidden, columns fit their contents and the last one stretches.
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    compact_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def editable_table(
    model: QAbstractItemModel, select_rows: bool = False, stretch_last: bool = True
) -> QTableView:
    """A grid over `model` typed into in place (double click, F2 or just typing).

    Cells (or whole rows with `select_rows`) are selected, row numbers are hidden and
    columns fit their contents; the last one stretches unless `stretch_last` is False.
    """
    table = QTableView()
    compact_rows(table)
    table.setModel(model)
    table.setSelectionBehavior(
        QAbstractItemView.SelectionBehavior.SelectRows
        if select_rows
        else QAbstractItemView.SelectionBehavior.SelectItems
    )
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_last:
        header.setStretchLastSection(True)
    return table
