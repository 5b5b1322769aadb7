"""Number words read as numbers: "Article deuxième" is Article 2, "ARTÍCULO SEXTO" Artículo 6,
"ARTICLE DIX-SEPT" Article 17.

French and Spanish agreements often number their articles in words, ordinal or cardinal. A
citation that drops the number ("Artículo , párrafo 3") sends a reader nowhere, so the words are
read as the number they stand for. The words and their values live in ``ordinals.yaml``; a
compound ("vigésimo primero", "vingt et unième", "treinta y uno") is the sum of its words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from blma.resources import package_path
from blma.yamlio import load_yaml


def _plain(word: str) -> str:
    """Lower case without accents: "Vigésimo" and "vigesimo" are one word."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


#: The word that joins a ten to its unit, per language ("vingt et un", "treinta y uno"); the tens
#: are that language's words for 20 to 90 in ``ordinals.yaml`` (lists "fr", "fr_cardinal", ...).
TEN_AND_UNIT = {"fr": "et", "es": "y"}
ORDINAL_ENDINGS = ("ieme", "esimo", "esima")  # "vingtième", "vigésimo": ordinals, not tens


STANDALONE = "standalone_"  # lists read only by ``standalone_ordinal``


@cache
def _all_lists() -> dict[str, dict[str, int]]:
    """``ordinals.yaml``: each list's words and the numbers they stand for."""
    data = load_yaml(package_path("reading/ordinals.yaml").read_text(encoding="utf-8"))
    return {name: {str(word): int(value) for word, value in words.items()} for name, words in data.items()}


def _lists() -> dict[str, dict[str, int]]:
    """The lists read after a unit's name ("Article deuxième")."""
    return {name: words for name, words in _all_lists().items() if not name.startswith(STANDALONE)}


@cache
def _values() -> dict[str, int]:
    return {_plain(word): value for words in _lists().values() for word, value in words.items()}


@cache
def _word_pattern() -> str:
    forms = {form for words in _lists().values() for written in words for form in (written, _plain(written))}
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


def _tens(language: str) -> list[str]:
    """The language's cardinal words for 20 to 90 that stand alone ("vingt", "treinta")."""
    return sorted(
        {written for name, words in _lists().items() if name.split("_")[0] == language
         for written, value in words.items()
         if value % 10 == 0 and 20 <= value < 100 and written.isalpha() and not _plain(written).endswith(ORDINAL_ENDINGS)}
    )


@cache
def ordinal_pattern() -> str:
    """A regular expression (no groups) for one ordinal, compounds included, to embed in a heading pattern."""
    word = _word_pattern()
    # "et" and "y" join a ten to its unit ("vingt et unième", "treinta y uno") and nothing else:
    # "articles quatre et cinq" are two articles, not Article 9
    joins = [
        "(?:" + "|".join(f"(?<={re.escape(ten)})" for ten in _tens(language)) + rf")[- ]{conjunction}[- ]"
        for language, conjunction in TEN_AND_UNIT.items()
        if _tens(language)
    ]
    join = "(?:" + "|".join([*joins, "[- ]"]) + ")"
    return rf"{word}(?:{join}?{word})*(?![^\W\d_])"


def ordinal_value(text: str) -> int | None:
    """The number an ordinal stands for ("vigésimo primero" is 21), or None when it is not one."""
    if not re.fullmatch(ordinal_pattern(), text, re.I):
        return None
    return sum(_values()[_plain(w)] for w in re.findall(_word_pattern(), text, re.I))


@cache
def _standalone() -> dict[str, int]:
    return {_plain(w): v for name, words in _all_lists().items() if name.startswith(STANDALONE) for w, v in words.items()}


def standalone_ordinal(word: str) -> int | None:
    """The number an ordinal numbering a provision on its own stands for: "FIRST" or "Second" in
    English, "PRIMERA" or "Segundo" in Spanish, "Deuxième" in French; None for any other word, and
    for a word in lower case ("first, the Parties ..." is no number)."""
    if not word[:1].isupper() or not (word.isupper() or word[1:].islower() or "-" in word):
        return None
    return _standalone().get(_plain(word)) or ordinal_value(word)
