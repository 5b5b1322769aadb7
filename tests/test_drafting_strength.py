"""The draft's strength meter and the side-by-side alternatives (the Draft page shows both)."""

from __future__ import annotations

from blma import api
from blma.drafting.strength import STRENGTH_WEIGHT
from blma.library.titles import ids_as_titles


def draft_with(draft_spec, strength: str) -> api.Draft:
    """The draft with, for every protection, an option of ``strength`` where it has one."""
    spec = api.DraftSpec.from_data(draft_spec)
    chosen = {}
    for protection in api.guidance():
        _, options = api.clause_choices(spec, protection.id)
        pick = next((c for c in options if c.strength == strength and c.protections == [protection.id]), None)
        if pick is not None:
            chosen[protection.id] = pick.id
    return api.draft(draft_spec | {"protections": chosen})


def test_the_strongest_clauses_weigh_more_than_the_baseline_ones_for_the_same_count(draft_spec):
    strong = api.coverage_strength(draft_with(draft_spec, "strongest"))
    weak = api.coverage_strength(draft_with(draft_spec, "baseline"))
    assert strong.secured == weak.secured == strong.protections  # every protection secured in both ...
    assert weak.score < strong.score <= 1.0  # ... but not equally strongly
    assert weak.by_strength["baseline"] > strong.by_strength["baseline"]
    assert STRENGTH_WEIGHT == {"baseline": 1 / 3, "recommended": 2 / 3, "strongest": 1.0}


def test_a_protection_left_out_weighs_nothing_and_is_named_in_the_line(draft_spec):
    spec = draft_spec | {"protections": {"remittances": {"clause": "omit", "reason": "covered elsewhere"}}}
    made = api.draft(spec)
    meter = api.coverage_strength(made, "recommended")
    full = api.coverage_strength(api.draft(draft_spec), "recommended")
    assert meter.secured == full.secured - 1 and meter.score < full.score
    assert meter.line().endswith("1 left out")


def test_each_alternative_says_what_it_gives_up_against_the_strongest(draft_spec):
    spec = api.DraftSpec.from_data(draft_spec)
    alternatives = api.clause_alternatives(spec, "access_to_justice")
    _, options = api.clause_choices(spec, "access_to_justice")
    assert [a.clause_id for a in alternatives] == [c.id for c in options]
    for alt in alternatives:
        if alt.strength == "strongest":
            assert not any("wording where" in g for g in alt.gives_up)
        else:
            assert f"A {alt.strength} wording where a strongest one is available" in alt.gives_up[0]
    assert sum(a.recommended for a in alternatives) == 1


def test_protection_ids_in_rubric_prose_read_as_titles():
    titles = {p.id: p.title for p in api.guidance()}
    text = "Licensing belongs to recruitment_regulation. Deductions are wage_protection."
    out = ids_as_titles(text, titles)
    assert "recruitment_regulation" not in out and f"“{titles['recruitment_regulation']}”" in out
    assert ids_as_titles("no ids here", titles) == "no ids here"
