"""No cue of any supported language's rulebook backtracks catastrophically: every pattern, run
against adversarial text (long runs of the characters it repeats, 10,000 brackets,
25,000-character words and lines), finishes within a fixed budget.

A pattern that takes quadratic time ("[^.;]*X" unanchored, "\\w+ " before a phrase) needs a
few milliseconds on a sentence and minutes on a 50,000-character line; the budget tells them
apart by orders of magnitude. The inputs have their whitespace collapsed, as the reader does
before any text reaches the analysis (``blma.reading.bounds``); everything else is raw.
"""

from __future__ import annotations

import re
import signal
import time
from re import _constants as sre
from re import _parser as sre_parse

import pytest

from blma.analysis.prefilter import required_literals
from blma.analysis.rule_languages import supported_languages
from blma.analysis.rules import load_rulebook
from blma.reading.bounds import shape_for_analysis
from blma.reading.models import RawParagraph

#: CPU seconds for one pattern over all its inputs (CPU, not wall time: the machine is shared).
#: At 50,000 characters linear patterns took under 0.6 s and the quadratic cues this test found
#: 14 s to 201 s; at half the length a linear pattern takes half the time and a quadratic one a
#: quarter (under 0.3 s against 3.5 s and more), so the budget still tells them apart.
BUDGET = 1.5
LENGTH = 25_000
#: Every pattern is first run at 10,000 characters; only one over SCREEN_BUDGET there is run again
#: at LENGTH, and that run decides. A pattern over BUDGET at LENGTH takes over 0.24 s at the short
#: length if its time grows with the square of the length (1.5 s x 0.4^2), over 0.6 s if linearly,
#: so the screen lets none of them through unseen; it passes only patterns far inside the budget
#: (all but one or two of 2,000), at 40 % of the cost.
SCREEN_LENGTH = 10_000
SCREEN_BUDGET = 0.2
#: Deontic-lexicon entries the analysis only ever anchors at a position (``pattern.match``):
#: components.py matches ``denied_burden`` right after a negated verb, and a language's own
#: ``for_worker`` on the 60 characters after a denial (English has none: it uses FOR_WORKER);
#: deontic.py matches a language's ``subjectless`` at the start of a sentence.
ANCHORED = {"modality.denied_burden", "modality.for_worker", "modality.subjectless"}


def generic_inputs(length: int = LENGTH) -> list[str]:
    """Inputs every pattern is run on, whatever it repeats."""
    return [
        "(" * 10_000,
        ")" * 10_000,
        "(" * 5_000 + "a" + ")" * 5_000,
        "a " * (length // 2),
        "a" * length + "!",
        "1. " * (length // 3),
        "- " * (length // 2),
        ("the worker shall not " * 2_500)[:length],
        ("Article 1 " * 5_000)[:length],
    ]


CATEGORY_SAMPLES = {
    sre.CATEGORY_DIGIT: "1",
    sre.CATEGORY_NOT_DIGIT: "a",
    sre.CATEGORY_WORD: "a",
    sre.CATEGORY_NOT_WORD: "(",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_SPACE: "a",
}
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    """Every compiled pattern the analysis runs in one language, by where it comes from."""
    book = load_rulebook(language=language)
    found: dict[str, re.Pattern[str]] = {}
    for pid, rule in book.rules.items():
        for kind, cues in (("topic", rule.topic), ("weak_topic", rule.weak_topic)):
            for cue in cues:
                for n, guarded in enumerate(cue.patterns):
                    found[f"{pid}.{kind}.{cue.name}.{n}"] = guarded.pattern
        for kind, guarded in (("mask", rule.mask), ("restrict", rule.restrict)):
            if guarded is not None:
                found[f"{pid}.{kind}"] = guarded.pattern
        for name, guarded in rule.elements.items():
            found[f"{pid}.elements.{name}"] = guarded.pattern
        for cue in rule.contrary:
            for part, guarded in (("pattern", cue.pattern), ("and", cue.also), ("unless", cue.unless)):
                if guarded is not None:
                    found[f"{pid}.contrary.{cue.name}.{part}"] = guarded.pattern
            for n, guarded in enumerate(cue.concepts):
                found[f"{pid}.contrary.{cue.name}.all{n}"] = guarded.pattern
    for field, value in vars(book.modality).items():
        entries = value.items() if isinstance(value, dict) else [("", value)]
        for key, guarded in entries:
            if isinstance(guarded, str):  # plain words (duties_lead_in), not a pattern
                continue
            found[f"modality.{field}" + (f".{key}" if key else "")] = guarded.pattern
    return found


def _all_patterns() -> dict[str, re.Pattern[str]]:
    """Every language's patterns, named "language/where"; a pattern used alike in several places
    (two languages, two cues) is run once."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int, bool]] = set()
    for language in supported_languages():
        for name, pattern in _patterns(language).items():
            use = (pattern.pattern, pattern.flags, name in ANCHORED)
            if use not in seen:
                seen.add(use)
                found[f"{language}/{name}"] = pattern
    return found


PATTERNS = _all_patterns()


def _first_chars(items) -> set[str]:
    """Characters a piece of a parse tree can start with (one sample per class)."""
    if not items:
        return set()
    op, av = items[0]
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.NOT_LITERAL:
        return {"a" if chr(av) != "a" else "b"}
    if op is sre.ANY:
        return {"a", "("}
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE:
                chars.add(chr(value[0]))
            elif kind is sre.CATEGORY:
                chars.add(CATEGORY_SAMPLES.get(value, "a"))
            elif kind is sre.NEGATE:
                return {"(", "a"}
        return chars
    if op is sre.SUBPATTERN:
        return _first_chars(list(av[-1]))
    if op is sre.BRANCH:
        return set().union(*(_first_chars(list(branch)) for branch in av[1]))
    if op in REPEATS:
        return _first_chars(list(av[2]))
    if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
        return _first_chars(items[1:])
    return set()


def _repeated_chars(items) -> set[str]:
    """Characters the pattern repeats without a small bound (``\\w+``, ``[^.;]*``, ``.{0,40}``)."""
    chars: set[str] = set()
    for op, av in items:
        if op in REPEATS:
            _low, high, body = av
            if high == sre.MAXREPEAT or high >= 10:
                chars |= _first_chars(list(body))
            chars |= _repeated_chars(list(body))
        elif op is sre.SUBPATTERN:
            chars |= _repeated_chars(list(av[-1]))
        elif op is sre.BRANCH:
            for branch in av[1]:
                chars |= _repeated_chars(list(branch))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            chars |= _repeated_chars(list(av[1]))
    return chars


def adversarial_inputs(pattern: re.Pattern[str], length: int = LENGTH) -> list[str]:
    """The generic inputs, and for this pattern: long runs of each character it repeats, alone,
    after one of the literals it needs (so the literal prefilter would let it through), and
    interleaved with spaces; whitespace collapsed as the reader leaves it."""
    tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
    literals = sorted({min(s, key=len) for s in required_literals(pattern)}, key=len)[:2]
    runs = []
    for char in sorted(_repeated_chars(tree))[:8]:
        runs += [char * length + "!", (char + " ") * (length // 2)]
        runs += [f"{literal} {char * length}" for literal in literals]
    runs += [(f"{literal} " * (length // (len(literal) + 1))) for literal in literals]
    return [" ".join(text.split()) for text in (*generic_inputs(length), *runs)]


class _OverBudget(Exception):
    pass


def _stop(_signum, _frame):
    raise _OverBudget


def _seconds_for(name: str, pattern: re.Pattern[str], budget: float, length: int = LENGTH) -> float:
    """CPU time to run ``pattern`` over its inputs; the regex engine is interrupted at ``budget``
    (``re`` checks for signals while it backtracks)."""
    run = pattern.match if name.split("/")[-1] in ANCHORED else pattern.search
    inputs = adversarial_inputs(pattern, length)
    previous = signal.signal(signal.SIGVTALRM, _stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, budget)
    started = time.process_time()
    try:
        for text in inputs:
            run(text)
        return time.process_time() - started
    except _OverBudget:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


@pytest.mark.parametrize("language", supported_languages())
def test_every_rulebook_has_the_cues_this_test_expects(language):
    """The collection above must see every kind of cue: a new kind would otherwise go untested."""
    names = list(_patterns(language))
    kinds = {name.split(".")[1] for name in names}
    assert {"topic", "mask", "elements", "contrary", "restrict"} <= kinds
    assert len(names) > 300
    assert sum(name.startswith("modality.") for name in names) > 30
    assert sum(name.startswith(f"{language}/") for name in PATTERNS) > 100  # its own words are run


def test_every_supported_language_is_checked():
    assert {name.split("/")[0] for name in PATTERNS} == set(supported_languages()) >= {"en", "fr", "es"}


def test_adversarial_inputs_hold_runs_of_what_a_pattern_repeats():
    inputs = adversarial_inputs(re.compile(r"notice\W+(?:\w+\W+){0,8}?[^.;]*", re.I))
    assert "a" * LENGTH + "!" in inputs and "(" * LENGTH + "!" in inputs  # \w+ and \W+ / [^.;]*
    assert f"notice {'(' * LENGTH}" in inputs  # the literal the prefilter wants, then the run
    assert "(" * 10_000 in inputs


def test_a_quadratic_pattern_is_caught_by_the_screen_and_the_full_run():
    """What the budget is for: an unanchored "[^.;]*" before a phrase rescans to the end from
    every start, so it passes neither the short screen nor the full length."""
    quadratic = re.compile(r"[^.;]*shall be paid", re.I)
    assert _seconds_for("en/example", quadratic, SCREEN_BUDGET, SCREEN_LENGTH) > SCREEN_BUDGET
    assert _seconds_for("en/example", quadratic, BUDGET) > BUDGET
    linear = re.compile(r"\bshall be paid\b", re.I)
    assert _seconds_for("en/example", linear, SCREEN_BUDGET, SCREEN_LENGTH) <= SCREEN_BUDGET


def test_whitespace_runs_never_reach_the_analysis():
    """Why the inputs above may collapse whitespace: the reader does it to every paragraph."""
    shaped, _ = shape_for_analysis([RawParagraph(text="a" + " " * 50_000 + "b\t\t\nc")])
    assert [p.text for p in shaped] == ["a b c"]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_cue_backtracks_catastrophically(name):
    seconds = _seconds_for(name, PATTERNS[name], SCREEN_BUDGET, SCREEN_LENGTH)
    if seconds > SCREEN_BUDGET:  # not plainly fast: the full length decides
        seconds = _seconds_for(name, PATTERNS[name], BUDGET)
    assert seconds <= BUDGET, (
        f"{name} ran over {BUDGET} s on adversarial text: {PATTERNS[name].pattern[:300]}"
    )
