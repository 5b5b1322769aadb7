"""A statutory instrument in the layout regulations are printed in, and guidance that speaks to employers.

"10.—(1) The Registrar must cancel a permit where— (a) ...": a text that calls itself "these
Regulations" is cited as a lawyer cites it ("Regulation 10(1)(a)"), a lead-in governs its own
items and not the next paragraph, and "you" in guidance to sponsors is the sponsor, not the worker.
The texts are written for these tests.
"""

from __future__ import annotations

from blma import api
from blma.analysis import Analyzer
from blma.reading import read_bytes

REGULATIONS = """THE WORK PERMITS (PARTNER WORKERS) REGULATIONS 2026

The Minister makes the following Regulations.

Citation
1. These Regulations may be cited as the Work Permits (Partner Workers) Regulations 2026.

Interpretation
2.—(1) In these Regulations, "permit" means a work permit granted under regulation 3.
(2) Nothing in these Regulations limits any right a permit holder has under the Employment Act.

Grant
3.—(1) The Registrar may grant a permit for the period of the contract.
(2) A permit holder may apply under regulation 4 for a change of employer.

Cancellation
4.—(1) The Registrar must cancel a permit where—
(a) the employer notifies that the employment has ended;
(b) the permit holder is convicted of a serious offence.
(2) A person whose permit is cancelled may ask the Registrar to review the decision.

Records
5. An employer must keep the contract of each permit holder for three years and show it to an inspector on request.
"""


def _report(text: str, name: str = "regulations.txt"):
    return api.analyze_bytes(name, text.encode("utf-8"))


def test_regulations_are_cited_by_regulation_and_paragraph():
    report = _report(REGULATIONS)
    status = report.finding("migration_status")
    assert status.status == "contrary"
    assert [e.location for e in status.evidence if e.kind == "contrary"] == ["Regulation 4(1)(a)"]


def test_a_lead_in_governs_its_own_items_not_the_next_paragraph():
    """"must cancel a permit where—" reaches (a) and (b), not (2) "whose permit is cancelled may ask
    for a review", nor the record-keeping of regulation 5."""
    seen = Analyzer(arbiter=False).observe(read_bytes("regulations.txt", REGULATIONS.encode("utf-8")))
    lead = {s.block.location: s.lead_in for s in seen}
    assert lead["Regulation 4(1)(a)"].startswith("The Registrar must cancel a permit where")
    assert lead["Regulation 4(1)(b)"] == lead["Regulation 4(1)(a)"]
    assert lead["Regulation 4(2)"] == ""
    assert lead["Regulation 5"] == ""


GUIDANCE = """Guidance for Sponsors of Partner Workers

1. About this guidance
1.1 Where this guidance says that you must do something, that is a condition of your sponsor licence.

2. Recruitment costs
2.1 You must pay the agency's fees and all costs of bringing the worker here, including the visa, the work permit and the flight.
2.2 You must not ask the worker to pay or repay any of these costs, and you must not deduct them from wages.

3. Documents
3.1 You must not keep a worker's passport or identity card, even for safekeeping.
"""


def test_in_guidance_to_sponsors_you_is_the_sponsor():
    report = _report(GUIDANCE, "guidance.md")
    fees = report.finding("no_worker_fees")
    assert fees.status == "present", fees.reason
    assert any(e.text.startswith("You must not ask the worker") for e in fees.evidence)  # quoted as written
    documents = report.finding("identity_documents")  # "you must not keep" binds the sponsor: it protects
    assert documents.status != "contrary" and documents.evidence[0].kind == "supports"
    assert documents.evidence[0].cue == "identity_documents/document_custody"


def test_in_a_handbook_for_workers_you_is_the_worker():
    handbook = """Handbook for Partner Workers

1. Costs
1.1 You must pay the agency's fees and the cost of your visa before you leave.
1.2 Your employer must not keep your passport.
"""
    assert _report(handbook, "handbook.md").finding("no_worker_fees").status == "contrary"
