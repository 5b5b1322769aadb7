"""Every rule cue carries sentences it must find and sentences it must leave alone.

The cases come from the rule files themselves (``blma/analysis/rules/protections/*.yaml``),
so a changed pattern shows at once what it now catches and what it wrongly catches.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from blma.analysis.components import _contrary_match
from blma.analysis.deontic import reader_for
from blma.analysis.prefilter import Sentence
from blma.analysis.rules import RULES_DIR, _compile, load_concepts, load_rulebook, read_rule_spec

BOOK = load_rulebook()
FILES = sorted((RULES_DIR / "protections").glob("*.yaml"))


def _cases():
    for path in FILES:
        spec = read_rule_spec(path)
        rule = BOOK.rules[spec.id]
        topics = {c.name: c for c in (*rule.topic, *rule.weak_topic)}
        contraries = {c.name: c for c in rule.contrary}
        groups = [
            ("topic", spec.topic),
            ("weak_topic", spec.weak_topic),
            ("mask", spec.mask),
            ("restrict", spec.restrict),
            ("elements", spec.elements),
            ("contrary", spec.contrary),
        ]
        for kind, cues in groups:
            for cue in cues:
                for expected, sentences in ((True, cue.examples.match), (False, cue.examples.no_match)):
                    for sentence in sentences:
                        target = topics.get(cue.name) or contraries.get(cue.name) or cue
                        yield pytest.param(
                            spec.id, kind, target, sentence, expected, id=f"{spec.id}/{cue.name}: {sentence[:50]}"
                        )


def _fires(pid: str, kind: str, cue, sentence: str) -> bool:
    rule = BOOK.rules[pid]
    if kind in ("topic", "weak_topic"):
        text = rule.mask.sub(" ", sentence) if rule.mask else sentence
        return all(p.search(Sentence(text)) for p in cue)
    if kind == "contrary":
        found = _contrary_match(cue, Sentence(sentence), BOOK.modality.negators, reader_for(BOOK.modality))
        return found is not None and not found[1]
    if kind == "elements":
        return rule.elements[cue.name].search(Sentence(sentence)) is not None
    # mask and restrict: the cue's own pattern
    return _compile(cue.pattern, load_concepts(), pid).search(Sentence(sentence)) is not None


@pytest.mark.parametrize(("pid", "kind", "cue", "sentence", "expected"), list(_cases()))
def test_cue_example(pid: str, kind: str, cue, sentence: str, expected: bool) -> None:
    assert _fires(pid, kind, cue, sentence) is expected


def test_one_rule_file_per_protection() -> None:
    from blma.library import default_library

    assert [p.stem for p in FILES] == sorted(default_library().protections)
    assert Path(RULES_DIR / "README.md").exists()


def test_every_cue_says_why_and_carries_both_kinds_of_example() -> None:
    lacking = []
    for path in FILES:
        spec = read_rule_spec(path)
        for cue in (*spec.topic, *spec.weak_topic, *spec.mask, *spec.restrict, *spec.elements, *spec.contrary):
            if not cue.comment.strip() or not cue.examples.match or not cue.examples.no_match:
                lacking.append(f"{spec.id}/{cue.name}")
    assert not lacking, f"cues without a comment or without match/no_match examples: {lacking}"
