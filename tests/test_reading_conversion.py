"""Agreements as reviewers receive them: converted from PDF, with every visual line a paragraph,
words hyphenated at line ends, and running heads and page numbers in mid-sentence."""

from __future__ import annotations

import io

from docx import Document

from blma.analysis import default_analyzer
from blma.reading import read_bytes
from blma.reading.conversion import join_broken

HEAD = "AGREEMENT ON LABOUR MOBILITY - ARVENIA/BORSLAV"


def _page_break(number: int) -> list[str]:
    return [f"- {number} -", HEAD]


CONVERTED_LINES = [
    "AGREEMENT BETWEEN THE REPUBLIC OF ARVENIA AND THE KINGDOM OF BORSLAV",
    "ON THE EMPLOYMENT OF SEASONAL WORKERS",
    "Article 1",
    "Wages",
    "1. The employer shall pay each worker at least the minimum wage of the Receiving",
    "Party, in full and in money, into an account in the worker's own name, and no em-",
    *_page_break(1),
    "ployer or agency shall deduct any recruitment fee or cost from the worker's",
    "wages.",
    "2. The worker shall receive a pay slip each month.",
    "Article 2",
    "Travel documents",
    "The employer shall not hold the passport or identity documents of any worker,",
    *_page_break(2),
    "even with the worker's consent, and shall not keep them for safekeeping.",
    "Article 3",
    "Duration",
    "This Agreement shall remain in force for three years and may be renewed by the",
    "Parties by an exchange of notes.",
    *_page_break(3),
]


def _docx(lines: list[str]) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _blocks(doc) -> dict[str, str]:
    return {b.location: b.text for b in doc.blocks if b.kind == "paragraph"}


def test_a_word_hyphenated_at_a_line_end_is_whole_again():
    assert join_broken("no em-", "ployer shall") == "no employer shall"
    assert join_broken("the well-", "Being Fund") == "the well- Being Fund"  # a capital: not a split word
    assert join_broken("the worker", "shall") == "the worker shall"


def test_a_converted_word_file_reads_as_its_articles():
    doc = read_bytes("converted.docx", _docx(CONVERTED_LINES))
    blocks = _blocks(doc)
    assert blocks["Article 1(1)"] == (
        "The employer shall pay each worker at least the minimum wage of the Receiving Party, in full "
        "and in money, into an account in the worker's own name, and no employer or agency shall deduct "
        "any recruitment fee or cost from the worker's wages."
    )
    assert blocks["Article 2"].startswith("The employer shall not hold the passport")
    assert blocks["Article 2"].endswith("and shall not keep them for safekeeping.")
    assert not any(HEAD in text or text.startswith("- ") for text in blocks.values())
    assert any("running head" in w for w in doc.warnings)
    assert any("line break" in w for w in doc.warnings)


def test_a_converted_text_file_reads_the_same():
    doc = read_bytes("converted.txt", "\n".join(CONVERTED_LINES).encode())
    blocks = _blocks(doc)
    assert "no employer or agency shall deduct" in blocks["Article 1(1)"]
    assert blocks["Article 1(2)"] == "The worker shall receive a pay slip each month."
    assert not any(HEAD in text for text in blocks.values())


def test_the_analysis_reads_provisions_the_conversion_broke():
    report = default_analyzer().analyze(read_bytes("converted.docx", _docx(CONVERTED_LINES)))
    assert report.finding("identity_documents").status == "present"
    evidence = report.finding("identity_documents").evidence[0]
    assert evidence.location == "Article 2"
    assert "even with the worker's consent" in evidence.text
    assert report.finding("no_worker_fees").status != "contrary"


def test_a_word_file_written_in_word_is_left_as_it_is():
    lines = [
        "Agreement between Arvenia and Borslav",
        "Article 1",
        "The employer shall pay wages monthly.",
        "Obligations of the worker",
        "The worker shall respect the laws of the Receiving Party.",
        "Article 2",
        "The Parties shall meet once a year.",
    ]
    doc = read_bytes("plain.docx", _docx(lines))
    assert not any("conversion" in w for w in doc.warnings)
    assert "The worker shall respect the laws of the Receiving Party." in _blocks(doc).values()


def test_a_heading_repeated_three_times_is_not_taken_for_a_running_head():
    lines = []
    for n in (1, 2, 3):
        lines += [f"Article {n}", "Obligations of the employer", f"The employer shall keep record {n}."]
    doc = read_bytes("repeated.docx", _docx(lines))
    assert not any("running head" in w for w in doc.warnings)
    assert len(_blocks(doc)) == 3


def test_an_editors_bracketed_notes_that_recur_are_kept_and_not_taken_for_page_furniture():
    lines = []
    for n in (1, 2, 3):
        lines += [f"Article {n}", f"The employer shall keep record {n}.", f"[Inserted by Protocol No. 2, Article {n}]"]
    doc = read_bytes("consolidated.docx", _docx(lines))
    assert not any("conversion" in w for w in doc.warnings)
    assert "[Inserted by Protocol No. 2, Article 3]" in _blocks(doc).values()


def test_a_paragraph_number_on_a_line_of_its_own_numbers_the_next_line():
    lines = ["Article 3", "Wages", "1.", "The employer shall pay wages monthly.", "2.", "The worker shall keep the passport."]
    doc = read_bytes("numbers.docx", _docx(lines))
    assert _blocks(doc) == {
        "Article 3(1)": "The employer shall pay wages monthly.",
        "Article 3(2)": "The worker shall keep the passport.",
    }
    assert any("paragraph number" in w for w in doc.warnings)


def test_footnotes_at_a_page_foot_are_notes_and_the_sentence_they_cut_is_whole():
    lines = [
        "Article 9",
        "Health insurance",
        "Workers shall be insured under the compulsory health insurance scheme once they have",
        "completed three months of",
        "____________________",
        "1 Health Insurance Act, No. 7/2006,",
        "as amended.",
        "- 3 -",
        HEAD,
        "employment, in accordance with the Health Insurance Act1.",
        "Article 10",
        "The employer shall not keep the worker's passport.",
        "- 4 -",
        HEAD,
        "Article 11",
        "Workers may transfer their savings home.",
        "- 5 -",
        HEAD,
    ]
    doc = read_bytes("notes.docx", _docx(lines))
    blocks = {b.location: b for b in doc.blocks if b.kind in ("paragraph", "note")}
    assert blocks["Article 9"].text.endswith("three months of employment, in accordance with the Health Insurance Act1.")
    notes = [b for b in doc.blocks if b.kind == "note"]
    assert [n.text for n in notes] == ["1 Health Insurance Act, No. 7/2006, as amended."]
    assert any("footnote" in w for w in doc.warnings)


def test_a_reference_at_a_line_start_does_not_open_an_annex():
    text = (
        "Article 2 Scope (1) This Agreement applies to workers employed in the sectors listed in\n"
        "Annex II, including agriculture and construction.\n"
        "(2) The number of workers shall be set each year.\n"
        "Article 3 Selection The Office shall preselect candidates.\n"
    )
    doc = read_bytes("reference.txt", text.encode())
    locations = [b.location for b in doc.blocks if b.kind == "paragraph"]
    assert "Article 3" in locations and not any(loc.startswith("Annex") for loc in locations)
