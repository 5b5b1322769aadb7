"""Section properties (``w:sectPr``, §17.6): where a section's page numbers start."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section

#: Children of ``w:sectPr`` that come after ``w:pgNumType`` in the schema's sequence.
_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")  # fmt: skip


def restart_page_numbers(section: Section, start: int = 1) -> None:
    """Number the section's pages from ``start`` (a bilingual text's second text starts at 1)."""
    sect_pr = section._sectPr
    found = sect_pr.find(qn("w:pgNumType"))
    if found is None:
        found = sect_pr.insert_element_before(OxmlElement("w:pgNumType"), *_AFTER_PGNUMTYPE)
    found.set(qn("w:start"), str(start))
