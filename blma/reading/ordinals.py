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


@cache
def _values() -> dict[str, int]:
    data = load_yaml(package_path("reading/ordinals.yaml").read_text(encoding="utf-8"))
    return {_plain(word): int(value) for words in data.values() for word, value in words.items()}


@cache
def _word_pattern() -> str:
    forms = {form for word in load_yaml(package_path("reading/ordinals.yaml").read_text(encoding="utf-8")).values()
             for written in word for form in (written, _plain(written))}
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


@cache
def ordinal_pattern() -> str:
    """A regular expression (no groups) for one ordinal, compounds included, to embed in a heading pattern."""
    word = _word_pattern()
    # "et" and "y" join a ten to its unit ("vingt et unième", "treinta y uno") and nothing else:
    # "articles quatre et cinq" are two articles, not Article 9
    french_tens = "|".join(f"(?<={t})" for t in ("vingt", "trente", "quarante", "cinquante", "soixante"))
    spanish_tens = "|".join(f"(?<={t})" for t in ("treinta", "cuarenta", "cincuenta"))
    join = rf"(?:(?:{french_tens})[- ]et[- ]|(?:{spanish_tens})[- ]y[- ]|[- ])"
    return rf"{word}(?:{join}?{word})*(?![^\W\d_])"


def ordinal_value(text: str) -> int | None:
    """The number an ordinal stands for ("vigésimo primero" is 21), or None when it is not one."""
    if not re.fullmatch(ordinal_pattern(), text, re.I):
        return None
    return sum(_values()[_plain(w)] for w in re.findall(_word_pattern(), text, re.I))
