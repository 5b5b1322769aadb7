"""The joint-committee kit: terms of reference and an implementation tracker, from an agreement
or from a draft specification, on paper (DOCX), as a spreadsheet (XLSX) and as CSV."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from blma.drafting import DraftSpec
from blma.kit import kit_from_agreement, kit_from_spec
from blma.kit.tracker import timing_of
from blma.kit.writers import COLUMNS, csv_bytes, docx_bytes, xlsx_bytes
from blma.reading import read_path
from tests.conftest import ROOT

SEASONAL = ROOT / "sample_agreements" / "azuria_sundara_seasonal.docx"


@pytest.fixture(scope="module")
def seasonal_kit():
    return kit_from_agreement(read_path(SEASONAL))


@pytest.fixture(scope="module")
def mou_kit():
    spec = DraftSpec.model_validate(
        {
            "parties": {
                "origin": {"country": "the Republic of Sundara", "short_name": "Sundara",
                           "authority": "Ministry of Overseas Employment"},
                "destination": {"country": "the Kingdom of Ostland", "short_name": "Ostland",
                                "authority": "Ministry of Human Resources"},
            },
            "sectors": ["domestic_work"],
            "style": "mou",
        }
    )
    return kit_from_spec(spec, source="ostland.yaml")


def row(kit, starts: str):
    return next(o for o in kit.tracker if o.text.startswith(starts))


def test_agreement_tracker_lists_each_commitment_with_who_answers_for_it(seasonal_kit):
    assert seasonal_kit.parties == ["Azuria", "Sundara"]
    fees = row(seasonal_kit, "Agencies shall not charge")
    assert (fees.article, fees.party, fees.responsible) == ("Paragraph 3", "Both Parties", "Recruitment agencies")
    assert "recruitment fee" in fees.indicator
    orientation = row(seasonal_kit, "The Azurian Ministry of Labour shall provide pre-departure")
    assert (orientation.party, orientation.responsible) == ("Azuria", "Azurian Ministry of Labour")
    insurance = row(seasonal_kit, "The grower shall provide health insurance")
    assert insurance.party == "Sundara" and insurance.responsible.startswith("Employers")
    assert row(seasonal_kit, "The Parties shall exchange, after each season").timing == "After each season"
    assert row(seasonal_kit, "The Parties shall endeavour").strength == "best efforts"


def test_provisions_against_workers_are_flagged_and_final_clauses_left_out(seasonal_kit):
    assert row(seasonal_kit, "Seasonal workers may not change employer").against_workers
    assert not row(seasonal_kit, "Agencies shall not charge").against_workers
    texts = " ".join(o.text for o in seasonal_kit.tracker)
    assert "enter into force" not in texts and "renewed automatically" not in texts


def test_terms_of_reference_speak_the_instruments_language(seasonal_kit, mou_kit):
    treaty = " ".join(p for s in seasonal_kit.terms.sections for p in s.paragraphs)
    assert "Azuria" in treaty and "Sundara" in treaty and " shall " in treaty and "Participant" not in treaty
    mou = " ".join(p for s in mou_kit.terms.sections for p in s.paragraphs)
    assert " shall " not in mou and "Each Participant will appoint" in mou
    assert "the Ministry of Overseas Employment and the Ministry of Human Resources" in mou
    headings = [s.heading for s in mou_kit.terms.sections]
    assert headings[:3] == ["Establishment and purpose", "Functions", "Composition"]
    assert {"Meetings", "Decisions", "Secretariat", "Reporting and transparency"} <= set(headings)


def test_kit_from_a_draft_names_each_party_and_its_authority(mou_kit):
    assert mou_kit.instrument == "mou" and mou_kit.source == "ostland.yaml"
    parties = {o.party for o in mou_kit.tracker}
    assert parties == {"Both Participants", "Sundara", "Ostland"}
    departure = [o for o in mou_kit.tracker if o.timing == "Before departure"]
    assert departure and any(o.party == "Sundara" for o in departure)
    assert not any("purpose of this Memorandum" in o.text for o in mou_kit.tracker)
    assert not any("organisations" in o.text and o.responsible.startswith("Employers") for o in mou_kit.tracker)


@pytest.mark.parametrize(
    ("text", "timing"),
    [
        ("The employer shall register the contract within 30 days of arrival.", "Within 30 days"),
        ("The Committee shall meet at least once a year.", "Annually"),
        ("The Parties shall review the list every two years.", "Every two years"),
        ("Workers shall be briefed before departure.", "Before departure"),
        ("Each Party shall respect the rights of workers.", "Continuing"),
    ],
)
def test_timing_is_read_from_the_provisions_words(text, timing):
    assert timing_of(text) == timing


def test_tracker_as_spreadsheet_csv_and_word(seasonal_kit):
    book = load_workbook(io.BytesIO(xlsx_bytes(seasonal_kit)))
    sheet = book["Implementation tracker"]
    assert [c.value for c in sheet[1]] == [name for name, _ in COLUMNS]
    assert sheet.max_row == len(seasonal_kit.tracker) + 1
    assert sheet.data_validations.dataValidation[0].formula1 == '"Not started,In progress,Done,Blocked"'
    assert book.properties.creator == "BLMA workbench"

    rows = list(csv.reader(io.StringIO(csv_bytes(seasonal_kit).decode("utf-8-sig"))))
    assert rows[0][0] == "No." and len(rows) == len(seasonal_kit.tracker) + 1
    flagged = [r for r in rows[1:] if r[2].startswith("Seasonal workers may not change employer")]
    assert "against workers" in flagged[0][-1]

    document = Document(io.BytesIO(docx_bytes(seasonal_kit)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Terms of Reference of the Joint Committee" in text and "Annex: Implementation tracker" in text
    table = document.tables[0]
    assert len(table.rows) == len(seasonal_kit.tracker) + 1
    assert document.core_properties.author == "BLMA workbench"
    assert "python-docx" not in (document.core_properties.author, document.core_properties.last_modified_by)


def test_blma_kit_writes_the_three_files_from_an_agreement(blma_cli, tmp_path):
    result = blma_cli("kit", SEASONAL, "-o", tmp_path / "kit")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "kit").iterdir())
    assert names == ["implementation_tracker.csv", "implementation_tracker.xlsx", "joint_committee_kit.docx"]
    assert "commitments tracked" in result.stdout
    text = (tmp_path / "kit" / "implementation_tracker.csv").read_text(encoding="utf-8-sig")
    assert "Agencies shall not charge seasonal workers a placement fee." in text


def test_blma_kit_from_a_starter_spec(blma_cli, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(blma_cli("draft", "--init").stdout, encoding="utf-8")
    result = blma_cli("kit", spec, "-o", tmp_path / "kit")
    assert result.exit_code == 0, result.output
    document = Document(tmp_path / "kit" / "joint_committee_kit.docx")
    assert document.core_properties.subject.startswith("Joint committee kit:")
    assert len(document.tables[0].rows) > 50  # a full draft has many commitments


@pytest.mark.parametrize(
    ("target", "message"),
    [("spec", "is a file; give a folder"), ("missing/kit", "does not exist; nothing written")],
)
def test_blma_kit_refuses_a_bad_folder_before_any_work(blma_cli, tmp_path, target, message):
    spec = tmp_path / "spec"
    spec.write_text("parties: {}\n", encoding="utf-8")  # never read: the folder is checked first
    result = blma_cli("kit", SEASONAL, "-o", tmp_path / target)
    assert result.exit_code == 2 and message in result.stderr
    assert spec.read_text(encoding="utf-8") == "parties: {}\n"


def test_blma_kit_never_replaces_its_input(blma_cli, tmp_path):
    folder = tmp_path / "kit"
    folder.mkdir()
    copy = folder / "implementation_tracker.csv"
    copy.write_text("an input that happens to sit where the tracker goes\n", encoding="utf-8")
    result = blma_cli("kit", copy, "-o", folder)
    assert result.exit_code == 2 and "would replace the input" in result.stderr
    assert copy.read_text(encoding="utf-8").startswith("an input")
