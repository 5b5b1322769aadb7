"""Evidence that quotes a list item also gives the words the item completes (``lead_in``), so that
a reviewer sees who is bound: "(c) are entitled to keep their travel documents" says nothing of
who must ensure it until it is read after "Each Member shall take measures to ensure that
domestic workers:". The quote itself (``text``) is unchanged: it is a contract other tools match
against the agreement."""

from __future__ import annotations

import json

import docx
import pytest

LEAD_IN = "The First Party shall ensure that the Second Party:"
LONG_LEAD_IN = (
    "Each Party shall, within the limits of its national laws and of the resources available to it, and "
    "in consultation with the organisations of employers and workers concerned, take the measures "
    "needed to ensure that the workers admitted under this Agreement, in particular:"
)


def _agreement(tmp_path):
    """A standard contract whose side labels are replaced for reading ("First Party" read as the
    employer) and quoted as written; one list under a short lead-in, one under a long one, a
    table and a plain paragraph."""
    document = docx.Document()
    document.add_heading("Standard Employment Contract for Household Workers", level=1)
    document.add_paragraph(
        "This contract is made between the employer, hereinafter called the First Party, and the "
        "household worker, hereinafter called the Second Party."
    )
    document.add_heading("Article 4", level=2)
    document.add_paragraph(LEAD_IN)
    document.add_paragraph("(a) receives a copy of this contract in a language the Second Party understands;")
    document.add_paragraph("(b) keeps the passport and work permit in the Second Party's own possession.")
    document.add_heading("Article 5", level=2)
    document.add_paragraph(LONG_LEAD_IN)
    document.add_paragraph("(a) are paid their wages in full at least once a month into a bank account in their name;")
    document.add_heading("Article 6", level=2)
    document.add_paragraph("The Second Party shall be entitled to one full rest day each week.")
    path = tmp_path / "contract.docx"
    document.save(path)
    return path


def _evidence(report: dict, pid: str) -> list[dict]:
    return next(p for p in report["protections"] if p["id"] == pid)["evidence"]


@pytest.fixture(scope="module")
def agreement(tmp_path_factory):
    return _agreement(tmp_path_factory.mktemp("lead_in"))


def test_the_json_evidence_of_a_list_item_names_its_lead_in_as_written(blma_cli, agreement):
    result = blma_cli("analyze", agreement)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)[0]
    passport = next(e for e in _evidence(report, "identity_documents") if e["location"] == "Article 4(b)")
    assert passport["lead_in"] == LEAD_IN  # "First Party", as written, not the role it is read as
    assert passport["text"] == "keeps the passport and work permit in the Second Party's own possession."
    rest = next(e for e in _evidence(report, "working_time_rest") if e["location"] == "Article 6")
    assert rest["lead_in"] == ""  # a sentence of its own completes nothing


def test_a_long_lead_in_keeps_its_opening_and_its_close(blma_cli, agreement):
    report = json.loads(blma_cli("analyze", agreement).stdout)[0]
    wages = next(e for e in _evidence(report, "wage_protection") if e["location"] == "Article 5(a)")
    opening, close = wages["lead_in"].split(" … ")
    assert LONG_LEAD_IN.startswith(opening) and LONG_LEAD_IN.endswith(close)
    assert close.endswith("admitted under this Agreement, in particular:")
    assert opening.startswith("Each Party shall, within the limits")
    assert len(wages["lead_in"].split()) == 31  # thirty words and the ellipsis


def test_the_reports_quote_the_item_after_its_lead_in(blma_cli, agreement, tmp_path):
    """The reports quote the evidence of the protections left to secure (partial, here)."""
    markdown = blma_cli("analyze", agreement, "--format", "md").stdout
    assert f"> *{LEAD_IN}* … receives a copy of this contract in a language" in markdown
    assert "> The Second Party shall be entitled to one full rest day each week." in markdown
    out = tmp_path / "report.docx"
    assert blma_cli("analyze", agreement, "--format", "docx", "-o", out).exit_code == 0
    quotes = [p.text for p in docx.Document(out).paragraphs if p.style.name == "Quote"]
    item = "receives a copy of this contract in a language the Second Party understands;"
    assert f"“{LEAD_IN} … {item}”" in [q.split(" — ")[0] for q in quotes]
    assert any(q.startswith("“The Second Party shall be entitled to one full rest day") for q in quotes)
