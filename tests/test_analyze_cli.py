"""`blma analyze` as a user drives it: JSON to stdout, Markdown and DOCX reports to files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from blma.analysis.models import STATUSES
from blma.library import default_library
from blma.ooxml.tables import cell_fill
from blma.reports.docx_writer import STATUS_FILL

SAMPLES = Path(__file__).resolve().parents[1] / "sample_agreements"
#: A labelled sample with gaps of every status, no warnings, and its parties in its title.
GOOD_SAMPLE = SAMPLES / "ostland_sundara_care_mou.docx"
OTHER_SAMPLE = SAMPLES / "kestria_tenebria_domestic.docx"
PROTECTION_IDS = list(default_library().protections)


def unboxed(text: str) -> str:
    """Click's usage error as one line: rich draws it in a box and wraps it at 80 columns."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def analyze_json(blma_cli, *paths) -> list[dict]:
    result = blma_cli("analyze", *paths)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_lists_every_protection_with_status_evidence_and_suggestions(blma_cli):
    [report] = analyze_json(blma_cli, GOOD_SAMPLE)
    assert report["file"] == str(GOOD_SAMPLE)
    assert [p["id"] for p in report["protections"]] == PROTECTION_IDS
    library = default_library()
    for protection in report["protections"]:
        assert protection["status"] in STATUSES
        for evidence in protection["evidence"]:
            assert isinstance(evidence["location"], str) and evidence["location"]
            assert isinstance(evidence["text"], str) and evidence["text"]
        for clause_id in protection["suggestions"]:
            assert protection["id"] in library.clause(clause_id).protections
        if protection["status"] != "present":
            assert protection["suggestions"], protection["id"]
    statuses = {p["status"] for p in report["protections"]}
    assert statuses == set(STATUSES)  # this sample has a gap of every kind
    assert report["facts"]["parties"] == ["Ostland", "Sundara"]


def test_json_has_one_object_per_file_in_the_order_given_with_the_path_as_given(blma_cli, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    given = [
        "./" + str(OTHER_SAMPLE.relative_to(SAMPLES.parent)),
        str(GOOD_SAMPLE.relative_to(SAMPLES.parent)),
    ]
    reports = analyze_json(blma_cli, *given)
    assert [r["file"] for r in reports] == given
    assert all([p["id"] for p in r["protections"]] == PROTECTION_IDS for r in reports)


def test_markdown_report_has_header_summary_table_and_rendered_clauses(blma_cli):
    result = blma_cli("analyze", GOOD_SAMPLE, "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Gap analysis report\n")
    for line in ("| Instrument | Memorandum of Understanding |", "| Parties | Ostland; Sundara |"):
        assert line in text
    assert "| Sectors | health care |" in text and "| Date of analysis |" in text
    assert re.search(r"Core score: \d+% \(\d+ of 20 core protections present\)", text)
    rows = re.findall(
        r"^\| (\d+) \| .* \| \*\*(Present|Partial|Missing|Contrary)(?: \(check: low confidence\))?\*\* \|$", text, re.M
    )
    assert [int(n) for n, _ in rows] == list(range(1, 35))
    assert "{{" not in text and "{%" not in text
    # a suggested clause appears rendered, with this agreement's parties in place of examples
    [report] = analyze_json(blma_cli, GOOD_SAMPLE)
    missing = next(p for p in report["protections"] if p["status"] == "missing")
    clause = default_library().clause(missing["suggestions"][0])
    assert clause.title in text
    assert _opening_words(clause.text) in " ".join(text.split())
    assert "Valdoria" not in text  # the library's example destination was replaced by Sundara


def _opening_words(template: str) -> str:
    """The template's text before its first placeholder, whitespace normalised."""
    head = re.split(r"\{\{|\{%", template)[0]
    return " ".join(head.split())[:60]


def test_markdown_and_json_go_to_a_file_with_o(blma_cli, tmp_path):
    out = tmp_path / "gaps.md"
    result = blma_cli("analyze", GOOD_SAMPLE, OTHER_SAMPLE, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote {out}: 2 agreement(s) analysed\n"
    text = out.read_text()
    assert f"## 1. {GOOD_SAMPLE.name}" in text and f"## 2. {OTHER_SAMPLE.name}" in text

    out_json = tmp_path / "gaps.json"
    assert blma_cli("analyze", GOOD_SAMPLE, "-o", out_json).exit_code == 0
    assert json.loads(out_json.read_text())[0]["file"] == str(GOOD_SAMPLE)


def test_docx_needs_an_output_file(blma_cli):
    result = blma_cli("analyze", GOOD_SAMPLE, "--format", "docx")
    assert result.exit_code == 2
    assert "DOCX is binary: give a file with -o report.docx" in unboxed(result.stderr)
    assert result.stdout == ""


def test_docx_report_has_styles_a_shaded_summary_table_and_a_section_per_file(blma_cli, tmp_path):
    out = tmp_path / "gaps.docx"  # the suffix chooses the format
    result = blma_cli("analyze", GOOD_SAMPLE, OTHER_SAMPLE, "-o", out)
    assert result.exit_code == 0, result.stderr
    document = Document(out)
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", "Gap analysis report")
    assert [t for s, t in styled if s == "Heading 1"] == [f"1. {GOOD_SAMPLE.name}", f"2. {OTHER_SAMPLE.name}"]
    assert [t for s, t in styled if s == "Heading 2"].count("Summary") == 2
    assert any(s == "Heading 3" for s, _ in styled)

    summaries = [t for t in document.tables if t.rows[0].cells[0].text == "No."]
    assert len(summaries) == 2
    for summary in summaries:
        assert len(summary.rows) == 35
        assert [c.text for c in summary.rows[0].cells] == ["No.", "Protection", "Group", "Priority", "Status"]
        for row in summary.rows[1:]:
            status_cell = row.cells[4]
            word = status_cell.text.split()[0].lower()
            assert word in STATUSES  # never colour alone
            assert cell_fill(status_cell) == STATUS_FILL[word]


def test_a_report_replaces_an_old_one_whole_and_an_empty_batch_leaves_it_alone(
    blma_cli, bad_inputs, tmp_path
):
    out = tmp_path / "gaps.md"
    out.write_text("old report\n")
    result = blma_cli("analyze", bad_inputs["empty"], "-o", out)
    assert result.exit_code == 2
    assert out.read_text() == "old report\n"
    assert blma_cli("analyze", GOOD_SAMPLE, "-o", out).exit_code == 0
    assert out.read_text().startswith("# Gap analysis report")
    assert [p.name for p in tmp_path.iterdir()] == ["gaps.md"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing-folder/gaps.md", "does not exist"),
        (".", "is a folder"),
        ("SAMPLE", "would replace the input"),
    ],
)
def test_a_bad_output_path_is_refused_before_any_analysis(target, message, blma_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = GOOD_SAMPLE if target == "SAMPLE" else target
    before = GOOD_SAMPLE.read_bytes()
    result = blma_cli("analyze", GOOD_SAMPLE, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {out}: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert GOOD_SAMPLE.read_bytes() == before


def test_the_installed_command_maps_a_bad_file_to_exit_2_and_one_stderr_line(bad_inputs):
    """Once through the real console script, as CI and users run it."""
    blma = Path(sys.executable).with_name("blma")
    bad = bad_inputs["truncated"]
    run = subprocess.run(
        [str(blma), "analyze", str(bad), str(GOOD_SAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"error: {bad}: the Word document is corrupt or truncated (its ZIP structure is broken)"
    ]
    assert [r["file"] for r in json.loads(run.stdout)] == [str(GOOD_SAMPLE)]


def test_a_batch_keeps_going_past_a_bad_file_and_writes_the_others(blma_cli, bad_inputs, tmp_path):
    out = tmp_path / "gaps.json"
    bad = bad_inputs["truncated"]
    result = blma_cli("analyze", GOOD_SAMPLE, bad, OTHER_SAMPLE, "-o", out)
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {bad}: the Word document is corrupt or truncated (its ZIP structure is broken)"
    ]
    assert result.stdout == f"wrote {out}: 2 agreement(s) analysed\n"
    reports = json.loads(out.read_text(encoding="utf-8"))
    assert [r["file"] for r in reports] == [str(GOOD_SAMPLE), str(OTHER_SAMPLE)]
    assert all([p["id"] for p in r["protections"]] == PROTECTION_IDS for r in reports)
    assert [p.name for p in tmp_path.iterdir()] == ["gaps.json"]


def test_streamed_json_is_the_same_document_as_before(blma_cli, tmp_path):
    """The JSON is written file by file; the bytes are still those of one indented array."""
    out = tmp_path / "gaps.json"
    assert blma_cli("analyze", GOOD_SAMPLE, OTHER_SAMPLE, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    stdout = blma_cli("analyze", GOOD_SAMPLE, OTHER_SAMPLE).stdout
    assert stdout == text


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_when_every_file_is_refused_nothing_is_printed_or_written(blma_cli, bad_inputs, tmp_path, fmt):
    result = blma_cli("analyze", bad_inputs["empty"], "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""  # not "[]": no report is not an empty report
    assert result.stderr.startswith(f"error: {bad_inputs['empty']}: ")
    out = tmp_path / f"gaps.{fmt}"
    out.write_text("old report\n")
    result = blma_cli("analyze", bad_inputs["empty"], bad_inputs["truncated"], "-o", out)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 2
    assert out.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
