"""The rubric of protections and the clause library: loading, lookup, rendering, checks.

Rendering (Jinja2) is imported when ``render_clause`` or ``render_template`` is first named,
so reading the rubric for an analysis does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from blma.library.loader import Library, default_library, load_library
from blma.library.models import Clause, Protection, Source

if TYPE_CHECKING:
    from blma.library.render import render_clause, render_template

__all__ = [
    "Clause",
    "Library",
    "Protection",
    "Source",
    "default_library",
    "load_library",
    "render_clause",
    "render_template",
]


def __getattr__(name: str):
    if name in ("render_clause", "render_template"):
        from blma.library import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
