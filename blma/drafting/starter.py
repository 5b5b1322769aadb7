"""The commented starter spec of ``blma draft --init``: valid as written, explained inline.

It lists every protection with its default clause and the alternatives, so a negotiator
can edit choices without looking anything up; the text is ``templates/spec_starter.yaml.j2``.
"""

from __future__ import annotations

from blma.drafting.selection import select_clauses
from blma.drafting.spec import DraftSpec, Parties, Party
from blma.drafting.wording import render_file, setting
from blma.errors import DataError, SpecError
from blma.library import Library, default_library
from blma.library.models import AGREEMENT_SECTORS, CHAPTERS


def init_spec(library: Library | None = None) -> str:
    """The starter spec as YAML text; ``blma draft`` accepts it unchanged."""
    library = library or default_library()
    ex = library.global_examples()
    example = DraftSpec(
        parties=Parties(
            origin=Party(
                country=ex["origin"], short_name=ex["origin_short"], authority=ex["origin_authority"]
            ),
            destination=Party(
                country=ex["destination"],
                short_name=ex["destination_short"],
                authority=ex["destination_authority"],
            ),
        )
    )
    defaults = {s.protection.id: s.clause.id for s in select_clauses(example, library) if s.clause}
    titles = setting("chapter_titles")
    text = render_file(
        "spec_starter.yaml.j2",
        spec=example,
        sectors=list(AGREEMENT_SECTORS),
        chapters=[
            (titles[c], [p for p in library.protections.values() if p.chapter == c])
            for c in CHAPTERS
            if any(p.chapter == c for p in library.protections.values())
        ],
        defaults=defaults,
        alternatives={pid: library.clauses_for(pid) for pid in library.protections},
    )
    try:
        DraftSpec.from_text(text, "starter spec")
    except SpecError as exc:  # the template was edited into something `blma draft` refuses
        raise DataError(f"templates/spec_starter.yaml.j2 renders an invalid spec: {exc}") from None
    return text
