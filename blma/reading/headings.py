"""What a line of an agreement is: the patterns and pure tests that recognise the headings of
articles, sections and clauses, annexes, protocols, divisions and titles, and the names the units
they open are cited by ("Article 1er", "ARTICLE I" and "Art. 1" are all "Article ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blma.reading.labels import PARA_LABEL
from blma.reading.models import RawParagraph
from blma.reading.ordinals import ordinal_pattern, ordinal_value

NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
FIRST_WORDS = r"(?:premier|premi[eè]re|primero|unique|[uú]nico)"  # "Article premier", "Artículo único"
ORDINAL = ordinal_pattern()  # "Article deuxième", "ARTÍCULO SEXTO", "Artículo vigésimo primero"
UNIT = re.compile(
    r"^(?P<kind>article|artikel|art\.|art|section|sect\.|clause|cl[aá]usula|paragraph|para\.|rule|regulation|standard|guideline|item|point|direction|step|art[ií]culo|§)\s*"
    # "Step A.3": a procedure's lettered stage and the step's number in it; "Standard A2.1",
    # "Guideline B1.4.1": a code's part (A binding, B guidance) and the regulation it carries out
    rf"(?P<open>\()?(?P<num>\d+(?:\.\d+)*[a-z]?|[a-z]\.\d+(?:\.\d+)*|[ab]\d+(?:\.\d+)+|{ORDINAL}|{ROMAN}(?:\.\d+)*|{NUMBER_WORDS}|{FIRST_WORDS})"
    # "Article 1er", "Article 2ème" in French texts, "Artículo 1º" in Spanish; "Article (5)" in translations
    r"(?:er|st|[èe]me|[º°ª]|\.[º°ª])?(?(open)\)|\b)\.?(?P<rest>.*)$",
    re.I,
)
#: A provision numbered by an ordinal word alone, with its own punctuation: "FIRST: The employer
#: shall ...", "SEGUNDA.- ...", "Third - ..." (the word is checked by ``standalone_ordinal``).
STANDALONE_ORDINAL = re.compile(r"^(?P<num>[^\W\d_]+(?:-[^\W\d_]+)?)\s*(?:[.:]\s*[-–—]?|\s[-–—])\s*(?P<rest>\S.*)$")
#: Kinds that number the parts of an article in translated texts ("Article (6)" then "Item 4:",
#: "Item 5" then "Point 5.2:"): read inside the unit above them, not as units of their own.
PART_KINDS = ("item", "point")
#: Kinds that may open an article inside a table cell (a bilingual text set in a table).
CELL_ARTICLE_KINDS = (
    "article", "art", "artikel", "clause", "cláusula", "clausula", "section", "artículo", "articulo", "§"
)
ANNEX = re.compile(
    # "Recommendation 152" after an ILO convention: the Recommendation adopted with it, cited as its own text
    r"^(?P<kind>annexe?|appendix|schedule|attachment|addendum|bijlage|anexo|recommendation(?=\s+\d+\s*$))\b\s*"
    r"(?P<num>[ivxlcdm]+|\d+|[a-z])?\b"
    r"[\s.:\-–—]*(?P<rest>.*)$",
    re.I,
)
# a protocol set out after the text it belongs to ("Final Protocol", "Protocol on mutual
# assistance"): cited like an annex, "Final Protocol, paragraph 1", "Protocol, Article 3"
PROTOCOL_HEADING = re.compile(
    r"^(?P<kind>(?:(?:final|additional)\s+)?(?:protocol|protocole|protocolo)(?:\s+(?:final|additionnel|adicional))?)\b"
    r"(?P<rest>.*)$",
    re.I,
)
DIVISION = re.compile(
    rf"^(?P<kind>chapter|part|title|division|chapitre|titre|partie|cap[ií]tulo|t[ií]tulo|parte)\s+"
    rf"(?P<num>\d+|{ORDINAL}|{ROMAN}|{NUMBER_WORDS}|{FIRST_WORDS}|[a-z])\b[\s.:\-–—]*(?P<rest>.*)$",
    re.I,
)
INSTRUMENT_TITLE = re.compile(  # a second instrument (or language version) after the first one ends
    r"^(?:\S+\s+){0,3}?(?:agreement|arrangement|convention|memorandum|protocol|accord|treaty|overeenkomst)\b",
    re.I,
)
BETWEEN = re.compile(r"\b(?:between|entre|tussen)\b", re.I)
HEADING_SEPARATORS = " .:-–—\t"
RUN_IN_HEADING = re.compile(r"^([A-Z][\w'’,()-]*(?: [\w'’,()-]+){0,5})\. (?=[A-Z])")
SENTENCE_VERB = re.compile(r"\b(?:shall|will|may|must|is|are|has|have)\b", re.I)

# -- how units are named and cited ---------------------------------------------------------------
KIND_NAMES = {
    "art": "Article",
    "art.": "Article",
    "article": "Article",
    "artikel": "Artikel",
    "section": "Section",
    "sect.": "Section",
    "clause": "Clause",
    "paragraph": "Paragraph",
    "para.": "Paragraph",
    "rule": "Rule",
    "regulation": "Regulation",  # a convention's regulations and its code ("Regulation 2.1", "Standard A2.1")
    "standard": "Standard",  # a binding standard's numbered parts ("Standard 7(3)")
    "guideline": "Guideline",
    "item": "Item",
    "point": "Point",
    "direction": "Direction",  # a ministry's circular: "DIRECTION 7. PASSPORTS"
    "step": "Step",  # standard operating procedures: "STEP 4 - COSTS", "Step A.3."
    "§": "§",  # sections of texts in the German and Nordic tradition, cited "§ 2(1)"
    "artículo": "Article",
    "articulo": "Article",
    "cláusula": "Clause",
    "clausula": "Clause",
}
NUMBERED_KINDS = (
    "Article", "Artikel", "Section", "Clause", "Paragraph", "Regulation", "Rule", "Standard", "Guideline", "Item", "Point",
    "Direction", "Step", "§",
)
NUMBERED_UNIT = re.compile(rf"^(?:{'|'.join(NUMBERED_KINDS)}) \S+$")


def annex_heading(text: str) -> re.Match[str] | None:
    """``text`` read as an annex's heading ("ANNEX I", "Schedule 2 - Wages"), or None ("Annex I
    shall apply ..." is a sentence)."""
    annex = ANNEX.match(text)
    if annex and is_headingish(text) and not looks_like_sentence_start(annex.group("rest")):
        return annex
    return None


def is_headingish(text: str) -> bool:
    """Short enough for a heading, and not a line that runs on (";", ",")."""
    words = text.split()
    return 0 < len(words) <= 14 and not text.rstrip().endswith((";", ","))


def is_sentence(text: str) -> bool:
    """'No fee shall be charged to workers.' after an article number, not a heading like 'Scope.'"""
    return text.endswith((".", ";", ":")) and (len(text.split()) > 6 or bool(SENTENCE_VERB.search(text)))


def is_title_like(text: str) -> bool:
    """A title or heading line, however long: no closing full stop."""
    return 0 < len(text.split()) <= 60 and not text.rstrip().endswith((".", ";", ","))


def is_heading_line(text: str, para: RawParagraph) -> bool:
    """The heading a numbered unit or annex heading leaves for the next line ('Wages')."""
    if (
        text.rstrip().endswith((".", ";", ":", ",", "—", "–", "-"))
        or not text[:1].isupper()
        or PARA_LABEL.match(text)
        or UNIT.match(text)
    ):
        return False
    words = len(text.split())
    return words <= 8 or (bool(para.heading_level or para.bold or text.isupper()) and words <= 30)


@dataclass(frozen=True)
class UnitHeading:
    """A paragraph that opens a unit ("Article 2. The worker shall ...", "ARTICLE IV", "§ 3 Wages"):
    its kind and number, the text after them (``sentence``), that text without its separators
    (``rest``), and whether it is only a heading (no provision of its own)."""

    kind: str
    num: str
    sentence: str
    rest: str

    @property
    def heading_only(self) -> bool:
        return not self.rest or (is_headingish(self.rest) and not is_sentence(self.sentence))


def unit_heading(text: str) -> UnitHeading | None:
    """``text`` read as the opening of a unit, or None ("Article 5 shall apply ..." is a sentence)."""
    unit = UNIT.match(text)
    if not unit or not unit.group("num") or looks_like_sentence_start(unit.group("rest")):
        return None
    sentence = unit.group("rest").lstrip(HEADING_SEPARATORS).rstrip()
    return UnitHeading(unit.group("kind"), unit.group("num"), sentence, sentence.rstrip(HEADING_SEPARATORS))


def cell_article(text: str) -> UnitHeading | None:
    """A table cell's text read as an article of its own (only the kinds an article takes in a
    table: no "Rule 7.2" reference, no "Item 4" part), or None."""
    unit = unit_heading(text)
    return unit if unit and unit.kind.lower().rstrip(".") in CELL_ARTICLE_KINDS else None


def looks_like_sentence_start(rest: str) -> bool:
    """'Article 5 shall apply...' is a sentence that mentions an article, not a heading."""
    stripped = rest.lstrip(HEADING_SEPARATORS)
    return bool(stripped) and rest[:1] == " " and stripped[:1].islower()


def unit_name(kind: str, num: str) -> str:
    """How a unit is cited, whatever its printed form: "ARTÍCULO SEXTO" is "Article 6", "art. iii"
    is "Article III"."""
    name = KIND_NAMES.get(kind.lower(), kind.title())
    value = ordinal_value(num)
    if value:  # "Article premier", "ARTÍCULO SEXTO": cited by the number
        num = str(value)
    roman = re.fullmatch(r"([ivxlcdm]+)((?:\.\d+)*)", num, re.I)  # "Article III.1" as the Convention numbers it
    if roman and name in ("Article", "Artikel", "Section", "Clause"):
        num = roman[1].upper() + roman[2]
    elif num[:1].isalpha():  # "ARTICLE TWENTY-TWO" is cited "Article Twenty-Two"
        num = "-".join(part.title() for part in re.split(r"[- ]", num))
    return f"{name} {num}"


def annex_name(kind: str, num: str | None) -> str:
    """How an annex is cited: "annex ii" is "Annex II"."""
    kind = kind.title()
    if not num:
        return kind
    return f"{kind} {num.upper() if re.fullmatch(r'[ivxlcdm]+|[a-z]', num, re.I) else num}"


def is_numbered_heading(match: re.Match[str], para: RawParagraph) -> bool:
    """'4. TERMS OF EMPLOYMENT' or a bold '3. Recruitment': a numbered heading, not a paragraph."""
    label = match.group("label").strip("().").strip()
    rest = match.group("rest").strip()
    if (
        not (label.isdigit() or re.fullmatch(r"[IVXLC]+", label))
        or not is_headingish(rest)
        or rest.endswith((".", ";", ","))
    ):
        return False
    return bool(para.heading_level) or para.bold or (rest.isupper() and len(rest) > 3)


def is_title_continuation(text: str) -> bool:
    """'between the Government of X and ...', the usual second line of a treaty title."""
    return (
        bool(re.match(r"^(between|and|of|on|concerning|regarding|relating)\b", text, re.I))
        and len(text.split()) <= 45
        and not text.rstrip().endswith((".", ";", ","))
    )
