"""The ``blma`` command line: a thin shell over :mod:`blma.api`.

Each command module registers its commands on the shared Typer app; every command builds
the API's inputs, calls it and prints. Domain errors become one clear line on stderr in
:func:`main`, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

from blma.cli.common import app
from blma.errors import BlmaError

#: Command modules, in the order their commands appear in `blma --help`.
COMMAND_MODULES = ("library", "draft", "analyze", "compare")

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"blma.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command module not written yet
        if exc.name != f"blma.cli.{_name}":
            raise


def main() -> None:
    """Console entry point: usage errors are click's; domain errors become one clear line."""
    try:
        app()
    except BlmaError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
