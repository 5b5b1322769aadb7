"""What the analysis keeps between runs in the user's cache folder: built once, checked on every read.

A file is named by a hash of everything it was built from, so changed inputs mean a new name
and a stale file is never read; it starts with the CRC-32 and length of its content, so a
damaged or cut file is built again rather than trusted (a checksum against accidents, not
tampering: whoever can write this folder can already run code as the user; CRC-32 reads the
40 MB a start checks in a third of SHA-256's time); it is written atomically. Nothing here is needed for a right
answer: a cache that cannot be read or written only makes a run slower.

The folder: ``$BLMA_CACHE_DIR``, else ``$XDG_CACHE_HOME/blma``, else ``~/.cache/blma``;
``BLMA_CACHE_DIR=off`` keeps nothing. Files unused for a month go when a new one of their
kind is written (a new version of the rules or of this code).
"""

from __future__ import annotations

import os
import struct
import time
import zlib
from contextlib import suppress
from pathlib import Path

from blma.errors import BlmaError
from blma.outputs import write_atomic

#: Before the content: its CRC-32 and length (little-endian, unsigned 32 and 64 bits).
_HEADER = struct.Struct("<IQ")

#: A cached file unused (unread) for this long is removed when another of its kind is written.
UNUSED_FOR = 30 * 24 * 3600


def cache_folder() -> Path | None:
    """Where cached files go, or None when caching is off."""
    chosen = os.environ.get("BLMA_CACHE_DIR")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "blma"


def read(name: str) -> bytes | None:
    """The content stored under ``name``, or None when it is absent, unreadable or damaged."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        blob = (folder / name).read_bytes()
    except OSError:
        return None
    data = blob[_HEADER.size :]
    if len(blob) < _HEADER.size or _HEADER.unpack_from(blob) != (zlib.crc32(data), len(data)):
        return None
    with suppress(OSError):
        os.utime(folder / name)  # in use: kept by the clean-up in ``write``
    return data


def write(name: str, data: bytes) -> None:
    """Store ``data`` under ``name`` and drop files of its kind unused for a month; a folder
    that cannot be written is passed over."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / name, _HEADER.pack(zlib.crc32(data), len(data)) + data)
    except (OSError, BlmaError):
        return
    kind = name.split("-", 1)[0]  # "rulebook", "precheck", "arbiter"
    cutoff = time.time() - UNUSED_FOR
    for old in folder.glob(f"{kind}-*"):
        with suppress(OSError):
            if old.name != name and old.stat().st_mtime < cutoff:
                old.unlink()
