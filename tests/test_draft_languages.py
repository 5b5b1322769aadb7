"""Drafting in French and Spanish, and bilingual drafts, as a negotiator asks for them.

The grammar filters contract a preposition with a name's article; the spec and the CLI take a
language and a second language; `blma library check` finds every gap between a translation and
the English library; every sector drafts in French and Spanish with no English left, and the
drafts read back as every protection present.
"""

from __future__ import annotations

import io
import re
import sys

import pytest
import yaml
from docx import Document

from blma.drafting import DraftSpec, draft
from blma.errors import SpecError
from blma.library.grammar import es_a, es_de, fr_a, fr_de, fr_en
from blma.library.models import AGREEMENT_SECTORS
from blma.library.translations import english_words
from tests.draft_parties import NAMES_IN, parties_in


def run(blma_cli, *args: str) -> tuple[int, str, str]:
    result = blma_cli(*args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "of", "to", "in_"),
    [
        ("le Maroc", "du Maroc", "au Maroc", "au Maroc"),
        ("la France", "de la France", "à la France", "en France"),
        ("l'Algérie", "de l'Algérie", "à l'Algérie", "en Algérie"),
        ("les Philippines", "des Philippines", "aux Philippines", "aux Philippines"),
        ("Sundara", "de Sundara", "à Sundara", "à Sundara"),
        ("Oman", "d'Oman", "à Oman", "à Oman"),
        ("le ministère du Travail", "du ministère du Travail", "au ministère du Travail", "au ministère du Travail"),
    ],
)
def test_french_prepositions_contract_with_the_article_of_the_name(name, of, to, in_):
    assert (fr_de(name), fr_a(name), fr_en(name)) == (of, to, in_)


def test_spanish_prepositions_contract_with_el():
    assert (es_de("el Perú"), es_a("el Ministerio de Trabajo")) == ("del Perú", "al Ministerio de Trabajo")
    assert (es_de("la República de Sundara"), es_a("Marruecos")) == ("de la República de Sundara", "a Marruecos")


def test_a_second_language_equal_to_the_first_is_refused():
    with pytest.raises(SpecError, match="second_language: is the draft's language"):
        DraftSpec.from_data(parties_in() | {"language": "fr", "second_language": "fr"})


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(SpecError, match=r"language: .*'en', 'fr' or 'es'"):
        DraftSpec.from_data(parties_in() | {"language": "de"})


def test_the_cli_refuses_a_language_it_does_not_draft_in(blma_cli, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(parties_in("fr")), encoding="utf-8")
    code, out, err = run(blma_cli, "draft", str(spec), "--language", "ar")
    assert code == 2 and out == ""
    assert "--language" in err and "'ar'" in err


def test_english_words_are_found_outside_names_and_blanks():
    assert english_words("L'employeur shall pay the fees [to be completed] “The Worker”") == ["shall", "the"]


# -- drafts in French and Spanish --------------------------------------------------------------
def _spec(language: str, sector: str, style: str = "agreement", **more) -> dict:
    return parties_in(language) | {"language": language, "sectors": [sector], "style": style} | more


def _prose(text: str, language: str) -> str:
    """The draft's own words: the parties' names (which the user wrote) taken out."""
    for side in NAMES_IN[language].values():
        for name in side.values():
            text = text.replace(name, " ")
    return text


@pytest.fixture(scope="module")
def drafts() -> dict[tuple[str, str], object]:
    """A French and a Spanish draft for each sector (agreements; an MoU for the general sector)."""
    made = {}
    for language in ("fr", "es"):
        for sector in AGREEMENT_SECTORS:
            style = "mou" if sector == "general" else "agreement"
            made[language, sector] = draft(_spec(language, sector, style, annexes={"standard_contract": True}))
    return made


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("sector", AGREEMENT_SECTORS)
def test_every_sector_drafts_with_no_english_left(drafts, language, sector):
    result = drafts[language, sector]
    text = result.to_markdown()
    assert result.language == language and len(result.articles) >= 30
    assert english_words(_prose(text, language)) == []
    heading = {"fr": "Article 1", "es": "Artículo 1"}[language]
    assert f"### {heading} — " in text
    assert "{{" not in text and "&#39;" not in text and "&amp;" not in text


@pytest.mark.parametrize("language", ["fr", "es"])
def test_names_take_their_article_and_contract_with_prepositions(drafts, language):
    text = drafts[language, "domestic_work"].to_markdown()
    if language == "fr":
        assert "Gouvernement de la République de Sundara" in text
        assert "Gouvernement du Royaume de Valdoria" in text
        assert not re.search(r"\b(?:de|à) (?:le|les) (?:Valdoria|Royaume|République|ministère)", text)
    else:
        assert "Gobierno de la República de Sundara" in text
        assert "Gobierno del Reino de Valdoria" in text
        assert not re.search(r"\b(?:de|a) el (?:Reino|Ministerio)", text)


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("sector", AGREEMENT_SECTORS)
def test_a_french_or_spanish_draft_reads_back_as_every_protection_present(drafts, language, sector):
    from blma import api

    report = api.analyze_bytes(f"{language}.docx", drafts[language, sector].to_docx())
    assert report.facts.language == language
    statuses = {f.id: f.status for f in report.protections}
    assert len(statuses) == 34
    assert {pid: s for pid, s in statuses.items() if s != "present"} == {}


# -- bilingual drafts --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bilingual():
    return draft(parties_in("fr") | {"sectors": ["seasonal_agriculture"], "second_language": "fr"})


def test_a_bilingual_draft_holds_both_texts_each_saying_both_are_authentic(bilingual):
    assert [t.language for t in bilingual.texts] == ["en", "fr"]
    english, french = bilingual.texts
    assert len(english.articles) == len(french.articles)
    assert "in the English and French languages, both texts being equally authentic" in " ".join(
        english.signature.paragraphs
    )
    assert re.search(r"en langues anglaise et française, les deux textes faisant également foi",
                     " ".join(french.signature.paragraphs))
    assert "Gouvernement du Royaume de Valdoria" in french.title
    assert "the Kingdom of Valdoria" in english.title
    markdown = bilingual.to_markdown()
    assert markdown.index(english.title) < markdown.index(french.title)


def test_a_bilingual_docx_puts_the_second_text_in_a_section_of_its_own(bilingual):
    document = Document(io.BytesIO(bilingual.to_docx()))
    assert len(document.sections) == 2
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == [bilingual.title, bilingual.second.title]
    footers = [s.footer.paragraphs[0].text for s in document.sections]
    assert footers[0].startswith("Agreement between Sundara and Valdoria")
    assert footers[1].startswith("Accord entre Sundara et le Valdoria")


def test_the_cli_drafts_in_french_and_bilingual(blma_cli, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(parties_in("fr", "es") | {"sectors": ["construction"]}), encoding="utf-8")
    code, out, err = run(blma_cli, "draft", str(spec), "--language", "es")
    assert code == 0, err
    assert out.startswith("# Acuerdo entre el Gobierno de la República de Sundara")
    target = tmp_path / "bilingue.docx"
    code, out, err = run(blma_cli, "draft", str(spec), "--language", "fr", "--second-language", "es",
                         "-o", str(target))
    assert code == 0, err
    titles = [p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs if p.style.name == "Title"]
    assert [t.split(" ")[0] for t in titles] == ["Accord", "Acuerdo"]


def test_an_apostrophe_in_a_name_is_written_as_it_is_in_every_annex():
    spec = {
        "parties": {
            "origin": {"country": "the Republic of Côte d'Ivoire", "short_name": "Côte d'Ivoire",
                       "authority": "Ministry of Employment"},
            "destination": {"country": "the Kingdom of Valdoria", "short_name": "Valdoria",
                            "authority": "Ministry of Labour"},
        },
        "annexes": {"standard_contract": True},
    }  # fmt: skip
    text = draft(spec).to_markdown()
    assert "&#39;" not in text and "Côte d\\'Ivoire" not in text
    assert "[address in Côte d'Ivoire]" in text.replace("\\[", "[").replace("\\]", "]")


@pytest.mark.needs_libreoffice
def test_french_spanish_and_bilingual_drafts_convert_to_pdf(soffice, tmp_path, drafts, bilingual):
    import subprocess

    from pypdf import PdfReader

    files = {
        "fr": drafts["fr", "health_care"].save(tmp_path / "fr.docx"),
        "es": drafts["es", "hospitality"].save(tmp_path / "es.docx"),
        "bi": bilingual.save(tmp_path / "bi.docx"),
    }
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, files.values())],
        check=True, capture_output=True, timeout=300,
    )
    text = {key: "\n".join(p.extract_text() for p in PdfReader(tmp_path / f"{key}.pdf").pages) for key in files}
    assert "Article 1" in text["fr"] and "Page 1 sur" in text["fr"]
    assert "Artículo 1" in text["es"] and "Página 1 de" in text["es"]
    # each text of a bilingual draft is numbered from 1, with no count (it would count both texts)
    assert "Page 1 of" not in text["bi"] and "Valdoria · Page 1\n" in text["bi"]
    assert text["bi"].count("Valdoria · Page 1\n") == 2 and "le Valdoria · Page 1\n" in text["bi"]


def test_library_check_finds_a_wording_file_that_lacks_a_macro(tmp_path):
    import os
    import shutil
    import subprocess

    from blma.templating import templates_root

    templates = tmp_path / "templates"
    shutil.copytree(templates_root(), templates)
    french = templates / "wording.fr.j2"
    text = french.read_text(encoding="utf-8")
    start = text.index("{% macro footer(")
    french.write_text(text[:start] + text[text.index("{% endmacro %}", start) + len("{% endmacro %}"):],
                      encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "blma", "library", "check"],
        capture_output=True, text=True, check=False, env=os.environ | {"BLMA_TEMPLATES_DIR": str(templates)},
    )
    assert result.returncode == 1
    assert "templates/wording.fr.j2: footer: missing (wording.j2 has it)" in result.stderr


def test_the_library_lists_its_clauses_in_french(blma_cli):
    from blma.library import default_library

    code, out, err = run(blma_cli, "library", "--protection", "identity_documents", "--language", "fr")
    assert code == 0, err
    english = default_library().clause("identity_documents.worker_keeps_documents").title
    french = default_library().in_language("fr").clause("identity_documents.worker_keeps_documents").title
    assert french != english and french in out and english not in out


def test_a_french_text_with_the_english_names_is_drafted_with_a_warning(blma_cli, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(parties_in()), encoding="utf-8")  # English names only
    code, _, err = run(blma_cli, "draft", str(spec), "--language", "fr", "-o", str(tmp_path / "projet.md"))
    assert code == 0, err
    assert "warning: the French text names the country of origin 'the Republic of Sundara'" in err
    assert "parties.origin.fr" in err
    spec.write_text(yaml.safe_dump(parties_in("fr")), encoding="utf-8")  # with the French names
    code, _, err = run(blma_cli, "draft", str(spec), "--language", "fr", "-o", str(tmp_path / "projet.md"))
    assert code == 0 and "warning" not in err
