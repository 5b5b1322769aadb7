"""An amending protocol quotes the new wording of the articles it replaces or inserts. The reader
cites that wording within the protocol's own provision, as lawyers do ("Article IV (new Article
5(2))"), so that the quoted "Article 5" is never taken for the protocol's Article 5, and the quoted
article's heading is never read as a provision."""

from __future__ import annotations

import json

import docx
import pytest

from blma.analysis.citations import block_place
from blma.reading import read_bytes
from blma.reading.citation_language import cite_in
from tests.docx_tables import docx_bytes

PROTOCOL_MD = """# Protocol amending the Agreement on the Employment of Workers

The Parties have agreed as follows:

## Article I

Article 5 of the Agreement shall be replaced by the following:

> **Article 5 – Costs of recruitment**
>
> 1. No agency shall charge a worker a placement fee.
> 2. The worker shall bear the cost of the medical examination:
>    (a) up to the amount the Joint Commission fixes;

## Article II

Paragraph 2 of Article 4 of the Agreement shall read as follows:

> 2. The employment contract shall be written in the languages of both Parties.

## Article III

After Article 15 of the Agreement, the following Article shall be inserted:

> **Article 15 bis**
>
> Workers shall be free to take accommodation elsewhere.

## Article IV

> *Editorial note.* A quotation that follows no amending words is read as the text around it.

This Protocol shall enter into force on the first day of the second month after signature.
"""


def _located(doc) -> dict[str, str]:
    """Each paragraph's text (its first words) by its location."""
    return {block.location: block.text for block in doc.blocks if block.kind == "paragraph"}


def test_markdown_quoted_wording_is_cited_within_the_amending_article():
    doc = read_bytes("protocol.md", PROTOCOL_MD.encode())
    located = _located(doc)
    assert located["Article I (new Article 5(1))"] == "No agency shall charge a worker a placement fee."
    assert located["Article I (new Article 5(2))"].startswith("The worker shall bear the cost")
    assert located["Article II (new Article 4(2))"].startswith("The employment contract shall be written")
    assert located["Article III (new Article 15 bis)"] == "Workers shall be free to take accommodation elsewhere."
    plain = [b.text for b in doc.blocks if b.location == "Article IV" and b.kind == "paragraph"]
    assert plain[0].startswith("Editorial note.")  # a quotation with no amending words before it
    assert "Article 5" not in located and "Article 5(1)" not in located
    headings = {b.text: b for b in doc.blocks if b.kind == "heading"}
    assert headings["Article 5 – Costs of recruitment"].location == "Article I (new Article 5)"
    # the quoted wording stands in the amending article: read with it, compared with it
    assert {b.unit for b in doc.blocks if "(new Article 5" in b.location} == {"Article I"}


def _protocol_docx(closing_mark: bool = True) -> bytes:
    document = docx.Document()
    document.add_heading("Protocol amending the Agreement on the Employment of Workers", 1)
    document.add_paragraph("The Parties have agreed as follows:")
    document.add_heading("Article I", 2)
    document.add_paragraph("Article 5 of the Agreement shall be replaced by the following:")
    document.add_paragraph("\u201cArticle 5")
    document.add_paragraph("Costs of recruitment")
    document.add_paragraph("1. No agency shall charge a worker a placement fee.")
    end = "\u201d" if closing_mark else ""
    document.add_paragraph(f"2. The worker shall bear the cost of the medical examination and the visa fee.{end}")
    document.add_heading("Article II", 2)
    document.add_paragraph("1. This Protocol shall enter into force on the first day of the second month after signature.")
    return docx_bytes(document)


@pytest.mark.parametrize("closing_mark", [True, False])
def test_word_quoted_wording_is_cited_within_the_amending_article(closing_mark):
    """In Word the new wording opens and closes with quotation marks; a heading styled as such
    (the protocol's next article) ends it even where the closing mark is missing."""
    doc = read_bytes("protocol.docx", _protocol_docx(closing_mark))
    located = _located(doc)
    assert located["Article I (new Article 5(2))"] == (
        "The worker shall bear the cost of the medical examination and the visa fee."  # no closing mark
    )
    assert located["Article I (new Article 5(1))"] == "No agency shall charge a worker a placement fee."
    assert located["Article II(1)"].startswith("This Protocol shall enter into force")
    # the quoted article's number and heading head the new wording: no provision of their own
    assert not any(text in ("\u201cArticle 5", "Costs of recruitment") for text in located.values())


def test_the_quotation_ends_where_its_marks_balance():
    """An inner quotation stays inside; a closing guillemet followed by the minutes' own words on the
    same line still ends it, and what follows is the amending text's again."""
    text = (
        "MINUTES OF THE JOINT COMMITTEE\n\n"
        "1. Article 3 of the Agreement shall be replaced by the following:\n"
        "\u00ab1. In this Article the term \u00abseasonal worker\u00bb means a worker admitted for a season.\n"
        "2. No fee shall be charged to a seasonal worker.\u00bb The delegation of Borslav entered a reservation.\n\n"
        "2. The Committee shall meet twice a year.\n"
    )
    located = _located(read_bytes("minutes.txt", text.encode()))
    assert located["Paragraph 1 (new Article 3(1))"].startswith("In this Article the term")
    assert located["Paragraph 1 (new Article 3(2))"].startswith("No fee shall be charged to a seasonal worker.")
    assert located["Paragraph 2"] == "The Committee shall meet twice a year."


def test_new_wording_in_a_list_of_amendments_is_cited_in_the_article_the_list_amends():
    """ "Article 16 ... shall be amended as follows: (a) ... (b) the following paragraph shall be
    added:" brings Article 16's new paragraph 4, not a paragraph 4 of nothing; a lead-in of its own
    outside the list names its own unit, or none."""
    text = (
        "PROTOCOL AMENDING THE AGREEMENT ON SEASONAL WORK\n\nArticle I\n\n"
        "Article 16 of the Agreement shall be amended as follows:\n\n"
        "(a) in paragraph 2, the words \u201cthirty days\u201d shall be replaced by \u201csixty days\u201d;\n\n"
        "(b) the following paragraph shall be added:\n\n"
        "\u201c4. No fee shall be charged to a worker for a change of employer.\u201d\n\n"
        "Article II\n\nThe following paragraph shall be added:\n\n\u201c5. Workers shall keep their passports.\u201d\n"
    )
    located = _located(read_bytes("protocol.txt", text.encode()))
    assert located["Article I(b) (new Article 16(4))"] == "No fee shall be charged to a worker for a change of employer."
    assert located["Article II (new paragraph 5)"] == "Workers shall keep their passports."


def test_a_paragraph_inserted_between_two_keeps_its_own_number():
    text = (
        "MEMORANDUM OF UNDERSTANDING AMENDING THE MEMORANDUM ON CONSTRUCTION WORKERS\n\n"
        "10. The following paragraph will be inserted after paragraph 20 of the MoU:\n\n"
        "\u201820A. The Participants will use the personal data of workers only for recruitment.\u2019\n\n"
        "11. This amending Memorandum will come into effect on signature.\n"
    )
    located = _located(read_bytes("mou.txt", text.encode()))
    assert located["Paragraph 10 (new paragraph 20A)"].startswith("The Participants will use the personal data")
    assert block_place("Paragraph 10 (new paragraph 20A)").path == ("10", "20a")


def test_quoted_defined_terms_after_other_words_are_not_new_wording():
    document = docx.Document()
    document.add_heading("Agreement on the Employment of Workers", 1)
    document.add_heading("Article 1", 2)
    document.add_paragraph("The terms used in this Agreement shall be read as follows:")
    document.add_paragraph("\u201cWorker\u201d means a national of either Party employed under this Agreement;")
    document.add_paragraph("\u201cEmployer\u201d means a person who employs a worker.")
    document.add_heading("Article 2", 2)
    document.add_paragraph("No fee shall be charged to workers.")
    located = _located(read_bytes("agreement.docx", docx_bytes(document)))
    assert not any("(new" in location for location in located)
    assert located["Article 2"] == "No fee shall be charged to workers."


def test_a_replaced_schedule_and_its_table_are_new_wording_not_an_annex():
    """"Schedule 1 to the Agreement shall be replaced by the following:" opens no annex: the
    quoted schedule, its table included, is cited within the amending article."""
    document = docx.Document()
    document.add_heading("Protocol amending the Agreement on Social Security", 1)
    document.add_heading("Article 9", 2)
    document.add_paragraph("Schedule 2 to the Agreement shall be replaced by the following:")
    document.add_paragraph("\u201cSchedule 2 \u2013 Benefits paid abroad")
    table = document.add_table(rows=3, cols=2)
    for row, (benefit, abroad) in enumerate([("Benefit", "Paid abroad"), ("Old-age pension", "Yes"), ("Maternity benefit", "No")]):
        table.cell(row, 0).text, table.cell(row, 1).text = benefit, abroad
    document.add_paragraph("Benefits not listed shall be governed by national law.\u201d")
    document.add_heading("Article 10", 2)
    document.add_paragraph("This Protocol shall enter into force on signature.")
    doc = read_bytes("protocol.docx", docx_bytes(document))
    cells = {b.text: b.location for b in doc.blocks if b.kind == "table_cell"}
    assert cells["Maternity benefit: No"] == "Article 9 (new Schedule 2, table row 3)"  # the row label joined
    assert not any(b.annex for b in doc.blocks)
    assert _located(doc)["Article 10"] == "This Protocol shall enter into force on signature."


def test_a_notes_reference_number_is_no_new_note():
    text = (
        "EXCHANGE OF NOTES\n\nI\n\nNote No. 41/2026\n\nExcellency,\n\n"
        "I have the honour to propose that Article 3 of the Agreement shall be replaced by the following:\n\n"
        "\"Article 3\n1. No fee shall be charged to workers.\"\n\n"
        "II\n\nExcellency,\n\nI have the honour to accept the proposal.\n"
    )
    located = _located(read_bytes("notes.txt", text.encode()))
    assert located["Note I (new Article 3(1))"] == "No fee shall be charged to workers."
    assert not any(location.startswith("Note 41") for location in located)


def test_words_a_consolidated_text_shows_as_deleted_are_not_read():
    text = (
        "# Agreement on Temporary Employment (consolidated text)\n\n## Article 6\n\n"
        "1. No worker shall be charged any fee for recruitment [, except a service charge of one month's wage] "
        "[deleted by Protocol No. 1], whether in either country.\n\n"
        "2. [The employer may keep the passport for safekeeping.] [deleted by Protocol No. 2]\n\n"
        "3. Any agency that has charged a fee shall refund it. [inserted by Protocol No. 2]\n"
    )
    located = _located(read_bytes("consolidated.md", text.encode()))
    assert located["Article 6(1)"] == "No worker shall be charged any fee for recruitment, whether in either country."
    assert "Article 6(2)" not in located  # a paragraph deleted whole
    assert located["Article 6(3)"].endswith("[inserted by Protocol No. 2]")  # other editorial marks stay


def test_a_wrapped_line_opening_on_the_word_article_continues_its_paragraph():
    """"... paragraphs 4 and 5 of the same" + "Article shall be replaced by the following:" is one
    lead-in retyped over two lines, not a new article: the new wording is Article 7's."""
    text = (
        "AGREEMENT\n\nArticle 1\n\n1. Paragraph 3 of Article 7 of the Agreement shall be deleted, and paragraphs 4 and 5 of the same\n"
        "Article shall be replaced by the following:\n\n"
        "\"(4) No worker shall be charged any fee.\n(5) The employer shall bear the cost of the journey.\"\n"
    )
    located = _located(read_bytes("amendment.txt", text.encode()))
    assert located["Article 1(1) (new Article 7(4))"] == "No worker shall be charged any fee."
    assert located["Article 1(1)"].endswith("of the same Article shall be replaced by the following:")


def test_the_cli_cites_evidence_in_new_wording_as_a_lawyer_would(blma_cli, tmp_path):
    path = tmp_path / "protocol.docx"
    path.write_bytes(_protocol_docx())
    report = json.loads(blma_cli("analyze", path).stdout)[0]
    fees = next(p for p in report["protections"] if p["id"] == "no_worker_fees")
    assert fees["status"] == "contrary"
    assert [e["location"] for e in fees["evidence"] if e["kind"] == "contrary"] == ["Article I (new Article 5(2))"]
    assert all(e["lead_in"] == "" for e in fees["evidence"])  # the location says it is new wording
    recruitment = next(p for p in report["protections"] if p["id"] == "recruitment_regulation")
    assert "Costs of recruitment" not in [e["text"] for e in recruitment["evidence"]]


def test_new_wording_is_cited_in_the_words_of_a_french_or_spanish_text():
    assert cite_in("Artículo II (new Artículo 5(1))", "es") == "Artículo II (nuevo artículo 5.1)"
    assert cite_in("Article 1 (new Article 3(1))", "fr") == "Article 1 (nouvel article 3, alinéa 1)"
    assert cite_in("Article 3 (new Article 9)", "en") == "Article 3 (new Article 9)"


@pytest.mark.parametrize(
    ("location", "path"),
    [
        ("Article IV (new Article 5(2))", ("4", "5", "2")),
        ("Artículo II (nuevo artículo 5.1)", ("2", "5", "1")),
        ("Article 1 (nouvel article 3, alinéa 1)", ("1", "3", "1")),
    ],
)
def test_a_label_citing_the_amending_article_covers_its_new_wording(location, path):
    """Readers cite "Article IV (new Article 5(2))" or just "Article IV": both reach the block."""
    assert block_place(location).path == path
