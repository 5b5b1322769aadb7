"""Tables: their rows of cells as the reader walks them, how deep they nest, and the row and
cell properties python-docx has no API for: ``w:tblHeader`` (§17.4.49), ``w:cantSplit``
(§17.4.6) and ``w:shd`` (§17.4.33)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.table import _Cell, _Row

from blma.ooxml.ns import W_P, W_TBL, W_TC, W_TR, Element, qn
from blma.ooxml.tree import nearest, visible


# -- reading --------------------------------------------------------------------------------
def table_rows(tbl: Element) -> list[list[list[Element]]]:
    """Rows of cells of paragraphs; nested tables are flattened into their cell."""
    rows = []
    for tr in tbl.iter(W_TR):
        if tr.getparent() is not tbl and nearest(tr, W_TBL) is not tbl:
            continue
        cells = []
        for tc in tr.findall(W_TC):
            cells.append([p for p in tc.iter(W_P) if visible(p, tc)])
        rows.append(cells)
    return rows


def table_nesting(root: Element) -> int:
    """How deeply tables nest in ``root``: 1 for a plain table, 2 for a table in a cell, ..."""
    levels: dict[Element, int] = {}
    deepest = 0
    for tbl in root.iter(W_TBL):  # document order: an outer table comes before its inner ones
        outer = nearest(tbl, W_TBL)
        levels[tbl] = levels.get(outer, 0) + 1 if outer is not None else 1
        deepest = max(deepest, levels[tbl])
    return deepest


# -- writing --------------------------------------------------------------------------------
def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_on_one_page(row: _Row) -> None:
    """Never split ``row`` across two pages (a status stays beside its protection, a
    signatory's lines stay together)."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: _Row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.append(OxmlElement(tag))


def shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a solid colour (``fill`` is RGB hex such as "C6EFCE")."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def cell_fill(cell: _Cell) -> str | None:
    """The solid fill of a cell, or None when it has none."""
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None
