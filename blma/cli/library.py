"""`blma guidance` and `blma library`: browse and check the rubric and the clauses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from blma import api
from blma.cli.common import DraftLanguage, ListFormat, app, emit_json, table


# -- guidance ------------------------------------------------------------------------------
@app.command()
def guidance(
    fmt: Annotated[ListFormat, typer.Option("--format", help="table or json")] = ListFormat.table,
) -> None:
    """List the protections of the rubric.

    Example: blma guidance --format json
    """
    protections = api.guidance()
    if fmt is ListFormat.json:
        emit_json([p.model_dump(mode="json") for p in protections])
        return
    rows = [[p.id, p.group, p.priority, p.title] for p in protections]
    typer.echo(table(rows, ["id", "group", "priority", "title"]))


# -- library -------------------------------------------------------------------------------
library_app = typer.Typer(
    help="Browse and check the clause library.", invoke_without_command=True, no_args_is_help=False
)
app.add_typer(library_app, name="library")


@library_app.callback()
def library(
    ctx: typer.Context,
    protection: Annotated[str | None, typer.Option(help="Only clauses securing this protection id")] = None,
    sector: Annotated[str | None, typer.Option(help="Only clauses suiting this sector")] = None,
    style: Annotated[str | None, typer.Option(help="agreement or mou")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="table or json")] = ListFormat.table,
    language: Annotated[
        DraftLanguage, typer.Option("--language", help="Titles and texts in en, fr or es")
    ] = DraftLanguage.en,
) -> None:
    """List the clauses of the library.

    Example: blma library --protection employer_change --sector domestic_work --language fr
    """
    if ctx.invoked_subcommand is not None:
        return
    clauses = api.clauses(protection=protection, sector=sector, style=style, language=language.value)
    if fmt is ListFormat.json:
        emit_json([api.clause_summary(c) for c in clauses])
        return
    rows = [[c.id, c.strength, ",".join(c.sectors), ",".join(c.styles), c.title] for c in clauses]
    typer.echo(table(rows, ["id", "strength", "sectors", "styles", "title"]))
    typer.echo(f"\n{len(clauses)} clause(s)")


@library_app.command("check")
def library_check(
    root: Annotated[Path | None, typer.Option(help="Library folder to check (default: clauses/)")] = None,
) -> None:
    """Validate every library file; exit 1 with one line per problem.

    Example: blma library check
    """
    problems, summary = api.check_library(root)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s) found", err=True)
        raise typer.Exit(1)
    typer.echo(summary)
