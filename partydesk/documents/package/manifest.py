"""The manifest: what a package is, who made it for whom, and the hash of every entry.

The manifest is the one signed document of a package: it lists every other entry with its
size and SHA-256, so the sender's Ed25519 signature over the manifest's bytes covers the
whole package. `parse_manifest` checks the schema (required fields and their types) and
returns a frozen `Manifest`; `Manifest.to_json` gives what the writer signs.
"""

from __future__ import annotations

import enum
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from partydesk.documents.package.canonical import (
    format_timestamp,
    parse_timestamp,
    refuse_constant,
)
from partydesk.documents.package.errors import PackageError, shown

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "signature"
AUDIT_NAME = "audit.jsonl"
RECORDS_PREFIX = "records/"
RECORDS_SUFFIX = ".jsonl"
FORMAT_NAME = "partydesk-package"
TABLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_E = TypeVar("_E", bound=enum.StrEnum)


class Kind(enum.StrEnum):
    """What a package carries."""

    FULL = "full"  # a snapshot of everything the sender keeps for the recipient
    DELTA = "delta"  # the changes in a sequence range since the last acknowledged one
    RECEIPT = "receipt"  # an acknowledgement of a package received (no records)
    DOWNWARD = "downward"  # from the office above: catalogues, rules, decisions, transfers


class Outcome(enum.StrEnum):
    """What the recipient did with an acknowledged package."""

    APPLIED = "applied"
    REFUSED = "refused"


def records_entry(table: str) -> str:
    """The entry name of a table's records: records/<table>.jsonl."""
    return f"{RECORDS_PREFIX}{table}{RECORDS_SUFFIX}"


def table_of(entry: str) -> str | None:
    """The table whose records `entry` holds, or None if `entry` is not a records entry."""
    if entry.startswith(RECORDS_PREFIX) and entry.endswith(RECORDS_SUFFIX):
        table = entry[len(RECORDS_PREFIX) : -len(RECORDS_SUFFIX)]
        if TABLE_NAME.fullmatch(table):
            return table
    return None


@dataclass(frozen=True)
class EntryInfo:
    """An entry as the manifest lists it: uncompressed size and SHA-256 (hex)."""

    size: int
    sha256: str


@dataclass(frozen=True)
class Acknowledgement:
    """What a receipt acknowledges: one package, by UUID, range and file hash."""

    package_uuid: str
    sequence_from: int | None
    sequence_to: int | None
    package_sha256: str
    outcome: Outcome
    note: str = ""


@dataclass(frozen=True)
class Manifest:
    """The signed description of a package (docs/package-format.md, "manifest.json").

    `sender_key_id`/`recipient_key_id` are the 32-byte key ids, also in the plain header;
    `entries` maps entry names (all but manifest.json and signature) to their size and hash.
    """

    package_uuid: str
    kind: Kind
    schema_revision: str
    program_version: str
    sender_office_uuid: str
    sender_office_name: str
    sender_key_id: bytes
    recipient_office_uuid: str
    recipient_key_id: bytes
    sequence_from: int | None
    sequence_to: int | None
    period_label: str
    created_at: datetime
    counts: Mapping[str, int]
    entries: Mapping[str, EntryInfo] = field(default_factory=dict)
    acknowledges: Acknowledgement | None = None
    format_version: int = 1

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables the package holds records of, sorted."""
        return tuple(sorted(self.counts))

    def to_json(self) -> dict[str, Any]:
        """The manifest as the JSON object the writer stores (and signs, canonically)."""
        sequence = (
            None
            if self.sequence_from is None
            else {"from": self.sequence_from, "to": self.sequence_to}
        )
        ack = self.acknowledges
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "package_uuid": self.package_uuid,
            "kind": str(self.kind),
            "schema_revision": self.schema_revision,
            "program_version": self.program_version,
            "sender": {
                "office_uuid": self.sender_office_uuid,
                "office_name": self.sender_office_name,
                "key_id": self.sender_key_id.hex(),
            },
            "recipient": {
                "office_uuid": self.recipient_office_uuid,
                "key_id": self.recipient_key_id.hex(),
            },
            "sequence": sequence,
            "period_label": self.period_label,
            "created_at": format_timestamp(self.created_at),
            "counts": dict(self.counts),
            "entries": {
                name: {"size": info.size, "sha256": info.sha256}
                for name, info in self.entries.items()
            },
            "acknowledges": None
            if ack is None
            else {
                "package_uuid": ack.package_uuid,
                "sequence": None
                if ack.sequence_from is None
                else {"from": ack.sequence_from, "to": ack.sequence_to},
                "package_sha256": ack.package_sha256,
                "outcome": str(ack.outcome),
                "note": ack.note,
            },
        }


# --- reading -----------------------------------------------------------------------------


class _Fields:
    """Typed access to a JSON object's fields, raising manifest errors named by path."""

    def __init__(self, data: Mapping[str, Any], prefix: str = "") -> None:
        self.data = data
        self.prefix = prefix

    def _get(self, name: str) -> Any:
        if name not in self.data:
            raise PackageError("package.manifest_missing_field", field=self.prefix + name)
        return self.data[name]

    def bad(self, name: str) -> PackageError:
        return PackageError(
            "package.manifest_bad_field",
            field=self.prefix + name,
            value=shown(self.data.get(name)),
        )

    def text(self, name: str) -> str:
        value = self._get(name)
        if not isinstance(value, str):
            raise self.bad(name)
        return value

    def integer(self, name: str, minimum: int = 0) -> int:
        value = self._get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.bad(name)
        return value

    def uuid(self, name: str) -> str:
        value = self.text(name)
        try:
            if str(uuid.UUID(value)) == value:
                return value
        except ValueError:
            pass
        raise self.bad(name)

    def hex64(self, name: str) -> str:
        value = self.text(name)
        if not _HEX64.fullmatch(value):
            raise self.bad(name)
        return value

    def obj(self, name: str, *, nullable: bool = False) -> _Fields | None:
        value = self._get(name)
        if value is None and nullable:
            return None
        if not isinstance(value, dict):
            raise self.bad(name)
        return _Fields(value, f"{self.prefix}{name}.")

    def required(self, name: str) -> _Fields:
        found = self.obj(name)
        assert found is not None  # obj() only returns None when nullable
        return found

    def choice(self, name: str, kinds: type[_E]) -> _E:
        value = self.text(name)
        try:
            return kinds(value)
        except ValueError:
            raise self.bad(name) from None


def _sequence(fields: _Fields, name: str) -> tuple[int | None, int | None]:
    sequence = fields.obj(name, nullable=True)
    if sequence is None:
        return None, None
    start, end = sequence.integer("from"), sequence.integer("to")
    if start > end:
        raise sequence.bad("to")
    return start, end


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Parsers disagree on which of two equal keys wins: a signed manifest must not let
    # two programs read two different packages out of the same bytes.
    document = dict(pairs)
    if len(document) != len(pairs):
        raise ValueError("duplicate key")
    return document


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in `data` (the bytes of manifest.json), its schema checked.

    Raises PackageError package.manifest_not_json, package.manifest_missing_field or
    package.manifest_bad_field (naming the field, e.g. "sender.office_uuid"). Unknown
    fields are ignored: a later minor revision may add some within format version 1.
    """
    try:
        document = json.loads(
            data.decode("utf-8"), object_pairs_hook=_unique_keys, parse_constant=refuse_constant
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise PackageError("package.manifest_not_json", reason=str(error)[:80]) from None
    if not isinstance(document, dict):
        raise PackageError("package.manifest_not_json", reason="not an object")
    top = _Fields(document)
    if top.text("format") != FORMAT_NAME:
        raise top.bad("format")
    version = top.integer("format_version", minimum=1)
    kind = top.choice("kind", Kind)
    sender, recipient = top.required("sender"), top.required("recipient")
    sequence_from, sequence_to = _sequence(top, "sequence")
    # Records packages carry a sequence range; a receipt has none of its own.
    if (kind == Kind.RECEIPT) != (sequence_from is None):
        raise top.bad("sequence")
    created_at = parse_timestamp(top.text("created_at"))
    if created_at is None:
        raise top.bad("created_at")
    counts_fields = top.required("counts")
    counts = {}
    for table in counts_fields.data:
        if not TABLE_NAME.fullmatch(table):
            raise counts_fields.bad(table)
        counts[table] = counts_fields.integer(table)
    entries_fields = top.required("entries")
    entries = {}
    for name in entries_fields.data:
        entry = entries_fields.required(name)
        entries[name] = EntryInfo(entry.integer("size"), entry.hex64("sha256"))
    ack_fields = top.obj("acknowledges", nullable=True)
    if (kind == Kind.RECEIPT) != (ack_fields is not None):
        raise top.bad("acknowledges")
    acknowledges = None
    if ack_fields is not None:
        ack_from, ack_to = _sequence(ack_fields, "sequence")
        acknowledges = Acknowledgement(
            package_uuid=ack_fields.uuid("package_uuid"),
            sequence_from=ack_from,
            sequence_to=ack_to,
            package_sha256=ack_fields.hex64("package_sha256"),
            outcome=ack_fields.choice("outcome", Outcome),
            note=ack_fields.text("note"),
        )
    return Manifest(
        package_uuid=top.uuid("package_uuid"),
        kind=kind,
        schema_revision=top.text("schema_revision"),
        program_version=top.text("program_version"),
        sender_office_uuid=sender.uuid("office_uuid"),
        sender_office_name=sender.text("office_name"),
        sender_key_id=bytes.fromhex(sender.hex64("key_id")),
        recipient_office_uuid=recipient.uuid("office_uuid"),
        recipient_key_id=bytes.fromhex(recipient.hex64("key_id")),
        sequence_from=sequence_from,
        sequence_to=sequence_to,
        period_label=top.text("period_label"),
        created_at=created_at,
        counts=counts,
        entries=entries,
        acknowledges=acknowledges,
        format_version=version,
    )
