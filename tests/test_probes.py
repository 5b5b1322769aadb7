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
]
HOLDS = {
    "missing": lambda status: status == "missing",
    "found": lambda status: status in ("partial", "present"),
    "!present": lambda status: status != "present",
    "!contrary": lambda status: status != "contrary",
}


@pytest.mark.parametrize(("pid", "sentence", "want"), READINGS, ids=_ids(READINGS))
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
]


@pytest.mark.parametrize(("pid", "sentence", "want"), MODALITY, ids=_ids(MODALITY))
def test_a_qualified_or_soft_provision_is_partial_and_present_needs_the_core(pid: str, sentence: str, want: str) -> None:
    status = status_of(pid, sentence)
    assert status != "present" if want == "!present" else status == want, status
