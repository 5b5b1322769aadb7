"""`blma analyze`: agreements in, a gap report out (JSON, Markdown or DOCX; see blma.reports)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from blma import api
from blma.cli.common import JsonArray, app
from blma.cli.progress import BatchProgress
from blma.errors import DocumentError


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
    decisions: Annotated[
        Path | None,
        typer.Option(
            "--decisions",
            help="A review file (YAML or JSON, as the app saves it): its decisions go into the report",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Apply --decisions even if saved for a different version of the file")
    ] = False,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="Which authentic text to analyse: en, fr or es (default: the first supported language in the document)",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes sharing the files (0: one per CPU); the report is the same",
        ),
    ] = 1,
) -> None:
    """Check agreements against the 34 protections of the rubric and report the gaps.

    Unreadable files are reported on stderr ("error: PATH: problem") and the others are still analysed; the exit code is then 2.

    JSON is written as each file is done, in the order given, whatever --jobs; a progress bar shows on a terminal. An output file is written only if an agreement was read, and never over an input.

    Warnings (tracked changes, a document that is not a labour agreement) go to stderr and into the report.

    With --decisions, a reviewer's decisions (status, reason, reviewer) stand beside the tool's findings.

    Limits per document: 25 MB file, 150 MB unpacked DOCX, 30,000 paragraphs, 2,000,000 characters, tables nested 10 deep, 2,000 PDF pages; paragraphs over 10,000 characters are split for analysis.

    Each agreement is analysed in the language it is written in; a bilingual one in its first supported language, or the one --language names. A text in no supported language is refused (exit 2).

    Example: blma analyze agreement.docx other.pdf -o gaps.docx
    """
    chosen = fmt or SUFFIX_FORMATS.get(output.suffix.lower() if output else "", ReportFormat.json)
    if chosen is ReportFormat.docx and output is None:
        raise typer.BadParameter("DOCX is binary: give a file with -o report.docx", param_hint="--format")
    if decisions is not None and len(paths) != 1:
        raise typer.BadParameter("a review file belongs to one agreement: give one PATH", param_hint="--decisions")
    if output is not None:
        api.check_output(output, [*paths, *([decisions] if decisions else [])])  # before the work, not after
    review = api.read_review_file(decisions) if decisions is not None else None
    if language is not None and language not in api.supported_languages():
        raise typer.BadParameter(
            f"'{language}' is not a language this version analyses ({', '.join(api.supported_languages())})",
            param_hint="--language",
        )

    held: list[api.GapReport] = []  # Markdown and DOCX need every report; JSON is streamed
    analysed = failed = 0
    progress = BatchProgress(len(paths), results_to_terminal=output is None and sys.stdout.isatty())
    with ExitStack() as open_output, progress:
        array = None
        for outcome in api.analyze_paths(paths, language=language, jobs=jobs or _cpu_count()):
            progress.advance()
            if isinstance(outcome, DocumentError):
                failed += 1
                progress.echo(f"error: {outcome}")
                continue
            analysed += 1
            if review is not None:
                outcome = api.review_report(paths[0], outcome, review, force=force, review_name=str(decisions))
            for warning in outcome.warnings:
                progress.echo(f"warning: {outcome.file}: {warning}")
            for code in api.analysable_instead(outcome):
                progress.echo(
                    f"hint: {outcome.file}: to analyse the {api.language_name(code)} text instead, "
                    f"add --language {code}"
                )
            if chosen is not ReportFormat.json:
                held.append(outcome)
                continue
            if array is None:  # opened at the first report: a batch with none leaves an old file alone
                array = JsonArray(_json_writer(output, open_output))
            array.add(api.gap_report_json([outcome])[0])
        if array is not None:
            array.close()

    if held:
        _write_report(held, chosen, output)
    if output is not None and analysed:
        typer.echo(f"wrote {output}: {analysed} agreement(s) analysed")
    if failed:
        raise typer.Exit(2)


def _cpu_count() -> int:
    """The CPUs this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _json_writer(output: Path | None, open_output: ExitStack) -> Callable[[str], None]:
    """Where the JSON goes: stdout, or a file that replaces ``output`` once the batch is done."""
    if output is None:
        return lambda text: typer.echo(text, nl=False)
    with api.signals_held():  # a signal between entering the file and registering its exit would leave it
        target = open_output.enter_context(api.atomic_file(output))
    return lambda text: target.write(text.encode("utf-8"))


def _write_report(reports: list[api.GapReport], chosen: ReportFormat, output: Path | None) -> None:
    """A Markdown or DOCX report; with no agreement in it, none is written, so an old report is
    never replaced by an empty one."""
    if chosen is ReportFormat.md:
        text = api.gap_report_markdown(reports)
        if output is None:
            typer.echo(text, nl=False)
            return
        api.write_output(output, text.encode())
    else:
        assert output is not None
        api.write_output(output, api.gap_report_docx(reports))
