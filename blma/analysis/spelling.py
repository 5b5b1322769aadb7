"""Reading misspelt and misscanned words as the words they plainly are.

Agreements reach reviewers retyped or scanned: "The Emplyer shal keep her pasport" or "the
ernployer" are plain to a lawyer and invisible to rules that read "employer", "shall" and
"passport". A word is read as another only when it is no word the vocabulary knows, and a scanner's
misreading ("rn" for "m", "0" for "o") or one typing slip (a letter missing, added, wrong, or two
swapped) makes it exactly one word of the vocabulary; otherwise it is left as written. Real words
one slip from a target ("employee" beside "employer") are listed and never touched. A word
written with a capital is repaired only to a word the document itself writes with a capital
("Emplyer" where the contract says "the Employer"): "Tiravel", a country's name one slip from
"travel", stays a name.

Only what the rules read changes: quotations keep the text as written. The vocabulary is data
(``lexicon/<language>/spelling.yaml``, built by ``scripts/build_spelling_vocabulary.py``); a
language without one reads every word as written.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

from blma.errors import DataError
from blma.yamlio import load_yaml

TOKEN = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")
CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one deletion, insertion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    if len(a) < len(b):  # one insertion
        return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diffs) == 1:
        return True
    i, j = diffs[0], diffs[-1]
    return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]


@dataclass
class Spelling:
    """A language's repair vocabulary, with a deletion index for finding the target of a slip."""

    words: frozenset[str]
    real_words: frozenset[str]
    ocr: tuple[tuple[str, str], ...]
    min_length: int = 4
    _by_deletion: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _seen: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[str]] = {}
        for word in self.words:
            for shorter in _deletions(word):
                index.setdefault(shorter, []).append(word)
        self._by_deletion = {k: tuple(v) for k, v in index.items()}

    def __getstate__(self) -> dict:  # the pickled rulebook carries no per-process memo
        return {**self.__dict__, "_seen": {}}

    def repair(self, text: str, capitalised: Set[str] = frozenset()) -> str:
        """``text`` with each misspelt word replaced by the word it plainly is, case kept.

        ``capitalised``: the words the document writes with a capital (:meth:`capitalised_in`)."""

        def token(match: re.Match[str]) -> str:
            written = match.group()
            if len(written) < self.min_length:
                return written
            target = self._target(written.lower())
            if not target:
                return written
            if written[0].isupper():
                if target not in capitalised:
                    return written
                if written.isupper():
                    return target.upper()
                return target[0].upper() + target[1:]
            return target

        return TOKEN.sub(token, text)

    @staticmethod
    def capitalised_in(text: str) -> frozenset[str]:
        """The words ``text`` writes with a capital, lower-cased: what a capitalised slip may be."""
        return frozenset(word.lower() for word in CAPITALISED.findall(text))

    def _target(self, lower: str) -> str:
        """The word ``lower`` plainly is, or "" when it is a word or no one word is plain."""
        known = self._seen.get(lower)
        if known is None:
            if len(self._seen) > 50_000:  # a bound for long batch runs; the common words come back at once
                self._seen.clear()
            known = self._seen[lower] = self._read(lower)
        return known

    def _read(self, lower: str) -> str:
        if lower in self.words or lower in self.real_words:
            return ""
        return self._scanned(lower) or self._slip(lower) or ""

    def _scanned(self, lower: str) -> str | None:
        for wrong, right in self.ocr:
            if wrong in lower:
                candidate = lower.replace(wrong, right)
                if candidate in self.words:
                    return candidate
        return None

    def _slip(self, lower: str) -> str | None:
        if not lower.isalpha():
            return None
        found = set(self._by_deletion.get(lower, ()))  # a letter missing: "shal"
        for shorter in _deletions(lower):
            if shorter in self.words:  # a letter too many: "passsport"
                found.add(shorter)
            found.update(self._by_deletion.get(shorter, ()))  # a wrong or swapped letter: "salery"
        found = {w for w in found if _one_slip_apart(lower, w)}
        return found.pop() if len(found) == 1 else None


def load_spelling(path: Path) -> Spelling | None:
    """The vocabulary in ``path``, or None when the language has none."""
    if not path.is_file():
        return None
    data = load_yaml(path.read_text(encoding="utf-8"))
    try:
        return Spelling(
            words=frozenset(str(data["words"]).split()),
            real_words=frozenset(str(data["real_words_near"]).split()),
            ocr=tuple((str(k), str(v)) for k, v in dict(data["ocr_confusions"]).items()),
            min_length=int(data["min_length"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{path.name}: expected min_length, ocr_confusions, words and real_words_near ({exc})") from None
