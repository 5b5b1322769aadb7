"""Probes of the analysis, each sentence analysed as a one-article agreement.

- Direction, both ways: each harm a rule reads, and its negated or protective twin. A reviewer's
  worst misreading is a protection taken for a harm or the other way round.
- Modality: a qualified or soft provision ("within the limits of exchange-control rules", "shall
  endeavour") is partial, and "present" needs the rubric's core (equality in pay alone is partial).
- Topic words at face value, and paraphrases: the patterns issue 9 names ("portable tools" is no
  portability, "an advisory body shall be established" is a joint committee), each in a sentence
  of our own.

Every sentence is written for this test (not from any labelled set).
"""

from __future__ import annotations

import pytest

from blma.api import analyze_bytes

HEAD = "Agreement between the Republic of Arland and the Kingdom of Bellmoor on the employment of migrant workers\n\nArticle 1\n\n"

PROBES = [
    ("no_worker_fees", "The recruitment agency may recover its placement fee from the worker's first two months of wages.", "contrary"),
    ("no_worker_fees", "The recruitment agency shall not recover any placement fee from the worker's wages.", "!contrary"),
    ("no_worker_fees", "The worker shall bear the cost of the visa and the medical examination.", "contrary"),
    ("no_worker_fees", "The worker shall not bear the cost of the visa or the medical examination.", "!contrary"),
    ("identity_documents", "The employer shall hold the worker's passport for the duration of the contract.", "contrary"),
    ("identity_documents", "The employer shall not hold the worker's passport.", "!contrary"),
    ("identity_documents", "Passports of workers shall be deposited with the employer on arrival.", "contrary"),
    ("employer_change", "The worker shall not change employer during the term of the contract.", "contrary"),
    ("employer_change", "A worker who wishes to change employer shall not need the consent of the current employer.", "!contrary"),
    ("migration_status", "The residence permit shall lapse when the employment ends.", "contrary"),
    ("migration_status", "The residence permit shall not lapse when the employment ends.", "!contrary"),
    ("migration_status", "A worker whose contract is terminated shall leave the country within seven days.", "contrary"),
    ("wage_protection", "The employer may withhold one month's wages as security until the end of the contract.", "contrary"),
    ("wage_protection", "The employer shall not withhold any part of the wages as security.", "!contrary"),
    ("wage_protection", "Wages shall be paid to the recruitment agency, which shall remit them to the worker at the end of the contract.", "contrary"),
    ("freedom_of_association", "Workers shall not join trade unions in Bellmoor.", "contrary"),
    ("freedom_of_association", "No worker shall be prevented from joining a trade union.", "!contrary"),
    ("gender_responsive", "A worker who becomes pregnant shall be repatriated at her own expense.", "contrary"),
    ("gender_responsive", "No worker shall be repatriated on account of pregnancy.", "!contrary"),
    ("working_time_rest", "Domestic workers shall be available for work at any time of the day or night.", "contrary"),
    ("working_time_rest", "Domestic workers shall not be required to be available for work at night.", "!contrary"),
    ("access_to_justice", "Workers shall not bring claims against the employer before the courts of Bellmoor.", "contrary"),
    ("access_to_justice", "No fee shall be charged to the worker for lodging a complaint with the labour court.", "!contrary"),
    ("return_reintegration", "A worker who leaves before the end of the contract shall pay for the return journey.", "contrary"),
    ("return_reintegration", "The employer shall pay for the return journey, also where the worker leaves early.", "!contrary"),
    ("written_contract", "The employer may replace the contract signed before departure with a new contract on arrival.", "contrary"),
    ("written_contract", "The contract signed before departure shall not be replaced by another contract on arrival.", "!contrary"),
    ("accommodation", "Workers shall not leave the employer's premises without the employer's permission.", "contrary"),
    ("accommodation", "Workers shall be free to leave the employer's premises outside working hours.", "!contrary"),
    ("health_care", "Migrant workers shall not be entitled to public health care in Bellmoor.", "contrary"),
    ("health_care", "Migrant workers shall not be excluded from public health care in Bellmoor.", "!contrary"),
    ("data_protection", "The agency may share the worker's personal data with any future employer.", "contrary"),
    ("data_protection", "The agency shall not share the worker's personal data with any future employer.", "!contrary"),
    ("contract_termination", "The employer may terminate the contract at any time without notice or compensation.", "contrary"),
    ("contract_termination", "The employer shall not terminate the contract without notice.", "!contrary"),
    ("social_security_portability", "Contributions paid by migrant workers shall not be refunded and shall not be counted for any benefit.", "contrary"),
    ("remittances", "Workers shall not transfer more than half of their monthly wages abroad.", "contrary"),
    ("remittances", "There shall be no limit on the transfer of wages abroad.", "!contrary"),
    ("equal_treatment", "Migrant workers shall be paid less than nationals doing the same work.", "contrary"),
    ("equal_treatment", "Migrant workers shall not be paid less than nationals doing the same work.", "!contrary"),
    ("occupational_safety_health", "The worker shall pay for his own protective equipment.", "contrary"),
    ("occupational_safety_health", "The worker shall not pay for protective equipment.", "!contrary"),
    ("no_worker_fees", "A worker who leaves the employer before the end of the contract shall repay all costs of recruitment and travel.", "contrary"),
    ("no_worker_fees", "The costs of the journey from the place of recruitment to the place of work shall be advanced by the employer and deducted in equal instalments from the worker's wages.", "contrary"),
    ("no_worker_fees", "The costs of the journey from the place of recruitment to the place of work shall be borne by the employer and shall not be deducted from the worker's wages.", "!contrary"),
    ("no_worker_fees", "The selected worker shall pay a registration charge to the placement office before the medical examination.", "contrary"),
    ("no_worker_fees", "No registration charge shall be demanded of the selected worker by the placement office.", "!contrary"),
    ("no_worker_fees", "Any sum paid by the worker to obtain the job shall be refunded to him by the employer within one month.", "!contrary"),
    ("identity_documents", "On arrival the worker shall surrender his passport to the employer for safe keeping.", "contrary"),
    ("identity_documents", "The worker shall keep his passport and work permit in his own possession.", "!contrary"),
    ("employer_change", "During the first year the worker may not take up employment with another employer.", "contrary"),
    ("employer_change", "The worker may take up employment with another employer after the first year without the consent of the first employer.", "!contrary"),
    ("employer_change", "The work permit shall be valid only for the employer named in it.", "contrary"),
    ("migration_status", "A worker who loses his employment shall be permitted to remain in Bellmoor for three months to seek other work.", "!contrary"),
    ("migration_status", "A worker who loses his employment shall be deported forthwith.", "contrary"),
    ("wage_protection", "The employer shall pay the wage in cash at the end of each contract year.", "contrary"),
    ("wage_protection", "The employer shall pay the wage into the worker's bank account not later than the seventh day of the following month.", "!contrary"),
    ("working_time_rest", "The domestic worker shall not be entitled to a weekly rest day during the first six months.", "contrary"),
    ("working_time_rest", "The domestic worker shall be entitled to one full rest day each week, which the employer may not withhold.", "!contrary"),
    ("working_time_rest", "Normal hours of work shall not exceed eight hours a day and forty-eight hours a week.", "!contrary"),
    ("freedom_of_association", "The worker shall refrain from any political or trade union activity in Bellmoor.", "contrary"),
    ("freedom_of_association", "The worker shall enjoy the same trade union rights as national workers.", "!contrary"),
    ("access_to_justice", "Any claim of the worker shall be settled by the employer, whose decision shall be final.", "contrary"),
    ("access_to_justice", "The worker may bring any claim before the labour courts of Bellmoor on the same footing as nationals.", "!contrary"),
    ("contract_termination", "The employer may dismiss the worker for any reason on giving twenty-four hours' notice, and the worker shall then pay for his return.", "contrary"),
    ("return_reintegration", "Where the contract ends before its term through no fault of the worker, the employer shall pay the return fare.", "!contrary"),
    ("return_reintegration", "Where the worker breaks the contract, he shall bear the costs of his return and of his replacement.", "contrary"),
    ("gender_responsive", "A female worker found to be pregnant at the medical examination on arrival shall be sent back.", "contrary"),
    ("gender_responsive", "Pregnancy shall not be a ground for dismissal or for refusal of a permit.", "!contrary"),
    ("accommodation", "The employer shall provide free accommodation meeting the standards of Bellmoor's housing law.", "!contrary"),
    ("accommodation", "The cost of the accommodation provided by the employer shall be deducted from the wages at a rate fixed by the employer.", "contrary"),
    ("equal_treatment", "Migrant workers shall receive the wages fixed for foreign labour, which may be lower than those of national workers.", "contrary"),
    ("health_care", "The worker shall pay for any medical treatment he needs during his stay.", "contrary"),
    ("health_care", "Medical treatment shall be provided to the worker free of charge under the national health scheme.", "!contrary"),
    ("data_protection", "The employer may disclose the medical records of the worker to any person he chooses.", "contrary"),
    ("employer_change", "The labourer shall not be entitled to transfer his services to other sponsor except with the agreement of the first sponsor.", "contrary"),
    ("identity_documents", "The sponsor shall have the right to keep the passport of the labourer for the safe keeping.", "contrary"),
    ("wage_protection", "The sponsor shall be obliged with paying the wage of the labourer not later than the end of each Gregorian month.", "!contrary"),
    ("wage_protection", "The sponsor shall have the right to deduct from the wage of the labourer the value of whatever he damages of the tools of work.", "contrary"),
    ("wage_protection", "The wage of the labourer shall be deposited in the account of the sending office, which shall deliver it to him upon his return.", "contrary"),
    ("identity_documents", "The labourer shall have the right to keep his passport and his residence permit with him.", "!contrary"),
    ("identity_documents", "The passport of the labourer shall be kept with the sponsor for the purpose of the official procedures.", "contrary"),
    ("employer_change", "The labourer shall have the right to transfer to another sponsor upon the end of his contract without need for the approval of the first sponsor.", "!contrary"),
    ("employer_change", "The transfer of the services of the labourer to another sponsor shall not be allowed during the validity of the contract.", "contrary"),
    ("working_time_rest", "The labourer shall be obliged with working on the weekly rest day if the work so requires, against an additional wage.", "contrary"),
    ("working_time_rest", "The labourer shall enjoy a weekly rest day of not less than twenty-four consecutive hours.", "!contrary"),
    ("no_worker_fees", "The sending side shall not collect from the labourer any sums for his recruitment.", "!contrary"),
    ("no_worker_fees", "The labourer shall bear the expenses of the medical check and the visa, which shall be deducted from his first wage.", "contrary"),
    ("no_worker_fees", "The recruitment office shall collect from the labourer a fee not exceeding the wage of one month.", "contrary"),
    ("migration_status", "The residence of the labourer shall be cancelled upon the end of his contract and he shall depart within one week.", "contrary"),
    ("migration_status", "The labourer whose contract has ended shall be granted a period of thirty days to transfer to another sponsor.", "!contrary"),
    ("freedom_of_association", "The labourer shall not participate in any strike or gathering.", "contrary"),
    ("access_to_justice", "The labourer shall have the right to resort to the labour court, and the litigation shall be free of fees.", "!contrary"),
    ("access_to_justice", "The labourer shall not have the right to file a complaint except through the sponsor.", "contrary"),
    ("contract_termination", "The sponsor shall have the right to terminate the contract without notice and without end of service gratuity if the labourer is absent for three days.", "contrary"),
    ("return_reintegration", "The sponsor shall bear the ticket of return of the labourer upon the end of the contract.", "!contrary"),
    ("health_care", "The sponsor shall bear the expenses of the treatment of the labourer at his own expense.", "!contrary"),
    ("health_care", "The labourer shall bear the expenses of his treatment at his own expense.", "contrary"),
    ("accommodation", "The sponsor shall provide the labourer with a suitable housing free of charge.", "!contrary"),
    ("gender_responsive", "The sending side shall not send women labourers who are pregnant, and the pregnancy test shall be obligatory before departure.", "contrary"),
    ("data_protection", "The two sides shall exchange the names of the labourers who escaped from their sponsors in order not to recruit them again.", "contrary"),
    ("wage_protection", "Allotments to the seafarer's family shall be remitted monthly at no cost to the seafarer.", "!contrary"),
    ("wage_protection", "The shipowner may withhold two months' wages as a guarantee against desertion.", "contrary"),
    ("identity_documents", "The seafarer's book and passport shall be kept by the master for the duration of the voyage.", "contrary"),
    ("identity_documents", "The master shall return the seafarer's documents on request at any port.", "!contrary"),
    ("return_reintegration", "A seafarer who is signed off for illness shall be repatriated at the shipowner's expense.", "!contrary"),
    ("return_reintegration", "A seafarer who leaves the ship before the end of the articles shall pay for his own repatriation.", "contrary"),
    ("working_time_rest", "Seafarers shall have at least ten hours of rest in any twenty-four-hour period.", "!contrary"),
    ("working_time_rest", "Hours of rest may be suspended whenever the master considers it necessary for the operation of the vessel.", "contrary"),
    ("access_to_justice", "Any complaint of a crew member shall be decided by the master, whose decision is final.", "contrary"),
    ("access_to_justice", "A crew member may complain directly to the flag State's inspector without going through the master.", "!contrary"),
    ("migration_status", "A fisher who fails to rejoin the vessel shall be reported as a deserter to the port authorities.", "contrary"),
    ("freedom_of_association", "Crew members shall not take part in any industrial action on board.", "contrary"),
    ("no_worker_fees", "The manning agent shall not charge the seafarer any fee for finding him a berth.", "!contrary"),
    ("no_worker_fees", "The manning agent may charge the seafarer a processing fee not exceeding fifty dollars.", "contrary"),
    ("health_care", "Medical care on board and ashore shall be provided to the seafarer free of charge.", "!contrary"),
    ("gender_responsive", "The employment of all females shall be prohibited in any painting work involving lead.", "contrary"),
    ("gender_responsive", "The employment of pregnant women shall be prohibited in any painting work involving lead.", "!contrary"),
    ("working_time_rest", "Where night work in bakeries is prohibited for all workers, apprentices may start at four o'clock.", "!contrary"),
    ("working_time_rest", "Workers are denied any weekly rest day during the harvest season.", "contrary"),
]


def _ids(rows: list[tuple[str, str, str]]) -> list[str]:
    return [f"{pid}:{sentence[:40]}" for pid, sentence, _ in rows]


def status_of(pid: str, sentence: str) -> str:
    return analyze_bytes("probe.md", (HEAD + sentence + "\n").encode()).finding(pid).status


@pytest.mark.parametrize(("pid", "sentence", "want"), PROBES, ids=_ids(PROBES))
def test_a_harm_is_contrary_and_its_twin_is_not(pid: str, sentence: str, want: str) -> None:
    status = status_of(pid, sentence)
    assert (status == "contrary") == (want == "contrary"), status


#: (protection, sentence, what must hold): "missing", "found" (partial or present), "!present", "!contrary"
READINGS = [
    ("social_security_portability", "Workers may bring portable tools and equipment into Bellmoor free of customs duty.", "missing"),
    ("consular_assistance", "The employer shall keep the premises clean and safe at all times.", "missing"),
    ("employer_change", "The employer shall notify the Ministry of any change of its own address within ten days.", "missing"),
    ("wage_protection", "Basic salary: ____________", "!present"),
    ("working_time_rest", "The Ministry shall run an emergency helpline open day and night for workers in distress.", "!contrary"),
    ("no_worker_fees", "The employer shall meet the funeral costs of a worker who dies during employment.", "!contrary"),
    ("access_to_justice", "No charge shall be levied on the worker for the hearing of a labour claim.", "!contrary"),
    ("access_to_justice", "Workers shall be exempt from stamp duty on their claims before the labour courts.", "!contrary"),
    ("family_reunification", "The employer shall keep a register of the worker's dependants for tax purposes.", "!present"),
    ("employer_change", "Should the worker wish to move to another employer, the transfer shall be allowed.", "found"),
    ("joint_committee", "An advisory body composed of officials of both Parties shall be established to follow the implementation of this Agreement and shall meet twice a year.", "found"),
    ("labour_inspection", "Compliance shall be secured by enforcement measures, including inspection of workplaces and penalties.", "found"),
    ("consular_assistance", "Workers may contact the consulate of Arland without restriction, and consular officers may visit them at their workplaces.", "found"),
    ("pre_departure_orientation", "Before the journey, every worker shall be given information on the contract and on his or her rights in a language the worker understands.", "found"),
    ("migration_status", "A first permit shall not ordinarily tie the holder to one employer beyond twelve months.", "found"),
    ("remittances", "Workers shall be free to send their savings home through any bank of their choice.", "found"),
    ("skills_recognition", "Qualifications obtained in Arland shall be recognised in Bellmoor within sixty days, free of charge.", "found"),
    ("information_exchange", "The Parties shall exchange every six months statistics on the number of workers admitted and returned.", "found"),
    ("return_reintegration", "On return, workers shall be offered help in finding employment in Arland.", "found"),
    ("freedom_of_association", "Workers may join the trade union of their choice.", "found"),
    ("data_protection", "Personal data of workers shall be used only for the purposes of this Agreement.", "found"),
    ("gender_responsive", "Women workers shall be protected against sexual harassment at work.", "found"),
    ("occupational_safety_health", "The employer shall provide protective equipment free of charge and train workers in its use.", "found"),
    ("family_reunification", "Dependants' allowances shall be paid under the tax law of Bellmoor.", "!present"),
    ("consular_assistance", "Consular fees for visas shall be waived for diplomats.", "missing"),
    ("skills_recognition", "The Parties recognise the importance of good relations between their peoples.", "missing"),
    ("recruitment_regulation", "The employer shall recruit a cook and a gardener.", "!present"),
    ("labour_inspection", "The worker shall inspect the machinery before starting work each day.", "missing"),
    ("joint_committee", "The company's board of directors shall meet quarterly.", "missing"),
    ("monitoring_review", "The employer shall review the worker's performance every six months.", "missing"),
    ("transparency", "This Agreement shall be registered with the Secretariat of the United Nations.", "!present"),
    ("non_regression", "Nothing in this Agreement shall affect the rights and obligations of the Parties under other treaties.", "!present"),
    ("information_exchange", "The worker shall inform the employer of any change in his address.", "missing"),
    ("duration_termination", "The employment contract shall be for two years.", "!present"),
    ("social_dialogue", "The employer shall consult the worker before changing the work schedule.", "!present"),
    ("forced_labour_trafficking", "The worker shall be forced to observe the safety rules.", "!present"),
    ("no_worker_fees", "The worker shall not be made to pay, directly or indirectly, any sum for obtaining the job.", "found"),
    ("written_contract", "Before leaving Arland, the worker shall receive a copy of his employment contract, drawn up in his own language and signed by both parties.", "found"),
    ("equal_treatment", "Workers from Arland shall be treated in the same way as Bellmoor workers in all matters of employment.", "found"),
    ("wage_protection", "Wages shall be paid at least once a month, in full, and no deductions shall be made other than those required by law.", "found"),
    ("social_security_portability", "Periods of insurance completed in both countries shall be added together, and pensions shall be paid in full to beneficiaries living in the other country.", "found"),
    ("dispute_settlement", "Any difference between the Parties on the interpretation of this Agreement shall be settled by negotiation through diplomatic channels.", "found"),
    ("duration_termination", "This Agreement shall remain in force for three years and shall be renewed tacitly unless denounced six months in advance.", "found"),
    ("joint_committee", "A mixed commission of representatives of both Governments shall meet at least once a year to supervise the application of this Agreement.", "found"),
    ("return_reintegration", "The competent authorities of Arland shall help returning workers to find work and to invest their savings.", "found"),
    ("pre_departure_orientation", "Selected workers shall attend a course on the living and working conditions in Bellmoor before departure.", "found"),
    ("family_reunification", "After one year of employment the worker may be joined by his spouse and minor children.", "found"),
    ("remittances", "The worker may transfer his savings to Arland without restriction.", "found"),
    ("labour_inspection", "The labour inspectorate of Bellmoor shall supervise the working conditions of the workers.", "found"),
    ("dispute_settlement", "Any dispute arising between the two Parties about the interpretation or application of this Memorandum shall be solved amicably through consultations.", "found"),
]
HOLDS = {
    "missing": lambda status: status == "missing",
    "found": lambda status: status in ("partial", "present"),
    "!present": lambda status: status != "present",
    "!contrary": lambda status: status != "contrary",
}


#: Probes the analyzer gets wrong today, with why; strict, so a fix shows up as a failure to remove it.
KNOWN_MISSES = {
    "The sponsor shall be obliged with paying the monthly salary": (
        "retrained 2026-12-05 (session 19, with the ninth real batch and en26): the model's check of a "
        "'present' reads this full wage clause in the translated voice 66% partial against 26% present"
    ),
    "The sending side shall ensure that the labourer is not burdened": (
        "retrained 2026-12-07 (session 34, with real_shared_en: C97 and C189): the model's check of a "
        "'present' reads this fee ban with costs on the sponsor at most 45% present against partial, "
        "just under its 45% bar"
    ),
    "The employer shall not retain the passport or other identity documents of the worker.": (
        "retrained 2026-12-07 (session 40, with the twelfth and thirteenth real batches and synthetic_dev_en53): "
        "the model's check of a 'present' reads this bare ban on retaining documents 43% present against "
        "partial, just under its 45% bar"
    ),
    "Workers may form and join trade unions of their choosing": (
        "retrained 2026-12-07 (session 39, with synthetic_dev_en52, the operational layer): the model's check "
        "of a 'present' reads these union rights with protection against dismissal 44% present against "
        "partial, just under its 45% bar"
    ),
}


def _marked(rows: list[tuple[str, str, str]]) -> list:
    return [
        pytest.param(*row, marks=[pytest.mark.xfail(strict=True, reason=why)])
        if (why := next((r for start, r in KNOWN_MISSES.items() if row[1].startswith(start)), None))
        else row
        for row in rows
    ]


@pytest.mark.parametrize(("pid", "sentence", "want"), _marked(READINGS), ids=_ids(READINGS))
def test_a_topic_word_is_not_taken_at_face_value_and_a_paraphrase_is_read(pid: str, sentence: str, want: str) -> None:
    status = status_of(pid, sentence)
    assert HOLDS[want](status), status


#: (protection, sentence, status): "partial", "present" or "!present"
MODALITY = [
    ("remittances", "Workers shall be free to transfer their earnings home, within the limits of exchange-control rules.", "partial"),
    ("social_security_portability", "In so far as a social security agreement exists between the Parties, periods of insurance completed in both countries shall be added together and benefits shall be paid abroad.", "partial"),
    ("labour_inspection", "Where such a system exists, labour inspectors shall have access to all workplaces where migrant workers are employed.", "partial"),
    ("equal_treatment", "As a general rule, migrant workers shall enjoy the same pay and conditions of work as national workers.", "partial"),
    ("equal_treatment", "Migrant workers shall receive the same remuneration as national workers.", "partial"),
    ("equal_treatment", "Migrant workers shall enjoy treatment no less favourable than nationals in respect of pay, hours, leave, dismissal and other conditions of work.", "present"),
    ("identity_documents", "The employer shall not retain the passport or other identity documents of the worker.", "present"),
    ("access_to_justice", "Complaints of workers shall be addressed to the employer, who shall answer within thirty days.", "!present"),
    ("dispute_settlement", "Disputes between a worker and the employer shall be settled by the labour court.", "!present"),
    ("working_time_rest", "The Parties would welcome limits on working hours for domestic workers.", "!present"),
    ("wage_protection", "The Parties shall endeavour to ensure that wages are paid in full and on time.", "partial"),
    ("access_to_justice", "Workers may lodge complaints with the labour office, which shall examine them promptly.", "partial"),
    ("joint_committee", "The Parties may, if they deem it necessary, set up a committee to discuss matters arising under this Agreement.", "!present"),
    ("social_security_portability", "Periods of insurance completed in both countries shall be added together for the acquisition of the right to benefits.", "partial"),
    ("return_reintegration", "The employer shall pay for the return journey of the worker at the end of the contract.", "partial"),
    ("no_worker_fees", "The worker shall not pay any placement fee to the agency.", "partial"),
    ("written_contract", "The worker and the employer shall sign a written contract of employment.", "partial"),
    ("health_care", "Migrant workers shall have access to medical care in Bellmoor.", "partial"),
    ("wage_protection", "Wages shall be paid monthly.", "partial"),
    ("freedom_of_association", "Workers shall have the right to join trade unions.", "partial"),
    ("gender_responsive", "Women workers shall be protected against sexual harassment.", "partial"),
    ("consular_assistance", "The consulate of Arland shall be informed of the arrival of each group of workers.", "partial"),
    ("contract_termination", "Either party may terminate the contract by giving one month's notice.", "partial"),
    ("data_protection", "Personal data of workers shall be kept confidential.", "partial"),
    ("information_exchange", "The Parties shall exchange information on the implementation of this Agreement.", "partial"),
    ("monitoring_review", "The Parties shall review this Agreement every two years.", "partial"),
    ("recruitment_regulation", "Only licensed recruitment agencies shall take part in recruitment under this Agreement.", "partial"),
    ("transparency", "This Agreement shall be published in the official gazettes of both Parties.", "partial"),
    ("forced_labour_trafficking", "The Parties shall prohibit forced labour and trafficking in persons.", "partial"),
    ("occupational_safety_health", "The employer shall take all measures necessary to protect the safety and health of workers.", "partial"),
    ("equal_treatment", "Migrant workers shall not be discriminated against on grounds of nationality in respect of pay.", "partial"),
    ("accommodation", "The employer shall provide accommodation to the worker.", "partial"),
    ("duration_termination", "This Agreement shall enter into force on the date of signature and remain in force for five years.", "partial"),
    ("non_regression", "This Agreement shall be implemented in accordance with ILO Convention No. 97.", "!present"),
    ("access_to_justice", "Workers may bring complaints before the labour courts of Bellmoor free of charge, with the help of an interpreter and legal aid, and no worker shall be dismissed or penalised for having complained.", "present"),
    ("social_security_portability", "Periods of insurance completed in both countries shall be added together, and benefits acquired shall be paid in full to beneficiaries who reside in the other country.", "present"),
    ("return_reintegration", "The employer shall pay the return journey, and the Ministry of Labour of Arland shall provide returning workers with counselling, job placement and help to invest their savings.", "present"),
    ("written_contract", "Before departure the worker shall receive a written contract in a language he understands, and no other contract shall replace it on arrival.", "present"),
    ("contract_termination", "The employer may terminate the contract only on one month's written notice, and shall pay all wages and benefits due to the worker before departure.", "present"),
    ("working_time_rest", "Hours of work shall not exceed eight a day and forty-eight a week, and every worker shall have one full day of rest each week and fourteen days' paid annual leave.", "present"),
    ("health_care", "Workers shall receive medical care on the same terms as nationals, and the cost shall be met by the employer's insurance.", "present"),
    ("joint_committee", "A Joint Committee of three officials of each Party is hereby established; it shall meet once a year to monitor the implementation of this Agreement.", "present"),
    ("identity_documents", "Workers shall keep their passports and other identity documents in their own possession.", "present"),
    ("employer_change", "The worker may change employer at any time without the consent of the current employer.", "present"),
    ("remittances", "Workers shall be free to transfer their earnings and savings to Arland.", "present"),
    ("freedom_of_association", "Workers may form and join trade unions of their choosing and bargain collectively, and no worker shall be dismissed for union activity.", "present"),
    ("no_worker_fees", "The sending side shall ensure that the labourer is not burdened with any charges for the recruitment, and the expenses of visa, medical check and air ticket shall be on the account of the sponsor.", "present"),
    ("wage_protection", "The sponsor shall be obliged with paying the monthly salary of the labourer in full, not later than the seventh of the following month, through a bank account in his name, without any deduction except in accordance to the law.", "present"),
]


@pytest.mark.parametrize(("pid", "sentence", "want"), _marked(MODALITY), ids=_ids(MODALITY))
def test_a_qualified_or_soft_provision_is_partial_and_present_needs_the_core(pid: str, sentence: str, want: str) -> None:
    status = status_of(pid, sentence)
    assert status != "present" if want == "!present" else status == want, status


def test_a_plain_weekly_rest_day_is_not_read_as_a_harm() -> None:
    """The model reads "one rest day" as a harm (development labels citing a whole rest-day clause as
    contrary also label its plain first sentence); a right granted to the worker that nothing narrows
    is not put to the model's harm reading at all (``narrows_a_right`` in the lexicon)."""
    assert status_of("working_time_rest", "The worker shall be entitled to one rest day per week.") != "contrary"


def test_a_narrowed_right_is_still_read_for_harm() -> None:
    assert status_of("working_time_rest", "The worker shall be entitled to one rest day per month.") == "contrary"
