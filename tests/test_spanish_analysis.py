"""Spanish agreements read as Spanish texts write them: articles numbered in words are cited by
their number, a short Spanish text is not taken for French, a sentence that leaves its subject to
the one before is read with it, the keyword baseline searches Spanish texts with Spanish words, and a carve-out for the
instrument's own special terms ("sin perjuicio de las condiciones específicas") narrows a provision."""

from __future__ import annotations

import io

import pytest
from docx import Document

from blma.analysis.analyzer import Analyzer
from blma.analysis.deontic import DeonticReader
from blma.analysis.rules import load_rulebook
from blma.api import analyze_bytes
from blma.evaluation.baseline import KeywordBaseline, keywords_file, load_keywords
from blma.library import default_library
from blma.reading import read_bytes
from blma.reading.language import identify, profile
from blma.reading.ordinals import ordinal_value

TITLE = "Convenio entre la República de Andalera y el Reino de Brisania sobre el empleo de trabajadoras domésticas"


def _agreement(third_article: str, headings: tuple[str, ...] = ("Artículo 1", "Artículo 2", "Artículo 3", "Artículo 4")) -> str:
    """A small Spanish agreement whose third article holds the text under test."""
    articles = (
        "El presente Convenio regula la contratación de trabajadoras domésticas de Andalera en Brisania.",
        "El empleador abonará el salario mensual en la cuenta bancaria de la trabajadora.",
        third_article,
        "El presente Convenio entrará en vigor en la fecha de su firma.",
    )
    body = "\n\n".join(f"{head}\n\n{text}" for head, text in zip(headings, articles, strict=True))
    return f"{TITLE}\n\nLas Partes han convenido lo siguiente:\n\n{body}\n"


def _docx(paragraphs: list[tuple[str, bool]]) -> bytes:
    """A DOCX with the given paragraphs; True marks a heading."""
    document = Document()
    for text, heading in paragraphs:
        if heading:
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- 1. articles numbered in words --------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("SEXTO", 6),
        ("primero", 1),
        ("Décimo tercero", 13),
        ("decimotercero", 13),
        ("vigésimo primero", 21),
        ("PREMIER", 1),
        ("deuxième", 2),
        ("vingt et unième", 21),
        ("dix-septième", 17),
        ("septiembre", None),
        ("second", None),
        # cardinals: "ARTICLE QUATRE", "ARTÍCULO CATORCE"
        ("QUATRE", 4),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("vingt-six", 26),
        ("catorce", 14),
        ("treinta y uno", 31),
        ("quatre et cinq", None),  # two articles, not one numbered 9
        ("cuatro y cinco", None),
    ],
)
def test_ordinal_words_are_read_as_numbers(words: str, number: int | None) -> None:
    assert ordinal_value(words) == number


def test_articles_numbered_in_cardinal_words_are_cited_by_number() -> None:
    text = (
        "ARTICLE PREMIER\n\nTexte.\n\nARTICLE QUATRE\n\nLe travailleur conserve son passeport.\n\n"
        "ARTICLE DIX-SEPT\n\nTexte.\n\nARTÍCULO TREINTA Y UNO\n\nTexto.\n"
    )
    doc = read_bytes("numbers.md", text.encode())
    located = {b.text: b.location for b in doc.blocks}
    assert located["Le travailleur conserve son passeport."] == "Article 4"
    assert [b.location for b in doc.blocks if b.kind == "heading"] == ["Article 1", "Article 4", "Article 17", "Article 31"]


def test_spanish_articles_numbered_in_words_are_cited_by_number_in_a_docx() -> None:
    data = _docx(
        [
            (TITLE, False),
            ("Las Partes han convenido lo siguiente:", False),
            ("ARTÍCULO SEXTO", True),
            ("1. El empleador abonará el salario cada mes.", False),
            ("2. El empleador no retendrá el pasaporte de la trabajadora.", False),
            ("3. La trabajadora dormirá en la cocina de la vivienda familiar.", False),
            ("Artículo 7º", True),
            ("Los gastos de viaje correrán a cargo del empleador.", False),
            ("Artículo vigésimo primero", True),
            ("El presente Convenio entrará en vigor en la fecha de su firma.", False),
        ]
    )
    report = analyze_bytes("convenio.docx", data)
    assert report.facts.language == "es"
    sleeping = report.finding("accommodation")
    assert sleeping.status == "contrary"
    assert sleeping.evidence[0].location == "Artículo 6.3"
    doc = read_bytes("convenio.docx", data)

    def where(start: str) -> str:
        return next(block.location for block in doc.blocks if block.text.startswith(start))

    assert where("Los gastos de viaje") == "Artículo 7"
    assert where("El presente Convenio entrará") == "Artículo 21"


def test_french_articles_numbered_in_words_are_cited_by_number() -> None:
    text = (
        "Accord entre le Royaume de Kestrie et la République de Marovie relatif aux travailleurs saisonniers\n\n"
        "Les Parties sont convenues de ce qui suit :\n\n"
        "ARTICLE PREMIER\n\nLe recrutement des travailleurs est assuré par l'Office national de l'emploi.\n\n"
        "Article deuxième\n\n1. L'employeur ne peut retenir le passeport du travailleur.\n\n"
        "Article vingt et unième\n\nLe présent Accord entre en vigueur le jour de sa signature.\n"
    )
    doc = read_bytes("accord.txt", text.encode())

    def where(start: str) -> str:
        return next(block.location for block in doc.blocks if block.text.startswith(start))

    assert where("Le recrutement des travailleurs") == "Article 1"
    assert where("L'employeur ne peut") == "Article 2, alinéa 1"
    assert where("Le présent Accord") == "Article 21"
    assert not any(block.location.startswith("Article ,") for block in doc.blocks)


# -- 2. short Spanish texts are Spanish ------------------------------------------------------------
SHORT = (
    "La trabajadora dormirá en la cocina de la vivienda de la familia. "
    "En caso de desacuerdo prevalecerá la interpretación de la Parte receptora."
)


def test_a_short_spanish_paragraph_is_spanish_not_french() -> None:
    assert identify(SHORT) == "es"
    assert identify("La contratación de la mano de obra se hará en la oficina de la capital.") == "es"


def test_a_near_tie_goes_to_the_documents_language() -> None:
    paragraphs = ["El empleador no podrá retener el pasaporte de la trabajadora ni sus documentos.",
                  "La casa de la familia en la capital de la provincia de la costa."]
    assert profile(paragraphs).by_paragraph == ["es", "es"]


def test_a_two_sentence_spanish_text_is_analysed_in_spanish() -> None:
    report = analyze_bytes("breve.txt", SHORT.encode(), language="es")
    assert report.facts.language == "es"
    assert report.finding("accommodation").status == "contrary"


# -- 3. contrary findings in a full agreement ---------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "pid"),
    [
        ("La trabajadora dormirá en la cocina de la vivienda familiar.", "accommodation"),
        ("En caso de desacuerdo prevalecerá la interpretación de la Parte receptora.", "dispute_settlement"),
    ],
)
def test_a_contrary_sentence_is_found_in_a_full_spanish_agreement(sentence: str, pid: str) -> None:
    report = analyze_bytes("convenio.txt", _agreement(sentence).encode())
    assert report.facts.language == "es"
    assert not report.warnings or "French" not in report.warnings[0]
    finding = report.finding(pid)
    assert finding.status == "contrary"
    assert finding.evidence[0].text == sentence
    assert finding.evidence[0].location == "Artículo 3"


# -- 4. a subject left to the sentence before -------------------------------------------------------
def test_a_spanish_sentence_without_subject_binds_the_subject_before() -> None:
    denied = _agreement(
        "Las trabajadoras domésticas recibirán el mismo salario que las nacionales. "
        "No podrán cambiar de empleador durante el primer año."
    )
    finding = analyze_bytes("convenio.txt", denied.encode()).finding("employer_change")
    assert finding.status == "contrary"
    assert finding.evidence[0].text == "No podrán cambiar de empleador durante el primer año."

    allowed = _agreement(
        "Las trabajadoras domésticas recibirán el mismo salario que las nacionales. "
        "Podrán cambiar de empleador al término del primer año."
    )
    finding = analyze_bytes("convenio.txt", allowed.encode()).finding("employer_change")
    assert finding.status != "contrary"
    assert "soft wording" not in finding.reason  # the workers' right, not a State's soft "may"


def test_the_subject_is_carried_to_the_next_paragraph_of_the_same_article_only() -> None:
    carried = _agreement("Las trabajadoras domésticas recibirán el salario mínimo.\n\nNo podrán cambiar de empleador.")
    assert analyze_bytes("convenio.txt", carried.encode()).finding("employer_change").status == "contrary"
    apart = (
        f"{TITLE}\n\nLas Partes han convenido lo siguiente:\n\nArtículo 1\n\n"
        "Las trabajadoras domésticas recibirán el salario mínimo.\n\nArtículo 2\n\nNo podrán cambiar de empleador.\n"
    )
    assert analyze_bytes("convenio.txt", apart.encode()).finding("employer_change").status != "contrary"


# -- the keyword baseline -------------------------------------------------------------------------
def test_the_keyword_baseline_searches_a_spanish_text_with_spanish_words(tmp_path) -> None:
    ids = list(default_library().protections)
    spanish = load_keywords(keywords_file("es"), protection_ids=ids)
    baseline = KeywordBaseline(load_keywords(protection_ids=ids), {"es": spanish})
    text = "El empleador no podrá retener el pasaporte de la trabajadora."
    assert baseline.statuses(text, "es")["identity_documents"] == "present"
    assert baseline.statuses(text, "en")["identity_documents"] == "missing"
    path = tmp_path / "convenio.txt"
    path.write_text(_agreement(text), encoding="utf-8")
    predicted = baseline.predict(path)
    assert predicted["identity_documents"] == "present"
    assert predicted["wage_protection"] == "present"  # "salario"
    assert predicted["family_reunification"] == "missing"


def test_an_amendment_deleting_a_harmful_clause_it_quotes_is_no_harm() -> None:
    """"Queda suprimido el apartado 3, según el cual «...no podrán cambiar de empleador...»"
    removes the harm it quotes; the same words on their own impose it."""
    head = "# Protocolo de enmienda del Convenio sobre trabajadores temporeros\n\n## Artículo 1\n\n"
    harm = "Los trabajadores temporeros no podrán cambiar de empleador durante la temporada.\n"
    deleted = (
        "Queda suprimido el apartado 3 del artículo 8 del Convenio, según el cual «los trabajadores "
        "temporeros no podrán cambiar de empleador durante la temporada».\n"
    )
    assert analyze_bytes("p.md", (head + harm).encode()).finding("employer_change").status == "contrary"
    assert analyze_bytes("p.md", (head + deleted).encode()).finding("employer_change").status != "contrary"


# -- the Spanish deontic reading: the instrument's own special terms carve a provision out ---------
READER = DeonticReader(load_rulebook(language="es").modality)


@pytest.mark.parametrize(
    "sentence",
    [
        "Los temporeros gozarán de igualdad de trato con los nacionales, sin perjuicio de las condiciones particulares de este Convenio.",
        "El trabajador tendrá derecho a cambiar de empleador, sin perjuicio de las reglas específicas del Plan.",
    ],
)
def test_special_terms_carve_out_is_a_qualifier(sentence: str) -> None:
    assert READER.read(sentence).qualifier == "save_special_terms"


def test_a_plain_without_prejudice_is_no_qualifier() -> None:
    provision = READER.read(
        "El empleador pagará el salario cada mes, sin perjuicio de lo dispuesto en el artículo 4."
    )
    assert provision.qualifier != "save_special_terms"


def test_the_new_text_of_a_replaced_article_is_in_force() -> None:
    """«..., que dispone: "...", queda sustituido por el texto siguiente:» repeals the quoted harm and
    brings the new text, whose harms stand."""
    from blma.api import analyze_bytes

    def status(old: str, new: str) -> str:
        text = (
            f"Convenio\n\nArtículo 1\n\nEl artículo 15 del Convenio, que dispone: «{old}», queda sustituido "
            f"por el texto siguiente:\n\n1. {new}\n"
        )
        return analyze_bytes("t.txt", text.encode(), language="es").finding("employer_change").status

    assert status("El trabajador no podrá cambiar de empleador", "El trabajador podrá cambiar de empleador sin autorización del anterior.") == "present"
    assert status("El trabajador podrá cambiar de empleador", "El trabajador no podrá cambiar de empleador durante los dos primeros años.") == "contrary"


def test_an_allowed_deduction_listed_after_a_ban_with_exceptions_is_a_harm() -> None:
    """«No se descontará suma alguna, salvo las siguientes:» lists what may be deducted: a fare
    recovered from pay among those items is charged to the worker, whatever the ban says."""

    def status(item: str) -> str:
        text = (
            "Reglamento\n\nArtículo 1\n\nEl empleador pagará el salario cada quince días.\n\n"
            "Artículo 2\n\nNo se descontará del salario suma alguna, salvo las siguientes:\n\n"
            f"a) las cotizaciones de seguridad social;\n\nb) {item}\n"
        )
        return analyze_bytes("t.txt", text.encode(), language="es").finding("no_worker_fees").status

    assert status("la devolución del pasaje aéreo de llegada, en cuotas mensuales del cinco por ciento del salario.") == "contrary"
    assert status("las cuotas sindicales que el trabajador autorice por escrito.") != "contrary"


def test_conventions_ratified_by_a_party_are_no_final_clause() -> None:
    """«los convenios de la OIT ratificados por la República» cites standards (non_regression);
    «el presente Convenio será ratificado» is a final clause about the instrument's own life."""
    text = (
        "Reglamento\n\nArtículo 38\n\nLas disposiciones de este capítulo se aplican a los trabajadores "
        "temporales. Se interpretarán de conformidad con los convenios de la Organización Internacional "
        "del Trabajo ratificados por la República.\n"
    )
    report = analyze_bytes("t.txt", text.encode(), language="es", analyzer=Analyzer(arbiter=False))
    assert report.finding("non_regression").status == "partial"
    final = text.replace(
        "Se interpretarán de conformidad con los convenios de la Organización Internacional del Trabajo "
        "ratificados por la República.",
        "El presente Convenio será ratificado conforme a los convenios de la Organización Internacional "
        "del Trabajo.",
    )
    report = analyze_bytes("t.txt", final.encode(), language="es", analyzer=Analyzer(arbiter=False))
    assert report.finding("non_regression").status == "missing"


def test_a_permit_that_lapses_with_the_job_works_against_workers_and_a_repealed_article_does_not() -> None:
    """"Quedará sin efecto" repeals a provision, but a permit that "quedará sin efecto" when the job
    ends is the harm itself: neither "sin" nor the repeal reading may reverse it."""
    lapses = "La autorización de residencia y trabajo quedará sin efecto en la fecha en que el empleador comunique la baja de la trabajadora."
    assert analyze_bytes("convenio.txt", _agreement(lapses).encode()).finding("migration_status").status == "contrary"
    repealed = (
        "El apartado 4 del Convenio de 2010, que dispone que la autorización de residencia quedará sin efecto "
        "en la fecha en que el empleador comunique la baja de la trabajadora, queda sin efecto."
    )
    assert analyze_bytes("convenio.txt", _agreement(repealed).encode()).finding("migration_status").status != "contrary"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "a su costa" is the subject's: the employer's after an opening condition, the worker's when named last
        ("En caso de fallecimiento de la trabajadora, el empleador repatriará los restos a su costa.", "partial"),
        ("La trabajadora deberá regresar a su país a su propia costa.", "contrary"),
    ],
)
def test_a_su_costa_is_paid_by_the_party_named_before_it(sentence: str, expected: str) -> None:
    report = analyze_bytes("convenio.txt", _agreement(sentence).encode())
    assert report.finding("return_reintegration").status == expected
