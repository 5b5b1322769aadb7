"""The Review page: open an agreement, read its statuses, record decisions, download the report."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from blma import api
from blma_app import review_state as R
from blma_app.exports import review_downloads
from blma_app.status import STATUSES, label

PAGE = "app_pages/review.py"
SAMPLE = "nuvaria_valdoria_general.docx"


@pytest.fixture(scope="module")
def sample_report() -> api.GapReport:
    sample = next(s for s in api.samples() if s.name == SAMPLE)
    return api.analyze_bytes(sample.name, sample.data())


def open_sample(app_page, name: str = SAMPLE):
    at = app_page(PAGE)
    at.button(key=f"review.sample.{name}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_sample_opens_with_one_click_and_shows_every_status(app_page, sample_report):
    at = open_sample(app_page)
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    for status in STATUSES:
        assert metrics[label(status)] == str(sample_report.counts[status])
    # the table lists every protection with its status as a word
    table = at.dataframe[0].value
    assert len(table) == 34
    assert dict(zip(table["Protection"], table["Status"], strict=True)) == {
        f.title: f.status for f in sample_report.protections
    }
    # each protection expands to its status in words, its evidence with locations
    finding = sample_report.finding("contract_termination")
    expander = next(e for e in at.expander if e.label.startswith(finding.title))
    assert finding.status in expander.label
    text = " ".join(m.value for m in expander.markdown)
    assert finding.evidence[0].location.replace(".", "") in text.replace("\\", "").replace(".", "")
    assert "Suggested clauses" in text


def test_filters_narrow_the_table(app_page, sample_report):
    at = open_sample(app_page)
    at.pills(key="review.f.status").set_value(["contrary"]).run()
    table = at.dataframe[0].value
    assert list(table["Status"]) == ["contrary"] * sample_report.counts["contrary"]
    assert len([e for e in at.expander if "—" in e.label]) == sample_report.counts["contrary"]


def test_a_reviewer_overrides_a_status_with_a_reason_and_the_report_keeps_both(app_page, sample_report):
    at = open_sample(app_page)
    review = at.session_state[R.KEY]
    pid = "contract_termination"
    tool_status = sample_report.finding(pid).status
    decision_key, reason_key = f"review.d.{review.print_}.{pid}", f"review.r.{review.print_}.{pid}"
    submit = f"FormSubmitter:review.form.{review.print_}.{pid}-Record decision"

    at.selectbox(key=decision_key).set_value("present")
    at.button(key=submit).click().run()
    assert any("give a reason" in e.value for e in at.error)  # no reason: nothing recorded

    at.selectbox(key=decision_key).set_value("present")
    at.text_input(key=reason_key).input("Section 3.7 restores notice and dues")
    at.button(key=submit).click().run()
    assert not at.exception
    row = at.dataframe[0].value.set_index("Protection").loc[sample_report.finding(pid).title]
    assert (row["Status"], row["Tool's finding"], row["Your decision"]) == ("present", tool_status, "present")

    reviewed = at.session_state[R.KEY].reviewed
    data = json.loads(review_downloads(reviewed, "x")[2].data)[0]
    finding = next(f for f in data["protections"] if f["id"] == pid)
    assert (finding["status"], finding["reviewer_status"]) == (tool_status, "present")
    assert finding["reviewer_reason"] == "Section 3.7 restores notice and dues"


def test_an_uploaded_docx_is_analysed_in_memory(app_page, sample_report):
    sample = next(s for s in api.samples() if s.name == SAMPLE)
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("my agreement.docx", sample.data(), "application/octet-stream").run()
    assert not at.exception and not at.error
    assert at.session_state[R.KEY].origin == "upload"
    assert {m.label: m.value for m in at.metric}[label("contrary")] == str(sample_report.counts["contrary"])
    assert [b.label for b in at.get("download_button")] == [
        "Gap report (Word)",
        "Gap report (Markdown)",
        "Gap report (JSON)",
        "Annotated agreement (Word)",
    ]


def test_a_page_switch_keeps_the_review_and_removing_the_upload_forgets_it(app_page):
    sample = next(s for s in api.samples() if s.name == SAMPLE)
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("mine.docx", sample.data(), "application/octet-stream").run()
    assert at.session_state[R.KEY].name == "mine.docx"
    at.switch_page("app_pages/learn.py").run()
    at.switch_page(PAGE).run()  # leaving the page empties the uploader but keeps the review
    assert at.session_state[R.KEY].name == "mine.docx"
    at.get("file_uploader")[0].upload("mine.docx", sample.data(), "application/octet-stream").run()
    at.get("file_uploader")[0].clear().run()
    assert R.KEY not in at.session_state
    assert any("Upload an agreement" in i.value for i in at.info)


@pytest.mark.parametrize("name", ["legacy_doc", "encrypted", "not_a_zip", "empty", "scanned_pdf"])
def test_a_bad_file_shows_the_readers_message_not_a_traceback(app_page, bad_inputs, name):
    path = bad_inputs[name]
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload(path.name, path.read_bytes(), "application/octet-stream").run()
    assert not at.exception
    try:
        api.analyze_bytes(path.name, path.read_bytes())
    except api.BlmaError as exc:
        expected = str(exc)
    else:
        pytest.skip(f"{name} is readable now")
    assert [e.value for e in at.error] == [expected]


def test_an_oversized_file_is_refused_with_the_limit(app_page):
    at = app_page(PAGE)
    data = b"Article 1. " * (api.MAX_UPLOAD_MB * 1024 * 1024 // 11 + 10)
    at.get("file_uploader")[0].upload("huge.txt", data, "text/plain").run()
    assert not at.exception
    assert f"over the {api.MAX_UPLOAD_MB} MB limit" in " ".join(e.value for e in at.error)


def test_report_downloads_are_word_markdown_and_json(sample_report):
    word, markdown, as_json = review_downloads(sample_report, "nuvaria")
    assert zipfile.is_zipfile(io.BytesIO(word.data)) and word.file_name == "nuvaria.gap-report.docx"
    assert sample_report.facts.title.split()[0] in markdown.data.decode("utf-8")
    assert json.loads(as_json.data)[0]["file"] == SAMPLE


def test_the_annotated_agreement_follows_the_reviewers_decisions(sample_report):
    source = next(s for s in api.samples() if s.name == SAMPLE).data()
    gaps = [f.id for f in sample_report.protections if f.status in ("missing", "contrary")]
    reviewed = api.with_reviewer_decisions(sample_report, {gaps[0]: ("present", "Annex II covers it")})
    before = review_downloads(sample_report, "n", source)[-1]
    after = review_downloads(reviewed, "n", source)[-1]
    assert before.file_name == "n.reviewed.docx"

    def insertions(data: bytes) -> int:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return package.read("word/document.xml").decode("utf-8").count("<w:ins ")

    assert 0 < insertions(after.data) < insertions(before.data)


def test_an_agreement_in_another_language_is_refused_in_words_not_reported_as_missing(app_page):
    text = (
        "Article 5. L'employeur ne peut retenir le passeport du travailleur, et le travailleur ne peut "
        "changer d'employeur pendant la durée de son contrat. "
    ) * 4
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("accord.txt", text.encode(), "text/plain").run()
    assert not at.exception
    assert [e.value for e in at.error] == ["accord.txt: the text is in French; this version analyses English only"]
