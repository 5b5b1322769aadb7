"""A sentence met again within one analysis, or in the second version a comparison reads, is not
read twice (``prefilter.readings``); what is kept must never change an answer."""

from __future__ import annotations

from pathlib import Path

from blma.analysis import default_analyzer
from blma.analysis.prefilter import readings, shared_sentences
from blma.api import compare
from blma.reading import AgreementText, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_agreements" / "pelora_azuria_nurses.docx"


def _findings(report) -> list[tuple]:
    return [
        (f.id, f.status, f.reason, tuple((e.location, e.text, e.cue) for e in f.evidence)) for f in report.protections
    ]


def _second_version(doc: AgreementText) -> AgreementText:
    """The sample with one firm protection softened and one harm added, the rest unchanged."""
    text = doc.full_text.replace("shall", "may", 1)
    text += "\n\nArticle 99\n\nThe employer shall keep the worker's passport until the contract ends.\n"
    return read_bytes("v2.md", text.encode())


def test_readings_are_kept_only_inside_an_analysis():
    assert readings() is None
    with shared_sentences():
        outer = readings()
        assert outer == {}
        with shared_sentences():
            assert readings() is outer  # an analysis inside a comparison uses the comparison's store
    assert readings() is None


def test_a_version_read_after_another_gets_the_answers_it_gets_alone():
    analyzer = default_analyzer()
    first = read_path(SAMPLE)
    second = _second_version(first)
    alone = analyzer.analyze(second)
    with shared_sentences():
        analyzer.analyze(first)
        kept = len(readings())
        after = analyzer.analyze(second)
        assert len(readings()) > kept  # the changed sentences were read; the others were not
    assert _findings(after) == _findings(alone)
    passports = next(f for f in after.protections if f.id == "identity_documents")
    assert passports.status == "contrary"
    assert any(e.location.startswith("Article 99") for e in passports.evidence)


def test_a_sentence_under_another_lead_in_is_read_again():
    analyzer = default_analyzer()
    kept = (
        "# Agreement\n\n## Article 1 - Workers\n\nThe employer shall not:\n\n"
        "(a) keep the worker's passport.\n\n## Article 2 - Employers\n\nThe employer may:\n\n"
        "(a) keep the worker's passport.\n"
    )
    report = analyzer.analyze(read_bytes("two.md", kept.encode()))
    passports = next(f for f in report.protections if f.id == "identity_documents")
    # the same item forbidden under one lead-in and allowed under the other: the harm is found
    assert passports.status == "contrary"
    assert any(e.location.startswith("Article 2") for e in passports.evidence)


def test_a_comparison_of_two_versions_matches_each_version_analysed_alone():
    first = read_path(SAMPLE)
    second = _second_version(first)
    result = compare([first, second])
    analyzer = default_analyzer()
    by_itself = [analyzer.analyze(first), analyzer.analyze(second)]
    assert [_findings(s.report) for s in result._sources] == [_findings(r) for r in by_itself]
    assert any(c.id == "identity_documents" for c in result.changes)
