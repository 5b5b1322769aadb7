"""Build the hold-out 2 evaluation agreements (DOCX) from their YAML sources.

Run with:  /work/main/.venv/bin/python tests/holdout2/build.py
Check labels:  /work/main/.venv/bin/python tests/holdout2/build.py --check

Each file in ``src/*.yaml`` holds one fictional agreement as a list of blocks;
this script writes ``<name>.docx`` next to this file. The ``<name>.labels.yaml``
files are written by hand and are not generated here.

Block types (one key per list item):
  title       Word "Title" style, centred
  p           "Normal" paragraph
  h1, h2, h3  "Heading 1" / "Heading 2" / "Heading 3"
  n           numbered paragraph whose number is typed in the text ("1.", "(1)")
  li          lettered sub-item typed "(a) ...", indented
  chapter     [label, name]: centred bold label, name on the next line in bold
  article     [label, heading]: centred bold label, heading on the next line in bold
  section     [label, title, text]: run-in bold "Section 1.1 Title." then text
  table       {header: [...], rows: [[...]], widths: [cm, ...]} in "Table Grid"
  signatures  [[lines for party 1], [lines for party 2]]: borderless two-column block
  pagebreak   true
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"


def _indent(par, left_cm: float, hanging_cm: float) -> None:
    fmt = par.paragraph_format
    fmt.left_indent = Cm(left_cm)
    fmt.first_line_indent = Cm(-hanging_cm)


def _spacing(par, after_pt: float = 6) -> None:
    par.paragraph_format.space_after = Pt(after_pt)


def _table(doc, spec: dict) -> None:
    header = spec["header"]
    rows = spec["rows"]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = spec.get("style", "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=False):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(text))
        run.bold = True
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"table row has {len(row)} cells, header has {len(header)}: {row!r}")
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = str(text)
    widths = spec.get("widths")
    if widths:
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = Cm(width)
    doc.add_paragraph()


def _signatures(doc, columns: list[list[str]]) -> None:
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=len(columns))
    for cell, lines in zip(table.rows[0].cells, columns, strict=False):
        cell.text = ""
        first = cell.paragraphs[0]
        first.add_run(lines[0]).bold = True
        for line in lines[1:]:
            cell.add_paragraph(line)
        cell.add_paragraph("")
        cell.add_paragraph("____________________________")


def render(spec: dict) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    doc.core_properties.title = spec["title"]
    doc.core_properties.author = "BLMA hold-out 2 (fictional)"

    for block in spec["body"]:
        if not isinstance(block, dict) or len(block) != 1:
            raise ValueError(f"each block must be a one-key mapping: {block!r}")
        kind, value = next(iter(block.items()))
        if kind == "title":
            par = doc.add_paragraph(value, style="Title")
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "p":
            _spacing(doc.add_paragraph(value))
        elif kind in ("h1", "h2", "h3"):
            doc.add_heading(value, level=int(kind[1]))
        elif kind == "n":
            par = doc.add_paragraph(value)
            _indent(par, 0.9, 0.9)
            _spacing(par)
        elif kind == "li":
            par = doc.add_paragraph(value)
            _indent(par, 1.8, 0.8)
            _spacing(par, 3)
        elif kind in ("chapter", "article"):
            label, heading = value
            top = doc.add_paragraph()
            top.alignment = WD_ALIGN_PARAGRAPH.CENTER
            top.paragraph_format.space_before = Pt(18 if kind == "chapter" else 12)
            top.paragraph_format.space_after = Pt(0)
            top.paragraph_format.keep_with_next = True
            top.add_run(label).bold = True
            below = doc.add_paragraph()
            below.alignment = WD_ALIGN_PARAGRAPH.CENTER
            below.paragraph_format.keep_with_next = True
            _spacing(below, 8)
            below.add_run(heading).bold = True
        elif kind == "section":
            label, title, text = value
            par = doc.add_paragraph()
            par.paragraph_format.space_before = Pt(6)
            _spacing(par)
            par.add_run(f"{label}\u2002{title}").bold = True
            par.add_run(f" {text}")
        elif kind == "table":
            _table(doc, value)
        elif kind == "signatures":
            _signatures(doc, value)
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(f"unknown block type {kind!r}")
    return doc


STATUSES = {"present", "partial", "missing", "contrary"}
TRAPS = {"paraphrase", "modality", "negation", "false_friend", "national_law",
         "annex_mandatory", "annex_indicative", "lead_in"}
QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(]))'(.+?)'(?=[\s,;:.)-]|$)")


def _docx_text(path: Path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return _norm(" ".join(parts))


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower()


def check() -> int:
    """Validate every labels file: 34 ids in rubric order, valid statuses and
    traps, locations where needed, and quoted phrases that occur in the DOCX."""
    rubric = yaml.safe_load((HERE.parent.parent / "clauses" / "guidance.yaml").read_text(encoding="utf-8"))
    ids = [p["id"] for p in rubric["protections"]]
    errors: list[str] = []
    totals: Counter = Counter()
    traps: Counter = Counter()
    labels_files = sorted(HERE.glob("*.labels.yaml"))
    for path in labels_files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = path.name
        for key in ("file", "title", "instrument", "sectors", "parties", "protections"):
            if key not in data:
                errors.append(f"{name}: missing key {key}")
        if data.get("instrument") not in ("agreement", "mou"):
            errors.append(f"{name}: bad instrument {data.get('instrument')!r}")
        docx_path = HERE / data["file"]
        if not docx_path.exists():
            errors.append(f"{name}: {data['file']} not built")
            continue
        text = _docx_text(docx_path)
        prot = data["protections"]
        if list(prot) != ids:
            errors.append(f"{name}: ids differ from rubric order")
        counts: Counter = Counter()
        for pid, label in prot.items():
            status = label.get("status")
            if status not in STATUSES:
                errors.append(f"{name}:{pid}: bad status {status!r}")
            counts[status] += 1
            trap = label.get("trap")
            if trap is not None:
                if trap not in TRAPS:
                    errors.append(f"{name}:{pid}: bad trap {trap!r}")
                traps[trap] += 1
            if status == "missing" and label.get("location") is not None and trap != "false_friend":
                errors.append(f"{name}:{pid}: missing but has a location")
            if status != "missing" and not label.get("location"):
                errors.append(f"{name}:{pid}: {status} without location")
            if not label.get("note"):
                errors.append(f"{name}:{pid}: no note")
            for quoted in QUOTE.findall(label.get("note", "")):
                for frag in quoted.split("..."):
                    frag = _norm(frag).strip(" ,;.")
                    if frag and frag not in text:
                        errors.append(f"{name}:{pid}: quote not in DOCX: {frag!r}")
        totals.update(counts)
        print(f"{name}: " + ", ".join(f"{s}={counts[s]}" for s in ("present", "partial", "missing", "contrary")))
    n = sum(totals.values())
    print(f"TOTAL {n}: " + ", ".join(f"{s}={totals[s]} ({100 * totals[s] / max(n, 1):.0f}%)"
                                    for s in ("present", "partial", "missing", "contrary")))
    print("traps: " + ", ".join(f"{k}={v}" for k, v in sorted(traps.items())))
    for err in errors:
        print("ERROR", err, file=sys.stderr)
    return 1 if errors or not labels_files else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        return check()
    sources = sorted(SRC.glob("*.yaml"))
    if not sources:
        print(f"no sources in {SRC}", file=sys.stderr)
        return 1
    for path in sources:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        out = HERE / f"{spec['name']}.docx"
        render(spec).save(out)
        print(f"wrote {out.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
