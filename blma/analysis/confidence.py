"""How sure a finding is, and whether a reviewer should check it.

A finding falls in a bucket by its status and the evidence behind it (how many firm sentences,
whether required elements were missing, whether protective and harmful provisions stand side
by side, whether a generic cue fired). Each bucket's confidence is the share of such findings
that were right on the labelled development sets, written to ``confidence.yaml`` by
``scripts/calibrate_confidence.py`` (Laplace-smoothed), so "0.66" means "right about two times
in three on texts we know". A finding below ``CHECK_BELOW`` is marked ``check``. Where the
trained arbiter reads the best evidence sentence differently, the confidence drops.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from blma.analysis.models import Finding
from blma.resources import package_path
from blma.yamlio import load_yaml

CHECK_BELOW = 0.75
TABLE = package_path("analysis/confidence.yaml")
ARBITER_DISAGREES = 0.15


def bucket(
    status: str, *, firm: int = 0, partial: int = 0, generic_contrary: bool = False, by_model: bool = False
) -> str:
    """The calibration bucket of a finding."""
    if status == "present":
        return f"present/firm{min(firm, 3)}"
    if status == "partial":
        if firm:
            return "partial/incomplete" if not partial else "partial/incomplete_and_weak"
        return "partial/weak1" if partial <= 1 else "partial/weak2+"
    if status == "contrary":
        if by_model:
            return "contrary/model"
        if generic_contrary:
            return "contrary/generic"
        return "contrary/with_protection" if firm else "contrary/alone"
    return "missing"


@cache
def _table() -> dict[str, float]:
    data = load_yaml(TABLE.read_text(encoding="utf-8"))
    return {str(k): float(v["confidence"]) for k, v in data["buckets"].items()}


def finding_bucket(finding: Finding) -> str:
    """The bucket of a finding, read from its evidence (as the calibration reads it)."""
    return bucket(
        finding.status,
        firm=sum(e.kind == "supports" for e in finding.evidence),
        partial=sum(e.kind == "weak" for e in finding.evidence),
        generic_contrary=bool(finding.evidence) and finding.evidence[0].cue.endswith("/generic_harm"),
        by_model=bool(finding.evidence) and finding.evidence[0].cue.endswith("/arbiter"),
    )


def confidence(finding: Finding, arbiter: Mapping[str, float] | None = None) -> float:
    """A confidence in [0, 1] for a finding's status, from the evidence behind it.

    ``arbiter`` maps statuses to the trained model's probabilities for the best evidence
    sentence; when it prefers another status, the confidence drops.
    """
    status = finding.status
    value = _table().get(finding_bucket(finding), 0.75)
    if arbiter and status in arbiter and arbiter[status] < max(arbiter.values()) - 1e-9:
        value -= ARBITER_DISAGREES
    return round(min(max(value, 0.05), 0.99), 2)


def needs_check(value: float) -> bool:
    return value < CHECK_BELOW
