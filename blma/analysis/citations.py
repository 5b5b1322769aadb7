"""Citations such as "Article 7(2)" or "Annex A, Clause 4.1-4.3", made comparable.

Label files cite where a protection is decided the way a reader would ("Art. 6", "Article VI",
"ARTICLE SIX", "Sections 13.1-13.2", "Article 24(1) and (3)", "Annex I, table row 4"); the
reader gives each block a location in its own words ("Article VI(1)", "Annex I, Standard
Employment Contract, table row 4", "Recruitment(2)", "7, subparagraph (a)"). Both are
reduced to a :class:`Place`: a scope (the main text, "annex 1", "protocol") and a path from
the unit down ("6", "1", "a"). A citation covers a block when the scopes are equal and the
citation's path is a prefix of the block's.

The matching is deliberately conservative: the kind of unit (Article, Section, Clause,
Paragraph) is ignored because one document numbers its units one way, but numbers must be
equal; a citation that names no numbered unit (a preamble, a whole annex or schedule) is
returned as broad, and one that cannot be read is returned as such, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from blma.numerals import from_roman
from blma.reading.amendments import NEW_WORDING_CITED
from blma.reading.ordinals import ordinal_pattern, ordinal_value

Path_ = tuple[str, ...]

_UNITS = (
    r"articles?|arts?\.?|sections?|clauses?|paragraphs?|paras?\.?|items?|points?|rules?|regulations?|standards?|boxe?s?|"
    r"parts?|chapters?|nos?\.|§+"  # "Final Protocol, No. 4": its paragraph 4
)
_UNITS = (  # French and Spanish first
    r"art[ií]culos?|chapitres?|cap[ií]tulos?|titres?|t[ií]tulos?|cl[aá]usulas?|secci[oó]n(?:es)?|numeral(?:es)?|"
    r"puntos?|" + _UNITS
)
#: French and Spanish words for a numbered part of an article: "article 7, alinéa 2" is Article 7(2)
_SUB_UNITS = r"alin[eé]as?|paragraphes?|p[aá]rrafos?|apartados?|letras?|lettres?"
_SCOPES = r"annex|appendix|schedule|protocol|letter|note|attachment|annexe|anexo|protocole|protocolo|lettre|nota|carta"
#: An ordinal indicator after a number: "Cláusula 10.ª", "artículo 20.º", "article 5°"
_ORDINAL_MARK = re.compile(r"(?<=\d)\s?\.?[ªº°]")
# one name for each kind of scope; the letters of an exchange are one kind, however a reader or
# the text calls them ("Letter I", "Note No. I", "Exchange of Letters, No. I")
_SCOPE_NAMES = {
    "annexe": "annex",
    "anexo": "annex",
    "protocole": "protocol",
    "protocolo": "protocol",
    "letter": "note",
    "lettre": "note",
    "nota": "note",
    "carta": "note",
}
_ORDINAL_NOTES = {"first": "I", "second": "II", "third": "III"}
_ORDINAL_LETTER = re.compile(r"\b(first|second|third) (?:note|letter)\b", re.IGNORECASE)


def _ordinal_notes(text: str) -> str:
    """ "First Note" -> "Note I"."""
    return _ORDINAL_LETTER.sub(lambda m: f"Note {_ORDINAL_NOTES[m[1].lower()]}", text)


_OF_SCOPE = re.compile(
    rf"^(?P<unit>(?:{_UNITS}|{_SUB_UNITS})(?![^\W\d_])[^,]*?)\s+of (?:the )?(?P<scope>(?:final |additional )?(?:{_SCOPES})(?:\s+(?:no\.?\s*)?[A-Za-z0-9]+)?)$",
    re.IGNORECASE,
)
_EXCHANGE_NUMBER = re.compile(r"^exchange of (?:letters|notes),\s*(?=no\b)", re.IGNORECASE)
_PREAMBLE = r"(?:the\s+)?(?:preamble|pr[eé]ambule|pre[aá]mbulo)"
_FIRST = re.compile(r"\b(?:premier|premi[eè]re|primero)\b", re.IGNORECASE)
_TAILS = {"table row": "row", "table rows": "row", "footnote": "footnote", "text box": "textbox"}
_ONES = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
#: A unit numbered in Roman numerals up to C; "D" and "M" are letters here ("Article D").
_ROMAN_UNIT = re.compile(r"c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(_ONES[1:10]) + r"))?|(" + "|".join(_ONES) + r"))\b",
    re.IGNORECASE,
)
_DASHES = "\u2014\u2013"  # em and en dash: "Box 1 \u2014 Fair recruitment"
_ID = r"[0-9]+[A-Za-z]?|[ivxlcIVXLC]+|[A-Za-z]"  # a unit's own number: 12, 11A, XII, or a letter (Article E)
_UNIT_BODY = re.compile(rf"({_ID})((?:\.[0-9]+)*)\.?((?:\s*\([^()]+\))*)")


@dataclass(frozen=True)
class Place:
    """Where a block stands, or what a citation points at."""

    scope: str  # "" for the main text, else "annex 1", "annex a", "schedule 2", "protocol"
    path: Path_  # ("6", "1", "a"); ("preamble",) for a preamble block; () when no unit is known
    # what the top unit is called, where it says ("article", "clause", "section"); "" for a
    # paragraph, point or unknown: tells "Article 4" from an annex's "Clause 4" when guessing
    kind: str = field(default="", compare=False)

    def covers(self, other: Place) -> bool:
        """True when this citation takes in the block at ``other``."""
        return bool(self.path) and self.scope == other.scope and other.path[: len(self.path)] == self.path


@dataclass
class Citation:
    """What one label location cites: places to match, broad parts, and parts that could not be read."""

    places: list[Place]
    broad: list[str]  # "Preamble", "Annex", "Schedule 2": no numbered unit
    unreadable: list[str]


_KINDS = {
    "art": "article",
    "article": "article",
    "artículo": "article",
    "articulo": "article",
    "clause": "clause",
    "cláusula": "clause",
    "clausula": "clause",
    "section": "section",
    "sección": "section",
    "seccion": "section",
    "secciones": "section",
    "rule": "rule",
    "regulation": "regulation",
    "chapter": "chapter",
    "chapitre": "chapter",
    "capítulo": "chapter",
    "capitulo": "chapter",
}


def _kind(word: str | None) -> str:
    """ "Articles" -> "article"; "" for words that name no kind of unit apart (paragraph, point)."""
    word = (word or "").lower().rstrip(".")
    return _KINDS.get(word) or _KINDS.get(word.removesuffix("s"), "")


def roman(token: str) -> int | None:
    """The value of a lower- or upper-case roman numeral up to C, else None."""
    if not token or not _ROMAN_UNIT.fullmatch(token.lower()):
        return None
    return from_roman(token)


def _words_to_digits(text: str) -> str:
    """Spelled-out numbers as digits: "ARTICLE TWENTY-FOUR(1)" -> "ARTICLE 24(1)", and the French
    and Spanish number words the reader numbers articles with: "article dix-sept, alinéa 2" ->
    "article 17, alinéa 2", "artículo vigésimo primero" -> "artículo 21"."""

    def swap(m: re.Match[str]) -> str:
        if m.group(3):
            return str(_ONES.index(m.group(3).lower()))
        tens = _TENS[m.group(1).lower()]
        return str(tens + (_ONES.index(m.group(2).lower()) if m.group(2) else 0))

    text = _WORD_NUMBER.sub(swap, text)
    for pattern in _number_words():  # the unit's own number first, then the next in a list
        text = pattern.sub(lambda m: m.group(1) + str(ordinal_value(m.group(2))), text)
    return text


@cache
def _number_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number word right after the name of a unit ("article quatre", "párrafo segundo"), and
    one right after a number and "et", "y", "à" or a comma ("articles 4 et cinq")."""
    word = ordinal_pattern()
    return (
        re.compile(rf"(\b(?:{_UNITS}|{_SUB_UNITS}|{_SCOPES})\s+)({word})", re.IGNORECASE),
        re.compile(rf"(\d\s*(?:,|\bet\b|\by\b|\b[àa]\b|\bal\b)\s*)({word})", re.IGNORECASE),
    )


def _unit_id(token: str) -> str:
    """A unit's number as a canonical string: "12", "VI" -> "6", "E" -> "e"."""
    if token.isdigit():
        return str(int(token))
    value = roman(token)
    return str(value) if value else token.lower()


def _component(token: str) -> str:
    """One component below the unit: digits stay numbers, roman numerals count, letters stay."""
    token = token.strip().lower()
    if token.isdigit():
        return str(int(token))
    if len(token) == 1 and token.isalpha():
        return token  # "(a)", "(c)", "(i)" are letters here: list items are lettered more than numbered
    value = roman(token)
    return str(value) if value else token


def _unit_path(body: str) -> Path_ | None:
    """ "7(2)(a)" -> ("7", "2", "a"); "4.1" -> ("4", "1"); "4(4.1)" -> ("4", "1"); None if no number."""
    m = _UNIT_BODY.fullmatch(body.strip())
    if not m:
        return None
    path = [_unit_id(m.group(1)), *(_component(p) for p in m.group(2).split(".")[1:])]
    for sub in re.findall(r"\(([^()]+)\)", m.group(3)):
        parts = sub.split(".")
        if len(parts) > 1 and parts[0] == path[0]:  # "Paragraph 4(4.1)" is paragraph 4.1
            parts = parts[1:]
        path += [_component(p) for p in parts]
    return tuple(path)


def _expand(left: Path_, right_text: str) -> list[Path_]:
    """The paths of a range "6(1)-(3)", "4.1-4.3", "3-4": both ends differ only in their last part."""
    right_text = right_text.strip()
    if right_text.startswith("("):
        right = _unit_path(f"{left[0]}{''.join(f'({c})' for c in left[1:-1])}{right_text}")
    else:
        right = _unit_path(right_text)
        if right is not None and len(right) < len(left):
            right = left[: len(left) - len(right)] + right
    if right is None or len(right) != len(left) or right[:-1] != left[:-1]:
        return [left]
    a, b = left[-1], right[-1]
    if a.isdigit() and b.isdigit() and int(a) <= int(b) <= int(a) + 50:
        values = [str(v) for v in range(int(a), int(b) + 1)]
    elif len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha() and a <= b:
        values = [chr(c) for c in range(ord(a), ord(b) + 1)]
    else:
        values = [a, b]
    return [(*left[:-1], v) for v in values]


def _scope(part: str) -> str | None:
    m = re.fullmatch(
        rf"(?:final\s+|additional\s+)?({_SCOPES})\b(?:\s+(?:final|additionnel|adicional)\b)?\s*(?:no\.?\s*)?([A-Za-z0-9]*)\.?",
        part.strip(),
        re.IGNORECASE,
    )
    if not m:
        return None
    kind = _SCOPE_NAMES.get(m.group(1).lower(), m.group(1).lower())
    return f"{kind} {_unit_id(m.group(2)) if m.group(2) else ''}".strip()


def _tail(part: str) -> list[str] | None:
    """ "table row 4" -> ["row:4"]; "table rows 5-6" -> rows 5 and 6; "footnote 1"; "text box"."""
    for words, key in _TAILS.items():
        m = re.fullmatch(rf"{words}\s*([0-9]*)(?:\s*-\s*([0-9]+))?", part.strip(), re.IGNORECASE)
        if m:
            if key == "textbox":
                return ["textbox"]
            first = int(m.group(1) or 1)
            last = int(m.group(2) or first)
            return [f"{key}:{n}" for n in range(first, max(first, last) + 1)]
    return None


def parse_citation(text: str) -> Citation:
    """What a label's location cites; several citations are separated by semicolons.

    ``"Annex A, Clause 4.1-4.3; Article 6"`` gives three places in annex a and one in the main
    text; ``"Article 24(1) and (3)"`` gives 24(1) and 24(3). A remark in brackets ("Article 21
    (new Article 11(4))") is dropped.
    """
    found = Citation([], [], [])
    for ref in text.split(";"):
        # a remark in brackets ("(new Article 11(4))", "(Article 4(2) as amended)", "(inserted by
        # Protocol No. 1)") and a reader's lead words ("limited by Article X") are not places
        ref = re.sub(
            r"\s+\((?:new|supplementing|amending|as|see|i\.e\.|formerly|inserted|added|amended|replaced|article)\b.*$",
            "",
            ref.strip(),
            flags=re.IGNORECASE,
        )
        ref = re.sub(r"^(?:(?:as )?limited by|read with|subject to|see(?: also)?|cf\.?)\s+", "", ref, flags=re.IGNORECASE)
        ref = re.sub(r"\s+\((?=[a-z][^()]*\s)[^()]*(?:\([^()]*\)[^()]*)*\)$", "", ref)  # "(understanding of ...)"
        ref = re.sub(r"\s+and\s+", ", ", _words_to_digits(_ORDINAL_MARK.sub("", ref)))
        ref = re.sub(r"(\d)\s+([a-z])\)", r"\1(\2)", ref)  # "Cláusula 6.ª a)": clause 6(a)
        # "Annex II Art 10", "Protocol Article 8" (a reader's shorthand) are "Annex II, Art 10", "Protocol, Article 8"
        ref = re.sub(rf"^((?:{_SCOPES})(?:\s+[A-Za-z0-9]+)?)\s+(?=(?:{_UNITS})\b)", r"\1, ", ref, flags=re.IGNORECASE)
        ref = _ordinal_notes(ref)  # "First Note, paragraph 3"
        ref = _OF_SCOPE.sub(r"\g<scope>, \g<unit>", ref)  # "Article 8 of the Protocol", "paragraph 4 of Note II"
        if _FIRST.search(ref) or re.search(r"\s(?:et|y|à|al)\s", ref):  # French and Spanish citations
            ref = _FIRST.sub("1", ref)
            ref = re.sub(r"([0-9])\s+(?:à|al|a)\s+([0-9])", r"\1-\2", ref)
            ref = re.sub(r"\s+(?:et|y)\s+", ", ", ref)
        places = _places_of(ref)
        if places is None:
            found.unreadable.append(ref)
        elif places:
            found.places += places
        else:
            found.broad.append(ref)
    return found


def _places_of(ref: str) -> list[Place] | None:
    """Places of one citation; [] when it names only a scope or a preamble, None when unreadable."""
    if re.fullmatch(_PREAMBLE, ref.strip(), re.IGNORECASE):
        return []
    ref = _EXCHANGE_NUMBER.sub("Note ", ref.strip())  # "Exchange of Letters, No. I, Article 5"
    scope = ""
    paths: list[Path_] = []
    kind_seen = False
    kind = ""
    parent: Path_ | None = None  # the article of "article 15, paragraphes 1 et 2"
    for part in (p.strip() for p in ref.split(",")):
        if not part:
            continue
        as_scope = _scope(part)
        if as_scope is not None and not paths:
            scope = as_scope
            continue
        tail = _tail(part)
        if tail is not None:
            paths = [(*p, t) for p in paths or [()] for t in tail]
            continue
        sub = re.fullmatch(rf"(?:{_SUB_UNITS})\s*(.+)", part, re.IGNORECASE)
        if sub and paths:  # "article 10, paragraphe 2": paragraph 2 of the article
            below = _unit_path(sub.group(1).strip("() ")) or ()
            parent = paths[-1]
            paths = [*paths[:-1], (*parent, *below)] if below else paths
            continue
        part_of = re.fullmatch(r"(?:items?|points?)\s*\(?([0-9]+(?:\.[0-9]+)*)\)?", part, re.IGNORECASE)
        if part_of and paths:  # "Article (7), Item 4" is Article 7(4); "Item 5, Point 5.2" is point 5.2
            below = _unit_path(part_of.group(1)) or ()
            parent = paths[-1]
            within = below[: len(parent)] == parent
            paths = [*paths[:-1], below if within else (*parent, *below)] if below else paths
            parent = None
            continue
        if parent is not None and re.fullmatch(r"[0-9]+", part):  # "paragraphes 1, 2": the same article's
            paths.append((*parent, part))
            continue
        parent = None
        m = re.fullmatch(rf"(?:({_UNITS}|{_SUB_UNITS})(?![^\W\d_])\s*)?(.+?)(?:\s*-\s*(.+))?", part, re.IGNORECASE)
        if not m or (m.group(1) is None and not kind_seen):
            return None
        body = m.group(2)
        if m.group(1):
            body = re.sub(r"^\(([0-9]+)\)$", r"\1", body)  # "paragraph (5)"
        elif body.startswith("(") and paths:
            body = paths[-1][0] + body  # "Article 24(1), (3)": the (3) of the same article
        kind, kind_seen = kind or _kind(m.group(1)), True
        left = _unit_path(body)
        if left is None:
            return None
        if m.group(1) and m.group(1).lower().startswith("box"):
            left = (f"box:{left[0]}", *left[1:])
        paths += _expand(left, m.group(3)) if m.group(3) else [left]
    return [Place(scope, p, kind) for p in paths if p]


def block_place(location: str, origin: str = "body") -> Place:
    """Where the reader put a block: ``"Annex I, Model Contract(4)"`` -> annex 1, ("4",).

    A named heading without a number ("Recruitment(2)") contributes only the paragraph number
    in brackets, which is how such documents are cited ("Paragraph 2"); a bare number ("7",
    "7, subparagraph (a)") is a unit. A text box is placed under its anchor paragraph, so
    "Clause 9, text box" finds it.
    """
    new = NEW_WORDING_CITED.match(location)
    if new:  # "Article IV (new Article 5(2))": paragraph 2 of the new Article 5 that Article IV brings
        outer, inner = block_place(new["where"], origin), block_place(new["new"])
        return Place(outer.scope, (*outer.path, *inner.path))
    scope = ""
    path: list[str] = []
    kind = ""
    location = _ordinal_notes(location)  # a heading "First Note" heads the first note
    for i, part in enumerate(p.strip() for p in _words_to_digits(_ORDINAL_MARK.sub("", location)).split(",")):
        as_scope = _scope(part)
        if i == 0 and as_scope is not None:
            scope = as_scope
            continue
        tail = _tail(part)
        if tail is not None:
            path += tail[:1]
            continue
        if re.fullmatch(_PREAMBLE, part, re.IGNORECASE):
            path = ["preamble"]
            continue
        sub_unit = re.fullmatch(rf"(?:{_SUB_UNITS})\s*\(?([0-9a-z]+)\)?", part, re.IGNORECASE)
        if sub_unit:  # "Article 7, alinéa 2"; "Annexe I, paragraphe 2" as "Annex I, paragraph 2"
            path = [*path, _component(sub_unit.group(1))] if path else [_component(sub_unit.group(1))]
            continue
        item = re.fullmatch(r"([a-z]{1,2})\)", part)
        if item and path:  # "Article 7, alinéa 2, a)"
            path.append(item.group(1))
            continue
        sub = re.fullmatch(r"(?:sub)?paragraph\s*\(([^()]+)\)", part, re.IGNORECASE)
        if sub and path:
            path.append(_component(sub.group(1)))
            continue
        m = re.fullmatch(rf"({_UNITS})\s*([^\s{_DASHES}]+?)(?:\s+[{_DASHES}-].*)?", part, re.IGNORECASE)
        unit = _unit_path(m.group(2)) if m else None
        if m is not None and unit is not None:
            path = [f"box:{unit[0]}", *unit[1:]] if m.group(1).lower().startswith("box") else list(unit)
            kind = _kind(m.group(1))
            continue
        if i == 0 and re.fullmatch(r"[0-9]+(?:\.[0-9]+)*(?:\([^()]+\))*", part):
            path = list(_unit_path(part) or ())
            continue
        numbered = re.search(r"\(([0-9]+)\)$", part)  # "Recruitment(2)", "Model Contract(4)"
        if numbered:
            path = [str(int(numbered.group(1)))]
    if origin == "textbox":
        path.append("textbox")
    return Place(scope, tuple(path), kind)


def covered_blocks(
    places: list[Place], blocks: list[Place], confirm: Callable[[set[int]], bool] = lambda hits: False
) -> tuple[set[int], list[Place]]:
    """Indices of the blocks the places cover, and the places that found no block.

    Two kinds of citation are only taken when ``confirm`` accepts the blocks found (for
    example because they contain the words the label quotes), since readers count differently:

    - a table row: the reader counts a header row, a label may not ("table row 4" can be the
      reader's row 4 or 5), so both are tried and only a confirmed one is kept;
    - a single number that finds nothing ("paragraph 17"): it is tried as the one block
      location ending in that number, in the same scope, or in any scope when the document
      has no such scope (a reader that numbered "Paragraph 1(17)", a "Letter I" it does not
      know as a scope), but readers also renumber ("(5)" read as "Paragraph 10").

    A citation without a scope that the main text lacks is looked for outside it (see
    ``_outside_the_main_text``), and "Article 7 of the Protocol" in a document with no protocol
    set apart is the document's own Article 7.
    """
    found: set[int] = set()
    missed: list[Place] = []
    scopes = {b.scope for b in blocks}
    for place in places:
        row = next((k for k, part in enumerate(place.path) if part.startswith("row:")), None)
        if row is not None:
            hits = set()
            for offset in (0, 1):
                number = int(place.path[row].split(":")[1]) + offset
                shifted = Place(place.scope, (*place.path[:row], f"row:{number}", *place.path[row + 1 :]))
                candidates = {i for i, b in enumerate(blocks) if shifted.covers(b)}
                if candidates and confirm(candidates):
                    hits = candidates
                    break
        else:
            hits = _covered(place, blocks)
        if not hits and not place.scope:
            hits = _outside_the_main_text(place, blocks, scopes)
        if not hits and place.scope == "protocol" and "protocol" not in scopes:
            hits = _covered(Place("", place.path), blocks)  # "Article 7 of the Protocol" in the protocol itself
        if not hits and len(place.path) == 1 and place.path[0].isdigit():
            same_scope = place.scope in scopes
            ends = {
                b
                for b in blocks
                if b.path and b.path[-1] == place.path[0] and (b.scope == place.scope or not same_scope)
            }
            if len(ends) == 1:
                (only,) = ends
                candidates = {i for i, b in enumerate(blocks) if b == only}
                hits = candidates if confirm(candidates) else set()
        if hits:
            found |= hits
        else:
            missed.append(place)
    return found, missed


def _outside_the_main_text(place: Place, blocks: list[Place], scopes: set[str]) -> set[int]:
    """For a citation without a scope that the main text lacks: "Paragraph 7(b)" of an exchange of
    notes is the first letter's that has it; "Protocol, Section V(b); Section III(b)" names the
    protocol once for both, so a unit only one scope has is that scope's."""
    alike = [b if not place.kind or not b.kind or b.kind == place.kind else Place("", ()) for b in blocks]
    found = {scope: hits for scope in scopes if scope and (hits := _covered(Place(scope, place.path), alike))}
    notes = sorted((scope for scope in found if scope.startswith("note ")), key=_scope_order)
    if notes:
        return found[notes[0]]
    return next(iter(found.values())) if len(found) == 1 else set()


def _covered(place: Place, blocks: list[Place]) -> set[int]:
    return {i for i, b in enumerate(blocks) if place.covers(b)}


def _scope_order(scope: str) -> tuple[int, str]:
    """ "note 2" before "note 10"."""
    number = scope.partition(" ")[2]
    return (int(number), "") if number.isdigit() else (10**6, number)


def repeated_units(
    blocks: list[Place], skip: Callable[[int], bool] = lambda i: False
) -> set[tuple[str, str]]:
    """Units (scope, number) that occur in two separate runs of blocks.

    A reader that missed the start of an annex or protocol numbers its articles again in the
    main text, so "Article 4" would then cite two places: such units are not used at all.
    ``skip`` leaves out blocks that legitimately stand apart (footnotes at the end).
    """
    seen: set[tuple[str, str]] = set()
    repeated: set[tuple[str, str]] = set()
    previous: tuple[str, str] | None = None
    for i, place in enumerate(blocks):
        if skip(i) or not place.path or place.path[0] == "preamble":
            continue
        key = (place.scope, place.path[0])
        if key != previous and key in seen:
            repeated.add(key)
        seen.add(key)
        previous = key
    return repeated
