"""Build the .docx texts of this hold-out from sources/<name>.src.txt.

Markup of a source file (one block per line):
  "# text"    Title style
  "## text"   Heading 1
  "### text"  Heading 2
  "+ text"    "List Number" paragraph; each run of consecutive items restarts at 1
  "| a | b |" table row; consecutive rows form one table (first row = header)
  blank line  ends a list or table
  other text  Normal paragraph

Run:  /work/main/.venv/bin/python corpus/synthetic_holdout2/build_docx.py
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def _list_number_abstract_id(doc) -> tuple[int, object]:
    """Return (abstractNumId, numbering element) behind the 'List Number' style."""
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.numPr
    num_id = int(num_pr.numId.val)
    numbering = doc.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == num_id:
            abstract = num.find(qn("w:abstractNumId"))
            return int(abstract.get(qn("w:val"))), numbering
    raise RuntimeError("List Number style has no numbering definition")


def _new_restarting_num(doc) -> int:
    """Create a w:num that reuses the List Number definition and restarts at 1."""
    abstract_id, numbering = _list_number_abstract_id(doc)
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(used) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), str(abstract_id))
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def _apply_num(paragraph, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


def _add_table(doc, rows: list[list[str]]) -> None:
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(ncols):
            cell = table.cell(i, j)
            cell.text = row[j] if j < len(row) else ""
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(src: Path) -> Path:
    doc = Document()
    title = None
    list_num = None
    table_rows: list[list[str]] = []

    def flush_table():
        nonlocal table_rows
        if table_rows:
            _add_table(doc, table_rows)
            table_rows = []

    for raw in src.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            list_num = None
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            table_rows.append(cells)
            continue
        flush_table()
        if not line.strip():
            list_num = None
            continue
        if line.startswith("+ "):
            if list_num is None:
                list_num = _new_restarting_num(doc)
            p = doc.add_paragraph(line[2:].strip(), style="List Number")
            _apply_num(p, list_num)
            continue
        list_num = None
        if line.startswith("### "):
            doc.add_paragraph(line[4:].strip(), style="Heading 2")
        elif line.startswith("## "):
            doc.add_paragraph(line[3:].strip(), style="Heading 1")
        elif line.startswith("# "):
            title = line[2:].strip()
            doc.add_paragraph(title, style="Title")
        else:
            doc.add_paragraph(line.strip())
    flush_table()

    if title:
        doc.core_properties.title = title
    doc.core_properties.author = ""
    out = HERE / src.name.replace(".src.txt", ".docx")
    doc.save(out)
    return out


def main() -> None:
    for src in sorted(SOURCES.glob("*.src.txt")):
        out = build(src)
        print(f"wrote {out.relative_to(HERE)}")


if __name__ == "__main__":
    main()
