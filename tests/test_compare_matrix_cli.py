"""The protection matrix over the sample set, and the `blma compare` command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from blma import api

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_agreements").glob("*.docx"))


def blma(*args: str) -> subprocess.CompletedProcess:
    """Run the real entry point (domain errors become one line on stderr there, not in the Typer app)."""
    command = [sys.executable, "-c", "from blma.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def matrix():
    return api.compare([str(p) for p in SAMPLES])


def test_matrix_has_every_protection_for_every_agreement_with_scores(matrix):
    assert len(matrix.matrix.rows) == 34
    assert all(len(r.cells) == len(SAMPLES) for r in matrix.matrix.rows)
    groups = [g for g, _ in matrix.matrix.groups()]
    assert groups == ["worker_protection", "governance"]
    for summary in matrix.matrix.agreements:
        assert 0.0 <= summary.score <= 1.0 and sum(summary.counts.values()) == 34
    assert not matrix.alignment and not matrix.changes  # version fields only for two files


def test_matrix_renders_in_markdown_with_status_and_evidence(matrix):
    md = matrix.export("md").decode()
    assert "### Worker protections" in md and "### Governance" in md
    assert all(p.name in md for p in SAMPLES)
    row = next(line for line in md.splitlines() if line.startswith("| Freedom to change employer"))
    assert row.count("|") == len(SAMPLES) + 2
    assert "contrary (Article 10(1)" in row  # kestria_tenebria_domestic's sponsorship clause (and its absconding one)


def test_matrix_renders_in_csv_one_row_per_protection(matrix):
    rows = list(csv.reader(io.StringIO(matrix.export("csv").decode())))
    assert rows[0][:4] == ["protection", "title", "group", "priority"]
    assert len(rows) == 35 and len(rows[0]) == 4 + 2 * len(SAMPLES)
    assert {r[0] for r in rows[1:]} == {r.id for r in matrix.matrix.rows}


def test_matrix_docx_is_a_table(matrix):
    import docx

    document = docx.Document(io.BytesIO(matrix.export("docx")))
    assert len(document.tables[0].rows) == 1 + 2 + 34  # header, two group rows, protections


def test_cli_json_follows_the_contract(version_pair):
    result = blma("compare", str(version_pair[0]), str(version_pair[1]), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["files"] == [str(p) for p in version_pair]
    assert len(data["matrix"]) == 34 and all(len(v) == 2 for v in data["matrix"].values())
    assert len(data["scores"]) == 2
    assert {"a": "Article 11", "b": "Article 10"}.items() <= next(
        p for p in data["alignment"] if p["a"] == "Article 11"
    ).items()
    assert data["unmatched"] == {"a": ["Article 9"], "b": []}
    assert {"id": "social_security_portability", "from": "partial", "to": "missing"}.items() <= next(
        c for c in data["changes"] if c["id"] == "social_security_portability"
    ).items()


def test_cli_writes_outputs_atomically_in_each_format(version_pair, tmp_path):
    for fmt in ("md", "csv", "docx", "html"):
        out = tmp_path / f"out.{fmt}"
        result = blma("compare", *map(str, version_pair), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left behind


def test_cli_names_each_bad_file(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    result = blma("compare", str(SAMPLES[0]), str(tmp_path / "missing.docx"), str(empty))
    assert result.returncode == 2
    assert f"error: {tmp_path / 'missing.docx'}: no such file" in result.stderr
    assert f"error: {empty}: the file is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_compares_a_file_with_itself_as_identical():
    result = blma("compare", str(SAMPLES[0]), str(SAMPLES[0]))
    assert result.returncode == 0
    assert "identical" in result.stderr and "identical" in result.stdout


def test_cli_refuses_docx_on_stdout_and_a_single_file(version_pair):
    assert blma("compare", *map(str, version_pair), "--format", "docx").returncode == 2
    assert blma("compare", str(version_pair[0])).returncode == 2
