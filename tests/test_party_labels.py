"""Contracts that name their sides "First Party" and "Second Party" are read as the roles they
define, and quoted as they are written."""

from __future__ import annotations

from blma.analysis import default_analyzer
from blma.analysis.party_labels import party_roles, relabel_document
from blma.analysis.rules import load_rulebook
from blma.reading import read_bytes

CONTRACT = """# Standard Employment Contract for Household Workers

This contract is made between the employer, hereinafter called the First Party, and the household worker, hereinafter called the Second Party.

## Article (7) Documents

The First Party shall hold the passport and the work permit of the Second Party in safe custody.

## Article (8) Change of employer

The Second Party may not move to another employer except with the written consent of the First Party.
"""

MEMORANDUM = """# Memorandum of Understanding on Labour Cooperation

The Government of Arvenia (the First Party) and the Government of Borslav (the Second Party) have agreed as follows.

## Article 1

The First Party shall ensure that no worker keeps the passport of another person.
"""


def _doc(text: str):
    return read_bytes("contract.md", text.encode())


def test_the_labels_a_contract_defines_are_read_as_employer_and_worker() -> None:
    modality = load_rulebook(language="en").modality
    assert party_roles(_doc(CONTRACT), modality) == {"first party": "employer", "second party": "worker"}


def test_labels_that_stand_for_states_are_left_alone() -> None:
    doc = _doc(MEMORANDUM)
    analysed, relabelled = relabel_document(doc, load_rulebook(language="en").modality, "en")
    assert relabelled == {} and analysed is doc


def test_obligations_written_against_labels_are_found_and_quoted_as_written() -> None:
    report = default_analyzer().analyze(_doc(CONTRACT))
    documents = report.finding("identity_documents")
    assert documents.status == "contrary"
    assert documents.evidence[0].text == (
        "The First Party shall hold the passport and the work permit of the Second Party in safe custody."
    )
    assert "First Party" in documents.reason and "Employer" not in documents.reason
    change = report.finding("employer_change")
    assert change.status == "contrary"
    assert change.evidence[0].text.startswith("The Second Party may not move to another employer")


def test_a_relabelled_text_maps_every_offset_back_to_the_original() -> None:
    doc = _doc(CONTRACT)
    analysed, relabelled = relabel_document(doc, load_rulebook(language="en").modality, "en")
    for block in analysed.blocks:
        mapping = relabelled.get(id(block))
        if mapping is None:
            continue
        assert mapping.quote(0, len(mapping.text)) == mapping.original
        assert "First Party" not in mapping.text and "Second Party" not in mapping.text
        assert "Employer" in mapping.text or "Worker" in mapping.text
