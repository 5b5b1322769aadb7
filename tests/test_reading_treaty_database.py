"""Layouts of the Dutch treaty database (and texts copied from such databases) cited as a lawyer
cites them: the notes of an exchange numbered "Nr. I" / "Nr. II", numbers set out on a line of
their own ("###1", "1."), a protocol set out after the text it belongs to, and a schedule placed
between two articles. Every text below is written for the test."""

from __future__ import annotations

from tests.cited_locations import cite, read_md

NOTES = """### Nr. I

###MINISTRY OF FOREIGN AFFAIRS OF ALAND

###LINDHAVEN

The Hague, 3 May 1999. Your Excellency, I have the honour to propose the following agreement on the paid work of household members of diplomatic staff:

###1

Household members of the staff of either mission may take up paid work in the receiving State.

###2

####Definitions

For the purpose of this Agreement, household members are:

a) the spouse or registered partner;

b) unmarried children under the age of twenty-one.

###3

A household member in paid work is subject to the social security law of the receiving State.

If the foregoing is acceptable, this note and your reply shall constitute an agreement.

### Nr. II

###MINISTRY OF FOREIGN AFFAIRS OF BLAND

Excellency, I have the honour to accept the proposal set out in your note.
"""


def test_notes_numbered_by_the_database_are_notes_with_their_letterheads():
    doc = read_md(NOTES)
    assert cite(doc, "The Hague, 3 May 1999") == "Note I"
    assert [b.location for b in doc.blocks if b.text.startswith("MINISTRY OF FOREIGN AFFAIRS")] == [
        "Note I",
        "Note II",
    ]
    assert cite(doc, "Excellency, I have the honour to accept") == "Note II"
    assert doc.title == ""  # "Nr. I" and a letterhead are not the instrument's title


def test_numbers_set_out_alone_number_the_paragraphs_that_follow():
    doc = read_md(NOTES)
    assert cite(doc, "Household members of the staff") == "Note I, paragraph 1"
    assert cite(doc, "For the purpose of this Agreement") == "Note I, paragraph 2"
    assert cite(doc, "unmarried children") == "Note I, paragraph 2(b)"
    assert cite(doc, "A household member in paid work") == "Note I, paragraph 3"
    assert cite(doc, "If the foregoing is acceptable") == "Note I"
    headed = next(b for b in doc.blocks if b.text == "For the purpose of this Agreement, household members are:")
    assert headed.heading == "Definitions"  # the title on the line after the number


def test_a_number_alone_then_numbered_parts_nest_under_it():
    doc = read_md(
        "### Nr. I\n\nSir, I have the honour to propose the following:\n\n1.\n\n"
        "(1)The Government of Aland shall allow a health centre for seafarers.\n\n"
        "(2) The health centre shall examine seafarers before engagement.\n\n"
        "2.The health centre shall observe the laws of Aland.\n"
    )
    assert cite(doc, "The Government of Aland shall allow") == "Note I, paragraph 1(1)"
    assert cite(doc, "The health centre shall examine") == "Note I, paragraph 1(2)"
    assert cite(doc, "The health centre shall observe") == "Note I, paragraph 2"


def test_an_agreement_numbered_by_headings_with_titles_below():
    doc = read_md(
        "No. 12/99 The Embassy presents its compliments and proposes the following agreement.\n\n"
        "###1\n\n####Authorisation\n\nHousehold members may take up paid work.\n\n"
        "###2\n\n####Termination\n\nThe authorisation ends:\n\na) when the posting ends;\n\nb) when the work ends.\n"
    )
    assert cite(doc, "Household members may") == "Paragraph 1"
    assert cite(doc, "when the work ends") == "Paragraph 2(b)"
    assert next(b for b in doc.blocks if b.text.startswith("The authorisation ends")).heading == "Termination"


def test_a_number_alone_inside_an_article_is_its_paragraph_and_a_page_number_is_not():
    doc = read_md(
        "AGREEMENT ON SEASONAL WORK\n\n###Article 3\n\n1.\n\nThe employer shall pay wages monthly.\n\n"
        "2.\n\nWages shall be paid into a bank account.\n\n7\n\nNo deduction shall be made without consent.\n"
    )
    assert cite(doc, "The employer shall pay wages") == "Article 3(1)"
    assert cite(doc, "Wages shall be paid into") == "Article 3(2)"
    # "7" does not continue the series: it moves nothing
    assert [b.location for b in doc.blocks if "No deduction shall be made" in b.text] == ["Article 3(2)"]


def test_a_protocol_after_the_signatures_is_cited_within_it():
    doc = read_md(
        "CONVENTION ON SOCIAL SECURITY\n\n###Article 1\n\nThis Convention applies to employed persons.\n\n"
        "###Article 2\n\nEach Party shall pay benefits abroad.\n\n"
        "IN WITNESS WHEREOF the undersigned have signed this Convention.\n\n"
        "####Final Protocol\n\nOn signing the Convention the Parties agreed as follows:\n\n"
        "###1\n\nArticle 2 applies to pensions only.\n\n###2\n\nSickness benefits are paid where the person lives.\n\n"
        "####Protocol on mutual assistance\n\n###Article 1\n\nThe institutions shall verify claims together.\n"
    )
    assert cite(doc, "Each Party shall pay benefits") == "Article 2"
    assert cite(doc, "Article 2 applies to pensions") == "Final Protocol, paragraph 1"
    assert cite(doc, "Sickness benefits are paid") == "Final Protocol, paragraph 2"
    assert cite(doc, "The institutions shall verify") == "Protocol, Article 1"


def test_a_protocol_that_is_the_instrument_opens_no_protocol_within_it():
    doc = read_md(
        "PROTOCOL AMENDING THE AGREEMENT ON SEASONAL WORK\n\n###Article 1\n\n"
        "Article 5 of the Agreement shall be deleted.\n\n###Article 2\n\nThis Protocol enters into force on signature.\n"
    )
    assert cite(doc, "This Protocol enters into force") == "Article 2"


def test_a_schedule_set_between_two_articles_ends_at_the_next_article():
    doc = read_md(
        "CONVENTION ON MINIMUM STANDARDS\n\n###Article 67\n\nBenefits shall be paid periodically.\n\n"
        "### SCHEDULE TO PART XI\n\nPeriodical payments to standard beneficiaries\n\n"
        "###Article 68\n\n1. Non-national residents shall have the same rights as nationals.\n"
    )
    assert cite(doc, "Periodical payments to standard") == "Schedule"
    assert cite(doc, "Non-national residents shall") == "Article 68(1)"


def test_a_french_final_protocol_is_cited_in_french():
    doc = read_md(
        "CONVENTION DE SÉCURITÉ SOCIALE\n\n###Article 1\n\nLa présente Convention s'applique aux travailleurs salariés.\n\n"
        "####Protocole final\n\n###1\n\nLes pensions sont payées à l'étranger sans réduction.\n"
    )
    assert cite(doc, "Les pensions sont payées") == "Protocole Final, paragraphe 1"


def test_articles_numbered_within_roman_sections_keep_their_dotted_numbers():
    doc = read_md(
        "CONVENTION ON THE RECOGNITION OF QUALIFICATIONS\n\n### SECTION  III\n\n####BASIC PRINCIPLES\n\n"
        "### Article  III.1\n\n1. Holders of qualifications shall have their qualifications assessed.\n\n"
        "2. No one shall be refused assessment on grounds of origin.\n\n### Article  III.2\n\n"
        "Each Party shall make its procedures transparent.\n"
    )
    assert cite(doc, "No one shall be refused") == "Article III.1(2)"
    assert cite(doc, "Each Party shall make") == "Article III.2"


def test_a_maritime_code_is_cited_by_its_regulations_standards_and_guidelines():
    doc = read_md(
        "####Seafaring Labour Convention\n\n### Article  I\n\nEach Member shall give effect to this Convention.\n\n"
        "### Article  II\n\nThis Convention applies to all seafarers.\n\n"
        "####The Regulations and the Code\n\n### TITLE  1\n\n####MINIMUM REQUIREMENTS\n\n"
        "### Regulation  1.4\n\n####– Recruitment and placement\n\n"
        "1. Every seafarer shall have access to a free system for finding work on board.\n\n"
        "###Standard A1.4 – Recruitment and placement\n\n"
        "1. Each Member that runs a public placement service shall run it in an orderly way.\n\n"
        "2. Each Member shall:\n\n(a) forbid services from keeping lists that bar seafarers from work;\n\n"
        "###Guideline B1.4.1 – Organizational guidelines\n\n"
        "1. The competent authority should consult shipowners' and seafarers' organizations.\n"
    )
    assert cite(doc, "This Convention applies to all") == "Article II"
    assert cite(doc, "Every seafarer shall have access") == "Regulation 1.4(1)"
    assert cite(doc, "Each Member that runs a public") == "Standard A1.4(1)"
    assert cite(doc, "forbid services from keeping") == "Standard A1.4(2)(a)"
    assert cite(doc, "The competent authority should consult") == "Guideline B1.4.1(1)"


def test_the_recommendation_printed_after_a_convention_is_cited_by_its_paragraphs():
    doc = read_md(
        "####Convention concerning tripartite consultations\n\n### Article  1\n\n"
        "Each Member shall consult employers and workers.\n\n"
        "### Article  2\n\nThe English and French texts are equally authoritative.\n\n"
        "### Recommendation  152\n\n####Recommendation concerning tripartite consultations\n\n"
        "The General Conference adopts the following Recommendation.\n\n###1\n\n"
        "(1) Consultations should be held at least once a year.\n\n(2) Records should be kept.\n\n"
        "###2\n\nThe costs of training should be met by the State.\n"
    )
    assert cite(doc, "Each Member shall consult") == "Article 1"
    assert cite(doc, "Consultations should be held") == "Recommendation 152, paragraph 1(1)"
    assert cite(doc, "Records should be kept") == "Recommendation 152, paragraph 1(2)"
    assert cite(doc, "The costs of training") == "Recommendation 152, paragraph 2"


def test_an_act_that_schedules_an_agreement_cites_its_own_sections():
    doc = read_md(
        "LABOUR AGREEMENT (APPROVAL) ACT\n\nAn Act to approve the Agreement set out in the Schedule.\n\n"
        "1. Short title\n\nThis Act may be cited as the Labour Agreement (Approval) Act.\n\n"
        "2. Offences\n\n(1) Any person who charges a worker a fee commits an offence.\n\n"
        "(2) Subsection (1) applies to agents outside the country as well.\n\n"
        "(3) Proceedings under this section require the consent of the Attorney General.\n"
    )
    assert cite(doc, "Any person who charges a worker") == "Section 2(1)"
    assert cite(doc, "Subsection (1) applies") == "Section 2(2)"
