"""The container inside the decrypted body: a ZIP archive, checked before anything is read.

ZIP is used because any tool can list and extract it once decrypted (an auditor can check
a package by hand) and because its central directory lets the reader check names, sizes
and compression ratios, then read the small manifest and signature, before it
decompresses a single record. The price is the usual list of ZIP dangers, refused here:
unsafe names, symbolic links, duplicate names, too many or too large entries, bombs.
"""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from partydesk.documents.package.errors import PackageError
from partydesk.documents.package.limits import PackageLimits
from partydesk.documents.package.manifest import (
    AUDIT_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    table_of,
)

# What a damaged archive can make zipfile raise: its own errors and the low-level ones
# from struct, zlib and the text decoding of names.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    struct.error,
    zlib.error,
    EOFError,
    OSError,
    IndexError,
    KeyError,
    OverflowError,
    NotImplementedError,
    RuntimeError,
)
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_BLOCK = 1024 * 1024


class MemoryFile(io.RawIOBase):
    """A read-only, seekable file over a buffer, without copying it (BytesIO would)."""

    def __init__(self, buffer: bytearray | bytes) -> None:
        super().__init__()
        self._view = memoryview(buffer)
        self._position = 0

    def readable(self) -> bool:
        """Always true."""
        return True

    def seekable(self) -> bool:
        """Always true."""
        return True

    def tell(self) -> int:
        """The current position."""
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to `offset` from the start, the current position or the end."""
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}
        position = base[whence] + offset
        if position < 0:
            raise ValueError("negative seek position")
        self._position = position
        return position

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        """Copy the next bytes into `target`; 0 at the end."""
        chunk = self._view[self._position : self._position + len(target)]
        size = len(chunk)
        memoryview(target)[:size] = chunk
        self._position += size
        return size


def is_unsafe_name(name: str) -> bool:
    """Whether an entry name could escape a folder it is extracted into, or hide something.

    Absolute paths, drive letters, backslashes, ".." or "." parts, empty parts and control
    characters (NUL truncates names in some tools) are all unsafe.
    """
    if not name or name.startswith(("/", "\\")) or "\\" in name:
        return True
    if len(name) >= 2 and name[1] == ":":
        return True
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return True
    return any(part in ("", ".", "..") for part in name.split("/"))


def is_known_name(name: str) -> bool:
    """Whether `name` is one of the entries the format defines."""
    return name in (MANIFEST_NAME, SIGNATURE_NAME, AUDIT_NAME) or table_of(name) is not None


@dataclass(frozen=True)
class Container:
    """A checked archive: its entries by name, read with the limits enforced."""

    archive: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo]
    limits: PackageLimits

    def read(self, name: str, limit: int) -> bytes:
        """The whole entry `name` (at most `limit` bytes); package.missing_entry if absent."""
        info = self.entries.get(name)
        if info is None:
            raise PackageError("package.missing_entry", name=name)
        if info.file_size > limit:
            raise PackageError(
                "package.entry_too_large", name=name, size=info.file_size, limit=limit
            )
        try:
            with self.archive.open(info) as stream:
                data = stream.read(limit + 1)
        except ZIP_ERRORS as error:
            raise PackageError("package.corrupt_container", reason=_reason(error)) from None
        if len(data) > limit:
            raise PackageError("package.entry_too_large", name=name, size=len(data), limit=limit)
        return data

    def lines(self, name: str) -> Iterator[bytes]:
        """The lines of entry `name` (newline kept), each at most `limits.max_line_size`.

        Read in blocks and split here: ZipExtFile.readline is several times slower. The
        last line may lack its newline (the caller decides whether that is allowed).
        Raises package.line_too_long, package.corrupt_container.
        """
        limit = self.limits.max_line_size
        number = 0
        pending = b""
        try:
            with self.archive.open(self.entries[name]) as stream:
                while block := stream.read(_BLOCK):
                    parts = (pending + block).split(b"\n")
                    pending = parts.pop()
                    for part in parts:
                        number += 1
                        if len(part) >= limit:
                            raise PackageError(
                                "package.line_too_long", name=name, line=number, limit=limit
                            )
                        yield part + b"\n"
                    if len(pending) > limit:
                        raise PackageError(
                            "package.line_too_long", name=name, line=number + 1, limit=limit
                        )
        except ZIP_ERRORS as error:
            raise PackageError("package.corrupt_container", reason=_reason(error)) from None
        if pending:
            yield pending


def _reason(error: BaseException) -> str:
    # The class name, plus zipfile's own words, which name the problem ("Bad CRC-32").
    text = str(error)[:80] if isinstance(error, zipfile.BadZipFile) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def open_container(body: bytearray | bytes, limits: PackageLimits) -> Container:
    """Open the decrypted body as a ZIP archive and check every entry before reading any.

    Checks, in order: a readable archive, the entry count, then for each entry: a safe
    name, not a symbolic link, not a duplicate, a name the format knows, a supported
    compression, its size and compression ratio; last the total uncompressed size.
    """
    try:
        archive = zipfile.ZipFile(MemoryFile(body))
        infos = archive.infolist()
    except ZIP_ERRORS as error:
        raise PackageError("package.corrupt_container", reason=_reason(error)) from None
    if len(infos) > limits.max_entries:
        raise PackageError("package.too_many_entries", count=len(infos), limit=limits.max_entries)
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        # orig_filename: zipfile cuts a name at NUL, which would hide the NUL from us.
        name = info.orig_filename
        if is_unsafe_name(name):
            raise PackageError("package.unsafe_path", name=name)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageError("package.symlink", name=name)
        if name in entries:
            raise PackageError("package.duplicate_entry", name=name)
        if not is_known_name(name):
            raise PackageError("package.unexpected_entry", name=name)
        if info.flag_bits & 0x1 or info.compress_type not in _METHODS:
            raise PackageError("package.corrupt_container", reason=f"{name}: method")
        size = info.file_size
        if size > limits.max_entry_size:
            raise PackageError(
                "package.entry_too_large", name=name, size=size, limit=limits.max_entry_size
            )
        if size > limits.ratio_floor:
            ratio = size // max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise PackageError(
                    "package.compression_ratio",
                    name=name,
                    ratio=ratio,
                    limit=limits.max_compression_ratio,
                )
        total += size
        entries[name] = info
    if total > limits.max_total_size:
        raise PackageError("package.total_too_large", size=total, limit=limits.max_total_size)
    return Container(archive, entries, limits)
