"""Suggested clauses in the agreement's own language: a French or Spanish agreement gets the
library's French or Spanish text, fitted to its parties, authorities and words, in the gap
report (Markdown, DOCX), in the redline's tracked insertions and on the app's Review page,
while the report's own headings and an English agreement's outputs stay as they were."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
import yaml
from docx.package import Package

from blma import api
from blma.analysis.models import AgreementFacts, AgreementTerms, GapReport
from blma.comparison.redline import redline
from blma.library import default_library, load_library
from blma.library.fitting import fitted_clause, paragraphs, suggestion_library
from blma.library.translations import english_words
from blma.ooxml.ns import w
from blma.reading import read_bytes
from blma.reports import build_view

ROOT = Path(__file__).resolve().parents[1]
FRENCH = ROOT / "corpus/real_fr/texts/nl_italy_recruitment_1960.md"  # development part (split.yaml)
SPANISH = ROOT / "corpus/synthetic_dev_es/01_acuerdo_marco_movilidad_andalera_brisania.md"
ENGLISH = ROOT / "sample_agreements/kestria_tenebria_domestic.docx"
DATE = datetime(2026, 12, 4, tzinfo=UTC)
#: What the English library writes where an agreement is silent; never in a French or Spanish text.
ENGLISH_BLANKS = ("[country of", "[competent authority of", "agreed by the competent authorities")


def _as_docx(markdown: str) -> bytes:
    """A Word copy of a corpus text, as a reviewer would receive it: "#" lines become headings."""
    document = docx.Document()
    for line in (line.strip() for line in markdown.splitlines()):
        heading = re.match(r"^(#+)\s*(.*)$", line)
        if heading:
            document.add_paragraph(heading[2].strip("* "), style=f"Heading {min(len(heading[1]), 3)}")
        elif line:
            document.add_paragraph(line.replace("**", ""))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _inserted(data: bytes) -> list[str]:
    """The text of each paragraph the redline inserted as a tracked change."""
    body = Package.open(io.BytesIO(data)).main_document_part.element.body
    return [
        "".join(t.text or "" for t in p.iter(w("t")))
        for p in body.iter(w("p"))
        if p.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None
    ]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def french() -> GapReport:
    return api.analyze_path(str(FRENCH))


@pytest.fixture(scope="module")
def spanish() -> GapReport:
    return api.analyze_path(str(SPANISH))


def _quoted(report: GapReport) -> list[tuple[str, str, str]]:
    """(clause id, title shown, text shown) of every suggestion in the report."""
    return [(s.clause_id, s.title, s.text) for row in build_view(report).gaps for s in row.suggestions]


def test_the_french_text_analysed_is_a_development_text():
    split = yaml.safe_load((ROOT / "corpus/real_fr/split.yaml").read_text(encoding="utf-8"))
    assert FRENCH.stem in split["development"] and FRENCH.stem not in split["holdout"]


# -- 1. the agreement's terms, read in its language ------------------------------------------------
def test_a_spanish_agreements_parties_authorities_and_words_are_read(spanish):
    terms = spanish.facts.terms
    assert spanish.facts.language == "es"
    # "nacionales de Andalera que trabajen ... en Brisania": Andalera sends, Brisania employs
    assert (terms.origin, terms.destination) == ("Andalera", "Brisania")
    assert (terms.origin_name, terms.destination_name) == ("la República de Andalera", "el Reino de Brisania")
    assert terms.origin_authority == "el Ministerio de Trabajo y Empleo de Andalera"
    assert terms.destination_authority == "el Ministerio de Trabajo y Pensiones de Brisania"
    assert (terms.parties_term, terms.committee) == ("Partes", "Comité Mixto")


def test_a_french_agreements_parties_are_read_with_the_article_french_gives_them(french):
    terms = french.facts.terms
    assert french.facts.language == "fr"
    # "travailleurs italiens aux Pays-Bas": Italy sends, the Netherlands employ
    assert (terms.origin, terms.destination) == ("l'Italie", "les Pays-Bas")
    assert (terms.origin_name, terms.destination_name) == (
        "la République Italienne",
        "le Royaume des Pays-Bas",
    )
    assert terms.destination_authority == "le Ministère des Affaires Sociales et de la Santé Publique"
    assert terms.origin_authority == ""  # named in Italian only: a blank, never an invented name
    assert terms.committee == "Commission Mixte"


# -- 2. the gap report quotes the library in the agreement's language ------------------------------
@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_reports_suggested_clauses_are_the_library_text_in_the_agreements_language(
    language, french, spanish
):
    report = {"fr": french, "es": spanish}[language]
    library = default_library().in_language(language)
    quoted = _quoted(report)
    assert len(quoted) > 20
    for clause_id, title, text in quoted:
        assert text == fitted_clause(library.clause(clause_id), report.facts, language).strip()
        assert title == library.clause(clause_id).title != default_library().clause(clause_id).title
        assert not english_words(text), (clause_id, english_words(text))
        assert not any(blank in text for blank in ENGLISH_BLANKS)
    joined = " ".join(text for _, _, text in quoted)
    names = {
        "fr": ("de l'Italie", "aux Pays-Bas", "des Pays-Bas"),
        "es": ("de Brisania", "en Brisania", "Andalera"),
    }
    assert all(name in joined for name in names[language])


@pytest.mark.parametrize("language", ["fr", "es"])
def test_markdown_and_docx_reports_show_the_same_translated_text_under_english_headings(
    language, french, spanish
):
    report = {"fr": french, "es": spanish}[language]
    markdown = api.gap_report_markdown([report])
    shown = _flat(" ".join(line.lstrip(" >") for line in markdown.splitlines()))
    document = [_flat(p.text) for p in docx.Document(io.BytesIO(api.gap_report_docx([report]))).paragraphs]
    for _, title, text in _quoted(report):
        assert f"**{title} (" in markdown
        for paragraph in paragraphs(text):
            assert _flat(paragraph) in shown
            assert _flat(paragraph) in document
    assert "**Suggested clauses:**" in markdown  # the reviewer's own words stay English


def test_a_french_agreement_names_its_committee_and_drops_an_annex_it_does_not_have(french):
    joined = " ".join(text for _, _, text in _quoted(french))
    assert "la Commission Mixte" in joined and "de la Commission Mixte" in joined
    assert "Comité mixte" not in joined and "du Commission" not in joined and " le Commission" not in joined
    assert "l'annexe I" not in joined and "dans un texte arrêté par les autorités compétentes" in joined
    assert "l'[autorité compétente de l'Italie]" in joined  # not named in French: a blank to fill


# -- 3. the fitting, language by language ---------------------------------------------------------
def _facts(
    language: str, instrument: str = "agreement", annexes: dict | None = None, **terms: str
) -> AgreementFacts:
    return AgreementFacts(
        instrument=instrument, language=language, annexes=annexes or {}, terms=AgreementTerms(**terms)
    )


@pytest.mark.parametrize(
    ("language", "terms", "expected"),
    [
        (
            "fr",
            {"parties_term": "Parties contractantes", "committee": "Commission mixte"},
            [
                "Les Parties contractantes institueront une Commission mixte",
                "La Commission mixte se réunira",
                "Chacune des Parties contractantes notifiera à l'autre Partie contractante",
            ],
        ),
        (
            "es",
            {"parties_term": "Partes Contratantes", "committee": "Comisión Mixta"},
            [
                "Las Partes Contratantes crearán una Comisión Mixta",
                "La Comisión Mixta se reunirá",
                "Cada una de las Partes Contratantes notificará a la otra Parte Contratante",
            ],
        ),
    ],
)
def test_the_agreements_word_for_its_parties_and_its_committees_name_agree_with_their_articles(
    language, terms, expected
):
    clause = default_library().in_language(language).clause("joint_committee.basic_committee")
    text = _flat(fitted_clause(clause, _facts(language, **terms)))
    for phrase in expected:
        assert phrase in text


def test_a_french_mou_whose_signatories_are_parties_uses_the_words_that_agree_with_parties():
    clause = default_library().in_language("fr").clause("joint_committee.basic_committee")
    text = _flat(fitted_clause(clause, _facts("fr", instrument="mou", parties_term="Parties")))
    assert "Les Parties institueront un Comité mixte" in text
    assert "Chacune des Parties notifiera à l'autre Partie" in text and "Participant" not in text
    assert "présent Mémorandum d'entente" in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["la langue officielle du [pays de destination]",
                "enregistré par l'[autorité compétente du pays d'origine] et par l'[autorité compétente du pays de destination]",
                "figurant dans un texte arrêté par les autorités compétentes"]),
        ("es", ["el idioma oficial del [país de destino]",
                "tanto la [autoridad competente del país de origen] como la [autoridad competente del país de destino]",
                "que figura en un texto acordado por las autoridades competentes"]),
    ],
)  # fmt: skip
def test_what_the_agreement_does_not_say_is_a_blank_in_the_language(language, expected):
    clause = default_library().in_language(language).clause("written_contract.binding_standard_form")
    text = _flat(fitted_clause(clause, _facts(language)))
    for phrase in expected:
        assert phrase in text
    assert not any(blank in text for blank in ENGLISH_BLANKS)


def test_an_annex_the_agreement_has_is_cited_as_the_language_cites_it():
    clause = default_library().in_language("fr").clause("written_contract.domestic_work_terms")
    facts = _facts("fr", annexes={"Annexe I": "mandatory"}, contract_annex="Annexe I", origin="le Maroc")
    text = _flat(fitted_clause(clause, facts))
    assert "les conditions énoncées à l'annexe I" in text and "texte arrêté" not in text
    assert "Avant de quitter le Maroc" in text
    spanish = default_library().in_language("es").clause("written_contract.domestic_work_terms")
    facts = _facts("es", annexes={"Anexo I": "mandatory"}, contract_annex="Anexo I", origin="el Perú")
    text = _flat(fitted_clause(spanish, facts))
    assert "establecidas en el Anexo I" in text and "Antes de salir del Perú" in text


# -- 4. the redline inserts the translated text, under headings in the language --------------------
@pytest.fixture(scope="module")
def spanish_redline() -> tuple[GapReport, list[str], list]:
    data = _as_docx(SPANISH.read_text(encoding="utf-8"))
    report = api.analyze_bytes("acuerdo.docx", data)
    result = redline(data, name="acuerdo.docx", date=DATE, report=report)
    return report, _inserted(result.data), result.actions


def test_the_redline_inserts_the_spanish_library_text_fitted_to_the_agreement(spanish_redline):
    report, inserted, actions = spanish_redline
    library = default_library().in_language("es")
    clauses = [a for a in actions if a.action == "inserted"]
    assert len(clauses) > 5 and report.facts.language == "es"
    shown = [_flat(t) for t in inserted]
    for action in clauses:
        for paragraph in paragraphs(fitted_clause(library.clause(action.clause_id), report.facts, "es")):
            assert any(t.endswith(_flat(paragraph)) for t in shown), (action.clause_id, paragraph[:60])
    joined = " ".join(shown)
    assert "Brisania" in joined and "Andalera" in joined
    assert not english_words(joined) and not any(blank in joined for blank in ENGLISH_BLANKS)


def test_the_redlines_new_articles_are_headed_in_the_agreements_language(spanish_redline):
    report, inserted, actions = spanish_redline
    library = default_library().in_language("es")
    missing = {f.id for f in report.protections if f.final_status == "missing"}
    new = [a for a in actions if a.action == "inserted" and a.protection in missing]
    assert new
    for action in new:
        number = action.location.split()[-1]  # "30A": numbered after the article it follows
        heading = library.protection(action.protection).article_heading
        assert any(t.startswith(f"Artículo {number}") and heading in t for t in inserted), (number, heading)


def test_a_french_redline_speaks_french(french):
    data = _as_docx(FRENCH.read_text(encoding="utf-8"))
    result = redline(data, name="accord.docx", date=DATE)
    joined = " ".join(_inserted(result.data))
    assert result.count("inserted") > 5
    assert "aux Pays-Bas" in joined and "de l'Italie" in joined and "la Commission Mixte" in joined
    assert not english_words(joined) and not any(blank in joined for blank in ENGLISH_BLANKS)


# -- 5. the app's Review page and the command line ------------------------------------------------
def test_the_review_pages_wording_is_the_spanish_text_for_a_spanish_agreement(spanish):
    doc = read_bytes(SPANISH.name, SPANISH.read_bytes())
    context = api.suggestion_context(doc, spanish)
    assert context["language"] == "es" and context["destination_short"] == "Brisania"
    finding = next(f for f in spanish.protections if f.id == "labour_inspection")
    wording = api.suggested_wording(finding.suggestion_details[0].clause_id, context)
    joined = " ".join(wording)
    assert "Brisania" in joined and not english_words(joined)
    spanish_text = default_library().in_language("es").clause(finding.suggestion_details[0].clause_id).text
    assert wording[0].split()[:3] == spanish_text.split()[:3]
    title = api.suggested_title(finding.suggestion_details[0].clause_id, context)
    assert title == default_library().in_language("es").clause(finding.suggestion_details[0].clause_id).title
    assert title != finding.suggestion_details[0].title and not english_words(title)


def test_the_command_line_writes_spanish_suggestions_and_a_spanish_redline(blma_cli, tmp_path):
    report = tmp_path / "informe.md"
    result = blma_cli("analyze", SPANISH, "-o", report)
    assert result.exit_code == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    assert "Los servicios de inspección del trabajo de Brisania" in text
    assert not any(blank in text for blank in ENGLISH_BLANKS)
    agreement = tmp_path / "acuerdo.docx"
    agreement.write_bytes(_as_docx(SPANISH.read_text(encoding="utf-8")))
    out = tmp_path / "acuerdo.redline.docx"
    result = blma_cli("redline", agreement, "-o", out)
    assert result.exit_code == 0, result.stderr
    joined = " ".join(_inserted(out.read_bytes()))
    assert "Brisania" in joined and not english_words(joined)


# -- 6. what stays as it was ---------------------------------------------------------------------
def test_an_english_agreement_still_gets_the_english_library_text():
    report = api.analyze_path(str(ENGLISH))
    library = default_library()
    view = build_view(report)
    quoted = [(s.clause_id, s.title, s.text) for row in view.gaps for s in row.suggestions]
    assert quoted and report.facts.language == "en"
    for clause_id, _, text in quoted:
        assert text == fitted_clause(library.clause(clause_id), report.facts).strip()
    doc = read_bytes(ENGLISH.name, ENGLISH.read_bytes())
    context = api.suggestion_context(doc, report)
    assert context["language"] == "en" and context["origin_authority"] == "Ministry of Labour of Kestria"


def test_a_broken_translation_costs_the_french_reviewer_the_french_text_not_the_report(tmp_path, french):
    import shutil

    clauses = tmp_path / "clauses"
    shutil.copytree(default_library().root, clauses)
    (clauses / "translations/fr/protections/labour_inspection.yaml").unlink()
    library = load_library(clauses)
    assert suggestion_library(library, french.facts) is library  # the English library
    suggested = [s for row in build_view(french, library=library).gaps for s in row.suggestions]
    assert suggested
    for s in suggested:
        assert s.text == fitted_clause(library.clause(s.clause_id), french.facts, "en").strip()
    assert any(" shall " in s.text for s in suggested)
