"""Office keys: generation, fingerprints, public and private key files."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import sys

import pytest

from partydesk.documents.package import (
    PackageError,
    generate_office_keys,
    normalize_fingerprint,
    parse_public_key,
    private_keys_from_bytes,
    private_keys_to_bytes,
    public_key_text,
    read_private_key_file,
    read_public_key_file,
    write_private_key_file,
    write_public_key_file,
)
from partydesk.documents.package.keys import fingerprint_of
from tests.integration.test_package_helpers import ABOVE_UUID, SENDER_UUID

FINGERPRINT = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


def test_fingerprint_is_short_and_phone_readable():
    keys = generate_office_keys(SENDER_UUID, "Đảng ủy xã Đam Rông")
    fingerprint = keys.public.fingerprint
    assert FINGERPRINT.fullmatch(fingerprint)
    assert len(keys.public.key_id) == 32
    assert fingerprint == fingerprint_of(keys.public.key_id)
    # Base32 of the key id's first 10 bytes.
    assert fingerprint.replace("-", "") == base64.b32encode(keys.public.key_id[:10]).decode()
    assert normalize_fingerprint(fingerprint.lower().replace("-", " ")) == fingerprint
    with pytest.raises(ValueError, match="fingerprint"):
        normalize_fingerprint("ABCD-EFGH-IJKL-MNO0")  # 0 is not a base32 letter


def test_fingerprint_binds_the_office_uuid():
    keys = generate_office_keys(SENDER_UUID, "A")
    moved = type(keys)(ABOVE_UUID, "A", keys.signing, keys.encryption)
    assert moved.public.fingerprint != keys.public.fingerprint
    renamed = type(keys)(SENDER_UUID, "B", keys.signing, keys.encryption)
    assert renamed.public.key_id == keys.public.key_id  # the name is not part of it


def test_public_key_file_round_trip(tmp_path):
    keys = generate_office_keys(SENDER_UUID, "Đảng ủy xã Đam Rông")
    path = tmp_path / "dam-rong.pdkey"
    write_public_key_file(path, keys)
    public = read_public_key_file(path)
    assert public == keys.public
    assert public.office_name == "Đảng ủy xã Đam Rông"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["fingerprint"] == keys.public.fingerprint
    assert "Đảng ủy xã Đam Rông" in path.read_text(encoding="utf-8")  # readable, not escaped
    assert "PRIVATE" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("office_name", "Đảng ủy xã Giả"),
        ("office_uuid", ABOVE_UUID),
        ("fingerprint", "AAAA-BBBB-CCCC-DDDD"),
    ],
)
def test_edited_public_key_file_is_refused(field, value):
    keys = generate_office_keys(SENDER_UUID, "Đảng ủy xã Đam Rông")
    document = json.loads(public_key_text(keys))
    document[field] = value
    with pytest.raises(PackageError) as caught:
        parse_public_key(json.dumps(document).encode(), "x.pdkey")
    assert caught.value.code == "key.tampered"


def test_public_key_file_with_another_encryption_key_is_refused():
    keys = generate_office_keys(SENDER_UUID, "A")
    other = generate_office_keys(SENDER_UUID, "A")
    document = json.loads(public_key_text(keys))
    document["encryption_key"] = json.loads(public_key_text(other))["encryption_key"]
    with pytest.raises(PackageError) as caught:
        parse_public_key(json.dumps(document).encode())
    assert caught.value.code == "key.tampered"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe",
        b"[]",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "partydesk-public-key", "version": 2}',
        b'{"format": "partydesk-public-key", "version": 1}',
        b" " * 70_000,
    ],
)
def test_not_a_public_key_file(data):
    with pytest.raises(PackageError) as caught:
        parse_public_key(data, "x.pdkey")
    assert caught.value.code == "key.bad_file"
    assert "x.pdkey" in caught.value.message("vi")


def test_public_key_file_with_a_short_key_is_refused():
    keys = generate_office_keys(SENDER_UUID, "A")
    document = json.loads(public_key_text(keys))
    document["signing_key"] = base64.b64encode(b"short").decode()
    with pytest.raises(PackageError) as caught:
        parse_public_key(json.dumps(document).encode())
    assert caught.value.code == "key.bad_file"
    assert caught.value.params["problem"] == "signing_key"


def test_private_keys_without_passphrase():
    keys = generate_office_keys(SENDER_UUID, "Đảng ủy xã Đam Rông")
    data = private_keys_to_bytes(keys)
    assert b"ENCRYPTED" not in data
    back = private_keys_from_bytes(data)
    assert back.public == keys.public
    assert back.office_name == keys.office_name


def test_private_keys_with_passphrase(tmp_path):
    keys = generate_office_keys(SENDER_UUID, "A")
    path = tmp_path / "office.key"
    write_private_key_file(path, keys, "mật khẩu dài")
    assert b"ENCRYPTED PRIVATE KEY" in path.read_bytes()
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert read_private_key_file(path, "mật khẩu dài").public == keys.public
    for passphrase, code in ((None, "key.passphrase_required"), ("sai", "key.wrong_passphrase")):
        with pytest.raises(PackageError) as caught:
            read_private_key_file(path, passphrase)
        assert caught.value.code == code
        assert "office.key" in caught.value.message("en")


def test_private_key_file_of_another_office_is_refused():
    keys = generate_office_keys(SENDER_UUID, "A")
    other = generate_office_keys(ABOVE_UUID, "B")
    document = json.loads(private_keys_to_bytes(keys))
    document["encryption_key"] = json.loads(private_keys_to_bytes(other))["encryption_key"]
    with pytest.raises(PackageError) as caught:
        private_keys_from_bytes(json.dumps(document).encode())
    assert caught.value.code == "key.bad_file"
    assert caught.value.params["problem"] == "fingerprint"


def test_private_key_file_with_swapped_keys_is_refused():
    keys = generate_office_keys(SENDER_UUID, "A")
    document = json.loads(private_keys_to_bytes(keys))
    document["signing_key"], document["encryption_key"] = (
        document["encryption_key"],
        document["signing_key"],
    )
    with pytest.raises(PackageError) as caught:
        private_keys_from_bytes(json.dumps(document).encode())
    assert caught.value.code == "key.bad_file"
    assert caught.value.params["problem"] == "key type"


def test_garbled_private_key_is_refused():
    keys = generate_office_keys(SENDER_UUID, "A")
    document = json.loads(private_keys_to_bytes(keys))
    document["signing_key"] = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    with pytest.raises(PackageError) as caught:
        private_keys_from_bytes(json.dumps(document).encode())
    assert caught.value.code == "key.bad_file"
