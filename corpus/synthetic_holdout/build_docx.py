"""Build the two .docx agreements of the synthetic hold-out from their source text.

Usage:  /work/main/.venv/bin/python corpus/synthetic_holdout/build_docx.py

Source markup (sources/*.src.txt), one block per paragraph, blank line between blocks:
  # text          -> Title
  ## text         -> Heading 1
  ### text        -> Heading 2
  1) text         -> Word auto-numbered list ("List Number"); each block of such
                     lines restarts at 1
  - text          -> bulleted list ("List Bullet")
  | a | b |       -> table row (first row of a block is the header row)
  **x** in text   -> bold run
  anything else   -> Normal paragraph (manual numbers such as "4.3" kept as text)
"""
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SOURCES = {
    "02_seasonal_guidelines_amarune_westmarch.src.txt": "02_seasonal_guidelines_amarune_westmarch.docx",
    "08_fisheries_arrangement_tavemori_kestrand.src.txt": "08_fisheries_arrangement_tavemori_kestrand.docx",
}
BOLD = re.compile(r"\*\*(.+?)\*\*")


def add_runs(par, text):
    pos = 0
    for m in BOLD.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        par.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def new_numbering_instance(doc, style_par):
    """Create a new w:num for the abstract numbering of 'List Number', restarting at 1."""
    numbering = doc.part.numbering_part.element
    style = doc.styles["List Number"]
    numpr = style.element.pPr.find(qn("w:numPr"))
    base_num_id = numpr.find(qn("w:numId")).get(qn("w:val"))
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == base_num_id:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    abs_el = OxmlElement("w:abstractNumId")
    abs_el.set(qn("w:val"), abstract_id)
    num.append(abs_el)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_num(par, num_id):
    ppr = par._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def build(src, dst):
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    blocks = [b for b in src.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    for block in blocks:
        lines = [ln for ln in block.split("\n") if ln.strip()]
        first = lines[0]
        if first.startswith("|"):
            rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
            table = doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                cells = table.add_row().cells
                for j, text in enumerate(row):
                    par = cells[j].paragraphs[0]
                    if i == 0:
                        par.add_run(text).bold = True
                    else:
                        add_runs(par, text)
            doc.add_paragraph()
        elif re.match(r"^\d+\) ", first):
            num_id = None
            for ln in lines:
                par = doc.add_paragraph(style="List Number")
                if num_id is None:
                    num_id = new_numbering_instance(doc, par)
                set_num(par, num_id)
                add_runs(par, re.sub(r"^\d+\) ", "", ln))
        elif first.startswith("- "):
            for ln in lines:
                par = doc.add_paragraph(style="List Bullet")
                add_runs(par, ln[2:])
        elif first.startswith("### "):
            doc.add_heading(first[4:], level=2)
        elif first.startswith("## "):
            doc.add_heading(first[3:], level=1)
        elif first.startswith("# "):
            doc.add_heading(first[2:], level=0)
        else:
            par = doc.add_paragraph()
            add_runs(par, " ".join(lines))
            if len(blocks) and block is blocks[1]:
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.save(dst)


def main():
    for s, d in SOURCES.items():
        build(HERE / "sources" / s, HERE / d)
        print("wrote", HERE / d)


if __name__ == "__main__":
    main()
