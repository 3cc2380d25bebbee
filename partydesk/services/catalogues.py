"""Catalogues in the database: loading them from resources, and checking codes against them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from partydesk import catalogue_files
from partydesk.db.audit import audit_bulk
from partydesk.db.base import new_uuid
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem
from partydesk.errors import ValidationError
from partydesk.rules import CCCD_PROVINCES, fold


@dataclass(frozen=True)
class CatalogueEntry:
    """A catalogue entry as the GUI and documents see it."""

    catalogue: str
    code: str
    name: str
    name_en: str


def _all_items() -> list[catalogue_files.CatalogueItem]:
    items = [item for group in catalogue_files.load_all().values() for item in group]
    items.extend(catalogue_files.load_admin_units())
    items.extend(
        catalogue_files.CatalogueItem(
            catalogue="cccd_province",
            code=code,
            name=name,
            name_en=name,
            sort_order=index,
            aliases=(),
            extra={},
        )
        for index, (code, name) in enumerate(sorted(CCCD_PROVINCES.items()))
    )
    return items


def load_catalogues(session: Session) -> int:
    """Insert or refresh every catalogue from the resource files; returns the item count.

    Existing entries are updated in place (their UUIDs stay), entries no longer shipped
    are marked inactive rather than deleted, because old records may still use them.
    """
    existing = {(row.catalogue, row.code): row for row in session.scalars(select(CatalogueItem))}
    seen: set[tuple[str, str]] = set()
    new_rows: list[dict[str, object]] = []
    items = _all_items()
    for item in items:
        key = (item.catalogue, item.code)
        seen.add(key)
        values = {
            "name": item.name,
            "name_en": item.name_en,
            "name_fold": fold(item.name),
            "sort_order": item.sort_order,
            "parent_code": item.extra.get("parent_code"),
            "aliases_json": json.dumps(list(item.aliases), ensure_ascii=False),
            "extra_json": json.dumps(item.extra, ensure_ascii=False, sort_keys=True),
            "active": True,
        }
        row = existing.get(key)
        if row is None:
            new_rows.append(
                {"uuid": new_uuid(), "catalogue": item.catalogue, "code": item.code, **values}
            )
        else:
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
    for key, row in existing.items():
        if key not in seen and row.active:
            row.active = False
    if new_rows:
        # Thousands of shipped entries (communes) are one audit entry, not thousands.
        session.execute(insert(CatalogueItem), new_rows)
        audit_bulk(
            session,
            "load_catalogues",
            "catalogue_item",
            [str(r["uuid"]) for r in new_rows],
            {"source": "resources/catalogues"},
        )
    return len(items)


class CatalogueCodes:
    """The valid codes of every catalogue, read once per unit of work for validation."""

    def __init__(self, session: Session) -> None:
        self._codes: dict[str, set[str]] = {}
        for catalogue, code in session.execute(
            select(CatalogueItem.catalogue, CatalogueItem.code).where(CatalogueItem.active)
        ):
            self._codes.setdefault(catalogue, set()).add(code)

    def codes(self, catalogue: str) -> set[str]:
        """All active codes of `catalogue`."""
        return self._codes.get(catalogue, set())

    def check(self, catalogue: str, code: str | None, field: str) -> None:
        """Raise a ValidationError naming `field` when `code` is not in `catalogue`."""
        if code is None or code == "":
            return
        if code not in self._codes.get(catalogue, ()):
            raise ValidationError(
                "field.unknown_code", field=field, value=code, catalogue=catalogue
            )


def list_catalogue(session: Session, catalogue: str) -> list[CatalogueEntry]:
    """The active entries of one catalogue in display order."""
    rows = session.execute(
        select(CatalogueItem.code, CatalogueItem.name, CatalogueItem.name_en)
        .where(CatalogueItem.catalogue == catalogue, CatalogueItem.active)
        .order_by(CatalogueItem.sort_order, CatalogueItem.code)
    )
    return [CatalogueEntry(catalogue, code, name, name_en) for code, name, name_en in rows]


#: The columns that make an entry's content (what the office above sends down, what a
#: local change is compared on).
ENTRY_COLUMNS = (
    "name",
    "name_en",
    "name_fold",
    "sort_order",
    "parent_code",
    "aliases_json",
    "extra_json",
    "active",
)


def shipped_entries() -> dict[tuple[str, str], dict[str, object]]:
    """(catalogue, code) -> the content of every shipped entry, as `load_catalogues` stores it."""
    return {
        (item.catalogue, item.code): {
            "name": item.name,
            "name_en": item.name_en,
            "name_fold": fold(item.name),
            "sort_order": item.sort_order,
            "parent_code": item.extra.get("parent_code"),
            "aliases_json": json.dumps(list(item.aliases), ensure_ascii=False),
            "extra_json": json.dumps(item.extra, ensure_ascii=False, sort_keys=True),
            "active": True,
        }
        for item in _all_items()
    }


def entry_content(row: CatalogueItem) -> dict[str, object]:
    """The content columns of a stored entry (compared with `shipped_entries` values)."""
    return {name: getattr(row, name) for name in ENTRY_COLUMNS}


def save_catalogue_entry(
    db: Database,
    catalogue: str,
    code: str,
    name: str,
    name_en: str = "",
    *,
    active: bool = True,
    sort_order: int | None = None,
) -> CatalogueEntry:
    """Add an entry to `catalogue`, or rename / (de)activate the entry with `code`.

    One audited transaction. The office above uses it for entries it then sends down
    (docs/sync.md §9). Errors: `field.required` (empty catalogue, code or name).
    """
    catalogue, code, name = catalogue.strip(), code.strip(), name.strip()
    for value, label in ((catalogue, "Danh mục"), (code, "Mã"), (name, "Tên")):
        if not value:
            raise ValidationError("field.required", field=label)
    with db.session("catalogue.save") as session:
        row = session.scalars(
            select(CatalogueItem).where(
                CatalogueItem.catalogue == catalogue, CatalogueItem.code == code
            )
        ).first()
        if row is None:
            last = session.scalars(
                select(CatalogueItem.sort_order)
                .where(CatalogueItem.catalogue == catalogue)
                .order_by(CatalogueItem.sort_order.desc())
            ).first()
            row = CatalogueItem(catalogue=catalogue, code=code, aliases_json="[]", extra_json="{}")
            row.sort_order = sort_order if sort_order is not None else (last or 0) + 1
            session.add(row)
        elif sort_order is not None:
            row.sort_order = sort_order
        row.name = name
        row.name_en = name_en.strip() or row.name_en or name
        row.name_fold = fold(name)
        row.active = active
        return CatalogueEntry(catalogue, code, row.name, row.name_en)
