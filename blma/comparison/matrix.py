"""The protection matrix: the rubric's 34 protections against several agreements.

Rows follow the rubric (worker protections, then governance); each cell holds the
protection's status in that agreement and the locations of the evidence the analyzer cited.

Score: the share of the rubric's *core* protections whose status is ``present`` in the
agreement, from 0 to 1 (the analyzer's ``GapReport.core_score``). Partial, missing and
contrary all count as not present, so the score answers one question a negotiator asks
first: how many of the essentials does this text secure in binding wording? ``counts``
gives the full distribution (present, partial, missing, contrary) over all 34.
"""

from __future__ import annotations

from blma.analysis.models import GapReport
from blma.comparison.models import AgreementSummary, Matrix, MatrixCell, MatrixRow
from blma.comparison.short_titles import agreement_year, short_title, unique
from blma.reading.models import AgreementText


def cell_locations(report: GapReport, protection_id: str) -> list[str]:
    """Distinct evidence locations of one finding, in the analyzer's order."""
    seen: dict[str, None] = {}
    for evidence in report.finding(protection_id).evidence:
        seen.setdefault(evidence.location, None)
    return list(seen)


def build_matrix(
    files: list[str], reports: list[GapReport], docs: list[AgreementText] | None = None
) -> Matrix:
    """One column per report, in the order given; rows in the first report's rubric order.

    ``docs`` (the texts read) give each column's year for its short title.
    """
    years = [agreement_year(doc) for doc in docs] if docs else [""] * len(files)
    shorts = unique(
        [short_title(r.facts.parties, y, f) for f, r, y in zip(files, reports, years, strict=True)], files
    )
    agreements = [
        AgreementSummary(
            file=file,
            title=report.facts.title,
            short_title=short,
            parties=list(report.facts.parties),
            year=year,
            instrument=report.facts.instrument,
            title_kind=report.facts.title_kind,
            score=report.core_score,
            counts=dict(report.counts),
        )
        for file, report, year, short in zip(files, reports, years, shorts, strict=True)
    ]
    rows = []
    for finding in reports[0].protections:
        rows.append(
            MatrixRow(
                id=finding.id,
                title=finding.title,
                group=finding.group,
                priority=finding.priority,
                cells=[
                    MatrixCell(
                        status=report.finding(finding.id).final_status,
                        locations=cell_locations(report, finding.id),
                    )
                    for report in reports
                ],
            )
        )
    return Matrix(agreements=agreements, rows=rows)
