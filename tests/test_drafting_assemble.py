"""Assembly: which clauses, in which order, numbered how, and what the draft secures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from blma.drafting import draft
from blma.errors import SpecError, UnknownIdError
from blma.library import default_library, load_library
from blma.library.loader import default_root
from blma.library.models import CHAPTERS

OPENING = ["purpose_scope", "definitions", "competent_authorities"]
FINAL = ["relation_to_law", "annexes", "amendment", "entry_into_force", "duration_termination"]


def test_a_minimal_spec_gives_a_complete_agreement_in_the_rubric_order(draft_spec):
    result = draft(draft_spec)
    library = default_library()
    keys = [a.key for a in result.articles]
    assert keys[:3] == OPENING and keys[-5:] == FINAL
    protections = keys[3:-5]
    assert set(protections) <= set(library.protections)
    chapter_rank = [CHAPTERS.index(library.protection(k).chapter) for k in protections]
    assert chapter_rank == sorted(chapter_rank)
    assert [a.number for a in result.articles] == list(range(1, len(keys) + 1))
    assert result.coverage.omitted == []
    assert len(result.coverage.secured) == len(library.protections)


def test_defaults_are_the_library_recommendation_for_sector_and_style(draft_spec):
    draft_spec["sectors"] = ["domestic_work"]
    result = draft(draft_spec)
    library = default_library()
    for article in [a for a in result.articles if a.key in library.protections]:
        expected = library.recommended(article.key, "domestic_work", "agreement")
        assert article.clause_id == expected.id


def test_every_article_has_a_heading_and_no_unrendered_template(draft_spec):
    result = draft(draft_spec)
    library = default_library()
    for article in result.articles:
        assert article.heading
        assert article.paragraphs
        assert not any("{{" in p or "{%" in p for p in article.paragraphs)
        if article.key in library.protections:
            assert article.heading == library.protection(article.key).article_heading


def test_parties_and_style_words_are_filled_in(draft_spec):
    result = draft(draft_spec)
    text = "\n".join(p for a in result.articles for p in a.paragraphs)
    assert result.title.startswith("Agreement between the Government of the Republic of Sundara")
    assert "Ministry of Overseas Employment" in result.article("competent_authorities").paragraphs[0]
    assert "Valdoria" in text and " shall " in text
    assert "Participants" not in text


def test_an_mou_changes_title_verbs_and_final_provisions(draft_spec):
    agreement = draft(draft_spec)
    draft_spec["style"] = "mou"
    mou = draft(draft_spec)
    assert mou.title.startswith("Memorandum of Understanding")
    text = "\n".join(p for a in mou.articles for p in a.paragraphs)
    assert "Participants" in text and " will " in text
    assert "The Parties shall" not in text
    assert mou.article("entry_into_force").paragraphs != agreement.article("entry_into_force").paragraphs
    assert mou.article("entry_into_force").heading != agreement.article("entry_into_force").heading
    library = default_library()
    assert all("mou" in library.clause(a.clause_id).styles for a in mou.articles)
    assert mou.signature.signatories[0][0] == "For the Government of"  # the Governments its title names
    assert agreement.signature.signatories[0][0] == "For the Government of"


def test_omitting_a_protection_renumbers_the_articles_and_shows_in_the_coverage(draft_spec):
    full = draft(draft_spec)
    first_protection = full.articles[3]
    draft_spec["protections"] = {first_protection.key: {"clause": "omit", "reason": "Covered by national law"}}
    reduced = draft(draft_spec)

    assert len(reduced.articles) == len(full.articles) - 1
    assert first_protection.key not in [a.key for a in reduced.articles]
    assert [a.number for a in reduced.articles] == list(range(1, len(reduced.articles) + 1))
    following = full.articles[4]
    assert reduced.article(following.key).number == following.number - 1
    entry = reduced.coverage.entry(first_protection.key)
    assert entry.status == "omitted" and entry.reason == "Covered by national law"
    if entry.priority == "core":
        assert entry in reduced.coverage.omitted_core
        assert first_protection.key in reduced.coverage.summary()


def test_a_chosen_clause_and_its_values_are_used(draft_spec):
    library = default_library()
    options = [c for c in library.ranked_for("joint_committee", "general", "agreement")
               if "meeting_frequency" in c.variables]
    chosen = options[-1]
    draft_spec["protections"] = {
        "joint_committee": {"clause": chosen.id, "values": {"meeting_frequency": "three times a year"}}
    }
    article = draft(draft_spec).article("joint_committee")
    assert article.clause_id == chosen.id
    assert any("at least three times a year" in p for p in article.paragraphs)


def test_a_clause_securing_several_protections_is_placed_once(draft_spec):
    library = default_library()
    shared = next(
        c for c in library.clauses.values()
        if c.kind == "protection" and len(c.protections) > 1 and c.suits("general", "agreement")
    )
    first, second = shared.protections[:2]
    draft_spec["protections"] = {first: shared.id, second: {"clause": "omit", "reason": "secured with the first"}}
    result = draft(draft_spec)
    assert [a.clause_id for a in result.articles].count(shared.id) == 1
    entry = result.coverage.entry(second)
    assert entry.status == "secured" and entry.clause_id == shared.id
    assert entry.article == result.article(first).number


def test_a_multi_sector_draft_uses_texts_that_suit_every_sector(draft_spec):
    draft_spec["sectors"] = ["construction", "health_care"]
    result = draft(draft_spec)
    library = default_library()
    for article in [a for a in result.articles if a.key in library.protections]:
        clause = library.clause(article.clause_id)
        assert clause.suits("construction") and clause.suits("health_care")
    assert "Construction and Health Care" in result.title


def test_duration_and_signature_terms_reach_their_clauses(draft_spec):
    draft_spec["duration"] = {"years": 4, "notice_months": 9}
    draft_spec["signature"] = {"place": "Valdoria City", "date": "2026-03-15", "languages": ["Sundaran", "English"]}
    result = draft(draft_spec)
    duration = " ".join(result.article("duration_termination").paragraphs)
    assert "four years" in duration and "nine months" in duration
    signed = " ".join(result.signature.paragraphs)
    assert "Valdoria City" in signed and "15 March 2026" in signed and "Sundaran and English" in signed


def test_unset_signature_terms_stay_visible_blanks(draft_spec):
    signed = " ".join(draft(draft_spec).signature.paragraphs)
    assert "[place]" in signed and "[date]" in signed


def test_the_model_contract_annex_draws_its_terms_from_the_secured_protections(draft_spec):
    full = draft(draft_spec)
    annex = full.annexes[0]
    assert annex.key == "model_contract" and annex.heading.startswith("Annex I")
    articles = {row[2] for row in annex.table.rows if row[2]}
    fees_article = str(full.article("no_worker_fees").number)
    assert fees_article in articles
    draft_spec["protections"] = {"no_worker_fees": {"clause": "omit", "reason": "test"}}
    reduced = draft(draft_spec).annexes[0]
    assert len(reduced.table.rows) == len(annex.table.rows) - 1


def test_annexes_are_optional_and_numbered_in_order(draft_spec):
    draft_spec["annexes"] = {"model_contract": False, "other_authorities": [
        {"party": "destination", "name": "Labour Inspectorate", "responsibilities": "Inspection"}]}
    draft_spec["protections"] = {
        pid: {"clause": "omit", "reason": "no model contract"} for pid in _protections_citing("contract_annex")
    }
    result = draft(draft_spec)
    assert [a.key for a in result.annexes] == ["competent_authorities"]
    assert result.annexes[0].numeral == "I"
    assert ["Valdoria", "Labour Inspectorate", "Inspection"] in result.annexes[0].table.rows


def test_a_clause_cites_the_model_contract_by_its_computed_annex_number(draft_spec):
    citing = next(
        c for c in default_library().clauses.values()
        if "contract_annex" in c.variables and c.suits("general", "agreement")
    )
    pid = citing.protections[0]
    draft_spec["protections"] = {pid: citing.id}
    assert any("Annex I" in p for p in draft(draft_spec).article(pid).paragraphs)
    draft_spec["annexes"] = {"model_contract": False}
    with pytest.raises(SpecError, match=rf"protections\.{pid}: .*cites contract_annex"):
        draft(draft_spec)


def _protections_citing(variable: str) -> list[str]:
    library = default_library()
    return [
        pid for pid in library.protections
        if variable in library.recommended(pid, "general", "agreement").variables
    ]


# -- bad choices name the field ----------------------------------------------------------------
def test_unknown_protection_and_clause_ids(draft_spec):
    draft_spec["protections"] = {"free_lunch": {"clause": "omit", "reason": "test"}}
    with pytest.raises(UnknownIdError, match=r"protections\.free_lunch: unknown protection id"):
        draft(draft_spec)
    draft_spec["protections"] = {"employer_change": "employer_change.no_such_clause"}
    with pytest.raises(UnknownIdError, match=r"protections\.employer_change\.clause: unknown clause id"):
        draft(draft_spec)


def test_a_clause_must_secure_the_protection_it_is_chosen_for(draft_spec):
    other = default_library().recommended("access_to_justice", "general", "agreement")
    draft_spec["protections"] = {"employer_change": other.id}
    with pytest.raises(SpecError, match=r"protections\.employer_change\.clause: .* does not secure"):
        draft(draft_spec)
    draft_spec["protections"] = {"employer_change": "structural.amendment_agreement"}
    with pytest.raises(SpecError, match="does not secure"):
        draft(draft_spec)


def test_a_clause_must_suit_the_style(draft_spec):
    library = default_library()
    agreement_only = next(
        c for c in library.clauses.values() if c.kind == "protection" and c.styles == ["agreement"]
    )
    draft_spec["style"] = "mou"
    draft_spec["protections"] = {agreement_only.protections[0]: agreement_only.id}
    with pytest.raises(SpecError, match="not written for style 'mou'"):
        draft(draft_spec)


def test_a_clause_must_suit_a_sector_of_the_draft(draft_spec):
    library = default_library()
    domestic = next(
        c for c in library.clauses.values() if c.kind == "protection" and c.sectors == ["domestic_work"]
    )
    draft_spec["protections"] = {domestic.protections[0]: domestic.id}
    with pytest.raises(SpecError, match="written for sector"):
        draft(draft_spec)
    draft_spec["sectors"] = ["general", "domestic_work"]
    assert draft(draft_spec).article(domestic.protections[0]).clause_id == domestic.id


def test_clause_values_are_checked_by_name(draft_spec):
    draft_spec["protections"] = {"joint_committee": {"values": {"meetings_per_year": "2"}}}
    with pytest.raises(SpecError, match=r"protections\.joint_committee\.values\.meetings_per_year: .*no variable"):
        draft(draft_spec)
    draft_spec["protections"] = {"joint_committee": {"values": {"origin": "Elsewhere"}}}
    with pytest.raises(SpecError, match="comes from the spec's parties"):
        draft(draft_spec)


def test_a_missing_required_value_names_the_variable(draft_spec, tmp_path):
    library = _library_with_clause(tmp_path, "transparency", {
        "id": "transparency.test_register",
        "text": "The {{ parties }} {{ shall }} publish a register at {{ register_url }}.",
        "variables": {"register_url": {"description": "Web address of the register", "example": "x.org"}},
    })
    draft_spec["protections"] = {"transparency": "transparency.test_register"}
    with pytest.raises(SpecError, match=r"protections\.transparency\.values\.register_url: .*needs a value"):
        draft(draft_spec, library)
    draft_spec["protections"] = {"transparency": {"clause": "transparency.test_register",
                                                  "values": {"register_url": "https://register.example"}}}
    article = draft(draft_spec, library).article("transparency")
    assert article.paragraphs == ["The Parties shall publish a register at https://register.example."]


def test_a_cross_reference_follows_the_renumbering(draft_spec, tmp_path):
    library = _library_with_clause(tmp_path, "transparency", {
        "id": "transparency.test_cites_committee",
        "text": "The Joint Committee established under Article {{ article_joint_committee }} "
                "{{ shall }} publish its minutes.",
        "variables": {"article_joint_committee": {"description": "cross-reference", "example": "30"}},
    })
    draft_spec["protections"] = {"transparency": "transparency.test_cites_committee"}
    before = draft(draft_spec, library)
    number = before.article("joint_committee").number
    assert f"under Article {number} shall" in before.article("transparency").paragraphs[0]

    draft_spec["protections"]["no_worker_fees"] = {"clause": "omit", "reason": "test"}
    after = draft(draft_spec, library)
    assert after.article("joint_committee").number == number - 1
    assert f"under Article {number - 1} shall" in after.article("transparency").paragraphs[0]

    draft_spec["protections"]["joint_committee"] = {"clause": "omit", "reason": "test"}
    with pytest.raises(SpecError, match=r"protections\.transparency: .*cites article_joint_committee"):
        draft(draft_spec, library)


def _library_with_clause(tmp_path: Path, protection: str, clause: dict):
    """A copy of the shipped library with one more clause for ``protection``."""
    root = tmp_path / "clauses"
    shutil.copytree(default_root(), root)
    path = root / "protections" / f"{protection}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["clauses"].append({
        "title": "Test clause", "kind": "protection", "protections": [protection], "strength": "baseline",
        "sectors": ["all"], "styles": ["agreement", "mou"], "note": "For tests.",
        "sources": [{"instrument": "Test", "provision": "Art. 1"}], **clause,
    })
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_library(root)


def test_a_structural_text_can_be_chosen_with_its_values(draft_spec):
    library = default_library()
    prevailing = next(
        c for c in library.clauses.values()
        if c.role == "signature_block" and "agreement" in c.styles and "prevailing_language" in c.variables
    )
    draft_spec["structural"] = {
        "signature_block": {"clause": prevailing.id, "values": {"prevailing_language": "French"}}
    }
    assert "the French text shall prevail" in " ".join(draft(draft_spec).signature.paragraphs)

    draft_spec["structural"] = {"title": prevailing.id}
    with pytest.raises(SpecError, match=r"structural\.title\.clause: .*not a structural 'title' clause"):
        draft(draft_spec)
    draft_spec["structural"] = {"title": "structural.no_such_title"}
    with pytest.raises(UnknownIdError, match=r"structural\.title\.clause: unknown clause id"):
        draft(draft_spec)
