"""Writing a report so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from blma.errors import BlmaError


class OutputError(BlmaError):
    """The report cannot be written where the user asked."""


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place when complete;
    a reader of ``path`` sees the old file or the whole new one, never a part."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"{path}: the folder {path.parent} does not exist; nothing written")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except PermissionError:
        raise OutputError(f"{path}: cannot write in {path.parent} (permission denied)") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is an ordinary, shareable file
        os.replace(tmp, path)
    except IsADirectoryError:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: is a folder; give a file name") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
