"""Raw WordprocessingML helpers for what python-docx's simple API does not give.

python-docx's ``paragraph.text`` skips tracked insertions, text boxes and the numbers
Word computes from ``numbering.xml``; it has no footnotes API. Everything here works on
lxml elements named after the OOXML spec; the rest of the reader never touches XML.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

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


def _roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter after z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
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
    if fmt in ("bullet", "none"):
        return ""
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
        self = cls()
        if numbering is not None:
            for absn in numbering.iter(w("abstractNum")):
                levels: dict[int, Level] = {}
                for lvl in absn.findall(w("lvl")):
                    levels[int(lvl.get(w("ilvl"), "0"))] = Level(
                        start=int(_val(lvl, "start", "1")),
                        fmt=_val(lvl, "numFmt", "decimal"),
                        text=_val(lvl, "lvlText", "%1."),
                    )
                self.abstracts[absn.get(w("abstractNumId"), "")] = levels
            for num in numbering.iter(w("num")):
                abstract = num.find(w("abstractNumId"))
                overrides = {}
                for ov in num.findall(w("lvlOverride")):
                    start = ov.find(w("startOverride"))
                    if start is not None:
                        overrides[int(ov.get(w("ilvl"), "0"))] = int(start.get(w("val"), "1"))
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
                            int(ilvl.get(w("val"), "0")) if ilvl is not None else 0,
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
        return text.strip() if level.fmt not in ("bullet", "none") else ""

    def _numpr(self, p: etree._Element) -> tuple[str, int]:
        numpr = p.find(f"{w('pPr')}/{w('numPr')}")
        style_num = self.style_numpr.get(paragraph_style_id(p))
        if numpr is None:
            return style_num if style_num else ("", 0)
        num_id = numpr.find(w("numId"))
        ilvl = numpr.find(w("ilvl"))
        nid = num_id.get(w("val"), "") if num_id is not None else (style_num[0] if style_num else "")
        lvl = int(ilvl.get(w("val"), "0")) if ilvl is not None else (style_num[1] if style_num else 0)
        return nid, lvl


def _val(el: etree._Element, tag: str, default: str) -> str:
    child = el.find(w(tag))
    return child.get(w("val"), default) if child is not None else default
