"""Download bytes, built from API objects.

The Draft and Compare pages build theirs once per input and keep them in session state
(``state.prepared``). The Review page's are built only when the user clicks: each
:class:`Download` then holds a function, which Streamlit calls on the click (a deferred
download), in the server's analysis queue like any other heavy work.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from blma import api
from blma_app.analysis_queue import AnalysisQueue

LOG = logging.getLogger("blma.app")

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class Download:
    """One file offered for download."""

    label: str
    data: bytes | Callable[[], bytes]  # a function: built when the user asks for it
    file_name: str
    mime: str
    help: str

    def content(self) -> bytes:
        """The bytes, building them now if they are deferred."""
        return self.data() if callable(self.data) else self.data


def draft_downloads(spec: api.DraftSpec, stem: str) -> list[Download]:
    """The draft as Word, PDF (where LibreOffice is installed, made on the click) and Markdown,
    and the specification as YAML to load back later."""
    document = api.draft(spec)
    docx = document.to_docx()
    pdf = [] if api.pdf_unavailable() else [
        Download(
            "Download the draft (PDF)",
            lambda: api.docx_to_pdf(docx, f"{stem}.docx"),
            f"{stem}.pdf",
            PDF_MIME,
            "The same pages as the Word file, laid out by LibreOffice, to print or circulate.",
        )
    ]
    return [
        Download(
            "Download the draft (Word)",
            docx,
            f"{stem}.docx",
            DOCX_MIME,
            "The numbered model text with its annexes, ready to edit in Word.",
        ),
        *pdf,
        Download(
            "Download the draft (Markdown)",
            document.to_markdown().encode("utf-8"),
            f"{stem}.md",
            "text/markdown",
            "The same text as plain Markdown, for version control or other editors.",
        ),
        Download(
            "Save the specification (YAML)",
            spec.to_text().encode("utf-8"),
            f"{stem}.spec.yaml",
            "application/x-yaml",
            "Your choices as a file; load it on this page later, or pass it to `blma draft`.",
        ),
    ]


#: The kit's files as the pages offer them: label, MIME type and what each is for.
KIT_FILES = {
    "joint_committee_kit.docx": (
        "Joint-committee kit (Word)",
        DOCX_MIME,
        "Terms of reference for the joint committee, with the implementation tracker annexed.",
    ),
    "implementation_tracker.xlsx": (
        "Implementation tracker (Excel)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Each commitment, article by article: the Party and body responsible, timing, an indicator, "
        "and a status column to fill in at each meeting.",
    ),
    "implementation_tracker.csv": (
        "Implementation tracker (CSV)",
        "text/csv",
        "The same tracker as plain comma-separated text.",
    ),
}


def kit_downloads(build: Callable[[], api.Kit], stem: str, queue: AnalysisQueue | None = None) -> list[Download]:
    """The joint-committee kit as Word, Excel and CSV, built on the first click (the kit reads
    the whole instrument) and kept for the other two."""
    files: dict[str, bytes] = {}

    def file(name: str) -> Callable[[], bytes]:
        def run() -> bytes:
            if not files:
                if queue is None:
                    files.update(api.kit_files(build()))
                else:
                    with queue.turn():
                        files.update(api.kit_files(build()))
            return files[name]

        return run

    return [
        Download(label, file(name), f"{stem}.{name}", mime, help)
        for name, (label, mime, help) in KIT_FILES.items()
    ]


def handout_downloads(handouts: dict[str, bytes], stem: str, *, with_pdf: bool) -> list[Download]:
    """The printed exercise and answer key (``api.exercise_handouts``) as Word, and as PDF made
    on the click when LibreOffice is installed."""
    found = []
    for kind, data in handouts.items():
        file_stem = f"{stem}.{kind.replace(' ', '-')}"
        found.append(
            Download(f"The {kind} (Word)", data, f"{file_stem}.docx", DOCX_MIME, f"The {kind} to print or edit.")
        )
        if with_pdf:
            found.append(
                Download(
                    f"The {kind} (PDF)",
                    lambda data=data, name=f"{file_stem}.docx": api.docx_to_pdf(data, name),
                    f"{file_stem}.pdf",
                    PDF_MIME,
                    f"The {kind}, laid out by LibreOffice, to print.",
                )
            )
    return found


def report_json(report: api.GapReport) -> bytes:
    """The gap report in the JSON contract of ``blma analyze`` (tool and reviewer statuses)."""
    data = api.gap_report_json([report])
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def review_downloads(
    report: api.GapReport,
    stem: str,
    source: bytes | None = None,
    review_file: api.ReviewFile | None = None,
    queue: AnalysisQueue | None = None,
) -> list[Download]:
    """The gap report as Word, Markdown and JSON, the annotated agreement (for a DOCX ``source``)
    and the review file: nothing is built until asked for.

    ``report`` carries the reviewer's decisions, so every file shows them beside the tool's.
    """

    def later(build: Callable[[], bytes], what: str) -> Callable[[], bytes]:
        def run() -> bytes:
            try:
                if queue is None:
                    return build()
                with queue.turn():
                    return build()
            except Exception:  # the browser says the file could not be made; the log says why
                LOG.exception("building the %s of %s failed", what, report.file)
                raise

        return run

    found = [
        Download(
            "Gap report (Word)",
            later(lambda: api.gap_report_docx([report]), "Word gap report"),
            f"{stem}.gap-report.docx",
            DOCX_MIME,
            "The findings, evidence and suggested clauses, with your decisions beside the tool's.",
        ),
        Download(
            "Gap report (Markdown)",
            later(lambda: api.gap_report_markdown([report]).encode("utf-8"), "Markdown gap report"),
            f"{stem}.gap-report.md",
            "text/markdown",
            "The same report as plain text.",
        ),
        Download(
            "Gap report (JSON)",
            later(lambda: report_json(report), "JSON gap report"),
            f"{stem}.gap-report.json",
            "application/json",
            "Every finding with its evidence, for other tools; keeps the tool's and your statuses.",
        ),
    ]
    if source is not None:
        found.append(annotated_agreement(report, stem, source, later))
    if review_file is not None:
        found.append(
            Download(
                "Review file (YAML)",
                later(lambda: api.review_file_text(review_file).encode("utf-8"), "review file"),
                f"{stem}.review.yaml",
                "application/x-yaml",
                "Your decisions with their reasons, your name and the time, and the agreement's fingerprint: "
                "reopen it here later, or give it to a colleague with the same agreement.",
            )
        )
    return found


def annotated_agreement(
    report: api.GapReport, stem: str, source: bytes, later: Callable = lambda build, what: build
) -> Download:
    """The reviewer's own DOCX with a comment on each finding and tracked-change fixes.

    Written from ``report``: each comment on a decided protection gives the reviewer's status
    and reason, and only protections still missing or contrary after the decisions get a clause.
    """
    return Download(
        "Annotated agreement (Word)",
        later(lambda: api.annotate_reviewed(source, report, name=report.file).data, "annotated agreement"),
        f"{stem}.reviewed.docx",
        DOCX_MIME,
        "Your agreement with a comment on each finding (giving your decisions and reasons) and suggested "
        "clauses for the gaps, as tracked changes to accept or reject in Word.",
    )
