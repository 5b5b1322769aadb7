"""The words and layout around the clause texts, read from Jinja2 templates in ``templates/``.

Headings, signatory lines, annex titles, the footer and the Markdown layout are wording a
drafter may want to change without touching Python, so they live in ``templates/``:
``wording.j2`` holds small macros and tables, ``draft.md.j2`` the Markdown layout and
``spec_starter.yaml.j2`` the commented starter spec.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from blma.errors import DataError
from blma.numerals import to_roman
from blma.templating import layout_environment, templates_root

#: Stands for the current page number in rendered text; the DOCX writer makes it a PAGE field.
PAGE_MARK = "\x00PAGE\x00"
#: Stands for the page count; the DOCX writer makes it a NUMPAGES field.
PAGES_MARK = "\x00NUMPAGES\x00"


@cache
def environment() -> SandboxedEnvironment:
    """Sandboxed like the clause renderer: the templates are ours, the values are users'."""
    env = layout_environment()
    env.globals.update(PAGE=PAGE_MARK, PAGES=PAGES_MARK, to_roman=to_roman)
    return env


@cache
def _wording() -> Any:
    try:
        return environment().get_template("wording.j2").module
    except TemplateError as exc:
        raise DataError(f"{templates_root() / 'wording.j2'}: {exc}") from None


def say(name: str, *args: object, **kwargs: object) -> str:
    """Call a macro of ``wording.j2``: ``say("article_label", 3)`` gives "Article 3"."""
    macro = getattr(_wording(), name, None)
    if macro is None:
        raise DataError(f"{templates_root() / 'wording.j2'}: no macro named '{name}'")
    try:
        return str(macro(*args, **kwargs)).strip()
    except UndefinedError as exc:
        raise DataError(f"wording.j2, macro {name}: {exc.message}") from None


def setting(name: str) -> Any:
    """A table or list set at the top level of ``wording.j2`` (e.g. chapter titles)."""
    value = getattr(_wording(), name, None)
    if not isinstance(value, dict | list):
        raise DataError(f"{templates_root() / 'wording.j2'}: no table or list named '{name}'")
    return value


def render_file(name: str, **context: object) -> str:
    """Render a whole template file of ``templates/``."""
    try:
        return environment().get_template(name).render(**context)
    except UndefinedError as exc:
        raise DataError(f"{templates_root() / name}: {exc.message}") from None
    except TemplateError as exc:
        raise DataError(f"{templates_root() / name}: {exc}") from None
