"""How sure a finding is, and whether a reviewer should check it.

The rules decide a status; this module says how much that decision rests on. Evidence that
several firm sentences agree, that the required elements were verified, and that nothing
points the other way makes a finding sure; one sentence, a generic cue, or protective and
harmful provisions side by side make it doubtful. A finding below ``CHECK_BELOW`` is marked
``check`` in the JSON, the reports and the app. Where the trained arbiter is available, its
reading of the best evidence sentence lowers the confidence of a status it disagrees with.
"""

from __future__ import annotations

from collections.abc import Mapping

CHECK_BELOW = 0.6


def confidence(
    status: str,
    *,
    firm: int = 0,
    partial: int = 0,
    contrary: int = 0,
    elements_verified: bool = False,
    generic_contrary: bool = False,
    arbiter: Mapping[str, float] | None = None,
) -> float:
    """A confidence in [0, 1] for a status, from counts of the evidence behind it.

    ``firm``, ``partial`` and ``contrary`` count the sentences of each kind found for the
    protection; ``arbiter`` maps statuses to the model's probabilities for the best evidence.
    """
    if status == "missing":
        value = 0.9
    elif status == "contrary":
        value = 0.65 if generic_contrary else 0.85
        if firm:  # a protective provision beside the harmful one: a reader must weigh them
            value -= 0.2
    elif status == "present":
        value = 0.55 + 0.1 * min(firm - 1, 2) + (0.15 if elements_verified else 0.0)
    else:  # partial
        value = 0.75 if firm == 0 else 0.6  # soft wording alone is clear; firm but incomplete less so
        if partial > 1:
            value += 0.05
    if arbiter and status in arbiter:
        agrees = arbiter[status] >= max(arbiter.values()) - 1e-9
        value += 0.05 if agrees else -0.2
    return round(min(max(value, 0.05), 0.97), 2)


def needs_check(value: float) -> bool:
    return value < CHECK_BELOW
