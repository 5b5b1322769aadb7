"""Markdown gap report: the layout is ``templates/gap_report.md.j2``; this module prepares it.

Quoted text comes from uploaded documents, so the filters keep it inside its table cell or
quote and neutralise raw HTML, which a Markdown viewer would otherwise render.
"""

from __future__ import annotations

from blma.reports.view import FileView
from blma.reports.words import environment, render, template_module

TEMPLATE = "gap_report.md.j2"


def _plain(text: object) -> str:
    return str(text).replace("<", "&lt;")


def cell(text: object) -> str:
    """A table cell cannot hold a pipe or a line break."""
    return " ".join(_plain(text).replace("|", "\\|").split()) or " "


def quote(text: object) -> str:
    """One quoted line (a sentence, a warning)."""
    return " ".join(_plain(text).split())


def blockquote(text: object) -> str:
    """Several paragraphs as one Markdown block quote; blank lines stay inside the quote."""
    lines = [" ".join(line.split()) for line in _plain(text).strip().splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def markdown_report(files: list[FileView]) -> str:
    env = environment()
    env.filters.update(cell=cell, quote=quote, blockquote=blockquote)
    text = render(TEMPLATE, files=files, words=template_module())
    # the template's blank-line handling is approximate; a report never needs two in a row
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
