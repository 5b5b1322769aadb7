"""`blma analyze --decisions` and `blma redline --decisions`: a review file saved by the app (or by
hand) puts the reviewer's decisions into the report and into the annotated agreement."""

from __future__ import annotations

import hashlib
import json
import zipfile

from tests.conftest import ROOT

SEASONAL = ROOT / "sample_agreements" / "azuria_sundara_seasonal.docx"
OTHER = ROOT / "sample_agreements" / "kestria_tenebria_domestic.docx"
REASON = "Read with the implementing circular, a change is possible after one season"


def review_file(tmp_path, agreement=SEASONAL, pid="employer_change"):
    sha = hashlib.sha256(agreement.read_bytes()).hexdigest()
    path = tmp_path / "review.yaml"
    path.write_text(
        f"agreement: {{file: {agreement.name}, sha256: {sha}}}\n"
        f"decisions:\n  {pid}: {{status: partial, reason: '{REASON}', reviewer: A. Reviewer}}\n",
        encoding="utf-8",
    )
    return path


def test_analyze_reports_the_reviewers_decision_beside_the_tools(blma_cli, tmp_path):
    result = blma_cli("analyze", SEASONAL, "--decisions", review_file(tmp_path))
    assert result.exit_code == 0, result.output
    finding = next(p for p in json.loads(result.stdout)[0]["protections"] if p["id"] == "employer_change")
    assert (finding["status"], finding["reviewer_status"]) == ("contrary", "partial")
    assert finding["reviewer_reason"] == REASON


def test_redline_comments_carry_the_decision_and_its_reason(blma_cli, tmp_path):
    out = tmp_path / "reviewed.docx"
    result = blma_cli("redline", SEASONAL, "--decisions", review_file(tmp_path), "-o", out)
    assert result.exit_code == 0, result.output
    comments = zipfile.ZipFile(out).read("word/comments.xml").decode()
    assert REASON in comments


def test_a_review_file_for_another_agreement_is_refused_unless_forced(blma_cli, tmp_path):
    review = review_file(tmp_path)
    refused = blma_cli("analyze", OTHER, "--decisions", review)
    assert refused.exit_code == 2 and "it was saved for 'azuria_sundara_seasonal.docx'" in refused.stderr
    assert refused.stdout == ""
    forced = blma_cli("analyze", OTHER, "--decisions", review, "--force")
    assert forced.exit_code == 0
    finding = next(p for p in json.loads(forced.stdout)[0]["protections"] if p["id"] == "employer_change")
    assert finding["reviewer_status"] == "partial"


def test_unknown_ids_and_batches_are_refused_before_any_work(blma_cli, tmp_path):
    bad = review_file(tmp_path, pid="employer_chnage")
    result = blma_cli("analyze", SEASONAL, "--decisions", bad)
    assert result.exit_code == 2 and "did you mean 'employer_change'?" in result.stderr
    batch = blma_cli("analyze", SEASONAL, OTHER, "--decisions", review_file(tmp_path))
    assert batch.exit_code == 2 and "belongs to one agreement" in batch.output
