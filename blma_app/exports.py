"""Download bytes, built from API objects; pages keep them in session state (``state.prepared``)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from blma import api

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Download:
    """One file offered for download."""

    label: str
    data: bytes
    file_name: str
    mime: str
    help: str


def draft_downloads(spec: api.DraftSpec, stem: str) -> list[Download]:
    """The draft as Word and Markdown, and the specification as YAML to load back later."""
    document = api.draft(spec)
    return [
        Download(
            "Download the draft (Word)",
            document.to_docx(),
            f"{stem}.docx",
            DOCX_MIME,
            "The numbered model text with its annexes, ready to edit in Word.",
        ),
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


def report_json(report: api.GapReport) -> bytes:
    """The gap report in the JSON contract of ``blma analyze`` (tool and reviewer statuses)."""
    data = api.gap_report_json([report])
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def review_downloads(report: api.GapReport, stem: str, source: bytes | None = None) -> list[Download]:
    """The gap report as Word, Markdown and JSON; the annotated agreement when the API offers it."""
    found = [
        Download(
            "Gap report (Word)",
            api.gap_report_docx([report]),
            f"{stem}.gap-report.docx",
            DOCX_MIME,
            "The findings, evidence and suggested clauses, with your decisions beside the tool's.",
        ),
        Download(
            "Gap report (Markdown)",
            api.gap_report_markdown([report]).encode("utf-8"),
            f"{stem}.gap-report.md",
            "text/markdown",
            "The same report as plain text.",
        ),
        Download(
            "Gap report (JSON)",
            report_json(report),
            f"{stem}.gap-report.json",
            "application/json",
            "Every finding with its evidence, for other tools; keeps the tool's and your statuses.",
        ),
    ]
    if source is not None:
        found.append(annotated_agreement(report, stem, source))
    return found


def annotated_agreement(report: api.GapReport, stem: str, source: bytes) -> Download:
    """The reviewer's own DOCX with a comment on each finding and tracked-change fixes.

    Fixes are limited to the protections still missing or contrary after the reviewer's
    decisions, so overriding a finding to "present" keeps its fix out of the document.
    """
    fixes = [f.id for f in report.protections if f.final_status in ("missing", "contrary")]
    redline = api.annotate(source, fixes or None, name=report.file)
    return Download(
        "Annotated agreement (Word)",
        redline.data,
        f"{stem}.reviewed.docx",
        DOCX_MIME,
        f"Your agreement with {redline.summary()}, as Word comments and tracked changes to accept or reject.",
    )
