"""The gap reports a reviewer attaches to a memo: what they say, in Markdown and in DOCX."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from blma import api
from blma.analysis.models import GapReport
from blma.library import default_library
from blma.ooxml.tables import cell_fill
from blma.reports import OutputError, build_view, write_atomic
from blma.reports.docx_writer import STATUS_FILL
from blma.reports.view import clause_context

SAMPLES = Path(__file__).resolve().parents[1] / "sample_agreements"
#: A labelled sample with gaps of every status, no warnings, and its parties in its title.
GOOD_SAMPLE = SAMPLES / "ostland_sundara_care_mou.docx"
DAY = date(2025, 3, 14)


@pytest.fixture(scope="module")
def analysed() -> GapReport:
    return api.analyze_path(str(GOOD_SAMPLE))


@pytest.fixture
def report(analysed: GapReport) -> GapReport:
    return analysed.model_copy(deep=True)


def first(report: GapReport, status: str):
    return next(f for f in report.protections if f.status == status)


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(BytesIO(data)).paragraphs]


def test_header_names_file_instrument_parties_sectors_date_and_tracked_changes(report):
    report.facts.tracked_changes = True
    text = api.gap_report_markdown([report], analysed_on=DAY)
    for line in (
        f"| File | {GOOD_SAMPLE} |",
        "| Instrument | Memorandum of Understanding |",
        "| Parties | Ostland; Sundara |",
        "| Sectors | health care |",
        "| Date of analysis | 2025-03-14 |",
        "| Tracked changes | Yes: the document contains tracked changes; it was read as if all changes were accepted. |",
    ):
        assert line in text


def test_unknown_parties_and_sectors_are_said_so_not_left_blank(report):
    report.facts.parties, report.facts.sectors = [], ["general"]
    text = api.gap_report_markdown([report], analysed_on=DAY)
    assert "| Parties | not identified |" in text
    assert "| Sectors | general (no specific sector identified) |" in text


def test_summary_groups_worker_protections_before_governance_and_gives_the_core_score(report):
    view = build_view(report, DAY)
    groups = [r.group for r in view.rows]
    assert groups == sorted(groups, key=lambda g: g != "worker_protection")
    assert len(view.rows) == 34 and [r.number for r in view.rows] == list(range(1, 35))
    core = [f for f in report.protections if f.priority == "core"]
    present = sum(f.status == "present" for f in core)
    percent = round(100 * present / len(core))
    assert view.core_line == f"Core score: {percent}% ({present} of {len(core)} core protections present)."
    assert abs(report.core_score * 100 - percent) < 1
    counts = " · ".join(f"{s.title()}: {n}" for s, n in report.counts.items())
    assert counts in api.gap_report_markdown([report])


def test_each_gap_gives_reason_evidence_with_location_and_suggested_clauses(report):
    partial = first(report, "partial")
    text = api.gap_report_markdown([report])
    section = text.split(f"{partial.title}: Partial")[1].split("\n#### ")[0]
    assert f"The tool found it partial: {partial.reason.rstrip('.')}." in section
    for evidence in partial.evidence:
        assert f"> {evidence.text}" in section
        assert f"> — {evidence.location}" in section
    library = default_library()
    for clause_id in partial.suggestions:  # named by title and strength; no internal ids in a report
        clause = library.clause(clause_id)
        assert f"{clause.title} ({clause.strength} wording)" in section
        assert clause_id not in section


def test_present_protections_get_no_detail_section(report):
    present = first(report, "present")
    text = api.gap_report_markdown([report])
    assert f"{present.title}: Present" not in text


def test_suggested_clauses_use_the_agreements_parties_and_style(report):
    view = build_view(report)
    texts = [s.text for r in view.gaps for s in r.suggestions]
    assert texts and not any("{{" in t for t in texts)
    joined = " ".join(texts)
    assert "Sundara" in joined and "Valdoria" not in joined  # the library example is replaced
    assert " shall " not in joined  # an MoU says "will"


def test_suggested_clauses_name_origin_and_destination_as_the_analysis_decided(report):
    terms = report.facts.terms.model_copy(
        update={"origin": "Kestria", "origin_name": "the Republic of Kestria", "destination": "Marovia",
                "destination_name": "the Federal Republic of Marovia"}
    )
    report.facts.parties = ["Marovia", "Kestria"]  # the destination named first
    report.facts.terms = terms
    context = clause_context(report)
    assert (context["origin"], context["origin_short"]) == ("the Republic of Kestria", "Kestria")
    assert (context["destination"], context["destination_short"]) == ("the Federal Republic of Marovia", "Marovia")


def test_a_reviewers_override_shows_the_tools_finding_and_the_decision_with_its_reason(report):
    tool = first(report, "present")
    reviewed = api.with_reviewer_decisions(report, {tool.id: ("partial", "no sanction for breaches")})
    text = api.gap_report_markdown([reviewed])
    assert "**Partial (reviewer; tool found: present)**" in text
    section = text.split(f"{tool.title}: Partial (reviewer; tool found: present)")[1].split("\n#### ")[0]
    assert "The tool found it present: secured in binding wording." in section
    assert "**Reviewer's decision:** The reviewer marked it partial: no sanction for breaches." in section
    assert "**Suggested clauses:**\n\n- **" in section  # a gap now, so clauses are offered
    assert "after the reviewer's decisions (the tool's own score:" in text

    data = api.gap_report_docx([reviewed])
    paragraphs = docx_paragraphs(data)
    assert any(
        s == "Heading 3" and t.endswith("Partial (reviewer; tool found: present)") for s, t in paragraphs
    )
    assert any(t.startswith("Reviewer's decision: The reviewer marked it partial") for _, t in paragraphs)


def test_warnings_stand_at_the_top_of_each_file_in_both_formats(report):
    report.warnings = ["this document does not look like a labour migration agreement (3 terms)"]
    text = api.gap_report_markdown([report])
    assert text.index("> **Warning:** this document does not look") < text.index("### Summary")
    paragraphs = docx_paragraphs(api.gap_report_docx([report]))
    warning = next(i for i, (_, t) in enumerate(paragraphs) if t.startswith("Warning: this document"))
    assert warning < paragraphs.index(("Heading 2", "Summary"))


def test_text_from_the_document_cannot_break_the_markdown(report):
    report.facts.title = "Agreement | with a pipe"
    finding = first(report, "partial")
    finding.evidence[0].text = "Workers <script>alert(1)</script> shall\nbe paid."
    text = api.gap_report_markdown([report])
    assert "| Title | Agreement \\| with a pipe |" in text
    assert "<script>" not in text
    assert "> Workers &lt;script>alert(1)&lt;/script> shall be paid." in text


def test_control_characters_from_a_text_or_pdf_upload_cannot_break_the_docx(report):
    report.facts.title = "Agreement\x00 on Labour"
    report.facts.parties = ["Ostland\x07", "Sundara"]
    first(report, "partial").evidence[0].text = "Workers\x0b shall\x1b be paid."
    document = Document(BytesIO(api.gap_report_docx([report])))
    texts = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells
    ]
    assert "Workers shall be paid." in " ".join(texts)
    assert "Agreement on Labour" in texts and "Ostland; Sundara" in texts


def test_a_clause_that_cannot_be_filled_in_is_shown_as_written_with_the_reason(report, monkeypatch):
    from blma.errors import TemplateError
    from blma.reports import view

    def broken(clause, facts, language=None):
        raise TemplateError(f"clause {clause.id}: no value given for a variable")

    monkeypatch.setattr(view, "fitted_clause", broken)
    missing = first(report, "missing")
    clause = default_library().clause(missing.suggestions[0])
    text = api.gap_report_markdown([report])
    assert (
        f"_The clause could not be filled in; its template is shown as written (clause {clause.id}: " in text
    )
    assert " ".join(clause.text.split()[:8]) in " ".join(text.split())
    paragraphs = docx_paragraphs(api.gap_report_docx([report]))
    assert any(t.startswith("The clause could not be filled in") for _, t in paragraphs)


def test_an_agreement_with_no_gap_says_so(report):
    for finding in report.protections:
        finding.status, finding.suggestions, finding.suggestion_details = "present", [], []
    text = api.gap_report_markdown([report])
    assert "Every protection of the rubric is present." in text
    assert "Core score: 100% (20 of 20 core protections present)." in text


def test_docx_summary_cells_are_shaded_and_worded_by_final_status(report):
    partial = first(report, "partial")  # overridden; the other statuses keep their colours
    reviewed = api.with_reviewer_decisions(report, {partial.id: ("missing", "the clause was struck out")})
    document = Document(BytesIO(api.gap_report_docx([reviewed], analysed_on=DAY)))
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    by_title = {row.cells[1].text: row.cells[4] for row in summary.rows[1:]}
    cell = by_title[partial.title]
    assert cell.text == "Missing (reviewer; tool found: partial)"
    assert cell_fill(cell) == STATUS_FILL["missing"]
    assert {cell_fill(c) for c in by_title.values()} == set(STATUS_FILL.values())
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert facts["Date of analysis"] == "2025-03-14" and facts["Parties"] == "Ostland; Sundara"


def test_docx_shows_evidence_quotes_and_rendered_clause_text(report):
    missing = first(report, "missing")
    partial = first(report, "partial")
    paragraphs = docx_paragraphs(api.gap_report_docx([report]))
    quotes = [t for s, t in paragraphs if s == "Quote"]
    assert f"“{partial.evidence[0].text}” — {partial.evidence[0].location}" in " ".join(quotes)
    clause = default_library().clause(missing.suggestions[0])
    bullets = [t for s, t in paragraphs if s == "List Bullet"]
    assert any(t.startswith(f"{clause.title} ({clause.strength} wording)") for t in bullets)
    assert not any(clause.id in t for _, t in paragraphs)
    assert not any("{{" in t for _, t in paragraphs)


def test_write_atomic_never_leaves_half_a_file(tmp_path, monkeypatch):
    target = tmp_path / "gaps.docx"
    target.write_bytes(b"the old report")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"the new report")
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["gaps.docx"]


def test_write_atomic_names_a_missing_folder(tmp_path):
    with pytest.raises(OutputError, match="does not exist; nothing written"):
        write_atomic(tmp_path / "nowhere" / "gaps.md", b"x")


@pytest.mark.needs_libreoffice
def test_the_docx_report_opens_in_a_word_processor_with_its_summary_on_the_first_page(
    soffice, tmp_path, report
):
    path = tmp_path / "gaps.docx"
    write_atomic(path, api.gap_report_docx([report], analysed_on=DAY))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "gaps.pdf").pages]
    assert "Gap analysis report" in pages[0] and "Core score:" in pages[0]
    assert "No. Protection Group Priority Status" in pages[1]  # the header row repeats on the next page
    assert "Gaps and suggested clauses" in " ".join(pages)
