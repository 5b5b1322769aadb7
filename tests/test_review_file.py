"""Review files: a reviewer's decisions saved, reopened (by a colleague too) and applied to reports."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest

from blma import api

SAMPLE = "nuvaria_valdoria_general.docx"


@pytest.fixture(scope="module")
def agreement() -> tuple[bytes, api.GapReport]:
    data = next(s for s in api.samples() if s.name == SAMPLE).data()
    return data, api.analyze_bytes(SAMPLE, data)


def decisions() -> dict[str, api.Decision]:
    return {
        "contract_termination": api.Decision(
            status="present", reason="Section 3.7: notice and dues after all", reviewer="A. Mensah",
            time=datetime(2026, 12, 3, 10, 15, tzinfo=UTC),
        ),
        "employer_change": api.Decision(status="contrary", reason="Art. 9 ties the permit", reviewer="B. Osei"),
    }


def test_a_review_file_is_written_as_yaml_and_read_back_unchanged(agreement):
    data, _ = agreement
    file = api.new_review_file(SAMPLE, data, decisions())
    text = api.review_file_text(file)
    assert text.startswith("# BLMA review file")
    assert f"sha256: {api.agreement_fingerprint(data)}" in text
    assert "time: '2026-12-03T10:15:00Z'" in text and "reviewer: B. Osei" in text
    assert api.read_review_file(text.encode(), "r.yaml") == file


def test_json_and_a_hand_written_minimal_file_are_accepted():
    minimal = "decisions:\n  wage_protection: {status: partial, reason: only monthly pay, reviewer: C}\n"
    file = api.read_review_file(minimal.encode(), "min.yaml")
    assert file.agreement.sha256 is None and file.decisions["wage_protection"].time is None
    as_json = json.dumps({"decisions": {"wage_protection": {"status": "partial", "reason": "x", "reviewer": "C"}}})
    assert api.read_review_file(as_json.encode(), "r.json").decisions["wage_protection"].status == "partial"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("decisions:\n  employer_chnage: {status: present, reason: x, reviewer: y}\n",
         "r.yaml: unknown protection id 'employer_chnage' (did you mean 'employer_change'?)"),
        ("decisions:\n  employer_change: {status: maybe, reason: x, reviewer: y}\n",
         "r.yaml: decisions.employer_change.status: 'maybe' is not a status "
         "(use one of: present, partial, missing, contrary)"),
        ("decisions:\n  employer_change: {status: present, reason: x}\n",
         "r.yaml: decisions.employer_change.reviewer: is required"),
        ("decisions:\n  employer_change: {status: present, reason: '  ', reviewer: y}\n",
         "r.yaml: decisions.employer_change.reason: must not be empty"),
        ("decisions:\n  employer_change: {status: present, reason: x, reviewer: y, verdict: z}\n",
         "r.yaml: decisions.employer_change.verdict: is not a field of a review file (check the spelling)"),
        ("agreement: {sha256: abc}\ndecisions: {}\n",
         "r.yaml: agreement.sha256: must be the 64 hexadecimal digits of a SHA-256"),
        ("format: blma-review/9\ndecisions: {}\n", "r.yaml: format 'blma-review/9' is not one this version reads"),
        ("decisions: [\n", "r.yaml: not YAML or JSON (line 2, column 1)"),
        ("- a list\n", "r.yaml: not a review file: expected a mapping with 'decisions'"),
        ("", "r.yaml: the file is empty"),
        ("a: &x [1, 2]\nb: [*x, *x]\n", "r.yaml: YAML anchors and aliases ('&', '*') are not allowed"),
    ],
)
def test_a_bad_review_file_is_one_line_naming_the_file_and_the_field(text, message):
    with pytest.raises(api.ReviewFileError) as caught:
        api.read_review_file(text.encode(), "r.yaml")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_text_or_far_too_large_is_refused():
    with pytest.raises(api.ReviewFileError, match="not UTF-8 text"):
        api.read_review_file(b"\xff\xfe\x00d", "r.yaml")
    with pytest.raises(api.ReviewFileError, match="too large for a review file"):
        api.read_review_file(b"# " + b"x" * 1_000_001, "r.yaml")


def test_a_review_file_is_read_from_a_path_and_a_missing_path_is_one_line(tmp_path, agreement):
    data, _ = agreement
    path = tmp_path / "review.yaml"
    path.write_text(api.review_file_text(api.new_review_file(SAMPLE, data, decisions())), encoding="utf-8")
    assert set(api.read_review_file(path).decisions) == {"contract_termination", "employer_change"}
    with pytest.raises(api.ReviewFileError, match=r"^.*nowhere\.yaml: no such file$"):
        api.read_review_file(tmp_path / "nowhere.yaml")


def test_applied_decisions_sit_beside_the_tools_findings(agreement):
    data, report = agreement
    file = api.new_review_file(SAMPLE, data, decisions())
    reviewed = api.apply_review_file(report, file, data)
    finding = reviewed.finding("contract_termination")
    assert (finding.status, finding.reviewer_status, finding.final_status) == ("contrary", "present", "present")
    assert finding.reviewer_reason == "Section 3.7: notice and dues after all"
    assert report.finding("contract_termination").reviewer_status is None  # the tool's report is untouched


def test_a_decision_that_opens_a_gap_brings_suggestions(agreement):
    _, report = agreement
    present = next(f for f in report.protections if f.status == "present" and not f.suggestions)
    reviewed = api.apply_decisions(report, {
        present.id: api.Decision.now("missing", "struck out at signature", "A. Mensah"),
    })
    suggestions = reviewed.finding(present.id).suggestion_details
    assert suggestions and all(s.clause_id.startswith(f"{present.id}.") for s in suggestions)
    assert suggestions[0].reason.startswith("adds the protection the agreement lacks")


def test_a_file_saved_for_other_bytes_is_refused_unless_forced(agreement):
    data, report = agreement
    file = api.new_review_file(SAMPLE, data + b" ", decisions())
    with pytest.raises(api.ReviewFileMismatch) as caught:
        api.apply_review_file(report, file, data, review_name="colleague.yaml")
    assert str(caught.value).startswith(
        f"colleague.yaml: it was saved for '{SAMPLE}' (fingerprint {api.agreement_fingerprint(data + b' ')[:12]}), "
        f"not for this copy of '{SAMPLE}'"
    )
    forced = api.apply_review_file(report, file, data, force=True)
    assert forced.finding("employer_change").reviewer_status == "contrary"


def test_the_redline_written_from_a_reviewed_report_carries_the_decisions(agreement):
    data, report = agreement
    reviewed = api.apply_decisions(report, decisions())
    redline = api.annotate_reviewed(data, reviewed, name=SAMPLE)
    with zipfile.ZipFile(io.BytesIO(redline.data)) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert "Reviewer's decision: present. Section 3.7: notice and dues after all" in comments
    assert "(the tool found: contrary, works against workers" in comments
    # the contrary provision the reviewer accepted is no longer struck out
    assert not [a for a in redline.actions if a.protection == "contract_termination" and a.action != "comment"]
    plain = api.annotate(data, name=SAMPLE)
    assert [a for a in plain.actions if a.protection == "contract_termination" and a.action == "deleted"]
