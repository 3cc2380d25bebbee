"""Fuzzing the package reader: whatever the bytes, it raises PackageError or opens a valid
package, never another exception, and never hangs (every example has a deadline).

Mutations are made at each layer: the file as it travels (every byte authenticated, so
every change must be refused), the archive inside (re-encrypted, so the container checks
are reached), the entries (re-signed and re-listed, so line parsing is reached), and the
manifest (arbitrary JSON, re-signed).
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partydesk.documents.package import OpenedPackage, PackageError
from partydesk.documents.package.crypto import FORMAT_VERSION, MAGIC
from partydesk.documents.package.writer import sign_manifest
from tests.integration.test_package_helpers import (
    Offices,
    archive_entries,
    decrypted_body,
    make_offices,
    read_as_above,
    resign,
    seal_body,
    write_sample,
    zip_bytes,
)

FUZZ = settings(
    max_examples=80,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow],
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


class Sample:
    """A small valid package, its decrypted archive and entries, and a scratch file."""

    def __init__(self, folder: Path, offices: Offices) -> None:
        self.offices = offices
        self.path = write_sample(folder / "base.pdpkg", offices, members=5)
        self.data = self.path.read_bytes()
        self.body = decrypted_body(self.path, offices.above)
        self.entries = archive_entries(self.body)
        self.scratch = folder / "fuzz.pdpkg"

    def outcome(self, data: bytes) -> OpenedPackage | None:
        """Open `data` as a package: the package if it passed, None if refused."""
        self.scratch.write_bytes(data)
        return self.try_open()

    def sealed(self, body: bytes) -> OpenedPackage | None:
        """Encrypt `body` properly from the sender to the office above, then open it."""
        seal_body(self.scratch, body, self.offices.sender.public.key_id, self.offices.above.public)
        return self.try_open()

    def try_open(self) -> OpenedPackage | None:
        try:
            opened = read_as_above(self.scratch, self.offices)
        except PackageError:
            return None
        # A package that passed must also give all its records without surprises.
        for table in opened.manifest.tables:
            assert len(list(opened.records(table))) == opened.manifest.counts[table]
        list(opened.audit())
        return opened


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Sample:
    return Sample(tmp_path_factory.mktemp("fuzz"), make_offices())


@FUZZ
@given(data=st.binary(max_size=4000))
def test_random_bytes(sample, data):
    assert sample.outcome(data) is None


@FUZZ
@given(rest=st.binary(max_size=4000))
def test_random_bytes_after_the_magic(sample, rest):
    version = FORMAT_VERSION.to_bytes(2, "big")
    assert sample.outcome(MAGIC + version + rest) is None


@FUZZ
@given(
    flips=st.dictionaries(st.integers(0, 10**6), st.integers(1, 255), min_size=1, max_size=6),
)
def test_any_changed_byte_of_a_package_is_refused(sample, flips):
    data = bytearray(sample.data)
    for position, xor in flips.items():
        data[position % len(data)] ^= xor
    if bytes(data) == sample.data:  # two flips at one place that cancel out
        return
    assert sample.outcome(bytes(data)) is None


@FUZZ
@given(cut=st.integers(0, 10**6), extra=st.binary(max_size=50))
def test_cut_or_extended_package_is_refused(sample, cut, extra):
    data = sample.data[: cut % len(sample.data)] + extra
    if data == sample.data:
        return
    assert sample.outcome(data) is None


@FUZZ
@given(
    flips=st.dictionaries(st.integers(0, 10**6), st.integers(1, 255), min_size=1, max_size=4),
    cut=st.none() | st.integers(0, 10**6),
)
def test_mutated_archive_inside_a_good_encryption(sample, flips, cut):
    body = bytearray(sample.body)
    for position, xor in flips.items():
        body[position % len(body)] ^= xor
    if cut is not None:
        body = body[: cut % len(body)]
    sample.sealed(bytes(body))


@FUZZ
@given(
    name=st.sampled_from(["records/member.jsonl", "records/organization.jsonl", "audit.jsonl"]),
    position=st.integers(0, 10**5),
    insert=st.binary(min_size=1, max_size=30)
    | st.sampled_from([b"\n", b"{", b"}", b'"', b"\\", b"\xc3", b"null", b",", b"[]"]),
)
def test_mutated_lines_in_a_signed_package(sample, name, position, insert):
    """The sender's own software wrote bad lines: signature and hashes pass, lines not."""
    entries = dict(sample.entries)
    data = entries[name]
    at = position % (len(data) + 1)
    entries[name] = data[:at] + insert + data[at:]
    signed = resign(entries, sample.offices.sender)
    sample.sealed(zip_bytes(signed.items()))


@FUZZ
@given(
    field=st.sampled_from(
        [
            "kind",
            "sequence",
            "counts",
            "entries",
            "sender",
            "created_at",
            "format_version",
            "acknowledges",
            "recipient",
            "package_uuid",
        ]
    ),
    value=JSON,
)
def test_arbitrary_manifest_values_signed(sample, field, value):
    def edit(manifest):
        manifest[field] = value

    signed = resign(sample.entries, sample.offices.sender, edit)
    sample.sealed(zip_bytes(signed.items()))


@FUZZ
@given(manifest=JSON)
def test_arbitrary_manifest_documents_signed(sample, manifest):
    data = json.dumps(manifest).encode()
    entries = {
        **sample.entries,
        "manifest.json": data,
        "signature": sign_manifest(data, sample.offices.sender),
    }
    assert sample.sealed(zip_bytes(entries.items())) is None


def test_the_unmutated_sample_opens(sample):
    """The fuzzed base is valid, so refusals come from the mutations."""
    assert sample.outcome(sample.data) is not None
    assert sample.sealed(sample.body) is not None
