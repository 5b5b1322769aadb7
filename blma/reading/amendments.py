"""Amending instruments: the lead-ins that bring new wording for the text they amend, where the
reader stands in that quoted wording and how it is cited ("Article IV (new Article 5(2))"), and
the words a consolidated text shows as deleted."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from blma.reading.headings import ROMAN, unit_name
from blma.reading.labels import PARA_LABEL, enter_item, read_label
from blma.reading.models import RawParagraph

#: Words a consolidated text shows as deleted, with the editorial mark saying so ("[, except a
#: service charge ...] [deleted by Protocol No. 1]"; "[supprimé par ...]", "[suprimido por ...]").
EDITORIAL_DELETION = re.compile(
    r"\s*\[[^\[\]]{1,3000}\]\s*\[(?:deleted|repealed|omitted|struck out|removed|supprim[eé]e?s?|abrog[eé]e?s?|"
    r"suprimid[oa]s?|derogad[oa]s?)\b[^\[\]]{0,100}\]",
    re.I,
)
#: A paragraph that brings new wording for the text it amends, quoted after it ("Article 5 of the
#: Agreement shall be replaced by the following:", "The following new Article shall be inserted
#: after Article 1:", "est remplacé par ce qui suit :", "quedará redactado como sigue:").
AMENDING_LEAD_IN = re.compile(
    r"\b(?:(?:replaced|substituted|amended|supplemented|inserted|added|reworded)\b|(?:worded|read|reads) as follows)"
    r"[^.;]{0,80}:\s*$"
    r"|\b(?:remplac[eé]e?s?|modifi[eé]e?s?|ins[eé]r[eé]e?s?|ajout[eé]e?s?|r[eé]dig[eé]e?s?|libell[eé]e?s?)\b[^.;]{0,80}:\s*$"
    r"|\b(?:sustituye|sustituido|sustituida|reemplaza|modifica|a[nñ]ade|inserta|redactad[oa]s?)\b[^.;]{0,80}:\s*$",
    re.I,
)
#: ... and names the text it amends: a definitions article's "shall be worded as follows:" does not.
AMENDED_TEXT = re.compile(
    r"\b(?:articles?|paragraphs?|clauses?|sections?|subparagraphs?|points?|annex|schedule|sentences?|words|"
    r"agreement|convention|protocol|memorandum|arrangement|contract|alin[eé]as?|paragraphes?|accord|annexe|"
    r"art[ií]culos?|p[aá]rrafos?|apartados?|convenio|acuerdo|protocolo|anexo)\b",
    re.I,
)
#: What an amending lead-in names as the text it replaces ("Paragraph 2 of Article 4 of the
#: Agreement"): the quoted wording is that article's, unless it heads itself ("Article 1a").
AMENDED_UNIT = re.compile(rf"\b(?P<kind>article|art[ií]culo|clause|section)\s+(?P<num>\d+(?:\s?[a-z]\b|\s?bis\b)?|{ROMAN}\b)", re.I)
LATIN_SUFFIX = re.compile(r"^(?P<unit>\w+\.?\s*\d+)\s*(?P<suffix>bis|ter|quater|quinquies)\b(?P<rest>.*)$", re.I)
QUOTED_TERM = re.compile(r"^\W[^\u201d\"]{1,60}[\u201d\"]\s+(?:means|shall mean|includes|refers|has the meaning)\b", re.I)
OPENING_QUOTE = "\u201c\u201e\u00ab\u2018\"'"
CLOSING_QUOTE = re.compile(r"[\u201d\u00bb\u2019\"']\s*[.;,]?\s*$")
#: A location in quoted new wording (``NewWording.cited``), in English or in the words of a French or
#: Spanish text ("Artículo II (nuevo artículo 5.1)"); citations read it back the same way.
NEW_WORDING_CITED = re.compile(r"^(?P<where>.+?) \((?:new|nouvel|nuevo) (?P<new>.+)\)$", re.IGNORECASE)


@dataclass
class NewWording:
    """Where the reader stands in new wording an amending instrument quotes: the unit it heads or
    amends ("Article 5") and its own paragraph and items, cited after the amending provision as
    lawyers do: "Article IV (new Article 5(2))"."""

    unit: str = ""
    clause: str = ""  # a clause numbered within the unit ("6.1" in Clause 6): cited "Clause 6.1"
    para: str = ""
    sub: str = ""
    subsub: str = ""
    sub_is_roman: bool = False
    mark: str = ""  # the quotation mark that opened it ("" for a Markdown block quote)
    depth: int = 0  # double quotation marks opened and not yet closed since (or, for '"', their count)
    awaiting: bool = False  # "Article 5" alone: its heading may follow

    def enter(self, unit: str) -> None:
        self.unit, self.clause, self.para, self.sub, self.subsub, self.sub_is_roman = unit, "", "", "", "", False

    def cited(self, where: str, row: str = "") -> str:
        """``where`` the amending provision stands, then the place in the new wording (``row``: a
        table row of it, ", table row 2")."""
        tail = self.para + self.sub + self.subsub + row
        kind, _, number = self.unit.partition(" ")
        if self.clause and (not number or self.clause.split(".")[0] == number):
            return f"{where} (new {kind or 'paragraph'} {self.clause}{tail})"
        if self.unit:
            return f"{where} (new {self.unit}{tail})"
        if self.para:
            return f"{where} (new paragraph {self.para[1:-1]}{self.sub}{self.subsub}{row})"
        return where


def leads_into_new_wording(text: str) -> bool:
    """Whether a paragraph leads into new wording for the text it amends (``AMENDING_LEAD_IN``):
    it secures nothing itself, and the wording it brings is read without it."""
    if not text.rstrip().endswith(":"):  # the cheap test first: the analysis asks it of every sentence
        return False
    return AMENDING_LEAD_IN.search(text) is not None and AMENDED_TEXT.search(text) is not None


def amended_unit(lead_in: str) -> str:
    """The unit an amending lead-in names as the text it replaces ("Article 4" in "Paragraph 2 of
    Article 4 of the Agreement shall read as follows:"); "" when it names none."""
    named = AMENDED_UNIT.search(lead_in)
    return unit_name(named.group("kind"), named.group("num").replace(" ", "")) if named else ""


def closes_the_quotation(new: NewWording, text: str) -> bool:
    """Whether the quotation of new wording ends with this paragraph: its double marks or
    guillemets balance (inner quotations, "the term “seasonal worker”", stay inside; a
    closing mark may be followed by the amending text's own words on the same line), or, opened by
    a single mark, the paragraph ends with one."""
    if new.mark in "\u201c\u201e\u00ab":
        new.depth += sum(text.count(c) for c in "\u201c\u201e\u00ab") - sum(text.count(c) for c in "\u201d\u00bb")
        return new.depth <= 0
    if new.mark == '"':
        new.depth += text.count('"')
        return new.depth % 2 == 0
    return bool(CLOSING_QUOTE.search(text))


def number_new(new: NewWording, label: str) -> None:
    """Move within quoted new wording to the place a paragraph's printed number names."""
    kind, _style, number, subs = read_label(label)
    if kind in ("dotted", "number", "compound"):
        new.sub, new.subsub, new.sub_is_roman = "", "", False
    if kind == "dotted":
        new.clause, new.para = number, ""
    elif kind in ("number", "compound"):
        new.para = f"({number})"
        for sub in subs:
            enter_item(new, sub.lower())
    else:
        enter_item(new, number)


def without_deleted_words(raw: list[RawParagraph]) -> list[RawParagraph]:
    """The paragraphs without the words a consolidated text shows as deleted ("recruitment [, except a
    service charge] [deleted by Protocol No. 1]"): not in force, as struck-through text is not; a
    paragraph deleted whole is left out."""
    kept = []
    for para in raw:
        if "[" not in para.text or not EDITORIAL_DELETION.search(para.text):
            kept.append(para)
        elif (text := EDITORIAL_DELETION.sub("", para.text).strip()) and not _only_a_label(text):
            kept.append(replace(para, text=text))
    return kept


def _only_a_label(text: str) -> bool:
    """ "2." left of a paragraph deleted whole."""
    label = PARA_LABEL.match(text)
    return label is not None and not label.group("rest").strip()
