"""What every command module shares: the Typer app, output formats, table printing."""

from __future__ import annotations

import json
from enum import StrEnum

import typer

app = typer.Typer(
    help="Draft, review and compare bilateral labour migration agreements and MoUs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def emit_json(data: object) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False))  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(x.rstrip() for x in out)
