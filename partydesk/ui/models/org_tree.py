"""The organization tree as a lazy Qt model: each level is fetched when it is expanded.

A province holds thousands of organizations, so the model never reads the whole tree:
`fetchMore` asks the worker for one node's children (with their member counts, two SQL
queries per level) and inserts them when they arrive. Nodes are plain `OrgNode`
dataclasses; an index's internal id is the organization id, which is stable across
refreshes and never points into Python objects the model might drop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from partydesk.services.org_tree import (
    OrgNode,
    children,
    children_many,
)
from partydesk.ui.code_labels import count_text
from partydesk.ui.context import UiContext, error_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: The organization id of an index (int).
ORG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The `OrgNode` behind an index.
NODE_ROLE = Qt.ItemDataRole.UserRole + 2


def group_digits(value: int) -> str:
    """12345 → "12.345" in Vietnamese (a dot groups thousands), "12,345" in English."""
    return count_text(value)


class _Node:
    """A place in the tree; `children` is None until that level has been fetched."""

    __slots__ = ("children", "data", "parent", "row")

    def __init__(self, data: OrgNode | None, parent: _Node | None, row: int) -> None:
        self.data = data
        self.parent = parent
        self.row = row
        self.children: list[_Node] | None = None

    @property
    def key(self) -> int | None:
        """The organization id, None for the invisible root."""
        return None if self.data is None else self.data.id

    @property
    def may_have_children(self) -> bool:
        if self.children is not None:
            return bool(self.children)
        return self.data is None or self.data.has_children


class OrgTreeModel(QAbstractItemModel):
    """One column: "Chi bộ thôn 1 (23)", the count being the subtree's counted members."""

    #: A refresh finished and the model was reset (views restore expansion then).
    refreshed = Signal()
    #: Fetching failed; the text says why.
    load_failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._root = _Node(None, None, 0)
        self._nodes: dict[int, _Node] = {}
        self._pending: set[int | None] = set()
        # Bumped by every refresh: answers of fetches started before it are dropped,
        # since the nodes they were meant for have been rebuilt.
        self._generation = 0
        self._include_dissolved = False

    # --- options ------------------------------------------------------------------------

    @property
    def include_dissolved(self) -> bool:
        """Whether dissolved (and merged) organizations are shown."""
        return self._include_dissolved

    def set_include_dissolved(self, value: bool) -> None:
        """Show or hide dissolved organizations (refetches what is loaded)."""
        if value != self._include_dissolved:
            self._include_dissolved = value
            self.refresh()

    # --- lookups ------------------------------------------------------------------------

    def _node(self, index: _Index) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes.get(int(index.internalId()), self._root)

    def node(self, index: _Index) -> OrgNode | None:
        """The organization at `index` (None for the root or an unknown index)."""
        return self._node(index).data if index.isValid() else None

    def index_of(self, organization_id: int) -> QModelIndex:
        """The index of a loaded organization (invalid when not loaded)."""
        node = self._nodes.get(organization_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, organization_id)

    def is_loaded(self, organization_id: int | None) -> bool:
        """True when the children of this organization (None: the top) are in the model."""
        node = self._root if organization_id is None else self._nodes.get(organization_id)
        return node is not None and node.children is not None

    def loaded_ids(self) -> list[int]:
        """Ids of every organization present in the model."""
        return list(self._nodes)

    # --- QAbstractItemModel -------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        """The index of a child row."""
        if column != 0 or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        node = self._node(parent)
        if node.children is None or row >= len(node.children):
            return QModelIndex()
        child = node.children[row]
        assert child.data is not None
        return self.createIndex(row, 0, child.data.id)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        """The parent's index (invalid at the top level)."""
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        above = node.parent
        if above is None or above.data is None:
            return QModelIndex()
        return self.createIndex(above.row, 0, above.data.id)

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Loaded children (0 until the level is fetched)."""
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return 0 if node.children is None else len(node.children)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """One column."""
        return 1

    def hasChildren(self, parent: _Index = _ROOT) -> bool:  # noqa: N802
        """True when the node has children, fetched or not (the view draws the arrow)."""
        if parent.isValid() and parent.column() != 0:
            return False
        return self._node(parent).may_have_children

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802
        """True while a node's children have not been fetched (nor asked for)."""
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return node.children is None and node.may_have_children and node.key not in self._pending

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802
        """Ask the worker for a node's children; they are inserted when they arrive."""
        if not self.canFetchMore(parent):
            return
        key = self._node(parent).key
        self._pending.add(key)
        generation = self._generation
        include = self._include_dissolved
        self.ctx.run(
            lambda: children(self.ctx.db, key, include),
            lambda rows: self._fetched(generation, key, rows),
            lambda error: self._failed(key, error),
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name with the subtree's member count; full name, kind and counts as tooltip."""
        if not index.isValid():
            return None
        org = self._node(index).data
        if org is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{org.name} ({group_digits(org.subtree_members)})"
            if org.dissolved_on is not None:
                text += self.tr(" — đã giải thể")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                org.name,
                org.kind_label,
                self.tr("Mã: {code}").replace("{code}", org.code),
                self.tr("Đảng viên sinh hoạt trực tiếp: {n}").replace(
                    "{n}", group_digits(org.direct_members)
                ),
                self.tr("Cả tổ chức trực thuộc: {n}").replace(
                    "{n}", group_digits(org.subtree_members)
                ),
            ]
            if org.dissolved_on is not None:
                lines.append(
                    self.tr("Giải thể ngày {date}").replace(
                        "{date}", org.dissolved_on.strftime("%d/%m/%Y")
                    )
                )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and org.dissolved_on is not None:
            return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.FontRole and org.dissolved_on is not None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ORG_ID_ROLE:
            return org.id
        if role == NODE_ROLE:
            return org
        return None

    # --- loading ------------------------------------------------------------------------

    def _adopt(self, node: _Node, rows: Sequence[OrgNode]) -> None:
        node.children = []
        for row, org in enumerate(rows):
            child = _Node(org, node, row)
            node.children.append(child)
            self._nodes[org.id] = child

    def _parent_index(self, node: _Node) -> QModelIndex:
        if node.data is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.data.id)

    def _insert(self, node: _Node, rows: Sequence[OrgNode]) -> None:
        if not rows:
            node.children = []
            if node.data is not None:
                # The node said it had children but has none now: redraw its arrow.
                index = self._parent_index(node)
                self.dataChanged.emit(index, index)
            return
        self.beginInsertRows(self._parent_index(node), 0, len(rows) - 1)
        self._adopt(node, rows)
        self.endInsertRows()

    def _fetched(self, generation: int, key: int | None, rows: list[OrgNode]) -> None:
        self._pending.discard(key)
        if generation != self._generation:
            return
        node = self._root if key is None else self._nodes.get(key)
        if node is None or node.children is not None:
            return
        self._insert(node, rows)

    def _failed(self, key: int | None, error: BaseException) -> None:
        self._pending.discard(key)
        self.load_failed.emit(error_text(error, self.ctx.language))

    def refresh(self) -> None:
        """Refetch every loaded level at once and reset the model when the answer comes.

        Levels that were loaded (or being fetched) stay loaded, so a view can expand
        again what was expanded (see `refreshed`).
        """
        self._generation += 1
        generation = self._generation
        keys: list[int | None] = [None]
        keys.extend(node_id for node_id, node in self._nodes.items() if node.children is not None)
        # Levels asked for but not yet answered come along: their answers will be dropped.
        keys.extend(key for key in self._pending if key is not None)
        include = self._include_dissolved
        self.ctx.run(
            lambda: children_many(self.ctx.db, keys, include),
            lambda levels: self._rebuild(generation, levels),
            lambda error: self._failed(None, error),
        )

    def _rebuild(self, generation: int, levels: dict[int | None, list[OrgNode]]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._nodes.clear()
        self._pending.clear()
        self._root = _Node(None, None, 0)
        todo = [self._root]
        while todo:
            node = todo.pop()
            rows = levels.get(node.key)
            if rows is None:
                continue
            self._adopt(node, rows)
            assert node.children is not None
            todo.extend(node.children)
        self.endResetModel()
        self.refreshed.emit()

    def load_path(
        self, path: Sequence[int], on_ready: Callable[[QModelIndex], None] | None = None
    ) -> None:
        """Make sure every level down to the last id of `path` is loaded.

        `path` runs from the top organization to the target (as `OrgMatch.path`);
        `on_ready` gets the target's index (invalid when it is not in the tree, e.g. a
        dissolved organization while those are hidden).
        """
        target = path[-1] if path else None
        wanted: list[int | None] = [None, *path[:-1]]
        missing = [key for key in wanted if not self.is_loaded(key)]

        def finish() -> None:
            if on_ready is not None:
                on_ready(self.index_of(target) if target is not None else QModelIndex())

        if not missing:
            finish()
            return
        generation = self._generation
        include = self._include_dissolved

        def insert(levels: dict[int | None, list[OrgNode]]) -> None:
            if generation == self._generation:
                # Top down, so that each parent is in the model before its children.
                for key in wanted:
                    node = self._root if key is None else self._nodes.get(key)
                    if node is None:
                        break
                    if node.children is None and key in levels:
                        self._pending.discard(key)
                        self._insert(node, levels[key])
            finish()

        self.ctx.run(
            lambda: children_many(self.ctx.db, missing, include),
            insert,
            lambda error: self._failed(None, error),
        )
