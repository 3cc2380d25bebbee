"""Catalogue files: the code lists (danh mục) shipped under `resources/catalogues/`.

Each catalogue is one JSON file, `resources/catalogues/<id>.json`::

    {"catalogue": "<id>", "title": "...", "title_en": "...", "source": "...",
     "uncertain": false, "notes": "... (optional)",
     "items": [{"code": "...", "name": "...", "name_en": "...", "aliases": [...],
                "<other field>": ...}, ...]}

The order of `items` is the display order. Fields of an item other than `code`, `name`,
`name_en` and `aliases` (for example `min_points`, `applies_to`, `level`, `uncertain`) are
kept in `CatalogueItem.extra`. Every file is checked when loaded: unique codes, non-empty
names, NFC-normalized text, no alias shared by two items; a bad file raises `ValueError`
naming the file and the item.

Also here: the administrative units of Viet Nam after 1 July 2025 (34 provinces and
3,321 communes, wards and special zones), built from the `vietnam_provinces` package, and
the demo data files under `resources/demo/`.

Standard library only (plus `vietnam_provinces`, imported when the admin units are asked
for); the returned objects are plain data, to be treated as read-only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partydesk.resources import resource_path

__all__ = [
    "ADMIN_UNIT_CATALOGUE",
    "CATALOGUES",
    "CatalogueFile",
    "CatalogueItem",
    "load_admin_units",
    "load_all",
    "load_catalogue",
    "load_catalogue_file",
    "load_demo",
    "read_catalogue",
    "read_catalogue_file",
]

CATALOGUES: tuple[str, ...] = (
    "ethnicity",
    "religion",
    "general_education",
    "qualification",
    "academic_title",
    "theory",
    "state_management",
    "foreign_language",
    "it_level",
    "occupation",
    "org_type",
    "org_kind",
    "committee_post",
    "cadre_post",
    "leave_kind",
    "strike_off_ground",
    "discipline",
    "rating",
    "transfer_kind",
    "dues_category",
    "document_type",
    "form_code",
)
"""Ids of the catalogue files, in the order an administrator's list shows them."""

ADMIN_UNIT_CATALOGUE = "admin_unit"
"""Catalogue id of the items returned by `load_admin_units`."""

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]*$")
_CODE_MAX = 32
_FILE_KEYS = frozenset({"catalogue", "title", "title_en", "source", "uncertain", "notes", "items"})
_REQUIRED_FILE_KEYS = ("catalogue", "title", "title_en", "source", "uncertain", "items")
_ITEM_KEYS = frozenset({"code", "name", "name_en", "aliases"})
_MEMBER_STATUSES = frozenset({"official", "probationary"})


@dataclass(frozen=True)
class CatalogueItem:
    """One entry of a catalogue.

    `sort_order` is the 1-based position in the display order. `extra` holds the item's
    other fields (`min_points`, `applies_to`, `level`, `uncertain`, `kind`, …); it is left
    out of the hash, so items can still be put in sets.
    """

    catalogue: str
    code: str
    name: str
    name_en: str
    sort_order: int
    aliases: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def uncertain(self) -> bool:
        """Whether this item is marked as not confirmed against the official text."""
        return bool(self.extra.get("uncertain", False))


@dataclass(frozen=True)
class CatalogueFile:
    """A whole catalogue file: its description and its items."""

    catalogue: str
    title: str
    title_en: str
    source: str
    uncertain: bool
    notes: str
    items: tuple[CatalogueItem, ...]


# --------------------------------------------------------------------------- validation


def _fail(where: str, message: str) -> ValueError:
    return ValueError(f"{where}: {message}")


def _check_nfc(value: Any, where: str, path: str) -> None:
    """Raise ValueError if any string in `value` (recursively, keys too) is not NFC."""
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            raise _fail(where, f"{path} is not in Unicode NFC form: {value!r}")
    elif isinstance(value, list):
        for index, element in enumerate(value):
            _check_nfc(element, where, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, element in value.items():
            _check_nfc(key, where, f"{path} key")
            _check_nfc(element, where, f"{path}.{key}")


def _text(data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise _fail(where, f"{key!r} must be a string, not {type(value).__name__}")
    if required and not value.strip():
        raise _fail(where, f"{key!r} is empty")
    if value != value.strip():
        raise _fail(where, f"{key!r} has leading or trailing spaces: {value!r}")
    return value


def _fold(text: str) -> str:
    """Comparison key for names and aliases: case-folded, spaces collapsed."""
    return " ".join(text.casefold().split())


def _check_extra(extra: Mapping[str, Any], where: str) -> None:
    if "uncertain" in extra and not isinstance(extra["uncertain"], bool):
        raise _fail(where, "'uncertain' must be true or false")
    if "min_points" in extra:
        points = extra["min_points"]
        if isinstance(points, bool) or not isinstance(points, int | float):
            raise _fail(where, "'min_points' must be a number")
    if "applies_to" in extra:
        applies_to = extra["applies_to"]
        if (
            not isinstance(applies_to, list)
            or not applies_to
            or not set(applies_to) <= _MEMBER_STATUSES
        ):
            raise _fail(
                where, f"'applies_to' must be a non-empty list of {sorted(_MEMBER_STATUSES)}"
            )


def _parse_items(raw_items: Any, catalogue: str, where: str) -> tuple[CatalogueItem, ...]:
    if not isinstance(raw_items, list) or not raw_items:
        raise _fail(where, "'items' must be a non-empty list")
    items: list[CatalogueItem] = []
    codes: dict[str, int] = {}
    spellings: dict[str, str] = {}  # folded name or alias -> code of the item using it
    for index, raw in enumerate(raw_items):
        item_where = f"{where}: item {index + 1}"
        if not isinstance(raw, dict):
            raise _fail(item_where, "must be a JSON object")
        code = raw.get("code")
        if not isinstance(code, str) or not _CODE_RE.match(code) or len(code) > _CODE_MAX:
            raise _fail(
                item_where,
                f"code {code!r} must be a short ASCII code (letters, digits, _ . / -; "
                f"at most {_CODE_MAX} characters)",
            )
        item_where = f"{where}: item {index + 1} (code {code!r})"
        if code in codes:
            raise _fail(item_where, f"duplicate code, already used by item {codes[code]}")
        codes[code] = index + 1
        name = _text(raw, "name", item_where)
        name_en = _text(raw, "name_en", item_where)
        raw_aliases = raw.get("aliases", [])
        if not isinstance(raw_aliases, list) or not all(
            isinstance(alias, str) and alias.strip() == alias and alias for alias in raw_aliases
        ):
            raise _fail(item_where, "'aliases' must be a list of non-empty trimmed strings")
        for spelling in (name, *raw_aliases):
            key = _fold(spelling)
            if key in spellings:
                other = spellings[key]
                owner = "this item" if other == code else f"item with code {other!r}"
                raise _fail(item_where, f"name or alias {spelling!r} is also used by {owner}")
            spellings[key] = code
        extra = {key: value for key, value in raw.items() if key not in _ITEM_KEYS}
        _check_extra(extra, item_where)
        items.append(
            CatalogueItem(
                catalogue=catalogue,
                code=code,
                name=name,
                name_en=name_en,
                sort_order=index + 1,
                aliases=tuple(raw_aliases),
                extra=extra,
            )
        )
    return tuple(items)


def _parse_catalogue(data: Any, where: str, expected: str | None) -> CatalogueFile:
    if not isinstance(data, dict):
        raise _fail(where, "the file must hold a JSON object")
    missing = [key for key in _REQUIRED_FILE_KEYS if key not in data]
    if missing:
        raise _fail(where, f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise _fail(where, f"unknown field(s): {', '.join(unknown)}")
    _check_nfc(data, where, "text")
    catalogue = data["catalogue"]
    if not isinstance(catalogue, str) or not _ID_RE.match(catalogue):
        raise _fail(where, f"'catalogue' must be a lower-case id, not {catalogue!r}")
    if expected is not None and catalogue != expected:
        raise _fail(where, f"'catalogue' is {catalogue!r}, expected {expected!r}")
    if not isinstance(data["uncertain"], bool):
        raise _fail(where, "'uncertain' must be true or false")
    return CatalogueFile(
        catalogue=catalogue,
        title=_text(data, "title", where),
        title_en=_text(data, "title_en", where),
        source=_text(data, "source", where),
        uncertain=data["uncertain"],
        notes=_text(data, "notes", where, required=False),
        items=_parse_items(data["items"], catalogue, where),
    )


# --------------------------------------------------------------------------- catalogue files


def read_catalogue_file(path: Path | str, expected: str | None = None) -> CatalogueFile:
    """Read and check one catalogue file at `path`.

    If `expected` is given, the file's `catalogue` field must equal it. Raises
    ValueError naming the file (and the item) when the content is bad, OSError when the
    file cannot be read.
    """
    file_path = Path(path)
    where = f"catalogue file {file_path}"
    try:
        data = json.loads(file_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise _fail(where, f"not UTF-8 text ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise _fail(where, f"not valid JSON ({exc})") from exc
    return _parse_catalogue(data, where, expected)


def load_catalogue_file(path: Path | str, expected: str | None = None) -> list[CatalogueItem]:
    """Items of the catalogue file at `path`, checked (see `read_catalogue_file`)."""
    return list(read_catalogue_file(path, expected).items)


def _catalogue_path(name: str) -> Path:
    if name not in CATALOGUES:
        raise ValueError(f"unknown catalogue {name!r}; known: {', '.join(CATALOGUES)}")
    return resource_path("catalogues", f"{name}.json")


def read_catalogue(name: str) -> CatalogueFile:
    """Read the shipped catalogue `name` (one of `CATALOGUES`), with its title and source."""
    return read_catalogue_file(_catalogue_path(name), expected=name)


def load_catalogue(name: str) -> list[CatalogueItem]:
    """Items of the shipped catalogue `name` (one of `CATALOGUES`), in display order."""
    return list(read_catalogue(name).items)


def load_all() -> dict[str, list[CatalogueItem]]:
    """Items of every shipped catalogue file, keyed by catalogue id.

    The administrative units are not included: see `load_admin_units`.
    """
    return {name: load_catalogue(name) for name in CATALOGUES}


# --------------------------------------------------------------------------- admin units

_KIND_BY_DIVISION = {
    "tỉnh": "province",
    "thành phố trung ương": "province",
    "xã": "commune",
    "phường": "ward",
    "đặc khu": "special_zone",
}
_NAME_PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ")


def _short_name(name: str) -> str:
    """Strip the type word from a unit's name: "Xã Đam Rông 1" -> "Đam Rông 1"."""
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def load_admin_units() -> list[CatalogueItem]:
    """List the provinces, then the communes, wards and special zones of Viet Nam (1/7/2025).

    Built from the `vietnam_provinces` package. Provinces come first in code order, then
    the lower units grouped by province and in code order. Codes are the official ones,
    zero-padded: 2 digits for a province, 5 for a commune. `extra` holds `kind`
    ("province", "commune", "ward" or "special_zone"), `parent_code` (the province code,
    or None for a province), `division_type` (the Vietnamese type word), `short_name` and
    `codename`. `name_en` is empty: the units have no official English names.
    """
    from vietnam_provinces import Province, Ward

    provinces = sorted(Province.iter_all(), key=lambda province: int(province.code))
    wards = sorted(Ward.iter_all(), key=lambda ward: (int(ward.province_code), int(ward.code)))
    items: list[CatalogueItem] = []
    for province in provinces:
        name = unicodedata.normalize("NFC", province.name)
        division = province.division_type.value
        items.append(
            CatalogueItem(
                catalogue=ADMIN_UNIT_CATALOGUE,
                code=f"{int(province.code):02d}",
                name=name,
                name_en="",
                sort_order=len(items) + 1,
                extra={
                    "kind": _KIND_BY_DIVISION[division],
                    "parent_code": None,
                    "division_type": division,
                    "short_name": _short_name(name),
                    "codename": province.codename,
                },
            )
        )
    for ward in wards:
        name = unicodedata.normalize("NFC", ward.name)
        division = ward.division_type.value
        items.append(
            CatalogueItem(
                catalogue=ADMIN_UNIT_CATALOGUE,
                code=f"{int(ward.code):05d}",
                name=name,
                name_en="",
                sort_order=len(items) + 1,
                extra={
                    "kind": _KIND_BY_DIVISION[division],
                    "parent_code": f"{int(ward.province_code):02d}",
                    "division_type": division,
                    "short_name": _short_name(name),
                    "codename": ward.codename,
                },
            )
        )
    return items


# --------------------------------------------------------------------------- demo data


def load_demo(name: str) -> dict[str, Any]:
    """Read the demo data file `resources/demo/<name>.json` (for example "names", "places").

    Raises ValueError for a bad name, a file that does not hold a JSON object or text
    that is not NFC; FileNotFoundError when the file is absent.
    """
    if not _ID_RE.match(name):
        raise ValueError(f"bad demo data name {name!r}")
    path = resource_path("demo", f"{name}.json")
    where = f"demo data file {path}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(where, f"not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise _fail(where, "the file must hold a JSON object")
    _check_nfc(data, where, "text")
    return data
