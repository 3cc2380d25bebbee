"""Opening a package: every check that needs no database, in a fixed order, before any data.

`open_package` returns only a package that passed all of them (docs/package-format.md,
"Reading a package" lists the order and why). What it cannot check, because the answer is
in the database, the import service must check on the returned manifest before it
writes: the sequence range continues the last one received from this sender (no gap, no
replay), the schema revision is one it can read, and every record is within the
sender's scope (`KnownSender.scope`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from cryptography.exceptions import InvalidSignature

from partydesk.documents.package.canonical import refuse_constant
from partydesk.documents.package.container import Container, open_container
from partydesk.documents.package.crypto import (
    PackageHeader,
    check_parties,
    open_body,
    read_header,
)
from partydesk.documents.package.errors import PackageError
from partydesk.documents.package.keys import KnownSender, OfficeKeyPair, fingerprint_of
from partydesk.documents.package.limits import DEFAULT_LIMITS, PackageLimits
from partydesk.documents.package.manifest import (
    AUDIT_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    parse_manifest,
    records_entry,
    table_of,
)
from partydesk.documents.package.progress import Progress, Ticker
from partydesk.documents.package.records import (
    AuditRecord,
    PackageRecord,
    checked_record,
    parse_audit,
    parse_record,
)
from partydesk.documents.package.writer import SIGNATURE_LABEL


class OpenedPackage:
    """A package that passed every check: its manifest, its sender, and lazy record access.

    The decrypted archive stays in memory, so what `records` yields is exactly what was
    checked, whatever happens to the file meanwhile.
    """

    def __init__(
        self, manifest: Manifest, sender: KnownSender, file_sha256: str, container: Container
    ) -> None:
        self.manifest = manifest
        self.sender = sender
        self.file_sha256 = file_sha256
        self._container = container

    def records(self, table: str) -> Iterator[PackageRecord]:
        """The records of `table` in file order (none if the package has no such table)."""
        if table not in self.manifest.counts:
            return
        # Every line was checked by open_package, on these very bytes (held in memory).
        for line in self._container.lines(records_entry(table)):
            yield checked_record(json.loads(line))

    def audit(self) -> Iterator[AuditRecord]:
        """The audit entries in file order."""
        for line in self._container.lines(AUDIT_NAME):
            yield parse_audit(json.loads(line))


def _known_sender(header: PackageHeader, senders: Mapping[str, KnownSender]) -> KnownSender:
    fingerprint = fingerprint_of(header.sender_key_id)
    sender = senders.get(fingerprint)
    # The fingerprint is 80 bits of the key id; the whole id must match as well.
    if sender is None or sender.public.key_id != header.sender_key_id:
        raise PackageError("package.unknown_sender", fingerprint=fingerprint)
    return sender


def _verify_signature(container: Container, sender: KnownSender, limits: PackageLimits) -> bytes:
    manifest_bytes = container.read(MANIFEST_NAME, limits.max_manifest_size)
    signature = container.read(SIGNATURE_NAME, 64)
    try:
        sender.public.signing.verify(signature, SIGNATURE_LABEL + manifest_bytes)
    except InvalidSignature:
        raise PackageError("package.bad_signature", fingerprint=sender.public.fingerprint) from None
    return manifest_bytes


def _check_parties(
    manifest: Manifest, header: PackageHeader, me: OfficeKeyPair, sender: KnownSender
) -> None:
    mismatches = (
        ("format_version", manifest.format_version != header.format_version),
        ("sender.key_id", manifest.sender_key_id != header.sender_key_id),
        ("sender.office_uuid", manifest.sender_office_uuid != sender.public.office_uuid),
        ("recipient.key_id", manifest.recipient_key_id != header.recipient_key_id),
        ("recipient.office_uuid", manifest.recipient_office_uuid != me.office_uuid),
    )
    for field, wrong in mismatches:
        if wrong:
            raise PackageError("package.header_mismatch", field=field)
    if manifest.kind not in sender.kinds:
        raise PackageError(
            "package.kind_not_allowed", kind=str(manifest.kind), sender=sender.public.office_name
        )


def _check_listing(container: Container, manifest: Manifest) -> None:
    present = set(container.entries) - {MANIFEST_NAME, SIGNATURE_NAME}
    for name in sorted(manifest.entries):
        if name in (MANIFEST_NAME, SIGNATURE_NAME):
            raise PackageError("package.manifest_bad_field", field="entries", value=name)
        if name not in present:
            raise PackageError("package.missing_entry", name=name)
    for name in sorted(present - set(manifest.entries)):
        raise PackageError("package.unlisted_entry", name=name)
    if AUDIT_NAME not in manifest.entries:
        raise PackageError("package.missing_entry", name=AUDIT_NAME)
    for table in sorted(manifest.counts):
        if records_entry(table) not in manifest.entries:
            raise PackageError("package.missing_entry", name=records_entry(table))
    for name in sorted(manifest.entries):
        listed = table_of(name)
        if listed is not None and listed not in manifest.counts:
            raise PackageError("package.manifest_missing_field", field=f"counts.{listed}")


def _parse_line(line: bytes, name: str, number: int, table: str | None) -> str | None:
    """Check one line; return the record's UUID (None for audit lines)."""
    if not line.endswith(b"\n") or line == b"\n":
        reason = "empty line" if line == b"\n" else "no newline at the end"
        raise PackageError("package.bad_json_line", name=name, line=number, reason=reason)
    try:
        data = json.loads(line.decode("utf-8"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = type(error).__name__
        raise PackageError("package.bad_json_line", name=name, line=number, reason=reason) from None
    try:
        if table is None:
            parse_audit(data)
            return None
        return parse_record(data).uuid
    except PackageError as error:
        error.params.update(name=name, line=number)
        raise


def _check_entry(container: Container, manifest: Manifest, name: str, ticks: Ticker) -> None:
    """Hash, size, count, line validity and UUID uniqueness of one entry, in that order.

    One pass; a line error is kept until the hash is known, so an altered entry is
    reported as altered rather than by its first broken line.
    """
    expected = manifest.entries[name]
    table = table_of(name)
    digest = hashlib.sha256()
    size = count = 0
    line_error: PackageError | None = None
    seen: set[str] = set()
    for line in container.lines(name):
        digest.update(line)
        size += len(line)
        count += 1
        ticks.tick()
        if line_error is not None:
            continue
        try:
            record_uuid = _parse_line(line, name, count, table)
        except PackageError as error:
            line_error = error
            continue
        if record_uuid is not None:
            if record_uuid in seen:
                line_error = PackageError(
                    "package.duplicate_uuid", table=table, uuid=record_uuid, line=count
                )
            seen.add(record_uuid)
    if digest.hexdigest() != expected.sha256:
        raise PackageError("package.entry_hash_mismatch", name=name)
    if size != expected.size:
        raise PackageError(
            "package.entry_size_mismatch", name=name, found=size, expected=expected.size
        )
    if table is not None and count != manifest.counts[table]:
        raise PackageError(
            "package.count_mismatch", table=table, found=count, expected=manifest.counts[table]
        )
    if line_error is not None:
        raise line_error


def _open(
    path: Path,
    me: OfficeKeyPair,
    senders: Mapping[str, KnownSender],
    limits: PackageLimits,
    progress: Progress | None,
) -> OpenedPackage:
    try:
        stream = path.open("rb")
    except OSError as error:
        raise PackageError("package.unreadable", reason=error.strerror or str(error)) from None
    with stream:
        size = os.fstat(stream.fileno()).st_size
        header = read_header(stream, size, limits)
        check_parties(header, me)
        sender = _known_sender(header, senders)
        body, file_sha256 = open_body(stream, header, me)
    container = open_container(body, limits)
    manifest = parse_manifest(_verify_signature(container, sender, limits))
    _check_parties(manifest, header, me, sender)
    _check_listing(container, manifest)
    ticks = Ticker(progress, sum(manifest.counts.values()))
    for name in sorted(manifest.entries):
        _check_entry(container, manifest, name, ticks)
    return OpenedPackage(manifest, sender, file_sha256, container)


def open_package(
    path: Path,
    me: OfficeKeyPair,
    senders: Mapping[str, KnownSender],
    limits: PackageLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> OpenedPackage:
    """Open, decrypt and verify the package at `path`, sent to `me` by one of `senders`.

    `senders` maps fingerprints to registered offices (`keys.known_senders`). Checks, in
    order: magic and format version, truncation, recipient, sender, decryption, archive
    safety, signature, manifest schema, header agreement and kind, entry listing, then
    per entry hash, size, record count, JSON lines and duplicate UUIDs. Every refusal is
    a PackageError naming the file; `progress(lines checked, lines in all)` is called
    every 5,000 lines and may return False to stop (StoppedError).
    """
    path = Path(path)
    try:
        return _open(path, me, senders, limits, progress)
    except PackageError as error:
        raise error.at(path.name) from None
