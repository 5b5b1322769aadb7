"""Fields (``w:fldSimple``, §17.16.19): numbers Word and LibreOffice compute, such as PAGE."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph


def append_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a simple field, e.g. PAGE or NUMPAGES, showing ``placeholder`` until computed."""
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:t>{placeholder}</w:t></w:r></w:fldSimple>'
    )
    paragraph._p.append(field)
