"""Clause families negotiators miss (issue 11): an agreed wage floor, admission procedures, a joint
watch-list of employers, crisis evacuation, a welfare fund for families left behind, post-arrival
orientation and language training, financial provisions, and double taxation.

Each family is a clause under an existing protection. A negotiator chooses it in a draft
specification, in an agreement or an MoU; the tests read the article it produces as a legal reader
would (the commitments it must carry, the register of an MoU, numbers in words), check the library
stays sound, and read the Word draft back through the gap analysis to show the protection it
serves is still found.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from blma.api import analyze_bytes
from blma.drafting import draft
from blma.library import default_library
from tests.draft_parties import DESTINATION_AUTHORITY, ORIGIN_AUTHORITY, PARTIES_SPEC

ROOT = Path(__file__).parents[1]
SPEC = {**PARTIES_SPEC, "sectors": ["general"]}
STYLES = ["agreement", "mou"]

#: Each new clause, the protection whose article it fills, and words its article must carry.
FAMILIES: dict[str, tuple[str, list[str]]] = {
    "wage_protection.agreed_wage_floor": ("wage_protection", [
        "sets no minimum wage, or sets one that does not apply to an occupation or sector",
        "agree through the Joint Committee", "before any worker is recruited",
        "needs of workers and their families", "paid in money",
        "the value of food, accommodation or any other benefit in kind", "refuse to approve a job offer",
        "at least once a year", "no review", "the higher amount",
    ]),
    "recruitment_regulation.admission_procedures": ("recruitment_regulation", [
        "at least three months before the start of the recruitment year", "projection of the number of migrant workers",
        "indicative number of workers", "Only employers that the Ministry of Labour and Social Affairs has found eligible",
        "written job order", "attest that each worker's employment contract matches the verified job order",
        "no visa or work permit", "suspend the eligibility of an employer", "within thirty days",
        "[the administrative cost of the service] [amount and currency per worker]",
        "paid by the employer and in no case by the worker",
    ]),
    "information_exchange.employer_watch_list": ("information_exchange", [
        "joint watch-list of the employers and recruitment agencies", "within fifteen days",
        "at least every six months", "final decision of a competent authority or court",
        "retention of a passport or identity document", "informed in writing of the facts relied on",
        "at least fifteen days to answer", "not exceed three years", "review or appeal",
        "no competent authority of either country", "free to change employer", "no personal data of the workers",
    ]),
    "return_reintegration.crisis_evacuation_plan": ("return_reintegration", [
        "joint contingency plan", "armed conflict, natural disaster, epidemic or pandemic", "crisis focal point",
        "consular officers of Sundara to communicate with and visit migrant workers",
        "without their employer's permission", "fine or penalty for overstay",
        "emergency travel documents free of charge", "not be borne by the workers", "[by the employer]",
        "no evacuation", "paid in full all wages, end-of-service benefits and compensation",
        "resume employment", "testing, treatment and vaccination", "not be dismissed or repatriated on account of infection",
    ]),
    "return_reintegration.welfare_fund_families": ("return_reintegration", [
        "welfare fund for migrant workers", "No contribution to the fund, and no charge for its services",
        "levied on their remittances", "[from the budget of Sundara]", "workers in distress abroad",
        "repatriating the remains", "families of workers abroad", "education of workers' children",
        "reintegration services", "help desk for families", "income and expenditure of the fund",
    ]),
    "pre_departure_orientation.post_arrival_orientation_language": ("pre_departure_orientation", [
        "Within thirty days of arrival in Valdoria", "post-arrival orientation of at least eight hours",
        "a language the worker understands", "workers' organisations of Valdoria",
        "course in the language of Valdoria of at least sixty hours", "free of charge to the worker",
        "paid working time", "deducted from the worker's wages", "[by the employer]",
        "not be made a condition for keeping the job or for renewing the work permit",
    ]),
    "joint_committee.financial_provisions": ("joint_committee", [
        "bear the costs of its own participation", "country in which the meeting is held",
        "work plan and budget that the Joint Committee adopts", "[in equal parts]",
        "budgetary procedures", "No cost of implementing this", "charged to migrant workers",
    ]),
    "equal_treatment.taxation_and_double_taxation": ("equal_treatment", [
        "treatment no less favourable than nationals of Valdoria", "taxes, duties and contributions on their earnings",
        "convention for the avoidance of double taxation", "certificates of residence and of tax paid",
        "ministries responsible for finance", "[one year]", "allocation of taxing rights",
    ]),
    "equal_treatment.taxation_consultation": ("equal_treatment", [
        "treatment no less favourable than nationals of Valdoria", "taxes on their earnings",
        "ministries responsible for finance", "taxed in both countries",
    ]),
}  # fmt: skip

#: Families that complete their protection's main clause rather than replace it: a negotiator
#: adds them to the article after it (the Joint Committee it pays for, equality it extends to tax).
COMPLEMENTS = {
    "joint_committee.financial_provisions",
    "equal_treatment.taxation_and_double_taxation",
    "equal_treatment.taxation_consultation",
}
MOU_FAULTS = (r"\bshall\b", r"null and void", r"\bentitle[ds]?\b", r"\bMemorandum\b(?! of Understanding)")
ALLOWED_DIGITS = re.compile(r"(?:Articles?|No\.|Annex) \d+|\b(?:19|20)\d\d\b")


def spec(style: str, protections: dict | None = None) -> dict:
    data = copy.deepcopy(SPEC)
    data["style"] = style
    if protections:
        data["protections"] = protections
    return data


@cache
def drafted(clause_id: str, style: str, with_main: bool = False):
    """A draft whose article for the clause's protection holds the clause (after the main one)."""
    protection = FAMILIES[clause_id][0]
    choice: str | list[str] = clause_id
    if with_main:
        choice = [draft(spec(style)).article(protection).clause_id, clause_id]
    return draft(spec(style, {protection: {"clause": choice}}))


def article_text(clause_id: str, style: str) -> str:
    result = drafted(clause_id, style)
    article = result.article(FAMILIES[clause_id][0])
    assert article.clause_ids == [clause_id]
    return " ".join(article.paragraphs)


def body(result) -> str:
    parts = [result.title, *result.preamble]
    for article in result.articles:
        parts += [article.heading, *article.paragraphs]
    parts += result.signature.paragraphs
    return "\n".join(parts)


# -- (a) each family drafted in both styles, read as a legal reader would ------------------------
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("clause_id", sorted(FAMILIES))
def test_a_chosen_family_carries_its_commitments(clause_id: str, style: str):
    text = article_text(clause_id, style)
    missing = [words for words in FAMILIES[clause_id][1] if words not in text]
    assert missing == [], text
    verb = "shall" if style == "agreement" else "will"
    assert re.search(rf"\b{verb}\b", text)


@pytest.mark.parametrize("clause_id", sorted(FAMILIES))
def test_an_mou_draft_of_each_family_keeps_the_mou_register(clause_id: str):
    text = body(drafted(clause_id, "mou"))
    faults = [m.group(0) for pattern in MOU_FAULTS for m in re.finditer(pattern, text)]
    assert faults == []
    article = article_text(clause_id, "mou")
    assert re.search(r"\bwill\b", article) and not re.search(r"\bAgreement\b|\bParties\b", article)


def test_the_wage_floor_switches_its_treaty_effect_for_an_mou():
    agreement = article_text("wage_protection.agreed_wage_floor", "agreement")
    mou = article_text("wage_protection.agreed_wage_floor", "mou")
    assert "shall be null and void, and the agreed minimum wage shall apply in its place" in agreement
    assert "will not be applied, and the agreed minimum wage will apply in its place" in mou


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("clause_id", sorted(FAMILIES))
def test_each_family_writes_numbers_in_words_and_opens_sentences_with_words(clause_id: str, style: str):
    article = drafted(clause_id, style).article(FAMILIES[clause_id][0])
    text = ALLOWED_DIGITS.sub("", " ".join(article.paragraphs))
    assert re.findall(r"\S*\d\S*", text) == []
    for paragraph in article.paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            assert not sentence.startswith((ORIGIN_AUTHORITY, DESTINATION_AUTHORITY)), sentence
            assert not sentence[0].islower(), sentence
    assert "joint committee" not in text


def test_a_negotiator_sets_the_figures_of_the_admission_procedure():
    result = draft(spec("agreement", {"recruitment_regulation": {
        "clause": "recruitment_regulation.admission_procedures",
        "values": {"visa_processing_days": "21", "projection_months": "6"},
    }}))  # fmt: skip
    text = " ".join(result.article("recruitment_regulation").paragraphs)
    assert "within twenty-one days" in text and "at least six months before" in text


def test_a_complement_follows_the_main_clause_in_one_article():
    result = drafted("equal_treatment.taxation_and_double_taxation", "agreement", with_main=True)
    article = result.article("equal_treatment")
    assert article.clause_ids[1] == "equal_treatment.taxation_and_double_taxation"
    assert article.clause_ids[0] != article.clause_ids[1]
    text = " ".join(article.paragraphs)
    assert "wages" in text and "double taxation" in text


def test_each_family_is_a_clause_of_an_existing_protection_with_a_note_and_sources():
    library = default_library()
    assert len(library.protections) == 34
    for clause_id, (protection, _words) in FAMILIES.items():
        clause = library.clause(clause_id)
        assert clause.protections[0] == protection
        assert library.clause_files[clause_id] == f"protections/{protection}.yaml"
        assert {"agreement", "mou"} <= set(clause.styles)
        assert len(clause.note) > 200 and "fallback" in clause.note.lower()
        assert any(s.verified for s in clause.sources)


# -- (b) the library stays sound ------------------------------------------------------------------
def test_library_check_passes_with_the_new_families():
    result = subprocess.run(
        [sys.executable, "-m", "blma", "library", "check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "library sound" in result.stdout


# -- (c) a Word draft of each family, read back by the gap analysis -------------------------------
@pytest.mark.parametrize("clause_id", sorted(FAMILIES))
def test_a_word_draft_of_each_family_is_found_to_serve_its_protection(clause_id: str):
    library = default_library()
    for style in STYLES:
        result = drafted(clause_id, style, with_main=clause_id in COMPLEMENTS)
        report = analyze_bytes("draft.docx", result.to_docx())
        for protection in library.clause(clause_id).protections:
            finding = report.finding(protection)
            assert finding.status not in ("missing", "contrary"), (style, protection, finding.reason)
        contrary = {f.id: f.reason for f in report.protections if f.status == "contrary"}
        assert contrary == {}, style
