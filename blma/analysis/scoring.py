"""Scoring the analyzer against labelled agreements.

Four figures over every (agreement, protection) pair:
- status macro-F1: the mean of the F1 scores of present, partial, missing and contrary;
- exact: the share of pairs with exactly the right status;
- detection: per protection, the mean of the F1 for "addressed" (present or partial) and the
  F1 for "missing", averaged over protections;
- contrary F1: the F1 of the contrary status.
An F1 whose class appears neither in the labels nor in the predictions counts as 1.

Beside them, for reading the errors: precision and recall of "present" (how far a "present"
can be trusted, and how many labelled ones are found), precision of "contrary", recall of
labelled contrary provisions, the 4x4 confusion matrix, and exact and detection per protection.
A precision with no prediction of the class, or a recall with no label of it, is ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from blma.analysis.models import STATUSES

Pair = tuple[str, str, str, str]  # (agreement, protection, true status, predicted status)


@dataclass
class Labels:
    path: Path  # the agreement file
    statuses: dict[str, str]
    traps: dict[str, str] = field(default_factory=dict)
    locations: dict[str, str | None] = field(default_factory=dict)


def load_labels(folder: Path) -> list[Labels]:
    """Every ``*.labels.yaml`` in ``folder`` with the agreement file it describes."""
    found = []
    for path in sorted(Path(folder).glob("*.labels.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        protections = data["protections"]
        found.append(
            Labels(
                path=path.parent / data["file"],
                statuses={pid: v["status"] for pid, v in protections.items()},
                traps={pid: v["trap"] for pid, v in protections.items() if v.get("trap")},
                locations={pid: v.get("location") for pid, v in protections.items()},
            )
        )
    return found


def _counts(pairs: Iterable[tuple[str, str]], positive: set[str]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of ``positive``."""
    tp = fp = fn = 0
    for truth, pred in pairs:
        t, p = truth in positive, pred in positive
        tp += t and p
        fp += p and not t
        fn += t and not p
    return tp, fp, fn


def precision(pairs: Iterable[tuple[str, str]], positive: set[str]) -> float | None:
    """Share of pairs predicted in ``positive`` that are labelled so; ``None`` if none is predicted."""
    tp, fp, _ = _counts(pairs, positive)
    return tp / (tp + fp) if tp + fp else None


def recall(pairs: Iterable[tuple[str, str]], positive: set[str]) -> float | None:
    """Share of pairs labelled in ``positive`` that are predicted so; ``None`` if none is labelled."""
    tp, _, fn = _counts(pairs, positive)
    return tp / (tp + fn) if tp + fn else None


def confusion(pairs: Iterable[Pair]) -> dict[str, dict[str, int]]:
    """Counts by labelled status (outer key) and predicted status (inner key), in STATUSES order."""
    matrix = {truth: dict.fromkeys(STATUSES, 0) for truth in STATUSES}
    for _, _, truth, pred in pairs:
        matrix[truth][pred] += 1
    return matrix


@dataclass
class ProtectionScores:
    exact: float
    detection: float
    pairs: int


def per_protection(pairs: list[Pair]) -> dict[str, ProtectionScores]:
    """Exact and detection (as in :func:`score`) for each protection, in order of appearance."""
    found: dict[str, ProtectionScores] = {}
    for pid in dict.fromkeys(pid for _, pid, _, _ in pairs):
        mine = [(t, p) for _, q, t, p in pairs if q == pid]
        found[pid] = ProtectionScores(
            exact=sum(t == p for t, p in mine) / len(mine),
            detection=(f1(mine, {"present", "partial"}) + f1(mine, {"missing"})) / 2,
            pairs=len(mine),
        )
    return found


def f1(pairs: Iterable[tuple[str, str]], positive: set[str]) -> float:
    tp, fp, fn = _counts(pairs, positive)
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


@dataclass
class Scores:
    macro_f1: float
    exact: float
    detection: float
    contrary_f1: float
    per_status: dict[str, float]
    pairs: int
    present_precision: float | None = None
    present_recall: float | None = None
    contrary_precision: float | None = None
    contrary_recall: float | None = None
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"status macro-F1 {self.macro_f1:.3f} | exact {self.exact:.3f} | "
            f"detection {self.detection:.3f} | contrary F1 {self.contrary_f1:.3f} | pairs {self.pairs}"
        )


def score(pairs: list[Pair]) -> Scores:
    tp = [(t, p) for _, _, t, p in pairs]
    per_status = {s: f1(tp, {s}) for s in STATUSES}
    protections = sorted({pid for _, pid, _, _ in pairs})
    detection = []
    for pid in protections:
        mine = [(t, p) for _, q, t, p in pairs if q == pid]
        detection.append((f1(mine, {"present", "partial"}) + f1(mine, {"missing"})) / 2)
    return Scores(
        macro_f1=sum(per_status.values()) / len(STATUSES),
        exact=sum(t == p for t, p in tp) / len(tp) if tp else 0.0,
        detection=sum(detection) / len(detection) if detection else 0.0,
        contrary_f1=per_status["contrary"],
        per_status=per_status,
        pairs=len(pairs),
        present_precision=precision(tp, {"present"}),
        present_recall=recall(tp, {"present"}),
        contrary_precision=precision(tp, {"contrary"}),
        contrary_recall=recall(tp, {"contrary"}),
        confusion=confusion(pairs),
    )
