"""Build the two .docx agreements of the Spanish synthetic hold-out from their source text.

Usage:  /work/main/.venv/bin/python corpus/synthetic_holdout_es/build_docx.py

The documents use real Word structures so that a reader is tested on them: Title and
Heading styles, "List Number" paragraphs whose numbers come from Word's numbering (they are
not in the paragraph text), "List Bullet" and "Table Grid" tables, and Spanish as the
document language.  Core properties are fixed so a rebuild gives the same content.

Source markup (sources/*.src.txt), one block per paragraph, blank line between blocks:
  # text          -> Title
  ## text         -> Heading 1
  1) text         -> Word auto-numbered list ("List Number"); each block restarts at 1
  - text          -> bulleted list ("List Bullet")
  | a | b |       -> table row (first row of a block is the header row)
  **x** in text   -> bold run
  anything else   -> Normal paragraph (manual numbers such as "4.3" kept as text);
                     the block right after the title is centred (place and date)
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
SOURCES = {
    "02_memorando_temporada_agricola_quenoria_belvador.src.txt": "02_memorando_temporada_agricola_quenoria_belvador.docx",
    "08_arreglo_construccion_maruvia_salvarena.src.txt": "08_arreglo_construccion_maruvia_salvarena.docx",
}
BOLD = re.compile(r"\*\*(.+?)\*\*")
NUMBERED = re.compile(r"^\d+\) ")
FIXED_DATE = dt.datetime(2026, 12, 3, 12, 0, 0)


def add_runs(par: Paragraph, text: str) -> None:
    pos = 0
    for m in BOLD.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos : m.start()])
        par.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def restarted_list(doc: DocumentObject) -> str:
    """A new w:num over the abstract numbering of "List Number", starting again at 1."""
    numbering = doc.part.numbering_part.element
    style_num_id = (
        doc.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    )
    abstract_id = next(
        num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for num in numbering.findall(qn("w:num"))
        if num.get(qn("w:numId")) == style_num_id
    )
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_numbering(par: Paragraph, num_id: str) -> None:
    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        numpr.append(el)
    par._p.get_or_add_pPr().append(numpr)


def set_spanish(doc: DocumentObject) -> None:
    """Mark the Normal style as Spanish, as a Spanish ministry's template would."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "es-ES")
    rpr.append(lang)


def build(src: Path, dst: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    set_spanish(doc)
    blocks = [b for b in src.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    title = ""
    for index, block in enumerate(blocks):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        first = lines[0]
        if first.startswith("|"):
            rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
            table = doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                cells = table.add_row().cells
                for j, text in enumerate(row):
                    if i == 0:
                        cells[j].paragraphs[0].add_run(text).bold = True
                    else:
                        add_runs(cells[j].paragraphs[0], text)
            doc.add_paragraph()
        elif NUMBERED.match(first):
            num_id = restarted_list(doc)
            for ln in lines:
                par = doc.add_paragraph(style="List Number")
                set_numbering(par, num_id)
                add_runs(par, NUMBERED.sub("", ln))
        elif first.startswith("- "):
            for ln in lines:
                add_runs(doc.add_paragraph(style="List Bullet"), ln[2:])
        elif first.startswith("## "):
            doc.add_heading(first[3:], level=1)
        elif first.startswith("# "):
            title = first[2:]
            doc.add_heading(title, level=0)
        else:
            par = doc.add_paragraph()
            add_runs(par, " ".join(lines))
            if index == 1:
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    props = doc.core_properties
    props.title = title[:255]
    props.language = "es-ES"
    props.author = "BLMA Spanish hold-out writer"
    props.created = props.modified = FIXED_DATE
    props.last_modified_by = props.author
    props.revision = 1
    doc.save(dst)


def main() -> None:
    for src, dst in SOURCES.items():
        build(HERE / "sources" / src, HERE / dst)
        print("wrote", HERE / dst)


if __name__ == "__main__":
    main()
