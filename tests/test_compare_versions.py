"""Comparing two versions of one agreement: article alignment, word differences, status changes.

The versions come from scripts/make_version_pair.py (fixture ``version_pair``): version 2
softens Article 11 (Change of Employer) to "shall endeavour" wording and drops Article 9
(Social Security), so Articles 10-27 are renumbered 9-26.
"""

from __future__ import annotations

import pytest

from blma import api
from blma.analysis.models import AgreementFacts, Finding, GapReport
from blma.comparison.changes import status_changes


@pytest.fixture(scope="module")
def comparison(version_pair):
    return api.compare([str(p) for p in version_pair])


def test_the_pair_is_read_as_versions_of_one_text(comparison):
    assert comparison.versions and comparison.relation.kept_share > 0.95
    assert comparison.relation.unnamed_parties == []
    data = comparison.contract_dict()
    assert data["versions"] is True and data["changes"]
    assert "Versions of one text: 99% of the wording is the same" in comparison.export("md").decode()
    short = [a.short_title for a in comparison.matrix.agreements]
    assert short == ["Sundara–Valdoria 2024 (v1.docx)", "Sundara–Valdoria 2024 (v2.docx)"]


def test_the_removed_article_shows_its_text(comparison):
    text = comparison.unmatched_text["a"]["Article 9"]
    assert text.startswith("Social Security\nThe Parties shall explore the possibility of concluding")
    md = comparison.export("md").decode()
    assert "> The Parties shall explore the possibility of concluding a separate arrangement" in md


def test_articles_pair_by_content_despite_renumbering(comparison):
    pairs = {p.a: p.b for p in comparison.alignment}
    for n in range(1, 9):
        assert pairs[f"Article {n}"] == f"Article {n}"
    for n in range(10, 28):
        assert pairs[f"Article {n}"] == f"Article {n - 1}"
    assert pairs["Preamble"] == "Preamble"


def test_the_removed_article_is_unmatched_and_nothing_is_new(comparison):
    assert comparison.unmatched.a == ["Article 9"]
    assert comparison.unmatched.b == []


def test_the_weakened_article_pairs_with_lower_similarity_and_a_shared_protection(comparison):
    pair = next(p for p in comparison.alignment if p.a == "Article 11")
    assert pair.b == "Article 10"
    assert 0.5 < pair.similarity < 1.0
    assert "employer_change" in pair.shared_protections
    untouched = next(p for p in comparison.alignment if p.a == "Article 12")
    assert untouched.similarity == pytest.approx(1.0)


def test_word_differences_show_the_softened_wording(comparison):
    changed = [d for d in comparison.differences if d.changed]
    assert [(d.a, d.b) for d in changed] == [("Article 11", "Article 10")]
    diff = changed[0]
    deleted, inserted = " ".join(diff.words("delete")), " ".join(diff.words("insert"))
    assert "may" in diff.words("delete") and "at any time" in deleted and "shall be" in deleted
    assert "endeavour" in diff.words("insert") and "is" in diff.words("insert")
    assert "The Parties shall endeavour to enable a" in inserted
    assert all("Article" not in o.text for o in diff.ops if o.op != "equal")  # renumbering is not a change
    md = comparison.export("md").decode()
    assert "~~A~~ **The Parties shall endeavour to enable a** domestic worker ~~may~~ **to** transfer" in md


def test_status_changes_put_weakenings_first(comparison):
    changes = comparison.changes
    directions = [c.direction for c in changes]
    assert directions == sorted(directions, key=lambda d: d != "weakening")
    social = next(c for c in changes if c.id == "social_security_portability")
    assert (social.from_, social.to) == ("partial", "missing")
    assert social.a_locations == ["Article 9"] and social.b_locations == []


def test_status_changes_are_exactly_the_two_weakenings(comparison):
    """Checked by hand: only these two protections change, both for the worse."""
    got = [(c.id, c.from_, c.to) for c in comparison.changes]
    assert sorted(got) == [
        ("employer_change", "present", "partial"),
        ("social_security_portability", "partial", "missing"),
    ]


def test_identical_files_are_reported_as_identical(version_pair):
    result = api.compare([str(version_pair[0]), str(version_pair[0])])
    assert result.identical and result.versions
    assert result.changes == [] and result.unmatched.a == [] and result.unmatched.b == []
    assert not any(d.changed for d in result.differences)
    assert "identical" in result.export("md").decode()


def _report(statuses: dict[str, str], priorities: dict[str, str]) -> GapReport:
    return GapReport(
        file="x",
        facts=AgreementFacts(instrument="agreement"),
        protections=[Finding(id=k, status=v, priority=priorities.get(k, "core")) for k, v in statuses.items()],
    )


def test_changes_are_ranked_contrary_first_then_by_severity_then_core():
    ids = ["a", "b", "c", "d", "e", "f"]
    before = _report(dict.fromkeys(ids, "present") | {"e": "missing", "f": "partial"}, {"c": "recommended"})
    after = _report(
        {"a": "partial", "b": "missing", "c": "partial", "d": "present", "e": "contrary", "f": "present"},
        {"c": "recommended"},
    )
    ranked = [(c.id, c.direction, c.severity) for c in status_changes(before, after)]
    assert ranked == [
        ("e", "weakening", 1),  # anything to contrary comes first
        ("b", "weakening", 2),
        ("a", "weakening", 1),  # core before recommended
        ("c", "weakening", 1),
        ("f", "strengthening", 1),
    ]
