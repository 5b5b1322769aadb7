"""`blma compare` and `blma redline`: comparing agreements and versions, annotating a DOCX."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from blma import api
from blma.cli.common import app


class CompareFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"
    docx = "docx"


@app.command("compare")
def compare_command(
    files: Annotated[list[Path], typer.Argument(help="Two or more agreements (DOCX, PDF, Markdown, text)")],
    fmt: Annotated[
        CompareFormat | None,
        typer.Option("--format", help="md, html, json, csv or docx (default: from -o, else md)"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; without it, to stdout")
    ] = None,
) -> None:
    """Compare agreements: the matrix; for two versions of one text, the differences and status changes.

    Example: blma compare old.docx new.docx --format docx -o changes.docx
    """
    if len(files) < 2:
        raise typer.BadParameter("give at least two agreements to compare", param_hint="FILES")
    suffix = output.suffix.lower().lstrip(".") if output else ""
    chosen = fmt or (CompareFormat(suffix) if suffix in CompareFormat.__members__ else CompareFormat.md)
    if chosen is CompareFormat.docx and output is None:
        raise typer.BadParameter("DOCX is binary: give a file with -o changes.docx", param_hint="--format")
    if output is not None:
        api.check_output(output, files)
    try:
        result = api.compare([str(f) for f in files])
    except api.DocumentErrors as exc:
        for error in exc.errors:
            typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    if result.identical:
        typer.echo(f"identical: {files[0]} and {files[1]} have the same content", err=True)
    if output is None:
        typer.echo(result.export(chosen.value).decode("utf-8"), nl=False)
        return
    result.save(output, chosen.value)
    what = "tracked changes" if chosen is CompareFormat.docx and result.is_version_pair else "comparison"
    if result.is_pair and not result.versions:
        typer.echo(f"wrote {output}: {what} of 2 different agreements (not versions of one text), side by side")
        return
    typer.echo(f"wrote {output}: {what} of {len(files)} agreements, {len(result.changes)} status changes")


@app.command("redline")
def redline_command(
    agreement: Annotated[Path, typer.Argument(help="The agreement to annotate (.docx)")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write (default: AGREEMENT.redline.docx beside it)"),
    ] = None,
    protections: Annotated[
        list[str] | None,
        typer.Option("--protections", help="Only fix these protection ids (comma-separated or repeated)"),
    ] = None,
    author: Annotated[
        str, typer.Option("--author", help="Author of the comments and tracked changes")
    ] = "BLMA review",
    decisions: Annotated[
        Path | None,
        typer.Option("--decisions", help="A review file (YAML or JSON): the comments carry its decisions"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Apply --decisions even if saved for a different version of the file")
    ] = False,
) -> None:
    """Return the agreement with a comment on each finding and the suggested clauses as tracked changes.

    Example: blma redline agreement.docx --protections employer_change,social_security_portability
    """
    ids = [pid.strip() for item in protections or [] for pid in item.split(",") if pid.strip()]
    target = output or agreement.with_name(f"{agreement.stem}.redline{agreement.suffix or '.docx'}")
    api.check_output(target, [agreement, *([decisions] if decisions else [])])
    review = api.read_review_file(decisions) if decisions is not None else None
    result = api.annotate(
        agreement, ids or None, author=author, review=review, force=force, review_name=str(decisions)
    )
    api.write_output(target, result.data)
    typer.echo(f"wrote {target}: {result.summary()}")
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
