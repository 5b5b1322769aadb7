"""The joint committee's terms of reference, from the wording in ``terms_of_reference.yaml``."""

from __future__ import annotations

from functools import cache

import yaml

from blma.kit.models import Section, TermsOfReference
from blma.resources import package_path
from blma.templating import layout_environment


@cache
def _wording() -> dict:
    text = package_path("kit/terms_of_reference.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def terms_of_reference(values: dict[str, str]) -> TermsOfReference:
    """The terms rendered for one instrument; a value missing from ``values`` is an error."""
    env = layout_environment()
    data = _wording()

    def render(text: str) -> str:
        return " ".join(env.from_string(text).render(**values).split())

    return TermsOfReference(
        title=render(data["title"]),
        sections=[
            Section(heading=s["heading"], paragraphs=[render(p) for p in s["paragraphs"]])
            for s in data["sections"]
        ],
    )
