"""The accuracy figures as Markdown tables (``docs/accuracy.md``, the README block) and JSON.

Every figure cell holds one value per system, in the order of the legend ("a / b"), so the
baseline stands beside the analyzer; pooled rows score all pairs of a role together.
"""

from __future__ import annotations

from dataclasses import asdict

from blma.analysis.models import STATUSES
from blma.analysis.scoring import Scores
from blma.evaluation.run import Evaluation, SetResult
from blma.evaluation.sets import Role
from blma.evaluation.systems import describe

#: (column title, Scores attribute) of the per-set table, in order.
SET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("macro-F1", "macro_f1"),
    ("exact", "exact"),
    ("detection", "detection"),
    ("contrary F1", "contrary_f1"),
    ("present precision", "present_precision"),
    ("contrary recall", "contrary_recall"),
)
ROLE_TITLES: dict[Role, str] = {"development": "development", "holdout": "hold-out"}
DASH = "—"


def _number(value: float | None) -> str:
    return DASH if value is None else f"{value:.3f}"


def _cells(values: list[float | None]) -> str:
    return " / ".join(_number(v) for v in values)


def _table(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def legend(evaluation: Evaluation) -> str:
    names = " / ".join(evaluation.systems)
    systems = "; ".join(f"**{n}**: {describe(n)}" for n in evaluation.systems)
    return f"Each figure reads {names}. {systems}."


def _set_row(result: SetResult, systems: list[str]) -> list[str]:
    spec = result.set.spec
    role = ROLE_TITLES[spec.role] + (" (sealed)" if spec.sealed else "")
    name = f"`{spec.name}`"
    if result.set.unavailable is not None:
        return [name, role, DASH, result.set.unavailable] + [""] * (len(SET_COLUMNS) - 1)
    docs = str(len(result.set.labels)) + (
        f" ({len(result.set.skipped)} left out)" if result.set.skipped else ""
    )
    scores = [result.scores(s) for s in systems]
    return [name, role, docs] + [_cells([getattr(sc, attr) for sc in scores]) for _, attr in SET_COLUMNS]


def _pooled_row(evaluation: Evaluation, role: Role) -> list[str] | None:
    """A row for all sets of the role together; none when fewer than two are available."""
    if len(evaluation.available(role)) < 2:
        return None
    scores = [evaluation.pooled_scores(role, s) for s in evaluation.systems]
    docs = sum(len(r.set.labels) for r in evaluation.available(role))
    title = f"**all {ROLE_TITLES[role]} sets, pooled**"
    return [title, ROLE_TITLES[role], str(docs)] + [
        _cells([getattr(sc, attr) for sc in scores]) for _, attr in SET_COLUMNS
    ]


def set_table(evaluation: Evaluation) -> str:
    """Rows = sets (then the pooled rows), columns = the figures of every system."""
    header = ["Set", "Role", "Docs", *(title for title, _ in SET_COLUMNS)]
    rows = [_set_row(r, evaluation.systems) for r in evaluation.results]
    rows += [row for role in ROLE_TITLES if (row := _pooled_row(evaluation, role)) is not None]
    return _table(header, rows, numeric_from=3)


def protection_table(evaluation: Evaluation) -> str:
    """Exact and detection per protection, development sets pooled and hold-out sets pooled."""
    roles = [role for role in ROLE_TITLES if evaluation.available(role)]
    if not roles:
        return "No labelled set is available."
    by_role = {role: [evaluation.per_protection(role, s) for s in evaluation.systems] for role in roles}
    header = ["Protection"]
    for role in roles:
        title = ROLE_TITLES[role]
        header += [f"{title} pairs", f"{title} exact", f"{title} detection"]
    pids = list(dict.fromkeys(pid for role in roles for pid in by_role[role][0]))
    rows = []
    for pid in pids:
        row = [f"`{pid}`"]
        for role in roles:
            found = [per.get(pid) for per in by_role[role]]
            if found[0] is None:
                row += ["0", DASH, DASH]
                continue
            row += [
                str(found[0].pairs),
                _cells([p.exact if p else None for p in found]),
                _cells([p.detection if p else None for p in found]),
            ]
        rows.append(row)
    return _table(header, rows, numeric_from=1)


def confusion_table(scores: Scores) -> str:
    """Labelled status down the side, predicted status across."""
    header = ["labelled \\ found", *STATUSES]
    rows = [
        [f"**{truth}**", *(str(scores.confusion[truth][pred]) for pred in STATUSES)] for truth in STATUSES
    ]
    return _table(header, rows, numeric_from=1)


def readme_block(evaluation: Evaluation, accuracy_doc: str) -> str:
    """The per-set table and how it was produced, for the README's marked block."""
    return (
        f"{set_table(evaluation)}\n\n{legend(evaluation)} Produced by `make eval` "
        f"(`scripts/evaluate.py --write` over `corpus/sets.yaml`); per-protection figures, "
        f"confusion matrices and definitions in `{accuracy_doc}`."
    )


DEFINITIONS = """\
Definitions (`blma/analysis/scoring.py`), over every labelled (agreement, protection) pair:
**macro-F1** is the mean F1 of present, partial, missing and contrary; **exact** the share of
pairs with the labelled status; **detection**, per protection, the mean F1 of "addressed"
(present or partial) and "missing", averaged over protections; **contrary F1** the F1 of
contrary; **present precision** the share of "present" findings labelled present; **contrary
recall** the share of labelled contrary provisions found contrary. An F1 whose status appears
neither in the labels nor in the findings counts as 1; a precision without any finding of the
status, or a recall without any label of it, is shown as —. Pooled rows score all pairs of the
role together (so larger sets weigh more). Hold-out sets are only ever scored: their
per-document errors are never listed (`--errors` refuses sealed sets)."""


def accuracy_document(evaluation: Evaluation) -> str:
    """``docs/accuracy.md`` in full."""
    parts = [
        "# Accuracy of the gap analysis",
        "Generated by `make eval` (`scripts/evaluate.py --write`) from the sets listed in "
        "`corpus/sets.yaml`. Do not edit by hand.",
        "## Per set",
        set_table(evaluation),
        legend(evaluation),
        DEFINITIONS,
        "## Per protection",
        protection_table(evaluation),
        legend(evaluation),
        "## Confusion matrices (pooled)",
    ]
    for role, title in ROLE_TITLES.items():
        for system in evaluation.systems:
            scores = evaluation.pooled_scores(role, system)
            if scores is not None:
                parts += [f"### {system}, {title} sets", confusion_table(scores)]
    return "\n\n".join(parts) + "\n"


def _figures(scores: Scores | None) -> dict | None:
    return None if scores is None else asdict(scores)


def figures_json(evaluation: Evaluation) -> dict:
    """Every figure, for ``--json``: per set, pooled by role, and per protection by role."""
    sets = []
    for result in evaluation.results:
        spec, ready = result.set.spec, result.set.unavailable is None
        sets.append(
            {
                "name": spec.name,
                "role": spec.role,
                "sealed": spec.sealed,
                "description": spec.description,
                "available": ready,
                "reason": result.set.unavailable,
                "documents": len(result.set.labels),
                "left_out": result.set.skipped,
                "scores": {s: asdict(result.scores(s)) for s in evaluation.systems} if ready else {},
            }
        )
    return {
        "systems": {s: describe(s) for s in evaluation.systems},
        "sets": sets,
        "pooled": {
            role: {s: _figures(evaluation.pooled_scores(role, s)) for s in evaluation.systems}
            for role in ROLE_TITLES
        },
        "per_protection": {
            role: {
                s: {pid: asdict(p) for pid, p in evaluation.per_protection(role, s).items()}
                for s in evaluation.systems
            }
            for role in ROLE_TITLES
        },
    }


def error_listing(evaluation: Evaluation) -> str:
    """Every wrong (file, protection, labelled, found) pair, per set and system.

    Only for sets that are not sealed; the script refuses before getting here otherwise.
    """
    lines = []
    for result in evaluation.available():
        if result.set.spec.sealed:
            raise ValueError(f"{result.set.name} is sealed: its errors are never listed")
        for system in evaluation.systems:
            wrong = [(a, pid, t, p) for a, pid, t, p in result.pairs[system] if t != p]
            lines.append(f"{result.set.name}, {system}: {len(wrong)} wrong of {len(result.pairs[system])}")
            lines += [
                f"  {a.split('/', 1)[1]:45} {pid:28} labelled {t:9} found {p}" for a, pid, t, p in wrong
            ]
    return "\n".join(lines)
