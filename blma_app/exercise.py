"""Scoring a trainee's marks on a sample agreement against its answer key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from blma import api

#: What a trainee marks; everything else counts as "addressed" (present or partial).
MARKS = ("missing", "contrary")
ADDRESSED = "addressed"


@dataclass(frozen=True)
class ExerciseRow:
    protection_id: str
    yours: str  # missing, contrary or addressed
    expected: str  # the same scale, from the answer key
    key: api.AnswerKeyEntry

    @property
    def correct(self) -> bool:
        return self.yours == self.expected


@dataclass(frozen=True)
class ExerciseResult:
    rows: list[ExerciseRow]

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def found(self) -> int:
        """Gaps (missing or contrary in the key) the trainee marked exactly."""
        return sum(r.correct for r in self.rows if r.expected != ADDRESSED)

    @property
    def gaps(self) -> int:
        return sum(r.expected != ADDRESSED for r in self.rows)

    @property
    def false_alarms(self) -> int:
        return sum(r.yours != ADDRESSED and r.expected == ADDRESSED for r in self.rows)


def expected(entry: api.AnswerKeyEntry) -> str:
    return entry.status if entry.status in MARKS else ADDRESSED


def score_exercise(marks: Mapping[str, str], key: Mapping[str, api.AnswerKeyEntry]) -> ExerciseResult:
    """Compare marks (protection id -> "missing" or "contrary") with the key, in key order."""
    unknown = sorted(set(marks) - set(key))
    if unknown:
        raise api.UnknownIdError("unknown protection id(s) in the marks: " + ", ".join(unknown))
    return ExerciseResult(
        [ExerciseRow(pid, marks.get(pid, ADDRESSED), expected(entry), entry) for pid, entry in key.items()]
    )
