"""Recovering an agreement's structure from raw paragraphs: title, preamble, articles,
numbered paragraphs, tables, annexes and the letters of an exchange of notes, so every
block can be cited as a lawyer would: "Article 7(2)", "Article 6(1)(a)(i)", "Annex II,
Article 6", "Clause 14(b)", "Paragraph 4.3", "Annex I, paragraph 2", "Note II, paragraph 3".

Agreements number things in many ways ("Article 1", "ARTICLE I", "Art. 3", "Article 1er",
"Section 2.1", "Clause 4", "14(b)", "4.3", bold or Markdown headings, Word's automatic
numbering); the patterns below normalise them to one citation style while keeping the
numbers as printed. The document is surveyed once first (does it speak of "clauses" or
"paragraphs"? do its paragraph numbers run on or restart?), then read paragraph by
paragraph, each paragraph going to the first step that recognises it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from blma.numerals import from_roman, to_roman
from blma.reading.models import AgreementText, Block, BlockKind, RawParagraph
from blma.reading.ordinals import ordinal_pattern, ordinal_value, standalone_ordinal

NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
FIRST_WORDS = r"(?:premier|premi[eè]re|primero|unique|[uú]nico)"  # "Article premier", "Artículo único"
ORDINAL = ordinal_pattern()  # "Article deuxième", "ARTÍCULO SEXTO", "Artículo vigésimo primero"
UNIT = re.compile(
    r"^(?P<kind>article|artikel|art\.|art|section|sect\.|clause|cl[aá]usula|paragraph|para\.|rule|standard|item|point|direction|art[ií]culo|§)\s*"
    rf"(?P<open>\()?(?P<num>\d+(?:\.\d+)*[a-z]?|{ORDINAL}|{ROMAN}(?:\.\d+)*|{NUMBER_WORDS}|{FIRST_WORDS})"
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
    r"^(?P<kind>annexe?|appendix|schedule|attachment|addendum|bijlage|anexo)\b\s*(?P<num>[ivxlcdm]+|\d+|[a-z])?\b"
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
PREAMBLE = re.compile(r"^(?:preamble|pr[eé]ambule|pre[aá]mbulo)\b[\s.:\-–—]*(?P<rest>(?:[A-Z].*)?)$", re.I)
END_OF_PREAMBLE = re.compile(
    r"\b(?:have|has|hereby) (?:agreed|reached|decided|arrived)\b.{0,40}(?:follows|understanding|provisions)|\bagree as follows\b"
    r"|\b(?:sont|se sont) convenu(?:e)?s\b.{0,40}(?:suit|suivantes)|\bont arr[eê]t[eé]\b.{0,40}(?:suit|suivantes)"
    r"|\bconvien(?:nent|t) de ce qui suit\b|\b(?:han|hemos) (?:convenido|acordado)\b.{0,40}(?:siguiente|siguientes)"
    r"|\b(?:acuerdan|convienen)\b.{0,20}\blo siguiente\b",
    re.I,
)
PARA_LABEL = re.compile(
    r"^(?P<label>"
    r"\d{1,3}(?:\.\d{1,3})*(?:\(\s*[a-z0-9]{1,4}\s*\))+\.?"  # 14(b), 7(2)(a), 4.3(a)
    r"|\(\s*[0-9]{1,3}\s*\)"  # (1)
    r"|[0-9]{1,3}\s*[.)](?!\d)"  # 1.  1)
    r"|[0-9]{1,3}(?=\s*[—–]\s*\w)"  # 1 — (items led by a dash)
    r"|\(\s*[a-z]{1,2}\s*\)"  # (a)  (aa)
    r"|[a-z]\)"  # a)
    r"|[a-z]\.(?=\s|[^\W\d_]{2})"  # a.  but not "e.g."
    r"|\(\s*[ivx]{1,6}\s*\)"  # (iii)
    r"|[ivx]{1,6}\s*[.)](?=\s)"  # iii.
    r"|\d+(?:\.\d+)+\.?"  # 4.3
    r")\s*[—–.-]*\s*(?P<rest>.*)$",
    re.I,
)
UPPER_ROMAN_LABEL = re.compile(r"([IVXLC]{1,6})\s*[.)]")  # "II." numbering a provision, not "ii." an item
COMPOUND_LABEL = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)((?:\(\s*\w{1,4}\s*\))+)\.?")
ROMAN_ITEM = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
RECITAL_START = re.compile(
    r"^\s*(?:recogni[sz]ing|desiring|desirous|considering|noting|acknowledging|affirming|reaffirming|bearing in mind|"
    r"convinced|mindful|aware|guided by|taking into account|whereas|the (?:government|ministry|parties|participants)|"
    r"consid[eé]rant|reconnaissant|d[eé]sireux|d[eé]sirant|soucieux|conscients?|convaincus?|constatant|notant|rappelant|"
    r"le gouvernement|les gouvernements|considerando|reconociendo|deseosos?|conscientes?|convencidos?|"
    r"el gobierno|los gobiernos)\b",
    re.I,
)

# -- exchanges of notes or letters -------------------------------------------------------------
EXCHANGE = re.compile(
    r"\b(?:exchange of|[ée]change de)\s+(?P<kind>notes|letters|lettres)\b|\b(?P<nl>notawisseling|briefwisseling)\b",
    re.I,
)
LETTER_HEADING = re.compile(  # "I. Letter from the Minister", "Reply from ...", "Note No. 2"
    r"^(?:(?P<num>[IVX]{1,4}|\d{1,2})[.)]?\s+)?(?P<kind>letter|note|reply|response|answer)"
    # (a reference number, "Note No. 41/2026", numbers no letter)
    r"(?:\s+(?:from|by|to|addressed|dated|verbale)\b|\s+(?:no\.?\s*)?(?P<num2>[IVX]{1,4}|\d{1,2})\b(?![/-]\d)|\s*$)",
    re.I,
)
LETTER_NUMBER = re.compile(r"^(?P<num>[IVX]{1,4})\.?$")  # a bare "II" between two notes
# "Nr. II" alone: how the Dutch treaty database numbers the notes of an exchange ("No. II" in a letter)
NOTE_NUMBER = re.compile(r"^(?P<word>Nr|No)\.?\s*(?P<num>[IVX]{1,4})\.?$")
INSERTED_NUMBER = re.compile(r"^(?P<num>\d{1,3}[A-Z])[.)]\s+(?P<rest>\S.*)$")  # "20A." inserted after 20
NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,3})(?P<dot>\.?)$")  # "###1", "1." on a line of its own
# "Sir,", "Excellency,", optionally after the place and date: "Rome, le 4 décembre 1948. Monsieur le Ministre,"
SALUTATION = re.compile(
    r"^(?:[^,.]{1,40},\s+(?:le\s+)?\d{1,2}(?:er)?\s+\w+(?:\s+\d{4})?\.?\s+)?"
    r"(?:sir|madam|excellency|your excellency|dear\s+\w+(?:\s+\w+)?|monsieur(?:\s+l[e']\s*\w+)?|"
    r"madame(?:\s+la\s+\w+)?|mijnheer(?:\s+de\s+\w+)?|excellentie)\s*,",
    re.I,
)
QUOTES_A_NOTE = re.compile(r"\b(?:reads|read|worded) as follows\b|\bin the following terms\b", re.I)
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
LETTER_CLOSING = re.compile(  # back in the covering letter after the arrangement it encloses
    r"^(?:if the (?:foregoing|above|present|preceding)\b|if (?:this|these|the) (?:proposals?|arrangements?)\b|"
    r"i (?:have the hono(?:u)?r to )?(?:propose|suggest|confirm)\b|(?:please )?accept,? .{0,40}\bassurances?|"
    r"i avail myself|i take this opportunity)",
    re.I,
)
INSTRUMENT_TITLE = re.compile(  # a second instrument (or language version) after the first one ends
    r"^(?:\S+\s+){0,3}?(?:agreement|arrangement|convention|memorandum|protocol|accord|treaty|overeenkomst)\b",
    re.I,
)
BETWEEN = re.compile(r"\b(?:between|entre|tussen)\b", re.I)

# -- how units are named and cited ---------------------------------------------------------------
# how the text refers to its own parts ("clause 14", "paragraph 4.3", "your Note"), and whether it
# is diplomatic correspondence; searched in the lower-cased text, from a literal start (fast)
CLAUSE_REF = re.compile(r"clauses?\s+\d")
PARAGRAPH_REF = re.compile(r"paragraphs?\s+\d")
REGULATION_REF = re.compile(r"regulations?\s+\d+(?![\d/])")
OWN_LETTER = ("this", "your", "my", "the present", "the said")
HONOUR = ("i have the honour", "i have the honor", "j'ai l'honneur", "heb de eer")
HEADING_SEPARATORS = " .:-–—\t"
RUN_IN_HEADING = re.compile(r"^([A-Z][\w'’,()-]*(?: [\w'’,()-]+){0,5})\. (?=[A-Z])")
SENTENCE_VERB = re.compile(r"\b(?:shall|will|may|must|is|are|has|have)\b", re.I)
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
    "standard": "Standard",  # a binding standard's numbered parts ("Standard 7(3)")
    "item": "Item",
    "point": "Point",
    "direction": "Direction",  # a ministry's circular: "DIRECTION 7. PASSPORTS"
    "§": "§",  # sections of texts in the German and Nordic tradition, cited "§ 2(1)"
    "artículo": "Article",
    "articulo": "Article",
    "cláusula": "Clause",
    "clausula": "Clause",
}
NUMBERED_KINDS = (
    "Article", "Artikel", "Section", "Clause", "Paragraph", "Regulation", "Rule", "Standard", "Item", "Point", "Direction", "§"
)
NUMBERED_UNIT = re.compile(rf"^(?:{'|'.join(NUMBERED_KINDS)}) \S+$")


@dataclass
class _Layout:
    """What the whole document says about its numbering, surveyed before reading it."""

    any_named_unit: bool = False  # "Article 3", "Clause 4" somewhere: headings between them are chapters
    bare_name: str = "Paragraph"  # what a bare "14." is called: "Clause" where the text speaks of clauses
    letter_word: str = "Note"  # "Note" or "Letter", for letters of an exchange that do not say
    diplomatic: bool = False  # "I have the honour": a salutation opens a letter
    running: set[tuple[int, str]] = field(default_factory=set)  # (region, style) numbered without restarting


@dataclass
class _NewWording:
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


@dataclass
class _State:
    unit: str = ""
    unit_kind: str = ""  # "named" (Article 7, "4. WAGES"), "bare" (a numbered paragraph), "heading"
    bare_style: str = ""  # how a bare unit's number is written ("1." "1)" "(1)"): "(1)" under "3." nests
    unit_has_body: bool = False
    parent: str = ""  # "Clause 4" while in "Clause 4.3": the article the sub-clause is read with
    section: str = ""  # the heading over paragraphs numbered through the text, or an annex's title
    heading: str = ""
    annex: str = ""
    letter: str = ""  # "Note II" while inside a letter of an exchange
    last_letter: str = ""  # the letter an enclosed arrangement interrupted
    letter_kind: str = ""  # "Note" or "Letter", from an "Exchange of Notes" heading
    letters: int = 0
    greeted: bool = False  # the open letter has had its salutation
    quoting: bool = False  # the open letter quotes the other one ("which reads as follows:")
    amends: str | None = None  # after an amending lead-in: the unit it names ("" for none), until quoted text comes
    amended_by_items: str = ""  # "Article 16 of the Agreement shall be amended as follows:": its items' unit
    new: _NewWording | None = None  # the quoted new wording being read
    para: str = ""  # "(2)"
    sub: str = ""  # "(a)"
    subsub: str = ""  # "(i)"
    sub_is_roman: bool = False
    seen_body: bool = False
    title_done: bool = False
    region: int = 0  # counts annexes: paragraph numbering may restart in each
    last_article: int = 0  # the main text's last "Article N": a schedule set between articles ends
    annex_has_unit: bool = False  # the open annex has had an article (or clause) of its own


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


def build_structure(name: str, fmt: str, raw: list[RawParagraph]) -> AgreementText:
    raw = [piece for para in _without_deleted_words(raw) for piece in _unglue_recitals(para)]
    builder = _Builder(AgreementText(name=name, format=fmt), _survey(raw), raw)
    for index, para in enumerate(raw):
        builder.index = index
        builder.read(para)
    doc = builder.doc
    doc.title = " ".join(builder.title_parts)
    _unwrap_unstructured(doc)
    _join_row_labels(doc)
    _cite_in_the_documents_language(doc)
    return doc


def _without_deleted_words(raw: list[RawParagraph]) -> list[RawParagraph]:
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


def _unglue_recitals(para: RawParagraph) -> list[RawParagraph]:
    """The paragraph, split where a recital was glued to the one before it (``GLUED_RECITAL``)."""
    if para.table is not None or para.heading_level is not None or not GLUED_RECITAL.search(para.text):
        return [para]
    pieces = [piece.strip() for piece in GLUED_RECITAL.split(para.text) if piece.strip()]
    if len(pieces) < 2:
        return [para]
    return [replace(para, text=piece, label=para.label if i == 0 else "") for i, piece in enumerate(pieces)]


def _survey(raw: list[RawParagraph]) -> _Layout:
    """Read the whole text once for what no single paragraph shows (see :class:`_Layout`)."""
    layout = _Layout()
    ones: Counter[tuple[int, str]] = Counter()
    numbered: set[tuple[int, str]] = set()
    region = 0
    texts: list[str] = []
    for para in raw:
        if para.origin == "footnote" or para.table is not None:
            continue
        text = _with_label(para)
        if para.origin == "body" and UNIT.match(text):
            layout.any_named_unit = True
        if _annex_heading(text):
            region += 1
        label = PARA_LABEL.match(text) if text[:1].isdigit() or text[:1] == "(" else None
        if label:
            kind, style, number, _subs = _read_label(label.group("label"))
            if kind == "number":
                numbered.add((region, style))
                ones[(region, style)] += number == "1"
        texts.append(text)
    layout.running = {key for key in numbered if ones[key] <= 1}
    said = "\n".join(texts).lower()
    # what the text calls its numbered paragraphs where it cites them: "clause 14", or, in a text that
    # names itself "these Regulations", "regulation 10(1)" (not "Regulation 1408/71", another text's)
    counts = {"Paragraph": len(PARAGRAPH_REF.findall(said)), "Clause": len(CLAUSE_REF.findall(said))}
    if "these regulations" in said:
        counts["Regulation"] = len(REGULATION_REF.findall(said))
    layout.bare_name = max(counts, key=lambda name: counts[name])  # a tie keeps "Paragraph"
    notes, letters = (sum(said.count(f"{own} {word}") for own in OWN_LETTER) for word in ("note", "letter"))
    layout.letter_word = "Letter" if letters > notes else "Note"
    layout.diplomatic = any(phrase in said for phrase in HONOUR)
    return layout


class _Builder:
    """Reads paragraphs in order, keeping where it stands (article, annex, letter, paragraph)."""

    def __init__(self, doc: AgreementText, layout: _Layout, raw: list[RawParagraph]) -> None:
        self.doc = doc
        self.layout = layout
        self.raw = raw
        self.index = 0  # of the paragraph being read
        self.state = _State()
        self.title_parts: list[str] = []
        # after a bare "Article 8", "ANNEX I" or "PART II": "unit", "annex" or "division", whose
        # heading the next line may be
        self.awaiting = ""
        # the table row an article opened in, and its citation: the row's other cells (its
        # translation) are cited with it
        self._cell_article: tuple[tuple[int, int], str] | None = None
        self._row: tuple[tuple[int, int], int] = ((0, 0), 0)  # the table row being read, and its first block
        self.steps = (
            self._exchange,
            self._letter,
            self._annex,
            self._awaited_heading,
            self._new_instrument,
            self._protocol,
            self._unit,
            self._division,
            self._ordinal_unit,
            self._number_alone,
            self._preamble_mark,
            self._title,
            self._numbered_heading,
            self._end_of_preamble,
            self._heading,
        )

    def read(self, para: RawParagraph) -> None:
        if para.origin == "footnote":
            self._footnote(para)
            return
        if para.table is not None:
            self._table(para)
            return
        text = _with_label(para)
        if self._new_wording(text, para):
            return
        self._awaiting, self.awaiting = self.awaiting, ""
        for step in self.steps:
            if step(text, para):
                return
        self._paragraph(text, para)

    def _group(self) -> str:
        """What a block's ``unit`` names: its article ("Clause 4" for the text of "Clause 4.3");
        for paragraphs numbered through the section under a heading, or through an annex's text,
        that section, read together as one article; in a letter, its numbered paragraph."""
        s = self.state
        if s.unit and s.unit_kind != "bare":
            return s.parent or s.unit
        if s.letter and not s.unit and s.para:
            return f"{s.letter}, paragraph {s.para[1:-1]}"  # a letter's numbered terms are its provisions
        return s.section or s.parent or s.unit or s.letter

    def _next_text(self) -> str:
        following = self.index + 1
        return _with_label(self.raw[following]) if following < len(self.raw) else ""

    # -- blocks ----------------------------------------------------------------------------------
    def _add(self, text: str, location: str, para: RawParagraph, kind: BlockKind = "paragraph") -> None:
        s = self.state
        unit = self._group()
        self.doc.blocks.append(Block(text, location, unit, s.heading, s.annex, kind=kind, origin=para.origin))

    def _footnote(self, para: RawParagraph) -> None:
        where = _container(self.state) or "Preamble"
        self._add(para.text, f"{where}, footnote {para.note_id}", para, kind="note")

    def _table(self, para: RawParagraph) -> None:
        s = self.state
        index, row, column = para.table or (0, 0, 0)
        text = para.text
        match = PARA_LABEL.match(text)
        if match and match.group("rest"):
            text = match.group("rest")
        if self._row[0] != (index, row):
            self._row = ((index, row), len(self.doc.blocks))
        article_row = self._cell_article is not None and self._cell_article[0] == (index, row)
        # a heading cell outside the first column: beside its translation in a table with no headers
        opened = self._article_in_cell(text, first_column=column == 1 or article_row or not para.column_header)
        if opened is not None:  # articles set side by side with their translation: the row is that article
            self._cell_article, article_row = ((index, row), _where(s)), True
            for earlier in self.doc.blocks[self._row[1] :]:  # the translation in the cells before it
                earlier.location, earlier.unit, earlier.heading = _where(s), self._group(), s.heading
            if not opened:  # "Article 2" or "Article 2 Passports" alone, the text in the next cell
                self._add(text, _where(s), para, kind="heading")
                return
            text = opened
        if article_row:
            location = _where(s)
        elif s.new is not None:  # a table in quoted new wording: "Article 9 (new Schedule 1, table row 2)"
            location = s.new.cited(_where(s) or "Preamble", f", table row {row}")
        else:
            location = f"{container}, table row {row}" if (container := _container(s)) else f"Table row {row}"
        self.doc.blocks.append(
            Block(
                text,
                location,
                self._group(),
                s.heading,
                s.annex,
                kind="table_cell",
                origin="table",
                context=para.column_header,
            )
        )

    def _article_in_cell(self, text: str, first_column: bool) -> str | None:
        """For a table cell that opens an article of its own, once that article is entered: its
        provision ("Article 2. The worker shall keep ..."), or "" when the first column holds only
        the article's number and heading ("Article 2 | The worker shall keep ...", its translation
        beside it); None for any other cell. A table inside an article ("Article 6, table row 2")
        keeps its rows: only a table that holds the articles themselves, outside any, or in an
        annex or letter, is read this way."""
        unit = cell_article(text)
        if unit is None:
            return None
        if (unit.heading_only and not first_column) or (not unit.heading_only and not _is_sentence(unit.sentence)):
            return None
        s = self.state
        if s.unit and s.unit_kind == "named" and not self._cell_article:
            return None
        self._enter(_unit_name(unit.kind, unit.num), "named")
        s.seen_body = s.title_done = True
        s.heading = unit.rest if unit.heading_only else ""
        return "" if unit.heading_only else unit.sentence

    # -- the steps, in order: each returns True when the paragraph was its own ---------------------
    def _exchange(self, text: str, para: RawParagraph) -> bool:
        """'Exchange of Notes': the letters that follow are cited "Note I", "Note II"."""
        s = self.state
        in_title = not s.title_done and not s.seen_body
        match = (EXCHANGE.search if in_title else EXCHANGE.match)(text)
        if not match or not _is_title_like(text):
            return False
        word = (match.group("kind") or match.group("nl")).lower()
        s.letter_kind = "Letter" if word in ("letters", "lettres", "briefwisseling") else "Note"
        if in_title:
            return False  # the document's own title; the title step takes it
        self._close_letter(remember=False)
        s.annex, s.letters = "", 0
        self._enter("", "")
        s.seen_body = True
        self._add(text, f"Exchange of {s.letter_kind}s", para, kind="heading")
        return True

    def _letter(self, text: str, para: RawParagraph) -> bool:
        s = self.state
        heading = LETTER_HEADING.match(text)
        if heading and _is_title_like(text):
            self._open_letter(heading.group("num") or heading.group("num2"), heading.group("kind"))
            self._add(text, s.letter, para, kind="heading")
            return True
        number = LETTER_NUMBER.match(text)
        note = NOTE_NUMBER.match(text)
        if note and (note["word"] == "Nr" or s.letter_kind or s.letter or self.layout.diplomatic):
            self._open_letter(note["num"], None)
            self._add(text, s.letter, para, kind="heading")
            return True
        if number and s.letter_kind:
            self._open_letter(number.group("num"), None)
            self._add(text, s.letter, para, kind="heading")
            return True
        greets = "," in text[:100] and (s.letter or s.letter_kind or self.layout.diplomatic)
        if greets and SALUTATION.match(text):
            if s.quoting:
                s.quoting = False  # the salutation of the letter being quoted
            elif s.letter and not s.greeted:
                s.greeted = True
            else:
                self._open_letter(None, None)
                s.greeted = True
        elif s.letter and QUOTES_A_NOTE.search(text):
            s.quoting = True
        elif s.letter and LETTER_CLOSING.match(text):
            s.para = s.sub = s.subsub = ""  # "If the foregoing is acceptable ...": after the numbered terms
            if s.unit_kind == "bare":
                self._enter("", "")
        elif s.last_letter and not s.letter and not s.annex and LETTER_CLOSING.match(text):
            s.letter, s.last_letter, s.heading = s.last_letter, "", ""
            self._enter("", "")
        return False

    def _annex(self, text: str, para: RawParagraph) -> bool:
        annex = _annex_heading(text)
        if not annex or leads_into_new_wording(text):  # "Schedule 1 ... shall be replaced by the following:"
            return False
        self._open_annex(_annex_name(annex.group("kind"), annex.group("num")), annex.group("rest"), text, para)
        return True

    def _protocol(self, text: str, para: RawParagraph) -> bool:
        """'Final Protocol' or 'Protocol on mutual assistance' as a heading after the text has begun:
        a protocol set out after it, its articles cited within it ("Protocol, Article 1") so that
        they are never taken for the main text's own."""
        s = self.state
        match = PROTOCOL_HEADING.match(text)
        if not match or not s.seen_body or not (para.heading_level or para.bold or text.isupper()):
            return False
        if not _is_title_like(text) or leads_into_new_wording(text) or SENTENCE_VERB.search(match["rest"]):
            return False
        name = " ".join(word.capitalize() for word in match["kind"].split())  # "Protocolo Adicional"
        self._open_annex(name, match["rest"], text, para)
        return True

    def _open_annex(self, name: str, rest: str, text: str, para: RawParagraph) -> None:
        s = self.state
        self._close_letter(remember=False)
        s.annex, s.annex_has_unit = name, False
        s.region += 1
        self._enter("", "")
        s.heading = rest.strip(HEADING_SEPARATORS)
        s.seen_body = s.title_done = True
        if not s.heading:
            self.awaiting = "annex"
        self._add(text, s.annex, para, kind="heading")

    def _awaited_heading(self, text: str, para: RawParagraph) -> bool:
        """'Article 8' then 'Wages' alone on the next line: the article's heading."""
        if not self._awaiting or not _is_heading_line(text, para):
            return False
        s = self.state
        if self._awaiting == "division":
            location = self.doc.blocks[-1].location
            self.doc.blocks.append(
                Block(text, location, "", text, s.annex, kind="heading", origin=para.origin)
            )
            return True
        s.heading = text
        if self._awaiting == "annex":
            s.section = text  # "ANNEX I" then "Model Employment Contract": the annex's paragraphs' section
        self._add(text, _where(s), para, kind="heading")
        return True

    def _new_instrument(self, text: str, para: RawParagraph) -> bool:
        """After the signatures, 'AGREEMENT BETWEEN ...' again: another text (often another language)."""
        s = self.state
        if not s.seen_body or s.annex or not INSTRUMENT_TITLE.match(text) or not _is_title_like(text):
            return False
        emphasised = para.heading_level or para.bold or text.isupper()
        if not emphasised or not (BETWEEN.search(text) or (text.isupper() and len(text.split()) >= 5)):
            return False
        self._close_letter(remember=False)
        self._enter("", "")
        s.heading, s.seen_body = "", False
        self._add(text, "Title", para, kind="heading")
        return True

    def _unit(self, text: str, para: RawParagraph) -> bool:
        unit = _unit_heading(text)
        if unit is None:
            return False
        s = self.state
        sentence, rest = unit.sentence, unit.rest
        if self._part_of_unit(unit.kind, unit.num, sentence, para):
            return True
        article = int(unit.num) if unit.kind.lower() == "article" and unit.num.isdigit() else 0
        if s.annex and not s.annex_has_unit and s.last_article and article == s.last_article + 1:
            s.annex = ""  # "SCHEDULE TO PART XI" between Articles 67 and 68: the text goes on after it
        if s.annex:
            s.annex_has_unit = True
        elif not s.letter and article:
            s.last_article = article
        self._enter(_unit_name(unit.kind, unit.num), "named")
        s.seen_body = s.title_done = True
        if unit.heading_only or para.heading_level or para.bold:
            s.heading = rest
            if not rest:
                self.awaiting = "unit"
            self._add(text, _where(s), para, kind="heading")
            return True
        run_in = RUN_IN_HEADING.match(sentence)  # "Section 3.1 Wages. The employer shall:"
        s.heading = run_in.group(1) if run_in and not SENTENCE_VERB.search(run_in.group(1)) else ""
        self._paragraph(sentence, para)  # "Art. 3. No fee shall be charged.": the article's first paragraph
        return True

    def _ordinal_unit(self, text: str, para: RawParagraph) -> bool:
        """'FIRST: The employer shall ...', 'SECOND.- ...': a text's provisions numbered by a word
        alone, as translated memoranda and contracts number them, cited by their number like a bare
        "1." ("Paragraph 1", or "Clause 1" where the text speaks of clauses). Only where no article
        is named, outside annexes and letters, and only in series: "FIRST" then "SECOND"."""
        match = STANDALONE_ORDINAL.match(text)
        value = standalone_ordinal(match.group("num")) if match else None
        s = self.state
        if not value or self.layout.any_named_unit or s.annex or s.letter or s.unit_kind == "named":
            return False
        current = s.unit.partition(" ")[2].split(".")[0]  # "Clause 1.2" read inside "FIRST"
        series = s.unit_kind == "bare" and s.bare_style == "ordinal" and current.isdigit()
        if value != (int(current) if series else 0) + 1:
            return False
        self._enter(f"{self.layout.bare_name} {value}", "bare", "ordinal")
        s.title_done, s.heading, s.section = True, "", ""  # a provision of its own, not of the heading above
        rest = match.group("rest")
        if _is_headingish(rest) and not _is_sentence(rest):
            s.heading = rest.strip(HEADING_SEPARATORS)  # "FIRST: OBJECT OF THE MEMORANDUM", "PRIMERO.- Objeto."
            self._add(text, _where(s), para, kind="heading")
        else:
            self._paragraph(rest, para)
        return True

    def _part_of_unit(self, kind: str, num: str, sentence: str, para: RawParagraph) -> bool:
        """'Item 4: To keep ...' inside "Article (6)", or 'Point 5.2: ...' inside "Item 5": a
        numbered paragraph of the unit above ("Article 6(4)"; a dotted number that continues the
        unit's own is read with it, "Point 5.2" as "Clause 4.3" is). A heading keeps its unit."""
        s = self.state
        if kind.lower() not in PART_KINDS or s.unit_kind != "named" or not sentence or para.heading_level:
            return False
        unit_kind, _, unit_number = s.unit.partition(" ")
        if unit_kind.lower() == kind.lower() and "." not in num:
            return False  # "Item 2" after "Item 1": the next unit
        if "." in num:
            if num.split(".")[0] != unit_number.split(".")[0]:
                return False
            parent = s.parent or s.unit
            self._enter(_unit_name(kind, num), "named")
            s.parent = parent
        else:
            s.para, s.sub, s.subsub = f"({num})", "", ""
        self._add(sentence, _where(s), para)
        s.unit_has_body = True
        return True

    def _division(self, text: str, para: RawParagraph) -> bool:
        """'PART II. EMPLOYMENT', 'CHAPTER III': a grouping of articles, which keep their own numbers."""
        division = DIVISION.match(text)
        if not division or not _is_headingish(text) or _looks_like_sentence_start(division.group("rest")):
            return False
        s = self.state
        s.title_done = s.seen_body = True
        s.para = s.sub = s.subsub = ""
        num = division.group("num")
        value = ordinal_value(num)
        single = len(num) == 1 and not num.isdigit()
        num = str(value) if value else num.upper() if single or re.fullmatch(ROMAN, num, re.I) else num.title()
        if not division.group("rest").strip(HEADING_SEPARATORS):
            self.awaiting = "division"
        location = f"{division.group('kind').title()} {num}"
        self.doc.blocks.append(Block(text, location, "", text, s.annex, kind="heading", origin=para.origin))
        if not self.layout.any_named_unit:
            # no articles to group: the chapter is the unit its paragraphs are cited in ("Chapter 5,
            # paragraph 2" where each chapter numbers its own; "Paragraph 14" where they run on)
            self._enter(location, "heading")
        return True

    def _number_alone(self, text: str, para: RawParagraph) -> bool:
        """'1' as a heading of its own ("###1") or '1.' on a line of its own: the number of the
        paragraphs that follow, as treaty databases set out the numbered terms of an exchange of
        notes ("Note I, paragraph 2"), an agreement's paragraphs ("Paragraph 2") or a schedule's
        ("Schedule, Paragraph 1(2)"); a title on the next line ("Definitions") is its heading. A
        number that does not continue a series (a page number) is not read as one."""
        match = NUMBER_ALONE.match(text)
        if not match or not (para.heading_level or para.bold or match["dot"]):
            return False
        s = self.state
        value = int(match["num"])
        bare = s.unit.partition(" ")[2] if s.unit_kind == "bare" else ""
        after = {int(n) for n in (s.para[1:-1], bare) if n.isdigit()}
        if value != 1 and value - 1 not in after:
            return False
        s.title_done = True
        if s.letter and not s.unit and value == 1:  # the letter's first numbered term: its paragraph 1
            self._enter(f"{self.layout.bare_name} 1", "bare", "1.")
        else:
            self._number(f"{value}.")
        s.seen_body, s.heading = True, ""
        self.awaiting = "unit"
        self._add(text, _where(s) or "Preamble", para, kind="heading")
        return True

    def _preamble_mark(self, text: str, para: RawParagraph) -> bool:
        match = PREAMBLE.match(text)
        if not match:
            return False
        self.state.title_done = True
        if match.group("rest"):  # "Preamble The General Conference ...": the heading run into the text
            self._paragraph(match.group("rest"), para)
        return True

    def _title(self, text: str, para: RawParagraph) -> bool:
        s = self.state
        if s.title_done or s.seen_body or (para.after_break and self.title_parts):
            s.title_done = s.title_done or bool(self.title_parts)
            return False
        first = not self.doc.blocks
        parts = self.title_parts
        is_title = (
            para.is_title
            or para.heading_level == 1
            or ((para.bold or text.isupper()) and _is_headingish(text) and not PARA_LABEL.match(text))
            or (first and (para.heading_level or text.isupper()) and _is_title_like(text))
            # a plain first line naming the instrument ("Agreement between ... on the employment of
            # ..."), as a retyped or plain-text agreement opens
            or (first and INSTRUMENT_TITLE.match(text) and BETWEEN.search(text) and _is_title_like(text))
            or (
                parts
                and (para.bold or para.heading_level)
                and len(text.split()) <= 45
                and not text.endswith((".", ";"))
                and not PARA_LABEL.match(text)
            )
            or (parts and _is_title_continuation(text))
        )
        if is_title:
            parts.append(text)
            self._add(text, "Title", para, kind="title")
            return True
        if parts:
            s.title_done = True
        return False

    def _numbered_heading(self, text: str, para: RawParagraph) -> bool:
        numbered = PARA_LABEL.match(text)
        if not numbered or not _is_numbered_heading(numbered, para):
            return False
        s = self.state
        label = numbered.group("label")
        number = label.strip("().").strip()
        self._enter(f"{self.layout.bare_name} {number}", "named", _read_label(label)[1])
        s.heading = numbered.group("rest").strip(HEADING_SEPARATORS)
        s.seen_body = s.title_done = True
        self._add(text, s.unit, para, kind="heading")
        return True

    def _end_of_preamble(self, text: str, para: RawParagraph) -> bool:
        if (self.state.seen_body and self.state.title_done) or not END_OF_PREAMBLE.search(text):
            return False
        self.state.title_done = True
        self._paragraph(text, para)
        self.state.seen_body = True
        return True

    def _heading(self, text: str, para: RawParagraph) -> bool:
        s = self.state
        if not (
            (para.heading_level is not None or para.bold or (text.isupper() and len(text) > 3))
            and _is_headingish(text)
            and not PARA_LABEL.match(text)
        ):
            return False
        if s.letter:
            # a bold line inside the letter, or its letterhead ("MINISTRY OF FOREIGN AFFAIRS") before
            # the salutation and any text
            if not (para.heading_level or text.isupper()) or not (s.greeted or s.unit_has_body):
                self._add(text, _where(s), para, kind="heading")
                return True
            self._close_letter(remember=True)  # "ARRANGEMENT": the text the letter encloses
            self.doc.blocks.append(Block(text, text, "", text, s.annex, kind="heading", origin=para.origin))
            return True
        if s.unit_kind == "named" or (self.layout.any_named_unit and not s.annex):
            if s.unit and s.unit_has_body and UNIT.match(self._next_text()):
                # a chapter heading between two articles ("Recruitment and placement"): of neither
                self.doc.blocks.append(
                    Block(text, text, "", text, s.annex, kind="heading", origin=para.origin)
                )
                return True
            # a sub-heading inside a numbered article, or a chapter heading before the first article
            self._add(text, _where(s) or "Preamble", para, kind="heading")
            if not s.unit or not s.heading:
                s.heading = text
            return True
        self._enter(text.rstrip(":").strip(), "heading")
        s.heading = text
        s.seen_body = True
        self._add(text, _where(s), para, kind="heading")
        return True

    # -- new wording an amending instrument quotes ----------------------------------------------------
    def _new_wording(self, text: str, para: RawParagraph) -> bool:
        """Read a paragraph of quoted new wording, if it is one: after an amending lead-in, a
        Markdown block quote or a paragraph opening with a quotation mark, to the end of the block
        quote or the closing mark. Its headings ("Article 5 – Wages") head the new wording, not the
        amending text, and its paragraphs are cited within the amending provision, so that "Article
        5(2)" is never confused with the protocol's own articles."""
        s = self.state
        new = s.new
        if new is None:
            opens = para.quoted or (text[:1] in OPENING_QUOTE and not QUOTED_TERM.match(text))
            if s.amends is None or not opens or para.origin != "body":
                s.amends = None if para.origin == "body" else s.amends
                return False
            new = s.new = _NewWording(unit=s.amends, mark="" if para.quoted else text[0])
            s.amends = None
        elif (not new.mark and not para.quoted) or (new.mark and (para.heading_level or leads_into_new_wording(text))):
            # past the block quote; a heading styled as one, or the next amendment's lead-in, is the
            # amending text's again (a closing quotation mark may be missing)
            s.new = None
            return False
        body = text.lstrip(OPENING_QUOTE).strip()
        closes = bool(new.mark) and _closes_the_quotation(new, text)
        if closes:
            body = CLOSING_QUOTE.sub("", body).strip()
        where = _where(s) or "Preamble"
        suffix = LATIN_SUFFIX.match(body)  # "Article 15 bis", inserted after Article 15
        unit = _unit_heading(f"{suffix['unit']}{suffix['rest']}" if suffix else body)
        annex = _annex_heading(body) if unit is None else None  # "Schedule 1 - Competent Authorities"
        name = ""
        if unit is not None:
            name = _unit_name(unit.kind, unit.num) + (f" {suffix['suffix'].lower()}" if suffix else "")
        if annex is not None and annex.group("num"):
            new.enter(_annex_name(annex.group("kind"), annex.group("num")))
            new.awaiting = not annex.group("rest").strip(HEADING_SEPARATORS)
            self._add(body, new.cited(where), para, kind="heading")
        elif unit is not None and (unit.heading_only or para.heading_level or para.bold):
            new.enter(name)
            new.awaiting = not unit.rest
            self._add(body, new.cited(where), para, kind="heading")
        elif new.awaiting and _is_heading_line(body, para) and not PARA_LABEL.match(body):
            new.awaiting = False
            self._add(body, new.cited(where), para, kind="heading")
        elif body:
            new.awaiting = False
            if unit is not None:  # "Article 5. No fee shall be charged.": its first paragraph
                new.enter(name)
                body = unit.sentence
            label = PARA_LABEL.match(body)
            inserted = INSERTED_NUMBER.match(body)
            if label and label.group("rest"):
                _number_new(new, label.group("label"))
                body = label.group("rest")
            elif inserted:  # "20A. ...", inserted after paragraph 20
                new.para, new.sub, new.subsub = f"({inserted['num']})", "", ""
                body = inserted["rest"]
            self._add(body, new.cited(where), para)
            s.unit_has_body = True
        if closes:
            s.new = None
        return True

    # -- paragraphs and their numbers --------------------------------------------------------------
    def _paragraph(self, text: str, para: RawParagraph) -> None:
        s = self.state
        match = PARA_LABEL.match(text)
        if match and match.group("rest"):
            self._number(match.group("label"))
            text = match.group("rest")
            numbered = match.group("label")[0].isdigit() or (s.bare_style == "I." and not s.para and not s.sub)
            inner = PARA_LABEL.match(text) if text.startswith("(") and numbered else None
            if inner and inner.group("rest"):  # "10.—(1) The Registrar ...": regulation 10, paragraph (1)
                self._number(inner.group("label"))
                text = inner.group("rest")
        if not s.unit and not s.annex and not s.letter and not s.seen_body:
            self._add(text, "Preamble", para, kind="preamble")
        else:
            self._add(text, _where(s) or "Preamble", para)
            s.unit_has_body = True
        s.amends = self._amended_unit(text) if leads_into_new_wording(text) else None

    def _amended_unit(self, lead_in: str) -> str:
        """The unit a lead-in amends; for an item of a list ("(b) the following paragraph shall be
        added:"), the one the list's own lead-in names ("Article 16 ... shall be amended as
        follows:"), so that the new wording is cited "(new Article 16(4))"."""
        s = self.state
        named = _amended_unit(lead_in)
        if not (s.para or s.sub):
            s.amended_by_items = named
            return named
        return named or s.amended_by_items

    def _number(self, label: str) -> None:
        """Move to the place a paragraph's printed number names."""
        s = self.state
        roman = UPPER_ROMAN_LABEL.fullmatch(label.strip())
        if roman and self._starts_roman_unit(from_roman(roman.group(1)) or 0):
            self._enter(f"{self.layout.bare_name} {roman.group(1)}", "bare", "I.")
            return
        kind, style, number, subs = _read_label(label)
        if kind == "item":
            self._item(number)
        elif kind == "number":
            if self._starts_bare_unit(number, style):
                if s.unit_kind == "named":
                    s.heading = ""  # "15." after "14. TERMINATION" has no heading of its own
                self._enter(f"{self.layout.bare_name} {number}", "bare", style)
            elif s.unit_kind == "heading" and s.annex and (s.region, style) in self.layout.running:
                s.unit, s.unit_kind = "", ""  # an annex numbered throughout: "Annex I, paragraph 14"
                s.para, s.sub, s.subsub = f"({number})", "", ""
            else:
                s.para, s.sub, s.subsub = f"({number})", "", ""
        elif kind == "dotted":
            unit_kind, _, unit_number = s.unit.partition(" ")
            same_head = unit_number.split(".")[0] == number.split(".")[0]
            if (
                s.unit_kind in ("named", "bare")
                and unit_kind in NUMBERED_KINDS
                and (same_head or not s.annex)
            ):
                # "Clause 4 WAGES" then "4.3": cited "Clause 4.3", read with the rest of clause 4
                parent = s.parent or (s.unit if same_head else "")
                self._enter(f"{unit_kind} {number}", s.unit_kind, s.bare_style)
                s.parent = parent
            elif s.unit_kind in ("", "heading") and not s.annex and not s.letter and s.title_done:
                self._enter(f"{self.layout.bare_name} {number}", "bare", "dotted")
            else:
                s.para, s.sub, s.subsub = f"({number})", "", ""
        else:  # compound: "14(b)"
            if s.unit.partition(" ")[2] == number:  # "Clause 14" then "14(b)"
                s.para = s.sub = s.subsub = ""
            elif s.unit_kind in ("", "bare", "heading") and not s.annex and not s.letter:
                self._enter(f"{self.layout.bare_name} {number}", "bare", "compound")
            else:
                s.para, s.sub, s.subsub = f"({number})", "", ""
            for sub in subs:
                if sub.isdigit():
                    s.para, s.sub, s.subsub = f"({sub})", "", ""
                else:
                    self._item(sub.lower())

    def _starts_roman_unit(self, value: int) -> bool:
        """Whether "I.", "II." ... number the text's own provisions (older treaties and exchanges of
        notes: "I. The workers shall receive ...") rather than items of one: the first after the
        preamble, or the next in that series; never inside a named article, an annex or a letter."""
        s = self.state
        if s.annex or s.letter or not s.title_done or s.unit_kind == "named":
            return False
        if s.unit and s.bare_style == "I.":
            return value == (from_roman(s.unit.partition(" ")[2]) or 0) + 1
        return not s.unit and value == 1

    def _starts_bare_unit(self, number: str, style: str) -> bool:
        """Whether '14.' is a unit of its own ("Paragraph 14") rather than a paragraph of the unit."""
        s = self.state
        if s.annex or (s.letter and s.unit_kind != "bare") or not s.title_done:
            return False  # a letter's numbers are its paragraphs, unless it sets them out alone ("1.")
        if not s.unit:
            return True
        running = (s.region, style) in self.layout.running
        if s.unit_kind == "bare" or (s.unit_kind == "named" and s.bare_style and running):
            # "14. TERMINATION", "14(b) ...", then "15. ...": the next unit, not paragraph 15 of clause 14
            current = s.unit.partition(" ")[2].split(".")[0]
            same_series = style == s.bare_style or s.bare_style == "dotted"
            return same_series and current.isdigit() and int(number) > int(current)
        # numbers that run on under unnumbered headings ("Recruitment", 3., 4.; "Wages", 5.) are the document's
        return s.unit_kind == "heading" and running

    def _item(self, core: str) -> None:
        """(a), (b) ... and (i), (ii) ...: roman items inside a lettered one go one level deeper."""
        _enter_item(self.state, core)

    # -- moving between units and letters ------------------------------------------------------------
    def _enter(self, unit: str, kind: str, style: str = "") -> None:
        s = self.state
        s.unit, s.unit_kind, s.bare_style = unit, kind, style
        s.unit_has_body, s.parent, s.amended_by_items = False, "", ""
        if kind != "bare":
            s.section = unit if kind == "heading" else ""
        s.para = s.sub = s.subsub = ""
        s.sub_is_roman = False
        if kind == "bare":
            s.seen_body = True

    def _open_letter(self, number: str | None, kind: str | None) -> None:
        s = self.state
        if number and number.isdigit():
            s.letters, label = int(number), number
        elif number:
            s.letters, label = from_roman(number) or 0, number.upper()
        else:
            s.letters += 1
            label = to_roman(s.letters)
        # "Letter from ..." and "Note No. 2" say what they are; "Reply from ..." does not
        said = {"letter": "Letter", "note": "Note"}.get((kind or "").lower())
        name = said or s.letter_kind or self.layout.letter_word
        s.letter, s.last_letter = f"{name} {label}", ""
        s.annex = s.heading = ""
        s.greeted = s.quoting = False
        self._enter("", "")
        s.seen_body = s.title_done = True

    def _close_letter(self, remember: bool) -> None:
        s = self.state
        s.last_letter = s.letter if remember else ""
        if s.letter:
            s.letter = ""
            self._enter("", "")


# -- helpers ----------------------------------------------------------------------------------------
def _annex_heading(text: str) -> re.Match[str] | None:
    annex = ANNEX.match(text)
    if annex and _is_headingish(text) and not _looks_like_sentence_start(annex.group("rest")):
        return annex
    return None


def _is_headingish(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 14 and not text.rstrip().endswith((";", ","))


def _is_sentence(text: str) -> bool:
    """'No fee shall be charged to workers.' after an article number, not a heading like 'Scope.'"""
    return text.endswith((".", ";", ":")) and (len(text.split()) > 6 or bool(SENTENCE_VERB.search(text)))


def _is_title_like(text: str) -> bool:
    """A title or heading line, however long: no closing full stop."""
    return 0 < len(text.split()) <= 60 and not text.rstrip().endswith((".", ";", ","))


def _is_heading_line(text: str, para: RawParagraph) -> bool:
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
class _UnitHeading:
    """A paragraph that opens a unit ("Article 2. The worker shall ...", "ARTICLE IV", "§ 3 Wages"):
    its kind and number, the text after them (``sentence``), that text without its separators
    (``rest``), and whether it is only a heading (no provision of its own)."""

    kind: str
    num: str
    sentence: str
    rest: str

    @property
    def heading_only(self) -> bool:
        return not self.rest or (_is_headingish(self.rest) and not _is_sentence(self.sentence))


def _unit_heading(text: str) -> _UnitHeading | None:
    """``text`` read as the opening of a unit, or None ("Article 5 shall apply ..." is a sentence)."""
    unit = UNIT.match(text)
    if not unit or not unit.group("num") or _looks_like_sentence_start(unit.group("rest")):
        return None
    sentence = unit.group("rest").lstrip(HEADING_SEPARATORS).rstrip()
    return _UnitHeading(unit.group("kind"), unit.group("num"), sentence, sentence.rstrip(HEADING_SEPARATORS))


def cell_article(text: str) -> _UnitHeading | None:
    """A table cell's text read as an article of its own (only the kinds an article takes in a
    table: no "Rule 7.2" reference, no "Item 4" part), or None."""
    unit = _unit_heading(text)
    return unit if unit and unit.kind.lower().rstrip(".") in CELL_ARTICLE_KINDS else None


def _looks_like_sentence_start(rest: str) -> bool:
    """'Article 5 shall apply...' is a sentence that mentions an article, not a heading."""
    stripped = rest.lstrip(HEADING_SEPARATORS)
    return bool(stripped) and rest[:1] == " " and stripped[:1].islower()


def _unit_name(kind: str, num: str) -> str:
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


def _annex_name(kind: str, num: str | None) -> str:
    kind = kind.title()
    if not num:
        return kind
    return f"{kind} {num.upper() if re.fullmatch(r'[ivxlcdm]+|[a-z]', num, re.I) else num}"


def _read_label(label: str) -> tuple[str, str, str, list[str]]:
    """A paragraph's printed number as (kind, style, number, sub-labels).

    kind is "number" ("3.", "(3)", "3)"; style tells them apart), "dotted" ("4.3"),
    "compound" ("14(b)": number 14, sub-labels ["b"]) or "item" ("(a)", "ii.").
    """
    label = label.strip()
    compound = COMPOUND_LABEL.fullmatch(label)
    if compound:
        return "compound", "", compound.group(1), re.findall(r"\(\s*(\w+)\s*\)", compound.group(2))
    core = label.strip("().—– ").strip()
    if re.fullmatch(r"\d+(?:\.\d+)+", core):
        return "dotted", "", core, []
    if core.isdigit():
        style = "(1)" if label.startswith("(") else "1)" if label.endswith(")") else "1."
        return "number", style, str(int(core)), []
    return "item", "", core.lower(), []


def _is_numbered_heading(match: re.Match[str], para: RawParagraph) -> bool:
    """'4. TERMS OF EMPLOYMENT' or a bold '3. Recruitment': a numbered heading, not a paragraph."""
    label = match.group("label").strip("().").strip()
    rest = match.group("rest").strip()
    if (
        not (label.isdigit() or re.fullmatch(r"[IVXLC]+", label))
        or not _is_headingish(rest)
        or rest.endswith((".", ";", ","))
    ):
        return False
    return bool(para.heading_level) or para.bold or (rest.isupper() and len(rest) > 3)


def _is_title_continuation(text: str) -> bool:
    """'between the Government of X and ...', the usual second line of a treaty title."""
    return (
        bool(re.match(r"^(between|and|of|on|concerning|regarding|relating)\b", text, re.I))
        and len(text.split()) <= 45
        and not text.rstrip().endswith((".", ";", ","))
    )


def _closes_the_quotation(new: _NewWording, text: str) -> bool:
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


def leads_into_new_wording(text: str) -> bool:
    """Whether a paragraph leads into new wording for the text it amends (``AMENDING_LEAD_IN``):
    it secures nothing itself, and the wording it brings is read without it."""
    if not text.rstrip().endswith(":"):  # the cheap test first: the analysis asks it of every sentence
        return False
    return AMENDING_LEAD_IN.search(text) is not None and AMENDED_TEXT.search(text) is not None


def _amended_unit(lead_in: str) -> str:
    """The unit an amending lead-in names as the text it replaces ("Article 4" in "Paragraph 2 of
    Article 4 of the Agreement shall read as follows:"); "" when it names none."""
    named = AMENDED_UNIT.search(lead_in)
    return _unit_name(named.group("kind"), named.group("num").replace(" ", "")) if named else ""


def _enter_item(place: _State | _NewWording, core: str) -> None:
    """Move ``place`` to item ``core``: (a), (b) ... and (i), (ii) ...; roman items inside a
    lettered one go one level deeper."""
    roman = bool(ROMAN_ITEM.fullmatch(core))
    if roman and len(core) == 1 and place.sub == f"({chr(ord(core) - 1)})" and not place.sub_is_roman:
        roman = False  # (h) then (i), (u) then (v), (w) then (x): letters
    if roman and place.sub and not place.sub_is_roman:
        place.subsub = f"({core})"
    else:
        place.sub, place.subsub, place.sub_is_roman = f"({core})", "", roman


def _number_new(new: _NewWording, label: str) -> None:
    """Move within quoted new wording to the place a paragraph's printed number names."""
    kind, _style, number, subs = _read_label(label)
    if kind in ("dotted", "number", "compound"):
        new.sub, new.subsub, new.sub_is_roman = "", "", False
    if kind == "dotted":
        new.clause, new.para = number, ""
    elif kind in ("number", "compound"):
        new.para = f"({number})"
        for sub in subs:
            _enter_item(new, sub.lower())
    else:
        _enter_item(new, number)


def _with_label(para: RawParagraph) -> str:
    return f"{para.label} {para.text}".strip() if para.label else para.text


def _container(state: _State) -> str:
    """The letter, annex and unit a block stands in: "Note I", "Annex II, Article 6"; a letter's
    numbered paragraph as lawyers cite it, "Note I, paragraph 2"."""
    unit = state.unit
    if state.letter and state.unit_kind == "bare":
        unit = unit[:1].lower() + unit[1:]
    return ", ".join(p for p in (state.letter, state.annex, unit) if p)


def _where(state: _State) -> str:
    """The citation: "Article 6(1)(a)(i)" in a numbered unit, "Annex I, paragraph 2(b)" elsewhere."""
    location = _container(state)
    tail = state.para + state.sub + state.subsub
    if not tail:
        return location
    if state.unit and NUMBERED_UNIT.match(state.unit):
        return location + tail
    if state.para:
        label = f"paragraph {state.para[1:-1]}{state.sub}{state.subsub}"
    else:
        label = f"subparagraph {state.sub}{state.subsub}"
    return f"{location}, {label}" if location else label[:1].upper() + label[1:]


def _unwrap_unstructured(doc: AgreementText) -> None:
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


TABLE_ROW_CITED = re.compile(r"\b[Tt]able row \d+\)?$")  # "(new Schedule 2, table row 4)" too


def _join_row_labels(doc: AgreementText) -> None:
    """In a table of terms ("Passport | Held by the employer"), prefix each value with its row label.

    Standard contracts in annexes are often such tables; the label carries the subject and the
    value the rule, and only together do they say anything ("Passport: held by the employer").
    """
    rows: dict[str, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == "table_cell" and TABLE_ROW_CITED.search(block.location):  # not a row that is an article
            rows.setdefault(block.location, []).append(block)
    for cells in rows.values():
        label = cells[0].text.strip().rstrip(":")
        if len(cells) < 2 or len(label.split()) > 6 or label.endswith((".", ";")) or not label:
            continue
        for cell in cells[1:]:
            if cell.text and not cell.text.lower().startswith(label.lower()):
                cell.text = f"{label}: {cell.text}"


# -- citations in the document's own language ------------------------------------------------------
#: How a French or Spanish text cites its parts: "Article 7, alinéa 2", "Artículo 7.2".
CITATION_WORDS = {
    "fr": {"Preamble": "Préambule", "Title": "Titre", "Annex": "Annexe", "Annexe": "Annexe", "Appendix": "Appendice",
           "Letter": "Lettre", "Note": "Note", "Paragraph": "Paragraphe", "paragraph": "paragraphe",
           "subparagraph": "point", "table row": "tableau, ligne", "Table row": "Tableau, ligne", "footnote": "note",
           "text box": "encadré"},
    "es": {"Preamble": "Preámbulo", "Title": "Título", "Annex": "Anexo", "Annexe": "Anexo", "Anexo": "Anexo",
           "Appendix": "Apéndice", "Letter": "Carta", "Note": "Nota", "Paragraph": "Párrafo", "paragraph": "párrafo",
           "Article": "Artículo", "Clause": "Cláusula", "subparagraph": "apartado", "table row": "tabla, fila", "Table row": "Tabla, fila",
           "footnote": "nota", "text box": "recuadro"},
}
_CITED_WORD = re.compile(r"\b(?:[Tt]able row|text box|subparagraph|Preamble|Title|Annexe|Annex|Anexo|Appendix|Letter|Note|"
                         r"Paragraph|paragraph|footnote|Article|Clause)\b")
#: A location in quoted new wording (``_NewWording.cited``), in English or in the words of a French or
#: Spanish text ("Artículo II (nuevo artículo 5.1)"); citations read it back the same way.
NEW_WORDING_CITED = re.compile(r"^(?P<where>.+?) \((?:new|nouvel|nuevo) (?P<new>.+)\)$", re.IGNORECASE)
NEW_WORD = {"fr": "nouvel", "es": "nuevo"}
_SUB_LABELS = re.compile(r"^(?P<head>(?:.*, )?(?:Article|Artículo) [^\s(,]+)(?P<subs>(?:\([^()]+\))+)$")


def cite_in(location: str, language: str) -> str:
    """A location in the words of a French or Spanish text: "Article 7(2)(a)" is "Article 7, alinéa 2,
    a)" in French and "Artículo 7.2.a)" in Spanish; "Annex I, paragraph 2" is "Annexe I, paragraphe 2"."""
    words = CITATION_WORDS.get(language)
    if not words or not location:
        return location
    new = NEW_WORDING_CITED.match(location)
    if new:  # "Article II (new Article 5(1))": "Artículo II (nuevo artículo 5.1)"
        inner = cite_in(new["new"], language)
        return f"{cite_in(new['where'], language)} ({NEW_WORD[language]} {inner[:1].lower()}{inner[1:]})"
    text = _CITED_WORD.sub(lambda m: words.get(m.group(0), m.group(0)), location)
    parts = _SUB_LABELS.match(text)
    if parts:
        subs = re.findall(r"\(([^()]+)\)", parts.group("subs"))
        numbers = [x for x in subs if x.isdigit()]
        letters = [x for x in subs if not x.isdigit()]
        if language == "fr":
            tail = "".join(f", alinéa {n}" for n in numbers[:1]) + "".join(f", {x})" for x in numbers[1:] + letters)
        else:
            tail = "".join(f".{n}" for n in numbers) + "".join(f", letra {x})" for x in letters)
        text = parts.group("head") + tail
    return text


def _cite_in_the_documents_language(doc: AgreementText) -> None:
    """Locations in the words of a French or Spanish agreement, so that evidence quoted from it is
    cited the way its readers cite it; an English text (or any other) keeps them as they are. In a
    bilingual text each paragraph is cited in its own language (the English column of a French and
    English table reads "table row 2"); a paragraph too short to tell, or in a language with no
    citation words of its own here (a Dutch translation beside a French text), takes the text's
    main one."""
    from blma.reading.language import profile

    languages = profile([block.text for block in doc.blocks])
    for block, own in zip(doc.blocks, languages.by_paragraph, strict=True):
        language = own if own == "en" or own in CITATION_WORDS else languages.main
        if language in CITATION_WORDS:
            block.location = cite_in(block.location, language)
