"""`blma draft`: a spec in, a DOCX or Markdown model agreement out (see blma.drafting)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from blma import api
from blma.cli.common import DraftLanguage, app, table


class DraftFormat(StrEnum):
    docx = "docx"
    md = "md"


@app.command("draft")
def draft_command(
    spec: Annotated[
        Path | None, typer.Argument(help="Draft specification, YAML or JSON", show_default=False)
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; without it, Markdown goes to stdout")
    ] = None,
    fmt: Annotated[
        DraftFormat | None, typer.Option("--format", help="docx or md (default: from the -o suffix, else md)")
    ] = None,
    init: Annotated[bool, typer.Option("--init", help="Print a commented starter spec and exit")] = False,
    coverage: Annotated[
        bool,
        typer.Option("--coverage", help="Print what the draft secures instead of the draft (with -o: too)"),
    ] = False,
    language: Annotated[
        DraftLanguage | None,
        typer.Option("--language", help="The language of the text: en, fr or es (default: the spec's, else en)"),
    ] = None,
    second_language: Annotated[
        DraftLanguage | None,
        typer.Option(
            "--second-language",
            help="A bilingual draft: a second authentic text in this language after the first",
        ),
    ] = None,
) -> None:
    """Assemble a model agreement or MoU from a draft specification.

    Example: blma draft --init > spec.yaml && blma draft spec.yaml -o draft.docx

    In French: blma draft spec.yaml --language fr -o projet.docx (add --second-language en for a bilingual draft).
    """
    if init:
        if spec is not None or output is not None:
            raise typer.BadParameter("--init takes no spec or -o; redirect it: blma draft --init > spec.yaml")
        typer.echo(api.init_spec(), nl=False)
        return
    if spec is None:
        raise typer.BadParameter("give a spec file (start one with: blma draft --init > spec.yaml)")
    chosen = fmt or (DraftFormat.docx if output and output.suffix.lower() == ".docx" else DraftFormat.md)
    if chosen is DraftFormat.docx and output is None:
        raise typer.BadParameter("DOCX is binary: give a file with -o draft.docx", param_hint="--format")
    if output is not None:
        api.check_output(output, [spec])

    result = api.draft(
        spec,
        language=language.value if language else None,
        second_language=second_language.value if second_language else None,
    )
    for notice in result.spec.borrowed_names():
        typer.echo(f"warning: {notice}", err=True)
    if output is not None:
        result.save(output, chosen.value)
        typer.echo(f"wrote {output}: {len(result.articles)} articles; {result.coverage.summary()}")
    if coverage:
        typer.echo(coverage_table(result.coverage))
    elif output is None:
        typer.echo(result.to_markdown(), nl=False)


def coverage_table(coverage: api.Coverage) -> str:
    rows = [
        [
            e.protection_id,
            e.priority,
            e.status,
            e.strength or "-",
            str(e.article) if e.article else "-",
            e.clause_id or f"omitted: {e.reason or 'no reason recorded'}",
        ]
        for e in coverage.entries
    ]
    body = table(rows, ["protection", "priority", "status", "strength", "article", "clause / reason"])
    return f"{body}\n\n{coverage.summary()}"
