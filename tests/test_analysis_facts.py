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


@pytest.mark.parametrize(
    ("path", "expected"),
    [  # a form's title lines: the state's name ends its line, "Contract No." or "Embassy of" starts the next
        ("corpus/synthetic_dev_en15/02_standard_employment_contract_factory_workers.docx", ["Saldeira", "Orvana"]),
        ("corpus/synthetic_dev_en16/01_job_offer_employment_contract_general_workers.docx", ["Serrat", "Lumora"]),
        ("corpus/synthetic_dev_en16/03_contract_live_in_carers_elderly.txt", ["Osterlind", "Kavenu"]),
        # "the Government of the United Republic of Moyenne": the state's name, not "United Republic"
        ("corpus/synthetic_dev_en17/04_agreement_employment_dependants_diplomatic_missions_1996.txt",
         ["Estravia", "Moyenne"]),
        # one state and a ministry ("between the Province of N and the Ministry of Labour ... of the
        # Republic of Veracuna"): the one state, not "Labour" as a party
        ("corpus/synthetic_dev_en6/03_seasonal_agricultural_worker_program_annex.txt", ["Veracuna"]),
        # a model contract prescribed by one state, the other left blank ("Country of origin: ____")
        ("corpus/synthetic_dev_en18/04_model_contract_garment_factory_workers.docx", ["Meridia"]),
        ("corpus/synthetic_dev_en18/06_contract_farm_machinery_operators.txt", ["Aldermere", "Cascaya"]),
    ],
)
def test_a_standard_contract_names_the_two_states_without_the_words_around_them(path, expected):
    from blma.analysis.facts import parties

    assert parties(read_path(Path(__file__).resolve().parents[1] / path)) == expected


def _sectors(markdown: str) -> list[str]:
    """The sectors the analysis reads in a Markdown text, as an upload of it."""
    from blma.api import analyze_bytes

    return analyze_bytes("c.md", markdown.encode()).facts.sectors


def test_a_sector_named_only_to_be_excluded_is_not_the_texts_sector():
    text = (
        "# Convention concerning migrant workers\n\n## Article 1\n\nThis Convention applies to all migrant "
        "workers employed in the territory of the Parties.\n\n## Article 2\n\nThis Convention shall not apply "
        "to seasonal workers, frontier workers or seafarers.\n\n## Article 3\n\nEach Party shall ensure equal "
        "treatment of migrant workers with nationals in respect of remuneration and conditions of work.\n"
    )
    assert _sectors(text) == ["general"]
    covered = text.replace("shall not apply to seasonal workers", "shall apply in particular to seasonal workers")
    assert _sectors(covered) == ["seasonal_agriculture"]
    # an exception to one provision leaves the sector in scope
    hours = text.replace(
        "This Convention shall not apply to seasonal workers, frontier workers or seafarers.",
        "It covers seasonal workers in agriculture. The provisions on hours of work shall not apply to "
        "seasonal workers during the harvest.",
    )
    assert "seasonal_agriculture" in _sectors(hours)


def test_a_general_assembly_or_a_freedom_of_assembly_is_no_factory():
    text = (
        "# Covenant on the rights of workers\n\n## Article 1\n\nEveryone shall enjoy the right of peaceful "
        "assembly and the right to form trade unions.\n\n## Article 2\n\nThe Council shall report each year "
        "to the General Assembly of the United Nations.\n"
    )
    assert _sectors(text) == ["general"]
    factory = text.replace("the right to form trade unions", "fair pay for workers in electronics assembly")
    assert _sectors(factory) == ["manufacturing"]


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (  # an annex that holds indicative figures is not itself indicative, and a sentence speaks for its own annexes
            "The Annexes form an integral part of this Agreement. Annex I sets out the priority areas and the "
            "indicative financial envelope; Annex II sets out the terms of employment.",
            "mandatory",
            "mandatory",
        ),
        (
            "Annex I forms an integral part of this Agreement. Annex II is given for reference only.",
            "mandatory",
            "indicative",
        ),
    ],
)
def test_each_annex_gets_the_status_its_own_sentence_gives(sentence: str, first: str, second: str) -> None:
    from blma.reading import read_bytes

    text = (
        f"# Agreement\n\n## Article 1\n\n{sentence}\n\n## Annex I\n\nPriorities.\n\n"
        "## Annex II\n\nThe worker shall be paid monthly.\n"
    )
    facts = default_analyzer().analyze(read_bytes("a.md", text.encode())).facts
    assert facts.annexes == {"Annex I": first, "Annex II": second}


@pytest.mark.parametrize(
    ("path", "kind", "row"),
    [
        ("corpus/real_shared_en/ilo_c189_2011_en.md", "Convention", "| Instrument | Convention (read as an agreement) |"),
        (
            "corpus/synthetic_dev_en48/02_protocol_amending_temporary_labour_migration_agreement_dravenia_sauvelle.md",
            "Protocol",
            "| Instrument | Protocol (read as an agreement) |",
        ),
        ("sample_agreements/azuria_drelland_construction_mou.docx", "", "| Instrument | Memorandum of Understanding |"),
    ],
)
def test_the_report_says_what_the_title_calls_a_text_that_is_neither_agreement_nor_mou(path, kind, row):
    """A convention is read as an agreement, but the report does not present it as one."""
    from blma.api import analyze_path, gap_report_markdown

    report = analyze_path(Path(__file__).resolve().parents[1] / path)
    assert report.facts.title_kind == kind
    assert row in gap_report_markdown([report])
