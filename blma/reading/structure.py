"""Recovering an agreement's structure from raw paragraphs: title, preamble, articles,
numbered paragraphs, tables, annexes and the letters of an exchange of notes, so every
block can be cited as a lawyer would: "Article 7(2)", "Article 6(1)(a)(i)", "Annex II,
Article 6", "Clause 14(b)", "Paragraph 4.3", "Annex I, paragraph 2", "Note II, paragraph 3".

Agreements number things in many ways ("Article 1", "ARTICLE I", "Art. 3", "Article 1er",
"Section 2.1", "Clause 4", "14(b)", "4.3", bold or Markdown headings, Word's automatic
numbering); the patterns of ``headings`` and ``labels`` normalise them to one citation style
while keeping the numbers as printed. The document is surveyed once first (``survey``: does it
speak of "clauses" or "paragraphs"? do its paragraph numbers run on or restart?), then read
paragraph by paragraph, each paragraph going to the first step that recognises it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blma.numerals import from_roman, to_roman
from blma.reading.amendments import (
    CLOSING_QUOTE,
    LATIN_SUFFIX,
    OPENING_QUOTE,
    QUOTED_TERM,
    NewWording,
    amended_unit,
    closes_the_quotation,
    leads_into_new_wording,
    number_new,
    without_deleted_words,
)
from blma.reading.citation_language import cite_in_the_documents_language
from blma.reading.headings import (
    BETWEEN,
    DIVISION,
    HEADING_SEPARATORS,
    INSTRUMENT_TITLE,
    NUMBERED_KINDS,
    NUMBERED_UNIT,
    PART_KINDS,
    PROTOCOL_HEADING,
    ROMAN,
    RUN_IN_HEADING,
    SENTENCE_VERB,
    STANDALONE_ORDINAL,
    UNIT,
    annex_heading,
    annex_name,
    cell_article,
    is_heading_line,
    is_headingish,
    is_numbered_heading,
    is_sentence,
    is_title_continuation,
    is_title_like,
    looks_like_sentence_start,
    unit_heading,
    unit_name,
)
from blma.reading.labels import (
    INSERTED_NUMBER,
    NUMBER_ALONE,
    PARA_LABEL,
    UPPER_ROMAN_LABEL,
    enter_item,
    read_label,
    with_label,
)
from blma.reading.letters import (
    EXCHANGE,
    LETTER_CLOSING,
    LETTER_HEADING,
    LETTER_NUMBER,
    NOTE_NUMBER,
    QUOTES_A_NOTE,
    SALUTATION,
)
from blma.reading.models import AgreementText, Block, BlockKind, RawParagraph
from blma.reading.ordinals import ordinal_value, standalone_ordinal
from blma.reading.preamble import END_OF_PREAMBLE, PREAMBLE, unglue_recitals, unwrap_unstructured
from blma.reading.survey import Layout, survey


@dataclass
class _State:
    unit: str = ""
    unit_kind: str = ""  # "named" (Article 7, "4. WAGES"), "bare" (a numbered paragraph), "heading"
    bare_style: str = ""  # how a bare unit's number is written ("1." "1)" "(1)"): "(1)" under "3." nests
    bare_cited_lower: bool = False  # an annexed text's "###2": cited "Final Protocol, paragraph 2"
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
    new: NewWording | None = None  # the quoted new wording being read
    para: str = ""  # "(2)"
    sub: str = ""  # "(a)"
    subsub: str = ""  # "(i)"
    sub_is_roman: bool = False
    seen_body: bool = False
    title_done: bool = False
    region: int = 0  # counts annexes: paragraph numbering may restart in each
    last_article: int = 0  # the main text's last "Article N": a schedule set between articles ends
    annex_has_unit: bool = False  # the open annex has had an article (or clause) of its own


def build_structure(name: str, fmt: str, raw: list[RawParagraph]) -> AgreementText:
    """The agreement as located blocks, each cited as a lawyer would, from a format reader's paragraphs."""
    raw = [piece for para in without_deleted_words(raw) for piece in unglue_recitals(para)]
    builder = _Builder(AgreementText(name=name, format=fmt), survey(raw), raw)
    for index, para in enumerate(raw):
        builder.index = index
        builder.read(para)
    doc = builder.doc
    doc.title = " ".join(builder.title_parts)
    unwrap_unstructured(doc)
    _join_row_labels(doc)
    cite_in_the_documents_language(doc)
    return doc


class _Builder:
    """Reads paragraphs in order, keeping where it stands (article, annex, letter, paragraph)."""

    def __init__(self, doc: AgreementText, layout: Layout, raw: list[RawParagraph]) -> None:
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
        text = with_label(para)
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
        return with_label(self.raw[following]) if following < len(self.raw) else ""

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
        if (unit.heading_only and not first_column) or (not unit.heading_only and not is_sentence(unit.sentence)):
            return None
        s = self.state
        if s.unit and s.unit_kind == "named" and not self._cell_article:
            return None
        self._enter(unit_name(unit.kind, unit.num), "named")
        s.seen_body = s.title_done = True
        s.heading = unit.rest if unit.heading_only else ""
        return "" if unit.heading_only else unit.sentence

    # -- the steps, in order: each returns True when the paragraph was its own ---------------------
    def _exchange(self, text: str, para: RawParagraph) -> bool:
        """'Exchange of Notes': the letters that follow are cited "Note I", "Note II"."""
        s = self.state
        in_title = not s.title_done and not s.seen_body
        match = (EXCHANGE.search if in_title else EXCHANGE.match)(text)
        if not match or not is_title_like(text):
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
        if heading and is_title_like(text):
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
        annex = annex_heading(text)
        if not annex or leads_into_new_wording(text):  # "Schedule 1 ... shall be replaced by the following:"
            return False
        self._open_annex(annex_name(annex.group("kind"), annex.group("num")), annex.group("rest"), text, para)
        return True

    def _protocol(self, text: str, para: RawParagraph) -> bool:
        """'Final Protocol' or 'Protocol on mutual assistance' as a heading after the text has begun:
        a protocol set out after it, its articles cited within it ("Protocol, Article 1") so that
        they are never taken for the main text's own."""
        s = self.state
        match = PROTOCOL_HEADING.match(text)
        if not match or not s.seen_body or not (para.heading_level or para.bold or text.isupper()):
            return False
        if not is_title_like(text) or leads_into_new_wording(text) or SENTENCE_VERB.search(match["rest"]):
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
        if not self._awaiting or not is_heading_line(text, para):
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
        if not s.seen_body or s.annex or not INSTRUMENT_TITLE.match(text) or not is_title_like(text):
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
        unit = unit_heading(text)
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
        self._enter(unit_name(unit.kind, unit.num), "named")
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
        if is_headingish(rest) and not is_sentence(rest):
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
            self._enter(unit_name(kind, num), "named")
            s.parent = parent
        else:
            s.para, s.sub, s.subsub = f"({num})", "", ""
        self._add(sentence, _where(s), para)
        s.unit_has_body = True
        return True

    def _division(self, text: str, para: RawParagraph) -> bool:
        """'PART II. EMPLOYMENT', 'CHAPTER III': a grouping of articles, which keep their own numbers."""
        division = DIVISION.match(text)
        if not division or not is_headingish(text) or looks_like_sentence_start(division.group("rest")):
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
        if (s.letter or s.annex) and ((not s.unit and value == 1) or (bare.isdigit() and value == int(bare) + 1)):
            # a letter's or an annexed text's numbered terms ("###1", "###2"), cited after it as lawyers
            # do: "Note I, paragraph 2", "Final Protocol, paragraph 2", "Recommendation 154, paragraph 5(2)"
            self._enter(f"{self.layout.bare_name} {value}", "bare", "1.")
            s.bare_cited_lower = True
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
            or ((para.bold or text.isupper()) and is_headingish(text) and not PARA_LABEL.match(text))
            or (first and (para.heading_level or text.isupper()) and is_title_like(text))
            # a plain first line naming the instrument ("Agreement between ... on the employment of
            # ..."), as a retyped or plain-text agreement opens
            or (first and INSTRUMENT_TITLE.match(text) and BETWEEN.search(text) and is_title_like(text))
            or (
                parts
                and (para.bold or para.heading_level)
                and len(text.split()) <= 45
                and not text.endswith((".", ";"))
                and not PARA_LABEL.match(text)
            )
            or (parts and is_title_continuation(text))
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
        if not numbered or not is_numbered_heading(numbered, para):
            return False
        s = self.state
        label = numbered.group("label")
        number = label.strip("().").strip()
        self._enter(f"{self.layout.bare_name} {number}", "named", read_label(label)[1])
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
            and is_headingish(text)
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
            new = s.new = NewWording(unit=s.amends, mark="" if para.quoted else text[0])
            s.amends = None
        elif (not new.mark and not para.quoted) or (new.mark and (para.heading_level or leads_into_new_wording(text))):
            # past the block quote; a heading styled as one, or the next amendment's lead-in, is the
            # amending text's again (a closing quotation mark may be missing)
            s.new = None
            return False
        body = text.lstrip(OPENING_QUOTE).strip()
        closes = bool(new.mark) and closes_the_quotation(new, text)
        if closes:
            body = CLOSING_QUOTE.sub("", body).strip()
        where = _where(s) or "Preamble"
        suffix = LATIN_SUFFIX.match(body)  # "Article 15 bis", inserted after Article 15
        unit = unit_heading(f"{suffix['unit']}{suffix['rest']}" if suffix else body)
        annex = annex_heading(body) if unit is None else None  # "Schedule 1 - Competent Authorities"
        name = ""
        if unit is not None:
            name = unit_name(unit.kind, unit.num) + (f" {suffix['suffix'].lower()}" if suffix else "")
        if annex is not None and annex.group("num"):
            new.enter(annex_name(annex.group("kind"), annex.group("num")))
            new.awaiting = not annex.group("rest").strip(HEADING_SEPARATORS)
            self._add(body, new.cited(where), para, kind="heading")
        elif unit is not None and (unit.heading_only or para.heading_level or para.bold):
            new.enter(name)
            new.awaiting = not unit.rest
            self._add(body, new.cited(where), para, kind="heading")
        elif new.awaiting and is_heading_line(body, para) and not PARA_LABEL.match(body):
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
                number_new(new, label.group("label"))
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
        named = amended_unit(lead_in)
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
        kind, style, number, subs = read_label(label)
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
        enter_item(self.state, core)

    # -- moving between units and letters ------------------------------------------------------------
    def _enter(self, unit: str, kind: str, style: str = "") -> None:
        s = self.state
        s.unit, s.unit_kind, s.bare_style, s.bare_cited_lower = unit, kind, style, False
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


def _container(state: _State) -> str:
    """The letter, annex and unit a block stands in: "Note I", "Annex II, Article 6"; a letter's
    numbered paragraph as lawyers cite it, "Note I, paragraph 2"."""
    unit = state.unit
    if state.unit_kind == "bare" and (state.letter or state.bare_cited_lower):
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
