"""The alternative wordings for one protection, side by side: what each secures and gives up.

Each option is set against the strongest option the draft could take instead: a weaker
strength, the other protections that option also secures and this one does not, and the
negotiator's note, which says what the wording trades and the fallback.
"""

from __future__ import annotations

from pydantic import BaseModel

from blma.drafting.strength import STRENGTH_WEIGHT
from blma.library.models import STRENGTH_RANK, Clause


class Alternative(BaseModel):
    clause_id: str
    title: str
    strength: str
    weight: float
    recommended: bool  # the clause the draft takes by default
    also_secures: list[str]  # ids of the other protections this clause secures
    gives_up: list[str]  # plain sentences: what it gives up against the strongest option
    note: str


def compare_alternatives(
    protection_id: str, options: list[Clause], default: Clause | None, titles: dict[str, str]
) -> list[Alternative]:
    """``options`` (the clauses a draft may choose for the protection) side by side, in order."""
    if not options:
        return []
    best = max(options, key=lambda c: STRENGTH_RANK[c.strength])
    best_others = set(best.protections) - {protection_id}
    found = []
    for clause in options:
        others = [p for p in clause.protections if p != protection_id]
        gives_up = []
        if STRENGTH_RANK[clause.strength] < STRENGTH_RANK[best.strength]:
            gives_up.append(
                f"A {clause.strength} wording where a {best.strength} one is available "
                f"(“{best.title}”): it counts {STRENGTH_WEIGHT[clause.strength]:.0%} of the strongest "
                "in the coverage meter."
            )
        lost = sorted(best_others - set(others), key=lambda p: titles.get(p, p))
        if lost and clause.id != best.id:
            gives_up.append(
                "Does not also secure " + "; ".join(titles.get(p, p) for p in lost) + f", as “{best.title}” does."
            )
        found.append(
            Alternative(
                clause_id=clause.id,
                title=clause.title,
                strength=clause.strength,
                weight=STRENGTH_WEIGHT[clause.strength],
                recommended=default is not None and clause.id == default.id,
                also_secures=others,
                gives_up=gives_up,
                note=clause.note,
            )
        )
    return found
