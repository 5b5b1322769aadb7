"""Document-level facts read from each sample: instrument type, parties, sectors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from blma.analysis import default_analyzer
from blma.analysis.scoring import load_labels
from blma.reading import read_path

SAMPLES = Path(__file__).parents[1] / "sample_agreements"
LABELS = {labels.path.name: labels for labels in load_labels(SAMPLES)}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_facts_match_the_labels(name):
    meta = yaml.safe_load((SAMPLES / name.replace(".docx", ".labels.yaml")).read_text(encoding="utf-8"))
    facts = default_analyzer().analyze(read_path(SAMPLES / name)).facts
    assert facts.instrument == meta["instrument"]
    expected_parties = {meta["parties"]["origin"], meta["parties"]["destination"]}
    assert set(facts.parties) == expected_parties
    specific = [s for s in meta["sectors"] if s != "general"]
    if specific:  # a general agreement may name sectors in its scope; a sectoral one must be recognised
        assert specific[0] in facts.sectors


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("corpus/synthetic_dev_es/01_acuerdo_marco_movilidad_andalera_brisania.md", ["Andalera", "Brisania"]),
        ("corpus/real_fr/texts/nl_italy_recruitment_1960.md", ["Pays-Bas", "Italie"]),
    ],
)
def test_a_french_or_spanish_agreement_names_its_parties_in_the_report(path, expected):
    from blma.api import analyze_path, gap_report_markdown

    report = analyze_path(Path(__file__).resolve().parents[1] / path)
    assert report.facts.parties == expected
    assert f"| Parties | {'; '.join(expected)} |" in gap_report_markdown([report])
