"""The rubric of protections and the clause library: loading, lookup, rendering, checks."""

from blma.library.loader import Library, default_library, load_library
from blma.library.models import Clause, Protection, Source
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
