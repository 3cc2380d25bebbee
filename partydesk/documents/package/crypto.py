"""The outer file: a plain 136-byte header, then the body encrypted in authenticated chunks.

The body key comes from X25519 between a fresh ephemeral key (its public half is in the
header) and the recipient's encryption key, through HKDF-SHA256 with a random salt. Every
chunk is sealed with ChaCha20-Poly1305; its nonce is the chunk number plus a "last chunk"
flag (the STREAM construction), and the whole header is its associated data. So nothing
in the header can be changed, and no chunk can be dropped, reordered or cut off, without
the authentication failing. docs/package-format.md gives the byte layout.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from partydesk.documents.package.errors import PackageError
from partydesk.documents.package.keys import OfficeKeyPair, OfficePublicKey, fingerprint_of
from partydesk.documents.package.limits import PackageLimits

MAGIC = b"\x89PDPKG\r\n"
FORMAT_VERSION = 1
HEADER_SIZE = 136
TAG_SIZE = 16
DEFAULT_CHUNK_SIZE = 1024 * 1024
_LAYOUT = struct.Struct(">8sHHIQ32s32s32s16s")
_KDF_INFO = b"partydesk-package-v1\x00"
# 11-byte chunk counter: more chunks than any file system holds.
_COUNTER_LIMIT = 1 << 88

assert _LAYOUT.size == HEADER_SIZE


@dataclass(frozen=True)
class PackageHeader:
    """The plain header of a package file (see docs/package-format.md, "Outer file")."""

    format_version: int
    flags: int
    chunk_size: int
    body_length: int
    sender_key_id: bytes
    recipient_key_id: bytes
    ephemeral_key: bytes
    salt: bytes

    def pack(self) -> bytes:
        """The header's 136 bytes."""
        return _LAYOUT.pack(
            MAGIC,
            self.format_version,
            self.flags,
            self.chunk_size,
            self.body_length,
            self.sender_key_id,
            self.recipient_key_id,
            self.ephemeral_key,
            self.salt,
        )

    @property
    def chunk_count(self) -> int:
        """How many encrypted chunks the body holds (at least one)."""
        return max(1, -(-self.body_length // (self.chunk_size + TAG_SIZE)))


def body_length_for(plaintext_length: int, chunk_size: int) -> int:
    """The encrypted length of a plaintext: one tag per chunk, at least one chunk."""
    chunks = max(1, -(-plaintext_length // chunk_size))
    return plaintext_length + chunks * TAG_SIZE


def _derive_key(shared: bytes, header: PackageHeader, recipient_key: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=header.salt,
        info=_KDF_INFO + header.ephemeral_key + recipient_key,
    )
    return hkdf.derive(shared)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal(
    stream: BinaryIO,
    plaintext: bytes | memoryview,
    sender_key_id: bytes,
    recipient: OfficePublicKey,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> str:
    """Write header and encrypted `plaintext` to `stream`; return the file's SHA-256 (hex).

    One chunk is encrypted at a time, so the only whole copy in memory is `plaintext`.
    """
    ephemeral = X25519PrivateKey.generate()
    raw = serialization.Encoding.Raw
    recipient_key = recipient.encryption.public_bytes(raw, serialization.PublicFormat.Raw)
    header = PackageHeader(
        format_version=FORMAT_VERSION,
        flags=0,
        chunk_size=chunk_size,
        body_length=body_length_for(len(plaintext), chunk_size),
        sender_key_id=sender_key_id,
        recipient_key_id=recipient.key_id,
        ephemeral_key=ephemeral.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
        salt=os.urandom(16),
    )
    head = header.pack()
    aead = ChaCha20Poly1305(
        _derive_key(ephemeral.exchange(recipient.encryption), header, recipient_key)
    )
    digest = hashlib.sha256(head)
    stream.write(head)
    view = memoryview(plaintext)
    count = header.chunk_count
    for index in range(count):
        piece = view[index * chunk_size : (index + 1) * chunk_size]
        sealed = aead.encrypt(_nonce(index, index == count - 1), piece, head)
        digest.update(sealed)
        stream.write(sealed)
    return digest.hexdigest()


def read_header(stream: BinaryIO, file_size: int, limits: PackageLimits) -> PackageHeader:
    """The header of the file open in `stream`, checked in order: magic, version, length.

    Raises PackageError package.not_a_package, package.newer_format, package.bad_header,
    package.truncated, package.trailing_data or package.too_large.
    """
    head = stream.read(HEADER_SIZE)
    if len(head) < len(MAGIC) or head[: len(MAGIC)] != MAGIC:
        raise PackageError("package.not_a_package")
    if len(head) < len(MAGIC) + 2:
        raise PackageError("package.truncated", found=file_size, expected=HEADER_SIZE)
    version = int.from_bytes(head[8:10], "big")
    if version > FORMAT_VERSION:
        raise PackageError("package.newer_format", found=version, supported=FORMAT_VERSION)
    if version < 1:
        raise PackageError("package.bad_header", problem=f"format version {version}")
    if len(head) < HEADER_SIZE:
        raise PackageError("package.truncated", found=file_size, expected=HEADER_SIZE)
    header = PackageHeader(*_LAYOUT.unpack(head)[1:])
    if header.flags != 0:
        raise PackageError("package.bad_header", problem=f"flags {header.flags}")
    if not limits.min_chunk_size <= header.chunk_size <= limits.max_chunk_size:
        raise PackageError("package.bad_header", problem=f"chunk size {header.chunk_size}")
    expected = HEADER_SIZE + header.body_length
    if file_size > limits.max_file_size:
        raise PackageError("package.too_large", size=file_size, limit=limits.max_file_size)
    if file_size < expected:
        raise PackageError("package.truncated", found=file_size, expected=expected)
    if file_size > expected:
        raise PackageError("package.trailing_data", extra=file_size - expected)
    last = header.body_length - (header.chunk_count - 1) * (header.chunk_size + TAG_SIZE)
    if last < TAG_SIZE:
        raise PackageError("package.bad_header", problem=f"body length {header.body_length}")
    return header


def check_parties(header: PackageHeader, me: OfficeKeyPair) -> None:
    """Refuse a package encrypted for another office (package.wrong_recipient)."""
    mine = me.public.key_id
    if header.recipient_key_id != mine:
        raise PackageError(
            "package.wrong_recipient",
            found=fingerprint_of(header.recipient_key_id),
            mine=fingerprint_of(mine),
        )


def open_body(stream: BinaryIO, header: PackageHeader, me: OfficeKeyPair) -> tuple[bytearray, str]:
    """Decrypt the body following the header; return it and the file's SHA-256 (hex).

    The plaintext is decrypted chunk by chunk straight into one buffer of its final size.
    Raises PackageError package.decrypt_failed naming the first chunk that fails.
    """
    raw = serialization.Encoding.Raw
    my_key = me.encryption.public_key().public_bytes(raw, serialization.PublicFormat.Raw)
    head = header.pack()
    try:
        peer = X25519PublicKey.from_public_bytes(header.ephemeral_key)
        shared = me.encryption.exchange(peer)
    except ValueError:
        # A low-order ephemeral key gives an all-zero secret, which OpenSSL refuses.
        raise PackageError("package.decrypt_failed", chunk=0) from None
    aead = ChaCha20Poly1305(_derive_key(shared, header, my_key))
    count = header.chunk_count
    if count >= _COUNTER_LIMIT:
        raise PackageError("package.bad_header", problem=f"body length {header.body_length}")
    body = bytearray(header.body_length - count * TAG_SIZE)
    view = memoryview(body)
    digest = hashlib.sha256(head)
    sealed_size = header.chunk_size + TAG_SIZE
    for index in range(count):
        last = index == count - 1
        sealed = stream.read(sealed_size)
        if (not last and len(sealed) != sealed_size) or len(sealed) < TAG_SIZE:
            # The file shrank after its size was checked (another program writing it).
            raise PackageError("package.truncated", found=len(sealed), expected=sealed_size)
        digest.update(sealed)
        start = index * header.chunk_size
        target = view[start : start + len(sealed) - TAG_SIZE]
        try:
            aead.decrypt_into(_nonce(index, last), sealed, head, target)
        except InvalidTag:
            raise PackageError("package.decrypt_failed", chunk=index + 1) from None
    return body, digest.hexdigest()
