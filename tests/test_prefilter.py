"""The literal prefilter only ever skips searches that could not match."""

from __future__ import annotations

import re
from pathlib import Path

from blma.analysis.prefilter import Guarded, required_literals
from blma.analysis.rules import load_rulebook
from blma.reading import read_path

SAMPLES = sorted((Path(__file__).parents[1] / "sample_agreements").glob("*.docx"))[:5]


def literals(pattern: str) -> list[set[str]]:
    return [set(s) for s in required_literals(re.compile(pattern, re.I))]


def test_required_literals_of_common_shapes():
    assert literals(r"(?:recruitment|placement) fees?") == [{"recruitment", "placement"}, {" fee"}]
    assert literals(r"passports?\W+(?:\w+\W+){0,4}?(?:kept|held)") == [{"passport"}, {"kept", "held"}]
    assert literals(r"(?:workers?)?\s*paid") == [{"paid"}]  # an optional part requires nothing
    assert literals(r"\bno\b|fees?") == []  # a branch matching "no" has no literal of 3+ letters


def test_guarded_search_finds_exactly_what_the_plain_pattern_finds():
    patterns: list[Guarded] = []
    for rule in load_rulebook().rules.values():
        patterns += [p for cue in rule.topic + rule.weak_topic for p in cue]
        patterns += [c.pattern for c in rule.contrary if c.pattern] + [
            p for c in rule.contrary for p in c.concepts
        ]
        patterns += list(rule.elements.values())
    sentences = [
        s.strip()
        for path in SAMPLES
        for b in read_path(path).blocks
        for s in re.split(r"(?<=[.;])\s+", b.text)
    ]
    assert len(sentences) > 200
    for guarded in patterns:
        for sentence in sentences:
            plain = guarded.pattern.search(sentence)
            fast = guarded.search(sentence)
            assert (plain is None) == (fast is None), (guarded.pattern.pattern[:80], sentence)
