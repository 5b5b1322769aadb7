"""Required literals: a cheap test that tells when a regular expression cannot match.

Nearly every detector pattern needs some literal word to match ("passport", "abscond",
"recruit"). Reading a pattern's parse tree once yields sets of literals of which at least
one must occur in any text the pattern matches; a substring test on the lower-cased
sentence then skips the far slower regex search when one of the sets is absent. This is
the literal prefilter of engines such as RE2 and Hyperscan, kept to what our patterns use.

A pattern that passes it may still be ruled out by the rulebook's Hyperscan pre-check
(``precheck.py``), asked once per sentence on first need. Both tests are cached on a
:class:`Sentence`, of which an analysis keeps one per distinct text (``shared_sentences``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from re import _constants as sre
from re import _parser as sre_parse
from typing import TypeVar

import ahocorasick

from blma.analysis import precheck
from blma.analysis.compiled_regex import compile_pattern
from blma.analysis.precheck import PatternSet, ignorecase_lower

MIN_LITERAL = 3
T = TypeVar("T")


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
            sets.append(frozenset({ignorecase_lower("".join(run))}))
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

    @property
    def size(self) -> int:
        """Grows with each new literal; a sentence scanned at another size must be scanned again."""
        return len(self.ids)

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

    def __reduce__(self):  # ids are this process's: a pickled set is interned again
        return literal_set, (frozenset(self.literals),)

    def hit(self, lower: str) -> bool:
        return any(literal in lower for literal in self.literals)


_INTERNED: dict[frozenset[str], LiteralSet] = {}


def literal_set(literals: frozenset[str]) -> LiteralSet:
    """Shared instances, one per distinct set."""
    if literals not in _INTERNED:
        _INTERNED[literals] = LiteralSet(literals)
    return _INTERNED[literals]


class Sentence:
    """A sentence with its lower-cased text and the literals that occur in it (found once).

    Within ``shared_sentences()`` (one analysis), ``Sentence.of(text)`` gives one object per
    distinct text, so the scans below run once however many components read the sentence.
    """

    __slots__ = ("_checked", "_checks", "_index_size", "found", "lower", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = ignorecase_lower(text)
        self.found = _INDEX.found_in(self.lower)
        self._index_size = _INDEX.size
        self._checks: PatternSet | None = None
        self._checked: frozenset[int] | None = None

    @staticmethod
    def of(text: str) -> Sentence:
        """The shared sentence for ``text`` inside ``shared_sentences()``, else a new one."""
        shared = _SHARED.get()
        if shared is None:
            return Sentence(text)
        sentence = shared.get(text)
        if sentence is None or sentence._index_size != _INDEX.size:
            sentence = shared[text] = Sentence(text)
        return sentence

    def has(self, options: LiteralSet) -> bool:
        return not options.ids.isdisjoint(self.found)

    def pieces(self, checks: PatternSet) -> frozenset[int] | None:
        """The pre-check's pieces found in this sentence (None: nothing can be ruled out), once."""
        if self._checks is not checks:
            self._checked = checks.found(self.text)
            self._checks = checks
        return self._checked


_SHARED: ContextVar[dict[str, Sentence] | None] = ContextVar("blma_shared_sentences", default=None)
_READINGS: ContextVar[dict[tuple, object] | None] = ContextVar("blma_sentence_readings", default=None)


@contextmanager
def shared_sentences() -> Iterator[None]:
    """One :class:`Sentence` per distinct text while the block runs (an analysis, or the two
    versions a comparison reads), and one store of what the pipeline read in each (``readings``).
    A block inside another shares the outer one's."""
    outer = _SHARED.get()
    token = _SHARED.set({} if outer is None else outer)
    kept = _READINGS.set({} if outer is None else _READINGS.get())
    try:
        yield
    finally:
        _READINGS.reset(kept)
        _SHARED.reset(token)


def readings() -> dict[tuple, object] | None:
    """What a pipeline component read in a sentence, kept under a key that holds everything the
    reading depends on (the component itself, the sentence's text, its lead-in ...), so that a
    sentence met again (boilerplate repeated, or the unchanged articles of a second version) is
    not read twice. None outside ``shared_sentences()``. Readings are shared: never mutate one."""
    return _READINGS.get()


def read_once(key: tuple, read: Callable[..., T], *args: object) -> T:
    """``read(*args)``, kept under ``key`` in the current store of readings (:func:`readings`) and
    given back when the key comes again; outside ``shared_sentences()`` simply ``read(*args)``."""
    kept = _READINGS.get()
    if kept is None:
        return read(*args)
    if key not in kept:
        kept[key] = read(*args)
    return kept[key]  # type: ignore[return-value]


class Guarded:
    """A compiled pattern behind its literal prefilter and its pre-check; searches like ``re.Pattern``.

    ``search`` and friends accept a plain string or a :class:`Sentence` (whose cache makes
    repeated prefilter tests across the 34 detectors nearly free). A :class:`Sentence` is also
    pre-checked (``precheck.py``) when the pattern belongs to a rulebook whose pre-check could
    be built: a pattern none of whose alternatives' pieces all occur is not run.
    """

    __slots__ = ("_compiled", "_ids", "checks", "flags", "literal_sets", "options", "pieces", "source")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.source, self.flags, self._compiled = pattern.pattern, pattern.flags, pattern
        try:
            tree = sre_parse.parse(self.source, self.flags)
        except (re.error, RecursionError):  # never on our patterns; then simply no prefilter
            tree = None
        literals = tuple(_sequence(list(tree))) if tree is not None else ()
        self.literal_sets = tuple(literal_set(s) for s in literals)
        self._ids = tuple(options.ids for options in self.literal_sets)
        #: what the pre-check asks of this pattern (``precheck.pieces``), until ``use_precheck`` numbers it
        self.pieces = precheck.pieces_of(tree, self.flags) if tree is not None and precheck.ENABLED else None
        self.checks: PatternSet | None = None
        #: the pieces' numbers in ``checks``: the pattern can match only where one of these sets occurs whole
        self.options: tuple[frozenset[int], ...] = ()

    @property
    def literal_ids(self) -> tuple[frozenset[int], ...]:
        """Each required literal set as this process's literal ids: one of each must be found."""
        return self._ids

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern; a rulebook read from its cache compiles each on first use."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = compile_pattern(self.source, self.flags)
        return compiled

    def __reduce__(self):
        return _restore, (
            self.source,
            self.flags,
            tuple(s.literals for s in self.literal_sets),
            self.pieces,
            self.checks,
            self.options,
        )

    def possible(self, text: str | Sentence) -> bool:
        """The literal prefilter alone."""
        if not self._ids:
            return True
        found = (text if isinstance(text, Sentence) else Sentence.of(text)).found
        for ids in self._ids:  # noqa: SIM110 (a plain loop: ~200 calls per sentence, faster than all())
            if ids.isdisjoint(found):
                return False
        return True

    def may_match(self, text: str | Sentence) -> bool:
        """False only when the pattern cannot match: the literal prefilter, then the pre-check.

        A :class:`Sentence` is pre-checked (its scan made once, on first need); a plain string
        only when the shared sentence of that text was scanned already, since a scan costs more
        than one search.
        """
        if isinstance(text, Sentence):
            sentence, scan = text, True
        elif self._ids:
            sentence, scan = Sentence.of(text), False
        else:
            return True
        found = sentence.found
        for ids in self._ids:
            if ids.isdisjoint(found):
                return False
        checks = self.checks
        if checks is None or not (scan or sentence._checks is checks):
            return True
        pieces = sentence.pieces(checks)
        if pieces is None:
            return True
        for option in self.options:  # noqa: SIM110 (hot loop)
            if option <= pieces:
                return True
        return False

    def search(self, text: str | Sentence) -> re.Match[str] | None:
        if not self.may_match(text):
            return None
        return self.pattern.search(text.text if isinstance(text, Sentence) else text)

    def sub(self, replacement: str, text: str | Sentence) -> str:
        plain = text.text if isinstance(text, Sentence) else text
        if not self.may_match(text):
            return plain
        return self.pattern.sub(replacement, plain)

    def finditer(self, text: str):
        if not self.may_match(text):
            return iter(())
        return self.pattern.finditer(text)

    def findall(self, text: str) -> list:
        if not self.may_match(text):
            return []
        return self.pattern.findall(text)


def _restore(source, flags, literals, pieces, checks, options) -> Guarded:
    """A pattern read back from the rulebook cache: compiled on first use, its literal ids renumbered."""
    guarded = Guarded.__new__(Guarded)
    guarded.source, guarded.flags, guarded._compiled = source, flags, None
    guarded.literal_sets = tuple(literal_set(frozenset(s)) for s in literals)
    guarded._ids = tuple(options.ids for options in guarded.literal_sets)
    guarded.pieces, guarded.checks, guarded.options = pieces, checks, options
    return guarded


def use_precheck(patterns: list[Guarded]) -> PatternSet | None:
    """Number the pieces of ``patterns`` (a rulebook's) in one pre-check and point each pattern at it.

    None when Hyperscan is not installed: the patterns then keep the literal prefilter alone.
    """
    if not precheck.ENABLED:
        return None
    numbers: dict[str, int] = {}
    for guarded in patterns:
        for option in guarded.pieces or ():
            for piece in option:
                numbers.setdefault(piece, len(numbers))
    checks = PatternSet(list(numbers))
    for guarded in patterns:
        if guarded.pieces is not None:
            guarded.checks = checks
            guarded.options = tuple(frozenset(numbers[p] for p in option) for option in guarded.pieces)
            guarded.pieces = None  # numbered now: ``checks.expressions`` holds the text once
    return checks
