"""List numbering: the labels Word computes from numbering.xml, and lists that restart.

Reading: python-docx's ``paragraph.text`` leaves out the number Word shows before an
auto-numbered paragraph ("3.", "(b)", "Article 4"); :class:`Numbering` computes it from
``w:numPr``, the styles and numbering.xml, counting as Word counts.

Writing: paragraphs sharing one ``w:numId`` count on across the whole document, so a list
that must start again at 1 (each article's paragraphs) gets its own ``w:num`` with a
``w:startOverride`` (:func:`restarted_list`); python-docx has no API for either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from blma.numerals import to_letters, to_roman
from blma.ooxml.ns import Element, qn, w
from blma.ooxml.parts import bounded_number, whole_number
from blma.ooxml.text import paragraph_style_id

#: Beyond this a number is shown in digits, whatever the format: Roman numerals and repeated
#: letters grow with the value, and Word's own numbers stop far below it.
MAX_FORMATTED = 100_000


@dataclass(frozen=True)
class NumberingLimits:
    """How far list definitions are believed: Word shows levels 0-8 and starts 0-32767; a
    longer label is cut (the reader passes its ``limits.yaml`` values)."""

    levels: int = 9
    start: int = 32767
    label_chars: int = 64


def format_number(n: int, fmt: str, longest: int | None = None) -> str:
    """``n`` as Word shows it in format ``fmt`` (``lowerRoman``, ``upperLetter``, ``decimal``...).

    ``longest`` caps a repeated letter ("aaa..."), whose label is cut anyway.
    """
    if fmt in ("bullet", "none"):
        return ""
    if not 0 <= n <= MAX_FORMATTED:
        return str(n)
    if fmt == "lowerLetter":
        return to_letters(n, longest)
    if fmt == "upperLetter":
        return to_letters(n, longest).upper()
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Computes the list labels Word displays, from numbering.xml and the styles' numPr."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    style_numpr: dict[str, tuple[str, int]] = field(default_factory=dict)
    caps: NumberingLimits = field(default_factory=NumberingLimits)
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _started: set[str] = field(default_factory=set)

    @classmethod
    def from_parts(
        cls, numbering: Element | None, styles: Element | None, caps: NumberingLimits | None = None
    ) -> Numbering:
        """Read the list definitions; a level or start Word would not accept is brought into
        Word's range (``caps``), and a value that is not a number at all is
        :class:`~blma.ooxml.parts.MalformedPart`."""
        self = cls(caps=caps or NumberingLimits())
        levels_allowed = range(self.caps.levels)
        if numbering is not None:
            defs = "the numbering definitions are corrupt"
            for absn in numbering.iter(w("abstractNum")):
                levels: dict[int, Level] = {}
                for lvl in absn.findall(w("lvl")):
                    ilvl = whole_number(lvl, "ilvl", 0, f"{defs} (a list level)")
                    if ilvl not in levels_allowed:
                        continue  # Word shows nine levels; a definition beyond them is never used
                    start = lvl.find(w("start"))
                    levels[ilvl] = Level(
                        start=self._start(start, f"{defs} (a list start)") if start is not None else 1,
                        fmt=_val(lvl, "numFmt", "decimal"),
                        text=_val(lvl, "lvlText", "%1.")[: self.caps.label_chars],
                    )
                self.abstracts[absn.get(w("abstractNumId"), "")] = levels
            for num in numbering.iter(w("num")):
                abstract = num.find(w("abstractNumId"))
                overrides = {}
                for ov in num.findall(w("lvlOverride")):
                    start = ov.find(w("startOverride"))
                    if start is not None:
                        level = self._level(ov, f"{defs} (a level override)", attr="ilvl")
                        overrides[level] = self._start(start, f"{defs} (a start override)")
                if abstract is not None:
                    self.nums[num.get(w("numId"), "")] = (abstract.get(w("val"), ""), overrides)
        if styles is not None:
            based_on: dict[str, str] = {}
            own: dict[str, tuple[str, int]] = {}
            for style in styles.iter(w("style")):
                sid = style.get(w("styleId"), "")
                parent = style.find(w("basedOn"))
                if parent is not None:
                    based_on[sid] = parent.get(w("val"), "")
                numpr = style.find(f"{w('pPr')}/{w('numPr')}")
                if numpr is not None:
                    num_id = numpr.find(w("numId"))
                    ilvl = numpr.find(w("ilvl"))
                    if num_id is not None:
                        own[sid] = (
                            num_id.get(w("val"), "0"),
                            self._level(ilvl, "the styles are corrupt (a list level)")
                            if ilvl is not None
                            else 0,
                        )
            for sid in set(own) | set(based_on):
                cursor, hops = sid, 0
                while cursor and cursor not in own and hops < 10:
                    cursor, hops = based_on.get(cursor, ""), hops + 1
                if cursor in own:
                    self.style_numpr[sid] = own[cursor]
        return self

    def label(self, p: Element) -> str:
        """The label Word shows before ``p`` (e.g. "3.", "(b)", "Article 4"), or "".

        Call it once per paragraph, in document order: it counts as Word does.
        """
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstracts.get(abstract_id, {})
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        longest = self.caps.label_chars
        for i in range(9):
            marker = f"%{i + 1}"
            if marker in text:
                lvl_def = levels.get(i, Level())
                value = counters.get(i, lvl_def.start)
                text = text.replace(marker, format_number(value, lvl_def.fmt, longest))
        return text.strip()[:longest] if level.fmt not in ("bullet", "none") else ""

    def _numpr(self, p: Element) -> tuple[str, int]:
        numpr = p.find(f"{w('pPr')}/{w('numPr')}")
        style_num = self.style_numpr.get(paragraph_style_id(p))
        if numpr is None:
            return style_num if style_num else ("", 0)
        num_id = numpr.find(w("numId"))
        ilvl = numpr.find(w("ilvl"))
        nid = num_id.get(w("val"), "") if num_id is not None else (style_num[0] if style_num else "")
        if ilvl is not None:
            lvl = self._level(ilvl, "the document body is corrupt (a numbered paragraph's level)")
        else:
            lvl = style_num[1] if style_num else 0
        return nid, lvl

    def _level(self, el: Element, what: str, attr: str = "val") -> int:
        return bounded_number(el, attr, 0, 0, self.caps.levels - 1, what)

    def _start(self, el: Element, what: str) -> int:
        return bounded_number(el, "val", 1, 0, self.caps.start, what)


def _val(el: Element, tag: str, default: str) -> str:
    child = el.find(w(tag))
    return child.get(w("val"), default) if child is not None else default


# -- writing lists ----------------------------------------------------------------------------
def add_list_definition(document: Document, num_format: str, level_text: str, indent_twips: int) -> int:
    """Add a one-level ``w:abstractNum`` (e.g. decimal "(%1)") and return its id."""
    numbering = document.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{num_format}"/><w:lvlText w:val="{level_text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent_twips}" w:hanging="{indent_twips}"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    # the schema wants every abstractNum before the first num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return abstract_id


def restarted_list(document: Document, abstract_id: int) -> int:
    """A new ``w:num`` over ``abstract_id`` whose count starts again at 1; returns its numId."""
    numbering = document.part.numbering_part.element
    num = numbering.add_num(abstract_id)
    override = parse_xml(
        f'<w:lvlOverride {nsdecls("w")} w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    )
    num.append(override)
    return int(num.get(qn("w:numId")))


def set_list(paragraph: Paragraph, num_id: int) -> None:
    """Number ``paragraph`` in the list ``num_id`` at level 0."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id
