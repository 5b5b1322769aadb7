"""Broken and hostile inputs: each is refused with one clear line and exit code 2, and the
other agreements of the same call are still analysed and reported.

The files are built at test time by ``scripts/make_bad_inputs.py`` (see ``bad_inputs`` in
conftest.py), so the repository holds no binary fixture and nothing here is large.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from blma.library import default_library

SAMPLES = Path(__file__).resolve().parents[1] / "sample_agreements"
#: A labelled sample with gaps of every status, no warnings, and its parties in its title.
GOOD_SAMPLE = SAMPLES / "ostland_sundara_care_mou.docx"
REFUSED = {
    "truncated": "the Word document is corrupt or truncated (its ZIP structure is broken)",
    "not_a_zip": "not a valid Word document: the file is not a ZIP package (corrupt or renamed)",
    "encrypted": (
        "the document is password-protected (encrypted); remove the password in Word "
        "(File > Info > Protect Document) and upload it again"
    ),
    "legacy_doc": (
        "this is a legacy Word 97-2003 document (.doc, an OLE file); open it in Word or "
        "LibreOffice and save it as .docx"
    ),
    "empty": "the file is empty",
    "entities": "part word/document.xml declares XML entities (a DOCTYPE); refused for safety",
    "scanned_pdf": (
        "the PDF has no text layer (a scanned image); OCR is not supported: upload the DOCX "
        "or a text-based PDF"
    ),
}
NOT_AN_AGREEMENT = "this document does not look like a labour migration agreement"


def assert_only_good_sample_reported(stdout: str) -> None:
    """The good agreement of the call was analysed in full despite its bad companion."""
    reports = json.loads(stdout)
    assert [r["file"] for r in reports] == [str(GOOD_SAMPLE)]
    assert [p["id"] for p in reports[0]["protections"]] == list(default_library().protections)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_is_one_error_line_and_the_good_one_is_still_analysed(name, bad_inputs, blma_cli):
    bad = bad_inputs[name]
    result = blma_cli("analyze", bad, GOOD_SAMPLE)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {bad}: {REFUSED[name]}"]
    assert_only_good_sample_reported(result.stdout)


def test_a_zip_bomb_is_refused_by_its_declared_size_before_inflating(bad_inputs, blma_cli):
    bomb = bad_inputs["zip_bomb"]
    with zipfile.ZipFile(bomb) as package:
        declared = sum(m.file_size for m in package.infolist())
    assert declared > 200 * 1024 * 1024 and bomb.stat().st_size < 1024 * 1024  # a real bomb, small on disk
    result = blma_cli("analyze", GOOD_SAMPLE, bomb)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {bomb}: the package would expand to {declared / 1e6:.0f} MB, over the 150 MB limit "
        "(possible ZIP bomb); refused"
    ]
    assert_only_good_sample_reported(result.stdout)


@pytest.mark.parametrize(
    ("given", "problem"), [("no/such/agreement.docx", "no such file"), ("tests", "is a folder, not a file")]
)
def test_a_path_that_is_not_a_file_is_one_error_line(given, problem, blma_cli):
    result = blma_cli("analyze", GOOD_SAMPLE, given)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {given}: {problem}"]
    assert_only_good_sample_reported(result.stdout)


def test_every_bad_file_of_a_batch_gets_its_own_line_in_order(bad_inputs, blma_cli):
    names = ["empty", "truncated", "encrypted"]
    result = blma_cli("analyze", *(bad_inputs[n] for n in names[:2]), GOOD_SAMPLE, bad_inputs[names[2]])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {bad_inputs[n]}: {REFUSED[n]}" for n in names]
    assert_only_good_sample_reported(result.stdout)


def test_when_every_file_is_bad_nothing_is_printed(bad_inputs, blma_cli):
    result = blma_cli("analyze", bad_inputs["empty"], bad_inputs["legacy_doc"])
    assert result.exit_code == 2
    assert result.stdout == ""  # no report at all, not an empty one ("[]")
    assert len(result.stderr.splitlines()) == 2


def test_a_recipe_is_analysed_with_a_prominent_warning(bad_inputs, blma_cli):
    recipe = bad_inputs["recipe"]
    result = blma_cli("analyze", GOOD_SAMPLE, recipe)
    assert result.exit_code == 0
    [line] = result.stderr.splitlines()
    assert line.startswith(f"warning: {recipe}: {NOT_AN_AGREEMENT}")
    good, analysed = json.loads(result.stdout)
    assert good["warnings"] == []
    assert analysed["file"] == str(recipe)
    assert len(analysed["protections"]) == 34
    assert analysed["warnings"][0].startswith(NOT_AN_AGREEMENT)

    markdown = blma_cli("analyze", recipe, "--format", "md").stdout
    assert f"> **Warning:** {NOT_AN_AGREEMENT}" in markdown


def test_a_docm_is_read_for_its_text_and_its_macros_ignored(bad_inputs, blma_cli):
    docm = bad_inputs["docm"]
    result = blma_cli("analyze", docm)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: {docm}: macro-enabled document: its text was read, its macros were ignored"
    ]
    [report] = json.loads(result.stdout)
    assert report["facts"]["parties"] == ["Ostland", "Sundara"]
    assert sum(report["counts"].values()) == 34


def test_a_500_page_agreement_is_analysed_whole(bad_input_builders, tmp_path, blma_cli):
    """Well under the 25 MB limit, so it must be analysed, not refused (memory: `make bench`)."""
    long = bad_input_builders.long_agreement_docx(tmp_path, pages=500)
    result = blma_cli("analyze", long)
    assert result.exit_code == 0, result.stderr
    [report] = json.loads(result.stdout)
    assert report["facts"]["word_count"] > 190_000
    assert len(report["protections"]) == 34
    assert report["counts"]["present"] > 0
