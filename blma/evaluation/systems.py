"""The systems an evaluation scores, registered by name.

A factory builds a system once (an analyzer loads its pipeline and rules) and returns its
``predict(path)``, which maps every protection id to a status; the evaluation calls it for
every document. Register an analyzer variant (say, rules only) with ``@register("name")``.
Heavy imports stay inside the factories, so naming a system costs nothing until it is built.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blma.errors import DataError

Predict = Callable[[Path], dict[str, str]]
Factory = Callable[[], Predict]

SYSTEMS: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    def add(factory: Factory) -> Factory:
        if name in SYSTEMS:
            raise ValueError(f"system '{name}' is registered twice")
        SYSTEMS[name] = factory
        return factory

    return add


def describe(name: str) -> str:
    """The first line of the factory's docstring: what the system is, for the report's legend."""
    doc = SYSTEMS[name].__doc__ or name
    return doc.strip().splitlines()[0]


def check_names(names: list[str]) -> None:
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise DataError(f"unknown system(s): {', '.join(unknown)} (registered: {', '.join(SYSTEMS)})")


def build(name: str) -> Predict:
    check_names([name])
    return SYSTEMS[name]()


@register("analyzer")
def analyzer() -> Predict:
    """the gap analyzer: rules with the trained second opinion (`blma.api.analyze_path`)"""
    from blma.analysis import Analyzer
    from blma.api import analyze_path

    engine = Analyzer()  # one per system, reused for every document
    return lambda path: analyze_path(path, engine).statuses()


@register("keywords")
def keywords() -> Predict:
    """keyword search (`blma/evaluation/keywords.yaml`; `keywords_fr.yaml`, `keywords_es.yaml` for French and Spanish texts): a hit is present, else missing"""
    from blma.evaluation.baseline import KeywordBaseline, keywords_file, load_keywords
    from blma.library import default_library

    ids = list(default_library().protections)
    others = {
        language: load_keywords(keywords_file(language), protection_ids=ids)
        for language in ("fr", "es")
        if keywords_file(language).is_file()
    }
    return KeywordBaseline(load_keywords(protection_ids=ids), others).predict


@register("rules")
def rules_alone() -> Predict:
    """the gap analyzer's rules alone, without the trained second opinion (ablation)"""
    from blma.analysis import Analyzer
    from blma.api import analyze_path

    engine = Analyzer(arbiter=False)
    return lambda path: analyze_path(path, engine).statuses()


@register("model")
def model_alone() -> Predict:
    """the trained arbiter alone: a protection is addressed where a sentence is relevant (p >= 0.5),
    with the status its wording reads as (ablation)"""
    from blma.analysis import Analyzer
    from blma.analysis.arbiter import Arbiter
    from blma.reading import read_path

    arbiter = Arbiter.load()
    splitter = Analyzer(arbiter=False)  # used only to split the text into sentences with their lead-ins

    def predict(path: Path) -> dict[str, str]:
        sentences = [
            f"{s.lead_in} {s.sentence}" if s.lead_in else s.sentence for s in splitter.observe(read_path(path))
        ]
        relevant: dict[str, list[str]] = {pid: [] for pid in arbiter.protections}
        for text in sentences:
            for pid, p in arbiter.relevance(text).items():
                if p >= 0.5:
                    relevant[pid].append(text)
        statuses = {}
        for pid, texts in relevant.items():
            readings = [arbiter.strength(pid, t) for t in texts]
            if not readings:
                statuses[pid] = "missing"
            elif any(r["contrary"] >= 0.5 for r in readings):
                statuses[pid] = "contrary"
            elif any(r["present"] >= 0.5 for r in readings):
                statuses[pid] = "present"
            else:
                statuses[pid] = "partial"
        return statuses

    return predict
