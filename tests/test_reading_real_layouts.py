"""The reader cites real government layouts as a lawyer would: "Article 6(1)(a)(i)",
"Annex II, Article 6", "Clause 14(b)", "Paragraph 4.3", "Note II, paragraph 2".

The first part reads the ILO conventions (and, for layout only, the French and Dutch
agreements) as the Dutch treaty database publishes them in Markdown; those texts are kept as
fixtures in tests/data/real/ with their source. The second part writes short texts
in the other layouts met in practice: "Art. 7", "ARTICLE VII", headings in capitals, clause
numbers in standard contracts, annexes with their own articles, exchanges of notes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from blma.reading import AgreementText, read_bytes, read_path
from tests.cited_locations import cite, cited, read_md

REAL_DEV = Path(__file__).parent / "data" / "real"  # public treaty texts kept as fixtures (see its README)


@pytest.fixture(scope="module")
def real():
    def read(name: str) -> AgreementText:
        return read_path(REAL_DEV / name)

    return read


# -- the ILO conventions, as the treaty database writes them ("###Article 6", "(a)text") -------------
@pytest.mark.parametrize(
    ("start", "location"),
    [
        ("information on national policies", "Article 1(a)"),
        ("For this purpose it will where appropriate act", "Article 3(2)"),
        ("remuneration, including family allowances", "Article 6(1)(a)(i)"),
        ("membership of trade unions", "Article 6(1)(a)(ii)"),
        ("accommodation;", "Article 6(1)(a)(iii)"),
        ("social security (that is to say", "Article 6(1)(b)"),
        ("national laws or regulations of immigration countries", "Article 6(1)(b)(ii)"),
        ("legal proceedings relating to the matters", "Article 6(1)(d)"),
        ("In the case of a federal State", "Article 6(2)"),
        ("seamen.", "Article 11(2)(c)"),
        ("The English and French versions", "Article 23"),
    ],
)
def test_c97_articles_paragraphs_and_nested_items(real, start, location):
    assert cite(real("ilo_c97_1949_en.md"), start) == location


@pytest.mark.parametrize(
    ("start", "locations"),
    [
        ("This Annex applies to migrants for employment who are recruited otherwise", ["Annex I, Article 1"]),
        (
            "the giving of an undertaking to a person",
            ["Annex I, Article 2(a)(ii)", "Annex II, Article 2(a)(ii)"],
        ),
        ("The administrative costs of recruitment, introduction and placing", ["Annex II, Article 4(2)"]),
        (
            "that a copy of the contract of employment shall be delivered",
            ["Annex I, Article 5(1)(a)", "Annex II, Article 6(1)(a)"],
        ),
        ("permission for the liquidation and transfer", ["Annex II, Article 7(1)(e)"]),
        ("Personal effects belonging to recruited migrants", ["Annex III, Article 1(1)"]),
    ],
)
def test_c97_annex_articles_are_cited_within_their_annex(real, start, locations):
    assert cited(real("ilo_c97_1949_en.md"), start) == locations


def test_c97_title_preamble_and_annex_titles(real):
    doc = real("ilo_c97_1949_en.md")
    assert doc.title.endswith("Convention concerning Migration for Employment (Revised 1949)")
    assert "###" not in doc.full_text
    opening = next(b for b in doc.blocks if b.text.startswith("The General Conference"))
    assert (opening.kind, opening.location) == ("preamble", "Preamble")
    assert not [b.location for b in doc.blocks if b.location.startswith("Paragraph")]
    # an annex's own title is its heading, not part of its citations
    annex_title = next(b for b in doc.blocks if b.text.startswith("Importation of the personal effects"))
    assert (annex_title.kind, annex_title.location) == ("heading", "Annex III")
    assert {b.location for b in doc.blocks if b.annex == "Annex III"} == {
        "Annex III",
        "Annex III, Article 1",
        "Annex III, Article 1(1)",
        "Annex III, Article 1(2)",
        "Annex III, Article 2",
        "Annex III, Article 2(1)",
        "Annex III, Article 2(2)",
    }


@pytest.mark.parametrize(
    ("start", "location"),
    [
        ("the term domestic work means", "Article 1(a)"),
        ("limited categories of workers in respect of which", "Article 2(2)(b)"),
        ("the elimination of all forms of forced or compulsory labour", "Article 3(2)(b)"),
        ("the period of probation or trial period", "Article 7(i)"),  # (h) then (i): a letter
        ("terms and conditions relating to the termination", "Article 7(k)"),
        ("are entitled to keep in their possession their travel and identity documents", "Article 9(c)"),
        ("Weekly rest shall be at least 24 consecutive hours.", "Article 10(2)"),
        ("Domestic workers shall be paid directly in cash", "Article 12(1)"),
        ("take measures to ensure that fees charged by private employment agencies", "Article 15(1)(e)"),
    ],
)
def test_c189_articles_paragraphs_and_items(real, start, location):
    assert cite(real("ilo_c189_2011_en.md"), start) == location


def test_c189_title_and_a_preamble_heading_run_into_its_text(real):
    doc = real("ilo_c189_2011_en.md")
    assert doc.title == "Convention concerning decent work for domestic workers"
    opening = next(b for b in doc.blocks if b.text.startswith("The General Conference"))
    assert (opening.kind, opening.location) == ("preamble", "Preamble")


def test_recitals_glued_together_by_a_lost_line_break_are_read_one_by_one():
    """Treaty databases often lose the breaks between recitals ("..., andNoting the terms ..."):
    each recital is then its own block, so a preamble is not one run-on sentence."""
    doc = read_md(
        "# Convention concerning Harvest Hours\n\n"
        "The General Conference of the Organisation,Having met in its Ninetieth Session, andNoting the "
        "terms of the Placement of Pickers Convention, 1931, andConsidering that hours at harvest need "
        "limits, adopts the following Convention:\n\n"
        "## Article 1\n\nHours shall not exceed eight a day.\n"
    )
    preamble = [b.text for b in doc.blocks if b.location == "Preamble"]
    assert preamble == [
        "The General Conference of the Organisation,",
        "Having met in its Ninetieth Session, and",
        "Noting the terms of the Placement of Pickers Convention, 1931, and",
        "Considering that hours at harvest need limits, adopts the following Convention:",
    ]
    assert cite(doc, "Hours shall not exceed") == "Article 1"
    assert [b.text for b in read_md("# T\n\nThe Parties, Noting that workers move,\n").blocks][-1] == (
        "The Parties, Noting that workers move,"  # a recital after a space was never glued: left whole
    )


@pytest.mark.parametrize(
    ("start", "locations"),
    [
        ("Le recrutement sera effectué parmi les ouvriers", ["Annexe, Article 2"]),
        # the main text is French, so places are cited as French texts cite them (issue 10)
        ("mettre à disposition des locaux convenables pour l'examen", ["Annexe, Article 3, alinéa 1"]),  # "1— ..."
        ("s'ils rompent leur contrat", ["Annexe, Article 10, g)"]),  # "g)s'ils ..."
        ("Au cas où les ayants-droit résident en Italie", ["Note I, paragraphe 2", "Note II, paragraphe 2"]),
        ("De Italiaanse regering en de Koninklijke", ["Artikel 1"]),
        ("Indien zij lijden aan een chronische ziekte", ["Bijlage, Artikel 10(e)"]),  # "e)Indien"
        ("In geval de rechthebbenden in Italië", ["Note I, paragraphe 2", "Note II, paragraphe 2"]),
    ],
)
def test_an_arrangement_with_annex_and_exchange_of_notes_in_two_languages(real, start, locations):
    assert cited(real("nl_italy_coalmines_1948.md"), start) == locations


def test_a_second_language_version_begins_with_its_own_preamble(real):
    doc = real("nl_italy_1960.md")
    # "Article 1er", cited as a French reader cites it, though the Dutch version is the longer text
    assert cite(doc, "Le recrutement de travailleurs italiens") == "Article 1, alinéa 1"
    dutch = next(b for b in doc.blocks if b.text.startswith("De Regering van het Koninkrijk"))
    assert (dutch.kind, dutch.location) == ("preamble", "Preamble")
    assert cite(doc, "De aanwerving van Italiaanse arbeiders") == "Artikel 1(1)"


# -- article headings in the layouts met in practice --------------------------------------------------
BODY = "1. Wages shall be paid monthly.\n\n2. No deduction shall be made for recruitment costs.\n"


@pytest.mark.parametrize(
    ("heading", "name", "location"),
    [
        ("### Article 7", "a.md", "Article 7(2)"),
        ("## Article 7", "a.md", "Article 7(2)"),
        ("###Article 7", "a.md", "Article 7(2)"),
        ("### Article  7  ", "a.md", "Article 7(2)"),
        ("**Article 7**", "a.md", "Article 7(2)"),
        ("**Article 7 - Wages**", "a.md", "Article 7(2)"),
        ("Art. 7", "a.txt", "Article 7(2)"),
        ("Article 7\nWages", "a.txt", "Article 7(2)"),
        ("ARTICLE VII", "a.txt", "Article VII(2)"),
        ("ARTICLE VII\nWAGES", "a.txt", "Article VII(2)"),
        ("Article 7 — Wages", "a.txt", "Article 7(2)"),
        ("Article 1er", "a.txt", "Article 1(2)"),
    ],
)
def test_article_headings_written_many_ways_are_cited_one_way(heading, name, location):
    doc = read_md(f"The Parties have agreed as follows:\n\n{heading}\n\n{BODY}", name)
    assert cite(doc, "No deduction shall be made") == location


def test_a_heading_on_the_line_after_the_article_number_is_its_heading():
    doc = read_md("ARTICLE VII\nWAGES\n\n(1) Wages shall be paid monthly.\n", "a.txt")
    block = next(b for b in doc.blocks if b.text == "Wages shall be paid monthly.")
    assert (block.location, block.unit, block.heading) == ("Article VII(1)", "Article VII", "WAGES")


def test_an_article_number_followed_by_its_sentence_is_text_not_a_heading():
    doc = read_md(
        "Art. 3. No fee shall be charged to workers.\n\nClause 4.3 The cost of return is dealt with below.\n"
    )
    assert [(b.kind, b.location, b.text) for b in doc.blocks] == [
        ("paragraph", "Article 3", "No fee shall be charged to workers."),
        ("paragraph", "Clause 4.3", "The cost of return is dealt with below."),
    ]


CAPITALS = """AGREEMENT BETWEEN ALAND AND BLAND ON LABOUR MIGRATION

The Parties have agreed as follows:

PART I. GENERAL PROVISIONS

ARTICLE I
SCOPE

This Agreement applies to workers of either Party.

PART II. EMPLOYMENT

ARTICLE II
WAGES

(1) Wages shall be paid monthly.

(2) Wages shall be paid in full, and:

(a) in cash or by bank transfer;

(b) without deductions other than those allowed by law, namely:

(i) income tax;

(ii) social security contributions.

CHAPTER III

RECRUITMENT AND PLACEMENT

Article 3

No fee shall be charged to workers.
"""


def test_parts_and_chapters_in_capitals_head_articles_that_keep_their_own_numbers():
    doc = read_md(CAPITALS, "agreement.txt")
    headings = [(b.location, b.text) for b in doc.blocks if b.kind == "heading" and not b.unit]
    assert headings == [
        ("Part I", "PART I. GENERAL PROVISIONS"),
        ("Part II", "PART II. EMPLOYMENT"),
        ("Chapter III", "CHAPTER III"),
        ("Chapter III", "RECRUITMENT AND PLACEMENT"),
    ]
    assert cite(doc, "This Agreement applies") == "Article I"
    assert cite(doc, "in cash or by bank transfer") == "Article II(2)(a)"
    assert cite(doc, "social security contributions") == "Article II(2)(b)(ii)"
    assert cite(doc, "No fee shall be charged") == "Article 3"
    assert next(b for b in doc.blocks if b.text.startswith("No fee")).heading == ""


def test_a_chapter_heading_between_articles_belongs_to_neither():
    doc = read_md(
        "### Article 3\n\n1. The Ministry shall publish vacancies.\n\n#### Recruitment and placement\n\n"
        "### Article 4\n\n1. No fee shall be charged.\n"
    )
    chapter = next(b for b in doc.blocks if b.text == "Recruitment and placement")
    assert (chapter.kind, chapter.location, chapter.unit) == ("heading", "Recruitment and placement", "")
    assert {b.heading for b in doc.blocks if b.unit == "Article 3"} == {""}


# -- numbered paragraphs and clauses ------------------------------------------------------------------
CONTRACT = """STANDARD EMPLOYMENT CONTRACT FOR DOMESTIC WORKERS

This contract is made between the Employer and the Worker named below, in accordance with clause 14.

1. DEFINITIONS

1.1 "Employer" means the person named in Schedule A.

4. WAGES

4.1 The Employer shall pay the Worker a monthly wage.

4.3 The Employer shall not deduct any amount from the wage for recruitment costs.

14. TERMINATION

14(a) Either party may terminate this contract by giving one month's notice.

14(b) The Employer shall pay the Worker's return ticket at the end of the contract.

15. The Worker shall keep his or her passport, as clauses 4.3 and 14(b) provide.
"""


def test_a_standard_contract_that_speaks_of_clauses_is_cited_by_clause():
    doc = read_md(CONTRACT, "contract.txt")
    assert cite(doc, '"Employer" means') == "Clause 1.1"
    deduction = next(b for b in doc.blocks if b.text.startswith("The Employer shall not deduct"))
    assert (deduction.location, deduction.unit) == (
        "Clause 4.3",
        "Clause 4",
    )  # read with the rest of clause 4
    assert cite(doc, "Either party may terminate") == "Clause 14(a)"
    assert cite(doc, "The Employer shall pay the Worker's return ticket") == "Clause 14(b)"
    passport = next(b for b in doc.blocks if b.text.startswith("The Worker shall keep"))
    assert (passport.location, passport.heading) == ("Clause 15", "")


def test_dotted_numbers_in_a_text_that_speaks_of_paragraphs_are_paragraphs():
    doc = read_md(
        "MEMORANDUM OF UNDERSTANDING ON HOSPITALITY WORKERS\n\n4. WAGES\n\n4.1 Employers will pay wages monthly.\n\n"
        "4.3 No deduction will be made from wages for recruitment costs, including:\n\n(a) visa fees;\n\n"
        "(b) air fares.\n\n5. Workers will keep their passports, as paragraph 4.3 provides.\n",
        "mou.txt",
    )
    assert cite(doc, "No deduction will be made") == "Paragraph 4.3"
    assert cite(doc, "air fares") == "Paragraph 4.3(b)"
    assert cite(doc, "Workers will keep their passports") == "Paragraph 5"


def test_an_instrument_numbered_by_paragraphs_cites_each_paragraph_by_its_number():
    paragraphs = "\n\n".join(f"{n}. Paragraph text number {n} of the arrangement." for n in range(1, 9))
    doc = read_md(
        f"# IMPLEMENTING ARRANGEMENT\n\n{paragraphs}\n\n(a) an item of paragraph eight.\n\n"
        "9. The Participants will meet each year.\n"
    )
    assert cite(doc, "Paragraph text number 7 ") == "Paragraph 7"
    assert cite(doc, "an item of paragraph eight") == "Paragraph 8(a)"
    assert cite(doc, "The Participants will meet") == "Paragraph 9"


def test_paragraph_numbers_that_run_on_under_headings_are_the_documents():
    doc = read_md(
        "# Memorandum of Understanding on Care Workers\n\nThe Participants have come to the following understanding.\n\n"
        "## Recruitment\n\n1. Recruitment will be carried out by public agencies only.\n\n"
        "2. No worker will pay a recruitment fee.\n\n## Wages\n\n3. Wages will be paid monthly:\n\n"
        "(a) by bank transfer;\n\n(b) in full.\n"
    )
    fee = next(b for b in doc.blocks if b.text.startswith("No worker will pay"))
    # cited by its own number; read with the other paragraphs of its section
    assert (fee.location, fee.unit, fee.heading) == ("Paragraph 2", "Recruitment", "Recruitment")
    assert cite(doc, "in full") == "Paragraph 3(b)"


def test_paragraph_numbers_that_restart_under_each_heading_are_cited_with_the_heading():
    doc = read_md(
        "# Memorandum of Understanding on Care Workers\n\nThe Participants have come to the following understanding.\n\n"
        "## Recruitment\n\n1. Recruitment will be carried out by public agencies only.\n\n"
        "2. No worker will pay a recruitment fee.\n\n## Wages\n\n1. Wages will be paid monthly.\n"
    )
    assert cite(doc, "No worker will pay") == "Recruitment, paragraph 2"
    assert cite(doc, "Wages will be paid monthly") == "Wages, paragraph 1"


def test_a_clause_heading_in_word_with_lettered_paragraphs():
    document = Document()
    document.add_paragraph("Standard Employment Contract", style="Title")
    document.add_paragraph().add_run("Clause 14 — Termination").bold = True
    document.add_paragraph("(a) Either party may end this contract with one month's notice.")
    document.add_paragraph("(b) The Employer shall pay the return ticket.")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_bytes("contract.docx", buffer.getvalue())
    ticket = next(b for b in doc.blocks if b.text == "The Employer shall pay the return ticket.")
    assert (ticket.location, ticket.heading) == ("Clause 14(b)", "Termination")


# -- annexes ---------------------------------------------------------------------------------------
def test_an_annex_with_its_own_articles_and_a_title_line():
    doc = read_md(
        "## Article 6\n\n1. The employer shall provide accommodation.\n\n## Annex II\n\n"
        "#### Model contract for domestic workers\n\n### Article 6\n\n1. The employer shall provide a private room.\n\n"
        "2. The employer shall provide food.\n\n## Annex III\n\nStandard terms\n\n1. The wage is paid monthly.\n\n"
        "2. The worker keeps the passport.\n"
    )
    assert cite(doc, "The employer shall provide accommodation") == "Article 6(1)"
    assert cite(doc, "The employer shall provide food") == "Annex II, Article 6(2)"
    title = next(b for b in doc.blocks if b.text == "Model contract for domestic workers")
    assert (title.kind, title.location) == ("heading", "Annex II")
    passport = next(b for b in doc.blocks if b.text.startswith("The worker keeps the passport"))
    # cited by its number; read together with the rest of the annex's text, under its title
    assert (passport.location, passport.unit, passport.heading) == (
        "Annex III, paragraph 2",
        "Standard terms",
        "Standard terms",
    )


# -- exchanges of notes and letters ---------------------------------------------------------------
NOTES = """EXCHANGE OF NOTES CONSTITUTING AN AGREEMENT BETWEEN THE GOVERNMENT OF ALAND AND THE GOVERNMENT OF BLAND CONCERNING SEASONAL WORKERS

I

The Ambassador of Aland to the Minister for Foreign Affairs of Bland

Sir,

I have the honour to refer to the recent discussions between our two Governments and to propose the following Arrangement:

ARRANGEMENT ON SEASONAL WORKERS

Article 1
Scope

This Arrangement applies to nationals of Aland employed in agriculture in Bland.

Article 2
Wages

1. Workers shall be paid not less than the minimum wage of Bland.

2. No fee shall be charged to a worker for recruitment.

If the foregoing is acceptable to the Government of Bland, I have the honour to propose that this Note and your reply shall constitute an agreement between our two Governments.

II

The Minister for Foreign Affairs of Bland to the Ambassador of Aland

Sir,

I have the honour to acknowledge receipt of your Note of today's date, which reads as follows:

Sir, I have the honour to refer to the recent discussions between our two Governments.

I have the honour to confirm that the foregoing Arrangement is acceptable to the Government of Bland.
"""


def test_an_exchange_of_notes_cites_the_notes_and_the_arrangement_they_enclose():
    doc = read_md(NOTES, "notes.txt")
    assert doc.title.startswith("EXCHANGE OF NOTES")
    assert (
        cite(doc, "I have the honour to refer to the recent discussions between our two Governments and")
        == "Note I"
    )
    assert cite(doc, "No fee shall be charged") == "Article 2(2)"
    assert cite(doc, "If the foregoing is acceptable") == "Note I"
    # the reply quotes the first note ("Sir, ...") without becoming a third note
    assert cite(doc, "Sir, I have the honour to refer") == "Note II"
    assert cite(doc, "I have the honour to confirm") == "Note II"
    assert {b.annex for b in doc.blocks} == {""}  # letters are not annexes


LETTERS = """EXCHANGE OF LETTERS ON THE TEMPORARY EMPLOYMENT OF WORKERS

I. Letter from the Minister of Labour of Aland

Lindhaven, 4 March

Excellency,

I have the honour to propose, on behalf of the Government of Aland, the following arrangement:

(1) Each worker shall be given a written contract of employment.

(2) The employer shall bear all costs of engagement.

(a) including the visa;

(b) including travel.

If the foregoing proposals are acceptable, this letter and your reply shall constitute an arrangement.

II. Reply from the Minister of Foreign Affairs of Bland

Excellency,

I have the honour to confirm that the proposals set out in your letter are acceptable.
"""


def test_an_exchange_of_letters_cites_each_letter_and_its_numbered_paragraphs():
    doc = read_md(LETTERS, "letters.txt")
    assert cite(doc, "Lindhaven, 4 March") == "Letter I"
    assert cite(doc, "The employer shall bear all costs") == "Letter I, paragraph 2"
    assert cite(doc, "including travel") == "Letter I, paragraph 2(b)"
    assert cite(doc, "If the foregoing proposals") == "Letter I"
    assert cite(doc, "I have the honour to confirm") == "Letter II"
    assert doc.units == ["Letter I", "Letter I, paragraph 1", "Letter I, paragraph 2", "Letter II"]


def test_a_covering_letter_without_a_heading_is_opened_by_its_salutation():
    doc = read_md(
        "Sir,\n\nI have the honour to propose the following:\n\n1. Workers shall keep their passports.\n\n"
        "2. Employers shall pay the return ticket.\n\nExcellency,\n\nI have the honour to accept your proposal.\n",
        "note.txt",
    )
    assert cite(doc, "Employers shall pay the return ticket") == "Note I, paragraph 2"
    assert cite(doc, "I have the honour to accept") == "Note II"


# -- labels as printed -----------------------------------------------------------------------------
def test_item_labels_written_without_a_space_or_led_by_a_dash():
    doc = read_md(
        "Article 3\n\nThe Authorities shall:\n\n(a)information on policies;\n\nb)information on laws;\n\n"
        "1 — provide rooms for the medical examination;\n\n2)— provide a laboratory;\n",
        "a.txt",
    )
    assert cite(doc, "information on policies") == "Article 3(a)"
    assert cite(doc, "information on laws") == "Article 3(b)"
    assert cite(doc, "provide rooms") == "Article 3(1)"
    assert cite(doc, "provide a laboratory") == "Article 3(2)"


def test_roman_items_go_one_level_under_letters_but_i_after_h_is_a_letter():
    letters = "\n\n".join(f"({c}) item {c};" for c in "abcdefgh")
    doc = read_md(
        f"Article 1\n\n1. The contract shall state:\n\n{letters}\n\n(i) item i;\n\n"
        "2. The worker shall be told:\n\n(a) the wage, including:\n\n(i) overtime;\n\n(ii) allowances;\n\n"
        "(b) the hours.\n\n3. Deductions are limited to:\n\n(i) taxes;\n\n(ii) contributions.\n",
        "a.txt",
    )
    assert cite(doc, "item i;") == "Article 1(1)(i)"
    assert cite(doc, "allowances") == "Article 1(2)(a)(ii)"
    assert cite(doc, "the hours") == "Article 1(2)(b)"
    assert cite(doc, "contributions") == "Article 1(3)(ii)"


def test_markdown_leftovers_are_not_text_and_a_rule_ends_the_title():
    doc = read_md(
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
        "# Memorandum of Understanding on Care Workers\n\n**between Aland and Bland**\n\n---\n\n"
        "### Background\n\nThe population is ageing.\n\n### Article 1\n\nWorkers shall keep their passports.\n"
    )
    assert doc.title == "Memorandum of Understanding on Care Workers between Aland and Bland"
    assert "meta" not in doc.full_text and "---" not in doc.full_text
    assert cite(doc, "The population is ageing.") == "Preamble"


def test_translated_layouts_number_articles_in_brackets_and_their_parts_as_items_and_points():
    doc = read_md(
        "# Memorandum of Understanding between A and B\n\nHave agreed as follows:\n\n"
        "## Article (6): Obligations of the Sponsor\n\nThe sponsor shall be obliged with the following:\n\n"
        "Item 1: To pay the wage every month.\n\nItem 4: To keep the passport of the labourer.\n\n"
        "## Item 5: Wages\n\nPoint 5.1: The wage is fixed by the contract.\n\nPoint 5.2: It is paid monthly.\n\n"
        "POINT 6. COSTS\n\n6.1 The employer bears the costs.\n"
    )
    expected = {
        "The sponsor shall be obliged": "Article 6",  # the lead-in is the article's, not preamble
        "To pay the wage": "Article 6(1)",
        "To keep the passport": "Article 6(4)",
        "The wage is fixed": "Point 5.1",
        "It is paid monthly": "Point 5.2",
        "The employer bears": "Point 6.1",
    }
    assert {start: cite(doc, start) for start in expected} == expected
    assert not [b for b in doc.blocks if b.kind == "preamble" and b.text.startswith("The sponsor")]



# -- the operational layer: standard operating procedures and circulars typed in plain text ---------
SOP = """STANDARD OPERATING PROCEDURES FOR THE DEPLOYMENT OF CARE WORKERS

STEP 3 - COSTS

3.1 The employer bears the costs of the visa, the work permit and the medical examination.

3.2 Any other cost is borne by the agency that incurs it.

STEP 4 - CONTRACT

4.1 The worker signs the standard contract before departure.
"""


def test_steps_of_a_procedure_are_cited_as_steps():
    doc = read_md(SOP, "sop.txt")
    assert cite(doc, "Any other cost") == "Step 3.2"
    assert cite(doc, "The worker signs the standard contract") == "Step 4.1"
    lettered = read_md(
        "IMPLEMENTING PROTOCOL\n\nPROCEDURE A - REGISTRATION\n\nStep A.1. The employer applies for registration.\n\n"
        "Step A.2. The Office registers the employer within ten days.\n",
        "protocol.txt",
    )
    assert cite(lettered, "The Office registers") == "Step A.2"
    manual = read_md(
        "# Joint Operational Manual\n\n## 5. Phase 1 - Selection\n\n**Step 1.3.** Selection is carried out only by the "
        "public employment agency.\n\n**Step 1.4.** The agency runs an interview.\n"
    )
    assert cite(manual, "Selection is carried out") == "Step 1.3"


def test_lines_set_out_in_columns_are_read_one_by_one():
    doc = read_md(
        "JOINT CIRCULAR No. 3\n\n2. ABBREVIATIONS\n\nBW     Worker recruited under this Circular\n"
        "PRA    Private recruitment agency licensed by the Bureau\nSC     Subcontractor\n",
        "circular.txt",
    )
    texts = [b.text for b in doc.blocks]
    assert "BW Worker recruited under this Circular" in texts
    assert "PRA Private recruitment agency licensed by the Bureau" in texts
    grid = read_md("ANNEX B\n\n| 5  | Air ticket      | Advanced by the employer; recovered |\n|    |                 | in six deductions |\n", "annex.txt")
    assert len([b for b in grid.blocks if "recovered" in b.text or "six deductions" in b.text]) == 1  # a grid's rows stay whole
