"""``clauses/remedies.yaml``: the clause that remedies a contrary provision, by the cue that found it.

Kept apart from the clauses because it joins two vocabularies, the rules' cue names
("<protection>/<cue>") and the library's clause ids; ``blma library check`` checks the library
side: the protection exists, and each clause exists and serves that protection.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from blma.errors import DataError
from blma.library.loader import Library, Problem
from blma.yamlio import load_yaml

REMEDIES = "remedies.yaml"


@cache
def read_remedies(root: Path) -> dict[str, list[str]]:
    """Cue name -> clause ids, best first (empty when the file is absent)."""
    path = root / REMEDIES
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8") as stream:
            data = load_yaml(stream) or {}
    except Exception as exc:  # a YAML error of any kind, said in one line
        raise DataError(f"{path}: cannot be read as YAML: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in data.values()
    ):
        raise DataError(f"{path}: expected a mapping of cue names to lists of clause ids")
    return {str(k): list(v) for k, v in data.items()}


def check_remedies(library: Library) -> list[Problem]:
    """Every entry names a known protection, and clauses that exist and serve it."""
    try:
        listed = read_remedies(library.root)
    except DataError as exc:
        return [Problem(REMEDIES, "(file)", str(exc))]
    problems = []
    for cue, clause_ids in listed.items():
        protection, _, name = cue.partition("/")
        if protection not in library.protections or not name:
            problems.append(Problem(REMEDIES, cue, "expected '<protection id>/<cue name>' with a known protection"))
            continue
        for clause_id in clause_ids:
            clause = library.clauses.get(clause_id)
            if clause is None:
                problems.append(Problem(REMEDIES, cue, f"unknown clause id '{clause_id}'"))
            elif protection not in clause.protections:
                problems.append(Problem(REMEDIES, cue, f"clause '{clause_id}' does not serve '{protection}'"))
    return problems
