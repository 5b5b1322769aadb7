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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from blma.resources import package_path
from blma.yamlio import load_yaml

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 6  # shorter paragraphs (numbers, headings, names) are left to their neighbours
MIN_SHARE = 0.12  # share of a paragraph's words that are the language's function words
CLOSE = 0.75  # a runner-up with this share of the leader's function words is a near tie


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, frozenset[str]]
    names: dict[str, str]
    scripts: dict[str, re.Pattern[str]]
    marks: dict[str, re.Pattern[str]]


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml(package_path("reading/languages.yaml").read_text(encoding="utf-8"))
    return _Lexicon(
        words={code: frozenset(ws) for code, ws in data["words"].items()},
        names=dict(data["names"]),
        scripts={code: re.compile(p) for code, p in data["scripts"].items()},
        marks={code: re.compile("|".join(f"(?:{p})" for p in ps)) for code, ps in data.get("marks", {}).items()},
    )


def language_name(code: str) -> str:
    return _lexicon().names.get(code, code)


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def evidence(words: list[str]) -> Counter[str]:
    """How strongly ``words`` speak for each language: a function word or a mark (letter, ending)
    counts for the languages that have it, split between them, so "la" says little about French
    or Spanish and "dormirá", "les" or "nation" much."""
    found: Counter[str] = Counter()
    for word in words:
        for code, weight in _votes(word):
            found[code] += weight
    return found


@lru_cache(maxsize=1 << 16)
def _votes(word: str) -> tuple[tuple[str, float], ...]:
    """What one word says, language by language (legal texts repeat their words: worked out once)."""
    lexicon = _lexicon()
    votes: list[tuple[str, float]] = []
    for table in (
        [code for code, ws in lexicon.words.items() if word in ws],
        [code for code, pattern in lexicon.marks.items() if pattern.search(word)],
    ):
        votes += [(code, 1 / len(table)) for code in table]
    return tuple(votes)


def identify(text: str, prior: str | Callable[[], str | None] | None = None) -> str | None:
    """The language code of one paragraph, or None when it is too short to tell.

    Function-word shares pick the language; when two are nearly tied (a short Spanish sentence
    of "la ... en la ... de la" reads as French as much as Spanish), the letters and words only
    one of them uses decide, and when they do not, ``prior``, the document's own language (or
    a function that works it out, called only then).
    """
    lexicon = _lexicon()
    letters = sum(map(str.isalpha, text))
    if not letters:
        return None
    for code, pattern in lexicon.scripts.items():
        if len(pattern.findall(text)) > letters / 3:
            return code
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    counted = Counter(words)  # each distinct word looked up once per language
    scores = {
        code: sum(n for w, n in counted.items() if w in ws) / len(words) for code, ws in lexicon.words.items()
    }
    best = max(scores, key=lambda code: scores[code])
    if scores[best] < MIN_SHARE:
        return None
    close = [code for code in scores if scores[code] >= max(MIN_SHARE, CLOSE * scores[best])]
    if len(close) == 1:
        return best
    found = evidence(words)
    ranked = sorted(close, key=lambda code: found[code], reverse=True)
    if found[ranked[0]] > found[ranked[1]] + 0.5:
        return ranked[0]
    if callable(prior):
        prior = prior()
    return prior if prior in close else best


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
    """Each paragraph's language, near ties settled by the whole document's evidence: a short
    text gives each paragraph little to go on, but all of them together tell its language.

    Reading a document profiles it to cite each paragraph in its language, and analysing it
    profiles the same paragraphs again to choose the text to analyse: the second is a cache hit
    (about 7 % of a 40-page analysis). Each caller gets its own copy."""
    found = _profile(tuple(paragraphs))
    return LanguageProfile(Counter(found.words), list(found.by_paragraph))


@lru_cache(maxsize=4)
def _profile(paragraphs: tuple[str, ...]) -> LanguageProfile:
    result = LanguageProfile()

    @cache
    def prior() -> str | None:  # the whole document's evidence, gathered only for a near tie
        pooled = evidence([w for text in paragraphs for w in _words(text)])
        return pooled.most_common(1)[0][0] if pooled else None

    for text in paragraphs:
        code = identify(text, prior)
        result.by_paragraph.append(code)
        if code:
            result.words[code] += len(text.split())
    return result
