"""The raw WordprocessingML the DOCX gap report needs and python-docx has no API for.

Kept in one module so the writer never touches XML (see STYLE.md). Names follow the
OOXML spec (ECMA-376 Part 1): ``w:shd`` (§17.4.33), ``w:tblHeader`` (§17.4.49) and
``w:cantSplit`` (§17.4.6).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell, _Row


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
    """The solid fill of a cell, or None when it has none (used by tests and checks)."""
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_on_one_page(row: _Row) -> None:
    """Never split ``row`` across two pages (a status must stay beside its protection)."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: _Row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.append(OxmlElement(tag))
