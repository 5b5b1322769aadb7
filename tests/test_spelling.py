"""Misspelt and misscanned words are read as the words they plainly are, and quoted as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from blma.analysis.rules import LEXICON_DIR
from blma.analysis.spelling import Spelling, load_spelling
from blma.api import analyze_bytes
from blma.errors import DataError


@pytest.fixture(scope="module")
def spelling() -> Spelling:
    loaded = load_spelling(LEXICON_DIR / "en" / "spelling.yaml")
    assert loaded is not None
    return loaded


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("The Emplyer shal keep her pasport.", "The Employer shall keep her passport."),  # missing letters
        ("the recuitment agency", "the recruitment agency"),
        ("her monthly salery", "her monthly salary"),  # a wrong letter
        ("the ernployer", "the employer"),  # a scanner's "rn" for "m"
        ("the 0verseas Ernployment office", "the overseas Employment office"),  # a scanner's "0" for "o", case kept
        ("THE EMPLYER", "THE EMPLOYER"),
        ("the passsport", "the passport"),  # a letter too many
        ("the paymnet of wages", "the payment of wages"),  # two letters swapped
    ],
)
def test_repairs_plain_slips(spelling: Spelling, written: str, read: str) -> None:
    capitals = spelling.capitalised_in("The Employer, the Worker and Overseas Employment")
    assert spelling.repair(written, capitals) == read


@pytest.mark.parametrize(
    "text",
    [
        "The employee and the employer.",  # a real word one slip from another stays
        "Pellandra, Varnholt, Kesswa and Sarvenne",  # invented names are no slips
        "Nepal, Oman, Qatar and the Philippines",
        "the shale and the wager",  # real words, though one slip from "shall" and "wages"
        "Art. 12 (l) of Law No. 2O24",  # digits and short tokens are left alone
        "recieve",  # one slip from both "receive" and "relieve": ambiguous, left as written
    ],
)
def test_leaves_real_words_and_names(spelling: Spelling, text: str) -> None:
    assert spelling.repair(text, spelling.capitalised_in(text)) == text


def test_a_capitalised_slip_is_repaired_only_to_a_word_the_document_capitalises(spelling: Spelling) -> None:
    """A name one slip from a word ("Tiravel" and "travel") is a name, unless the document
    writes that word with a capital too, as a contract does its defined terms."""
    assert spelling.repair("workers who returned to Tiravel", frozenset({"tiravel"})) == "workers who returned to Tiravel"
    assert spelling.repair("the Emplyer", frozenset({"employer"})) == "the Employer"
    assert spelling.repair("the Emplyer") == "the Emplyer"


def test_a_retyped_contract_is_read_and_quoted_as_written() -> None:
    text = (
        "Clause 1. Parties\n\nThe Employer engages the Worker as a domestic worker.\n\n"
        "Clause 7. Documents\n\n"
        "7.1 On arrival, the Worker shall hand her pasport and residence permit to the Emplyer, "
        "who shall keep them for safekeeping until her final departure.\n\n"
        "Clause 8. Rest\n\n"
        "8.1 The Worker shal spend her weekly rest day in the Emplyer's house unless he allows her out.\n"
    )
    report = analyze_bytes("retyped.txt", text.encode())
    documents = report.finding("identity_documents")
    assert documents.status == "contrary"
    assert "hand her pasport" in documents.evidence[0].text  # the quotation keeps the typing
    assert report.finding("working_time_rest").status == "contrary"


def test_a_vocabulary_without_its_lists_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "spelling.yaml"
    path.write_text("min_length: 4\nwords: employer shall\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"spelling\.yaml: expected"):
        load_spelling(path)


def test_a_language_without_a_vocabulary_reads_words_as_written(tmp_path: Path) -> None:
    assert load_spelling(tmp_path / "spelling.yaml") is None


def test_the_vocabulary_is_built_from_our_own_writing(spelling: Spelling) -> None:
    """Targets are dictionary words of our own legal text: no typo of ours becomes a target."""
    assert {"employer", "passport", "shall", "recruitment", "salary"} <= spelling.words
    assert not {"shal", "emplyer", "pasport"} & spelling.words
    assert "employee" in spelling.words  # both are words: neither is ever read as the other
    assert {"shale", "wager"} <= spelling.real_words
