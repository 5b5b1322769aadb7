"""How strongly a draft secures its protections, not only how many.

Each secured protection weighs by the strength of the clause that carries it (the library's
``baseline`` < ``recommended`` < ``strongest``), so a draft of baseline clauses does not read
as strong as one of the strongest wordings; an omitted protection weighs nothing.
"""

from __future__ import annotations

from pydantic import BaseModel

from blma.drafting.coverage import Coverage
from blma.library.models import STRENGTH_RANK

#: A clause's weight in the meter: its rank over the top rank (strongest = 1).
STRENGTH_WEIGHT: dict[str, float] = {s: rank / max(STRENGTH_RANK.values()) for s, rank in STRENGTH_RANK.items()}


class StrengthMeter(BaseModel):
    """The meter for one priority (or all protections when ``priority`` is None)."""

    priority: str | None
    protections: int
    secured: int
    #: secured protections by the strength of their clause, strongest first
    by_strength: dict[str, int]
    #: 0 to 1: the sum of the weights over the number of protections
    score: float

    def line(self) -> str:
        """E.g. "3 strongest, 12 recommended, 4 baseline, 1 left out"."""
        parts = [f"{n} {s}" for s, n in self.by_strength.items() if n]
        if self.protections - self.secured:
            parts.append(f"{self.protections - self.secured} left out")
        return ", ".join(parts)


def strength_meter(coverage: Coverage, priority: str | None = None) -> StrengthMeter:
    entries = [e for e in coverage.entries if priority is None or e.priority == priority]
    secured = [e for e in entries if e.status == "secured" and e.strength]
    order = sorted(STRENGTH_RANK, key=STRENGTH_RANK.__getitem__, reverse=True)
    return StrengthMeter(
        priority=priority,
        protections=len(entries),
        secured=len(secured),
        by_strength={s: sum(e.strength == s for e in secured) for s in order},
        score=sum(STRENGTH_WEIGHT[e.strength] for e in secured) / len(entries) if entries else 1.0,
    )
