"""A document in a language the rules do not read is refused, never reported as 34 'missing'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from blma import api
from blma.api import analyze_bytes, analyze_path
from blma.errors import DocumentError
from blma.reading.language import identify

ENGLISH = (
    "Article 5\n\nThe employer shall not keep the passport or identity documents of the worker, "
    "and the worker shall be free to change employer at any time.\n"
)
FRENCH = (
    "Article 5\n\nL'employeur ne peut retenir le passeport ni les documents d'identité du travailleur, "
    "et le travailleur ne peut changer d'employeur pendant la durée de son contrat.\n"
)
SPANISH = (
    "Queda prohibido cobrar a los trabajadores cualquier comisión por la contratación en el país de origen."
)
DUTCH = (
    "De werkgever mag het paspoort van de werknemer niet in bewaring nemen en moet het loon op tijd betalen."
)
ARABIC = "لا يجوز لصاحب العمل الاحتفاظ بجواز سفر العامل أو وثائق هويته طوال مدة العقد المبرم بين الطرفين."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (ENGLISH, "en"),
        (FRENCH, "fr"),
        (SPANISH, "es"),
        (DUTCH, "nl"),
        (ARABIC, "ar"),
        ("Article 7", None),
        # "per" is Italian too: a contract's terms line was once refused as an Italian text
        ("Salary deductions: Placement loan: $100 per month for 6 months.", "en"),
        ("Il datore di lavoro deve pagare il salario per ogni mese di lavoro.", "it"),
    ],
)
def test_each_paragraph_gets_its_language(text: str, code: str | None) -> None:
    assert identify(text) == code


def _supported_in_words() -> str:
    from blma.analysis.analyzer import _names
    from blma.analysis.rule_languages import supported_languages

    return _names(supported_languages())


@pytest.mark.parametrize(("text", "name"), [(ARABIC * 3, "Arabic"), (DUTCH * 3, "Dutch")])
def test_a_text_in_an_unsupported_language_is_refused_with_its_name(text: str, name: str) -> None:
    with pytest.raises(DocumentError) as caught:
        analyze_bytes("agreement.txt", text.encode())
    assert (
        str(caught.value)
        == f"agreement.txt: the text is in {name}; this version analyses {_supported_in_words()}"
    )
    assert "French" in str(caught.value) and "English" in str(caught.value)


def test_a_french_text_is_analysed_in_french_with_evidence_in_french() -> None:
    report = analyze_bytes("accord.txt", (FRENCH * 3).encode())
    assert report.facts.language == "fr"
    assert report.finding("identity_documents").status == "present"
    changing = report.finding("employer_change")
    assert changing.status == "contrary"
    assert "ne peut changer d'employeur" in changing.evidence[0].text
    assert changing.evidence[0].location == "Article 5"
    assert changing.suggestions  # the clause library still proposes wording


def _bilingual_docx(tmp_path: Path, first: str, second: str) -> Path:
    """Two authentic texts one after the other, as treaties print them."""
    from docx import Document

    document = Document()
    for text in (first, second):
        for block in text.strip().split("\n\n"):
            document.add_paragraph(block)
    path = tmp_path / "bilingual.docx"
    document.save(str(path))
    return path


def test_a_bilingual_docx_is_analysed_in_its_first_language_and_names_the_other(tmp_path) -> None:
    path = _bilingual_docx(tmp_path, FRENCH, ENGLISH)
    report = analyze_path(path)
    assert report.facts.language == "fr"
    assert report.facts.other_languages == ["en"]
    assert report.warnings[0].startswith(
        "only the French text was analysed; the document also contains English"
    )
    assert report.warnings[0].endswith("the English text can be analysed instead")
    assert "--language" not in report.warnings[0]  # the report says what; the CLI and the app say how
    assert api.analysable_instead(report) == ["en"]
    evidence = [e.text for f in report.protections for e in f.evidence]
    assert evidence and all("employer" not in text for text in evidence)
    assert report.finding("employer_change").status == "contrary"


def test_the_user_picks_the_authentic_text_of_a_bilingual_docx(tmp_path) -> None:
    path = _bilingual_docx(tmp_path, FRENCH, ENGLISH)
    report = analyze_path(path, language="en")
    assert report.facts.language == "en"
    assert report.facts.other_languages == ["fr"]
    # the English text was read ("free to change employer at any time"), not the French ("ne peut changer")
    finding = report.finding("employer_change")
    assert finding.status in ("present", "partial") and "free to change employer" in finding.evidence[0].text


def test_asking_for_a_language_the_text_does_not_have_is_refused_in_words(tmp_path) -> None:
    path = _bilingual_docx(tmp_path, FRENCH, FRENCH)
    with pytest.raises(DocumentError, match="the text has no English version to analyse; it is in French"):
        analyze_path(path, language="en")


def test_a_one_language_report_keeps_its_json_fields() -> None:
    report = analyze_bytes("agreement.txt", (ENGLISH * 3).encode())
    assert "other_languages" not in report.contract_dict()["facts"]


def test_a_bilingual_text_is_analysed_in_english_and_says_so() -> None:
    report = analyze_bytes("bilingual.txt", (ENGLISH + "\n" + FRENCH).encode())
    assert report.facts.language == "en"
    assert report.warnings[0].startswith(
        "only the English text was analysed; the document also contains French"
    )
    evidence = [e.text for f in report.protections for e in f.evidence]
    assert evidence and all("employeur" not in text for text in evidence)
    assert report.finding("identity_documents").status == "present"


def _blma() -> str:
    return str(Path(sys.executable).with_name("blma"))  # the installed console script, as users run it


def test_the_cli_exits_2_with_one_line(tmp_path) -> None:
    path = tmp_path / "accord.txt"
    path.write_text(ARABIC * 3, encoding="utf-8")
    done = subprocess.run([_blma(), "analyze", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"error: {path}: the text is in Arabic; this version analyses {_supported_in_words()}"
    ]


def test_the_cli_analyses_the_language_asked_for(tmp_path) -> None:
    path = _bilingual_docx(tmp_path, FRENCH, ENGLISH)
    done = subprocess.run(
        [_blma(), "analyze", str(path), "--language", "en"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["facts"]["language"] == "en"
    assert "hint:" in done.stderr and "add --language fr" in done.stderr
    auto = subprocess.run([_blma(), "analyze", str(path)], capture_output=True, text=True, check=False)
    assert json.loads(auto.stdout)[0]["facts"]["language"] == "fr"
    assert f"hint: {path}: to analyse the English text instead, add --language en" in auto.stderr.splitlines()


def test_the_cli_refuses_a_language_it_does_not_analyse(tmp_path) -> None:
    path = tmp_path / "accord.txt"
    path.write_text(FRENCH * 3, encoding="utf-8")
    done = subprocess.run(
        [_blma(), "analyze", str(path), "--language", "ar"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "'ar' is not a language this version analyses" in done.stderr


def test_each_column_of_a_side_by_side_table_is_cited_in_its_own_language(tmp_path) -> None:
    """A bilingual agreement set out in two columns, the article's number over its text: the French
    column cites "Article 5, tableau, ligne 2", the English one "Article 5, table row 2",
    whichever text the reviewer picks."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=2, cols=2)
    for row, (french, english) in enumerate(zip(FRENCH.strip().split("\n\n"), ENGLISH.strip().split("\n\n"), strict=True)):
        table.cell(row, 0).text, table.cell(row, 1).text = french, english
    path = tmp_path / "side_by_side.docx"
    document.save(str(path))
    french = analyze_path(path).finding("identity_documents").evidence[0]
    english = analyze_path(path, language="en").finding("identity_documents").evidence[0]
    assert "passeport" in french.text and french.location == "Article 5, tableau, ligne 2"
    assert "passport" in english.text and english.location == "Article 5, table row 2"


def test_a_documents_language_profile_is_computed_once_and_each_caller_gets_its_own_copy() -> None:
    """Reading and analysing profile the same paragraphs; the second is a cache hit that a caller
    cannot spoil for the next."""
    from blma.reading import language

    paragraphs = ["The employer shall pay the wage monthly.", "L'employeur paie le salaire chaque mois."]
    first = language.profile(paragraphs)
    first.words["xx"] = 99
    first.by_paragraph.append("xx")
    again = language.profile(paragraphs)
    assert again.by_paragraph == ["en", "fr"] and "xx" not in again.words
    assert again == language._profile.__wrapped__(tuple(paragraphs))
