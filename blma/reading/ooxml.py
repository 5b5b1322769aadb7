"""Raw WordprocessingML helpers for what python-docx's simple API does not give.

python-docx's ``paragraph.text`` skips tracked insertions, text boxes and the numbers
Word computes from ``numbering.xml``; it has no footnotes API. Everything here works on
lxml elements named after the OOXML spec; the rest of the reader never touches XML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from blma.reading.limits import limits

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDT_CONTENT = w("p"), w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
W_T, W_TAB, W_BR, W_CR = w("t"), w("tab"), w("br"), w("cr")
W_DEL, W_INS, W_MOVE_FROM, W_MOVE_TO = w("del"), w("ins"), w("moveFrom"), w("moveTo")
W_TXBX = w("txbxContent")
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
SKIPPED_ANCESTORS = {W_DEL, W_MOVE_FROM, W_TXBX, MC_FALLBACK}

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def parse_part(blob: bytes) -> etree._Element:
    """Parse a package part without resolving entities or touching the network."""
    return etree.fromstring(blob, SAFE_PARSER)


def deeper_than(root: etree._Element, depth: int) -> bool:
    """Whether elements under ``root`` nest more than ``depth`` levels (``root`` is level 1).

    One XPath step per level, each over the elements of that level only: linear in the tree.
    """
    return bool(_depth_probe(depth)(root))


@functools.cache
def _depth_probe(depth: int) -> etree.XPath:
    return etree.XPath("boolean(" + "/".join(["*"] * depth) + ")")


def table_nesting(root: etree._Element) -> int:
    """How deeply tables nest in ``root``: 1 for a plain table, 2 for a table in a cell, ..."""
    levels: dict[etree._Element, int] = {}
    deepest = 0
    for tbl in root.iter(W_TBL):  # document order: an outer table comes before its inner ones
        outer = _nearest_table(tbl)
        levels[tbl] = levels.get(outer, 0) + 1 if outer is not None else 1
        deepest = max(deepest, levels[tbl])
    return deepest


# -- text -----------------------------------------------------------------------------------
def _visible(node: etree._Element, stop: etree._Element) -> bool:
    """False when ``node`` sits in deleted text, a text box or a fallback copy below ``stop``."""
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in SKIPPED_ANCESTORS:
            return False
        parent = parent.getparent()
    return True


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's text as Word shows it with all tracked changes accepted."""
    parts: list[str] = []
    for node in p.iter(W_T, W_TAB, W_BR, W_CR):
        if not _visible(node, p):
            continue
        if node.tag == W_T:
            parts.append(node.text or "")
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def is_bold(p: etree._Element) -> bool:
    """True when every visible run with text is bold (a typical unnumbered heading)."""
    runs = [r for r in p.iter(w("r")) if _visible(r, p) and "".join(r.itertext()).strip()]
    if not runs:
        return False
    for run in runs:
        b = run.find(f"{w('rPr')}/{w('b')}")
        if b is None or b.get(w("val")) in ("0", "false", "off"):
            return False
    return True


def text_boxes(p: etree._Element) -> list[etree._Element]:
    """Paragraphs inside the text boxes anchored in ``p`` (the fallback copy is skipped)."""
    found = []
    for box in p.iter(W_TXBX):
        if _visible(box, p):
            found.extend(box.iter(W_P))
    return found


def footnote_refs(p: etree._Element) -> tuple[str, ...]:
    return tuple(ref.get(w("id"), "") for ref in p.iter(w("footnoteReference")) if _visible(ref, p))


def has_revisions(root: etree._Element) -> bool:
    return any(next(root.iter(tag), None) is not None for tag in (W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO))


def paragraph_style_id(p: etree._Element) -> str:
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val"), "") if style is not None else ""


def iter_block_items(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables in reading order, looking through block-level content controls."""
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from iter_block_items(content)
        elif child.tag in (W_INS, w("customXml")):
            yield from iter_block_items(child)


def in_content_control(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == W_SDT_CONTENT:
            return True
        parent = parent.getparent()
    return False


def table_rows(tbl: etree._Element) -> list[list[list[etree._Element]]]:
    """Rows of cells of paragraphs; nested tables are flattened into their cell."""
    rows = []
    for tr in tbl.iter(W_TR):
        if tr.getparent() is not tbl and _nearest_table(tr) is not tbl:
            continue
        cells = []
        for tc in tr.findall(W_TC):
            cells.append([p for p in tc.iter(W_P) if _visible(p, tc)])
        rows.append(cells)
    return rows


def _nearest_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != W_TBL:
        parent = parent.getparent()
    return parent


def footnotes(part_xml: etree._Element) -> dict[str, list[str]]:
    """Footnote id to its paragraphs' text, separators left out."""
    notes: dict[str, list[str]] = {}
    for note in part_xml.iter(w("footnote")):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = [t for t in (paragraph_text(p) for p in note.iter(W_P)) if t]
        if texts:
            notes[note.get(w("id"), "")] = texts
    return notes


# -- typed attributes -----------------------------------------------------------------------
class MalformedPart(ValueError):
    """A part's XML breaks the standard in a way Word would refuse; the message says where, in
    words, and the reader adds the file's name."""


WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
#: More digits than any value Word accepts: read as "very large" without converting the digits.
MAX_DIGITS = 18


def whole_number(el: etree._Element, attr: str, default: int, what: str) -> int:
    """An ``ST_DecimalNumber`` attribute (``w:val="3"``); ``default`` when it is absent.

    Anything but an optionally signed run of digits ("1e5", "1.5", "x") is :class:`MalformedPart`
    naming ``what``; absurdly long numbers come back as ±10**18 for the caller to bring into range.
    """
    raw = el.get(w(attr))
    if raw is None:
        return default
    text = raw.strip()
    if not WHOLE_NUMBER.fullmatch(text):
        raise MalformedPart(f"{what}: w:{attr}=\"{raw[:20]}\" is not a whole number")
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > MAX_DIGITS:
        return -(10**MAX_DIGITS) if text.startswith("-") else 10**MAX_DIGITS
    return int(text)


def bounded_number(el: etree._Element, attr: str, default: int, low: int, high: int, what: str) -> int:
    """:func:`whole_number` brought into ``[low, high]``, as Word treats a value beyond its range."""
    return min(max(whole_number(el, attr, default, what), low), high)


# -- numbering ------------------------------------------------------------------------------
ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


#: Beyond this a number is shown in digits, whatever the format: Roman numerals and repeated
#: letters grow with the value, and Word's own numbers stop far below it.
MAX_FORMATTED = 100_000


def _roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter after z: aa, bb, ...; a label longer than the limit is cut anyway
    return chr(ord("a") + (n - 1) % 26) * min((n - 1) // 26 + 1, limits().label_chars)


def format_number(n: int, fmt: str) -> str:
    """``n`` as Word shows it in format ``fmt`` (``lowerRoman``, ``upperLetter``, ``decimal``...)."""
    if fmt in ("bullet", "none"):
        return ""
    if not 0 <= n <= MAX_FORMATTED:
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
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
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _started: set[str] = field(default_factory=set)

    @classmethod
    def from_parts(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        """Read the list definitions; a level or start Word would not accept is brought into
        Word's range (levels 0-8, starts 0-32767 by default, ``limits.yaml``), and a value that
        is not a number at all is :class:`MalformedPart`."""
        cap = limits()
        levels_allowed = range(cap.numbering_levels)
        self = cls()
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
                        start=_start(start, f"{defs} (a list start)") if start is not None else 1,
                        fmt=_val(lvl, "numFmt", "decimal"),
                        text=_val(lvl, "lvlText", "%1.")[: cap.label_chars],
                    )
                self.abstracts[absn.get(w("abstractNumId"), "")] = levels
            for num in numbering.iter(w("num")):
                abstract = num.find(w("abstractNumId"))
                overrides = {}
                for ov in num.findall(w("lvlOverride")):
                    start = ov.find(w("startOverride"))
                    if start is not None:
                        level = _level(ov, f"{defs} (a level override)", attr="ilvl")
                        overrides[level] = _start(start, f"{defs} (a start override)")
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
                            _level(ilvl, "the styles are corrupt (a list level)") if ilvl is not None else 0,
                        )
            for sid in set(own) | set(based_on):
                cursor, hops = sid, 0
                while cursor and cursor not in own and hops < 10:
                    cursor, hops = based_on.get(cursor, ""), hops + 1
                if cursor in own:
                    self.style_numpr[sid] = own[cursor]
        return self

    def label(self, p: etree._Element) -> str:
        """The label Word shows before ``p`` (e.g. "3.", "(b)", "Article 4"), or ""."""
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
        for i in range(9):
            marker = f"%{i + 1}"
            if marker in text:
                lvl_def = levels.get(i, Level())
                value = counters.get(i, lvl_def.start)
                text = text.replace(marker, format_number(value, lvl_def.fmt))
        return text.strip()[: limits().label_chars] if level.fmt not in ("bullet", "none") else ""

    def _numpr(self, p: etree._Element) -> tuple[str, int]:
        numpr = p.find(f"{w('pPr')}/{w('numPr')}")
        style_num = self.style_numpr.get(paragraph_style_id(p))
        if numpr is None:
            return style_num if style_num else ("", 0)
        num_id = numpr.find(w("numId"))
        ilvl = numpr.find(w("ilvl"))
        nid = num_id.get(w("val"), "") if num_id is not None else (style_num[0] if style_num else "")
        if ilvl is not None:
            lvl = _level(ilvl, "the document body is corrupt (a numbered paragraph's level)")
        else:
            lvl = style_num[1] if style_num else 0
        return nid, lvl


def _level(el: etree._Element, what: str, attr: str = "val") -> int:
    return bounded_number(el, attr, 0, 0, limits().numbering_levels - 1, what)


def _start(el: etree._Element, what: str) -> int:
    return bounded_number(el, "val", 1, 0, limits().numbering_start, what)


def _val(el: etree._Element, tag: str, default: str) -> str:
    child = el.find(w(tag))
    return child.get(w("val"), default) if child is not None else default
