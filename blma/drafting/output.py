"""Writing exports so that a failure never leaves a half-written or stale-looking file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from blma.errors import SpecError


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place only when complete."""
    path = Path(path)
    if not path.parent.is_dir():
        raise SpecError(f"{path}: the folder {path.parent} does not exist; nothing written")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
