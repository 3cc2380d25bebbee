"""Writing a package: records streamed into a compressed archive, signed, encrypted, saved.

Records are turned into canonical lines one at a time and compressed as they come, so the
uncompressed records are never all in memory; the compressed archive is (once), because
the encrypted header states the body's length and is authenticated with every chunk.
The file appears under its name only when complete (temporary file, then os.replace).
"""

from __future__ import annotations

import hashlib
import io
import stat
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from partydesk.documents.package.canonical import canonical_bytes
from partydesk.documents.package.crypto import DEFAULT_CHUNK_SIZE, FORMAT_VERSION, seal
from partydesk.documents.package.errors import PackageError
from partydesk.documents.package.files import atomic_file
from partydesk.documents.package.keys import OfficeKeyPair, OfficePublicKey
from partydesk.documents.package.limits import DEFAULT_LIMITS, PackageLimits
from partydesk.documents.package.manifest import (
    AUDIT_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    TABLE_NAME,
    Acknowledgement,
    EntryInfo,
    Kind,
    Manifest,
    parse_manifest,
    records_entry,
)
from partydesk.documents.package.progress import Progress, Ticker
from partydesk.documents.package.records import AuditRecord, PackageRecord, audit_line, record_line

SIGNATURE_LABEL = b"partydesk-package-manifest-v1\x00"
# Fixed entry metadata: the same records give the same archive bytes.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class PackageSpec:
    """What the export service decides about a package; the writer adds the rest.

    `sequence_from`/`sequence_to` are required for records packages (full, delta,
    downward) and absent for a receipt, which instead names what it `acknowledges`.
    `package_uuid` and `created_at` default to a new UUID and the current UTC time.
    """

    kind: Kind
    schema_revision: str
    program_version: str
    sequence_from: int | None = None
    sequence_to: int | None = None
    period_label: str = ""
    acknowledges: Acknowledgement | None = None
    package_uuid: str | None = None
    created_at: datetime | None = None
    sender_office_name: str | None = None


@dataclass(frozen=True)
class WrittenPackage:
    """A package on disk: where, its manifest, and the SHA-256 of the whole file (hex)."""

    path: Path
    manifest: Manifest
    file_sha256: str


def sign_manifest(manifest_bytes: bytes, sender: OfficeKeyPair) -> bytes:
    """The sender's Ed25519 signature over the manifest's bytes (with a domain label)."""
    return sender.signing.sign(SIGNATURE_LABEL + manifest_bytes)


def _zip_info(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.compress_type = method
    info.create_system = 3  # Unix, so external_attr holds a mode: a regular file, 0644
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _write_lines(
    archive: zipfile.ZipFile,
    name: str,
    lines: Iterable[bytes],
    limits: PackageLimits,
    counter: Ticker,
) -> EntryInfo:
    digest = hashlib.sha256()
    size = 0
    with archive.open(_zip_info(name, zipfile.ZIP_DEFLATED), "w") as out:
        for line in lines:
            size += len(line)
            if size > limits.max_entry_size:
                raise PackageError(
                    "package.entry_too_large", name=name, size=size, limit=limits.max_entry_size
                )
            digest.update(line)
            out.write(line)
            counter.tick()
    return EntryInfo(size, digest.hexdigest())


def _record_lines(table: str, records: Iterable[PackageRecord | Mapping[str, Any]]) -> Any:
    name = records_entry(table)
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        try:
            record_uuid, line = record_line(record)
        except PackageError as error:
            error.params.update(name=name, line=number)
            raise
        if record_uuid in seen:
            raise PackageError("package.duplicate_uuid", table=table, uuid=record_uuid, line=number)
        seen.add(record_uuid)
        yield line


def _audit_lines(audit: Iterable[AuditRecord | Mapping[str, Any]]) -> Any:
    for number, entry in enumerate(audit, start=1):
        try:
            yield audit_line(entry)
        except PackageError as error:
            error.params.update(name=AUDIT_NAME, line=number)
            raise


def write_package(
    path: Path,
    spec: PackageSpec,
    tables: Mapping[str, Iterable[PackageRecord | Mapping[str, Any]]],
    audit: Iterable[AuditRecord | Mapping[str, Any]],
    sender: OfficeKeyPair,
    recipient: OfficePublicKey,
    *,
    limits: PackageLimits = DEFAULT_LIMITS,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress | None = None,
) -> WrittenPackage:
    """Write a signed package encrypted for `recipient` to `path`, atomically.

    `tables` maps table names ([a-z][a-z0-9_]*) to records, as `PackageRecord`s or
    mappings of the line's shape; both are iterated once, lazily. `progress(records
    written, 0)` is called every 5,000 lines; returning False stops the export
    (StoppedError) and leaves no file. Raises PackageError package.bad_record,
    package.duplicate_uuid, package.entry_too_large or package.manifest_bad_field when
    the data would make a package the reader refuses; TypeError for values JSON cannot
    hold.
    """
    path = Path(path)
    for table in tables:
        if not TABLE_NAME.fullmatch(table):
            raise PackageError("package.manifest_bad_field", field="counts", value=table)
    counter = Ticker(progress)
    buffer = io.BytesIO()
    entries: dict[str, EntryInfo] = {}
    counts: dict[str, int] = {}
    with zipfile.ZipFile(buffer, "w", compresslevel=6) as archive:
        for table in sorted(tables):
            before = counter.done
            name = records_entry(table)
            entries[name] = _write_lines(
                archive, name, _record_lines(table, tables[table]), limits, counter
            )
            counts[table] = counter.done - before
        entries[AUDIT_NAME] = _write_lines(
            archive, AUDIT_NAME, _audit_lines(audit), limits, counter
        )
        manifest = Manifest(
            package_uuid=spec.package_uuid or str(uuid.uuid4()),
            kind=spec.kind,
            schema_revision=spec.schema_revision,
            program_version=spec.program_version,
            sender_office_uuid=sender.office_uuid,
            sender_office_name=spec.sender_office_name or sender.office_name,
            sender_key_id=sender.public.key_id,
            recipient_office_uuid=recipient.office_uuid,
            recipient_key_id=recipient.key_id,
            sequence_from=spec.sequence_from,
            sequence_to=spec.sequence_to,
            period_label=spec.period_label,
            created_at=spec.created_at or datetime.now().astimezone(),
            counts=counts,
            entries=entries,
            acknowledges=spec.acknowledges,
            format_version=FORMAT_VERSION,
        )
        manifest_bytes = canonical_bytes(manifest.to_json())
        # What we sign must be what the reader accepts: check it with the reader's parser.
        manifest = parse_manifest(manifest_bytes)
        archive.writestr(_zip_info(MANIFEST_NAME, zipfile.ZIP_DEFLATED), manifest_bytes)
        archive.writestr(
            _zip_info(SIGNATURE_NAME, zipfile.ZIP_STORED), sign_manifest(manifest_bytes, sender)
        )
    with atomic_file(path) as stream:
        file_sha256 = seal(stream, buffer.getbuffer(), sender.public.key_id, recipient, chunk_size)
    return WrittenPackage(path, manifest, file_sha256)
