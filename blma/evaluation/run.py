"""Running systems over labelled sets: the (agreement, protection, label, prediction) pairs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from blma.analysis.models import STATUSES
from blma.analysis.scoring import Pair, ProtectionScores, Scores, per_protection, score
from blma.errors import BlmaError, DataError
from blma.evaluation.sets import LabelledSet, Role
from blma.evaluation.systems import Predict

Progress = Callable[[str], None]


@dataclass
class SetResult:
    """One set and, per system, its pairs (empty when the set is not available)."""

    set: LabelledSet
    pairs: dict[str, list[Pair]] = field(default_factory=dict)

    def scores(self, system: str) -> Scores:
        return score(self.pairs[system])


@dataclass
class Evaluation:
    systems: list[str]
    results: list[SetResult]

    def available(self, role: Role | None = None) -> list[SetResult]:
        return [r for r in self.results if r.set.unavailable is None and role in (None, r.set.spec.role)]

    def pooled(self, role: Role, system: str) -> list[Pair]:
        return [pair for r in self.available(role) for pair in r.pairs[system]]

    def pooled_scores(self, role: Role, system: str) -> Scores | None:
        pairs = self.pooled(role, system)
        return score(pairs) if pairs else None

    def per_protection(self, role: Role, system: str) -> dict[str, ProtectionScores]:
        return per_protection(self.pooled(role, system))


def _predict(predict: Predict, system: str, labelled: LabelledSet, progress: Progress) -> list[Pair]:
    pairs: list[Pair] = []
    total = len(labelled.labels)
    for i, labels in enumerate(labelled.labels, 1):
        progress(f"{labelled.name}: {system} {i}/{total} {labels.path.name}")
        try:
            found = predict(labels.path)
        except BlmaError as exc:
            raise DataError(f"{labelled.name}: {system} cannot score {labels.path}: {exc}") from None
        agreement = f"{labelled.name}/{labels.path.name}"
        for pid, truth in labels.statuses.items():
            if truth not in STATUSES or found.get(pid) not in STATUSES:
                raise DataError(
                    f"{labelled.name}: {labels.path.name}: {pid}: label '{truth}', "
                    f"{system} '{found.get(pid)}' (each must be one of {', '.join(STATUSES)})"
                )
            pairs.append((agreement, pid, truth, found[pid]))
    return pairs


def evaluate(
    sets: list[LabelledSet], systems: dict[str, Callable[[], Predict]], progress: Progress = lambda _: None
) -> Evaluation:
    """Score every available set with every system; each system is built once, and only when
    some set is available."""
    results = [SetResult(s) for s in sets]
    ready = [r for r in results if r.set.unavailable is None]
    for name, factory in systems.items():
        if not ready:
            break
        progress(f"building {name}")
        predict = factory()
        for result in ready:
            result.pairs[name] = _predict(predict, name, result.set, progress)
    return Evaluation(list(systems), results)
