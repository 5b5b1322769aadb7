"""Drafting: from a draft specification to a numbered model agreement or MoU.

``draft(spec)`` validates the spec against the library, picks the clauses (the spec's
choices or the library's recommendations), assembles and numbers the articles, and
returns a :class:`Draft` that exports DOCX and Markdown and reports its coverage.
Layout wording lives in ``templates/``; clause wording in ``clauses/``.
"""

from __future__ import annotations

from pathlib import Path

from blma.drafting.assemble import assemble
from blma.drafting.content import Annex, Article, Chapter
from blma.drafting.coverage import Coverage, CoverageEntry
from blma.drafting.document import Draft
from blma.drafting.spec import OMIT, DraftSpec, ProtectionChoice
from blma.drafting.starter import init_spec
from blma.errors import SpecError, UnknownIdError
from blma.library import Library, default_library


def draft(
    spec: DraftSpec | dict | Path | str,
    library: Library | None = None,
    *,
    language: str | None = None,
    second_language: str | None = None,
) -> Draft:
    """Assemble a draft from a spec, a spec's data, or the path of a YAML/JSON spec file.

    ``language`` and ``second_language`` override the spec's (as ``blma draft --language``
    does). Every error is a :class:`BlmaError` naming the spec field (and the file, given a path).
    """
    source = None
    if isinstance(spec, Path | str):
        source, spec = str(spec), DraftSpec.load(spec)
    elif isinstance(spec, dict):
        spec = DraftSpec.from_data(spec)
    if language or second_language:
        data = spec.model_dump(mode="json", exclude_defaults=True)
        data |= {"language": language or spec.language}
        data |= {"second_language": second_language} if second_language else {}
        if data.get("second_language") == data["language"]:
            data.pop("second_language")  # `--language fr` on a spec whose second text is French
        spec = DraftSpec.from_data(data, source or "spec")
    try:
        return assemble(spec, library or default_library())
    except (SpecError, UnknownIdError) as exc:
        if source is None:
            raise
        raise type(exc)(f"{source}: {exc}") from None


def load_spec(path: Path | str) -> DraftSpec:
    return DraftSpec.load(path)


__all__ = [
    "OMIT",
    "Annex",
    "Article",
    "Chapter",
    "Coverage",
    "CoverageEntry",
    "Draft",
    "DraftSpec",
    "ProtectionChoice",
    "draft",
    "init_spec",
    "load_spec",
]
