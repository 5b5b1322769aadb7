"""Undoing what a PDF conversion does to an agreement: page furniture, broken lines, split words.

Reviewers rarely get the negotiated Word file: they get a PDF turned back into Word or text,
where every visual line may be its own paragraph, words are hyphenated at line ends, and running
heads, page numbers and gazette lines land in the middle of sentences. Left as they are, a
provision is cut in two (its subject in one paragraph, its duty in the next) and a running head
in capitals is read as a new title. :func:`repair_conversion` removes the furniture and joins
what the conversion broke, conservatively: a paragraph is joined to the one before only when
that one stops mid-sentence, and nothing that a format marks as structure (headings, numbered
items, table cells, notes) is ever joined or removed. Vocabulary lives in ``conversion.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, ValidationError

from blma.errors import DataError
from blma.reading.models import RawParagraph
from blma.resources import package_path
from blma.yamlio import load_yaml

CONVERSION_FILE = package_path("reading/conversion.yaml")
#: a line this long or longer is text, never a running head or a page number
FURNITURE_MAX_CHARS = 120
#: how often a line must recur (digits aside) to be taken for a running head or stamp
FURNITURE_REPEATS = 3
#: a paragraph shorter than this that stops without punctuation may be a heading, not a broken line
BROKEN_LINE_MIN_CHARS = 40
#: a document is taken for a conversion when it has page furniture, or at least this many
#: paragraphs that stop mid-sentence before a lower-case continuation (and one in twenty of its
#: plain paragraphs do): a document written in Word is left exactly as it is
CONVERTED_MIN_BREAKS = 3
CONVERTED_BREAK_SHARE = 0.05
# where a sentence or a provision may end: such a paragraph is complete
ENDS_COMPLETE = re.compile(r"[.;:!?)\]\"”’]$")
# the words that name a unit of an instrument ("Article 7", "Annex II", "Art. 3")
UNIT_WORDS = (
    r"art\.|(?:article|artículo|section|clause|annex|annexe|anexo|schedule|appendix|part|chapter|rule|"
    r"regulation|paragraph|standard)\b"
)
# the next paragraph opens a provision, heading or list item of its own
OPENS_STRUCTURE = re.compile(
    r"^[\"'“‘«\[]?(?:\(?[0-9ivxlcdm]{1,6}[.)]|\(?[a-z][.)]|[0-9]{1,3}(?:\.[0-9]{1,3})*\.?\s|[-*•–—]\s|"
    + UNIT_WORDS
    + ")",
    re.I,
)
HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")  # "em-" at a line's end
# a line that stops on a word no sentence or heading ends with: the next line continues it, even
# when it opens with "Article" or "Annex" ("... the sectors listed in" + "Annex II, including ...")
DANGLING = re.compile(
    r"\b(?:in|of|to|the|a|an|under|and|or|by|with|from|for|see|per|at|on|than|that|its|their|"
    r"his|her|this|these|such|whose|which)$",
    re.I,
)
KEYWORD_START = re.compile(rf"^(?:{UNIT_WORDS})", re.I)
# the rule a PDF sets above a page's footnotes, and the number a footnote opens with
NOTE_RULE = re.compile(r"^[_\u2014\u2013-]{5,}$")
NOTE_NUMBER = re.compile(r"^\s*(\d{1,3})\s")
# a running head's separators ("Agreement X–Y • Annex I • Contract"), a form line's blanks
SEPARATED = re.compile(r"[•·|]|_{4,}")
#: footnotes run from their rule to the page's foot: at most this many lines
NOTE_LINES = 12
# a paragraph's number alone on its line ("7.", "7.2", "(a)", "(iv)"), its text on the next
BARE_LABEL = re.compile(r"^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?|\([a-z]{1,2}\)|[a-z]\)|\([ivxlc]{1,6}\))$")
WORD_START = re.compile(r"^[^\W\d_]")


class ConversionVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    page_number: str
    furniture_words: list[str]
    replace: dict[str, str]


@dataclass(frozen=True)
class _Compiled:
    page_number: re.Pattern[str]
    furniture_words: re.Pattern[str]
    characters: re.Pattern[str]  # any character of ``table``
    table: dict[int, str]  # for str.translate


@cache
def _vocabulary() -> _Compiled:
    try:
        vocab = ConversionVocabulary.model_validate(load_yaml(CONVERSION_FILE.read_text(encoding="utf-8")))
    except (OSError, ValidationError) as exc:
        raise DataError(f"{CONVERSION_FILE.name}: {exc}") from None
    words = "|".join(sorted(map(re.escape, vocab.furniture_words), key=len, reverse=True))
    return _Compiled(
        page_number=re.compile(vocab.page_number, re.I),
        furniture_words=re.compile(rf"\b(?:{words})\b", re.I),
        characters=re.compile("|".join(map(re.escape, vocab.replace))),
        table={ord(k): v for k, v in vocab.replace.items()},
    )


def join_broken(first: str, second: str) -> str:
    """Two pieces of one sentence a line break separated: a word hyphenated at the break is
    whole again ("em-" + "ployer"), otherwise the pieces are joined by a space."""
    first, second = first.rstrip(), second.lstrip()
    if HYPHENATED.search(first) and second[:1].islower():
        return first[:-1] + second
    return f"{first} {second}"


def _shape(text: str) -> str:
    """A line with its digits and spacing set aside, to find the same running head on each page."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().casefold()


def _plain(para: RawParagraph) -> bool:
    """Body text with nothing the format marks as structure."""
    return (
        para.origin == "body"
        and para.table is None
        and para.heading_level is None
        and not para.is_title
        and not para.label
        and not para.note_refs
    )


def _furniture(raw: list[RawParagraph]) -> set[int]:
    """The indexes of page numbers, and of running heads, stamps and gazette lines that recur."""
    vocab = _vocabulary()
    candidates = [
        i for i, p in enumerate(raw) if _plain(p) and len(p.text.strip()) < FURNITURE_MAX_CHARS and p.text.strip()
    ]
    shapes = Counter(_shape(raw[i].text) for i in candidates)
    found = set()
    for i in candidates:
        text = raw[i].text.strip()
        if vocab.page_number.match(text):
            found.add(i)
        elif (
            shapes[_shape(text)] >= FURNITURE_REPEATS
            and not OPENS_STRUCTURE.match(text)
            and not text.endswith((".", ";", ":"))  # a sentence, however often it recurs
            and not (text.startswith("[") and text.endswith("]"))  # an editor's note ("[Inserted by Protocol No. 2, Article 3]")
        ):
            numbered = any(c.isdigit() for c in text) and len(text.split()) <= 8
            if text.isupper() or numbered or SEPARATED.search(text) or vocab.furniture_words.search(text):
                found.add(i)
    return found


def _footnotes(raw: list[RawParagraph], furniture: set[int]) -> tuple[set[int], set[int]]:
    """The rules set above a page's footnotes, and the footnote lines between such a rule (or a
    Markdown rule, which the reader has already taken out) and the page's furniture below it."""
    rules: set[int] = set()
    notes: set[int] = set()
    for index, para in enumerate(raw):
        ruled = _plain(para) and bool(NOTE_RULE.match(para.text.strip()))
        if not (ruled or (para.after_break and _plain(para))):
            continue
        start = index + 1 if ruled else index
        foot = next((j for j in range(start, min(start + NOTE_LINES, len(raw))) if j in furniture), None)
        if foot is None or foot == start or not all(_plain(raw[j]) for j in range(start, foot)):
            continue
        if not NOTE_NUMBER.match(raw[start].text):
            continue  # footnotes open with their number
        if ruled:
            rules.add(index)
        notes.update(range(start, foot))
    return rules, notes


def _continues(previous: RawParagraph, para: RawParagraph, capitals: bool = True) -> bool:
    """Whether ``para`` is the rest of a sentence ``previous`` stopped in the middle of;
    ``capitals``: also when it opens with a capital ("... shall be paid by the" + "Employer ...")."""
    if not (_plain(previous) and _plain(para)) or previous.bold or para.bold:
        return False
    last, text = previous.text.rstrip(), para.text.lstrip()
    if not last or not text or ENDS_COMPLETE.search(last):
        return False
    if DANGLING.search(last) and KEYWORD_START.match(text):
        return True  # "... listed in" + "Annex II, including ...": a reference, not a new annex
    if OPENS_STRUCTURE.match(text):
        return False
    if HYPHENATED.search(last) and text[:1].islower():
        return True
    if last.isupper() or text.isupper():
        return False
    if text[:1].islower():
        return True
    # a full visual line that stops on a word or a comma, and a next line that opens with a word
    return (
        capitals
        and len(last) >= BROKEN_LINE_MIN_CHARS
        and (last[-1].isalpha() or last[-1] == ",")
        and bool(WORD_START.match(text))
        and not text.split()[0].rstrip(",.").isupper()
    )


def _labels(previous: RawParagraph, para: RawParagraph) -> bool:
    """Whether ``previous`` is only the number of the paragraph ``para`` holds the text of."""
    return (
        _plain(previous)
        and _plain(para)
        and bool(BARE_LABEL.match(previous.text.strip()))
        and not BARE_LABEL.match(para.text.strip())
        and not OPENS_STRUCTURE.match(para.text.lstrip())
    )


def _converted(raw: list[RawParagraph], furniture: set[int]) -> bool:
    """Whether the document bears the marks of a conversion from PDF."""
    if furniture:
        return True
    plain = [p for p in raw if _plain(p)]
    breaks = sum(_continues(a, b, capitals=False) for a, b in pairwise(plain))
    return breaks >= max(CONVERTED_MIN_BREAKS, CONVERTED_BREAK_SHARE * len(plain))


def repair_conversion(raw: list[RawParagraph]) -> tuple[list[RawParagraph], list[str]]:
    """The paragraphs without page furniture, with lines the conversion broke joined again, and
    warnings that say what was done (none when the document needed nothing)."""
    vocab = _vocabulary()
    raw = [replace(p, text=p.text.translate(vocab.table)) if vocab.characters.search(p.text) else p for p in raw]
    furniture = _furniture(raw)
    rules, notes = _footnotes(raw, furniture)
    converted = _converted(raw, furniture)
    repaired: list[RawParagraph] = []
    held: list[RawParagraph] = []  # footnotes, set after the sentence they interrupt
    joined = numbers = 0
    for index, para in enumerate(raw):
        if index in furniture or index in rules:
            continue
        if index in notes:
            number = match.group(1) if (match := NOTE_NUMBER.match(para.text)) else ""
            if number or not held:
                held.append(replace(para, origin="footnote", note_id=number, after_break=False))
            else:  # a footnote's own next line
                held[-1] = replace(held[-1], text=join_broken(held[-1].text, para.text))
            continue
        if converted and repaired and _continues(repaired[-1], para):
            repaired[-1] = replace(repaired[-1], text=join_broken(repaired[-1].text, para.text))
            joined += 1
            continue
        if repaired and _labels(repaired[-1], para):
            repaired[-1] = replace(para, text=f"{repaired[-1].text.strip()} {para.text.lstrip()}")
            numbers += 1
            continue
        repaired += held
        held = []
        repaired.append(para)
    repaired += held
    warnings = []
    if furniture:
        warnings.append(
            f"{len(furniture)} page number(s), running head(s) or similar lines from a PDF conversion "
            "were left out"
        )
    if joined:
        warnings.append(f"{joined} line break(s) inside sentences, as a PDF conversion leaves them, were joined")
    if notes:
        warnings.append(f"{len(notes)} footnote line(s) at a page's foot were read as notes, out of the text they interrupted")
    if numbers:
        warnings.append(f"{numbers} paragraph number(s) standing on a line of their own were read with their text")
    return repaired, warnings
