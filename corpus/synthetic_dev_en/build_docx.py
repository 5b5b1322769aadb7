"""Build the .docx files of this development set from sources/<name>.src.txt.

Markup of a source file (one paragraph per line, blank lines ignored):
    TITLE: text      -> Title style
    SUB: text        -> Subtitle style
    H1: text         -> Heading 1
    H2: text         -> Heading 2
    N: text          -> "List Number" paragraph; numbering restarts at 1 after
                        any line that is not an N: line
    B: text          -> "List Bullet" paragraph
    | a | b | c |    -> table row (consecutive rows form one table; the first
                        row is the header row, in bold)
    anything else    -> Normal paragraph

Usage: /work/main/.venv/bin/python build_docx.py
"""
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def _list_number_abstract_id(doc):
    """abstractNumId behind the 'List Number' style of the default template."""
    style = doc.styles["List Number"]
    num_id = style.element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    for num in numbering.num_lst:
        if num.numId == num_id:
            return num.abstractNumId.val
    raise RuntimeError("List Number style has no numbering definition")


def _new_restarted_num(doc, abstract_id):
    """Create a w:num pointing at abstract_id whose level 0 restarts at 1."""
    numbering = doc.part.numbering_part.element
    num = numbering.add_num(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return num.numId


def _set_num(paragraph, num_id):
    pPr = paragraph._p.get_or_add_pPr()
    numPr = pPr.get_or_add_numPr()
    numPr.get_or_add_ilvl().val = 0
    numPr.get_or_add_numId().val = num_id


def _add_table(doc, rows):
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    for i, cells in enumerate(rows):
        row = table.add_row().cells
        for j in range(ncols):
            text = cells[j] if j < len(cells) else ""
            para = row[j].paragraphs[0]
            run = para.add_run(text)
            if i == 0:
                run.bold = True
    doc.add_paragraph()


def build(src: Path, out: Path):
    doc = Document()
    abstract_id = _list_number_abstract_id(doc)
    current_num = None
    table_rows = []

    lines = [text.rstrip("\n") for text in src.read_text(encoding="utf-8").splitlines()]
    for raw in [*lines, ""]:
        line = raw.strip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            table_rows.append(cells)
            current_num = None
            continue
        if table_rows:
            _add_table(doc, table_rows)
            table_rows = []
        if not line:
            continue
        if line.startswith("N: "):
            if current_num is None:
                current_num = _new_restarted_num(doc, abstract_id)
            p = doc.add_paragraph(line[3:], style="List Number")
            _set_num(p, current_num)
            continue
        current_num = None
        if line.startswith("TITLE: "):
            doc.add_paragraph(line[7:], style="Title")
        elif line.startswith("SUB: "):
            doc.add_paragraph(line[5:], style="Subtitle")
        elif line.startswith("H1: "):
            doc.add_heading(line[4:], level=1)
        elif line.startswith("H2: "):
            doc.add_heading(line[4:], level=2)
        elif line.startswith("B: "):
            doc.add_paragraph(line[3:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    doc.save(out)


def main():
    for src in sorted(SOURCES.glob("*.src.txt")):
        name = src.name[: -len(".src.txt")]
        out = HERE / f"{name}.docx"
        build(src, out)
        print(f"wrote {out.relative_to(HERE)}")


if __name__ == "__main__":
    main()
