"""Required literals: a cheap test that tells when a regular expression cannot match.

Nearly every detector pattern needs some literal word to match ("passport", "abscond",
"recruit"). Reading a pattern's parse tree once yields sets of literals of which at least
one must occur in any text the pattern matches; a substring test on the lower-cased
sentence then skips the far slower regex search when one of the sets is absent. This is
the literal prefilter of engines such as RE2 and Hyperscan, kept to what our patterns use.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

import ahocorasick

MIN_LITERAL = 3


def required_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of lower-case literals; a match needs at least one literal of every set."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # never on our patterns; then simply no prefilter
        return ()
    return tuple(_sequence(list(tree)))


def _sequence(items: list) -> list[frozenset[str]]:
    sets: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LITERAL:
            sets.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is sre.SUBPATTERN:
            sets.extend(_sequence(list(av[-1])))
        elif op is sre.BRANCH:
            union = _branch(av[1])
            if union:
                sets.append(union)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            if low >= 1:
                sets.extend(_sequence(list(sub)))
        # IN, ANY, AT, lookarounds and back-references require no literal
    flush()
    return sets


def _branch(alternatives: list) -> frozenset[str] | None:
    union: set[str] = set()
    for alternative in alternatives:
        options = _sequence(list(alternative))
        if not options:
            return None  # this branch can match without any literal
        union |= min(options, key=lambda s: (len(s), -min(map(len, s))))
    return frozenset(union)


class _LiteralIndex:
    """Every literal of every set, found in one pass by an Aho-Corasick automaton."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def id_of(self, literal: str) -> int:
        if literal not in self.ids:
            self.ids[literal] = len(self.ids)
            self._automaton = None  # a new literal: rebuild on next use
        return self.ids[literal]

    def found_in(self, lower: str) -> set[int]:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for literal, number in self.ids.items():
                automaton.add_word(literal, number)
            automaton.make_automaton()
            self._automaton = automaton
        return {number for _end, number in self._automaton.iter(lower)} if self.ids else set()


_INDEX = _LiteralIndex()


class LiteralSet:
    """One set of alternative literals; it occurs in a sentence when any of its literals does."""

    __slots__ = ("ids", "literals")

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = tuple(sorted(literals))
        self.ids = frozenset(_INDEX.id_of(literal) for literal in self.literals)

    def hit(self, lower: str) -> bool:
        return any(literal in lower for literal in self.literals)


_INTERNED: dict[frozenset[str], LiteralSet] = {}


def literal_set(literals: frozenset[str]) -> LiteralSet:
    """Shared instances, one per distinct set."""
    if literals not in _INTERNED:
        _INTERNED[literals] = LiteralSet(literals)
    return _INTERNED[literals]


class Sentence:
    """A sentence with its lower-cased text and the literals that occur in it (found once)."""

    __slots__ = ("found", "lower", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self.found = _INDEX.found_in(self.lower)

    def has(self, options: LiteralSet) -> bool:
        return not options.ids.isdisjoint(self.found)


class Guarded:
    """A compiled pattern behind its literal prefilter; searches like ``re.Pattern``.

    ``search`` and friends accept a plain string or a :class:`Sentence` (whose cache makes
    repeated prefilter tests across the 34 detectors nearly free).
    """

    __slots__ = ("_ids", "literal_sets", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literal_sets = tuple(literal_set(s) for s in required_literals(pattern))
        self._ids = tuple(options.ids for options in self.literal_sets)

    def possible(self, text: str | Sentence) -> bool:
        found = (text if isinstance(text, Sentence) else Sentence(text)).found
        for ids in self._ids:  # noqa: SIM110 (a plain loop: ~200 calls per sentence, faster than all())
            if ids.isdisjoint(found):
                return False
        return True

    def search(self, text: str | Sentence) -> re.Match[str] | None:
        if isinstance(text, Sentence):
            for ids in self._ids:
                if ids.isdisjoint(text.found):
                    return None
            return self.pattern.search(text.text)
        if self._ids and not self.possible(text):
            return None
        return self.pattern.search(text)

    def sub(self, replacement: str, text: str | Sentence) -> str:
        plain = text.text if isinstance(text, Sentence) else text
        if self.literal_sets and not self.possible(text):
            return plain
        return self.pattern.sub(replacement, plain)

    def finditer(self, text: str):
        if self.literal_sets and not self.possible(text):
            return iter(())
        return self.pattern.finditer(text)

    def findall(self, text: str) -> list:
        if self.literal_sets and not self.possible(text):
            return []
        return self.pattern.findall(text)
