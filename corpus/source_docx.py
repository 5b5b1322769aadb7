"""Build a corpus set's Word files from its marked-up plain sources (``sources/<name>.src.txt``).

Each writer of a blind set chose a small line markup of their own, so that the Word files carry
real structures (Title and Heading styles, "List Number" and "List Bullet" paragraphs, tables)
rather than typed look-alikes. The markups differ; building from them does not, and lives here.
A set written in one of the shared markups is rebuilt from the command line (its README gives
the line); a set with a markup of its own keeps a ``build_docx.py`` that declares it and calls
:func:`main`:

    .venv/bin/python corpus/source_docx.py corpus/synthetic_dev_fr7 --markup prefixed

Rows starting with ``|`` form a table in every markup (the first row bold, short rows padded).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docx import Document
from docx.shared import Pt

from blma.ooxml.numbering import restarted_list, set_list

Kind = Literal["title", "heading1", "heading2", "numbered", "bullet"]
STYLES: dict[Kind, str] = {
    "title": "Title",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "numbered": "List Number",
    "bullet": "List Bullet",
}


@dataclass(frozen=True)
class Markup:
    """One writer's markup: line prefixes in the order they are tried, and list numbering.

    ``restart``: when a "List Number" run starts again at 1 — ``never`` (Word's one running list),
    ``after_heading`` (each heading starts a new list), ``after_other`` (any other line does).
    """

    prefixes: tuple[tuple[str, Kind], ...]
    restart: Literal["never", "after_heading", "after_other"] = "never"
    strip: Callable[[str], str] = str.rstrip  # how a source line is trimmed
    normal_font_pt: float | None = None
    sentinel: bool = False  # the source is read with a blank line added at its end
    tables_restart: bool = False  # with ``after_other``: a table between items starts a new list too


#: The prefixed markup of the later French writers, one block per paragraph (blank lines between):
#: "= " Title, "# " / "## " Heading 1 / 2, "+ " List Number (a run restarts at 1 after any other
#: line), "| a | b |" table rows (the first row is the header), anything else Normal (11 pt).
PREFIXED = Markup(
    prefixes=(("= ", "title"), ("## ", "heading2"), ("# ", "heading1"), ("+ ", "numbered")),
    restart="after_other",
    normal_font_pt=11,
)

#: The hashed markup of the fifth and sixth English writers, one block per paragraph: "# " Title,
#: "## " / "### " Heading 1 / 2, "+ " List Number (a run restarts at 1 after any other line or a
#: table), "| a | b |" table rows (the first row is the header), anything else Normal.
HASHED = Markup(
    prefixes=(("+ ", "numbered"), ("### ", "heading2"), ("## ", "heading1"), ("# ", "title")),
    restart="after_other",
    tables_restart=True,
)

#: The keyed markup the Spanish writers used, one paragraph per line (blank lines ignored):
#: "T: " Title, "H1: " / "H2: " Heading 1 / 2, "N: " List Number (each run of consecutive "N: "
#: lines restarts at 1), "|a|b|" table rows (the first row is the header), anything else Normal.
KEYED = Markup(
    prefixes=(("N: ", "numbered"), ("T: ", "title"), ("H1: ", "heading1"), ("H2: ", "heading2")),
    restart="after_other",
    strip=str,
    sentinel=True,
)


def add_table(document, rows: list[list[str]]) -> None:
    """A "Table Grid" table of ``rows``, its first row bold, short rows padded with empty cells."""
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            cell = table.cell(r, c)
            cell.text = row[c] if c < len(row) else ""
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _list_number_abstract(document) -> int:
    """The list definition the template's "List Number" style numbers with."""
    num_id = document.styles["List Number"].element.pPr.numPr.numId.val
    return document.part.numbering_part.element.num_having_numId(num_id).abstractNumId.val


def build(source: Path, target: Path, markup: Markup) -> None:
    """Convert one marked-up source file into a Word document."""
    document = Document()
    if markup.normal_font_pt is not None:
        document.styles["Normal"].font.size = Pt(markup.normal_font_pt)
    rows: list[list[str]] = []
    num_id: int | None = None
    lines = source.read_text(encoding="utf-8").splitlines()
    for raw in [*lines, ""] if markup.sentinel else lines:
        line = markup.strip(raw)
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            if markup.restart == "after_other" and markup.tables_restart:
                num_id = None
            continue
        if rows:
            add_table(document, rows)
            rows = []
        if not line.strip():
            continue
        kind, text = next(((k, line[len(p) :]) for p, k in markup.prefixes if line.startswith(p)), (None, line))
        if kind == "numbered":
            paragraph = document.add_paragraph(text, style=STYLES[kind])
            if markup.restart != "never":
                if num_id is None:
                    num_id = restarted_list(document, _list_number_abstract(document))
                set_list(paragraph, num_id)
            continue
        if markup.restart == "after_other" or (markup.restart == "after_heading" and kind in STYLES and kind != "bullet"):
            num_id = None
        document.add_paragraph(text, style=STYLES[kind] if kind else None)
    if rows:
        add_table(document, rows)
    document.save(str(target))


def build_all(folder: Path, markup: Markup) -> list[Path]:
    """Every ``folder/sources/<name>.src.txt`` built into ``folder/<name>.docx``."""
    built = []
    for source in sorted((folder / "sources").glob("*.src.txt")):
        target = folder / (source.name.removesuffix(".src.txt") + ".docx")
        build(source, target, markup)
        built.append(target)
    return built


def main(folder: Path, markup: Markup) -> None:
    """Build every source of ``folder`` and say what was written."""
    for built in build_all(folder, markup):
        print(f"wrote {built.name}")


#: The markups several sets share, by the name the command line takes.
SHARED = {"prefixed": PREFIXED, "hashed": HASHED, "keyed": KEYED}

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the set's folder, holding sources/<name>.src.txt")
    parser.add_argument("--markup", choices=sorted(SHARED), required=True, help="the markup its writer used")
    args = parser.parse_args()
    main(args.folder, SHARED[args.markup])
