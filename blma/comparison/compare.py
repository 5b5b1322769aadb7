"""Comparing agreements: the matrix for any number; for two, whether they are versions of
one text, and for versions the word differences and status changes.

Inputs are read and analysed once each; a file given twice (or two files with the same
bytes) is reported as identical rather than diffed against itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from blma.analysis import default_analyzer
from blma.analysis.prefilter import shared_sentences
from blma.comparison.alignment import align
from blma.comparison.articles import Article, split_articles
from blma.comparison.changes import status_changes
from blma.comparison.matrix import build_matrix
from blma.comparison.models import ArticleDiff, Unmatched
from blma.comparison.result import Comparison
from blma.comparison.sources import Source
from blma.comparison.versions import relation
from blma.comparison.wordiff import word_diff
from blma.errors import BlmaError, DocumentError
from blma.reading import read_bytes, read_path
from blma.reading.models import AgreementText

Input = str | Path | AgreementText | tuple[str, bytes]


class DocumentErrors(BlmaError):
    """Several inputs could not be read; each keeps its own message."""

    def __init__(self, errors: list[DocumentError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def load(inputs: Sequence[Input]) -> list[Source]:
    """Read and analyse every input; every unreadable one is reported, not just the first.

    The analyses share one store of sentence readings: what versions have in common is read once.
    """
    with shared_sentences():
        return _load(inputs)


def _load(inputs: Sequence[Input]) -> list[Source]:
    analyzer = default_analyzer()
    sources: list[Source] = []
    errors: list[DocumentError] = []
    cache: dict[str, Source] = {}
    for item in inputs:
        try:
            name, doc, data = _read(item)
        except DocumentError as exc:
            errors.append(exc)
            continue
        key = hashlib.sha256(data).hexdigest() if data is not None else None
        if key and key in cache:  # the same file twice: analyse it once
            sources.append(Source(name, cache[key].doc, cache[key].report, data))
            continue
        source = Source(name, doc, analyzer.analyze(doc), data)
        if key:
            cache[key] = source
        sources.append(source)
    if errors:
        raise errors[0] if len(errors) == 1 else DocumentErrors(errors)
    return sources


def _read(item: Input) -> tuple[str, AgreementText, bytes | None]:
    if isinstance(item, AgreementText):
        return item.name, item, None
    if isinstance(item, tuple):
        name, data = item
        return name, read_bytes(name, data), data
    doc = read_path(item)
    return str(item), doc, Path(item).read_bytes()


def compare(inputs: Sequence[Input]) -> Comparison:
    """The comparison of two or more agreements (see :class:`Comparison`)."""
    if len(inputs) < 2:
        raise BlmaError("compare needs at least two agreements")
    return compare_sources(load(inputs))


def compare_sources(sources: list[Source]) -> Comparison:
    files = [s.name for s in sources]
    matrix = build_matrix(files, [s.report for s in sources], [s.doc for s in sources])
    result = Comparison(files=files, matrix=matrix)
    for s in sources:
        result.warnings += [f"{s.name}: {w}" for w in s.report.warnings]
    if len(sources) == 2:
        first, second = sources
        result.identical = first.digest == second.digest
        arts_a, arts_b = split_articles(first.doc, first.report), split_articles(second.doc, second.report)
        pairs, unmatched_a, unmatched_b = align(arts_a, arts_b)
        result.alignment = pairs
        result.unmatched = Unmatched(a=unmatched_a, b=unmatched_b)
        diffs = differences(arts_a, arts_b, pairs)
        result.relation = relation(
            arts_a,
            arts_b,
            diffs,
            (first.report.facts.parties, second.report.facts.parties),
            (first.doc.full_text, second.doc.full_text),
            identical=result.identical,
        )
        if result.relation.versions:  # only versions are read as what changed
            result.differences = diffs
            result.changes = status_changes(first.report, second.report)
            result.unmatched_text = {
                "a": {x.key: x.text for x in arts_a if x.key in unmatched_a},
                "b": {y.key: y.text for y in arts_b if y.key in unmatched_b},
            }
    result._sources = sources
    return result


def differences(a: list[Article], b: list[Article], pairs) -> list[ArticleDiff]:
    by_a = {x.key: x for x in a}
    by_b = {y.key: y for y in b}
    return [ArticleDiff(a=p.a, b=p.b, ops=word_diff(by_a[p.a].body, by_b[p.b].body)) for p in pairs]
