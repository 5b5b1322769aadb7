"""A document in a language the rules do not read is refused, never reported as 34 'missing'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from blma.api import analyze_bytes
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
SPANISH = "Queda prohibido cobrar a los trabajadores cualquier comisión por la contratación en el país de origen."
DUTCH = "De werkgever mag het paspoort van de werknemer niet in bewaring nemen en moet het loon op tijd betalen."
ARABIC = "لا يجوز لصاحب العمل الاحتفاظ بجواز سفر العامل أو وثائق هويته طوال مدة العقد المبرم بين الطرفين."


@pytest.mark.parametrize(
    ("text", "code"),
    [(ENGLISH, "en"), (FRENCH, "fr"), (SPANISH, "es"), (DUTCH, "nl"), (ARABIC, "ar"), ("Article 7", None)],
)
def test_each_paragraph_gets_its_language(text: str, code: str | None) -> None:
    assert identify(text) == code


@pytest.mark.parametrize(("text", "name"), [(FRENCH * 3, "French"), (ARABIC * 3, "Arabic"), (DUTCH * 3, "Dutch")])
def test_a_text_in_another_language_is_refused_with_its_name(text: str, name: str) -> None:
    with pytest.raises(DocumentError) as caught:
        analyze_bytes("agreement.txt", text.encode())
    assert str(caught.value) == f"agreement.txt: the text is in {name}; this version analyses English only"


def test_a_bilingual_text_is_analysed_in_english_and_says_so() -> None:
    report = analyze_bytes("bilingual.txt", (ENGLISH + "\n" + FRENCH).encode())
    assert report.facts.language == "en"
    assert report.warnings[0].startswith("only the English text was analysed; the document also contains French")
    evidence = [e.text for f in report.protections for e in f.evidence]
    assert evidence and all("employeur" not in text for text in evidence)
    assert report.finding("identity_documents").status == "present"


def test_the_cli_exits_2_with_one_line(tmp_path) -> None:
    path = tmp_path / "accord.txt"
    path.write_text(FRENCH * 3, encoding="utf-8")
    blma = Path(sys.executable).with_name("blma")  # the installed console script, as users run it
    done = subprocess.run([str(blma), "analyze", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {path}: the text is in French; this version analyses English only"]
