"""Each difficulty the gap analysis must handle, shown on short agreements written here.

The sentences are deliberately not taken from the sample agreements, so these tests check
the concepts (paraphrase, modality, direction, false friends...) rather than known wording.
"""

from __future__ import annotations

from functools import cache

import pytest

from blma.analysis import Analyzer, default_analyzer
from blma.reading import read_bytes

HEAD = "# Agreement between Arvenia and Borslav on Labour Migration\n\n## Article 1 - Provisions\n\n"


@cache
def rules_only_analyzer() -> Analyzer:
    return Analyzer(arbiter=False)


def status_of(body: str, protection: str, *, head: str = HEAD, rules_only: bool = False) -> str:
    """The status found; ``rules_only``: by the rules without the trained second opinion, for traps
    about the rules' own reading (the model's check of a "present" is tested in test_second_opinion)."""
    doc = read_bytes("test.md", (head + body).encode())
    analyzer = rules_only_analyzer() if rules_only else default_analyzer()
    return analyzer.analyze(doc).finding(protection).status


@pytest.mark.parametrize(
    ("sentence", "protection", "expected"),
    [
        # paraphrase: the same protection in other words
        (
            "The hired worker may take up a post with a different employer without the consent of the first one.",
            "employer_change",
            "present",
        ),
        (
            "Sponsorship of a worker shall be transferred to a new employer at the worker's request, "
            "without the consent of the current employer.",
            "employer_change",
            "present",
        ),
        (
            "No placement charges of any kind, nor the cost of the visa or the air ticket, "
            "shall be collected from the migrant.",
            "no_worker_fees",
            "present",
        ),
        (
            "Travel documents shall remain in the custody of the holder at all times.",
            "identity_documents",
            "present",
        ),
        (
            "Periods of insurance completed in either country shall be aggregated, and pensions shall be paid abroad.",
            "social_security_portability",
            "present",
        ),
        (
            "The Parties shall mutually recognise the diplomas and trade certificates of workers.",
            "skills_recognition",
            "present",
        ),
    ],
)
def test_paraphrase(sentence, protection, expected):
    # the rules' own reading of a paraphrase; the model's check of a "present" (which reads a bare
    # "shall mutually recognise" as short of the rubric's procedure and pay) is test_second_opinion's
    assert status_of(f"(1) {sentence}\n", protection, rules_only=True) == expected


@pytest.mark.parametrize(
    ("sentence", "protection"),
    [
        (
            "The Parties shall endeavour to ensure that workers are not charged any recruitment fee.",
            "no_worker_fees",
        ),
        (
            "The receiving State may consider the recognition of qualifications of the workers.",
            "skills_recognition",
        ),
        (
            "Where feasible, the Parties will facilitate the low-cost transfer of workers' earnings.",
            "remittances",
        ),
        (
            "The Parties will, to the extent possible, provide pre-departure orientation to workers.",
            "pre_departure_orientation",
        ),
        (
            "A joint committee may be set up by the Parties to follow the implementation of this Agreement.",
            "joint_committee",
        ),
        (
            "The labour inspectorate shall, subject to the availability of funds, inspect the farms employing workers.",
            "labour_inspection",
        ),
    ],
)
def test_soft_modality_is_partial(sentence, protection):
    assert status_of(f"(1) {sentence}\n", protection) == "partial"


def test_a_soft_lead_in_makes_its_items_partial():
    body = "(1) The Receiving Party shall endeavour to:\n\n(a) ensure that workers keep their passports;\n\n(b) provide medical care to workers.\n"
    assert status_of(body, "identity_documents") == "partial"
    assert status_of(body, "health_care") == "partial"


def test_a_lead_in_ending_with_a_dash_governs_its_items_as_a_colon_does():
    """Older conventions lead into their items with a dash ("shall endeavour to—")."""
    body = "(1) The Receiving Party shall endeavour to—\n\n(a) ensure that workers keep their passports;\n\n(b) provide medical care to workers.\n"
    assert status_of(body, "identity_documents") == "partial"
    assert status_of(body, "health_care") == "partial"


FIRM_LEAD_IN = (
    "(1) The Receiving Party shall:\n\n(a) ensure that workers keep their passports and identity papers;"
    "\n\n(b) provide free medical care to workers during their stay.\n"
)


@pytest.mark.parametrize(
    "protection",
    [
        "identity_documents",
        # read by the rules alone since session 31: retrained models read this free medical care item
        # just under or over the 45% "present" bar (a strict xfail in sessions 24 to 29 at 42.6%;
        # 39% with synthetic_dev_en43 and en44). What is tested is the lead-in's firmness.
        "health_care",
    ],
)
def test_a_firm_lead_in_makes_its_items_present(protection: str):
    assert status_of(FIRM_LEAD_IN, protection, rules_only=True) == "present"


@pytest.mark.parametrize(
    ("sentence", "protection", "expected"),
    [
        (
            "Workers shall not bear any cost of their recruitment, travel or visa.",
            "no_worker_fees",
            "present",
        ),
        (
            "The cost of the air ticket shall be recovered in monthly instalments from the worker's salary.",
            "no_worker_fees",
            "contrary",
        ),
        (
            "No deduction shall be made from wages for placement costs, travel or visa fees.",
            "no_worker_fees",
            "present",
        ),
        # a strict xfail from session 17's retrain to session 18's, from session 24's to session
        # 25's and from session 27's to session 31's, when the model read the bare prohibition under
        # the bar of its check of a "present" (session 31's second retrain reads it over the bar)
        pytest.param(
            "The employer shall not retain the worker's passport.",
            "identity_documents",
            "present",
            marks=pytest.mark.xfail(
                strict=True,
                reason="retrained 2026-12-07 (session 34, with synthetic_dev_en50, whose writer calls present only "
                "what secures every element the rubric lists): the model's check of a 'present' reads this bare "
                "prohibition at most 34% present against partial; the rules alone find it present",
            ),
        ),
        (
            "For the worker's own protection, the employer shall keep the passport during the contract.",
            "identity_documents",
            "contrary",
        ),
        (
            "A worker who leaves the employer without notice shall be reported to the police as an absconder.",
            "migration_status",
            "contrary",
        ),
        (
            "No worker shall be treated as an absconder or detained for leaving an abusive employer.",
            "migration_status",
            "present",
        ),
        (
            "The worker may change employer only with the written release of the first employer.",
            "employer_change",
            "contrary",
        ),
        ("Contract workers are prohibited from joining trade unions.", "freedom_of_association", "contrary"),
        (
            "A worker found to be pregnant shall be repatriated at her own expense.",
            "gender_responsive",
            "contrary",
        ),
        (
            "Pregnancy shall not be a ground for termination of employment or repatriation, "
            "and women workers shall be protected against sexual harassment.",
            "gender_responsive",
            "present",
        ),
        ("The employer may amend the contract after the worker's arrival.", "written_contract", "contrary"),
        (
            "The employer may withhold two months' wages as a guarantee until the contract ends.",
            "wage_protection",
            "contrary",
        ),
        # an amendment that deletes a harmful provision it quotes removes the harm
        (
            'Article 9(2) of the Agreement, which reads "workers shall not change employer during '
            'their first year", is hereby deleted.',
            "employer_change",
            "partial",
        ),
        # the negation belongs to the clause the harm stands in, not to a party named earlier
        (
            "Employers and agencies: no employer or agent shall hold a worker's passport, even with consent.",
            "identity_documents",
            "present",
        ),
        # an opening purpose phrase does not negate the clause after its comma
        (
            "To prevent its loss, the worker's passport shall be kept by the employer for the whole contract.",
            "identity_documents",
            "contrary",
        ),
        # another party's duty to pay in the same sentence is no worker paying
        (
            "If a worker dies abroad, the employer shall bear the cost of repatriating the body.",
            "no_worker_fees",
            "missing",
        ),
        # the "prevent" of an opening purpose is the purpose's, not a negation of the provision
        (
            "To prevent loss or theft, every worker's passport shall be kept in the safe of the employer.",
            "identity_documents",
            "contrary",
        ),
        # ... and an opening condition does not make the worker the one who pays: the employer is the
        # subject of "shall pay" (SAME_CLAUSE_WORD), and the fare home is return_reintegration's
        (
            "If the contract ends early through no fault of the worker, the employer shall pay for the "
            "worker's air ticket home.",
            "no_worker_fees",
            "missing",
        ),
        # "not caused by work" says which illness; it does not negate the dismissal
        (
            "Where a worker is ill for more than thirty days from an illness not caused by work, the "
            "employer may terminate the contract and the worker shall be repatriated.",
            "health_care",
            "contrary",
        ),
        # "without interest" says how savings are kept; it does not negate keeping them
        (
            "The employer shall keep the savings deducted from the monthly wage and pay them, without "
            "interest, to the worker on final departure.",
            "wage_protection",
            "contrary",
        ),
    ],
)
def test_negation_and_direction(sentence, protection, expected):
    assert status_of(f"(1) {sentence}\n", protection) == expected


@pytest.mark.parametrize(
    ("sentence", "protection"),
    [
        ("This Agreement covers skilled and semi-skilled workers in construction.", "skills_recognition"),
        (
            "The application form shall include the worker's social security number.",
            "social_security_portability",
        ),
        (
            "The Parties shall ensure the protection of classified information exchanged under this Agreement.",
            "data_protection",
        ),
        (
            "This Agreement shall enter into force on the exchange of instruments of ratification.",
            "information_exchange",
        ),
        ("Recruitment agencies shall pay a licence fee to the competent authority.", "no_worker_fees"),
        ("The Parties shall cooperate in the training of health workers.", "health_care"),
        ("Either Party may terminate this Agreement by six months' written notice.", "contract_termination"),
        # a final clause on the authentic language versions publishes nothing and informs no worker;
        # the trained second opinion read it as transparency (94%) before final clauses were kept
        # from it as they are from the rules
        ("The English and Arvenian versions of the text of this Agreement are equally authoritative.", "transparency"),
    ],
)
def test_false_friends_do_not_count(sentence, protection):
    assert status_of(f"(1) {sentence}\n", protection) == "missing"


def test_a_false_friend_next_door_does_not_complete_a_provision():
    # "Upon expiry of this Agreement ..." is about the instrument ending (the rule masks it),
    # so its "shall not be cancelled" is no security of the worker's status
    body = (
        "(1) The residence permit of a migrant worker admitted under this Agreement shall be valid for the whole "
        "duration of the employment contract.\n\n(2) Upon expiry of this Agreement, work permits shall not be cancelled.\n"
    )
    assert status_of(body, "migration_status") == "partial"
    said_of_the_worker = body.replace("Upon expiry of this Agreement, work permits", "A work permit")
    assert status_of(said_of_the_worker, "migration_status", rules_only=True) == "present"


def test_bare_reference_to_national_law_is_partial():
    body = "(1) Wages of the workers shall be paid in accordance with the laws and regulations of the Receiving Country.\n"
    assert status_of(body, "wage_protection") == "partial"


def test_national_law_with_a_floor_of_its_own_is_present():
    body = (
        "(1) Wages shall be paid monthly into the worker's bank account, in full and on time, with an itemised "
        "pay statement, in accordance with national law.\n"
    )
    assert status_of(body, "wage_protection") == "present"


def test_an_mou_is_judged_by_its_own_wording():
    head = "# Memorandum of Understanding between Arvenia and Borslav\n\n## Paragraph 1 - Commitments\n\n"
    firm = (
        "(1) The Participants will ensure that no recruitment fees or related costs are charged to workers.\n"
    )
    soft = "(1) The Participants will endeavour to reduce recruitment costs paid by workers.\n"
    assert status_of(firm, "no_worker_fees", head=head) == "present"
    assert status_of(soft, "no_worker_fees", head=head) == "partial"


def test_a_protection_in_a_mandatory_annex_counts():
    body = (
        "(1) Every employment contract shall be concluded on the model contract in Annex I.\n\n"
        "## Annex I - Model Employment Contract\n\n"
        "1. The Worker shall not work more than eight hours a day, and the Employer shall grant the Worker "
        "one full day of rest every week and paid annual leave.\n"
    )
    assert status_of(body, "working_time_rest") == "present"


def test_a_protection_only_in_an_indicative_annex_is_partial():
    body = (
        "(1) The model contract in Annex I is indicative and for reference only.\n\n"
        "## Annex I - Model Employment Contract\n\n"
        "1. The Worker shall not work more than eight hours a day, and the Employer shall grant the Worker "
        "one full day of rest every week and paid annual leave.\n"
    )
    assert status_of(body, "working_time_rest") == "partial"


def test_recitals_alone_are_partial():
    body = "Recognising the importance of the portability of social security benefits of migrant workers,\n\nHave agreed as follows:\n\n## Article 1\n\n(1) The Parties shall cooperate.\n"
    assert (
        status_of(body, "social_security_portability", head="# Agreement between Arvenia and Borslav\n\n")
        == "partial"
    )


def test_a_recital_recalling_another_instrument_counts_only_as_a_reference_to_standards():
    """"Having noted that the ... Convention provides that wages shall be paid regularly" is about
    that convention: no wage protection here, but a reference to labour standards (non_regression)."""
    body = (
        "Having noted that the Harvest Wages Convention, 1951, provides that for migrant workers wages shall "
        "be paid regularly in legal tender,\n\nHave agreed as follows:\n\n## Article 1\n\n(1) The Parties shall cooperate.\n"
    )
    head = "# Agreement between Arvenia and Borslav\n\n"
    assert status_of(body, "wage_protection", head=head, rules_only=True) == "missing"
    assert status_of(body, "non_regression", head=head, rules_only=True) == "partial"
    own_aim = body.replace("Having noted that the Harvest Wages Convention, 1951, provides that", "Desiring that")
    assert status_of(own_aim, "wage_protection", head=head, rules_only=True) == "partial"


def test_a_mention_in_a_list_of_contents_does_not_secure_a_protection():
    body = (
        "(1) The employment contract shall state the name of the employer, the place of work, the wage, "
        "the hours of work, leave and the duration of the contract.\n"
    )
    assert status_of(body, "working_time_rest") == "partial"
    assert status_of(body, "written_contract") != "missing"


def test_indicative_guidelines_are_soft():
    body = "(1) Schedule 2 sets out indicative guidelines on accommodation for the reference of employers.\n"
    assert status_of(body, "accommodation") == "partial"


@pytest.mark.xfail(strict=True, reason="retrained 2026-12-06 (session 27, with synthetic_dev_en36 to en38): the model's check of a 'present' reads this orientation cell under its firm header 41% present against partial, under its 45% bar, as at session 24's retrain; the rules alone find it present")
def test_a_table_column_header_governs_its_cells():
    soft = (
        "| The Sending Party shall | The Receiving Party shall endeavour to |\n"
        "| --- | --- |\n"
        "| provide pre-departure orientation on the contract and workers' rights to every worker "
        "| ensure that workers keep their passports |\n"
    )
    assert status_of(soft, "identity_documents") == "partial"
    assert status_of(soft, "pre_departure_orientation") == "present"


def test_a_bilingual_contract_in_a_table_is_read_article_by_article():
    """The first row of a two-column English and Arabic contract was once read as the columns'
    header, so the wage article governed every cell below it and a passport kept by the worker
    was read as one the employer holds (a contrary finding cited as "Table row 2")."""
    from blma.api import analyze_bytes
    from tests.docx_tables import docx_bytes, table_document

    rows = [
        ("Article 1. The Employer shall pay the Worker a monthly wage of 1,500 riyals by bank transfer no later than the seventh day of each month.", "المادة 1. يلتزم صاحب العمل بدفع أجر شهري للعامل."),
        ("Article 2. The Worker shall keep his or her passport and residence card. The Employer shall not retain them.", "المادة 2. يحتفظ العامل بجواز سفره وبطاقة إقامته."),
    ]
    document = table_document(rows, title="STANDARD EMPLOYMENT CONTRACT FOR DOMESTIC WORKERS")
    report = analyze_bytes("contract.docx", docx_bytes(document))
    passports = report.finding("identity_documents")
    assert passports.status == "present"
    assert [e.location for e in passports.evidence] == ["Article 2"]
    assert report.finding("wage_protection").evidence[0].location == "Article 1"


def test_agreed_minutes_bind_by_what_both_sides_agreed_not_by_what_one_side_reported():
    reported = (
        "(1) The Arvenian side informed the meeting that employers will not be allowed to keep the passports "
        "of workers, even with their consent.\n"
    )
    agreed = "(1) Both sides agreed that employers shall not keep the passports of workers, even with their consent.\n"
    assert status_of(reported, "identity_documents") == "partial"
    assert status_of(agreed, "identity_documents") == "present"
    # the delegation as the object of a welcome is not the one reporting
    welcomed = agreed.replace("Both sides agreed", "The Chair welcomed the Borslav delegation and recalled")
    assert status_of(welcomed, "identity_documents") == "present"


def test_words_an_amendment_takes_out_are_no_longer_in_force():
    amended = (
        '(1) In Article 13(1) of the Memorandum, the words "wages, accommodation and meals" are replaced '
        'by the word "wages".\n'
    )
    assert status_of(amended, "accommodation") == "missing"
    assert status_of(amended, "accommodation", rules_only=True) == "missing"
    # the new wording it brings in is in force
    inserted = amended.replace('the word "wages"', 'the words "wages and free accommodation meeting the standards of Annex II"')
    assert status_of(inserted, "accommodation", rules_only=True) != "missing"


def test_a_threat_of_denunciation_to_the_authorities_is_no_final_clause():
    """ILO C29's definition of forced labour; "denunciation" here is no treaty's denunciation."""
    text = (
        "(1) No worker shall be made to work under the menace of any penalty, including the threat of "
        "denunciation to the authorities. A worker subjected to such treatment shall be assisted and sheltered "
        "and shall not be prosecuted for any immigration offence.\n"
    )
    assert status_of(text, "forced_labour_trafficking", rules_only=True) == "present"


def test_a_table_of_indicators_counts_and_secures_nothing():
    """A joint committee's indicators name what is counted ("Cases of passport retention found at
    inspection"); a provision under a "Statistics" heading still binds."""
    indicators = (
        "| No. | Indicator | Source | Frequency |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | Cases of passport retention found at inspection | Ministry of Labour | Half-yearly |\n"
        "| 2 | Workers who changed employer, and time taken to process the change | Ministry of Labour | Annual |\n"
        "| 3 | Wage arrears established by the labour inspectorate, and amounts recovered | Inspectorate | Annual |\n"
    )
    for pid in ("identity_documents", "employer_change", "wage_protection"):
        assert status_of(indicators, pid) == "missing", pid
    # the same words as a column of duties still count
    duties = indicators.replace("| Indicator |", "| The employer shall prevent |")
    assert status_of(duties, "identity_documents") != "missing"
    statistics = (
        "## Article 9. Statistics\n\n"
        "The competent authorities shall exchange each year statistics on the workers employed under this "
        "Agreement and on the benefits paid to them.\n"
    )
    assert status_of(statistics, "information_exchange") != "missing"


def test_bulleted_obligations_under_numbered_capital_headings():
    head = "# MEMORANDUM OF UNDERSTANDING ON LABOUR COOPERATION\n\nbetween the Republic of Arvenia and the Kingdom of Borslav\n\n"
    body = (
        "## 1. OBLIGATIONS OF THE EMPLOYER\n\nThe employer shall:\n\n"
        # the fuller ban (the bare one was a weak reading of the model from session 17 to 18)
        "• pay wages monthly into a bank account of the worker;\n"
        "• not retain the passport of the worker, even with the worker's consent;\n\n"
        "## 2. OBLIGATIONS OF THE WORKER\n\nThe worker shall:\n\n"
        "1) reimburse the air ticket through monthly deductions from his salary.\n"
    )
    report = default_analyzer().analyze(read_bytes("mou.md", (head + body).encode()))
    assert report.finding("identity_documents").status == "present"
    assert report.finding("identity_documents").evidence[0].location == "Paragraph 1"
    assert report.finding("no_worker_fees").status == "contrary"
    assert report.finding("no_worker_fees").evidence[0].location == "Paragraph 2(1)"


def test_a_table_of_contract_terms_reads_label_and_value_together():
    body = (
        "(1) Every contract shall follow the standard contract in Annex I, which is binding.\n\n"
        "## Annex I - Standard Employment Contract\n\n"
        "| Term | Condition |\n| --- | --- |\n"
        "| Passport | Held by the employer for the duration of the contract |\n"
        "| Recruitment costs | Deducted from wages in six instalments |\n"
    )
    assert status_of(body, "identity_documents") == "contrary"
    assert status_of(body, "no_worker_fees") == "contrary"


def test_a_narrowing_sentence_narrows_the_firm_provision_of_its_article() -> None:
    firm = (
        "(1) The Parties shall establish a Joint Committee of representatives of both Ministries and of the "
        "employers' and workers' organisations, to monitor this Agreement and make recommendations to the Parties.\n\n"
    )
    narrowed = firm + "(2) The Joint Committee shall meet at the request of either Party.\n"
    assert status_of(firm + "(2) The Joint Committee shall meet twice a year.\n", "joint_committee") == "present"
    finding = default_analyzer().analyze(read_bytes("t.md", (HEAD + narrowed).encode())).finding("joint_committee")
    assert finding.status == "partial" and finding.reason.endswith("in the same article as its firm provisions")
    # only a narrowing that belongs to the whole provision reaches the rest of its article
    rules = default_analyzer().book.rules
    assert rules["joint_committee"].article_restrict is not None
    assert rules["employer_change"].article_restrict is None  # "after twelve months" stays in its sentence
    # in another article it narrows nothing of this one
    apart = firm + "## Article 2 - Meetings\n\n(1) The Joint Committee shall meet at the request of either Party.\n"
    assert "same article" not in default_analyzer().analyze(read_bytes("t.md", (HEAD + apart).encode())).finding(
        "joint_committee"
    ).reason


def test_a_table_row_of_short_cells_is_read_as_one_provision() -> None:
    """"Departure guarantee | 10% of gross weekly wages | Retained by the employer ...": the last
    cell names no wage, the middle one does; read together, wages are withheld."""
    body = (
        "(1) The employer may recover the items below from the worker.\n\n"
        "| Item | Amount | How recovered |\n| --- | --- | --- |\n"
        "| Departure guarantee | 10% of gross weekly wages | Retained by the employer until the worker leaves the country |\n"
        "| Protective clothing | No charge | Not recoverable |\n"
    )
    finding = default_analyzer().analyze(read_bytes("terms.md", (HEAD + body).encode())).finding("wage_protection")
    assert finding.status == "contrary"
    assert finding.evidence[0].location.endswith("table row 2")
    assert finding.evidence[0].text.startswith("Departure guarantee: Retained by the employer")
    # a cell that states a norm is a provision of its own, not a label of the cells after it
    ruled = body.replace("10% of gross weekly wages", "Wages shall be paid in full every month")
    last = [s for s in default_analyzer().observe(read_bytes("terms.md", (HEAD + ruled).encode())) if "Retained" in s.sentence]
    assert last and last[0].lead_in == "How recovered"


def test_bare_items_under_a_partys_duties_heading_bind_that_party() -> None:
    """"Obligations of the Worker" over "1. To bear the cost of her own return ticket": the item
    binds the worker, and the finding quotes it as written, without the implied lead-in."""
    body = (
        "## Article 5 - Obligations of the Employer\n\n"
        "1. To give the worker one full day of rest every week.\n\n"
        "## Article 6 - Obligations of the Worker\n\n"
        "1. To bear the cost of her own return ticket at the end of the contract.\n"
    )
    doc = read_bytes("contract.md", ("# Standard Employment Contract for Domestic Workers\n\n" + body).encode())
    finding = default_analyzer().analyze(doc).finding("return_reintegration")
    assert finding.status == "contrary"
    assert finding.evidence[0].text == "To bear the cost of her own return ticket at the end of the contract."
    assert "undertakes" not in finding.reason and "To bear the cost" in finding.reason
    # the same item under a heading that names no party binds nobody
    neutral = body.replace("Obligations of the Worker", "Miscellaneous")
    doc = read_bytes("contract.md", ("# Standard Employment Contract for Domestic Workers\n\n" + neutral).encode())
    assert default_analyzer().analyze(doc).finding("return_reintegration").status != "contrary"


@pytest.mark.parametrize(
    ("body", "protection", "expected"),
    [
        # items under a lead-in that names acts to be prevented are forbidden, not imposed, even
        # when the retyped text lost the colon ("calculated to -") and the marks went into numbering
        (
            "1. Workers shall be protected against acts calculated to -\n\n"
            "(a) make their employment subject to the condition that they shall not join a union;\n\n"
            "(b) cause their dismissal by reason of union membership.\n",
            "freedom_of_association",
            "present",
        ),
        # the same items with no such lead-in are harms
        (
            "1. The employer may, where it sees fit,\n\n"
            "(a) make employment subject to the condition that the worker shall not join a union;\n\n"
            "(b) dismiss a worker by reason of union membership.\n",
            "freedom_of_association",
            "contrary",
        ),
    ],
)
def test_lead_in_without_a_colon_governs_its_items(body, protection, expected):  # the rules' reading
    assert status_of(body, protection, rules_only=True) == expected


def test_a_nested_lead_in_keeps_the_outer_one_over_its_items_and_after_them():
    """ILO C97 Article 6(1): "treatment no less favourable ... in respect of the following matters:
    (a) in so far as ... regulated by law- (i) remuneration ...; (b) social security". The outer
    lead-in governs the nested items and takes over again at (b)."""
    body = (
        "1. The Receiving Party shall endeavour to secure the following for the workers:\n\n"
        "(a) in respect of their health\u2014\n\n(i) free medical care during their stay;\n\n(ii) sick leave on full pay;\n\n"
        "(b) that the workers keep their passports and identity papers.\n"
    )
    assert status_of(body, "health_care", rules_only=True) == "partial"
    assert status_of(body, "identity_documents", rules_only=True) == "partial"  # soft, as its lead-in
    firm = body.replace("shall endeavour to secure", "shall secure")
    assert status_of(firm, "identity_documents", rules_only=True) == "present"


def test_a_body_that_meets_only_as_required_is_narrowed_though_no_cue_names_it_there():
    """Article-wide narrowing reads every sentence of the article, not only those a topic cue found:
    "The Technical Committee shall meet as required" names the body in words no committee cue reads."""
    body = (
        "(1) A Technical Committee on Labour Mobility is established, composed of two officials of each Party "
        "and one representative each of the workers' and employers' organisations, to monitor this Agreement "
        "and report to the Parties.\n\n(2) The Technical Committee shall meet as required, on the convocation "
        "of its chair.\n"
    )
    assert status_of(body, "joint_committee", rules_only=True) == "partial"
    regular = body.replace("as required, on the convocation of its chair", "at least twice a year")
    assert status_of(regular, "joint_committee", rules_only=True) == "present"


def test_a_forbidding_lead_in_does_not_reach_the_paragraphs_after_its_items():
    body = (
        "1. The following acts shall be prohibited:\n\n"
        "(a) keeping a worker's passport;\n\n"
        "2. The employer shall keep the worker's passport until the contract ends.\n"
    )
    assert status_of(body, "identity_documents") == "contrary"


def test_a_list_item_is_narrowed_by_its_lead_in():
    body = (
        "1. Wherever it is appropriate, the following shall take part in the work of the Joint Committee:\n\n"
        "(a) representatives of the trade unions and employers' organisations of both Parties;\n\n"
        "(b) representatives of migrant workers' associations.\n"
    )
    assert status_of(body, "social_dialogue") == "partial"
    firm = body.replace("Wherever it is appropriate, the", "The")
    assert status_of(firm, "social_dialogue") == "present"


def test_a_denial_inside_an_in_so_far_as_clause_states_a_case():
    body = (
        "1. In so far as industrial workers are not entitled to medical benefit, seafarers shall be "
        "entitled to proper and sufficient medical care at the shipowner's expense.\n"
    )
    assert status_of(body, "health_care") != "contrary"


def test_new_wording_under_a_replacing_lead_in_is_in_force() -> None:
    """'..., which provides that X, is replaced by the following:' quotes the old text (its harm is
    repealed) and brings the new one (its harm, or its protection, is what now applies)."""
    lead = (
        "(1) Article 15 of the Agreement, which provides that the worker may not change employer, "
        "is hereby deleted and replaced by the following:\n\n"
    )
    freed = lead + "(a) The worker may change employer without the consent of the first employer.\n"
    tied = lead.replace("may not change", "may change") + "(a) The worker may not change employer during the first two years.\n"
    assert status_of(freed, "employer_change") == "present"
    assert status_of(tied, "employer_change") == "contrary"
    deleted = "(1) Article 15 of the Agreement, which provides that the worker may not change employer, is hereby deleted.\n"
    assert status_of(deleted, "employer_change") != "contrary"


def test_a_permit_revoked_when_the_job_ends_is_a_harm_and_a_revoked_provision_is_not() -> None:
    """Provisions are repealed or revoked; so are permits. Only a provision revoked removes the harm
    it quotes: a permit that "shall be revoked" when the job ends is the harm itself."""
    harm = "(1) The work permit shall be revoked upon the termination of the employment contract.\n"
    assert status_of(harm, "migration_status") == "contrary"
    repeal = (
        "(1) Paragraph 3 of Article 9, which provides that the work permit shall be revoked upon the "
        "termination of the employment contract, is hereby revoked.\n"
    )
    assert status_of(repeal, "migration_status") != "contrary"


def test_a_negator_in_an_opening_condition_does_not_reverse_the_harm_after_it() -> None:
    """'If X has not ..., [harm]': the 'not' belongs to the condition; the harm still applies."""
    harm = "(1) Where the Joint Board has not settled a difference within sixty days, the view of the Ministry of Labour shall prevail.\n"
    assert status_of(harm, "dispute_settlement") == "contrary"
    reversed_ = "(1) Where the Joint Board has met, the view of the Ministry of Labour shall not prevail over the Board's.\n"
    assert status_of(reversed_, "dispute_settlement") != "contrary"


def test_an_ilo_preamble_citing_earlier_conventions_is_a_partial_non_regression() -> None:
    """"The General Conference of ..." marks final clauses, but it also opens every ILO preamble;
    the standards such a preamble cites are the rubric's partial (cited, with no savings clause)."""
    from blma.reading.models import AgreementText, Block

    preamble = (
        "The General Conference of the International Labour Organisation,Having been convened at Geneva, "
        "andRecalling the international labour Conventions on the protection of wages, and adopts the following Convention:"
    )
    final = "The Director-General of the International Labour Office shall notify all Members of the registration of ratifications."
    blocks = [
        Block(text=preamble, location="Preamble", unit=None, kind="preamble"),
        Block(text=final, location="Article 9", unit="Article 9"),
    ]
    report = default_analyzer().analyze(AgreementText(name="c.md", format="md", blocks=blocks))
    finding = report.finding("non_regression")
    assert finding.status == "partial" and finding.evidence[0].location == "Preamble"
    assert report.finding("transparency").status == "missing"  # the final clause stays a final clause


def test_an_exemption_from_a_cost_is_relief_not_a_denial() -> None:
    """'exempt from' denies a protection ('exempt from the minimum wage') or lifts a burden
    ('exempt from court fees'); only the first works against workers."""
    assert status_of("(1) Migrant workers shall be exempt from court fees in labour cases.\n", "access_to_justice") != "contrary"
    assert status_of("(1) Domestic workers shall be exempt from the minimum wage.\n", "wage_protection") == "contrary"


def test_a_question_sets_no_norm_and_safekeeping_at_the_workers_request_is_a_loophole_not_a_harm() -> None:
    """An FAQ's question repeats the harm it answers; the rubric calls custody 'at the worker's
    request for safekeeping' a consent loophole (partial), not retention by the employer."""
    assert status_of("(1) Can the employer keep my passport?\n", "identity_documents") == "missing"
    body = "(1) A worker may ask the employer to hold the passport in the office safe and may take it back at any time.\n"
    assert status_of(body, "identity_documents") != "contrary"
    assert status_of("(1) The employer shall hold the worker's passport until the contract ends.\n", "identity_documents") == "contrary"


def test_a_consent_loophole_in_the_next_sentence_still_makes_the_ban_partial() -> None:
    """The rubric's consent loophole ("except where the worker asks") narrows the whole article."""
    ban = "(1) No employer or agency shall keep, confiscate or withhold the passport or identity papers of a worker.\n\n"
    loophole = "(2) Passports shall not be deposited with the employer except where the worker asks for it in writing.\n"
    assert status_of(ban + loophole, "identity_documents") == "partial"


def test_a_contracts_opening_lines_that_bind_are_provisions_and_a_treatys_recitals_are_not() -> None:
    """A standard contract often states terms before its first numbered clause; read as a
    preamble, they could never secure anything. A treaty's recitals stay recitals even with a
    'shall' in them, and so does an ILO preamble held in one block."""
    head = "# Standard Employment Contract for Seasonal Farm Workers\n\n"
    opening = (
        "The contract shall be drawn up in English and in the Worker's own language, a signed copy shall be "
        "handed to the Worker before departure, and no other contract shall replace it after arrival.\n\n"
        "1. WAGES. The Employer shall pay the Worker every month.\n"
    )
    assert status_of(opening, "written_contract", head=head, rules_only=True) == "present"
    recital = (
        "Recognising that every migrant worker shall have a written contract in a language he understands, "
        "signed before departure and not replaced after arrival,\n\n"
        "1. WAGES. The Employer shall pay the Worker every month.\n"
    )
    assert status_of(recital, "written_contract", head=head, rules_only=True) == "partial"


def test_a_may_narrowed_by_only_is_a_limit_not_soft_wording() -> None:
    """"May be changed only if more favourable" forbids every other change: it binds as a "shall
    not ... unless" does. A bare "may" stays soft."""
    contract = (
        "(1) The contract shall be drawn up in English and in the worker's own language and signed "
        "before departure.\n\n"
    )
    limit = "(2) It may be changed after arrival only if the change is more favourable to the worker.\n"
    assert status_of(contract + limit, "written_contract", rules_only=True) == "present"
    soft = "(2) It may be changed after arrival where the parties consider it more favourable to the worker.\n"
    assert status_of(contract + soft, "written_contract", rules_only=True) == "partial"


def test_a_standard_contracts_own_term_is_not_the_agreements_duration() -> None:
    """In a document that is itself an employment contract, "either party may terminate this
    Contract by notice" is the contract's own term (contract_termination's matter); the rubric's
    duration_termination concerns the agreement between the Parties, and a sentence naming it still
    counts."""
    contract = (
        "STANDARD EMPLOYMENT CONTRACT FOR HOUSEHOLD SERVICE WORKERS\n\n"
        "1. This Contract is valid for two (2) years from the worker's arrival and may be renewed by mutual agreement.\n\n"
        "2. After the probationary period either party may terminate this Contract by giving thirty (30) days' written notice.\n\n"
    )
    report = default_analyzer().analyze(read_bytes("contract.txt", contract.encode()))
    assert report.finding("duration_termination").status == "missing"
    assert report.finding("contract_termination").status != "missing"
    naming = contract + "3. This Contract is made under the Agreement, which remains in force for five years and may be terminated by either Party on six months' notice.\n"
    report = default_analyzer().analyze(read_bytes("contract.txt", naming.encode()))
    assert report.finding("duration_termination").status != "missing"
    agreement = HEAD + "(1) Either Party may terminate this Agreement by giving six months' written notice.\n"
    assert status_of(agreement, "duration_termination") != "missing"


def test_a_savings_clause_and_standards_cited_in_the_preamble_make_non_regression_present():
    """The standards are cited in a recital and the savings clause stands in an article: neither
    sentence alone can read as the whole, so the pair is not put to the model's check of each
    (which read it 'partial' before). The article is Article 5 of the 1954 Convention relating to
    the Status of Stateless Persons (public text; corpus/real/texts), the recital paraphrases it."""
    text = (
        "# Convention relating to the Status of Stateless Persons\n\n"
        "Considering that the Charter of the United Nations and the Universal Declaration of Human "
        "Rights have affirmed that human beings shall enjoy fundamental rights and freedoms without "
        "discrimination,\n\nHave agreed as follows:\n\n## Article 1\n\n"
        "Nothing in this Convention shall be deemed to impair any rights and benefits granted by a "
        "Contracting State to stateless persons apart from this Convention.\n"
    )
    report = default_analyzer().analyze(read_bytes("c.md", text.encode()))
    assert report.finding("non_regression").status == "present"


@pytest.mark.parametrize(
    ("body", "protection", "expected"),
    [
        pytest.param(
            "Any dispute arising out of this Agreement shall first be referred to the Parties' chief "
            "executives. A dispute not resolved within thirty days shall be finally resolved by arbitration "
            "under the rules of the Calder Centre for Commercial Arbitration.\n",
            "dispute_settlement",
            "present",
            id="arbitration under an institution's rules is no reference to national law",
        ),
        pytest.param(
            "Workers and the members of their families forming part of their households shall be exempt "
            "from all obligations in regard to the registration of aliens and residence permits.\n",
            "family_reunification",
            "partial",
            id="exemption from permits is a relief, not a refusal",
        ),
        pytest.param(
            "The Parties shall cooperate, in relation to the recruitment and employment of workers of "
            "the Sending Party, in the following areas:\n\n"
            "(a) pre-departure and post-arrival orientation of workers;\n\n"
            "(b) the return and reintegration of workers.\n",
            "pre_departure_orientation",
            "partial",
            id="an area of cooperation is a topic, not a right",
        ),
    ],
)
def test_the_rules_read_what_a_provision_does(body, protection, expected):
    assert status_of(body, protection, rules_only=True) == expected


def test_a_proviso_that_caps_a_deduction_does_not_undo_it():
    """"provided that no instalment exceeds ..." limits the recovery; its "no" does not negate it."""
    body = (
        "The employer may recover from the worker's wages, in not more than six monthly instalments, "
        "the recruitment costs paid to the agency, provided that no instalment exceeds a quarter of "
        "the monthly wage.\n"
    )
    assert status_of(body, "no_worker_fees", rules_only=True) == "contrary"
    assert status_of(body.replace("The employer may recover", "The employer shall not recover"), "no_worker_fees", rules_only=True) != "contrary"


TECHNICAL_COOPERATION = (
    "1. The Parties shall develop technical cooperation in the following fields:\n\n"
    "(a) labour inspection systems, including the training of labour inspectors;\n\n"
    "(b) gender equality and the prevention of violence and harassment in the world of work;\n\n"
    "(c) the protection of migrant workers against forced labour and trafficking in persons.\n"
)


@pytest.mark.parametrize(
    ("protection", "expected"),
    [
        ("labour_inspection", "missing"),  # a field for officials: nothing secured for workers
        ("gender_responsive", "missing"),
        ("forced_labour_trafficking", "partial"),  # the item names the workers: read, softly
    ],
)
def test_fields_of_technical_cooperation_secure_nothing_unless_they_name_the_workers(protection, expected):
    assert status_of(TECHNICAL_COOPERATION, protection, rules_only=True) == expected


def test_a_negated_modal_in_an_opening_condition_does_not_reverse_the_harm():
    harm = (
        "If the worker leaves the residence without the employer's permission and the employer cannot reach "
        "her within two days of her leaving, the employer must report her to the immigration authority.\n"
    )
    assert status_of(harm, "migration_status", rules_only=True) == "contrary"
    spared = harm.replace("the employer must report her", "the employer shall not report her")
    assert status_of(spared, "migration_status", rules_only=True) != "contrary"


@pytest.mark.parametrize(
    ("sentence", "protection", "expected"),
    [
        # "his own expense" is the subject's: the employer's after an opening condition
        ("In case of the worker's death, the employer shall repatriate the remains at his own expense.", "return_reintegration", "partial"),
        ("If the worker falls ill, the agency shall provide treatment at its own cost.", "health_care", "present"),
        # ... and the worker's when the worker is the one named last
        ("The worker shall travel home at his own expense.", "return_reintegration", "contrary"),
        ("In case of dismissal for misconduct, the worker shall return home at his own expense.", "return_reintegration", "contrary"),
    ],
)
def test_at_his_own_expense_is_paid_by_the_party_named_before_it(sentence: str, protection: str, expected: str):
    assert status_of(sentence + "\n", protection, rules_only=True) == expected


@pytest.mark.parametrize(
    ("ticked", "expected"),
    [("☐ Employer ☒ Employee", "partial"), ("☒ Employer ☐ Employee", "contrary"), ("[ ] Employer [X] Employee", "partial")],
)
def test_an_unticked_option_of_a_form_is_not_a_provision(ticked: str, expected: str):
    body = f"1. The employer shall pay the wage monthly.\n\n2. Safekeeping of passport by: {ticked}\n"
    assert status_of(body, "identity_documents", head="EMPLOYMENT CONTRACT\n\n") == expected


@pytest.mark.parametrize(
    ("sentence", "protection", "expected"),
    [
        # plain-language drafting states duties in the present tense: the worker who pays is the harm
        ("The au pair pays the Council a participation fee of 2,400, which covers the matching.", "no_worker_fees", "contrary"),
        ("The worker bears the cost of the return journey.", "return_reintegration", "contrary"),
        # ... and a worker who pays nothing is none
        ("The worker pays no fee to any agency or employer.", "no_worker_fees", "!contrary"),
        # rest to be taken in the vehicle, without leaving it, is no rest away from work
        ("A driver taking a weekly rest away from base will take it in or beside the vehicle.", "working_time_rest", "contrary"),
        ("On board, the artist's passport shall be deposited with the ship's purser for the whole engagement.", "identity_documents", "contrary"),
    ],
)
def test_harms_in_the_plain_voice_of_contracts_and_exchange_schemes(sentence: str, protection: str, expected: str):
    found = status_of(sentence + "\n", protection, rules_only=True)
    assert found != expected[1:] if expected.startswith("!") else found == expected


@pytest.mark.parametrize(
    ("sentence", "protection"),
    [
        # a statement naming another payer after "by": the model read it as the worker paying
        ("The cost of the return journey is borne by the employer.", "return_reintegration"),
        ("Visa fees and the medical examination are paid by the recruitment agency.", "no_worker_fees"),
        ("The application and assessment fees set out in Schedule 2 are payable by the employer.", "no_worker_fees"),
    ],
)
def test_a_cost_a_statement_puts_on_the_employer_is_no_harm_to_the_model_either(sentence: str, protection: str):
    assert status_of(sentence + "\n", protection) != "contrary"
    worker_pays = sentence.replace("the employer", "the worker").replace("the recruitment agency", "the worker")
    assert status_of(worker_pays + "\n", protection) == "contrary"


@pytest.mark.parametrize(
    ("sentence", "settled"),
    [
        # an obligation binding no party that names its payer: the cost is the shipowner's
        ("This declaration shall guarantee the payment by the shipowners of the cost of repatriation.", True),
        ("The bond shall secure the settlement by the recruitment agency of the worker's return fare.", True),
        ("This declaration shall guarantee the payment by the worker of the cost of repatriation.", False),
        ("The cost of the return journey is borne by the employer.", True),  # a statement, as before
    ],
)
def test_a_payer_named_after_payment_by_settles_who_bears_the_cost(sentence: str, settled: bool) -> None:
    """The model's reading of a harm is not asked where the deontic layer already knows the cost
    falls on an employer, agency or State (the leave-one-out model read the shipowners' guarantee
    of repatriation costs in a 1967 seamen's agreement as workers paying for their return)."""
    from blma.analysis.analyzer import _costs_others
    from blma.analysis.deontic import reader_for
    from blma.analysis.rules import load_rulebook

    modality = load_rulebook(language="en").modality
    provision = reader_for(modality).read(sentence)
    assert _costs_others(provision, sentence, modality) is settled


def test_a_protection_whose_article_is_deleted_is_not_secured() -> None:
    """An amending protocol that deletes the article on a protection, and puts nothing in its
    place, takes the protection out of the text: nothing secures it, by the rules or the model."""
    deleted = "(1) Article 17 of the Agreement (Family Reunification) is deleted.\n"
    assert status_of(deleted, "family_reunification") == "missing"
    replaced = (
        "(1) Article 17 of the Agreement is replaced by the following: workers shall be entitled to be "
        "joined by their spouses and minor children after six months of employment.\n"
    )
    assert status_of(replaced, "family_reunification") != "missing"
    data = (
        "(1) Personal data of workers shall be processed only for the purposes of this Agreement and shall be "
        "deleted two years after the worker's return; workers shall have the right to access and correct them.\n"
    )
    assert status_of(data, "data_protection") == "present"  # data deleted: no provision taken out
