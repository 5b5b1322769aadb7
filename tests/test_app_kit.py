"""The joint-committee kit in the app (issue 11): offered with the draft and with a reviewed
agreement, built only when asked, once for its three files."""

from __future__ import annotations

import csv
import io

from docx import Document
from openpyxl import load_workbook

from blma import api
from blma_app import draft_form as F
from blma_app.exports import kit_downloads
from tests.conftest import ROOT

DRAFT = "blma_app/views/draft.py"
SAMPLE = ROOT / "sample_agreements" / "sundara_valdoria_domestic.docx"
KIT_LABELS = ["Joint-committee kit (Word)", "Implementation tracker (Excel)", "Implementation tracker (CSV)"]


def test_the_draft_page_offers_the_kit_beside_the_draft(app_page):
    at = app_page(DRAFT)
    at.text_input(key=F.party_key("origin", "country")).input("the Republic of Sundara")
    at.text_input(key=F.party_key("origin", "short_name")).input("Sundara")
    at.text_input(key=F.party_key("destination", "country")).input("the Kingdom of Valdoria")
    at.text_input(key=F.party_key("destination", "short_name")).input("Valdoria")
    at.radio(key=F.STEP_KEY).set_value(F.STEPS[2]).run()
    assert not at.exception
    buttons = {b.label: b for b in at.get("download_button")}
    assert all(label in buttons for label in KIT_LABELS)
    assert all(buttons[label].proto.deferred_file_id for label in KIT_LABELS)  # made on the click


def test_the_kit_is_built_once_for_its_three_files_and_names_the_parties():
    built: list[int] = []

    def build():
        built.append(1)
        return api.kit_for_upload(SAMPLE.name, SAMPLE.read_bytes())

    downloads = kit_downloads(build, "sample")
    assert built == []
    files = {d.file_name: d.content() for d in downloads}
    assert len(built) == 1
    assert sorted(files) == [
        "sample.implementation_tracker.csv", "sample.implementation_tracker.xlsx", "sample.joint_committee_kit.docx",
    ]  # fmt: skip
    text = "\n".join(p.text for p in Document(io.BytesIO(files["sample.joint_committee_kit.docx"])).paragraphs)
    assert "Sundara" in text and "Valdoria" in text
    rows = list(csv.reader(io.StringIO(files["sample.implementation_tracker.csv"].decode("utf-8-sig"))))
    assert len(rows) > 5
    sheet = load_workbook(io.BytesIO(files["sample.implementation_tracker.xlsx"])).active
    assert sheet.max_row == len(rows)


def test_the_kit_for_a_draft_reads_the_drafts_own_articles():
    spec = api.DraftSpec.from_data(
        {
            "parties": {
                "origin": {"country": "the Republic of Sundara", "short_name": "Sundara", "authority": "Ministry A"},
                "destination": {"country": "the Kingdom of Valdoria", "short_name": "Valdoria", "authority": "Ministry B"},
            }
        }
    )  # fmt: skip
    made = api.kit_for_draft(spec)
    files = api.kit_files(made)
    text = "\n".join(p.text for p in Document(io.BytesIO(files["joint_committee_kit.docx"])).paragraphs)
    assert "Ministry A" in text or "Sundara" in text
