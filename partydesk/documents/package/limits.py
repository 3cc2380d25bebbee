"""Size limits the reader enforces before it trusts a package (and the writer respects).

A package comes from another office on a USB stick or by e-mail: the reader must not run
out of memory or disk on a damaged or hostile file. Every limit is checked on the sizes
the container declares *and* on the bytes actually produced, so a file that lies about
its sizes is stopped as well.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class PackageLimits:
    """What a package may hold. The defaults fit a province-sized full package.

    A 50,000-member full package is about 6 MiB on disk and 66 MiB of JSON lines
    (bench/bench_package.py); the defaults leave room for far more than a province.
    """

    # The decrypted container is held in memory once, so this bounds the reader's memory.
    max_file_size: int = 1024 * MIB
    max_entries: int = 256
    max_entry_size: int = 1536 * MIB
    max_total_size: int = 4096 * MIB
    # JSON lines of records deflate about 12 times; a decompression bomb
    # compresses hundreds to thousands of times. The ratio is only judged on entries
    # above `ratio_floor`, where a high ratio cannot come from a tiny file's overhead.
    max_compression_ratio: int = 100
    ratio_floor: int = 1 * MIB
    max_manifest_size: int = 4 * MIB
    max_line_size: int = 4 * MIB
    # Plaintext bytes per encrypted chunk that the reader accepts from a header.
    min_chunk_size: int = 1024
    max_chunk_size: int = 16 * MIB


DEFAULT_LIMITS = PackageLimits()
