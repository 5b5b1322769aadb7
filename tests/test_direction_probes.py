"""Direction, probed both ways: each harm a rule reads, and its negated or protective twin.

A reviewer's worst misreading is a protection taken for a harm or the other way round ("No charge
shall be levied ..." flagged as a fee). Each pair below is written for this test (not from any
labelled set): the harm must be found contrary, its twin must not.
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


@pytest.mark.parametrize(("pid", "sentence", "want"), PROBES, ids=[f"{p}:{s[:40]}" for p, s, _ in PROBES])
def test_a_harm_is_contrary_and_its_twin_is_not(pid: str, sentence: str, want: str) -> None:
    status = analyze_bytes("probe.md", (HEAD + sentence + "\n").encode()).finding(pid).status
    assert (status == "contrary") == (want == "contrary"), status
