"""The Review page: open an agreement, see what needs action first, record decisions, save and download."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from app_agreements import (
    HOSTILE,
    LONG_CAPITALS_TITLE,
    NON_BINDING_MOU,
    drafted_agreement,
    hostile_agreement,
    long_capitals_agreement,
)

from blma import api
from blma_app import resources
from blma_app import review_state as R
from blma_app.exports import review_downloads
from blma_app.status import ACTION_ORDER, label
from blma_app.text import plain, shown

ROOT = Path(__file__).resolve().parents[1]
PAGE = "blma_app/views/review.py"
SAMPLE = "nuvaria_valdoria_general.docx"


@pytest.fixture(scope="module")
def sample_report() -> api.GapReport:
    sample = next(s for s in api.samples() if s.name == SAMPLE)
    return api.analyze_bytes(sample.name, sample.data())


def sample_bytes(name: str = SAMPLE) -> bytes:
    return next(s for s in api.samples() if s.name == name).data()


def open_sample(app_page, name: str = SAMPLE):
    at = app_page(PAGE)
    at.button(key=f"review.sample.{name}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(app_page, name: str, data: bytes, mime: str = "application/octet-stream"):
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload(name, data, mime).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at) -> str:
    """Everything a reader sees on the page, as text (Markdown escapes removed)."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning",
                                  "success", "info") for e in getattr(at, kind)]
    parts += [e.label for e in at.expander] + [b.label for b in at.button] + [m.label for m in at.metric]
    return shown("\n".join(str(p) for p in parts))


def finding_expander(at, title: str):
    return next(e for e in at.expander if shown(e.label).startswith(title))


def expander_text(expander) -> str:
    return shown(" ".join(m.value for m in expander.markdown) + " " + " ".join(c.value for c in expander.caption))


def record(at, pid: str, status: str, reason: str, reviewer: str | None = "A. Mensah"):
    review = at.session_state[R.KEY]
    if reviewer is not None:
        at.text_input(key="review.reviewer").input(reviewer)
    at.selectbox(key=f"review.d.{review.print_}.{pid}").set_value(status)
    at.text_input(key=f"review.r.{review.print_}.{pid}").input(reason)
    at.button(key=f"FormSubmitter:review.form.{review.print_}.{pid}-Record decision").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# -- what the page shows ------------------------------------------------------------------------
def test_the_page_leads_with_what_needs_action_in_one_grouped_list(app_page, sample_report):
    at = open_sample(app_page)
    assert not at.error
    metrics = [(m.label, m.value) for m in at.metric][:4]
    assert metrics == [(label(s), str(sample_report.counts[s])) for s in ACTION_ORDER]
    # one list, grouped contrary, missing, partial, present, each heading with its count; no table
    assert [h.value for h in at.subheader] == [f"{label(s)}: {sample_report.counts[s]}" for s in ACTION_ORDER]
    assert not at.dataframe
    findings = [e for e in at.expander if " — " in e.label]
    assert len(findings) == 34
    statuses = [next(s for s in ACTION_ORDER if f"**{s}**" in e.label) for e in findings]
    assert statuses == sorted(statuses, key=ACTION_ORDER.index)
    assert {shown(e.label).split(" — ")[0]: s for e, s in zip(findings, statuses, strict=True)} == {
        f.title: f.status for f in sample_report.protections
    }
    # the contrary finding comes first, with its evidence and suggestions
    finding = sample_report.finding("contract_termination")
    assert shown(findings[0].label).startswith(finding.title)
    text = expander_text(findings[0])
    assert finding.evidence[0].location in text and finding.evidence[0].text[:40] in text
    assert "Suggested clauses" in text


def test_the_downloads_sit_above_the_list_and_are_built_only_when_asked(app_page, monkeypatch):
    built: list[str] = []
    for name in ("gap_report_docx", "gap_report_markdown", "annotate_reviewed", "review_file_text", "kit_for_upload"):
        real = getattr(api, name)
        monkeypatch.setattr(api, name, lambda *a, _real=real, _name=name, **k: built.append(_name) or _real(*a, **k))
    at = open_sample(app_page)
    buttons = at.get("download_button")
    assert [b.label for b in buttons] == [
        "Gap report (Word)", "Gap report (Markdown)", "Gap report (JSON)", "Annotated agreement (Word)",
        "Review file (YAML)", "Joint-committee kit (Word)", "Implementation tracker (Excel)",
        "Implementation tracker (CSV)",
    ]
    assert all(b.proto.deferred_file_id for b in buttons)  # Streamlit calls the builder on the click
    assert built == []
    # near the top: before the first group of findings
    first_group = next(i for i, node in enumerate(at.main) if getattr(node, "value", "") == at.subheader[0].value)
    first_download = next(i for i, node in enumerate(at.main) if node.type == "flex_container" and node.get("download_button"))
    assert first_download < first_group


def test_filters_narrow_the_list(app_page, sample_report):
    at = open_sample(app_page)
    at.pills(key="review.f.status").set_value(["contrary"]).run()
    assert [h.value for h in at.subheader] == [f"{label('contrary')}: {sample_report.counts['contrary']}"]
    assert len([e for e in at.expander if " — " in e.label]) == sample_report.counts["contrary"]


def test_low_confidence_findings_are_marked_check_and_can_be_filtered(app_page):
    name = "azuria_sundara_seasonal.docx"
    report = api.analyze_bytes(name, sample_bytes(name))
    checked = [f.title for f in report.protections if f.check]
    assert checked, "the sample has a low-confidence finding"
    at = open_sample(app_page, name)
    marked = [shown(e.label).split(" — ")[0] for e in at.expander if e.label.endswith("· check")]
    assert sorted(marked) == sorted(checked)  # the page groups findings by status; the report by chapter
    at.toggle(key="review.f.check").set_value(True).run()
    assert sorted(shown(e.label).split(" — ")[0] for e in at.expander if " — " in e.label) == sorted(checked)
    assert "the tool's confidence is" in expander_text(finding_expander(at, checked[0]))


def test_a_partial_finding_says_in_plain_words_what_it_lacks(app_page):
    name = "kestria_tenebria_domestic.docx"
    report = api.analyze_bytes(name, sample_bytes(name))
    finding = report.finding("contract_termination")
    assert finding.status == "partial" and "nothing found on: notice or a valid ground for termination; payment of wages and dues on termination" in finding.reason
    at = open_sample(app_page, name)
    text = expander_text(finding_expander(at, finding.title))
    assert (
        "It says nothing on notice or a valid ground for termination, and nothing on payment of wages "
        "and dues on termination." in text
    )
    assert "What a full provision secures." in text
    soft = next(f for f in report.protections if f.status == "partial" and f.reason.startswith("soft wording"))
    cue = soft.reason.split("'")[1]
    assert f"The wording is soft (“{cue}”): it encourages or allows, but does not oblige anyone." in expander_text(
        finding_expander(at, soft.title)
    )


def test_no_internal_ids_anywhere_a_user_reads(app_page):
    at = open_sample(app_page, "kestria_tenebria_domestic.docx")
    text = page_text(at)
    clause_ids = [c.id for c in api.clauses()]
    assert not [c for c in clause_ids if c in text]
    assert not [p.id for p in api.guidance() if "_" in p.id and p.id in text]  # one-word ids are plain words


def test_suggested_wording_uses_the_agreements_own_parties_and_instrument(app_page):
    data = drafted_agreement("Ardenia", "Borvale", left_out=["social_security_portability"], style="mou")
    at = upload(app_page, "ardenia-borvale.docx", data)
    title = next(p.title for p in api.guidance() if p.id == "social_security_portability")
    expander = finding_expander(at, title)
    assert "**missing**" in expander.label or "**partial**" in expander.label
    wording = shown(" ".join(m.value for m in expander.get("popover")[0].markdown))
    assert "Ardenia" in wording and "Borvale" in wording  # the agreement's parties...
    assert "Sundara" not in wording and "Valdoria" not in wording  # ...not the library's example ones
    assert "Participants" in wording and " will " in wording and " shall " not in wording  # an MoU's words


def test_a_non_binding_mou_gets_a_note_at_the_top(app_page):
    at = upload(app_page, "mou.txt", NON_BINDING_MOU.encode(), "text/plain")
    assert at.warning and at.warning[0].value.startswith("**Not legally binding.**")
    statement = api.analyze_bytes("mou.txt", NON_BINDING_MOU.encode()).facts.non_binding_statement
    assert statement.startswith("does not create") and f"(“{statement}”)" in shown(at.warning[0].value)
    assert sum("not legally binding" in w.value.lower() for w in at.warning) == 1  # said once


def test_a_convention_is_not_presented_as_an_agreement(app_page):
    """The analysis reads ILO C189 as an agreement; the page says what its title calls it."""
    data = (Path(__file__).parents[1] / "corpus/real_shared_en/ilo_c189_2011_en.md").read_bytes()
    at = upload(app_page, "c189.md", data, "text/markdown")
    captions = shown(" ".join(c.value for c in at.caption))
    assert "c189.md · Convention (read as an agreement) · " in captions


def test_a_list_item_is_shown_after_the_words_it_completes(app_page):
    """ILO C189 Article 7(h) ("the provision of food and accommodation, if applicable;") says who
    must secure it only in the lead-in of Article 7, shown before it (shortened in the middle)."""
    data = (Path(__file__).parents[1] / "corpus/real_shared_en/ilo_c189_2011_en.md").read_bytes()
    at = upload(app_page, "c189.md", data, "text/markdown")
    text = expander_text(finding_expander(at, "Decent accommodation"))
    assert "Article 7(h)" in text
    assert "domestic workers are informed of their terms … possible, through written contracts" in text
    # the lead-in in italics, the item as written
    assert "*Each Member shall take measures to ensure that domestic workers are informed" in text
    assert "in particular:* … the provision of food and accommodation, if applicable;" in text


def test_a_long_capitals_title_is_shown_at_the_size_of_the_text(app_page):
    at = upload(app_page, "capitals.docx", long_capitals_agreement())
    assert not at.header  # no large heading
    assert any(m.value.startswith("###### ") and LONG_CAPITALS_TITLE[:60] in m.value for m in at.markdown)


def test_an_oversized_file_is_refused_in_words_next_to_the_uploader(app_page):
    at = app_page(PAGE)
    assert f"Largest file: {api.MAX_UPLOAD_MB} MB" in shown(" ".join(c.value for c in at.caption))
    data = b"Article 1. " * (api.MAX_UPLOAD_MB * 1024 * 1024 // 11 + 10)
    at.get("file_uploader")[0].upload("huge.txt", data, "text/plain").run()
    assert not at.exception
    assert f"over the {api.MAX_UPLOAD_MB} MB limit" in " ".join(e.value for e in at.error)
    # the message comes right after the uploader and its caption, before the samples
    main = [n.type for n in at.main]
    assert main[main.index("file_uploader"):][:3] == ["file_uploader", "caption", "error"]


# -- escaping what comes from an upload ---------------------------------------------------------
def test_every_string_from_an_upload_shows_literally(app_page):
    name = f"{HOSTILE}.docx"
    at = upload(app_page, name, hostile_agreement())
    raw = [e.value for kind in ("markdown", "caption", "header", "warning", "error") for e in getattr(at, kind)]
    raw += [e.label for e in at.expander]
    # the file name (caption), the title (heading) and the evidence quote are escaped...
    assert any(plain(name) in v for v in raw)
    assert sum(plain(HOSTILE) in v for v in raw) >= 3
    # ...and never reach Markdown as they are
    assert not any(HOSTILE in v for v in raw)
    assert not any("](http://evil)" in v or "](http\u2060://evil)" in v.replace("\\]", "") for v in raw)
    text = page_text(at)
    assert name in text and f"passport for the duration of the contract {HOSTILE}" in text


def test_a_bad_files_name_is_escaped_in_its_message(app_page):
    at = upload(app_page, f"{HOSTILE}.docx", b"not a zip file at all")
    assert at.error and HOSTILE not in at.error[0].value and plain(HOSTILE) in at.error[0].value


# -- decisions, the review file and the reload ----------------------------------------------------
def test_a_reviewer_overrides_a_status_with_a_reason_and_a_name(app_page, sample_report):
    at = open_sample(app_page)
    pid = "contract_termination"
    tool_status = sample_report.finding(pid).status
    record(at, pid, "present", "", reviewer=None)
    assert any("give a reason" in e.value for e in at.error)  # no reason: nothing recorded
    record(at, pid, "present", "Section 3.7 restores notice and dues", reviewer=None)
    assert any("give your name" in e.value for e in at.error)  # no name: nothing recorded
    assert not at.session_state[R.KEY].decisions
    record(at, pid, "present", "Section 3.7 restores notice and dues")
    assert not at.error
    decision = at.session_state[R.KEY].decisions[pid]
    assert (decision.status, decision.reviewer, decision.time is not None) == ("present", "A. Mensah", True)
    expander = finding_expander(at, sample_report.finding(pid).title)
    assert "your decision" in expander.label and "**present**" in expander.label
    assert "Section 3.7 restores notice and dues (A. Mensah," in expander_text(expander)
    assert at.metric[0].value == str(sample_report.counts["contrary"] - 1)

    reviewed = at.session_state[R.KEY].reviewed
    data = json.loads(review_downloads(reviewed, "x")[2].content())[0]
    finding = next(f for f in data["protections"] if f["id"] == pid)
    assert (finding["status"], finding["reviewer_status"]) == (tool_status, "present")
    assert finding["reviewer_reason"] == "Section 3.7 restores notice and dues"


def test_an_override_to_missing_brings_suggestions(app_page, sample_report):
    present = next(f for f in sample_report.protections if f.status == "present" and not f.suggestion_details)
    at = open_sample(app_page)
    assert "Suggested clauses" not in expander_text(finding_expander(at, present.title))
    record(at, present.id, "missing", "Article 4 was deleted in the signed version")
    expander = finding_expander(at, present.title)
    text = expander_text(expander)
    assert "**missing**" in expander.label and "Suggested clauses" in text and "What a full provision secures." in text
    assert expander.get("popover") and expander.get("popover")[0].markdown


def test_the_review_file_is_saved_and_reopened_in_another_session(app_page, sample_report):
    at = open_sample(app_page)
    record(at, "contract_termination", "present", "Section 3.7 restores notice and dues")
    record(at, "accommodation", "partial", "Annex II: housing, no standards", reviewer="B. Osei")
    review = at.session_state[R.KEY]
    saved = next(d for d in review_downloads(review.reviewed, review.stem, None, review.review_file())
                 if d.label == "Review file (YAML)").content().decode()
    assert "sha256: " + api.agreement_fingerprint(sample_bytes()) in saved
    assert "reviewer: B. Osei" in saved and "time: '20" in saved

    colleague = open_sample(app_page)  # a fresh session, the same agreement
    colleague.get("file_uploader")[1].upload("review.yaml", saved.encode(), "application/x-yaml").run()
    assert not colleague.exception and not colleague.error
    assert any("Reopened 2 decision(s) from review.yaml by A. Mensah, B. Osei" in s.value for s in colleague.success)
    decisions = colleague.session_state[R.KEY].decisions
    assert {k: (d.status, d.reason) for k, d in decisions.items()} == {
        "contract_termination": ("present", "Section 3.7 restores notice and dues"),
        "accommodation": ("partial", "Annex II: housing, no standards"),
    }
    assert colleague.selectbox(key=f"review.d.{review.print_}.accommodation").value == "partial"
    assert colleague.metric[0].value == str(sample_report.counts["contrary"] - 1)


def test_a_review_file_for_another_agreement_warns_and_applies_only_when_asked(app_page):
    other = "pelora_azuria_nurses.docx"
    file = api.new_review_file(other, sample_bytes(other), {
        "employer_change": api.Decision.now("contrary", "Article 8 ties the permit to the employer", "C. Diallo"),
    })
    at = open_sample(app_page)
    at.get("file_uploader")[1].upload("nurses.review.yaml", api.review_file_text(file).encode(), "text/yaml").run()
    assert not at.session_state[R.KEY].decisions
    assert any("it was saved for 'pelora_azuria_nurses.docx'" in shown(w.value) for w in at.warning)
    at.button(key="review.apply_anyway").click().run()
    assert at.session_state[R.KEY].decisions["employer_change"].status == "contrary"


def test_a_review_file_with_an_unknown_protection_is_refused_in_one_line(app_page):
    at = open_sample(app_page)
    text = "decisions:\n  employer_chnage: {status: present, reason: fine, reviewer: D}\n"
    at.get("file_uploader")[1].upload("typo.yaml", text.encode(), "text/yaml").run()
    assert [shown(e.value) for e in at.error] == [
        "typo.yaml: unknown protection id 'employer_chnage' (did you mean 'employer_change'?)"
    ]
    assert not at.session_state[R.KEY].decisions


def test_a_reload_keeps_the_agreement_the_decisions_and_the_name(app_page):
    at = upload(app_page, "mine.docx", sample_bytes())
    record(at, "contract_termination", "present", "Section 3.7 restores notice and dues")
    token = at.query_params["work"]
    assert token

    from streamlit.testing.v1 import AppTest  # a reload: a new session that arrives with the same address

    from tests.conftest import ROOT

    reloaded = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    reloaded.query_params["work"] = token
    reloaded.run()
    reloaded.switch_page(PAGE).run()
    review = reloaded.session_state[R.KEY]
    assert review.name == "mine.docx" and review.decisions["contract_termination"].reason.startswith("Section 3.7")
    assert reloaded.text_input(key="review.reviewer").value == "A. Mensah"
    assert "your decision" in finding_expander(reloaded, "Fair termination").label

    stranger = app_page(PAGE)  # another session, without the address, sees nothing of it
    assert R.KEY not in stranger.session_state


# -- the files a reviewer takes away -------------------------------------------------------------
def test_an_uploaded_docx_is_analysed_in_memory(app_page, sample_report):
    at = upload(app_page, "my agreement.docx", sample_bytes())
    assert not at.error
    assert at.session_state[R.KEY].origin == "upload"
    assert {m.label: m.value for m in at.metric}[label("contrary")] == str(sample_report.counts["contrary"])


def test_a_page_switch_keeps_the_review_and_removing_the_upload_forgets_it(app_page):
    at = upload(app_page, "mine.docx", sample_bytes())
    assert at.session_state[R.KEY].name == "mine.docx"
    at.switch_page("blma_app/views/learn.py").run()
    at.switch_page(PAGE).run()  # leaving the page empties the uploader but keeps the review
    assert at.session_state[R.KEY].name == "mine.docx"
    at.get("file_uploader")[0].upload("mine.docx", sample_bytes(), "application/octet-stream").run()
    at.get("file_uploader")[0].clear().run()
    assert R.KEY not in at.session_state
    assert any("Upload an agreement" in i.value for i in at.info)


@pytest.mark.parametrize("name", ["legacy_doc", "encrypted", "not_a_zip", "empty", "scanned_pdf"])
def test_a_bad_file_shows_the_readers_message_not_a_traceback(app_page, bad_inputs, name):
    path = bad_inputs[name]
    at = upload(app_page, path.name, path.read_bytes())
    try:
        api.analyze_bytes(path.name, path.read_bytes())
    except api.BlmaError as exc:
        expected = str(exc)
    else:
        pytest.skip(f"{name} is readable now")
    assert [shown(e.value) for e in at.error] == [expected]


def test_report_downloads_are_word_markdown_and_json(sample_report):
    word, markdown, as_json = review_downloads(sample_report, "nuvaria")
    assert zipfile.is_zipfile(io.BytesIO(word.content())) and word.file_name == "nuvaria.gap-report.docx"
    assert sample_report.facts.title.split()[0] in markdown.content().decode("utf-8")
    assert json.loads(as_json.content())[0]["file"] == SAMPLE


def _document_xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(part).decode("utf-8")


def test_the_annotated_agreement_carries_the_reviewers_decisions_and_reasons(sample_report):
    source = sample_bytes()
    gaps = [f for f in sample_report.protections if f.status == "contrary"]  # it has evidence to comment on
    present = next(f for f in sample_report.protections if f.status == "present")
    reviewed = api.apply_decisions(sample_report, {
        gaps[0].id: api.Decision.now("present", "Annex II covers it", "A. Mensah"),
        present.id: api.Decision.now("missing", "Article 4 was struck out at signature", "A. Mensah"),
    })
    before = review_downloads(sample_report, "n", source)[-1]
    after = review_downloads(reviewed, "n", source)[-1]
    assert after.file_name == "n.reviewed.docx"
    comments = _document_xml(after.content(), "word/comments.xml")
    assert f"{gaps[0].title}: Secured." in comments and f"({gaps[0].id})" not in comments
    assert "Reviewer's decision: present. Annex II covers it" in comments
    assert f"(the tool found: {gaps[0].status}" in comments
    assert "Reviewer's decision: missing. Article 4 was struck out at signature" in comments
    # the clause for the gap the reviewer closed is gone; one for the gap the reviewer opened is in
    heading = next(p.article_heading for p in api.guidance() if p.id == present.id)
    assert heading.upper() in _document_xml(after.content()).upper()
    assert heading.upper() not in _document_xml(before.content()).upper()
    assert _document_xml(after.content()).count("<w:del ") < _document_xml(before.content()).count("<w:del ")


def test_an_agreement_in_another_language_is_refused_in_words_not_reported_as_missing(app_page):
    from blma.analysis.analyzer import _names
    from blma.analysis.rule_languages import supported_languages

    text = "لا يجوز لصاحب العمل الاحتفاظ بجواز سفر العامل أو وثائق هويته طوال مدة العقد المبرم بين الطرفين. " * 4
    at = upload(app_page, "accord.txt", text.encode(), "text/plain")
    expected = f"accord.txt: the text is in Arabic; this version analyses {_names(supported_languages())}"
    assert [e.value for e in at.error] == [expected]


def test_a_spanish_agreements_suggested_wording_and_its_title_are_in_spanish(app_page):
    path = ROOT / "corpus" / "synthetic_dev_es" / "01_acuerdo_marco_movilidad_andalera_brisania.md"
    at = upload(app_page, path.name, path.read_bytes(), "text/markdown")
    report = api.analyze_path(path)
    finding = next(f for f in report.protections if f.id == "labour_inspection")
    popover = finding_expander(at, finding.title).get("popover")[0]
    caption = " ".join(c.value for c in popover.caption)
    wording = shown(" ".join(m.value for m in popover.markdown))
    assert "Brisania" in wording and " shall " not in wording and "inspección" in wording.lower()
    assert finding.suggestion_details[0].title not in caption  # the English title is not the caption
    assert caption.startswith(plain(api.suggested_title(finding.suggestion_details[0].clause_id, {"language": "es"})))


def test_a_bilingual_agreement_is_analysed_in_the_authentic_text_the_reviewer_picks(app_page):
    english = (
        "Article 5\n\nThe employer shall not keep the passport or identity documents of the worker, "
        "and the worker shall be free to change employer at any time.\n\n"
    )
    french = (
        "Article 5\n\nL'employeur ne peut retenir le passeport ni les documents d'identité du travailleur, "
        "et le travailleur ne peut changer d'employeur pendant la durée de son contrat.\n\n"
    )
    at = upload(app_page, "accord.txt", (french * 3 + english * 3).encode(), "text/plain")
    choice = at.selectbox[0]
    assert choice.label == "Authentic text analysed"
    assert choice.options == ["English", "French"] and choice.value == "fr"
    assert "only the French text was analysed" in page_text(at)
    assert "--language" not in page_text(at)  # the CLI's flag means nothing here
    changing = finding_expander(at, resources.protection_titles()["employer_change"])
    assert "ne peut changer" in shown(" ".join(m.value for m in changing.markdown))

    choice.select("en").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox[0].value == "en"
    assert "only the English text was analysed" in page_text(at)
    changing = finding_expander(at, resources.protection_titles()["employer_change"])
    assert "free to change employer" in shown(" ".join(m.value for m in changing.markdown))
    review = R.current(at.session_state)
    assert review.report.facts.language == "en" and review.language == "en"


def test_a_one_language_agreement_offers_no_choice_of_text(app_page):
    at = open_sample(app_page)
    assert all(s.label != "Authentic text analysed" for s in at.selectbox)
