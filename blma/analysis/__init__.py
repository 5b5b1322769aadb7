"""Gap analysis of agreements against the rubric.

Importing the package is cheap: the analyzer (and with it spaCy, about half a second) is
imported when ``Analyzer`` is first named or ``default_analyzer()`` first called, so a command
that does not analyse does not pay for it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from blma.analysis.models import Evidence, Finding, GapReport

if TYPE_CHECKING:
    from blma.analysis.analyzer import Analyzer

__all__ = ["Analyzer", "Evidence", "Finding", "GapReport", "default_analyzer"]


def __getattr__(name: str):
    if name == "Analyzer":
        from blma.analysis.analyzer import Analyzer

        return Analyzer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def default_analyzer() -> Analyzer:
    """One analyzer per process: the pipeline and rules load once."""
    from blma.analysis.analyzer import Analyzer

    return Analyzer()
