"""The preamble: its mark, its recitals (split again where a copied text glued them together),
the words that end it, and a text wrongly read as nothing but preamble."""

from __future__ import annotations

import re
from dataclasses import replace

from blma.reading.models import AgreementText, RawParagraph

PREAMBLE = re.compile(r"^(?:preamble|pr[eé]ambule|pre[aá]mbulo)\b[\s.:\-–—]*(?P<rest>(?:[A-Z].*)?)$", re.I)
END_OF_PREAMBLE = re.compile(
    r"\b(?:have|has|hereby) (?:agreed|reached|decided|arrived)\b.{0,40}(?:follows|understanding|provisions)|\bagree as follows\b"
    r"|\b(?:sont|se sont) convenu(?:e)?s\b.{0,40}(?:suit|suivantes)|\bont arr[eê]t[eé]\b.{0,40}(?:suit|suivantes)"
    r"|\bconvien(?:nent|t) de ce qui suit\b|\b(?:han|hemos) (?:convenido|acordado)\b.{0,40}(?:siguiente|siguientes)"
    r"|\b(?:acuerdan|convienen)\b.{0,20}\blo siguiente\b",
    re.I,
)
RECITAL_START = re.compile(
    r"^\s*(?:recogni[sz]ing|desiring|desirous|considering|noting|acknowledging|affirming|reaffirming|bearing in mind|"
    r"convinced|mindful|aware|guided by|taking into account|whereas|the (?:government|ministry|parties|participants)|"
    r"consid[eé]rant|reconnaissant|d[eé]sireux|d[eé]sirant|soucieux|conscients?|convaincus?|constatant|notant|rappelant|"
    r"le gouvernement|les gouvernements|considerando|reconociendo|deseosos?|conscientes?|convencidos?|"
    r"el gobierno|los gobiernos)\b",
    re.I,
)
#: A recital glued to the one before it ("...in 1971, andNoting the terms of ...", "...of
#: Europe,Considering that ..."): texts copied from treaty databases often lose the line breaks
#: between recitals, leaving a whole preamble as one run-on sentence.
GLUED_RECITAL = re.compile(
    r"(?<=[a-z,;])(?=(?:Having|Noting|Considering|Recalling|Recogni[sz]ing|Bearing in mind|Desiring|Reaffirming|"
    r"Affirming|Acknowledging|Taking into account|Convinced|Aware|Mindful|Emphasi[sz]ing|Determined|Wishing|"
    r"Conscious|Whereas|Believing|Resolved|Considérant|Notant|Rappelant|Reconnaissant|Désireu(?:x|ses?)|Ayant|"
    r"Soucieu(?:x|ses?)|Convaincu(?:e?s?)|Considerando|Recordando|Reconociendo|Deseosos?|Tomando nota|Habiendo|"
    r"Teniendo en cuenta|Conscientes?|Convencidos?)\b)"
)


def unglue_recitals(para: RawParagraph) -> list[RawParagraph]:
    """The paragraph, split where a recital was glued to the one before it (``GLUED_RECITAL``)."""
    if para.table is not None or para.heading_level is not None or not GLUED_RECITAL.search(para.text):
        return [para]
    pieces = [piece.strip() for piece in GLUED_RECITAL.split(para.text) if piece.strip()]
    if len(pieces) < 2:
        return [para]
    return [replace(para, text=piece, label=para.label if i == 0 else "") for i, piece in enumerate(pieces)]


def unwrap_unstructured(doc: AgreementText) -> None:
    """A text with no recognisable articles is not all preamble: cite its paragraphs by number.

    Without this, an agreement in a layout the patterns miss would be read as recitals only,
    and every protection in it would look soft.
    """
    preamble = [b for b in doc.blocks if b.kind == "preamble"]
    body = [b for b in doc.blocks if b.kind in ("paragraph", "table_cell", "note")]
    if len(preamble) < 8 or len(preamble) < len(body):
        return
    count = 0
    for block in doc.blocks:
        if block.kind == "preamble":
            count += 1
            if count > 3 and not RECITAL_START.match(block.text):
                block.kind, block.location = "paragraph", f"Paragraph {count}"
