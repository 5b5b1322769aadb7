"""Exercises on the sample agreements: which protections, the quoted text, the scoring."""

from __future__ import annotations

from blma import api
from blma.reading.models import AgreementText, Block
from blma.training.exercise import quote_at

STATUSES = {"present", "partial", "missing", "contrary"}


def test_a_short_exercise_draws_every_status_and_is_the_same_each_time():
    for sample in api.samples():
        key = sample.answer_key()
        statuses = {e.status for e in key.values()}
        exercise = api.exercise(sample, len(statuses))
        assert {i.expected for i in exercise.items} == statuses, sample.name
        assert api.exercise(sample, len(statuses)) == exercise
        order = list(key)
        assert [i.protection_id for i in exercise.items] == sorted(
            (i.protection_id for i in exercise.items), key=order.index
        )


def test_the_whole_key_is_the_default_and_quotes_come_from_the_cited_place():
    sample = next(s for s in api.samples() if s.name == "azuria_drelland_construction_mou.docx")
    exercise = api.exercise(sample)
    assert len(exercise.items) == len(sample.answer_key())
    regulation = next(i for i in exercise.items if i.protection_id == "recruitment_regulation")
    assert regulation.location == "Article IV(1)"
    assert regulation.quote.startswith("The Participants will encourage")
    assert all(i.quote == "" for i in exercise.items if i.location is None)


def test_a_location_matches_its_subparagraphs_but_not_a_longer_number():
    doc = AgreementText(
        name="t.docx",
        format="docx",
        blocks=[
            Block("Six.", "Article VI"),
            Block("Six one a.", "Article VI(1)(a)"),
            Block("Seven.", "Article VII"),
            Block("Annex two.", "Annex I, paragraph 2"),
        ],
    )
    assert quote_at(doc, "Article VI") == "Six. Six one a."
    assert quote_at(doc, "Article VI(1); Annex I, paragraph 2") == "Six one a. Annex two."
    assert quote_at(doc, None) == ""
