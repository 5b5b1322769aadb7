"""The survey of a whole agreement before it is read paragraph by paragraph: what no single
paragraph shows about its numbering (does it name its units? what does it call a bare "14."? do its
numbers run on or restart?) and whether it is diplomatic correspondence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from blma.reading.headings import UNIT, annex_heading
from blma.reading.labels import PARA_LABEL, read_label, with_label
from blma.reading.models import RawParagraph

# how the text refers to its own parts ("clause 14", "paragraph 4.3", "your Note"), and whether it
# is diplomatic correspondence; searched in the lower-cased text, from a literal start (fast)
CLAUSE_REF = re.compile(r"clauses?\s+\d")
PARAGRAPH_REF = re.compile(r"paragraphs?\s+\d")
REGULATION_REF = re.compile(r"regulations?\s+\d+(?![\d/])")
SECTION_REF = re.compile(r"\b(?:sub)?sections?\s+(?:\d|\()")
OWN_LETTER = ("this", "your", "my", "the present", "the said")
HONOUR = ("i have the honour", "i have the honor", "j'ai l'honneur", "heb de eer")


@dataclass
class Layout:
    """What the whole document says about its numbering, surveyed before reading it."""

    any_named_unit: bool = False  # "Article 3", "Clause 4" somewhere: headings between them are chapters
    bare_name: str = "Paragraph"  # what a bare "14." is called: "Clause" where the text speaks of clauses
    letter_word: str = "Note"  # "Note" or "Letter", for letters of an exchange that do not say
    diplomatic: bool = False  # "I have the honour": a salutation opens a letter
    running: set[tuple[int, str]] = field(default_factory=set)  # (region, style) numbered without restarting


def survey(raw: list[RawParagraph]) -> Layout:
    """Read the whole text once for what no single paragraph shows (see :class:`Layout`)."""
    layout = Layout()
    ones: Counter[tuple[int, str]] = Counter()
    numbered: set[tuple[int, str]] = set()
    region = 0
    texts: list[str] = []
    for para in raw:
        if para.origin == "footnote" or para.table is not None:
            continue
        text = with_label(para)
        if para.origin == "body" and UNIT.match(text):
            layout.any_named_unit = True
        if annex_heading(text):
            region += 1
        label = PARA_LABEL.match(text) if text[:1].isdigit() or text[:1] == "(" else None
        if label:
            kind, style, number, _subs = read_label(label.group("label"))
            if kind == "number":
                numbered.add((region, style))
                ones[(region, style)] += number == "1"
        texts.append(text)
    layout.running = {key for key in numbered if ones[key] <= 1}
    said = "\n".join(texts).lower()
    # what the text calls its numbered paragraphs where it cites them: "clause 14", or, in a text that
    # names itself "these Regulations", "regulation 10(1)" (not "Regulation 1408/71", another text's),
    # and in an Act, "section 5" and "subsection (2)"
    counts = {"Paragraph": len(PARAGRAPH_REF.findall(said)), "Clause": len(CLAUSE_REF.findall(said))}
    if "these regulations" in said:
        counts["Regulation"] = len(REGULATION_REF.findall(said))
    if "this act" in said:
        counts["Section"] = len(SECTION_REF.findall(said))
    layout.bare_name = max(counts, key=lambda name: counts[name])  # a tie keeps "Paragraph"
    notes, letters = (sum(said.count(f"{own} {word}") for own in OWN_LETTER) for word in ("note", "letter"))
    layout.letter_word = "Letter" if letters > notes else "Note"
    layout.diplomatic = any(phrase in said for phrase in HONOUR)
    return layout
