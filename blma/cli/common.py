"""What every command module shares: the Typer app, domain errors as one line, JSON output,
table printing."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from enum import StrEnum

import typer
from typer.core import TyperGroup

from blma.errors import BlmaError


class _Commands(TyperGroup):
    """Domain errors become one line on stderr and their exit code, for every command, whether
    run by the console script or in-process (tests, ``CliRunner``)."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except BlmaError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=_Commands,
    help="Draft, review and compare bilateral labour migration agreements and MoUs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class DraftLanguage(StrEnum):
    """The languages a draft, and the clause library, are written in."""

    en = "en"
    fr = "fr"
    es = "es"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def emit_json(data: object) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


class JsonArray:
    """A JSON array written one element at a time, as each is ready, byte for byte what
    ``emit_json`` writes for the whole list; nothing at all is written for no element."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write
        self.count = 0

    def add(self, item: object) -> None:
        text = textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), "  ")
        self._write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        if self.count:
            self._write("\n]\n")


def table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False))  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(x.rstrip() for x in out)
