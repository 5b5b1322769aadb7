"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup, one paragraph per line (blank lines are ignored):
  T: text    -> Title style
  H1: text   -> Heading 1
  H2: text   -> Heading 2
  N: text    -> "List Number" paragraph; each run of consecutive N: lines restarts at 1
  |a|b|c|    -> table row (consecutive rows form one table, first row is the header)
  other      -> Normal paragraph
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es2/build_docx.py
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
TARGETS = {
    "01_convenio_flujos_ostravia_valdemora": "01_convenio_flujos_ostravia_valdemora.docx",
    "02_contrato_temporal_origen_fresa": "02_contrato_temporal_origen_fresa.docx",
}


def _list_number_num_id(doc: Document) -> int:
    """numId that the template's "List Number" style points at."""
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    return int(num_pr.find(qn("w:numId")).get(qn("w:val")))


def _restarted_num(doc: Document, base_num_id: int) -> int:
    """New w:num sharing the List Number abstract definition but starting again at 1."""
    numbering = doc.part.numbering_part.element
    base = next(n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == base_num_id)
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    num.append(copy.deepcopy(base.find(qn("w:abstractNumId"))))
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def _set_num(paragraph, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


def _add_table(doc: Document, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(source: Path, target: Path) -> None:
    doc = Document()
    base_num = _list_number_num_id(doc)
    lines = [ln.rstrip("\n") for ln in source.read_text(encoding="utf-8").splitlines()]
    table_rows: list[list[str]] = []
    current_num: int | None = None
    for line in [*lines, ""]:
        if line.startswith("|"):
            table_rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table_rows:
            _add_table(doc, table_rows)
            table_rows = []
        if not line.strip():
            continue
        if line.startswith("N: "):
            if current_num is None:
                current_num = _restarted_num(doc, base_num)
            paragraph = doc.add_paragraph(line[3:], style="List Number")
            _set_num(paragraph, current_num)
            continue
        current_num = None
        if line.startswith("T: "):
            doc.add_paragraph(line[3:], style="Title")
        elif line.startswith("H1: "):
            doc.add_heading(line[4:], level=1)
        elif line.startswith("H2: "):
            doc.add_heading(line[4:], level=2)
        else:
            doc.add_paragraph(line)
    doc.save(target)


def main() -> None:
    for stem, name in TARGETS.items():
        build(SOURCES / f"{stem}.src.txt", HERE / name)
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
