"""How the shared reading handles wordings common in real, government-written instruments.

Each case is one way real treaties and conventions say things that the samples never did: a
definition by "the term ... includes", a modal inside a relative clause, qualifiers that leave the
extent to national law or conditions, and a prohibition stated after the harm it forbids.
"""

from __future__ import annotations

import pytest

from blma.analysis.components import ModalityTagger
from blma.analysis.deontic import DeonticReader
from blma.analysis.rules import load_rulebook
from blma.api import analyze_document
from blma.reading.models import AgreementText, Block

BOOK = load_rulebook()
READER = DeonticReader(BOOK.modality)
TAGGER = ModalityTagger(BOOK)


def _modality(sentence: str) -> tuple[str, str]:
    return TAGGER.classify(sentence, sentence, False)


def _analyse(*blocks: tuple[str, str]):
    """Blocks as (article, text); blocks of one article share its unit, so a lead-in ending in
    ':' governs the items after it."""
    return analyze_document(
        AgreementText(
            name="t.txt",
            format="txt",
            blocks=[Block(text=text, location=unit, unit=unit) for unit, text in blocks],
        )
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "(a) the term “benefits” includes any pensions, allowances and supplements;",
        '(b) the term "legislation" refers to the laws on social security of each State;',
    ],
)
def test_the_term_includes_is_a_definition(sentence: str) -> None:
    assert READER.read(sentence).norm == "definition"


def test_a_modal_inside_a_relative_clause_with_or_does_not_soften_the_main_clause() -> None:
    sentence = (
        "The provisions of this Charter shall not prejudice treaties which are already in force, "
        "or may come into force, under which more favourable treatment would be accorded to workers."
    )
    assert _modality(sentence) == ("firm", "")


def test_a_comma_ends_the_relative_clause_so_the_main_may_still_softens() -> None:
    assert _modality("Establishments which are protected by law, may be excluded from these rules.") == (
        "soft",
        "may",
    )


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        (
            "Each Party shall permit, within legal limits, the transfer of earnings and savings.",
            "within_legal_limits",
        ),
        (
            "Each Party shall maintain a system of labour inspection appropriate to national conditions.",
            "national_conditions",
        ),
    ],
)
def test_qualifiers_that_leave_the_extent_to_each_state(sentence: str, qualifier: str) -> None:
    assert READER.read(sentence).qualifier == qualifier
    assert _modality(sentence)[0] == "qualified"


def test_a_prohibition_stated_after_the_harm_reverses_it() -> None:
    report = _analyse(
        (
            "Article 1",
            "Any deduction from wages made by a worker to an intermediary for the purpose of "
            "obtaining or retaining employment shall be prohibited.",
        )
    )
    assert report.finding("wage_protection").status != "contrary"


def test_a_negated_lead_in_reverses_the_harm_in_its_list_items() -> None:
    report = _analyse(
        ("Article 1", "The following shall not constitute valid reasons for termination of employment:"),
        ("Article 1", "(a) trade union membership or participation in union activities;"),
    )
    assert report.finding("freedom_of_association").status != "contrary"


def test_the_harm_itself_is_still_found_when_nothing_negates_it() -> None:
    report = _analyse(("Article 1", "Workers who take part in a strike shall be repatriated at once."))
    assert report.finding("freedom_of_association").status == "contrary"
