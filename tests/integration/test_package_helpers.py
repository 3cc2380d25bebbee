"""Builders for the sync package tests: offices with keys, sample records, and tools that
take a package apart and put it back together (re-zipped, re-signed, re-encrypted), so a
test can change exactly one thing and see the reader refuse it for that reason.

Imported by the other test_package_* modules; its own tests check the builders themselves.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from partydesk.documents.package import (
    AuditRecord,
    Kind,
    KnownSender,
    OfficeKeyPair,
    OfficePublicKey,
    PackageError,
    PackageRecord,
    PackageSpec,
    generate_office_keys,
    known_senders,
    open_package,
    write_package,
)
from partydesk.documents.package.canonical import canonical_bytes
from partydesk.documents.package.crypto import open_body, read_header, seal
from partydesk.documents.package.limits import DEFAULT_LIMITS
from partydesk.documents.package.writer import sign_manifest

SENDER_UUID = "6f1f7a52-3d0e-4c43-9a57-2f4d7c0e1a01"
ABOVE_UUID = "0c9b4b8e-55a1-4d8c-8f0e-7d3e2b6a9c02"
OTHER_UUID = "a4e2d3c1-7b6f-4e5d-9c8b-1a2b3c4d5e03"


@dataclass(frozen=True)
class Offices:
    """A grassroots office, the office above it, and a stranger."""

    sender: OfficeKeyPair
    above: OfficeKeyPair
    stranger: OfficeKeyPair

    @property
    def senders(self) -> dict[str, KnownSender]:
        """The office above's register: it knows the sender only."""
        return known_senders([KnownSender(self.sender.public)])


def make_offices() -> Offices:
    """Three offices with fresh keys."""
    return Offices(
        generate_office_keys(SENDER_UUID, "Đảng ủy xã Đam Rông"),
        generate_office_keys(ABOVE_UUID, "Ban Tổ chức Tỉnh ủy Lâm Đồng"),
        generate_office_keys(OTHER_UUID, "Đảng ủy xã Khác"),
    )


@pytest.fixture(scope="module")
def offices() -> Offices:
    """Keys made once per test module (generation is cheap, but so is reuse)."""
    return make_offices()


def member_records(count: int, origin: str = SENDER_UUID, seed: int = 1) -> list[PackageRecord]:
    """`count` member-like records with Vietnamese text, dates, a null and a tombstone."""
    records = []
    for index in range(count):
        records.append(
            PackageRecord(
                uuid=str(uuid.UUID(int=seed * 10**9 + index)),
                version=1 + index % 3,
                updated_at=datetime(2026, 11, 23, 8, 30, index % 60, 1000 * (index % 7)),
                origin_office=origin,
                deleted=index % 50 == 49,
                fields={
                    "full_name": f"Nguyễn Thị Ánh {index}",
                    "birth_date": "1975-03-0" + str(1 + index % 9),
                    "cccd": f"0011750{index:05d}",
                    "organization_uuid": str(uuid.UUID(int=7_000 + index % 35)),
                    "status": "official",
                    "note": None,
                    "tags": ["Kinh", "Không"],
                },
            )
        )
    return records


def audit_records(count: int) -> list[AuditRecord]:
    """`count` audit entries behind the records."""
    return [
        AuditRecord(
            at=datetime(2026, 11, 23, 8, 30, index % 60),
            actor="Nguyễn Văn Cán",
            action="member.update",
            table="member",
            record_uuid=str(uuid.UUID(int=10**9 + index)),
            transaction_uuid=str(uuid.UUID(int=5_000_000 + index)),
            before={"status": "probationary"},
            after={"status": "official"},
        )
        for index in range(count)
    ]


def delta_spec(**changes: Any) -> PackageSpec:
    """A delta package spec; keyword arguments change its fields."""
    values: dict[str, Any] = {
        "kind": Kind.DELTA,
        "schema_revision": "0002",
        "program_version": "0.1.0",
        "sequence_from": 41,
        "sequence_to": 57,
        "period_label": "Quý IV/2026",
        "created_at": datetime(2026, 11, 23, 9, 0, 0),
    }
    values.update(changes)
    return PackageSpec(**values)


def write_sample(path: Path, offices: Offices, members: int = 30) -> Path:
    """A valid delta package from the sender to the office above."""
    write_package(
        path,
        delta_spec(),
        {"member": member_records(members), "organization": []},
        audit_records(5),
        offices.sender,
        offices.above.public,
    )
    return path


def read_as_above(path: Path, offices: Offices, **kwargs: Any) -> Any:
    """Open `path` as the office above, which knows the sender."""
    return open_package(path, offices.above, offices.senders, **kwargs)


def refused(path: Path, offices: Offices, **kwargs: Any) -> PackageError:
    """The PackageError the office above gets for `path` (fails if the package opens)."""
    with pytest.raises(PackageError) as caught:
        read_as_above(path, offices, **kwargs)
    error = caught.value
    # Every refusal reads as a sentence in both languages and names the file.
    for language in ("vi", "en"):
        text = error.message(language)
        assert path.name in text
        assert not re.search(r"\{[a-z_]+\}", text)
        assert error.code not in text
    return error


# --- taking a package apart -----------------------------------------------------------


def decrypted_body(path: Path, me: OfficeKeyPair) -> bytes:
    """The plaintext archive inside a package."""
    with path.open("rb") as stream:
        header = read_header(stream, path.stat().st_size, DEFAULT_LIMITS)
        body, _ = open_body(stream, header, me)
    return bytes(body)


def archive_entries(body: bytes) -> dict[str, bytes]:
    """Name -> uncompressed bytes of every entry of an archive."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_bytes(entries: Iterable[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    """An archive of `entries` in order (duplicate names kept, as an attacker would)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def symlink_info(name: str) -> zipfile.ZipInfo:
    """A ZipInfo marking its entry as a symbolic link (Unix mode in external_attr)."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def seal_body(path: Path, body: bytes, sender_key_id: bytes, recipient: OfficePublicKey) -> Path:
    """Encrypt `body` as a package from `sender_key_id` to `recipient` at `path`."""
    with path.open("wb") as stream:
        seal(stream, body, sender_key_id, recipient, chunk_size=4096)
    return path


def manifest_of(entries: dict[str, bytes]) -> dict[str, Any]:
    """The manifest JSON object stored in `entries`."""
    return json.loads(entries["manifest.json"])


def listing(entries: dict[str, bytes]) -> dict[str, Any]:
    """The manifest's "entries" object that matches `entries` as they are."""
    return {
        name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in entries.items()
        if name not in ("manifest.json", "signature")
    }


def resign(
    entries: dict[str, bytes],
    signer: OfficeKeyPair,
    edit: Callable[[dict[str, Any]], None] | None = None,
    relist: bool = True,
) -> dict[str, bytes]:
    """`entries` with a new manifest (entries listed again unless not `relist`, then
    `edit`ed) signed by `signer`."""
    manifest = manifest_of(entries)
    if relist:
        manifest["entries"] = listing(entries)
    if edit is not None:
        edit(manifest)
    data = canonical_bytes(manifest)
    return {**entries, "manifest.json": data, "signature": sign_manifest(data, signer)}


def rebuild(
    path: Path,
    offices: Offices,
    change: Callable[[dict[str, bytes]], dict[str, bytes]],
    target: Path | None = None,
) -> Path:
    """Decrypt the package at `path`, `change` its entries, zip and encrypt it again."""
    entries = change(archive_entries(decrypted_body(path, offices.above)))
    body = zip_bytes(entries.items())
    return seal_body(target or path, body, offices.sender.public.key_id, offices.above.public)


# --- the builders' own tests ------------------------------------------------------------


def test_rebuilding_without_change_reads_back(tmp_path, offices):
    path = write_sample(tmp_path / "a.pdpkg", offices)
    before = read_as_above(path, offices)
    rebuild(path, offices, lambda entries: entries, tmp_path / "b.pdpkg")
    after = read_as_above(tmp_path / "b.pdpkg", offices)
    assert after.manifest == before.manifest
    assert list(after.records("member")) == list(before.records("member"))


def test_resigning_keeps_a_valid_package(tmp_path, offices):
    path = write_sample(tmp_path / "a.pdpkg", offices)

    def relabel(entries):
        return resign(entries, offices.sender, lambda m: m.update(period_label="Năm 2026"))

    rebuild(path, offices, relabel)
    assert read_as_above(path, offices).manifest.period_label == "Năm 2026"


def test_sample_records_are_realistic():
    records = member_records(100)
    assert len({r.uuid for r in records}) == 100
    assert sum(r.deleted for r in records) == 2
    assert all(r.origin_office == SENDER_UUID for r in records)
