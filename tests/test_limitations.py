"""A protection stated firmly in an article that another provision disapplies, delays, lets an
authority waive or suspend, or lets a party decline, is secured only in part."""

from __future__ import annotations

import pytest

from blma.analysis.limitations import references
from blma.api import analyze_bytes


@pytest.mark.parametrize(
    ("words", "own_unit", "parts"),
    [
        ("Chapter III", "", ["Chapter III"]),
        ("Chapters II, V and VII", "", ["Chapter II", "Chapter V", "Chapter VII"]),
        ("Sections 5.2, 6.1 and 7.2", "Section 16", ["Section 5.2", "Section 6.1", "Section 7.2"]),
        ("Clause 9(b) and (c)", "", ["Clause 9(b)", "Clause 9(c)"]),
        ("Paragraphs 2 and 3 of Article XI", "Article 4", ["Article XI(2)", "Article XI(3)"]),
        ("Articles V(2) and VI(1)", "", ["Article V(2)", "Article VI(1)"]),
        ("paragraph (2)", "Article 10", ["Article 10(2)"]),
        ("paragraph 5(b)", "Paragraph 7", ["Paragraph 5(b)"]),
        ("Article 5 of this Agreement and Article 7", "", ["Article 5", "Article 7"]),
    ],
)
def test_references_are_read_as_the_parts_they_name(words, own_unit, parts):
    assert [f"{r.unit}{r.sub}" for r in references(words, own_unit)] == parts


AGREEMENT = """# Agreement between Arvenia and Borslav on the Employment of Workers

## Chapter I - General

## Article 1 - Scope

(1) This Agreement applies to workers of Arvenia employed in Borslav in construction, agriculture and domestic work.

{scope}

## Chapter II - Conditions of Work

## Article 2 - Equality of treatment

Workers shall enjoy treatment no less favourable than that accorded to nationals of Borslav in respect of remuneration, hours of work, leave, safety and access to courts.

## Article 3 - Hours of work

Normal hours of work shall not exceed eight hours a day and forty-eight hours a week; every worker shall have a weekly rest of at least twenty-four consecutive hours and paid annual leave.

## Chapter III - Documents

## Article 4 - Identity documents

Workers shall keep their passports and identity documents. No employer shall retain them.

## Article 5 - Exemptions

{exemption}
"""


def _finding(scope: str = "", exemption: str = "The Parties shall consult each other on this Agreement.", pid: str = ""):
    text = AGREEMENT.format(scope=scope, exemption=exemption)
    report = analyze_bytes("agreement.md", text.encode())
    return next(f for f in report.protections if f.id == pid)


def test_a_chapter_disapplied_for_some_workers_secures_its_protections_in_part():
    assert _finding(pid="equal_treatment").status == "present"
    limited = _finding(scope="(2) Chapter II does not apply to domestic workers.", pid="equal_treatment")
    assert limited.status == "partial"
    assert "limited by Article 1(2)" in limited.reason
    # a part the limit does not name keeps its protection
    assert _finding(scope="(2) Chapter II does not apply to domestic workers.", pid="identity_documents").status == (
        "present"
    )


def test_an_authority_that_may_exempt_employers_from_an_article_makes_it_partial():
    exemption = "The Minister may, by order, exempt any employer or class of employers from Article 3."
    hours = _finding(exemption=exemption, pid="working_time_rest")
    assert hours.status == "partial"
    assert any(e.location == "Article 3" and "limited by Article 5" in e.note for e in hours.evidence)
    assert _finding(exemption=exemption, pid="equal_treatment").status == "present"


def test_a_suspension_or_a_later_start_limits_the_part_it_names():
    suspended = "The Council may suspend the application of Article 4 in an emergency."
    assert _finding(exemption=suspended, pid="identity_documents").status == "partial"
    later = "Article 2 shall apply only from the third year of employment."
    assert _finding(exemption=later, pid="equal_treatment").status == "partial"


def test_a_scope_rule_for_the_whole_text_or_a_recital_limits_nothing():
    whole = "(2) This Agreement shall not apply to seafarers or to self-employed persons."
    assert _finding(scope=whole, pid="equal_treatment").status == "present"
    assert _finding(scope=whole, pid="working_time_rest").status == "present"


def test_a_paragraph_that_starts_itself_later_for_some_workers_is_partial():
    text = AGREEMENT.format(scope="", exemption="The Parties shall consult each other on this Agreement.").replace(
        "access to courts.",
        "access to courts. For seasonal workers, this paragraph will apply from the start of their second season.",
    )
    report = analyze_bytes("agreement.md", text.encode())
    equal = next(f for f in report.protections if f.id == "equal_treatment")
    assert equal.status == "partial"
    assert any("limited by Article 2" in e.note for e in equal.evidence)
    assert next(f for f in report.protections if f.id == "identity_documents").status == "present"
