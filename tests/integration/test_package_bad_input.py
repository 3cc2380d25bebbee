"""Every bad input the format layer must refuse, each with its own error code.

Each test changes one thing in a valid package (re-zipping, re-signing and re-encrypting
as needed so the other checks still pass) and asserts the code the reader gives.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
from pathlib import Path

import pytest

from partydesk.documents.package import (
    KnownSender,
    PackageError,
    PackageLimits,
    generate_office_keys,
    known_senders,
    open_package,
)
from partydesk.documents.package.crypto import FORMAT_VERSION, HEADER_SIZE
from partydesk.documents.package.writer import sign_manifest
from tests.integration.test_package_helpers import (
    Offices,
    archive_entries,
    decrypted_body,
    listing,
    make_offices,
    manifest_of,
    read_as_above,
    rebuild,
    refused,
    resign,
    seal_body,
    symlink_info,
    write_sample,
    zip_bytes,
)


@pytest.fixture(scope="module")
def offices() -> Offices:
    return make_offices()


@pytest.fixture
def package(tmp_path, offices) -> Path:
    return write_sample(tmp_path / "q4.pdpkg", offices)


def _patched(path: Path, offset: int, data: bytes) -> Path:
    raw = bytearray(path.read_bytes())
    raw[offset : offset + len(data)] = data
    path.write_bytes(bytes(raw))
    return path


# --- not a package, damaged outer file -------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"P", os.urandom(5000), b"PK\x03\x04" + os.urandom(100), b"\x89PDPKG\r"],
    ids=["empty", "one byte", "random", "zip-like", "magic cut short"],
)
def test_not_a_package(tmp_path, offices, content):
    path = tmp_path / "x.pdpkg"
    path.write_bytes(content)
    error = refused(path, offices)
    assert error.code == "package.not_a_package"
    assert "x.pdpkg" in error.message("vi")


def test_a_real_zip_file_is_not_a_package(tmp_path, offices):
    path = tmp_path / "data.pdpkg"
    path.write_bytes(zip_bytes([("manifest.json", b"{}")]))
    assert refused(path, offices).code == "package.not_a_package"


def test_a_folder_or_missing_file_is_unreadable(tmp_path, offices):
    assert refused(tmp_path, offices).code == "package.unreadable"
    assert refused(tmp_path / "missing.pdpkg", offices).code == "package.unreadable"


@pytest.mark.parametrize("keep", [9, 10, 60, HEADER_SIZE - 1, HEADER_SIZE, HEADER_SIZE + 100, -1])
def test_truncated_file(package, offices, keep):
    data = package.read_bytes()
    package.write_bytes(data[:keep])
    error = refused(package, offices)
    assert error.code == "package.truncated"
    assert error.params["found"] == len(data[:keep])


def test_trailing_data(package, offices):
    with package.open("ab") as stream:
        stream.write(b"\0" * 10)
    error = refused(package, offices)
    assert error.code == "package.trailing_data"
    assert error.params["extra"] == 10


def test_newer_format_version(package, offices):
    _patched(package, 8, struct.pack(">H", FORMAT_VERSION + 1))
    error = refused(package, offices)
    assert error.code == "package.newer_format"
    assert "cần phiên bản partydesk mới hơn" in error.message("vi")
    assert "newer partydesk" in error.message("en")


def test_newer_format_is_told_before_truncation(package, offices):
    """A newer format may have a longer header: its length must not be judged by ours."""
    package.write_bytes(package.read_bytes()[:8] + struct.pack(">H", 7))
    assert refused(package, offices).code == "package.newer_format"


@pytest.mark.parametrize(
    ("offset", "data", "problem"),
    [(8, b"\0\0", "format version"), (10, b"\0\1", "flags"), (12, b"\0\0\0\1", "chunk size")],
)
def test_bad_header_fields(package, offices, offset, data, problem):
    error = refused(_patched(package, offset, data), offices)
    assert error.code == "package.bad_header"
    assert problem in error.params["problem"]


def test_too_large_file(package, offices):
    error = refused(package, offices, limits=PackageLimits(max_file_size=HEADER_SIZE + 10))
    assert error.code == "package.too_large"


# --- who sent it, to whom ----------------------------------------------------------------


def test_wrong_recipient(package, offices):
    with pytest.raises(PackageError) as caught:
        open_package(package, offices.stranger, offices.senders)
    assert caught.value.code == "package.wrong_recipient"
    assert offices.above.public.fingerprint in caught.value.message("vi")


def test_unknown_sender(package, offices):
    for senders in ({}, known_senders([KnownSender(offices.stranger.public)])):
        with pytest.raises(PackageError) as caught:
            open_package(package, offices.above, senders)
        assert caught.value.code == "package.unknown_sender"
        assert offices.sender.public.fingerprint in caught.value.message("en")


def test_sender_registered_under_a_colliding_fingerprint(package, offices):
    """The whole key id must match, not only the 80 bits of the fingerprint."""
    impostor = {offices.sender.public.fingerprint: KnownSender(offices.stranger.public)}
    with pytest.raises(PackageError) as caught:
        open_package(package, offices.above, impostor)
    assert caught.value.code == "package.unknown_sender"


# --- encryption ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", [HEADER_SIZE, HEADER_SIZE + 500, -1, -17])
def test_flipped_ciphertext_byte(package, offices, where):
    data = bytearray(package.read_bytes())
    data[where] ^= 0x40
    package.write_bytes(bytes(data))
    assert refused(package, offices).code == "package.decrypt_failed"


@pytest.mark.parametrize("offset", [16, 100, 120])
def test_header_changed_under_the_encryption(package, offices, offset):
    """Body length, ephemeral key and salt are authenticated (associated data)."""
    data = bytearray(package.read_bytes())
    data[offset] ^= 0x01
    package.write_bytes(bytes(data))
    assert refused(package, offices).code in {"package.decrypt_failed", "package.truncated"}


def test_low_order_ephemeral_key(package, offices):
    assert refused(_patched(package, 88, bytes(32)), offices).code == "package.decrypt_failed"


def test_encrypted_by_someone_else_for_the_right_recipient(package, offices):
    """Anyone can encrypt to a public key: the signature is what proves the sender."""
    entries = archive_entries(decrypted_body(package, offices.above))
    forged = resign(entries, offices.stranger)
    seal_body(
        package, zip_bytes(forged.items()), offices.sender.public.key_id, offices.above.public
    )
    error = refused(package, offices)
    assert error.code == "package.bad_signature"
    assert offices.sender.public.fingerprint in error.message("vi")


# --- the archive inside --------------------------------------------------------------------


def _with_extra(name: str | zipfile.ZipInfo, data: bytes = b"x"):
    def change(entries):
        return [*entries.items(), (name, data)]

    return change


def _rezip(path: Path, offices: Offices, items) -> Path:
    return seal_body(path, zip_bytes(items), offices.sender.public.key_id, offices.above.public)


@pytest.mark.parametrize(
    "name",
    [
        "../evil.jsonl",
        "records/../../etc/passwd",
        "/etc/passwd",
        "\\windows\\system32\\evil.dll",
        "records\\member.jsonl",
        "C:/evil.jsonl",
        "records//member.jsonl",
        "./manifest.json",
        "records/member.jsonl\x00.txt",
        "records/",
    ],
)
def test_paths_escaping_the_archive(package, offices, name):
    entries = archive_entries(decrypted_body(package, offices.above))
    # zipfile cuts names at NUL when writing: write a stand-in, then put the NUL in.
    stand_in = name.replace("\x00", "X")
    body = zip_bytes(_with_extra(stand_in)(entries))
    body = body.replace(stand_in.encode(), name.encode())
    seal_body(package, body, offices.sender.public.key_id, offices.above.public)
    error = refused(package, offices)
    assert error.code == "package.unsafe_path"
    assert error.params["name"] == name


def test_symbolic_link_entry(package, offices):
    entries = archive_entries(decrypted_body(package, offices.above))
    _rezip(
        package, offices, _with_extra(symlink_info("records/link.jsonl"), b"/etc/passwd")(entries)
    )
    assert refused(package, offices).code == "package.symlink"


def test_duplicate_entry_names(package, offices):
    entries = archive_entries(decrypted_body(package, offices.above))
    items = [*entries.items(), ("records/member.jsonl", entries["records/member.jsonl"])]
    _rezip(package, offices, items)
    error = refused(package, offices)
    assert error.code == "package.duplicate_entry"
    assert error.params["name"] == "records/member.jsonl"


@pytest.mark.parametrize("name", ["notes.txt", "records/Member.jsonl", "photos/a.jpg", "records"])
def test_entries_the_format_does_not_know(package, offices, name):
    entries = archive_entries(decrypted_body(package, offices.above))
    _rezip(package, offices, _with_extra(name)(entries))
    assert refused(package, offices).code == "package.unexpected_entry"


def test_decompression_bomb(package, offices):
    entries = archive_entries(decrypted_body(package, offices.above))
    bomb = b"\n" * (16 * 1024 * 1024)  # deflates about a thousand times
    _rezip(package, offices, [*entries.items(), ("records/bomb.jsonl", bomb)])
    error = refused(package, offices)
    assert error.code == "package.compression_ratio"
    assert error.params["name"] == "records/bomb.jsonl"
    assert error.params["ratio"] > 100


def test_bomb_that_lies_about_its_size(package, offices):
    """A central directory claiming a small size: zipfile stops there and the CRC fails."""
    entries = archive_entries(decrypted_body(package, offices.above))
    name = b"records/member.jsonl"
    bomb = b"\n" * 2_000_000

    def claim_small(manifest):
        manifest["entries"][name.decode()] = listing({"x": bomb[:1000]})["x"]
        manifest["counts"]["member"] = 1000

    signed = resign({**entries, name.decode(): bomb}, offices.sender, claim_small)
    body = bytearray(zip_bytes(signed.items()))
    # Find the bomb's central directory record; its uncompressed size is at offset 24.
    position = body.index(b"PK\x01\x02")
    while body[position + 46 : position + 46 + len(name)] != name:
        position = body.index(b"PK\x01\x02", position + 4)
    body[position + 24 : position + 28] = struct.pack("<I", 1000)
    seal_body(package, bytes(body), offices.sender.public.key_id, offices.above.public)
    error = refused(package, offices)
    assert error.code == "package.corrupt_container"
    assert "CRC" in error.params["reason"]


def test_oversized_entry(package, offices):
    error = refused(package, offices, limits=PackageLimits(max_entry_size=1000))
    assert error.code == "package.entry_too_large"
    assert error.params["limit"] == 1000


def test_too_many_entries(package, offices):
    assert refused(package, offices, limits=PackageLimits(max_entries=3)).code == (
        "package.too_many_entries"
    )


def test_total_too_large(package, offices):
    limits = PackageLimits(max_total_size=3000)
    assert refused(package, offices, limits=limits).code == "package.total_too_large"


def test_decrypted_body_that_is_not_an_archive(package, offices):
    seal_body(package, b"just some text", offices.sender.public.key_id, offices.above.public)
    assert refused(package, offices).code == "package.corrupt_container"


def test_flipped_byte_in_compressed_records(package, offices):
    """The AEAD passes (re-encrypted) but the records no longer inflate or match."""
    body = bytearray(decrypted_body(package, offices.above))
    archive = zipfile.ZipFile(io.BytesIO(bytes(body)))
    info = archive.getinfo("records/member.jsonl")
    body[info.header_offset + 30 + len(info.filename) + 40] ^= 0x01
    seal_body(package, bytes(body), offices.sender.public.key_id, offices.above.public)
    assert refused(package, offices).code in {
        "package.corrupt_container",
        "package.entry_hash_mismatch",
    }


def test_manifest_too_large(package, offices):
    error = refused(package, offices, limits=PackageLimits(max_manifest_size=100))
    assert error.code == "package.entry_too_large"
    assert error.params["name"] == "manifest.json"


# --- signature and manifest ---------------------------------------------------------------


def test_missing_signature(package, offices):
    rebuild(package, offices, lambda e: {k: v for k, v in e.items() if k != "signature"})
    error = refused(package, offices)
    assert error.code == "package.missing_entry"
    assert error.params["name"] == "signature"


def test_missing_manifest(package, offices):
    rebuild(package, offices, lambda e: {k: v for k, v in e.items() if k != "manifest.json"})
    assert refused(package, offices).code == "package.missing_entry"


def test_signed_by_another_key(package, offices):
    rebuild(package, offices, lambda e: resign(e, offices.stranger))
    assert refused(package, offices).code == "package.bad_signature"


def test_manifest_altered_without_signing(package, offices):
    def change(entries):
        manifest = manifest_of(entries)
        manifest["sequence"]["from"] = 1
        return {**entries, "manifest.json": json.dumps(manifest).encode()}

    rebuild(package, offices, change)
    assert refused(package, offices).code == "package.bad_signature"


def test_garbage_signature(package, offices):
    rebuild(package, offices, lambda e: {**e, "signature": b"\0" * 64})
    assert refused(package, offices).code == "package.bad_signature"
    rebuild(package, offices, lambda e: {**e, "signature": b"\0" * 65})
    assert refused(package, offices).code == "package.entry_too_large"


def _drop(*path: str):
    def edit(manifest):
        target = manifest
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return edit


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("kind",), "kind"),
        (("format_version",), "format_version"),
        (("package_uuid",), "package_uuid"),
        (("schema_revision",), "schema_revision"),
        (("sender", "office_uuid"), "sender.office_uuid"),
        (("recipient", "key_id"), "recipient.key_id"),
        (("sequence", "to"), "sequence.to"),
        (("created_at",), "created_at"),
        (("counts",), "counts"),
        (("entries",), "entries"),
        (("acknowledges",), "acknowledges"),
    ],
)
def test_manifest_missing_fields(package, offices, path, field):
    rebuild(package, offices, lambda e: resign(e, offices.sender, _drop(*path)))
    error = refused(package, offices)
    assert error.code == "package.manifest_missing_field"
    assert error.params["field"] == field
    assert field in error.message("vi")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "everything"),
        ("format_version", "1"),
        ("format_version", True),
        ("package_uuid", "not-a-uuid"),
        ("package_uuid", "6F1F7A52-3D0E-4C43-9A57-2F4D7C0E1A01"),  # not canonical
        ("created_at", "2026-11-23 09:00:00"),
        ("created_at", "2026-13-23T09:00:00Z"),
        ("sequence", {"from": 9, "to": 3}),
        ("sequence", {"from": -1, "to": 3}),
        ("sequence", None),  # a delta needs its range
        ("counts", {"member": -1}),
        ("counts", {"../x": 1}),
        ("acknowledges", {}),  # only a receipt acknowledges
        ("sender", "office"),
        ("format", "other-format"),
    ],
)
def test_manifest_bad_fields(package, offices, field, value):
    rebuild(
        package, offices, lambda e: resign(e, offices.sender, lambda m: m.update({field: value}))
    )
    assert refused(package, offices).code == "package.manifest_bad_field"


@pytest.mark.parametrize(
    "data",
    [b"not json", b"[1, 2]", b"\xff", b"[" * 100_000, b'{"kind": "delta", "kind": "full"}', b"NaN"],
)
def test_manifest_not_json(package, offices, data):
    def change(entries):
        signed = resign(entries, offices.sender)
        return {**signed, "manifest.json": data, "signature": sign_manifest(data, offices.sender)}

    rebuild(package, offices, change)
    assert refused(package, offices).code == "package.manifest_not_json"


@pytest.mark.parametrize(
    ("party", "field"),
    [
        ("recipient", "key_id"),
        ("recipient", "office_uuid"),
        ("sender", "key_id"),
        ("sender", "office_uuid"),
    ],
)
def test_manifest_disagrees_with_the_header(package, offices, party, field):
    """A signed manifest naming another recipient or sender than the header does."""
    stranger = offices.stranger
    value = stranger.public.key_id.hex() if field == "key_id" else stranger.office_uuid

    def edit(manifest):
        manifest[party][field] = value

    rebuild(package, offices, lambda e: resign(e, offices.sender, edit))
    error = refused(package, offices)
    assert error.code == "package.header_mismatch"
    assert error.params["field"] == f"{party}.{field}"


def test_package_re_encrypted_for_another_office(tmp_path, offices):
    """The office above forwards a package to a stranger: the signed recipient differs."""
    package = write_sample(tmp_path / "p.pdpkg", offices)
    body = decrypted_body(package, offices.above)
    seal_body(package, body, offices.sender.public.key_id, offices.stranger.public)
    with pytest.raises(PackageError) as caught:
        open_package(package, offices.stranger, offices.senders)
    assert caught.value.code == "package.header_mismatch"


# --- the entries ---------------------------------------------------------------------------


def _members(entries) -> list[bytes]:
    return entries["records/member.jsonl"].splitlines(keepends=True)


def test_entry_altered_with_the_old_manifest(package, offices):
    """Re-encrypted so the AEAD passes, but the records no longer match their hash."""

    def change(entries):
        altered = entries["records/member.jsonl"].replace("Ánh 3".encode(), "Ánh 8".encode(), 1)
        return {**entries, "records/member.jsonl": altered}

    rebuild(package, offices, change)
    error = refused(package, offices)
    assert error.code == "package.entry_hash_mismatch"
    assert error.params["name"] == "records/member.jsonl"


def test_audit_altered(package, offices):
    rebuild(package, offices, lambda e: {**e, "audit.jsonl": e["audit.jsonl"][:-40] + b"}\n"})
    assert refused(package, offices).code == "package.entry_hash_mismatch"


def test_entry_removed(package, offices):
    rebuild(package, offices, lambda e: {k: v for k, v in e.items() if k != "audit.jsonl"})
    error = refused(package, offices)
    assert error.code == "package.missing_entry"
    assert error.params["name"] == "audit.jsonl"


def test_entry_added_and_not_listed(package, offices):
    rebuild(package, offices, lambda e: {**e, "records/cadre.jsonl": b""})
    error = refused(package, offices)
    assert error.code == "package.unlisted_entry"
    assert error.params["name"] == "records/cadre.jsonl"


def test_size_in_manifest_is_wrong(package, offices):
    def edit(manifest):
        manifest["entries"]["audit.jsonl"]["size"] += 1

    rebuild(package, offices, lambda e: resign(e, offices.sender, edit))
    assert refused(package, offices).code == "package.entry_size_mismatch"


def test_count_in_manifest_is_wrong(package, offices):
    rebuild(
        package,
        offices,
        lambda e: resign(e, offices.sender, lambda m: m["counts"].update(member=29)),
    )
    error = refused(package, offices)
    assert error.code == "package.count_mismatch"
    assert (error.params["found"], error.params["expected"]) == (30, 29)


def test_table_listed_without_count(package, offices):
    rebuild(
        package,
        offices,
        lambda e: resign(e, offices.sender, lambda m: m["counts"].pop("organization")),
    )
    error = refused(package, offices)
    assert error.code == "package.manifest_missing_field"
    assert error.params["field"] == "counts.organization"


def test_count_without_entry(package, offices):
    rebuild(
        package, offices, lambda e: resign(e, offices.sender, lambda m: m["counts"].update(cadre=0))
    )
    error = refused(package, offices)
    assert error.code == "package.missing_entry"
    assert error.params["name"] == "records/cadre.jsonl"


def _with_member_lines(lines: list[bytes], offices: Offices):
    def change(entries):
        data = b"".join(lines)
        return resign(
            {**entries, "records/member.jsonl": data},
            offices.sender,
            lambda m: m["counts"].update(member=len(lines)),
        )

    return change


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"uuid": \n', "JSONDecodeError"),
        (b"\xff\xfe{}\n", "UnicodeDecodeError"),
        (b'{"uuid": NaN}\n', "ValueError"),
        (b"\n", "empty line"),
        (b"[" * 50_000 + b"\n", "RecursionError"),
    ],
)
def test_malformed_json_line(package, offices, line, reason):
    entries = archive_entries(decrypted_body(package, offices.above))
    lines = _members(entries)
    lines[4] = line
    rebuild(package, offices, _with_member_lines(lines, offices))
    error = refused(package, offices)
    assert error.code == "package.bad_json_line"
    assert error.params["line"] == 5
    assert reason in error.params["reason"]


def test_last_line_without_newline(package, offices):
    entries = archive_entries(decrypted_body(package, offices.above))
    lines = _members(entries)
    lines[-1] = lines[-1].rstrip(b"\n")
    rebuild(package, offices, _with_member_lines(lines, offices))
    error = refused(package, offices)
    assert error.code == "package.bad_json_line"
    assert error.params["reason"] == "no newline at the end"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r.pop("uuid"), "uuid"),
        (lambda r: r.update(uuid="123"), "uuid"),
        (lambda r: r.update(version=0), "version"),
        (lambda r: r.update(version="2"), "version"),
        (lambda r: r.pop("updated_at"), "updated_at"),
        (lambda r: r.update(updated_at="hôm qua"), "updated_at"),
        (lambda r: r.update(origin_office=None), "origin_office"),
        (lambda r: r.update(deleted="no"), "deleted"),
        (lambda r: r.update(fields=[]), "fields"),
    ],
)
def test_record_missing_or_invalid_field(package, offices, change, field):
    entries = archive_entries(decrypted_body(package, offices.above))
    lines = _members(entries)
    record = json.loads(lines[2])
    change(record)
    lines[2] = json.dumps(record).encode() + b"\n"
    rebuild(package, offices, _with_member_lines(lines, offices))
    error = refused(package, offices)
    assert error.code == "package.bad_record"
    assert (error.params["field"], error.params["line"]) == (field, 3)


def test_audit_line_missing_a_field(package, offices):
    def change(entries):
        lines = entries["audit.jsonl"].splitlines(keepends=True)
        entry = json.loads(lines[0])
        del entry["transaction_uuid"]
        lines[0] = json.dumps(entry).encode() + b"\n"
        return resign({**entries, "audit.jsonl": b"".join(lines)}, offices.sender)

    rebuild(package, offices, change)
    error = refused(package, offices)
    assert error.code == "package.bad_record"
    assert error.params["name"] == "audit.jsonl"


def test_duplicate_uuids(package, offices):
    entries = archive_entries(decrypted_body(package, offices.above))
    lines = _members(entries)
    lines[20] = lines[7]
    rebuild(package, offices, _with_member_lines(lines, offices))
    error = refused(package, offices)
    assert error.code == "package.duplicate_uuid"
    assert (error.params["table"], error.params["line"]) == ("member", 21)


def test_line_too_long(package, offices):
    error = refused(package, offices, limits=PackageLimits(max_line_size=100))
    assert error.code == "package.line_too_long"


def test_every_refusal_names_the_file_in_both_languages(package, offices):
    key = generate_office_keys(offices.above.office_uuid, "x")
    with pytest.raises(PackageError) as caught:
        open_package(package, key, offices.senders)
    for language in ("vi", "en"):
        text = caught.value.message(language)
        assert "q4.pdpkg" in text
        assert "{" not in text


def test_a_good_package_still_opens(package, offices):
    """The fixture itself is valid: every refusal above comes from the one change made."""
    assert len(list(read_as_above(package, offices).records("member"))) == 30
