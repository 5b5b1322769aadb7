"""`blma analyze`: agreements in, a gap report out (JSON, Markdown or DOCX; see blma.reports)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from blma import api
from blma.analysis.models import GapReport
from blma.cli.common import app, emit_json
from blma.errors import DocumentError
from blma.reports import write_atomic


class ReportFormat(StrEnum):
    json = "json"
    md = "md"
    docx = "docx"


SUFFIX_FORMATS = {".docx": ReportFormat.docx, ".md": ReportFormat.md, ".markdown": ReportFormat.md}


@app.command("analyze")
def analyze_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Agreements to analyse: DOCX, DOCM, PDF, TXT or Markdown", metavar="PATH", show_default=False
        ),
    ],
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", help="json, md or docx (default: from the -o suffix, else json)"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write; without it, JSON or Markdown goes to stdout"),
    ] = None,
) -> None:
    """Check agreements against the 34 protections of the rubric and report the gaps.

    Unreadable files are reported on stderr ("error: PATH: problem") and the others are still analysed; the exit code is then 2.

    Warnings (tracked changes, a document that is not a labour agreement) go to stderr and into the report.

    Example: blma analyze agreement.docx other.pdf -o gaps.docx
    """
    chosen = fmt or SUFFIX_FORMATS.get(output.suffix.lower() if output else "", ReportFormat.json)
    if chosen is ReportFormat.docx and output is None:
        raise typer.BadParameter("DOCX is binary: give a file with -o report.docx", param_hint="--format")
    if output is not None:
        _check_output(output, paths)

    reports: list[GapReport] = []
    failed = 0
    for outcome in api.analyze_paths(paths):
        if isinstance(outcome, DocumentError):
            failed += 1
            typer.echo(f"error: {outcome}", err=True)
            continue
        reports.append(outcome)
        for warning in outcome.warnings:
            typer.echo(f"warning: {outcome.file}: {warning}", err=True)

    _emit(reports, chosen, output)
    if failed:
        raise typer.Exit(2)


def _check_output(output: Path, paths: list[str]) -> None:
    """Fail before a long analysis, not after it, and never overwrite an input."""
    if output.resolve() in {Path(p).resolve() for p in paths}:
        raise typer.BadParameter(f"{output} is one of the agreements to analyse", param_hint="-o")
    if not output.parent.is_dir():
        raise typer.BadParameter(f"the folder {output.parent} does not exist", param_hint="-o")
    if output.is_dir():
        raise typer.BadParameter(f"{output} is a folder; give a file name", param_hint="-o")


def _emit(reports: list[GapReport], chosen: ReportFormat, output: Path | None) -> None:
    """JSON is always an array, even an empty one; a Markdown or DOCX report with no agreement
    in it is not written, so an old report is never replaced by an empty one."""
    if chosen is ReportFormat.json:
        data = api.gap_report_json(reports)
        if output is None:
            emit_json(data)
            return
        write_atomic(output, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
    elif not reports:
        return
    elif chosen is ReportFormat.md:
        text = api.gap_report_markdown(reports)
        if output is None:
            typer.echo(text, nl=False)
            return
        write_atomic(output, text.encode())
    else:
        assert output is not None
        write_atomic(output, api.gap_report_docx(reports))
    typer.echo(f"wrote {output}: {len(reports)} agreement(s) analysed")
