"""Gap analysis of agreements against the rubric."""

from __future__ import annotations

from functools import cache

from blma.analysis.analyzer import Analyzer
from blma.analysis.models import Evidence, Finding, GapReport

__all__ = ["Analyzer", "Evidence", "Finding", "GapReport", "default_analyzer"]


@cache
def default_analyzer() -> Analyzer:
    """One analyzer per process: the pipeline and rules load once."""
    return Analyzer()
