"""Versions of one text, or two different agreements: what `blma compare` says, and how.

Real pairs: two samples that are different agreements; a sample and a copy of it edited
with python-docx (tests/edited_copies.py: a sentence reworded with new punctuation, an
article softened, an article removed); the same sample made over for another partner
country (one model text, different parties). The version pair of
tests/test_compare_versions.py is checked there.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from edited_copies import MANUFACTURING, REWORDED, SAMPLES, a_few_articles_edited, another_partner

from blma import api
from blma.comparison.short_titles import agreement_year, unique
from blma.comparison.versions import MIN_KEPT_SHARE
from blma.comparison.wordiff import readable, word_diff
from blma.reading import read_bytes
from blma.reading.models import AgreementText, Block

GENERAL = SAMPLES / "nuvaria_valdoria_general.docx"
CONSTRUCTION = SAMPLES / "tenebria_ostland_construction.docx"
WEAKENING_WORDS = re.compile(r"weaken|strengthen|▼|▲", re.IGNORECASE)


@pytest.fixture(scope="module")
def different():
    return api.compare([str(GENERAL), str(CONSTRUCTION)])


@pytest.fixture(scope="module")
def edited():
    return api.compare(
        [(MANUFACTURING.name, MANUFACTURING.read_bytes()), ("edited.docx", a_few_articles_edited())]
    )


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# -- two different agreements ------------------------------------------------------------------


def test_two_different_samples_are_not_versions(different):
    assert different.relation is not None and not different.relation.versions
    assert different.relation.kept_share < MIN_KEPT_SHARE
    assert set(different.relation.unnamed_parties) >= {"Nuvaria", "Tenebria"}
    assert different.changes == [] and different.differences == []


def test_json_says_versions_false_and_keeps_every_field_and_shape(different):
    data = json.loads(different.export("json"))
    assert data["versions"] is False
    for name in ("files", "matrix", "scores", "alignment", "unmatched", "changes", "identical", "differences",
                 "counts", "evidence", "warnings"):
        assert name in data
    assert len(data["matrix"]) == 34 and all(len(v) == 2 for v in data["matrix"].values())
    assert data["changes"] == [] and data["differences"] == []
    assert set(data["unmatched"]) == {"a", "b"} and data["alignment"]  # articles still paired by content
    assert data["identical"] is False


def test_nothing_says_weakened_or_strengthened_between_different_agreements(different):
    for fmt in ("md", "html", "json", "csv"):
        assert not WEAKENING_WORDS.search(different.export(fmt).decode()), fmt
    assert not WEAKENING_WORDS.search(_docx_text(different.export("docx")))


def test_different_agreements_are_set_side_by_side_in_every_output(different):
    md = different.export("md").decode()
    assert "Two different agreements, not versions of one text" in md
    assert "## Protections whose status changed" not in md and "## Word differences" not in md
    assert "| Nuvaria–Valdoria 2024 | Tenebria–Ostland 2023 |" in md
    html = different.export("html").decode()
    assert "Two different agreements" in html and ">Nuvaria–Valdoria 2024</th>" in html
    document = docx.Document(io.BytesIO(different.export("docx")))
    assert [c.text for c in document.tables[0].rows[0].cells] == [
        "Protection", "Nuvaria–Valdoria 2024", "Tenebria–Ostland 2023"
    ]
    assert "Two different agreements" in _docx_text(different.export("docx"))
    with zipfile.ZipFile(io.BytesIO(different.export("docx"))) as package:
        assert "<w:ins " not in package.read("word/document.xml").decode()  # no tracked changes


def test_matrix_columns_have_short_titles_and_a_key_with_full_names(different):
    titles = [a.short_title for a in different.matrix.agreements]
    assert titles == ["Nuvaria–Valdoria 2024", "Tenebria–Ostland 2023"]
    md = different.export("md").decode()
    key = md[md.index("**Key to the columns**"):]
    for a in different.matrix.agreements:
        assert f"- **{a.short_title}**: {a.title} ({Path(a.file).name})" in key
    html = different.export("html").decode()
    assert f'title="{different.matrix.agreements[0].title} ({GENERAL.name})"' in html  # full name on hover
    words = _docx_text(different.export("docx"))
    assert all(a.title in words for a in different.matrix.agreements)


def test_one_model_text_for_two_partner_countries_is_two_agreements():
    result = api.compare([(MANUFACTURING.name, MANUFACTURING.read_bytes()), ("marovia.docx", another_partner())])
    assert result.relation.kept_share > 0.9  # nearly the same words...
    assert not result.versions and "Marovia" in result.relation.unnamed_parties  # ...but other parties
    assert result.changes == []
    assert "the parties differ (" in result.export("md").decode()


def _blma(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from blma.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_cli_says_two_different_agreements_in_json_and_when_writing(tmp_path):
    result = _blma("compare", str(GENERAL), str(CONSTRUCTION), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["versions"] is False and data["changes"] == []
    out = tmp_path / "matrix.docx"
    result = _blma("compare", str(GENERAL), str(CONSTRUCTION), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "comparison of 2 different agreements (not versions of one text), side by side" in result.stdout
    assert "tracked changes" not in result.stdout and docx.Document(str(out)).tables


def test_more_than_two_files_are_never_versions(different):
    three = api.compare([str(GENERAL), str(CONSTRUCTION), str(GENERAL)])
    data = json.loads(three.export("json"))
    assert data["versions"] is False and "changes" not in data
    assert [a.short_title for a in three.matrix.agreements] == [
        f"Nuvaria–Valdoria 2024 ({GENERAL.name}) (1)", "Tenebria–Ostland 2023", f"Nuvaria–Valdoria 2024 ({GENERAL.name}) (3)"
    ]


# -- a sample and an edited copy of it ----------------------------------------------------------


def test_an_edited_copy_is_a_version_with_its_status_changes(edited):
    assert edited.versions and edited.relation.kept_share > 0.9
    assert json.loads(edited.export("json"))["versions"] is True
    assert [(c.id, c.from_, c.to, c.direction) for c in edited.changes] == [
        ("access_to_justice", "present", "missing", "weakening")
    ]
    assert "Versions of one text" in edited.export("md").decode()


def test_word_differences_keep_punctuation_with_its_word(edited):
    article = next(d for d in edited.differences if d.a == "Article 6")
    shown = "".join(o.text for o in readable(article.ops))
    assert "signed by the employer, and by the worker's representative where the worker so wishes." in shown
    md = edited.export("md").decode()
    assert "employer**,** and **by the worker's representative where** the worker **so wishes**." in md
    assert " , " not in md and " 's" not in md and "worker**so" not in md
    data = json.loads(edited.export("json"))
    diff = next(d for d in data["differences"] if d["a"] == "Article 6")
    assert diff["inserted"] == ", … by the worker's representative where … so wishes"


def test_tracked_changes_read_as_the_edited_copy_punctuation_included(edited):
    """The reader takes a tracked document as if every change were accepted."""
    accepted = read_bytes("tracked.docx", edited.export("docx"))
    assert accepted.tracked_changes
    texts = [b.text for b in accepted.blocks]
    assert REWORDED.split("\t", 1)[1] in texts  # "employer, and", "the worker so wishes", as written
    assert not any("submit complaints" in t for t in texts)


def test_a_removed_article_shows_its_text(edited):
    assert edited.unmatched.a == ["Article 16"] and edited.unmatched.b == []
    removed = edited.unmatched_text["a"]["Article 16"]
    assert "Workers shall have the right to submit complaints" in removed
    md = edited.export("md").decode()
    section = md[md.index("## Removed articles"):md.index("## Protection matrix")]
    assert "### Article 16" in section and "> No worker shall be dismissed or otherwise disadvantaged" in section
    assert json.loads(edited.export("json"))["unmatched_text"]["a"]["Article 16"] == removed
    assert "Workers shall have the right to submit complaints" in edited.export("html").decode()


def test_versions_of_one_text_get_their_file_names_in_the_short_titles(edited):
    assert [a.short_title for a in edited.matrix.agreements] == [
        f"Sundara–Kestria 2024 ({MANUFACTURING.name})", "Sundara–Kestria 2024 (edited.docx)"
    ]


# -- the parts ------------------------------------------------------------------------------------


def _doc(*lines: str) -> AgreementText:
    return AgreementText(name="x", format="txt", blocks=[Block(text=t, location="") for t in lines])


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        (["Agreement", "Article 1", "Done at Sund on 3 March 2025, in two originals."], "2025"),
        (["Accord", "Fait à Paris, le 1er juin 2020, en deux exemplaires."], "2020"),
        (["Acuerdo", "Hecho en Lima, el 30 de noviembre de 2022."], "2022"),
        (["Agreement", "Signed on 12.03.2019."], "2019"),
        (["Agreement", "In line with the ILO Convention, 1949 (No. 97).", "Done at X on ... 2024."], "2024"),
        (["Consolidated negotiating text, November 2024", "In line with the ILO Convention, 1949 (No. 97)."] + [""] * 6,
         "2024"),
        (["Agreement", "In line with the ILO Convention, 1949 (No. 97)."] + ["x"] * 6, ""),
    ],
)
def test_the_year_is_the_date_of_signature_in_any_language(lines, year):
    assert agreement_year(_doc(*lines)) == year


def test_repeated_short_titles_are_told_apart():
    assert unique(["A–B 2024", "A–B 2024", "C–D"], ["x/v1.docx", "y/v2.docx", "z.docx"]) == [
        "A–B 2024 (v1.docx)", "A–B 2024 (v2.docx)", "C–D"
    ]


def test_word_differences_join_back_to_each_version_spacing_included():
    a, b = "the employer and the worker.", "the employer, and the worker  so wishes."
    ops = word_diff(a, b)
    assert "".join(o.text for o in ops if o.op != "insert") == a
    assert "".join(o.text for o in ops if o.op != "delete") == b


def test_readable_spacing_around_punctuation_and_joined_words():
    ops = word_diff("the employer and the worker.", "the employer, and the worker so wishes.")
    assert "".join(o.text for o in readable(ops)) == "the employer, and the worker so wishes."
    ops = word_diff("the employer, and the worker's pay", "the employers and the workers' pay")
    shown = readable(ops)
    assert [o.text.strip() for o in shown if o.op != "equal"] == ["employer,", "employers", "worker's", "workers'"]
    assert "".join(o.text for o in shown) == "the employer, employers and the worker's workers' pay"
