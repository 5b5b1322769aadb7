"""What a draft secures: per protection, the clause and article that carry it, or the omission.

A clause may secure several protections, so a protection the spec omits can still be
secured by a clause chosen for another one; the summary reports what the text achieves,
not only what was ticked.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from blma.library.models import STRENGTH_RANK


class CoverageEntry(BaseModel):
    protection_id: str
    title: str
    priority: Literal["core", "recommended"]
    status: Literal["secured", "omitted"]
    clause_id: str | None = None
    strength: Literal["baseline", "recommended", "strongest"] | None = None
    article: int | None = None
    reason: str | None = None


class Coverage(BaseModel):
    """One entry per protection of the rubric, in rubric order."""

    entries: list[CoverageEntry]

    @property
    def secured(self) -> list[CoverageEntry]:
        return [e for e in self.entries if e.status == "secured"]

    @property
    def omitted(self) -> list[CoverageEntry]:
        return [e for e in self.entries if e.status == "omitted"]

    @property
    def omitted_core(self) -> list[CoverageEntry]:
        return [e for e in self.omitted if e.priority == "core"]

    def entry(self, protection_id: str) -> CoverageEntry:
        return next(e for e in self.entries if e.protection_id == protection_id)

    def summary(self) -> str:
        """One line for a status bar or the CLI."""
        line = f"secures {len(self.secured)} of {len(self.entries)} protections"
        if self.omitted_core:
            line += "; core protections omitted: " + ", ".join(e.protection_id for e in self.omitted_core)
        return line


def build_coverage(
    protections: list[tuple[str, str, str]],
    placed: list[tuple[int, str, str, list[str]]],
    reasons: dict[str, str],
) -> Coverage:
    """Coverage from the rubric and the placed clauses.

    ``protections`` is (id, title, priority) in rubric order; ``placed`` is
    (article number, clause id, strength, protection ids the clause secures); ``reasons``
    holds the recorded reason of each omission.
    """
    entries = []
    for pid, title, priority in protections:
        carriers = [p for p in placed if pid in p[3]]
        if carriers:
            article, clause_id, strength, _ = max(carriers, key=lambda p: (STRENGTH_RANK[p[2]], -p[0]))
            entries.append(
                CoverageEntry(
                    protection_id=pid,
                    title=title,
                    priority=priority,
                    status="secured",
                    clause_id=clause_id,
                    strength=strength,
                    article=article,
                )
            )
        else:
            entries.append(
                CoverageEntry(
                    protection_id=pid,
                    title=title,
                    priority=priority,
                    status="omitted",
                    reason=reasons.get(pid),
                )
            )
    return Coverage(entries=entries)
