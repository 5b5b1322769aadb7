"""Protections whose status changed between two versions, weakenings first.

The scale runs contrary < missing < partial < present. A change down the scale is a
weakening; its severity is the number of steps it falls. Ranking, for a negotiator who
reads from the top: every change *to* contrary first (a provision now works against
workers, whatever it replaced), then other weakenings by severity (present to missing
before present to partial), core protections before recommended ones, rubric order last;
strengthenings follow, largest gain first.
"""

from __future__ import annotations

from blma.analysis.models import GapReport
from blma.comparison.matrix import cell_locations
from blma.comparison.models import StatusChange

RANK = {"contrary": 0, "missing": 1, "partial": 2, "present": 3}


def status_changes(a: GapReport, b: GapReport) -> list[StatusChange]:
    order = {f.id: k for k, f in enumerate(a.protections)}
    found = []
    for finding in a.protections:
        before, after = finding.final_status, b.finding(finding.id).final_status
        if before == after:
            continue
        step = RANK[before] - RANK[after]
        found.append(
            StatusChange(
                id=finding.id,
                title=finding.title,
                priority=finding.priority,
                **{"from": before},
                to=after,
                direction="weakening" if step > 0 else "strengthening",
                severity=abs(step),
                a_locations=cell_locations(a, finding.id),
                b_locations=cell_locations(b, finding.id),
            )
        )
    return sorted(found, key=lambda c: _rank(c, order[c.id]))


def _rank(change: StatusChange, position: int) -> tuple[int, int, int, int]:
    if change.direction == "weakening":
        return (
            0,
            0 if change.to == "contrary" else 1,
            -change.severity,
            (change.priority != "core") * 100 + position,
        )
    return (1, 0, -change.severity, (change.priority != "core") * 100 + position)
