"""Writing what the tool produces (drafts, reports, redlines, comparisons): the one place
that touches an output file.

- ``check_output`` runs before any work: a missing or read-only folder, a folder given as
  the file, or an output that is one of the inputs is refused while nothing has been done.
- ``atomic_file`` / ``write_atomic`` write a temporary file beside the target, flush it to
  disk and rename it over the target, so a reader sees the old file or the whole new one.
  The temporary file is removed on every way out (an error, Ctrl-C, SIGTERM in the CLI).
  The file gets the mode a user expects of a new file: 0644 less the umask.
"""

from __future__ import annotations

import errno
import os
import secrets
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from blma.errors import BlmaError

#: Mode of a written file before the umask: readable by everyone, writable by its owner.
FILE_MODE = 0o644
_TEMP_ATTEMPTS = 100
#: The signals ``signals_held`` defers: Ctrl-C and a polite kill (the CLI ends on both).
_HELD = (signal.SIGINT, signal.SIGTERM)


class OutputError(BlmaError):
    """The output cannot be written where the user asked; nothing was written."""


def check_output(output: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse, before any work, an output that cannot be written or would replace an input.

    An input is recognised by its resolved path (symbolic links followed) and by its inode
    (hard links). The folder is probed by creating and removing a temporary file in it, the
    only test that answers for permissions, read-only mounts and the superuser alike.
    """
    path = Path(output)
    for given in inputs:
        if _same_file(path, Path(given)):
            raise OutputError(f"{path}: would replace the input {given}; write the output to another file")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    folder = path.parent
    if not folder.exists():
        raise OutputError(f"{path}: the folder {folder} does not exist; nothing written")
    if not folder.is_dir():
        raise OutputError(f"{path}: {folder} is not a folder; nothing written")
    with signals_held():  # a Ctrl-C or SIGTERM between creating the probe and removing it would leave it
        try:
            fd, temp = _create_temp(path)
        except OSError as exc:
            raise _output_error(path, exc) from None
        os.close(fd)
        temp.unlink(missing_ok=True)
    return path


def _same_file(output: Path, given: Path) -> bool:
    if output.resolve() == given.resolve():
        return True
    try:
        return os.path.samefile(output, given)
    except OSError:  # either does not exist yet (or cannot be read): not the same file
        return False


class OutputFile:
    """The write end of :func:`atomic_file`; a failed write (a full disk) is an ``OutputError``."""

    def __init__(self, handle: BinaryIO, path: Path) -> None:
        self._handle = handle
        self.path = path

    def write(self, data: bytes) -> None:
        try:
            self._handle.write(data)
        except OSError as exc:
            raise _output_error(self.path, exc) from None


@contextmanager
def atomic_file(path: str | Path) -> Iterator[OutputFile]:
    """A file to write ``path`` through; it replaces ``path`` only when the block ends without
    an exception. On any exception (``KeyboardInterrupt`` and ``SystemExit`` too) the
    temporary file is removed and ``path`` is left as it was; an exception raised by the
    block itself comes out unchanged."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"{path}: the folder {path.parent} does not exist; nothing written")
    temp: Path | None = None
    try:
        with signals_held():  # Ctrl-C or SIGTERM between creating the file and owning it would leave it
            try:
                fd, temp = _create_temp(path)
            except OSError as exc:
                raise _output_error(path, exc) from None
        with os.fdopen(fd, "wb") as handle:
            yield OutputFile(handle, path)
            _system_call(path, handle.flush)
            _system_call(path, os.fsync, handle.fileno())
        _system_call(path, os.replace, temp, path)
    except BaseException:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends, and are handled then by the handlers that
    were in place.

    A signal handled between two steps that must go together (a temporary file created and its
    owner recorded; a context entered and its exit registered, as ``ExitStack.enter_context``
    does) would leave a file behind; the caller holds signals across both steps. The handlers are
    swapped for ones that only take note (blocking the signal would not do: another thread, such
    as a process pool's, may receive it). Python runs signal handlers in the main thread only, so
    elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {
        held: signal.signal(held, lambda signum, _frame: pending.append(signum))
        for held in _HELD
        if signal.getsignal(held) is not None  # a handler installed outside Python is left alone
    }
    try:
        yield
    finally:
        for held, handler in previous.items():
            signal.signal(held, handler)
        for signum in pending:
            signal.raise_signal(signum)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_file`)."""
    with atomic_file(path) as output:
        output.write(data)


def _system_call(path: Path, call, *args) -> None:
    """Run one step of the write; the operating system's refusal becomes an ``OutputError``."""
    try:
        call(*args)
    except OSError as exc:
        if exc.errno is None:  # not the operating system's own error: let it speak for itself
            raise
        raise _output_error(path, exc) from None


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new hidden file beside ``path``, created with ``FILE_MODE`` so that the kernel applies
    the umask (``tempfile.mkstemp`` would make it 0600, and reading the umask is not thread-safe)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMP_ATTEMPTS):
        temp = path.with_name(f".{path.name[:200]}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, flags, FILE_MODE), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is harmless."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _output_error(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, IsADirectoryError) or (path.is_dir() and exc.errno in (errno.EISDIR, errno.EEXIST)):
        return OutputError(f"{path}: is a folder; give a file name")
    reason = (exc.strerror or str(exc)).lower()
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"{path}: cannot write in {path.parent} ({reason}); nothing written")
    return OutputError(f"{path}: cannot be written ({reason}); nothing written")
