"""Which language each paragraph is written in, and which the document as a whole is in.

Agreements are signed in their parties' languages and often set two texts side by side. The
analysis reads one language at a time, so it needs to know which paragraphs are in a language
it analyses, and must say so plainly when none are, instead of reporting every protection as
missing. Function-word shares tell the Latin-script languages apart; other scripts are told by
their characters. The word lists live in ``languages.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from blma.resources import package_path
from blma.yamlio import load_yaml

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 6  # shorter paragraphs (numbers, headings, names) are left to their neighbours
MIN_SHARE = 0.12  # share of a paragraph's words that are the language's function words


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, frozenset[str]]
    names: dict[str, str]
    scripts: dict[str, re.Pattern[str]]


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml(package_path("reading/languages.yaml").read_text(encoding="utf-8"))
    return _Lexicon(
        words={code: frozenset(ws) for code, ws in data["words"].items()},
        names=dict(data["names"]),
        scripts={code: re.compile(p) for code, p in data["scripts"].items()},
    )


def language_name(code: str) -> str:
    return _lexicon().names.get(code, code)


def identify(text: str) -> str | None:
    """The language code of one paragraph, or None when it is too short to tell."""
    lexicon = _lexicon()
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    for code, pattern in lexicon.scripts.items():
        if len(pattern.findall(text)) > len(letters) / 3:
            return code
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    scores = {code: sum(w in ws for w in words) / len(words) for code, ws in lexicon.words.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] >= MIN_SHARE else None


@dataclass
class LanguageProfile:
    """How many words of a document are in each language, and each paragraph's language."""

    words: Counter[str] = field(default_factory=Counter)
    by_paragraph: list[str | None] = field(default_factory=list)

    @property
    def main(self) -> str | None:
        return self.words.most_common(1)[0][0] if self.words else None

    def share(self, code: str) -> float:
        total = sum(self.words.values())
        return self.words[code] / total if total else 0.0


def profile(paragraphs: list[str]) -> LanguageProfile:
    result = LanguageProfile()
    for text in paragraphs:
        code = identify(text)
        result.by_paragraph.append(code)
        if code:
            result.words[code] += len(text.split())
    return result
