"""The exported DOCX, opened with python-docx: the structure a drafter sees in Word."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from blma.drafting import draft


@pytest.fixture
def exported(draft_spec):
    draft_spec["protections"] = {"joint_committee": {"values": {"meeting_frequency": "four times a year"}}}
    result = draft(draft_spec)
    return result, Document(io.BytesIO(result.to_docx()))


def body_blocks(document):
    """Paragraphs and tables in document order."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def displayed_numbers(document) -> dict[int, str]:
    """The label Word shows before each numbered paragraph, keyed by paragraph index.

    python-docx does not compute list numbers, so this reads numbering.xml: each w:num has
    its own counter, started at its w:startOverride (or the level's w:start).
    """
    numbering = document.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    counters: dict[str, int] = {}
    labels = {}
    for index, paragraph in enumerate(document.paragraphs):
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            continue
        num_id = str(num_pr.numId.val)
        num = numbering.num_having_numId(int(num_id))
        level = abstracts[num.abstractNumId.get(qn("w:val"))].find(qn("w:lvl"))
        override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        start = int((override if override is not None else level.find(qn("w:start"))).get(qn("w:val")))
        counters[num_id] = counters.get(num_id, start - 1) + 1
        value = counters[num_id]
        shown = chr(ord("a") + value - 1) if level.find(qn("w:numFmt")).get(qn("w:val")) == "lowerLetter" else value
        labels[index] = level.find(qn("w:lvlText")).get(qn("w:val")).replace("%1", str(shown))
    return labels


def test_the_title_and_preamble_come_first(exported):
    result, document = exported
    first = document.paragraphs[0]
    assert first.style.name == "Title"
    assert first.text == result.title
    assert document.paragraphs[1].text == result.preamble[0]
    assert document.core_properties.title == result.title


def test_articles_are_numbered_headings_in_order(exported):
    result, document = exported
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"Article {a.number}\n{a.heading}" for a in result.articles]
    assert headings[0] == "Article 1\nPurpose and Scope"
    chapters = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert chapters[0] == "Chapter I\nGeneral Provisions"
    assert chapters[-2:] == [a.heading for a in result.annexes]


def test_paragraph_numbers_restart_in_every_article(exported):
    result, document = exported
    labels = displayed_numbers(document)
    paragraphs = document.paragraphs
    by_article: dict[str, list[str]] = {}
    current = None
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style.name == "Heading 2":
            current = paragraph.text.split("\n")[0]
            by_article[current] = []
        elif paragraph.style.name == "Heading 1":
            current = None
        elif current and index in labels:
            by_article[current].append(labels[index])
    for article in result.articles:
        shown = by_article[f"Article {article.number}"]
        if article.numbering == "paragraphs":
            assert shown == [f"({n})" for n in range(1, len(article.paragraphs) + 1)]
        elif article.numbering == "items":
            assert shown == [f"({chr(ord('a') + n)})" for n in range(len(article.paragraphs) - 1)]
        else:
            assert shown == []
    numbered = [p for i, p in enumerate(paragraphs) if i in labels]
    assert {p.style.name for p in numbered} == {"List Number"}


def test_clause_texts_appear_with_their_values_filled(exported):
    result, document = exported
    texts = [p.text for p in document.paragraphs]
    for article in result.articles:
        for paragraph in article.paragraphs:
            assert paragraph in texts
    assert any("at least four times a year" in t for t in texts)
    assert not any("{{" in t for t in texts)


def test_the_signature_table_follows_the_last_article(exported):
    result, document = exported
    blocks = list(body_blocks(document))
    last_article = max(i for i, b in enumerate(blocks)
                       if isinstance(b, Paragraph) and b.text.startswith(f"Article {result.articles[-1].number}\n"))
    first_table = next(i for i, b in enumerate(blocks) if isinstance(b, Table))
    assert first_table > last_article
    assert blocks[first_table - 1].text == result.signature.paragraphs[-1]
    cells = blocks[first_table].rows[0].cells
    assert cells[0].text.startswith("For the Government of\nthe Republic of Sundara")
    assert cells[1].text.startswith("For the Government of\nthe Kingdom of Valdoria")
    assert "Name:" in cells[0].text and "Title:" in cells[1].text


def test_annexes_follow_the_signature_on_new_pages_with_tables(exported):
    result, document = exported
    annex_headings = [p for p in document.paragraphs if p.text.startswith("Annex ")]
    assert [p.text for p in annex_headings] == ["Annex I\nMinimum Terms of the Employment Contract", "Annex II\nCompetent Authorities"]
    assert all(p.paragraph_format.page_break_before for p in annex_headings)
    contract, authorities = document.tables[1], document.tables[2]
    assert contract.style.name == "Table Grid"
    assert [c.text for c in contract.rows[0].cells] == ["Term", "Content of the contract", "Article"]
    rows = {r.cells[0].text: r.cells[2].text for r in contract.rows[1:]}
    assert rows["Recruitment costs"] == str(result.article("no_worker_fees").number)
    assert contract.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in authorities.rows[1].cells][:2] == ["Sundara", "Ministry of Overseas Employment"]


def test_the_footer_has_page_number_fields(exported):
    _, document = exported
    footer = document.sections[0].footer.paragraphs[0]
    instructions = [f.get(qn("w:instr")).strip() for f in footer._p.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Agreement between Sundara and Valdoria" in footer.text


def test_omitting_a_protection_renumbers_the_exported_articles(draft_spec):
    draft_spec["protections"] = {"no_worker_fees": {"clause": "omit", "reason": "Covered by national law"}}
    result = draft(draft_spec)
    document = Document(io.BytesIO(result.to_docx()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Recruitment Fees and Related Costs" not in "\n".join(headings)
    assert headings[3].startswith("Article 4\n")
    assert len(headings) == len(result.articles)


def test_an_mou_signs_for_the_authorities(draft_spec):
    draft_spec["style"] = "mou"  # between the ministries: the title and preamble name them, so they sign
    draft_spec["structural"] = {
        "title": "structural.title_mou_ministries", "preamble": "structural.preamble_mou_ministries"
    }
    document = Document(io.BytesIO(draft(draft_spec).to_docx()))
    assert document.paragraphs[0].text.startswith("Memorandum of Understanding")
    assert document.tables[0].rows[0].cells[0].text.startswith(
        "For the Ministry of Overseas Employment\nof the Republic of Sundara"
    )
    assert "Memorandum of Understanding between Sundara and Valdoria" in document.sections[0].footer.paragraphs[0].text
