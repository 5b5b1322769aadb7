"""Style properties python-docx has no API for: plain (non-theme) fonts, a paragraph style's
border and contextual spacing, and the style names a reader needs fast."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.styles.style import ParagraphStyle

from blma.ooxml.ns import Element, qn, w

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def style_names(styles: Element | None) -> dict[str, str]:
    """styleId to lower-case name, built once: python-docx's per-paragraph lookup is slow."""
    if styles is None:
        return {}
    names = {}
    for style in styles.iter(w("style")):
        name_el = style.find(w("name"))
        names[style.get(w("styleId"), "")] = (
            name_el.get(w("val"), "") if name_el is not None else ""
        ).lower()
    return names


def use_plain_font(document: Document, name: str) -> None:
    """Make ``name`` the font everywhere: theme font attributes win over ``w:ascii`` in Word,
    so they are removed from the document defaults and from every style."""
    styles = document.styles.element
    r_pr_default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr_default is not None and r_pr_default.find(qn("w:rFonts")) is None:
        r_pr_default.insert(0, OxmlElement("w:rFonts"))
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), name)


def remove_border(style: ParagraphStyle) -> None:
    """Drop a paragraph style's border (the default Title has a coloured rule under it)."""
    _remove_property(style, "w:pBdr")


def remove_contextual_spacing(style: ParagraphStyle) -> None:
    """Let paragraphs of ``style`` keep their spacing between each other (the default List
    Number style suppresses it, which runs numbered paragraphs together)."""
    _remove_property(style, "w:contextualSpacing")


def _remove_property(style: ParagraphStyle, tag: str) -> None:
    p_pr = style.element.find(qn("w:pPr"))
    found = p_pr.find(qn(tag)) if p_pr is not None else None
    if found is not None:
        p_pr.remove(found)
