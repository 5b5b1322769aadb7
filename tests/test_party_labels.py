"""Contracts that name their sides "First Party" and "Second Party" are read as the roles they
define, and quoted as they are written."""

from __future__ import annotations

from pathlib import Path

import pytest

from blma.analysis import default_analyzer, rules
from blma.analysis.party_labels import party_roles, relabel_document
from blma.analysis.rules import load_rulebook
from blma.errors import DataError
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


PERMIT_CONDITIONS = """# Conditions of Work Permit: Foreign Domestic Worker

## Part I. Conditions for you, the employer

1. You are responsible for the safekeeping of the worker's passport for as long as this permit is valid.

2. You must furnish a security bond of 5,000 dollars. The bond may be forfeited if you or the worker breaks a condition.

## Part II. Conditions for you, the worker

3. You must carry a copy of your work permit at all times.

4. You may call the free helpline if your salary is not paid.
"""


def test_conditions_that_speak_to_each_side_in_turn_read_you_part_by_part() -> None:
    """"You" is the employer in the employer's part: its safekeeping of the passport works against
    the worker, and its bond is no fee the worker pays; the worker's part keeps its "you"."""
    doc = _doc(PERMIT_CONDITIONS)
    analysed, _ = relabel_document(doc, load_rulebook(language="en").modality, "en")
    texts = [block.text for block in analysed.blocks]
    safekeeping = next(text for text in texts if "safekeeping" in text)
    assert safekeeping.startswith("The employer ")  # read as the employer's duty (grammar aside)
    assert "You must carry a copy of your work permit at all times." in texts
    report = default_analyzer().analyze(doc)
    assert report.finding("identity_documents").status == "contrary"
    assert report.finding("identity_documents").evidence[0].text.startswith("You are responsible")
    assert report.finding("no_worker_fees").status != "contrary"


DECLARATION = """# Worker's Sworn Pre-Departure Declaration

I, the undersigned worker whose particulars are set out above, declare and undertake as follows.

## Part I. Documents

1. I agree that my passport shall be kept by my employer in a locked safe for the whole of my contract.

2. I accept that the cost of my return journey shall be borne by me if I am found unfit on arrival.
"""

UNDERTAKING = """# Employer's Undertaking to the Labour Attaché

We, Northfield Components Ltd, a company registered in Talvorre, undertake as follows.

1. We shall keep the passports of our workers in our safe for the duration of their contracts.
"""

NOTE = """# Exchange of Notes

I have the honour to refer to the recent discussions between our two Governments and to propose that workers shall keep their passports.

I agree that your Note and this reply shall constitute an Agreement between our Governments.
"""


def test_a_workers_first_person_promises_are_read_as_the_workers_and_quoted_as_written() -> None:
    report = default_analyzer().analyze(_doc(DECLARATION))
    documents = report.finding("identity_documents")
    assert documents.status == "contrary"
    assert documents.evidence[0].text.startswith("I agree that my passport shall be kept by my employer")
    assert report.finding("return_reintegration").status == "contrary"


def test_an_employers_we_is_the_employer() -> None:
    report = default_analyzer().analyze(_doc(UNDERTAKING))
    documents = report.finding("identity_documents")
    assert documents.status == "contrary"
    assert documents.evidence[0].text.startswith("We shall keep the passports of our workers")


def test_a_first_person_that_is_neither_side_and_roman_numerals_are_left_alone() -> None:
    modality = load_rulebook(language="en").modality
    doc = _doc(NOTE)
    analysed, relabelled = relabel_document(doc, modality, "en")
    assert relabelled == {} and analysed is doc
    declaration, _ = relabel_document(_doc(DECLARATION), modality, "en")
    text = "\n".join(block.heading or "" for block in declaration.blocks) + "\n".join(b.text for b in declaration.blocks)
    assert "Part I. Documents" in text
    assert "The worker agree that their passport shall be kept by their employer" in text


INTERN_NOTE = """# Exchange of Notes

I have the honour to propose that my Government shall register interns for one year.

The Ministry shall inform the Tribunal of each registration.

## Annex

### Acceptance and Undertaking

I accept the Internship offered to me by the Tribunal. I understand:

(a) that the Tribunal will not pay me for my Internship and that all the expenses connected with it must be borne by me or by my sponsoring institution;

(b) that I shall leave the country within fourteen days after the end of my Internship.
"""


def test_an_interns_undertaking_annexed_to_a_note_speaks_for_the_intern_only_in_the_annex() -> None:
    modality = load_rulebook(language="en").modality
    analysed, _ = relabel_document(_doc(INTERN_NOTE), modality, "en")
    by_annex = {b.annex: [] for b in analysed.blocks}
    for block in analysed.blocks:
        by_annex[block.annex].append(block.text)
    assert any(t.startswith("I have the honour to propose that my Government") for t in by_annex[""])  # the minister's
    assert any("must be borne by the worker or by their sponsoring institution" in t for t in by_annex["Annex"])
    fees = default_analyzer().analyze(_doc(INTERN_NOTE)).finding("no_worker_fees")
    assert fees.status == "contrary"  # "will not pay me ... and that all the expenses ... borne by me"
    assert fees.evidence[0].location.startswith("Annex")
    assert fees.evidence[0].text.startswith("that the Tribunal will not pay me")  # quoted as written


ABBREVIATED = """# Memorandum of Understanding on Household Service Workers

## Article 1

This Memorandum applies to household service workers (HSWs) deployed by the Sending Party, and to migrant workers (ILO Convention No. 97) in general.

## Article 2

The employer shall keep the passports of HSWs in safe custody. The ILO shall be informed.
"""


def test_an_abbreviation_defined_for_the_workers_is_read_as_the_workers() -> None:
    modality = load_rulebook(language="en").modality
    analysed, _ = relabel_document(_doc(ABBREVIATED), modality, "en")
    text = "\n".join(block.text for block in analysed.blocks)
    assert "passports of Workers in safe custody" in text
    assert "The ILO shall be informed" in text  # initials that do not name the workers stay
    documents = default_analyzer().analyze(_doc(ABBREVIATED)).finding("identity_documents")
    assert documents.status == "contrary"
    assert documents.evidence[0].text.startswith("The employer shall keep the passports of HSWs")


def test_a_lexicon_pronoun_the_reading_does_not_know_is_a_load_error(tmp_path) -> None:
    source = Path(rules.__file__).parent / "lexicon" / "en" / "deontic.yaml"
    (tmp_path / "en").mkdir()
    text = source.read_text(encoding="utf-8").replace("worker_me:\n", "worker_me:\n  moi: the worker\n", 1)
    (tmp_path / "en" / "deontic.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"worker_me.*unknown pronoun\(s\) moi"):
        rules.load_modality(rules.load_concepts("en"), "en", lexicon_dir=tmp_path)
    # the lexicon as shipped loads, and knows every form it gives
    rules.load_modality(rules.load_concepts("en"), "en")


def test_an_abbreviation_a_glossary_defines_for_the_workers_is_read_as_the_workers() -> None:
    circular = read_bytes(
        "circular.txt",
        b"JOINT CIRCULAR No. 3\n\n2. ABBREVIATIONS\n\nLB     Licensed Bureau\nMW     migrant worker recruited under this "
        b"Circular\nPC     Principal contractor\n\n3. DOCUMENTS\n\n3.1 The employer shall keep the passport of each MW until "
        b"the end of the contract.\n",
    )
    modality = load_rulebook(language="en").modality
    analysed, _ = relabel_document(circular, modality, "en")
    assert "keep the passport of each Worker" in "\n".join(block.text for block in analysed.blocks)
    assert "LB Licensed Bureau" in "\n".join(block.text for block in analysed.blocks)  # not the workers: left alone
    documents = default_analyzer().analyze(circular).finding("identity_documents")
    assert documents.status == "contrary"
    assert documents.evidence[0].text.startswith("The employer shall keep the passport of each MW")
