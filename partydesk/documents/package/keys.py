"""Office keys: an Ed25519 pair for signing, an X25519 pair for encryption, and their files.

Each office makes its keys once (at `init`). The public half travels as a small text file
(`.pdkey`) that the office above registers after comparing the fingerprint by phone. The
private half is stored by the service layer wherever it chooses, as the bytes from
`private_keys_to_bytes`, optionally protected by a passphrase.

The key id is SHA-256 over a domain label, the office UUID and both raw public keys, so
one fingerprint confirms the office and both keys together. The fingerprint is the first
80 bits of the key id in base32 (letters A-Z and digits 2-7: no 0/O or 1/I to confuse on
the phone), in four groups of four: ``MZXW-6YTB-OI3D-EMRT``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from partydesk.documents.package.canonical import canonical_bytes
from partydesk.documents.package.errors import PackageError
from partydesk.documents.package.files import atomic_file
from partydesk.documents.package.manifest import Kind

KEY_ID_LABEL = b"partydesk-office-key-v1\x00"
PUBLIC_FILE_LABEL = b"partydesk-public-key-v1\x00"
PUBLIC_FORMAT = "partydesk-public-key"
PRIVATE_FORMAT = "partydesk-private-key"
KEY_FILE_VERSION = 1
PUBLIC_KEY_SUFFIX = ".pdkey"
_MAX_KEY_FILE = 64 * 1024
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, _RAW_PUBLIC)


def key_id_of(office_uuid: str, signing: bytes, encryption: bytes) -> bytes:
    """The 32-byte key id of an office's UUID and raw public keys (see module docstring)."""
    return hashlib.sha256(
        KEY_ID_LABEL + uuid.UUID(office_uuid).bytes + signing + encryption
    ).digest()


def fingerprint_of(key_id: bytes) -> str:
    """The phone-readable fingerprint of a key id: four groups of four base32 characters."""
    text = base64.b32encode(key_id).decode("ascii")[:16]
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed by a person (any case, spaces or dashes) in canonical form.

    Raises ValueError when `text` cannot be a fingerprint.
    """
    compact = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(compact) != 16 or any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in compact):
        raise ValueError(f"not a key fingerprint: {text!r}")
    return "-".join(compact[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class OfficePublicKey:
    """An office's public keys, as read from its public key file."""

    office_uuid: str
    office_name: str
    signing: Ed25519PublicKey = field(repr=False, compare=False)
    encryption: X25519PublicKey = field(repr=False, compare=False)
    key_id: bytes = field(init=False)

    def __post_init__(self) -> None:
        # The key id is derived once; equality of two public keys is equality of key ids.
        object.__setattr__(
            self,
            "key_id",
            key_id_of(self.office_uuid, _raw_public(self.signing), _raw_public(self.encryption)),
        )

    @property
    def fingerprint(self) -> str:
        """The fingerprint to read out by phone."""
        return fingerprint_of(self.key_id)


@dataclass(frozen=True)
class OfficeKeyPair:
    """This office's private keys (and through `public`, its public keys)."""

    office_uuid: str
    office_name: str
    signing: Ed25519PrivateKey = field(repr=False)
    encryption: X25519PrivateKey = field(repr=False)

    @property
    def public(self) -> OfficePublicKey:
        """The public half, to export as a file."""
        return OfficePublicKey(
            self.office_uuid,
            self.office_name,
            self.signing.public_key(),
            self.encryption.public_key(),
        )


@dataclass(frozen=True)
class KnownSender:
    """An office registered here: its public keys and what it may send.

    `kinds` is checked by the reader. `scope` (UUIDs of the organizations whose data the
    office may send) is not: which organization a record belongs to is known only to the
    database, so the import service checks every record against it.
    """

    public: OfficePublicKey
    kinds: frozenset[Kind] = frozenset(Kind)
    scope: frozenset[str] = frozenset()


def known_senders(senders: Iterable[KnownSender]) -> dict[str, KnownSender]:
    """The mapping fingerprint -> sender that `open_package` takes."""
    return {sender.public.fingerprint: sender for sender in senders}


def generate_office_keys(office_uuid: str, office_name: str) -> OfficeKeyPair:
    """New random keys for the office `office_uuid` (a canonical UUID text)."""
    office_uuid = str(uuid.UUID(office_uuid))
    return OfficeKeyPair(
        office_uuid, office_name, Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    )


# --- public key files ---------------------------------------------------------------------


def _public_body(public: OfficePublicKey) -> dict[str, Any]:
    return {
        "format": PUBLIC_FORMAT,
        "version": KEY_FILE_VERSION,
        "office_uuid": public.office_uuid,
        "office_name": public.office_name,
        "signing_key": base64.b64encode(_raw_public(public.signing)).decode("ascii"),
        "encryption_key": base64.b64encode(_raw_public(public.encryption)).decode("ascii"),
    }


def public_key_text(keys: OfficeKeyPair) -> str:
    """The public key file's text: JSON with the keys, the fingerprint and a self-signature.

    The office signs its own name, UUID and keys, so a file edited on the way (another
    name, another encryption key) is refused when read.
    """
    body = _public_body(keys.public)
    signature = keys.signing.sign(PUBLIC_FILE_LABEL + canonical_bytes(body))
    document = {
        **body,
        "fingerprint": keys.public.fingerprint,
        "self_signature": base64.b64encode(signature).decode("ascii"),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_public_key_file(path: Path, keys: OfficeKeyPair) -> None:
    """Write the public key file of `keys` to `path` atomically."""
    with atomic_file(Path(path)) as stream:
        stream.write(public_key_text(keys).encode("utf-8"))


def _text_field(document: dict[str, Any], name: str, path: object) -> str:
    value = document.get(name)
    if not isinstance(value, str):
        raise PackageError("key.bad_file", path=str(path), problem=name)
    return value


def _b64(document: dict[str, Any], name: str, size: int, path: object) -> bytes:
    try:
        raw = base64.b64decode(_text_field(document, name, path), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != size:
        raise PackageError("key.bad_file", path=str(path), problem=name)
    return raw


def _json_document(data: bytes, path: object, expected_format: str) -> dict[str, Any]:
    if len(data) > _MAX_KEY_FILE:
        raise PackageError("key.bad_file", path=str(path), problem="size")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackageError("key.bad_file", path=str(path), problem="JSON") from None
    if not isinstance(document, dict) or document.get("format") != expected_format:
        raise PackageError("key.bad_file", path=str(path), problem="format")
    if document.get("version") != KEY_FILE_VERSION:
        raise PackageError("key.bad_file", path=str(path), problem="version")
    return document


def parse_public_key(data: bytes, path: object = "") -> OfficePublicKey:
    """The public key in a public key file's bytes; checks the self-signature.

    Raises PackageError key.bad_file (not a key file, a field missing or malformed) or
    key.tampered (the signature or the fingerprint does not match the content).
    """
    document = _json_document(data, path, PUBLIC_FORMAT)
    office_uuid = _text_field(document, "office_uuid", path)
    try:
        office_uuid_canonical = str(uuid.UUID(office_uuid))
    except ValueError:
        raise PackageError("key.bad_file", path=str(path), problem="office_uuid") from None
    if office_uuid_canonical != office_uuid:
        raise PackageError("key.bad_file", path=str(path), problem="office_uuid")
    name = _text_field(document, "office_name", path)
    signing = Ed25519PublicKey.from_public_bytes(_b64(document, "signing_key", 32, path))
    encryption = X25519PublicKey.from_public_bytes(_b64(document, "encryption_key", 32, path))
    signature = _b64(document, "self_signature", 64, path)
    public = OfficePublicKey(office_uuid, name, signing, encryption)
    try:
        signing.verify(signature, PUBLIC_FILE_LABEL + canonical_bytes(_public_body(public)))
    except InvalidSignature:
        raise PackageError("key.tampered", path=str(path)) from None
    if document.get("fingerprint") != public.fingerprint:
        raise PackageError("key.tampered", path=str(path))
    return public


def read_public_key_file(path: Path) -> OfficePublicKey:
    """The public key in the file at `path` (see `parse_public_key`)."""
    path = Path(path)
    with path.open("rb") as stream:
        data = stream.read(_MAX_KEY_FILE + 1)
    return parse_public_key(data, path.name)


# --- private keys -------------------------------------------------------------------------


def private_keys_to_bytes(keys: OfficeKeyPair, passphrase: str | None = None) -> bytes:
    """The private keys as text bytes (JSON holding two PKCS#8 PEM blocks).

    With a passphrase, each PEM block is encrypted with `cryptography`'s best available
    scheme (currently AES-256-CBC under a scrypt-derived key); without one they are plain
    and the file must be protected by other means (file permissions, disk encryption).
    """
    algorithm: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )

    def pem(key: Ed25519PrivateKey | X25519PrivateKey) -> str:
        return key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, algorithm
        ).decode("ascii")

    document = {
        "format": PRIVATE_FORMAT,
        "version": KEY_FILE_VERSION,
        "office_uuid": keys.office_uuid,
        "office_name": keys.office_name,
        "encrypted": bool(passphrase),
        "fingerprint": keys.public.fingerprint,
        "signing_key": pem(keys.signing),
        "encryption_key": pem(keys.encryption),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def private_keys_from_bytes(
    data: bytes, passphrase: str | None = None, path: object = ""
) -> OfficeKeyPair:
    """The private keys from `private_keys_to_bytes` output.

    Raises PackageError key.passphrase_required, key.wrong_passphrase or key.bad_file.
    """
    document = _json_document(data, path, PRIVATE_FORMAT)
    encrypted = document.get("encrypted") is True
    if encrypted and not passphrase:
        raise PackageError("key.passphrase_required", path=str(path))
    secret = passphrase.encode("utf-8") if encrypted and passphrase else None

    def load(name: str) -> object:
        pem = _text_field(document, name, path).encode("ascii", "replace")
        try:
            return serialization.load_pem_private_key(pem, password=secret)
        except (TypeError, ValueError, UnsupportedAlgorithm):
            code = "key.wrong_passphrase" if secret else "key.bad_file"
            raise PackageError(code, path=str(path), problem=name) from None

    signing, encryption = load("signing_key"), load("encryption_key")
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(encryption, X25519PrivateKey):
        raise PackageError("key.bad_file", path=str(path), problem="key type")
    try:
        keys = OfficeKeyPair(
            str(uuid.UUID(_text_field(document, "office_uuid", path))),
            _text_field(document, "office_name", path),
            signing,
            encryption,
        )
    except ValueError:
        raise PackageError("key.bad_file", path=str(path), problem="office_uuid") from None
    if document.get("fingerprint") != keys.public.fingerprint:
        raise PackageError("key.bad_file", path=str(path), problem="fingerprint")
    return keys


def write_private_key_file(path: Path, keys: OfficeKeyPair, passphrase: str | None) -> None:
    """Write the private keys to `path` atomically, readable by the owner only (0600)."""
    with atomic_file(Path(path), mode=0o600) as stream:
        stream.write(private_keys_to_bytes(keys, passphrase))


def read_private_key_file(path: Path, passphrase: str | None = None) -> OfficeKeyPair:
    """The private keys in the file at `path` (see `private_keys_from_bytes`)."""
    path = Path(path)
    with path.open("rb") as stream:
        data = stream.read(_MAX_KEY_FILE + 1)
    return private_keys_from_bytes(data, passphrase, path.name)
