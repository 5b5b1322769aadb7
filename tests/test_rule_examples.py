"""Every rule cue carries sentences it must find and sentences it must leave alone.

The cases come from the rule files themselves (``blma/analysis/rules/protections/*.yaml``, and
for another language ``rules/languages/<lang>/*.yaml``, run with that language's rulebook), so
a changed pattern shows at once what it now catches and what it wrongly catches.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from blma.analysis.components import _contrary_match
from blma.analysis.deontic import reader_for
from blma.analysis.prefilter import Sentence
from blma.analysis.rule_languages import BASE_LANGUAGE, coverage, localise, read_forms, supported_languages
from blma.analysis.rules import RULES_DIR, _compile, load_concepts, load_rulebook, read_rule_spec
from blma.errors import DataError

LANGUAGES = supported_languages()
BOOKS = {language: load_rulebook(language=language) for language in LANGUAGES}
BOOK = BOOKS[BASE_LANGUAGE]
FILES = sorted((RULES_DIR / "protections").glob("*.yaml"))


def _specs(language: str):
    """Each protection's rule as that language writes it (English logic, the language's words)."""
    for path in FILES:
        spec = read_rule_spec(path)
        if language != BASE_LANGUAGE:
            own = RULES_DIR / "languages" / language / path.name
            spec = localise(spec, read_forms(own), own.name)
        yield spec


def _cases():
    for language in LANGUAGES:
        book = BOOKS[language]
        for spec in _specs(language):
            rule = book.rules[spec.id]
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
                            name = spec.id if language == BASE_LANGUAGE else f"{language}:{spec.id}"
                            yield pytest.param(
                                language,
                                spec.id,
                                kind,
                                target,
                                sentence,
                                expected,
                                id=f"{name}/{cue.name}: {sentence[:50]}",
                            )


def _fires(language: str, pid: str, kind: str, cue, sentence: str) -> bool:
    book = BOOKS[language]
    rule = book.rules[pid]
    if kind in ("topic", "weak_topic"):
        text = rule.mask.sub(" ", sentence) if rule.mask else sentence
        return all(p.search(Sentence(text)) for p in cue)
    if kind == "contrary":
        found = _contrary_match(cue, Sentence(sentence), book.modality.negators, reader_for(book.modality))
        return found is not None and not found[1]
    if kind == "elements":
        return rule.elements[cue.name].search(Sentence(sentence)) is not None
    # mask and restrict: the cue's own pattern
    return _compile(cue.pattern, load_concepts(language), pid).search(Sentence(sentence)) is not None


@pytest.mark.parametrize(("language", "pid", "kind", "cue", "sentence", "expected"), list(_cases()))
def test_cue_example(language: str, pid: str, kind: str, cue, sentence: str, expected: bool) -> None:
    assert _fires(language, pid, kind, cue, sentence) is expected


def test_one_rule_file_per_protection() -> None:
    from blma.library import default_library

    assert [p.stem for p in FILES] == sorted(default_library().protections)
    assert Path(RULES_DIR / "README.md").exists()


def test_every_cue_says_why_and_carries_both_kinds_of_example() -> None:
    lacking = []
    for path in FILES:
        spec = read_rule_spec(path)
        for cue in (
            *spec.topic,
            *spec.weak_topic,
            *spec.mask,
            *spec.restrict,
            *spec.elements,
            *spec.contrary,
        ):
            if not cue.comment.strip() or not cue.examples.match or not cue.examples.no_match:
                lacking.append(f"{spec.id}/{cue.name}")
    assert not lacking, f"cues without a comment or without match/no_match examples: {lacking}"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != BASE_LANGUAGE])
def test_every_topic_cue_has_words_in_each_language_or_an_explicit_null(language: str) -> None:
    """A topic cue a language forgot would silently never fire: it must be given, or set to null."""
    untranslated = {
        pid: [cue for cue in cues if cue.startswith(("topic/", "weak_topic/"))]
        for pid, cues in coverage(language).items()
    }
    assert not {pid: cues for pid, cues in untranslated.items() if cues}


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != BASE_LANGUAGE])
def test_every_cue_of_a_language_carries_both_kinds_of_example(language: str) -> None:
    lacking = []
    for path in sorted((RULES_DIR / "languages" / language).glob("*.yaml")):
        forms = read_forms(path)
        for group in ("topic", "weak_topic", "mask", "elements", "restrict", "contrary"):
            for name, form in getattr(forms, group).items():
                if form is not None and not (form.examples.match and form.examples.no_match):
                    lacking.append(f"{forms.id}/{name}")
    assert not lacking, f"{language} cues without match/no_match examples: {lacking}"


def test_a_required_element_must_say_what_a_reviewer_is_told_is_missing() -> None:
    """A partial finding names what it lacks in a reviewer's words; an element a ``require`` group
    names without them is a load error that says which, not a raw name in a report later."""
    from blma.analysis.rules import RuleSpec, compile_rule

    spec = RuleSpec.model_validate(
        {
            "id": "duration_termination",
            "topic": [{"name": "t", "comment": "c", "all": ["terminat"]}],
            "elements": [{"name": "deployed", "comment": "c", "any": ["deployed"]}],
            "require": [["deployed"]],
        }
    )
    with pytest.raises(DataError, match=r"elements\.deployed: a required element needs 'says'"):
        compile_rule(spec, {}, "duration_termination.yaml")
    said = spec.model_copy(
        update={"elements": [spec.elements[0].model_copy(update={"says": "workers already deployed"})]}
    )
    assert compile_rule(said, {}, "duration_termination.yaml").missing(("deployed",)) == "workers already deployed"


def test_preamble_elements_must_name_elements_of_the_rule() -> None:
    """The elements a recital may supply are checked when the rule loads, not ignored."""
    from blma.analysis.rules import RuleSpec, compile_rule

    spec = RuleSpec.model_validate(
        {
            "id": "non_regression",
            "topic": [{"name": "t", "comment": "c", "all": ["convention"]}],
            "elements": [{"name": "cited", "comment": "c", "any": ["convention"]}],
            "preamble_counts": True,
            "preamble_elements": ["savings"],
        }
    )
    with pytest.raises(DataError, match=r"preamble_elements: 'savings' is not one of its elements"):
        compile_rule(spec, {}, "non_regression.yaml")
    kept = compile_rule(spec.model_copy(update={"preamble_elements": ["cited"]}), {}, "non_regression.yaml")
    assert kept.preamble_elements == frozenset({"cited"})


def test_a_partial_finding_names_what_it_lacks_in_words_a_reviewer_reads() -> None:
    from blma.analysis import Analyzer
    from blma.reading import read_bytes

    text = (
        "Article 12 Duration and termination\n\n"
        "This Agreement shall remain in force for five years and shall be renewed automatically. "
        "Either Party may terminate it by giving six months' written notice to the other Party."
    )
    finding = Analyzer(arbiter=False).analyze(read_bytes("a.txt", text.encode())).finding("duration_termination")
    assert finding.status == "partial"
    assert finding.reason.endswith("nothing found on: what happens to workers already deployed")


def test_a_key_given_twice_in_a_rule_file_is_a_load_error(tmp_path) -> None:
    """A cue whose "- name:" line was lost in an edit would otherwise take the next cue's pattern
    in silence (PyYAML keeps the last of two keys)."""
    text = (RULES_DIR / "protections" / "non_regression.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "non_regression.yaml"
    broken.write_text(text.replace("  - name: excluded_from_labour_law\n", "", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"(?s)non_regression\.yaml: cannot be read as YAML .*found duplicate key 'comment'"):
        read_rule_spec(broken)
