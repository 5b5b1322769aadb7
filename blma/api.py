"""The one Python API that the CLI and the Streamlit app call.

Inputs and outputs are pydantic models or plain data; nothing here prints.
"""

from __future__ import annotations

from pathlib import Path

from blma.library import Clause, Protection, default_library
from blma.library.loader import Problem, read_library
from blma.library.render import example_values, render_clause


def guidance() -> list[Protection]:
    """The protections of the rubric, in rubric order."""
    return list(default_library().protections.values())


def clauses(
    protection: str | None = None, sector: str | None = None, style: str | None = None
) -> list[Clause]:
    """Library clauses filtered by protection, sector and style; unknown ids are errors."""
    library = default_library()
    if protection is None:
        return [c for c in library.clauses.values() if c.suits(sector, style)]
    return library.clauses_for(protection, sector, style)


def clause_summary(clause: Clause) -> dict:
    """The JSON shape of a clause in listings."""
    data = clause.model_dump(mode="json")
    data["variables"] = sorted(clause.variables)
    data["sources"] = [str(s) for s in clause.sources]
    return data


def check_library(root: Path | None = None) -> tuple[list[Problem], str]:
    """Every problem in a library folder, and a one-line summary when there are none.

    Besides the schema and cross-references, each clause is rendered with example values,
    so a template that would fail in a draft fails here first.
    """
    library, problems = read_library(root)
    if not problems:
        examples = library.global_examples()
        for clause in library.clauses.values():
            try:
                render_clause(clause, example_values(clause, examples))
            except Exception as exc:  # report, keep checking the rest
                problems.append(Problem(library.clause_files[clause.id], f"{clause.id}.text", str(exc)))
    summary = (
        f"library sound: {len(library.protections)} protections, "
        f"{len(library.clauses)} clauses in {library.root}"
    )
    return problems, summary


# -- drafting (blma.drafting) ----------------------------------------------------------------
from blma.drafting import Draft, DraftSpec, draft, init_spec, load_spec  # noqa: E402

__all__ = [
    "Draft",
    "DraftSpec",
    "check_library",
    "clause_summary",
    "clauses",
    "draft",
    "guidance",
    "init_spec",
    "load_spec",
]
