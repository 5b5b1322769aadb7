"""The literal prefilter only ever skips searches that could not match."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from blma.analysis.precheck import LOWER_DIFFERS
from blma.analysis.prefilter import Guarded, Sentence, required_literals, shared_sentences
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


def test_the_prefilter_is_exact_for_letters_ignorecase_equates():
    cases = [
        ("passports?", "the paſſport"),  # long s is s
        ("visas?", "the VİSA"),  # dotted capital I is i
        ("visas?", "the vıSA"),  # dotless i is i
        ("kept", "KEPT by the employer"),  # Kelvin sign is k
        ("abscond", "ABSCOND"),
        ("passports?", "no passport here"),
        ("visas?", "no such thing"),
    ]
    for pattern, text in cases:
        guarded = Guarded(re.compile(pattern, re.I))
        plain = re.search(pattern, text, re.I)
        assert (guarded.search(Sentence(text)) is None) == (plain is None), (pattern, text)
        assert (guarded.search(text) is None) == (plain is None), (pattern, text)


def test_lower_differs_names_every_character_whose_lower_case_ignorecase_does_not_use():
    import _sre
    from re import _casefix

    def lowest(code: int) -> int:
        lower = _sre.unicode_tolower(code)
        return min((lower, *_casefix._EXTRA_CASES.get(lower, ())))

    differs = {
        chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c).lower() != chr(lowest(c))
    }
    assert differs == set(LOWER_DIFFERS)


def test_one_sentence_object_per_text_within_an_analysis():
    assert Sentence.of("Workers keep their passports.") is not Sentence.of("Workers keep their passports.")
    with shared_sentences():
        first = Sentence.of("Workers keep their passports.")
        assert Sentence.of("Workers keep their passports.") is first
        Guarded(re.compile(r"zyxwvut passports", re.I))  # a new literal: earlier scans are stale
        again = Sentence.of("Workers keep their passports.")
        assert again is not first and again.found >= first.found


def test_a_pickled_pattern_compiles_on_first_use_and_finds_the_same():
    guarded = Guarded(re.compile(r"(?:recruitment|placement) fees?", re.I))
    copy = pickle.loads(pickle.dumps(guarded))
    assert copy._compiled is None
    text = "No placement fee shall be charged."
    assert copy.search(Sentence(text)).group(0) == guarded.search(Sentence(text)).group(0) == "placement fee"
    assert copy.literal_ids == guarded.literal_ids
