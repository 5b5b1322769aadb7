"""The ``blma`` command line: a thin shell over :mod:`blma.api`.

Each command module registers its commands on the shared Typer app; every command builds
the API's inputs, calls it and prints. Domain errors become one clear line on stderr in
:func:`main`, never a traceback.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import signal
import sys

# numpy, which spaCy imports, starts one OpenBLAS thread per core as it loads: about a tenth of a
# second of a fresh command's start. No command multiplies matrices large enough to gain from them,
# and `--jobs` works in processes, so one thread each, unless the user has chosen otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer

from blma.cli.common import app
from blma.errors import BlmaError

# A command allocates in long runs that leave next to no cyclic garbage: importing spaCy, loading
# the rulebook and the model, reading a document. At Python's default (a young collection every
# 700 new objects) a small file's `blma analyze` spent about 0.12 s in 318 collections; every
# 50,000 objects, 0.04 s in 4 (measured 2026-12-05).
gc.set_threshold(50_000, 10, 10)
# At exit Python runs full collections while it tears its modules down, each walking every object
# still alive (the rulebook, the pipeline, the model): a quarter of a second of that small file's
# one-second command. Exit handlers run before that teardown, and this one, registered on import,
# after the others: it moves everything out of the collector's sight. Output is still flushed, and
# the system takes the memory back as the process ends.
atexit.register(gc.freeze)

#: Command modules, in the order their commands appear in `blma --help`.
COMMAND_MODULES = ("library", "draft", "analyze", "compare", "kit")

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"blma.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command module not written yet
        if exc.name != f"blma.cli.{_name}":
            raise


def main() -> None:
    """Console entry point: usage errors are click's; domain errors become one clear line.

    SIGTERM ends the command like Ctrl-C does, through the normal exit path, so an output
    being written is abandoned cleanly (its temporary file removed, the old file kept).
    """
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except BlmaError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except Exception:
        # The signal's SystemExit can land inside a library that wraps what its callbacks raise
        # (pydantic turns it into a serialization error): the command was still ended on purpose.
        if _terminated_by is not None:
            sys.exit(128 + _terminated_by)
        raise


#: The signal that ended the command, once one has.
_terminated_by: int | None = None


def _terminate(signum: int, frame: object) -> None:
    _remember(signum)
    sys.exit(128 + signum)


def _interrupt(signum: int, frame: object) -> None:
    """Ctrl-C as Python answers it (``KeyboardInterrupt``), remembered like SIGTERM."""
    _remember(signum)
    signal.default_int_handler(signum, frame)


def _remember(signum: int) -> None:
    global _terminated_by
    _terminated_by = signum
