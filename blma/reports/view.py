"""What a gap report shows, computed once from a :class:`GapReport` for every format.

The Markdown template and the DOCX writer only lay this out, so the two formats cannot
disagree on a status, a count or a suggested clause text.

Two languages meet in a report. Its headings, statuses, reasons and prose are in English,
the reviewer's working language (``gap_report_words.j2``), whatever the agreement's. What a
negotiator pastes into the agreement, the suggested clause's text, and the clause's own
title with it, are in the agreement's language (``facts.language``), from the library's
French or Spanish text (:func:`blma.library.fitting.suggestion_library`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from blma.analysis.models import STATUSES, AgreementFacts, Evidence, Finding, GapReport
from blma.analysis.suggest import suggest
from blma.errors import TemplateError
from blma.library import Library, default_library
from blma.library.fitting import clause_context as fitted_context
from blma.library.fitting import fitted_clause, remedy, suggestion_library
from blma.reports.words import say, table

GROUP_ORDER = ("worker_protection", "governance")
#: Characters XML 1.0 forbids; text read from TXT or PDF can carry them, and python-docx refuses them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _instrument(facts: AgreementFacts) -> str:
    """"Agreement", or "Convention (read as an agreement)" when the title calls it something else."""
    if facts.title_kind:
        return say("instrument_read_as", facts.title_kind, facts.instrument)
    return table("instrument_names").get(facts.instrument, facts.instrument)


def clean(text: str) -> str:
    """Text from an uploaded document, safe to write into DOCX (control characters dropped)."""
    return _NOT_XML.sub("", text)


@dataclass
class SuggestedClause:
    clause_id: str
    title: str
    strength: str
    reason: str
    text: str  # rendered with placeholder values; the raw template if it could not be rendered
    render_error: str = ""


@dataclass
class ProtectionRow:
    """One protection of one agreement: the tool's finding and, if any, the reviewer's decision."""

    number: int
    id: str
    title: str
    group: str
    group_title: str
    priority: str
    status: str  # the tool's
    reviewer_status: str | None
    reviewer_reason: str
    final_status: str
    status_text: str  # the status word(s) to print: never rely on colour alone
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    suggestions: list[SuggestedClause] = field(default_factory=list)

    @property
    def overridden(self) -> bool:
        return self.reviewer_status is not None and self.reviewer_status != self.status

    @property
    def is_gap(self) -> bool:
        """Shown in detail: not present, or a reviewer decision that needs recording."""
        return self.final_status != "present" or self.status != "present"


@dataclass
class FileView:
    """Everything the report says about one agreement."""

    file: str
    title: str
    instrument: str
    parties: str
    sectors: str
    analysed_on: str
    tracked_changes: str
    warnings: list[str]
    rows: list[ProtectionRow]
    counts: dict[str, int]
    core_line: str
    counts_line: str

    @property
    def gaps(self) -> list[ProtectionRow]:
        return [r for r in self.rows if r.is_gap]

    @property
    def heading(self) -> str:
        """The file's name: unique in a batch, and what the reviewer uploaded."""
        return PurePath(self.file).name or self.file


def build_view(
    report: GapReport, analysed_on: date | None = None, library: Library | None = None
) -> FileView:
    library = library or default_library()
    unknown = say("unknown")
    groups = table("group_titles")
    quoted = suggestion_library(library, report.facts)  # the clauses in the agreement's language
    rows = [
        _row(finding, groups, library, report.facts, quoted)
        for finding in sorted(report.protections, key=lambda f: _group_rank(f.group))
    ]
    for number, row in enumerate(rows, start=1):
        row.number = number
    counts = {s: sum(r.final_status == s for r in rows) for s in STATUSES}
    facts = report.facts
    return FileView(
        file=clean(report.file),
        title=clean(facts.title),
        instrument=_instrument(facts),
        parties=clean("; ".join(facts.parties)) or unknown,
        sectors=", ".join(_sector_label(s) for s in facts.sectors) or unknown,
        analysed_on=(analysed_on or date.today()).isoformat(),
        tracked_changes=say("tracked_note", facts.tracked_changes),
        warnings=[clean(w) for w in report.warnings],
        rows=rows,
        counts=counts,
        core_line=_core_line(rows),
        counts_line=say("counts", counts),
    )


def clause_context(report: GapReport) -> dict[str, str]:
    """Values for suggested clauses: the agreement's parties in their roles as the analysis
    decided them (whichever is named first), its authorities, style and sector; the same
    values the redline uses (:mod:`blma.library.fitting`), in the agreement's language."""
    return fitted_context(report.facts, suggestion_library(default_library(), report.facts).language)


def _row(
    finding: Finding, groups: Mapping, library: Library, facts: AgreementFacts, quoted: Library
) -> ProtectionRow:
    """One protection's row; ``quoted`` is the library its suggested clauses are quoted from."""
    return ProtectionRow(
        number=0,
        id=finding.id,
        title=finding.title,
        group=finding.group,
        group_title=str(groups.get(finding.group, finding.group)),
        priority=finding.priority,
        status=finding.status,
        reviewer_status=finding.reviewer_status,
        reviewer_reason=clean(finding.reviewer_reason),
        final_status=finding.final_status,
        status_text=say("status_text", finding.status, finding.reviewer_status, finding.check),
        reason=clean(finding.reason).rstrip("."),
        evidence=[
            e.model_copy(
                update={
                    "text": clean(e.text),
                    "location": clean(e.location),
                    "note": clean(e.note),
                    "lead_in": clean(e.lead_in),
                }
            )
            for e in finding.evidence
        ],
        suggestions=[_suggested(s, facts, quoted) for s in _suggestions(finding, library, facts)],
    )


def _suggestions(
    finding: Finding, library: Library, facts: AgreementFacts
) -> list[tuple[str, str, str, str]]:
    if finding.final_status == "present":
        return []
    if finding.final_status != finding.status or not (finding.suggestion_details or finding.suggestions):
        # a reviewer turned a "present" into a gap: the tool suggested nothing, so ask now
        found = [
            (s.clause_id, s.title, s.strength, s.reason)
            for s in suggest(library, finding.id, finding.final_status, facts)
        ]
    elif finding.suggestion_details:
        found = [(s.clause_id, s.title, s.strength, s.reason) for s in finding.suggestion_details]
    else:
        found = [(cid, "", "", "") for cid in finding.suggestions]
    fix = remedy(library, finding, facts.instrument)
    if fix is not None and finding.final_status == "contrary" and (not found or found[0][0] != fix.id):
        # the clause that forbids what the provision does comes first (``clauses/remedies.yaml``)
        reason = "replaces the provision that works against workers with one that forbids it"
        found = [(fix.id, fix.title, fix.strength, reason), *[f for f in found if f[0] != fix.id]]
    return found


def _suggested(s: tuple[str, str, str, str], facts: AgreementFacts, library: Library) -> SuggestedClause:
    """One suggestion, quoted from ``library``, the library in the agreement's language: its
    text, and its title in that language (the analysis recorded the English title)."""
    clause_id, title, strength, reason = s
    clause = library.clause(clause_id)
    try:
        text, error = fitted_clause(clause, facts, library.language), ""
    except TemplateError as exc:  # a library defect must not cost the reviewer the whole report
        text, error = clause.text, str(exc)
    shown = (title or clause.title) if library.language == "en" else clause.title
    return SuggestedClause(clause_id, shown, strength or clause.strength, reason, text.strip(), error)


def _core_line(rows: list[ProtectionRow]) -> str:
    core = [r for r in rows if r.priority == "core"]
    if not core:
        return ""
    present = sum(r.final_status == "present" for r in core)
    tool = sum(r.status == "present" for r in core)
    percent = round(100 * present / len(core))
    tool_percent = round(100 * tool / len(core)) if any(r.overridden for r in rows) else None
    return say("core_score", percent, present, len(core), tool_percent)


def _group_rank(group: str) -> int:
    return GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER)


def _sector_label(sector: str) -> str:
    if sector == "general":  # the analyzer's word for "no sector cue found", not "all sectors"
        return say("general_sector")
    return str(table("sector_labels", "wording.j2").get(sector, sector.replace("_", " ")))
