"""The report's words, read from ``templates/gap_report_words.j2``.

Status names, group titles and the sentences around the figures are wording a reviewer's
office may want to change (or translate) without touching Python; the Markdown template
and the DOCX writer read them from the same file so both formats say the same thing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from blma.errors import DataError
from blma.templating import layout_environment, templates_root

WORDS_TEMPLATE = "gap_report_words.j2"


@cache
def environment() -> SandboxedEnvironment:
    """Sandboxed: the templates are ours, but the values (quotes, party names) come from uploads."""
    return layout_environment()


@cache
def template_module(name: str = WORDS_TEMPLATE) -> Any:
    """A template's top-level tables and macros, as attributes."""
    try:
        return environment().get_template(name).module
    except TemplateError as exc:
        raise DataError(f"{templates_root() / name}: {exc}") from None


def table(name: str, template: str = WORDS_TEMPLATE) -> dict:
    """A top-level ``{% set name = {...} %}`` table of a template, e.g. ``table("status_words")``."""
    value = getattr(template_module(template), name, None)
    if not isinstance(value, dict):
        raise DataError(f"{templates_root() / template}: no table named '{name}'")
    return value


def say(name: str, *args: object, **kwargs: object) -> str:
    """Call a macro of the words template and return its text, stripped."""
    macro = getattr(template_module(), name, None)
    if macro is None:
        raise DataError(f"{templates_root() / WORDS_TEMPLATE}: no macro named '{name}'")
    try:
        return " ".join(str(macro(*args, **kwargs)).split())
    except TemplateError as exc:
        raise DataError(f"{templates_root() / WORDS_TEMPLATE}: macro '{name}': {exc}") from None


def render(template: str, **values: object) -> str:
    try:
        return environment().get_template(template).render(**values)
    except TemplateError as exc:
        raise DataError(f"{templates_root() / template}: {exc}") from None
