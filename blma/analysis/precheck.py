"""An exact pre-check: which of the rulebook's patterns can match a sentence, in one scan.

The literal prefilter (``prefilter.py``) rules a regex out when a word it needs is absent,
but most searches that pass it still find nothing. Hyperscan matches thousands of patterns
against a sentence in one pass; its answer says which patterns *can* match, and only those
go on to Python's ``re``, which alone decides what matched and where. It must never rule out
a pattern that ``re`` matches; it may let through one that ``re`` then rejects. So:

- case is folded on both sides here (``fold``), never by Hyperscan's caseless flag, which was
  seen to miss real matches. Every character becomes one ASCII character, so positions and
  ``\\b`` keep their meaning: ASCII is lower-cased, a non-ASCII character becomes the ASCII
  letter ``re.IGNORECASE`` equates it with (K, ſ, ı, İ) or the stand-in of its class (letter,
  digit, space, other), which Hyperscan classes as ``re`` classes the character itself. Escapes
  such as ``\\S``, ``\\W``, ``\\D`` and ``\\B`` keep their case and meaning. With all text ASCII,
  Hyperscan runs without its UTF-8 and Unicode (UCP) modes, which refuse ``\\b``.
- each pattern is rewritten from Python's own parse of it (``pieces``) into Hyperscan
  expressions that match at least what the original matches on the folded text: lookarounds,
  lazy, possessive and atomic forms are relaxed away, and the pattern is cut into pieces that
  are its *mandatory fixed runs*: literals, classes, fixed counts and alternations of such
  runs, never anything optional or of variable length ("?", "*", "+" beyond its first copy,
  "{0,n}", a window of words). Hyperscan was seen to miss whole patterns that mix alternations
  with optional groups ("(?:tras|a|al) (?:(?:su |la |el ))?(?:\\w+ )?regreso" on a text of 45
  characters), so no such mix reaches it; every piece is something any match must hold, so
  the superset holds by construction. An alternation of variable alternatives splits the
  pattern into ways (one per alternative, as do its top-level alternatives and an optional
  group between two runs), each a set of pieces that must all occur; past a few ways it gives
  one piece instead, the best run of each alternative. A pattern with back-references or the
  ASCII flag, or one that can match the empty string, is not pre-checked: it is always run.

Hyperscan is optional (x86-64 wheels only): without it, with ``BLMA_PRECHECK=off``, or when
its database cannot be built or loaded, every pattern that passes the literal prefilter is
simply run. Building the database takes seconds, so it is kept in the user's cache folder
(``user_cache.py``) under a hash of its expressions, this code's version and Hyperscan's; a
stale or damaged file is never used. ``tests/test_precheck.py`` checks, for every language's
rulebook, on the development sentences of every language and on strings made from the
patterns and the rules' examples set in running text, that nothing ``re`` matches is ever
ruled out.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import os
import re
import threading
from re import _casefix
from re import _constants as sre
from re import _parser as sre_parse

from blma import user_cache

try:  # an accelerator, not a requirement
    import hyperscan
except ImportError:  # pragma: no cover - depends on the platform
    hyperscan = None

#: Whether patterns are pre-checked at all: Hyperscan is installed and not turned off with
#: ``BLMA_PRECHECK=off`` (to measure or test the path without it).
ENABLED = hyperscan is not None and os.environ.get("BLMA_PRECHECK", "").lower() not in ("off", "0", "no")

#: Bump when ``fold`` or ``pieces`` change what they produce: the cache keys include it.
TRANSLATION = 3

# -- folding the text ---------------------------------------------------------------------------
# One ASCII stand-in per class of non-ASCII character, in the same \w / \d / \s class for
# Hyperscan as the characters it stands for are for ``re``; the folded text is all ASCII, so
# Hyperscan needs no Unicode mode (whose \b it does not support). A negated class never
# excludes a stand-in, which stands for many characters the class may allow.
LETTER, DIGIT, SPACE, OTHER = "_", "0", "\x0b", "\x7f"
STAND_INS = (LETTER, DIGIT, SPACE, OTHER)
#: U+0345 is a non-word mark that ``re.IGNORECASE`` equates with the letter iota: no stand-in
#: keeps both, so a sentence holding it is not pre-checked.
UNFOLDABLE = "\u0345"

_WORD, _DIGIT_RE, _SPACE_RE = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")


def _canonical(code: int) -> int:
    """The one code point ``re.IGNORECASE`` treats ``code`` as (its lowest equal)."""
    lower = _sre.unicode_tolower(code)
    return min((lower, *_casefix._EXTRA_CASES.get(lower, ())))


#: The characters whose ``str.lower()`` differs from what ``re.IGNORECASE`` compares them as
#: (their lowest equal: ſ is s, İ and ı are i, the Greek and Cyrillic variant letters; the
#: tests check this list against every code point).
LOWER_DIFFERS = (
    "\u0130\u0131\u017f\u0399\u039c\u03a3\u03b9\u03bc\u03c3\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb06"
)
_LOWER_DIFFERS = re.compile(f"[{LOWER_DIFFERS}]")


class _CanonicalTable(dict):
    def __missing__(self, code: int) -> str:
        lowest = self[code] = chr(_canonical(code))
        return lowest


_CANONICAL = _CanonicalTable()


def ignorecase_lower(text: str) -> str:
    """The text lower-cased character for character as ``re.IGNORECASE`` compares it: a literal
    test on it is exact where ``str.lower()`` would miss "paſſport" or "VİSA"."""
    if text.isascii() or not _LOWER_DIFFERS.search(text):
        return text.lower()
    return text.translate(_CANONICAL)


def _fold_char(code: int) -> str:
    canonical = _canonical(code)
    if canonical < 0x80:
        return chr(canonical)
    char = chr(code)
    if _DIGIT_RE.match(char):
        return DIGIT
    if _WORD.match(char):
        return LETTER
    if _SPACE_RE.match(char):
        return SPACE
    return OTHER


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(code)
        return folded


_TABLE = _FoldTable()
for _code in range(0x80):
    _TABLE[_code] = _fold_char(_code)
for _code in range(0x1C, 0x20):  # spaces to ``re`` (str.isspace), not to Hyperscan
    _TABLE[_code] = SPACE


def fold(text: str) -> str | None:
    """The text as the pre-check sees it (ASCII), or None when it cannot be pre-checked."""
    return None if UNFOLDABLE in text else text.translate(_TABLE)


# -- rewriting a pattern ---------------------------------------------------------------------
class Unsupported(Exception):
    """The pattern cannot be pre-checked: it is always run."""


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ANY_CHAR = r"[\s\S]"
#: Non-ASCII characters that fold to an ASCII letter (what ``_fold_char`` gives them).
_TO_ASCII = {code: chr(_canonical(code)) for code in (0x130, 0x131, 0x17F, 0x212A)}


def _char(char: str) -> str:
    return char if char.isascii() and char.isalnum() else f"\\x{{{ord(char):x}}}"


def _folded_members(op, av) -> tuple[set[str], list[str]]:
    """The folded characters and the class escapes one item of a character class stands for."""
    if op is sre.LITERAL:
        return {_TABLE[av]}, []
    if op is sre.RANGE:
        low, high = av
        chars = {_TABLE[code] for code in range(low, min(high, 0x7F) + 1)}
        if high >= 0x80:  # the non-ASCII part: every stand-in, and the letters some fold to
            chars |= set(STAND_INS) | {c for code, c in _TO_ASCII.items() if low <= code <= high}
        return chars, []
    if op is sre.CATEGORY and av in _CATEGORIES:
        return set(), [_CATEGORIES[av]]
    raise Unsupported(f"class item {op}")


def _class(items, ignorecase: bool) -> str:
    negated = bool(items) and items[0][0] is sre.NEGATE
    chars: set[str] = set()
    escapes: list[str] = []
    for op, av in items[1:] if negated else items:
        more, escape = _folded_members(op, av)
        chars |= more
        escapes += escape
    if negated:
        if not ignorecase:  # folding merged cases the class tells apart: allow any character
            return _ANY_CHAR
        chars -= set(STAND_INS)
        if not chars and not escapes:
            return _ANY_CHAR
        return "[^" + "".join(sorted(_char(c) for c in chars)) + "".join(escapes) + "]"
    return "[" + "".join(sorted(_char(c) for c in chars)) + "".join(escapes) + "]"


def _flags(state: int, add: int, remove: int) -> int:
    return (state | add) & ~remove


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ONE_CHAR = (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN)


def _one(op, av, flags: int) -> str:
    """One character (literal, class, any), folded, as Hyperscan matches it."""
    ignorecase = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return _char(_TABLE[av])
    if op is sre.NOT_LITERAL:
        folded = _TABLE[av]
        if not ignorecase or folded in STAND_INS:
            return _ANY_CHAR
        return f"[^{_char(folded)}]"
    if op is sre.ANY:
        return _ANY_CHAR if flags & re.DOTALL else r"[^\n]"
    return _class(av, ignorecase)


def _anchor(av) -> str:
    """A word boundary test of the text at one position; it holds there whatever the pattern's
    other items are, so it may stand at the edge of a piece. The anchors of the start and end
    of the text or a line are dropped (a piece then matches more): Hyperscan refuses a "^" that
    does not start its expression ("\\b^comisión", "\\b(?:^a|b)")."""
    if av is sre.AT_BOUNDARY:
        return r"\b"
    if av is sre.AT_NON_BOUNDARY:
        return r"\B"
    return ""


def _group_flags(av, flags: int) -> tuple[int, list]:
    _group, add, remove, sub = av
    inner = _flags(flags, add, remove)
    if inner & re.ASCII:
        raise Unsupported("ASCII flag")
    return inner, list(sub)


def _fixed(items, flags: int) -> tuple[str, int] | None:
    """The items as one Hyperscan expression when they match only fixed runs (characters,
    classes, alternations of such runs, counts without range), else None: nothing optional
    or repeated a variable number of times. With it, how many letters and digits any match
    of it spells out for sure (how rare it is likely to be)."""
    parts, weight = [], 0
    for op, av in items:
        if op in _ONE_CHAR:
            parts.append(_one(op, av, flags))
            weight += op is sre.LITERAL and _TABLE[av].isalnum()
        elif op is sre.AT:
            parts.append(_anchor(av))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # a lookaround only narrows a match: without it the pattern matches more
        elif op is sre.GROUPREF:
            return None  # a backreference repeats whatever its group matched: no fixed run
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            inner, sub = _group_flags(av, flags) if op is sre.SUBPATTERN else (flags, list(av))
            part = _fixed(sub, inner)
            if part is None:
                return None
            parts.append(part[0])
            weight += part[1]
        elif op is sre.BRANCH:
            branches = [list(branch) for branch in av[1]]
            alternatives = [_fixed(branch, flags) for branch in branches]
            if any(a is None for a in alternatives) or any(_nullable(b) for b in branches):
                return None  # a variable or empty alternative: the alternation is optional
            parts.append("(?:" + "|".join(a[0] for a in alternatives) + ")")  # type: ignore[index]
            weight += min(a[1] for a in alternatives)  # type: ignore[index]
        elif op in _REPEATS:
            low, high, sub = av
            part = _fixed(list(sub), flags)
            if part is None or low != high or low == 0:
                return None
            parts.append(f"(?:{part[0]}){{{low}}}" if low != 1 else part[0])
            weight += part[1] * low
        else:
            raise Unsupported(str(op))
    return "".join(parts), weight


class _Runs:
    """The pieces of one way through a pattern: its mandatory fixed runs, read left to right."""

    def __init__(self) -> None:
        self.done: dict[str, int] = {}  # each run's expression and weight (``_fixed``)
        self._current: list[str] = []
        self._weight = 0
        self._consumes = False

    def copy(self) -> _Runs:
        other = _Runs()
        other.done, other._current = dict(self.done), list(self._current)
        other._weight, other._consumes = self._weight, self._consumes
        return other

    def add(self, expression: str, weight: int, consumes: bool) -> None:
        self._current.append(expression)
        self._weight += weight
        self._consumes = self._consumes or consumes

    def cut(self) -> None:
        """What follows need not start where the current run ends."""
        if self._consumes:  # a run of anchors alone tells nothing
            self.done["".join(self._current)] = self._weight
        self._current, self._weight, self._consumes = [], 0, False

    def best(self) -> tuple[str, int] | None:
        """The run least likely to occur by chance."""
        return max(self.done.items(), key=lambda run: (run[1], len(run[0])), default=None)


#: At most this many ways through one top-level alternative (each alternation with a variable
#: alternative doubles them or more); beyond, such an alternation gives one piece (``_either``).
_WAYS = 8
_CUT = None  # a task: cut the run here


def _tasks(items, flags: int) -> list:
    """Items as tasks on a stack (the first on top), each with the flags it is read under."""
    return [(op, av, flags) for op, av in reversed(list(items))]


def _joins(stack: list) -> bool:
    """Whether the next task adds to a fixed run (so cutting before it would split one)."""
    task = stack[-1] if stack else _CUT
    if task is _CUT:
        return False
    op, av, flags = task
    return op not in _REPEATS and _fixed([(op, av)], flags) is not None and not _nullable([(op, av)])


def _ways(items, flags: int, start: _Runs, limit: int) -> list[_Runs]:
    """The mandatory fixed runs of ``items``, cut at every element that is optional or of
    variable length: only what every match must hold becomes a piece. An alternation with a
    variable alternative splits the walk into one way per alternative, while there are at most
    ``limit`` ways; each way's runs must all occur, for one of the ways."""
    walks, ways = [(start, _tasks(items, flags))], []
    while walks:
        runs, stack = walks.pop()
        while stack:
            task = stack.pop()
            if task is _CUT:
                runs.cut()
                continue
            op, av, flags = task
            if op is sre.SUBPATTERN:  # a group without a quantifier is its items in sequence
                inner, sub = _group_flags(av, flags)
                stack += _tasks(sub, inner)
            elif op is sre.ATOMIC_GROUP:
                stack += _tasks(av, flags)
            elif op in _REPEATS:
                low, high, sub = av
                part = _fixed(list(sub), flags) if low else None
                if not low and high == 1 and _joins(stack) and len(walks) + len(ways) + 2 <= limit:
                    # an optional group between two fixed runs ("of (?:their )?choice"): one way
                    # without it, one with it once, so that the runs on either side stay joined
                    walks += [(runs.copy(), list(stack)), (runs.copy(), stack + _tasks(sub, flags))]
                    break
                if not low:
                    runs.cut()
                elif part is not None:  # its first ``low`` copies are mandatory and fixed
                    expression = f"(?:{part[0]})" + (f"{{{low}}}" if low != 1 else "")
                    runs.add(expression, part[1] * low, not _nullable(sub))
                    if high != low:
                        runs.cut()
                else:  # its first copy is mandatory: so are its own runs
                    stack += [_CUT, *_tasks(sub, flags)]
            elif op is sre.GROUPREF:  # "(\w+) keeps \1's passport": the words between are the pieces
                runs.cut()
            elif (part := _fixed([(op, av)], flags)) is not None:
                runs.add(*part, not _nullable([(op, av)]))
            elif _nullable([(op, av)]):  # an alternation with an empty alternative
                runs.cut()
            elif len(walks) + len(ways) + len(av[1]) <= limit:  # one way per alternative
                walks += [(runs.copy(), stack + _tasks(branch, flags)) for branch in av[1]]
                break
            else:
                _either(av[1], flags, runs)
        else:
            runs.cut()
            ways.append(runs)
    return ways


def _either(branches, flags: int, runs: _Runs) -> None:
    """One piece for a mandatory alternation: the best run of each alternative, any of them.
    Each alternative's first run goes on from the run before the alternation."""
    best = []
    for branch in branches:
        start = runs.copy()
        start.done = {}
        run = _ways(list(branch), flags, start, 1)[0].best()
        if run is None:
            runs.cut()
            return  # an alternative that needs nothing fixed: the alternation gives no piece
        best.append(run)
    runs.cut()
    expressions = list(dict.fromkeys(expression for expression, _weight in best))
    runs.add("(?:" + "|".join(expressions) + ")", min(weight for _expression, weight in best), True)
    runs.cut()


def _nullable(items) -> bool:
    """Whether the items can match the empty string."""
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF):  # a backreference may repeat ""
            continue
        if op is sre.BRANCH:
            if not any(_nullable(alt) for alt in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if not _nullable(av[3]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _nullable(av):
                return False
        elif op in _REPEATS:
            if av[0] > 0 and not _nullable(av[2]):
                return False
        else:
            return False
    return True


def _alternatives(items, flags: int) -> list[list[str]]:
    """The pattern's top-level alternatives, each as the pieces that must all occur in a match."""
    items = list(items)
    while len(items) == 1 and items[0][0] is sre.SUBPATTERN:
        flags, items = _group_flags(items[0][1], flags)
    if flags & re.ASCII:
        raise Unsupported("ASCII flag")
    # one alternation, maybe between anchors (Python's parser takes the "\\b" all start with
    # out of "\\bx|\\by"): each alternative, with the anchors, is an alternative of the pattern
    core = [n for n, (op, _av) in enumerate(items) if op is not sre.AT]
    if len(core) == 1 and items[core[0]][0] is sre.BRANCH:
        n = core[0]
        return [
            pieces
            for alt in items[n][1][1]
            for pieces in _alternatives([*items[:n], *alt, *items[n + 1 :]], flags)
        ]
    options = []
    for way in _ways(items, flags, _Runs(), _WAYS):
        # a run that spells out no letter or digit ("\\W", "\\d{2}") is found in almost any
        # sentence: it would cost a piece and rule out nothing beside the other runs
        telling = [run for run, weight in way.done.items() if weight]
        options.append(telling or list(way.done))
    return options


def pieces(pattern: str, flags: int) -> list[list[str]] | None:
    """What the pre-check asks of a pattern: alternatives, each a list of Hyperscan expressions
    that must all match the folded text (anywhere, in any order) for the pattern to be able
    to match. None when the pattern cannot be pre-checked (it is then always run).
    """
    try:
        return pieces_of(sre_parse.parse(pattern, flags), flags)
    except (re.error, RecursionError):
        return None


def pieces_of(tree: sre_parse.SubPattern, flags: int) -> list[list[str]] | None:
    """``pieces`` from Python's parse of the pattern.

    Each piece is a run of the pattern that every match holds, with nothing optional or of
    variable length in it: Hyperscan was seen to miss matches of whole patterns mixing
    alternations with optional groups ("(?:tras|a|al) (?:(?:su |la |el ))?(?:\\w+ )?regreso"
    on a long enough text), never of such runs. Small pieces are also quick to build and
    shared by the patterns made from the same vocabulary.
    """
    try:
        options = _alternatives(list(tree), tree.state.flags | flags)
    except (Unsupported, RecursionError, KeyError):
        return None
    if any(not option for option in options):
        return None  # an alternative that needs nothing can match anywhere
    return options


# -- the database --------------------------------------------------------------------------------
#: At most this many plain expressions stand for one piece (``written_out``); a piece with more
#: choices goes to Hyperscan with its alternations.
_CHOICES = 64


def written_out(expression: str) -> list[str]:
    """The piece with each alternation written out: one expression per choice, all reported
    under the piece's number. Hyperscan was seen to miss a piece whose alternations it was
    given ("\\b(?:después de|tras|a su|en el momento de su|al) su (?:regreso|salida|...)" found
    in "affecting them tras su regreso" but not in "alterations affecting them tras su regreso");
    written out, the same choices are found. A piece with more than ``_CHOICES`` choices, or
    an alternation under a count ("(?:a|b){2}"), is kept as it is."""
    items, end = _choices(expression, 0)
    if end != len(expression):
        return [expression]
    variants = [""]
    for item in items:
        options = [item] if isinstance(item, str) else [v for branch in item for v in _spelled(branch)]
        if len(variants) * len(options) > _CHOICES:
            return [expression]
        variants = [v + o for v in variants for o in options]
    return variants


def _spelled(items: list) -> list[str]:
    variants = [""]
    for item in items:
        options = [item] if isinstance(item, str) else [v for branch in item for v in _spelled(branch)]
        variants = [v + o for v in variants for o in options][: _CHOICES + 1]
    return variants


def _choices(text: str, i: int) -> tuple[list, int]:
    """Read an expression of ``_fixed``'s making up to an unmatched ``)`` or ``|``: a list of
    text runs and alternations (lists of branches, each a list of the same)."""
    items: list = []
    while i < len(text) and text[i] not in "|)":
        if text.startswith("(?:", i):
            start, branches, i = i, [], i + 3
            while True:
                branch, i = _choices(text, i)
                branches.append(branch)
                if i >= len(text):
                    return items, i  # unbalanced: the caller keeps the expression whole
                if text[i] == ")":
                    i += 1
                    break
                i += 1  # past "|"
            if i < len(text) and text[i] == "{":  # a counted group: kept as written
                i = text.index("}", i) + 1
                items.append(text[start:i])
            else:
                items.append(branches)
        elif text[i] == "[":
            end = i + 1
            while text[end] != "]":
                end += 2 if text[end] == "\\" else 1
            items.append(text[i : end + 1])
            i = end + 1
        elif text[i] == "\\":
            end = text.index("}", i) + 1 if text.startswith("x{", i + 1) else i + 2
            items.append(text[i:end])
            i = end
        else:
            items.append(text[i])
            i += 1
    return items, i


def signature() -> str:
    """What the pieces and databases depend on besides the patterns: this code and Hyperscan."""
    return f"precheck {TRANSLATION}, {'on' if ENABLED else 'off'}, hyperscan {getattr(hyperscan, '__version__', '-')}"


_FLAGS = 0 if hyperscan is None else hyperscan.HS_FLAG_SINGLEMATCH  # folded text is ASCII: no UTF-8 mode


class PatternSet:
    """Every distinct piece (``pieces``) of one rulebook's patterns, numbered, in one Hyperscan database.

    ``found(text)`` gives the numbers of the pieces that occur in a text, or None when there is
    no database (Hyperscan missing, or its database cannot be built here) or the text cannot be
    folded: then nothing is ruled out. A piece Hyperscan refuses counts as always found.
    """

    def __init__(self, expressions: list[str]) -> None:
        self.expressions = expressions
        self.key = self._key(expressions)
        self._state: tuple | None = None  # (database, pieces always found), or () for none
        self._lock = threading.Lock()
        self._local = threading.local()

    @staticmethod
    def _key(expressions: list[str]) -> str:
        digest = hashlib.sha256(f"{TRANSLATION}|{getattr(hyperscan, '__version__', '')}\n".encode())
        for expression in expressions:
            digest.update(expression.encode() + b"\n")
        return digest.hexdigest()[:32]

    def __getstate__(self) -> dict:  # pickled with the rulebook: the database is cached apart
        return {"expressions": self.expressions, "key": self.key}

    def __setstate__(self, state: dict) -> None:
        self.expressions, self.key = state["expressions"], state["key"]
        self._state, self._lock, self._local = None, threading.Lock(), threading.local()

    @property
    def file_name(self) -> str:
        return f"precheck-{self.key}.hsdb"

    def found(self, text: str) -> frozenset[int] | None:
        state = self._state if self._state is not None else self.load()
        if not state:
            return None
        folded = fold(text)
        if folded is None:
            return None
        database, always = state
        found = set(always)
        try:
            scratch = getattr(self._local, "scratch", None)
            if scratch is None:  # one scratch per thread: Hyperscan's rule
                scratch = self._local.scratch = hyperscan.Scratch(database)
            database.scan(
                folded.encode("ascii"), match_event_handler=_collect, context=found, scratch=scratch
            )
        except hyperscan.error:
            return None  # a scan that fails rules nothing out
        return frozenset(found)

    def load(self) -> tuple:
        """The database from the cache, else built now and cached; () when there can be none."""
        with self._lock:
            if self._state is None:
                state = self._read() if hyperscan is not None else None
                if state is None and hyperscan is not None:
                    state = self._build()
                    if state is not None:
                        self._write(*state)
                self._state = state or ()
            return self._state

    def _build(self) -> tuple | None:
        numbers = list(range(len(self.expressions)))
        spelled = [[v.encode("ascii") for v in written_out(e)] for e in self.expressions]

        def compile_(kept: list[int]) -> None:
            database.compile(
                expressions=[v for n in kept for v in spelled[n]],
                ids=[n for n in kept for _ in spelled[n]],
                flags=_FLAGS,
            )

        database = hyperscan.Database()
        try:
            compile_(numbers)
            return database, frozenset()
        except hyperscan.error:
            pass
        refused = set()  # one by one: the pieces Hyperscan refuses count as always found
        for number in numbers:
            try:
                hyperscan.Database().compile(
                    expressions=spelled[number], ids=[number] * len(spelled[number]), flags=_FLAGS
                )
            except hyperscan.error:
                refused.add(number)
        kept = [n for n in numbers if n not in refused]
        if not kept:
            return None
        try:
            compile_(kept)
        except hyperscan.error:
            return None
        return database, frozenset(refused)

    def _read(self) -> tuple | None:
        data = user_cache.read(self.file_name)
        if data is None:
            return None
        try:
            size = int.from_bytes(data[:4], "big")
            header = json.loads(data[4 : 4 + size])
            if header.get("key") != self.key:
                return None
            database = hyperscan.loadb(data[4 + size :], hyperscan.HS_MODE_BLOCK)
            hyperscan.Scratch(database)  # refuses a database built for another CPU
            return database, frozenset(header["always"])
        except (ValueError, KeyError, TypeError, hyperscan.error):
            return None

    def _write(self, database, always: frozenset[int]) -> None:
        header = json.dumps({"key": self.key, "always": sorted(always)}).encode()
        user_cache.write(
            self.file_name, len(header).to_bytes(4, "big") + header + bytes(hyperscan.dumpb(database))
        )


def _collect(number: int, _start: int, _end: int, _flags: int, found: set[int]) -> None:
    found.add(number)
