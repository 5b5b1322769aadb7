"""The draft specification: defaults, validation that names the field, YAML and JSON io."""

from __future__ import annotations

import datetime as dt

import pytest

from blma.drafting import DraftSpec, draft, init_spec
from blma.errors import SpecError


def test_a_minimal_spec_gets_every_default(draft_spec):
    spec = DraftSpec.from_data(draft_spec)
    assert spec.style == "agreement"
    assert spec.sectors == ["general"]
    assert spec.protections == {}
    assert spec.annexes.model_contract and spec.annexes.competent_authorities
    assert spec.parties.origin.short == "Sundara"


def test_short_name_defaults_to_the_country(draft_spec):
    del draft_spec["parties"]["origin"]["short_name"]
    assert DraftSpec.from_data(draft_spec).parties.origin.short == "the Republic of Sundara"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda s: s["parties"]["destination"].pop("authority"), "parties.destination.authority"),
        (lambda s: s.update(style="treaty"), "style"),
        (lambda s: s.update(sectors=["mining"]), "sectors.0"),
        (lambda s: s.update(sectors=[]), "sectors"),
        (lambda s: s.update(colour="blue"), "colour"),
        (lambda s: s.update(protections={"no_worker_fees": {"clause": "omit"}}), "protections.no_worker_fees"),
        (lambda s: s.update(duration={"years": 0}), "duration.years"),
        (lambda s: s.update(signature={"date": "next spring"}), "signature.date"),
    ],
)
def test_an_invalid_spec_names_the_source_and_the_field(draft_spec, change, field):
    change(draft_spec)
    with pytest.raises(SpecError) as caught:
        DraftSpec.from_data(draft_spec, "spec.yaml")
    assert str(caught.value).startswith("spec.yaml: ")
    assert f" {field}: " in str(caught.value)


def test_an_omission_needs_a_reason_and_a_reason_needs_an_omission(draft_spec):
    draft_spec["protections"] = {"employer_change": {"clause": "omit"}}
    with pytest.raises(SpecError, match="needs a `reason`"):
        DraftSpec.from_data(draft_spec)
    draft_spec["protections"] = {"employer_change": {"reason": "why not"}}
    with pytest.raises(SpecError, match="only for an omission"):
        DraftSpec.from_data(draft_spec)


def test_a_clause_id_alone_is_a_valid_choice_and_numbers_become_text(draft_spec):
    draft_spec["protections"] = {
        "access_to_justice": "access_to_justice.free_legal_aid_and_stay",
        "joint_committee": {"values": {"meeting_frequency": 2}},
    }
    spec = DraftSpec.from_data(draft_spec)
    assert spec.protections["access_to_justice"].clause == "access_to_justice.free_legal_aid_and_stay"
    assert spec.protections["joint_committee"].values == {"meeting_frequency": "2"}


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_spec_saves_and_loads_unchanged(tmp_path, draft_spec, suffix):
    draft_spec.update(
        style="mou",
        sectors=["domestic_work", "health_care"],
        signature={"place": "Valdoria City", "date": "2026-03-15", "languages": ["Sundaran", "English"]},
        protections={"employer_change": {"clause": "omit", "reason": "Left to a protocol"}},
    )
    spec = DraftSpec.from_data(draft_spec)
    path = tmp_path / f"spec{suffix}"
    spec.save(path)
    loaded = DraftSpec.load(path)
    assert loaded == spec
    assert loaded.signature.date == dt.date(2026, 3, 15)


def test_unreadable_files_are_spec_errors_naming_the_file(tmp_path):
    with pytest.raises(SpecError, match=r"missing\.yaml: cannot be read"):
        DraftSpec.load(tmp_path / "missing.yaml")
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("parties: [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"bad\.yaml: cannot be read as YAML"):
        DraftSpec.load(bad_yaml)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{'parties': 1}", encoding="utf-8")
    with pytest.raises(SpecError, match=r"bad\.json: cannot be read as JSON"):
        DraftSpec.load(bad_json)
    not_mapping = tmp_path / "list.yaml"
    not_mapping.write_text("- parties\n", encoding="utf-8")
    with pytest.raises(SpecError, match="expected a mapping"):
        DraftSpec.load(not_mapping)


def test_the_starter_spec_is_valid_commented_yaml_listing_every_protection():
    text = init_spec()
    spec = DraftSpec.from_text(text, "starter")
    assert spec.parties.origin.country
    assert text.count("\n#") > 50
    for pid in ("no_worker_fees", "employer_change", "duration_termination", "non_regression"):
        assert f"# {pid} (" in text


def test_a_saved_spec_drafts_exactly_like_the_original(tmp_path, draft_spec):
    draft_spec["signature"] = {"languages": ["English"]}
    spec = DraftSpec.from_data(draft_spec)
    spec.save(tmp_path / "spec.json")
    assert draft(tmp_path / "spec.json").to_markdown() == draft(spec).to_markdown()
