"""Provisions that limit other parts of the same text.

A protection stated firmly in one article is secured only in part when another provision of the
text takes that article away from some of the workers it covers ("Chapter III does not apply to
domestic workers"), delays it or makes it wait on a condition ("Paragraphs 2 and 3 of Article XI
shall take effect only upon ..."), lets an authority exempt employers from it or suspend it ("The
Minister may by order exempt any employer from Sections 6.1 and 7.2"), or lets a party decline to
apply it (a schedule of opt-outs, a declaration). Read sentence by sentence, such an article looks
complete; a reviewer reads the two together.

The lexicon's ``limits_part`` finds the limiting provision and the words that name the parts
(groups ``ref...``); :func:`references` reads those words as numbered parts, and :class:`Limits`
says, for any block of the text, the provision that limits it, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blma.reading.models import AgreementText, Block

#: a kind of numbered part, as the reader names units and locations
_KINDS = {
    "chapter": "Chapter",
    "part": "Part",
    "article": "Article",
    "section": "Section",
    "clause": "Clause",
    "paragraph": "Paragraph",
    "subparagraph": "Paragraph",
    "sub-paragraph": "Paragraph",
}
#: parts that group articles under a heading of their own
_GROUPS = ("Chapter", "Part")
_NUMBER = r"(?:[IVXLC]+|\d+)(?:\.\d+)*\b(?:\s?\(\w{1,4}\))*"
_TOKEN = re.compile(
    rf"(?P<kind>sub-?paragraphs?|chapters?|parts?|articles?|sections?|clauses?|paragraphs?)\b"
    rf"|(?P<number>{_NUMBER})|(?P<sub>\(\w{{1,4}}\))|(?P<of>\bof\b)",
    re.I,
)
_HEADING = re.compile(r"^(Chapter|Part)\s+([IVXLC]+|\d+)\b", re.I)


@dataclass(frozen=True)
class Reference:
    """A numbered part of the text: kind ("Article"), number ("18"), and a sub-part ("(1)", ".2")."""

    kind: str
    number: str
    sub: str = ""

    @property
    def unit(self) -> str:
        return f"{self.kind} {self.number}"


def references(words: str, own_unit: str = "") -> list[Reference]:
    """The parts ``words`` name: "Chapters II and IV", "Clause 9(b) and (c)", "Sections 5.2, 6.1
    and 7.2", "paragraphs 2 and 3 of Article XI". A paragraph named without its article is one of
    ``own_unit`` (the article the words stand in), unless the text numbers paragraphs as units."""
    found: list[Reference] = []
    kind = ""  # the kind the next number is of
    of = False  # just after "of": a kind named now is the article of the paragraphs before it
    parent = ""  # that article's kind ("paragraphs 2 and 3 of Article XI"), until its number comes
    for token in _TOKEN.finditer(words):
        if token.group("of"):
            of = True
        elif token.group("kind"):
            named = _KINDS[token.group("kind").lower().rstrip("s")]
            if of and named != "Paragraph":
                parent = named
            else:
                kind = named
            of = False
        elif token.group("number") and (parent or kind):
            number, sub = _split(token.group("number"), parent or kind)
            paragraphs = [r for r in found if r.kind == "Paragraph"]
            if parent and paragraphs:  # the paragraphs named before are this article's
                found = [r for r in found if r.kind != "Paragraph"]
                found += [Reference(parent, number, f"({r.number}){r.sub}") for r in paragraphs]
            else:
                found.append(Reference(parent or kind, number, sub))
            kind, parent, of = parent or kind, "", False
        elif token.group("sub") and kind == "Paragraph":  # "paragraphs (2) and (3)"
            found.append(Reference("Paragraph", token.group("sub").strip("()")))
        elif token.group("sub") and found:  # "Clause 9(b) and (c)"
            found.append(Reference(found[-1].kind, found[-1].number, token.group("sub")))
    own_kind, _, own_number = own_unit.partition(" ")
    if own_number and own_kind != "Paragraph":
        found = [Reference(own_kind, own_number, f"({r.number}){r.sub}") if r.kind == "Paragraph" else r for r in found]
    return found


def _split(written: str, kind: str) -> tuple[str, str]:
    """"16.1" in a Section: number 16, sub-part ".1"; "V(2)": number V, sub-part "(2)"."""
    number, bracket, rest = written.replace(" ", "").partition("(")
    sub = f"{bracket}{rest}"
    if "." in number and kind != "Paragraph":
        number, dot = number.split(".", 1)
        sub = f".{dot}{sub}"
    return (number.upper() if number.isalpha() else number), sub


@dataclass(frozen=True)
class Limitation:
    """A provision limiting parts of the text: where it stands, its words, the parts it names, and
    whether it limits itself ("this subparagraph will apply from ...": "block", or "unit" for
    "this Article")."""

    location: str
    words: str
    parts: tuple[Reference, ...]
    itself: str = ""


class Limits:
    """Which blocks of a text stand in a part another provision limits."""

    def __init__(self, doc: AgreementText, limitations: list[tuple[Block, Limitation]]) -> None:
        self._limitations = limitations
        self._group_of: dict[int, str] = {}
        group = ""
        for block in doc.blocks:
            if block.kind in ("heading", "title") and not block.annex:
                heading = _HEADING.match(block.location) or _HEADING.match(block.text)
                if heading:
                    group = f"{heading.group(1).capitalize()} {heading.group(2).upper()}"
            self._group_of[id(block)] = group if not block.annex else ""

    def __bool__(self) -> bool:
        return bool(self._limitations)

    def of(self, block: Block) -> Limitation | None:
        """The first provision that limits the part ``block`` stands in (the block itself only
        when the provision says so of itself)."""
        for source, limitation in self._limitations:
            if limitation.itself == "block" and source is block:
                return limitation
            if limitation.itself == "unit" and source.unit and (source.annex, source.unit) == (block.annex, block.unit):
                return limitation
            if source is block or block.annex:
                continue
            if any(self._names(ref, block) for ref in limitation.parts):
                return limitation
        return None

    def _names(self, ref: Reference, block: Block) -> bool:
        if ref.kind in _GROUPS and not ref.sub:
            return self._group_of.get(id(block)) == ref.unit or block.unit.lower() == ref.unit.lower()
        if block.unit.lower() != ref.unit.lower():
            return False
        if not ref.sub:
            return True
        place = f"{ref.unit}{ref.sub}".lower()
        location = block.location.lower()
        return location == place or location.startswith((f"{place}(", f"{place}.", f"{place} "))


def find_limits(doc: AgreementText, sentences, pattern) -> Limits:
    """The limits the text's provisions set on its own parts.

    ``sentences``: the analysis' sentences (each with ``block``, ``sentence`` and ``modality``);
    ``pattern``: the lexicon's ``limits_part`` (None: the language has none, nothing is limited).
    A recital or a definition limits nothing."""
    found: list[tuple[Block, Limitation]] = []
    if pattern is None:
        return Limits(doc, found)
    for seen in sentences:
        if seen.modality in ("recital", "definition"):
            continue
        for match in pattern.finditer(seen.sentence):
            said = " ".join(match.group(0).split())[:120]
            own = match.groupdict().get("ref_self")
            if own:  # "this subparagraph": the block; "this Article": its article
                itself = "block" if "paragraph" in own.lower() else "unit"
                found.append((seen.block, Limitation(seen.block.location, said, (), itself)))
                continue
            words = next((v for k, v in match.groupdict().items() if k.startswith("ref") and v), "")
            parts = tuple(references(words, seen.block.unit))
            if parts:
                found.append((seen.block, Limitation(seen.block.location, said, parts)))
    return Limits(doc, found)
