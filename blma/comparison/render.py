"""Renderings of a comparison: Markdown and HTML (templates in ``templates/compare*.j2``),
CSV (the matrix), JSON (the contract) and DOCX (tracked changes for two versions of one
text, a matrix table for different agreements and for more than two).
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import PurePath

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from jinja2.sandbox import SandboxedEnvironment

from blma.comparison.models import ComparisonData
from blma.comparison.wordiff import readable
from blma.docx_properties import set_properties
from blma.templating import layout_environment

FORMATS = ("md", "html", "json", "csv", "docx")
GROUP_TITLES = {"worker_protection": "Worker protections", "governance": "Governance"}


@cache
def environment() -> SandboxedEnvironment:
    """Sandboxed like the drafting templates; HTML is autoescaped because file names and texts are users'."""
    env = layout_environment()
    env.filters["basename"] = lambda path: PurePath(str(path)).name
    env.filters["md"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    env.filters["readable"] = readable
    return env


def to_markdown(comparison: ComparisonData) -> str:
    return environment().get_template("compare.md.j2").render(c=comparison, group_titles=GROUP_TITLES)


def to_html(comparison: ComparisonData) -> str:
    return environment().get_template("compare.html.j2").render(c=comparison, group_titles=GROUP_TITLES)


def to_json(comparison: ComparisonData) -> str:
    return json.dumps(comparison.contract_dict(), indent=2, ensure_ascii=False) + "\n"


def to_csv(comparison: ComparisonData) -> str:
    """One row per protection: its ids, then per file the status and the evidence locations."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["protection", "title", "group", "priority"]
    for file in comparison.files:
        header += [f"{file} status", f"{file} evidence"]
    writer.writerow(header)
    for row in comparison.matrix.rows:
        cells = [x for cell in row.cells for x in (cell.status, "; ".join(cell.locations))]
        writer.writerow([row.id, row.title, row.group, row.priority, *cells])
    return out.getvalue()


def matrix_docx(comparison: ComparisonData) -> bytes:
    """The matrix as a landscape Word table, grouped like the rubric.

    Columns carry the short titles (parties and year); a key above the table gives each
    one's full title, file and score. For two files, the verdict on whether they are
    versions of one text comes first.
    """
    document = Document()
    names = ", ".join(PurePath(str(f)).name for f in comparison.files)
    title = f"Protection matrix: {len(comparison.files)} agreements"
    set_properties(document.core_properties, title=title, subject=f"Comparison of {names}")
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    document.add_heading(title, level=1)
    if comparison.is_pair and comparison.relation is not None:
        verdict = document.add_paragraph()
        verdict.add_run(comparison.relation.summary()).bold = True
        if not comparison.relation.versions:
            verdict.add_run(" They are set side by side below; neither is read as a change of the other.")
    document.add_paragraph("Key to the columns").runs[0].bold = True
    for a in comparison.matrix.agreements:
        key = document.add_paragraph(style="List Bullet")
        key.add_run(a.short_title).bold = True
        key.add_run(
            f": {a.title or PurePath(str(a.file)).name} ({PurePath(str(a.file)).name}); "
            f"score {a.score:.2f}; {a.counts.get('present', 0)} present, "
            f"{a.counts.get('partial', 0)} partial, {a.counts.get('missing', 0)} missing, "
            f"{a.counts.get('contrary', 0)} contrary"
        )
    table = document.add_table(rows=1, cols=len(comparison.files) + 1)
    table.style = document.styles["Table Grid"]
    table.rows[0].cells[0].text = "Protection"
    for n, a in enumerate(comparison.matrix.agreements, start=1):
        table.rows[0].cells[n].text = a.short_title
    for group, rows in comparison.matrix.groups():
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = GROUP_TITLES.get(group, group)
        merged.paragraphs[0].runs[0].bold = True
        for row in rows:
            cells = table.add_row().cells
            cells[0].text = row.title + (" (core)" if row.priority == "core" else "")
            for n, cell in enumerate(row.cells, start=1):
                cells[n].text = cell.label()
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(8)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def export(comparison: ComparisonData, fmt: str) -> bytes:
    if fmt == "md":
        return to_markdown(comparison).encode("utf-8")
    if fmt == "html":
        return to_html(comparison).encode("utf-8")
    if fmt == "json":
        return to_json(comparison).encode("utf-8")
    if fmt == "csv":
        return to_csv(comparison).encode("utf-8")
    if fmt == "docx":
        if comparison.is_version_pair and comparison._sources:
            from blma.comparison.tracked import tracked_docx

            return tracked_docx(comparison)
        return matrix_docx(comparison)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
