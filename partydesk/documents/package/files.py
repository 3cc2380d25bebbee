"""Atomic file writes: a temporary file beside the target, then `os.replace`."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = 0o644) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `path` only when the block ends without error.

    The temporary file lives in the same folder (so `os.replace` is atomic on one file
    system) and is flushed to disk first, so a crash or a full USB stick never leaves
    half a package under the real name. On any error the temporary file is removed.
    `mode` sets the permissions (0o600 for private keys).
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, mode)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
