"""French agreements are read in French: the loader merges the English rules' logic with the
French words, headings and citations are read as French texts write them, and the keyword
baseline searches a French text with French words."""

from __future__ import annotations

from pathlib import Path

import pytest

from blma.analysis import rule_languages
from blma.analysis.citations import block_place, parse_citation
from blma.analysis.rule_languages import coverage, supported_languages
from blma.analysis.rules import RULES_DIR, _cache_key, load_rulebook
from blma.api import analyze_bytes
from blma.errors import DataError
from blma.evaluation.baseline import KeywordBaseline, keywords_file, load_keywords
from blma.library import default_library
from blma.reading import read_bytes
from blma.reading.citation_language import cite_in

AGREEMENT = """Accord entre le Royaume de Kestrie et la République de Marovie relatif au recrutement des travailleurs

Le Gouvernement du Royaume de Kestrie et le Gouvernement de la République de Marovie, Considérant les liens d'amitié qui unissent les deux pays, sont convenus de ce qui suit :

Article premier

Le recrutement des travailleurs est assuré exclusivement par l'Office national de l'emploi.

Article 2

1. Aucune rétribution ne peut être réclamée aux travailleurs pour leur recrutement; les frais de voyage et de visa sont à la charge de l'employeur.

2. L'employeur ne peut retenir le passeport du travailleur.

Article 3

Le travailleur ne peut changer d'employeur pendant la durée de son contrat.

Article 4

Les Parties s'efforcent d'échanger des informations sur le marché du travail.
"""


def test_french_headings_and_citations_are_read_as_french_texts_write_them() -> None:
    doc = read_bytes("accord.txt", AGREEMENT.encode())

    def where(start: str) -> str:
        return next(block.location for block in doc.blocks if block.text.startswith(start))

    assert where("Le recrutement des travailleurs") == "Article 1"  # "Article premier"
    assert where("Aucune rétribution ne peut être") == "Article 2, alinéa 1"
    assert where("Le Gouvernement du Royaume") == "Préambule"
    assert [b.kind for b in doc.blocks if b.text.startswith("Le Gouvernement")] == ["preamble"]


@pytest.mark.parametrize(
    ("location", "language", "cited"),
    [
        ("Article 7(2)", "fr", "Article 7, alinéa 2"),
        ("Article 7(2)(a)", "fr", "Article 7, alinéa 2, a)"),
        ("Annex I, paragraph 2", "fr", "Annexe I, paragraphe 2"),
        ("Article 7(2)", "es", "Artículo 7.2"),
        ("Annex I, paragraph 2", "es", "Anexo I, párrafo 2"),
        ("Article 7(2)", "en", "Article 7(2)"),
    ],
)
def test_a_location_is_cited_in_the_documents_language(location: str, language: str, cited: str) -> None:
    assert cite_in(location, language) == cited
    assert block_place(cited) == block_place(location)


def test_spanish_headings_are_recognised_for_the_spanish_rule_files() -> None:
    text = "Artículo 7\n\n1. El empleador no podrá retener el pasaporte del trabajador en ningún caso.\n\nAnexo II\n\n1. El contrato de trabajo será escrito y firmado por las partes.\n"
    doc = read_bytes("convenio.txt", text.encode())
    assert [b.location for b in doc.blocks if b.kind == "paragraph"] == [
        "Artículo 7.1",
        "Anexo II, párrafo 1",
    ]


@pytest.mark.parametrize(
    ("citation", "paths"),
    [
        ("article 10, paragraphe 2", [("10", "2")]),
        ("article 15, paragraphes 1 et 2", [("15", "1"), ("15", "2")]),
        ("articles 6 à 8", [("6",), ("7",), ("8",)]),
        ("Article premier", [("1",)]),
        ("artículo 7.2", [("7", "2")]),
    ],
)
def test_french_and_spanish_label_citations_are_read(citation: str, paths: list[tuple[str, ...]]) -> None:
    assert [place.path for place in parse_citation(citation).places] == paths


def test_a_french_agreement_gets_the_same_statuses_evidence_and_suggestions() -> None:
    report = analyze_bytes("accord.txt", AGREEMENT.encode())
    assert report.facts.language == "fr"
    statuses = report.statuses()
    assert statuses["identity_documents"] == "present"
    assert statuses["employer_change"] == "contrary"
    assert statuses["information_exchange"] == "partial"  # "s'efforcent": soft wording
    fees = report.finding("no_worker_fees")
    assert fees.status == "present", fees.reason
    assert fees.evidence[0].location == "Article 2, alinéa 1"
    quoted = " ".join(e.text for e in fees.evidence)
    assert "Aucune rétribution ne peut être réclamée" in quoted and "à la charge de l'employeur" in quoted
    assert report.finding("employer_change").suggestions


def test_a_cue_name_the_english_rule_does_not_have_is_a_load_error_naming_it(tmp_path: Path) -> None:
    spec = rule_languages.read_forms(RULES_DIR / "languages" / "fr" / "identity_documents.yaml")
    forms = spec.model_copy(update={"topic": {**spec.topic, "passport_kept_by_boss": None}})
    from blma.analysis.rules import read_rule_spec

    english = read_rule_spec(RULES_DIR / "protections" / "identity_documents.yaml")
    with pytest.raises(DataError, match="unknown cue name\\(s\\) passport_kept_by_boss"):
        rule_languages.localise(english, forms, "fr/identity_documents.yaml")


def test_an_untranslated_cue_does_not_fire_and_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    (folder / "protections").mkdir(parents=True)
    (folder / "languages" / "fr").mkdir(parents=True)
    for path in (RULES_DIR / "protections").glob("*.yaml"):
        (folder / "protections" / path.name).write_bytes(path.read_bytes())
    for path in (RULES_DIR / "languages" / "fr").glob("*.yaml"):
        (folder / "languages" / "fr" / path.name).write_bytes(path.read_bytes())
    (folder / "pipeline.yaml").write_bytes((RULES_DIR / "pipeline.yaml").read_bytes())
    (folder / "languages" / "fr" / "identity_documents.yaml").write_text(
        "id: identity_documents\n", encoding="utf-8"
    )
    assert "topic/document_custody" in coverage("fr", folder)["identity_documents"]
    book = load_rulebook(folder, language="fr")
    assert book.rules["identity_documents"].topic == ()
    assert not coverage("fr")["identity_documents"] or all(
        not c.startswith("topic/") for c in coverage("fr")["identity_documents"]
    )


def test_the_cache_key_changes_with_a_language_file(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    (folder / "protections").mkdir(parents=True)
    (folder / "languages" / "fr").mkdir(parents=True)
    (folder / "protections" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (folder / "languages" / "fr" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    before = _cache_key(folder, "fr", ("a",))
    (folder / "languages" / "fr" / "a.yaml").write_text("id: a\ntopic: {}\n", encoding="utf-8")
    assert before and _cache_key(folder, "fr", ("a",)) != before
    assert _cache_key(folder, "en", ("a",)) == _cache_key(folder, "en", ("a",))


def test_french_is_supported_and_english_comes_first() -> None:
    languages = supported_languages()
    assert languages[0] == "en" and "fr" in languages


def test_the_keyword_baseline_searches_a_french_text_with_french_words() -> None:
    ids = list(default_library().protections)
    french = load_keywords(keywords_file("fr"), protection_ids=ids)
    baseline = KeywordBaseline(load_keywords(protection_ids=ids), {"fr": french})
    text = "L'employeur ne peut retenir le passeport du travailleur."
    assert baseline.statuses(text, "fr")["identity_documents"] == "present"
    assert baseline.statuses(text, "en")["identity_documents"] == "missing"


def test_ils_before_a_modal_stands_for_the_subject_of_the_sentence_before() -> None:
    """ "Ils ne peuvent changer d'employeur" binds the workers the sentence before names."""
    text = AGREEMENT.replace(
        "Le travailleur ne peut changer d'employeur pendant la durée de son contrat.",
        "Les travailleurs saisonniers reçoivent le même salaire que les nationaux. "
        "Ils ne peuvent changer d'employeur pendant la première année.",
    )
    finding = analyze_bytes("accord.txt", text.encode()).finding("employer_change")
    assert finding.status == "contrary"
    assert finding.evidence[0].text == "Ils ne peuvent changer d'employeur pendant la première année."
    assert finding.evidence[0].location == "Article 3"
    allowed = text.replace("Ils ne peuvent changer", "Ils peuvent changer")
    assert analyze_bytes("accord.txt", allowed.encode()).finding("employer_change").status != "contrary"


def test_an_amendment_deleting_a_harmful_clause_it_quotes_is_no_harm() -> None:
    """ "Le paragraphe 3, aux termes duquel « le travailleur ne peut changer d'employeur », est
    supprimé" removes the harm it quotes; the same words on their own impose it."""
    harmful = "Le travailleur ne peut changer d'employeur pendant la durée de son contrat."
    deleted = (
        "Le paragraphe 3 de l'article 8 de l'Accord, aux termes duquel « le travailleur ne peut "
        "changer d'employeur pendant la durée de son contrat », est supprimé."
    )
    assert analyze_bytes("accord.txt", AGREEMENT.encode()).finding("employer_change").status == "contrary"
    amended = AGREEMENT.replace(harmful, deleted)
    assert analyze_bytes("accord.txt", amended.encode()).finding("employer_change").status != "contrary"


def test_a_language_may_add_a_mask_of_its_own_but_not_without_a_reason() -> None:
    from blma.analysis.rules import read_rule_spec

    english = read_rule_spec(RULES_DIR / "protections" / "identity_documents.yaml")
    spec = rule_languages.read_forms(RULES_DIR / "languages" / "fr" / "identity_documents.yaml")
    own = rule_languages.SurfaceForm(
        pattern=r"\bpasseport (?:sanitaire|vaccinal)\b", comment="a health pass is no passport"
    )
    localised = rule_languages.localise(
        english, spec.model_copy(update={"mask": {**spec.mask, "pass_sanitaire": own}}), "fr"
    )
    assert localised.mask[-1].name == "pass_sanitaire" and localised.mask[-1].pattern == own.pattern
    unexplained = own.model_copy(update={"comment": None})
    with pytest.raises(DataError, match=r"mask\.pass_sanitaire: a mask of the language's own needs"):
        rule_languages.localise(
            english, spec.model_copy(update={"mask": {"pass_sanitaire": unexplained}}), "fr"
        )


def test_costs_that_remain_with_the_worker_work_against_the_protection() -> None:
    """ "demeurent à la charge des stagiaires" puts the cost on the worker as "sont à la charge"
    does; the same words under a negator do not."""
    fair = "les frais de voyage et de visa sont à la charge de l'employeur"
    charged = "les frais de voyage et de visa demeurent à la charge des travailleurs"
    spared = "les frais de voyage et de visa ne demeurent en aucun cas à la charge des travailleurs"
    assert fair in AGREEMENT
    for wording, harmful in ((charged, True), (spared, False)):
        report = analyze_bytes("accord.txt", AGREEMENT.replace(fair, wording).encode())
        assert (report.finding("no_worker_fees").status == "contrary") is harmful


def _status(text: str, protection: str) -> str:
    return analyze_bytes("accord.txt", text.encode(), language="fr").finding(protection).status


HEAD = "Accord entre deux Gouvernements relatif à l'emploi de travailleurs\n\nArticle 3\n\n"


def test_a_contract_in_two_equally_authentic_languages_is_no_final_clause() -> None:
    """ "les deux textes faisant également foi" closes a treaty; said of a worker's contract it is
    the contract's language, and the sentence still counts for written_contract."""
    contract = (
        "Chaque travailleur signe avec son employeur un contrat de travail individuel rédigé en "
        "langue française et en langue kestrienne, les deux textes faisant également foi."
    )
    # addressed; partial by the rubric (nothing on signing before departure or on substitution),
    # which the strength check now says where the rules alone said present
    assert _status(HEAD + contract, "written_contract") in ("present", "partial")
    treaty = (
        "Fait en deux exemplaires, en langues française et kestrienne, les deux textes faisant également foi."
    )
    assert _status(HEAD + treaty, "written_contract") == "missing"


def test_union_membership_is_no_accession_and_benevolent_review_is_soft() -> None:
    """ "adhésion" to a union is not a State's accession (final clause); "examinera avec
    bienveillance" promises to look at a request, not to grant it; a worker who "peut solliciter
    l'assistance" of a consul may only ask."""
    barred = "Les travailleurs s'abstiennent de toute activité politique, ainsi que de toute adhésion à un syndicat."
    assert _status(HEAD + barred, "freedom_of_association") == "contrary"
    benevolent = (
        "Le Gouvernement d'accueil examinera avec bienveillance les demandes des travailleurs qui, "
        "après un an de séjour, désirent faire venir leur conjoint et leurs enfants mineurs."
    )
    assert _status(HEAD + benevolent, "family_reunification") == "partial"
    consul = "Le travailleur peut solliciter l'assistance du consul de son pays, qui lui rend visite sur son lieu de travail."
    assert _status(HEAD + consul, "consular_assistance") == "partial"


@pytest.mark.parametrize(
    ("language", "kept_in", "left_out"),
    [
        (
            "fr",
            "Les travailleurs migrants ne sont pas exclus des prestations de sécurité sociale du pays d'accueil.",
            "Les travailleurs migrants sont exclus des prestations de sécurité sociale du pays d'accueil.",
        ),
        (
            "es",
            "Los trabajadores migrantes no quedarán excluidos de las prestaciones de seguridad social del país de acogida.",
            "Los trabajadores migrantes quedan excluidos de las prestaciones de seguridad social del país de acogida.",
        ),
    ],
)
def test_workers_not_excluded_are_protected_and_workers_excluded_are_harmed(
    language: str, kept_in: str, left_out: str
) -> None:
    """An exclusion read as a harm must see the negator before it in the text's own language."""

    def status(sentence: str) -> str:
        text = f"Accord\n\nArticle 1\n\n{sentence}\n" if language == "fr" else f"Convenio\n\nArtículo 1\n\n{sentence}\n"
        return analyze_bytes("t.txt", text.encode(), language=language).finding("social_security_portability").status

    assert status(kept_in) == "partial"
    assert status(left_out) == "contrary"


# Wordings of real French treaties of the 1950s and harms in new French wordings: a savings clause
# written "ne pourra être considéré comme portant atteinte à toute loi ... plus favorables", an
# admission check "par une enquête menée par elles-mêmes"; "taxes consulaires" and a signing embassy
# are no consular help, while consuls acting "à la défense des intérêts" of nationals are; costs that
# "demeurent à sa charge", a ticket repaid on resigning, work asked on the rest day, no union joined,
# and a worker who may leave the house only with permission are harms.
FRENCH_WORDINGS = [
    (
        "savings_clause",
        "Rien dans le présent Accord ne sera considéré comme portant atteinte à toute loi ou à tout "
        "usage qui garantit aux travailleurs des conditions plus favorables.",
        "non_regression",
        "partial",
    ),
    (
        "admission_inquiry",
        "Les permis ne sont délivrés que si les autorités compétentes sont convaincues, par une enquête "
        "menée par elles-mêmes, que les conditions convenues seront respectées.",
        "labour_inspection",
        "partial",
    ),
    (
        "consular_fees",
        "Les pièces à produire sont dispensées des droits de timbre et des taxes consulaires.",
        "consular_assistance",
        "missing",
    ),
    (
        "signing_embassy",
        "Pour le Gouvernement de la Partie A, (s.) P. Martin, Ambassade de la Partie A",
        "consular_assistance",
        "missing",
    ),
    (
        "consuls_defend_nationals",
        "Les autorités diplomatiques et consulaires de chaque Partie peuvent s'adresser aux administrations "
        "et aux caisses de l'autre Partie afin de recueillir toute information utile à la défense des "
        "intérêts de leurs ressortissants.",
        "consular_assistance",
        "partial",
    ),
    (
        "costs_remain_his",
        "Les frais du voyage aller du travailleur demeurent à sa charge.",
        "no_worker_fees",
        "contrary",
    ),
    (
        "own_travel_cost",
        "Le travailleur supporte le coût de son voyage jusqu'au lieu de travail.",
        "no_worker_fees",
        "contrary",
    ),
    (
        "ticket_repaid_on_resigning",
        "Si le salarié démissionne avant un an, il rembourse à l'employeur, au prorata du temps restant, "
        "le prix de son billet et les honoraires de l'agence.",
        "no_worker_fees",
        "contrary",
    ),
    (
        "work_on_rest_day",
        "L'employeur peut demander au travailleur de travailler pendant son jour de repos.",
        "working_time_rest",
        "contrary",
    ),
    (
        "no_union_joined",
        "Les travailleurs recrutés n'adhèrent à aucun syndicat pendant leur premier contrat.",
        "freedom_of_association",
        "contrary",
    ),
    (
        "confined_to_the_house",
        "La travailleuse est logée chez l'employeur. Elle ne peut le quitter hors des heures de travail "
        "qu'avec l'autorisation de l'employeur.",
        "forced_labour_trafficking",
        "contrary",
    ),
]


@pytest.mark.parametrize(
    ("text", "protection", "expected"), [c[1:] for c in FRENCH_WORDINGS], ids=[c[0] for c in FRENCH_WORDINGS]
)
def test_french_treaty_wordings_and_harms(text: str, protection: str, expected: str) -> None:
    assert _status(HEAD + text, protection) == expected


def test_costs_of_benefit_checks_borne_by_an_institution_are_no_recruitment_fees() -> None:
    """Social security conventions charge medical checks and the travel they need to "l'institution"
    that asks for them: no_worker_fees stays missing, while an employer bearing recruitment costs
    still addresses it."""
    checks = (
        "Les frais des examens médicaux et les frais de déplacement de l'assuré sont à la charge de "
        "l'institution qui a demandé le contrôle."
    )
    assert _status(HEAD + checks, "no_worker_fees") == "missing"
    employer = "Les frais de recrutement et de voyage sont à la charge de l'employeur."
    assert _status(HEAD + employer, "no_worker_fees") != "missing"


# Sixth French round (issue 10): harms phrased as French treaties and model contracts put them, each
# next to its protective form, which must not read as contrary.
FRENCH_HARMS_ROUND6 = [
    (
        "deemed_to_have_abandoned",
        "Le saisonnier absent plus de trois jours sans motif valable est réputé avoir abandonné son poste.",
        "migration_status",
        "contrary",
    ),
    (
        "absence_not_abandonment",
        "Une absence pour maladie ne peut être considérée comme un abandon de poste.",
        "migration_status",
        "missing",
    ),
    (
        "sent_home_whatever_fitness",
        "L'ouvrier atteint d'une maladie inscrite sur la liste est rapatrié, même si elle ne l'empêche pas "
        "de travailler.",
        "health_care",
        "contrary",
    ),
    (
        "promise_not_to_strike",
        "Par son contrat, l'ouvrier s'engage à ne prendre part à aucune grève pendant la campagne.",
        "freedom_of_association",
        "contrary",
    ),
    (
        "husband_must_authorise",
        "Les candidates ne sont inscrites que sur présentation de l'autorisation écrite de leur mari.",
        "gender_responsive",
        "contrary",
    ),
    (
        "wage_kept_as_guarantee",
        "L'exploitant garde, à titre de garantie, le salaire des deux premières semaines de travail.",
        "wage_protection",
        "contrary",
    ),
    (
        "advance_recovered_from_pay",
        "La somme ainsi avancée pour le voyage est remboursée par le salarié au moyen de retenues sur sa paie.",
        "no_worker_fees",
        "contrary",
    ),
    (
        "moved_only_at_employer_request",
        "L'ouvrier ne peut être affecté dans une autre exploitation qu'à la demande du patron qui l'occupe.",
        "employer_change",
        "contrary",
    ),
]


#: Cases the retrained model gets wrong today, with why; strict, so a fix shows up as a failure.
ROUND6_KNOWN_MISSES = {
    "absence_not_abandonment": (
        "retrained 2026-12-06 (session 23, with synthetic_dev_en31's 'unauthorised absence' permits): the "
        "model reads this protective sentence as a paraphrase of migration_status (88%), so it is partial"
    ),
}


@pytest.mark.parametrize(
    ("text", "protection", "expected"),
    [
        pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(strict=True, reason=ROUND6_KNOWN_MISSES[c[0]])])
        if c[0] in ROUND6_KNOWN_MISSES
        else pytest.param(*c[1:], id=c[0])
        for c in FRENCH_HARMS_ROUND6
    ],
)
def test_french_harms_of_the_sixth_round(text: str, protection: str, expected: str) -> None:
    assert _status(HEAD + text, protection) == expected
