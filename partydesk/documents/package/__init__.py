"""Sync packages: signed, encrypted files that carry records between offices.

The format is specified in docs/package-format.md. This package knows files and keys
only; the export and import services decide what goes in and what to do with what comes
out (sequence continuity, schema revision and scope are theirs to check).

    keys = generate_office_keys(office_uuid, "Đảng ủy xã Đam Rông")
    write_package(path, PackageSpec(Kind.DELTA, ...), {"member": records}, audit, keys, above)
    opened = open_package(path, above_keys, known_senders([KnownSender(keys.public)]))
    for record in opened.records("member"): ...
"""

from partydesk.documents.package.crypto import FORMAT_VERSION
from partydesk.documents.package.errors import PackageError, StoppedError
from partydesk.documents.package.keys import (
    PUBLIC_KEY_SUFFIX,
    KnownSender,
    OfficeKeyPair,
    OfficePublicKey,
    generate_office_keys,
    known_senders,
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
from partydesk.documents.package.limits import DEFAULT_LIMITS, PackageLimits
from partydesk.documents.package.manifest import Acknowledgement, Kind, Manifest, Outcome
from partydesk.documents.package.reader import OpenedPackage, open_package
from partydesk.documents.package.records import AuditRecord, PackageRecord
from partydesk.documents.package.writer import PackageSpec, WrittenPackage, write_package

PACKAGE_SUFFIX = ".pdpkg"

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "PACKAGE_SUFFIX",
    "PUBLIC_KEY_SUFFIX",
    "Acknowledgement",
    "AuditRecord",
    "Kind",
    "KnownSender",
    "Manifest",
    "OfficeKeyPair",
    "OfficePublicKey",
    "OpenedPackage",
    "Outcome",
    "PackageError",
    "PackageLimits",
    "PackageRecord",
    "PackageSpec",
    "StoppedError",
    "WrittenPackage",
    "generate_office_keys",
    "known_senders",
    "normalize_fingerprint",
    "open_package",
    "parse_public_key",
    "private_keys_from_bytes",
    "private_keys_to_bytes",
    "public_key_text",
    "read_private_key_file",
    "read_public_key_file",
    "write_package",
    "write_private_key_file",
    "write_public_key_file",
]
