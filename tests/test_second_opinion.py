"""The trained second opinion: where it may change a finding, and how it says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from blma.analysis import Analyzer, default_analyzer
from blma.analysis.analyzer import OTHER_LANGUAGE_ARBITER_ROLES
from blma.analysis.second_opinion import PARAPHRASE_RELEVANCE, SecondOpinion
from blma.evaluation.systems import SYSTEMS
from blma.reading import read_path
from blma.reading.models import AgreementText, Block
from blma_app.reasons import in_words

RULES = Analyzer(arbiter=False)
BOTH = Analyzer()
REAL_TEXTS = Path(__file__).parents[1] / "corpus" / "real" / "texts"


def _doc(*sentences: str, title: str = "Agreement on the recruitment of migrant workers") -> AgreementText:
    blocks = [Block(text=s, location=f"Article {i}", unit=f"Article {i}") for i, s in enumerate(sentences, 1)]
    return AgreementText(name="t.txt", format="txt", title=title, blocks=blocks)


def test_the_rules_alone_and_the_model_alone_are_systems_for_the_ablation() -> None:
    assert {"analyzer", "rules", "model", "keywords"} <= set(SYSTEMS)


def test_the_rules_alone_never_consult_the_model() -> None:
    assert RULES.opinion is None and isinstance(BOTH.opinion, SecondOpinion)


def test_only_a_sentence_the_model_is_sure_of_counts_as_a_paraphrase() -> None:
    opinion = BOTH.opinion
    assert opinion is not None
    sure = "Remittances of savings by the workers to their families shall be free of any tax or charge and may be made through any bank."
    unsure = (  # about identity documents, in words the model reads with little confidence
        "Each migrant worker shall hold on to the papers that prove who he or she is and where he or she may travel."
    )
    assert opinion.arbiter.relevance(sure)["remittances"] >= PARAPHRASE_RELEVANCE
    assert opinion.arbiter.relevance(unsure)["identity_documents"] < PARAPHRASE_RELEVANCE
    found = opinion.paraphrases([(0, unsure), (1, sure)], {"remittances", "identity_documents"})
    assert set(found) == {"remittances"} and found["remittances"].index == 1


def test_a_flagged_paraphrase_is_partial_marked_check_and_says_so_in_words(monkeypatch) -> None:
    import blma.analysis.second_opinion as second

    # a paraphrase no rule knows; the bar is lowered so that this small model's reading counts
    monkeypatch.setattr(second, "PARAPHRASE_RELEVANCE", 0.1)
    doc = _doc(
        "A migrant worker shall be free to leave one undertaking and move to work for another undertaking "
        "of his or her choosing."
    )
    assert RULES.analyze(doc).finding("employer_change").status == "missing"
    finding = BOTH.analyze(doc).finding("employer_change")
    assert (finding.status, finding.check) == ("partial", True)
    assert "trained second opinion" in finding.reason
    assert finding.evidence[0].cue == "employer_change/arbiter" and finding.evidence[0].location == "Article 1"
    assert in_words(finding.reason).startswith("A provision may address it in words the rules do not read")


def test_the_model_only_lowers_confidence_when_it_reads_the_evidence_otherwise() -> None:
    doc = _doc("The employer shall pay wages in full every month into the worker's own account, without deductions.")
    with_model = BOTH.analyze(doc).finding("wage_protection")
    rules_only = RULES.analyze(doc).finding("wage_protection")
    assert with_model.status == rules_only.status
    assert with_model.confidence <= rules_only.confidence + 0.05


def test_a_present_finding_none_of_whose_sentences_is_on_topic_is_checked() -> None:
    opinion = BOTH.opinion
    assert opinion is not None
    # "spouse" is a family word, but the sentence is about when an insurance period starts
    stray = "For the spouse of an employed person insured on the day this Convention takes effect, the one-year period shall run from that day."
    joins = (
        "The spouse and minor children of a worker admitted under this Agreement shall be allowed to join "
        "the worker after six months of employment and shall receive residence permits of the same duration."
    )
    assert opinion.off_topic("family_reunification", [joins]) is None
    assert opinion.off_topic("family_reunification", [stray, joins]) is None  # one on-topic sentence is enough
    doubt = opinion.off_topic("family_reunification", [stray])
    assert doubt is not None and doubt < 0.5


def test_an_off_topic_present_becomes_partial_marked_check_and_says_why(monkeypatch) -> None:
    import blma.analysis.second_opinion as second

    # the model reads this clause as partial (no renewal): its strength check is kept out of this test
    monkeypatch.setattr(second, "PRESENT_SHARE_AT_LEAST", 0.0)
    doc = _doc(
        "This Agreement shall remain in force for five years and may be terminated by either Party giving six "
        "months' notice in writing; workers already deployed shall complete their contracts."
    )
    assert BOTH.analyze(doc).finding("duration_termination").status == "present"
    # the bar raised above any probability: every present finding is now off topic to the model
    monkeypatch.setattr(second, "OFF_TOPIC_BELOW", 1.01)
    finding = BOTH.analyze(doc).finding("duration_termination")
    assert (finding.status, finding.check) == ("partial", True)
    assert finding.reason.startswith("a rule matched, but none of its sentences reads as being about this protection")
    assert finding.evidence and finding.evidence[0].location == "Article 1"
    assert RULES.analyze(doc).finding("duration_termination").status == "present"


def test_a_present_the_model_reads_as_partial_becomes_partial_marked_check_and_says_why() -> None:
    # firm, and the rule's elements are there, but it is orientation before departure only: the
    # rubric's "present" needs a session after arrival too, free and in the worker's language
    doc = _doc(
        "The Sending Party shall provide every worker with orientation on the contract and the culture of "
        "the host country before departure."
    )
    rules_only = RULES.analyze(doc).finding("pre_departure_orientation")
    finding = BOTH.analyze(doc).finding("pre_departure_orientation")
    assert rules_only.status == "present"
    assert (finding.status, finding.check) == ("partial", True)
    assert finding.reason.startswith(
        "the trained second opinion reads none of its firm sentences as securing"
    )
    assert finding.evidence[0].location == "Article 1"


def test_the_strength_check_leaves_out_the_models_contrary_reading() -> None:
    opinion = BOTH.opinion
    assert opinion is not None
    soft = "The worker shall receive information on the culture of the host country before departure."
    doubt = opinion.unconfirmed("pre_departure_orientation", [soft])
    assert doubt is not None and doubt < 0.5


@pytest.mark.xfail(
    strict=True,
    reason=(
        "retrained 2026-12-07 (session 40, with the twelfth and thirteenth real batches and synthetic_dev_en53): "
        "the model reads this bare ban on retaining documents 43% present against partial, under its 45% bar"
    ),
)
def test_a_bare_ban_on_retaining_documents_is_confirmed_by_the_strength_check() -> None:
    opinion = BOTH.opinion
    assert opinion is not None
    confirmed = "The employer shall not retain the passport or identity card of the worker."
    assert opinion.unconfirmed("identity_documents", [confirmed]) is None


def test_a_paraphrase_may_stand_in_an_article_that_never_says_worker(monkeypatch) -> None:
    import blma.analysis.second_opinion as second

    monkeypatch.setattr(second, "PARAPHRASE_RELEVANCE", 0.1)
    doc = _doc(
        "Persons staying in the other country shall receive the medical treatment they need there on the "
        "same terms as its residents.",
        title="Convention on social insurance",
    )
    assert RULES.analyze(doc).finding("health_care").status == "missing"
    finding = BOTH.analyze(doc).finding("health_care")
    assert finding.status == "partial" and finding.evidence[0].cue == "health_care/arbiter"


def test_a_paraphrase_is_read_without_the_words_its_rule_masks_as_false_friends(monkeypatch) -> None:
    import blma.analysis.second_opinion as second

    sentence = (
        "The Director-General shall communicate to the Secretary-General of the United Nations for registration "
        "full particulars of all ratifications and denunciations he has registered."
    )
    mask = BOTH.book.rules["transparency"].mask
    arbiter = BOTH.opinion.arbiter
    full = arbiter.relevance(sentence)["transparency"]
    blanked = arbiter.relevance(mask.sub(" ", sentence))["transparency"]
    assert full > blanked + 0.05  # the model leans on the depositary formula the rule masks
    monkeypatch.setattr(second, "PARAPHRASE_RELEVANCE", (full + blanked) / 2)
    assert "transparency" in BOTH.opinion.paraphrases([(0, sentence)], {"transparency"})  # read as written ...
    doc = _doc(sentence, title="Convention concerning annual leave")
    assert BOTH.analyze(doc).finding("transparency").status == "missing"  # ... but not without its false friend


def test_a_partial_whose_sentences_are_about_something_else_becomes_missing_marked_check(monkeypatch) -> None:
    import blma.analysis.second_opinion as second

    stray = _doc(  # "wage employment" and "paid ... attention" are wage words in form only
        "Particular attention shall be paid to establishing adequate labour inspection services in areas "
        "where the peoples concerned undertake wage employment.",
        title="Convention concerning employment injury benefits",
    )
    real = _doc("Wages should be paid to the worker each month.")
    assert RULES.analyze(stray).finding("wage_protection").status == "partial"
    # the model reads it as barely about wages (0.19 at the 2026-12-06 retrain, lower since): how
    # low is low enough is the bar's business (UNRELATED_BELOW, set on blind texts), so the test
    # sets it: under a bar nothing is below, the partial stays; under 0.5, it goes
    monkeypatch.setattr(second, "UNRELATED_BELOW", 0.0)
    assert BOTH.analyze(stray).finding("wage_protection").status == "partial"
    monkeypatch.setattr(second, "UNRELATED_BELOW", 0.5)
    finding = BOTH.analyze(stray).finding("wage_protection")
    assert (finding.status, finding.check) == ("missing", True)
    assert finding.reason.startswith("only words of this protection, in sentences the trained second opinion")
    assert [(e.location, e.kind) for e in finding.evidence] == [("Article 1", "weak")]
    assert finding.suggestions  # a missing protection still gets the library's clause
    assert BOTH.analyze(real).finding("wage_protection").status == "partial"  # a real one is never touched


def test_the_unrelated_check_runs_in_english_only(monkeypatch) -> None:
    """Each language gets the model's checks its own blind texts supported (``ARBITER_ROLES``)."""
    import blma.analysis.second_opinion as second
    from blma.api import analyze_bytes

    monkeypatch.setattr(second, "UNRELATED_BELOW", 1.01)  # every partial now reads as unrelated
    english = "Agreement\n\nArticle 1\n\nWages should be paid to the worker each month.\n"
    french = "Accord\n\nArticle 1\n\nLes salaires devraient être versés chaque mois au travailleur.\n"
    spanish = "Convenio\n\nArtículo 1\n\nLos salarios deberían pagarse cada mes al trabajador.\n"
    en = analyze_bytes("t.txt", english.encode(), language="en").finding("wage_protection")
    assert (en.status, en.check) == ("missing", True)
    for text, language in ((french, "fr"), (spanish, "es")):
        assert analyze_bytes("t.txt", text.encode(), language=language).finding("wage_protection").status == "partial"
    assert "unrelated" not in OTHER_LANGUAGE_ARBITER_ROLES


def test_a_weak_topic_mention_is_never_dropped_as_unrelated(monkeypatch) -> None:
    """A weak-topic cue is written for the passing mention itself ("free choice of employment"
    makes employer_change partial at most), so the model's doubt does not make it missing."""
    import blma.analysis.second_opinion as second
    from blma.api import analyze_bytes

    monkeypatch.setattr(second, "UNRELATED_BELOW", 1.01)  # every partial now reads as unrelated
    text = (
        "Agreement\n\nArticle 1\n\nEach Party shall guarantee to the workers of the other Party the right to "
        "free choice of employment.\n\nArticle 2\n\nWages should be paid to the worker each month.\n"
    )
    report = analyze_bytes("t.txt", text.encode(), language="en")
    finding = report.finding("employer_change")
    assert finding.status == "partial"
    assert finding.evidence[0].cue == "employer_change/free_choice_of_employment"
    assert report.finding("wage_protection").status == "missing"  # a topic word is still dropped


def test_an_unambiguous_topic_cue_is_never_dropped_as_unrelated(monkeypatch) -> None:
    """A topic cue marked ``unambiguous`` (the sale of jobs, a citation of the Universal
    Declaration) names what cannot be about anything else: the model's doubt leaves it partial,
    in an article and in a preamble alike, while an ordinary cue's finding still goes."""
    import blma.analysis.second_opinion as second
    from blma.api import analyze_bytes

    book = default_analyzer().book
    assert {c.name for c in book.rules["no_worker_fees"].topic if c.unambiguous} >= {"paying_for_a_job"}
    monkeypatch.setattr(second, "UNRELATED_BELOW", 1.01)  # every partial now reads as unrelated
    text = (
        "Convention on Hotel Work\n\nThe Parties,\n\nRecalling the Universal Declaration of Human Rights,\n\n"
        "Have agreed as follows:\n\nArticle 1\n\nWhere such a practice exists, the sale and purchase of "
        "employment in hotels shall be prohibited.\n\nArticle 2\n\nWages should be paid to the worker each month.\n"
    )
    report = analyze_bytes("t.txt", text.encode(), language="en")
    fees, standards = report.finding("no_worker_fees"), report.finding("non_regression")
    assert (fees.status, fees.evidence[0].cue) == ("partial", "no_worker_fees/paying_for_a_job")
    assert (standards.status, standards.evidence[0].location) == ("partial", "Preamble")
    assert standards.evidence[0].cue == "non_regression/cites_labour_or_human_rights_standards"
    assert report.finding("wage_protection").status == "missing"  # an ordinary cue's finding still goes


def test_the_strength_check_runs_in_english_french_and_spanish(monkeypatch) -> None:
    """Leave-one-set-out supported it in English and French, and in Spanish once sixteen Spanish
    sets were there to judge it (session 16: present precision 0.764 -> 0.784, exact unchanged)."""
    import blma.analysis.second_opinion as second
    from blma.api import analyze_bytes

    texts = {  # the worker's own hold on the passport: a prohibition binding the employer is not checked
        "en": "Agreement\n\nArticle 1\n\nWorkers shall keep their own passports and identity documents at all times.\n",
        "fr": "Accord\n\nArticle 1\n\nLe travailleur conserve son passeport et ses papiers d'identité en sa possession.\n",
        "es": "Convenio\n\nArtículo 1\n\nEl trabajador conservará su pasaporte en su poder.\n",
    }
    before = {lang: analyze_bytes("t.txt", t.encode(), language=lang).finding("identity_documents") for lang, t in texts.items()}
    assert {lang: f.status for lang, f in before.items()} == {"en": "present", "fr": "present", "es": "present"}
    monkeypatch.setattr(second, "PRESENT_SHARE_AT_LEAST", 1.01)  # no sentence can now confirm a present
    after = {lang: analyze_bytes("t.txt", t.encode(), language=lang).finding("identity_documents") for lang, t in texts.items()}
    assert {lang: (f.status, f.check) for lang, f in after.items()} == {
        "en": ("partial", True),
        "fr": ("partial", True),
        "es": ("partial", True),
    }


def test_a_harm_no_rule_reads_becomes_contrary_marked_check_and_says_so() -> None:
    """The rule reads the sentence as being about rest (a partial: one rest day, no limit on hours);
    that the rest day is withheld until probation ends is a harm only the model reads."""
    doc = _doc("Once the probation period is over, the worker shall be entitled to a weekly rest day.")
    assert RULES.analyze(doc).finding("working_time_rest").status == "partial"
    finding = BOTH.analyze(doc).finding("working_time_rest")
    assert (finding.status, finding.check) == ("contrary", True)
    assert finding.reason.startswith("possibly works against workers, in words no rule reads")
    assert finding.evidence[0].kind == "contrary" and finding.evidence[0].cue == "working_time_rest/arbiter"
    assert finding.evidence[0].note == ""  # a contrary note quotes harmful words; the model points at none
    assert in_words(finding.reason).startswith("A provision may work against workers in words the rules do not read")


def test_the_model_reads_the_direction_only_of_a_sentence_a_rule_found_on_topic(monkeypatch) -> None:
    """A tie to the first employer in words no rule reads as being about a change of employer: the
    model, which reads it as a harm (0.98), is not asked, even with its relevance bar lowered."""
    import blma.analysis.second_opinion as second

    monkeypatch.setattr(second, "HARM_RELEVANCE", 0.2)
    doc = _doc(
        "A worker who leaves the employer named in the permit before the end of the second year shall "
        "lose the permit and be sent home."
    )
    assert BOTH.analyze(doc).finding("employer_change").status == "missing"


def test_the_model_does_not_overrule_a_direction_the_rules_have_settled(monkeypatch) -> None:
    """A prohibition binding the agency or employer protects, and a harm the rules found negated is
    negated, however the model's words read them."""
    import blma.analysis.second_opinion as second

    monkeypatch.setattr(second, "HARM_RELEVANCE", 0.0)
    monkeypatch.setattr(second, "HARM_CONTRARY_AT_LEAST", 0.0)
    for sentence, pid in (
        ("The recruitment agency shall not recover any placement fee from the worker's wages.", "no_worker_fees"),
        ("No employer or agent shall keep the passport of a worker, even for safekeeping.", "identity_documents"),
    ):
        assert BOTH.analyze(_doc(sentence)).finding(pid).status != "contrary", sentence


def test_the_and_a_list_items_semicolon_leaves_behind_is_no_evidence() -> None:
    # ILO C124 Art. 3(1): "(a) shall be carried out ... by the competent authority; and" splits at the
    # semicolon, and the bare "and" (with its lead-in) was read as a paraphrase of health care
    text = REAL_TEXTS / "ilo_c124_medical_examination_young_persons_underground_1965.md"
    report = default_analyzer().analyze(read_path(text))
    quoted = [e.text.strip() for f in report.protections for e in f.evidence]
    assert quoted and not any(q.lower() in {"and", "or", "and;", "or;"} for q in quoted)
