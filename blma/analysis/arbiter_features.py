"""The arbiter's features, defined once for training and for run time.

Training hands the word settings below to scikit-learn's ``TfidfVectorizer``; the run time
(:mod:`blma.analysis.arbiter`) rebuilds the same terms with :func:`terms`, which follows
scikit-learn's word analyzer step by step (``str.lower``, ``re.findall`` of the token pattern,
unigrams then bigrams joined by one space). ``tests/test_arbiter.py`` holds the two to equal
probabilities, so a change on one side without the other fails at once.

The strength model also sees each word that stands in a negation's scope as a feature of its own
(:func:`negated_terms`): "shall not retain the passport" then differs from "shall retain the
passport" in more than the word "not", which a bag of words cannot tell apart.

The indicator cues (``model/cues.yaml``) are 0/1 features of the strength model only. They
are matched on the original text, case-insensitively, by :func:`cue_values` in both places;
the trained model carries its own copy of the patterns, so the run time needs no YAML.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from blma.resources import package_path

TOKEN_PATTERN = r"(?u)\b\w\w+\b"
NGRAM_RANGE = (1, 2)
CUES_FILE = package_path("analysis/model/cues.yaml")


def terms(text: str, token_re: re.Pattern[str], ngram_range: tuple[int, int] = NGRAM_RANGE) -> list[str]:
    """The word n-grams scikit-learn's ``analyzer="word"`` makes of ``text``, in its order."""
    tokens = token_re.findall(text.lower())
    low, high = ngram_range
    found = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        found += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return found


# Words that open a negation (English, French, Spanish; "n't" leaves its stem as a token), and
# what closes its scope besides punctuation: a contrast or condition starts a new proposition.
NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "nor",
        "neither",
        "none",
        "nothing",
        "without",
        "cannot",
        "don",
        "doesn",
        "shan",
        "isn",
        "aren",
        "ne",
        "aucun",
        "aucune",
        "jamais",
        "sans",
        "ni",
        "nul",
        "nulle",
        "ningún",
        "ninguna",
        "ninguno",
        "nunca",
        "sin",
    ]
)
SCOPE_ENDS = frozenset(
    [
        "but",
        "unless",
        "except",
        "provided",
        "however",
        "save",
        "whereas",
        "if",
        "where",
        "when",
        "mais",
        "sauf",
        "si",
        "sino",
        "salvo",
        "excepto",
        "pero",
    ]
)
NEGATION_SCOPE = 8  # words after the negator that it governs at most
_PUNCTUATION = ".,;:!?()"
_SCOPE_TOKEN = re.compile(rf"(?u)\b\w\w+\b|[{re.escape(_PUNCTUATION)}]")


def negated_terms(text: str) -> list[str]:
    """``not_<word>`` for each distinct word in a negation's scope, in order of first appearance."""
    found: dict[str, None] = {}
    left = 0
    for token in _SCOPE_TOKEN.findall(text.lower()):
        if token in NEGATORS:
            left = NEGATION_SCOPE
        elif left and (token in SCOPE_ENDS or token in _PUNCTUATION):
            left = 0
        elif left:
            found[f"not_{token}"] = None
            left -= 1
    return list(found)


def negation_values(text: str, index: dict[str, int]) -> list[tuple[int, float]]:
    """(column, value) of the negated words of ``text`` that ``index`` knows: 0/1, L2-normalised."""
    columns = [index[term] for term in negated_terms(text) if term in index]
    value = 1.0 / math.sqrt(len(columns)) if columns else 0.0
    return [(column, value) for column in columns]


def load_cues(path: Path = CUES_FILE) -> dict[str, str]:
    """Cue name -> pattern, in file order (the order of the model's indicator columns)."""
    from blma.yamlio import load_yaml  # training only: the run time reads cues from the model

    data = load_yaml(path.read_text(encoding="utf-8"))
    return {cue["name"]: cue["pattern"] for cue in data["cues"]}


def compile_cues(cues: dict[str, str]) -> list[re.Pattern[str]]:
    return [re.compile(pattern, re.IGNORECASE) for pattern in cues.values()]


def cue_values(text: str, compiled: list[re.Pattern[str]]) -> list[float]:
    """1.0 for each cue found in ``text``, else 0.0, in cue order."""
    return [1.0 if pattern.search(text) else 0.0 for pattern in compiled]
