"""Namespaces and names of WordprocessingML, spelt in one place.

Elements are lxml elements (python-docx's own classes where python-docx parsed the part);
:data:`Element` is their type for annotations elsewhere, :data:`XMLSyntaxError` what parsing
a part raises.
"""

from __future__ import annotations

from docx.oxml.ns import qn as _qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

#: An element of a parsed part.
Element = etree._Element
#: What parsing a part that is not well-formed XML raises (python-docx's parser included).
XMLSyntaxError = etree.XMLSyntaxError


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute: ``w("p")`` is ``{...main}p``."""
    return f"{{{W_NS}}}{tag}"


def qn(name: str) -> str:
    """Clark name of a prefixed name such as ``"w:tblHeader"`` (python-docx's prefixes)."""
    return _qn(name)


W_DOCUMENT, W_BODY = w("document"), w("body")
W_P, W_PPR, W_R, W_RPR = w("p"), w("pPr"), w("r"), w("rPr")
W_STRIKE, W_DSTRIKE = w("strike"), w("dstrike")
W_TBL, W_TR, W_TC = w("tbl"), w("tr"), w("tc")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
W_T, W_DEL_TEXT, W_TAB, W_BR, W_CR = w("t"), w("delText"), w("tab"), w("br"), w("cr")
W_INSTR, W_DEL_INSTR = w("instrText"), w("delInstrText")
W_DEL, W_INS, W_MOVE_FROM, W_MOVE_TO = w("del"), w("ins"), w("moveFrom"), w("moveTo")
W_TXBX = w("txbxContent")
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
