"""The words and layout around the clause texts, read from Jinja2 templates in ``templates/``.

Headings, signatory lines, annex titles, the footer and the Markdown layout are wording a
drafter may want to change without touching Python, so they live in ``templates/``:
``wording.j2`` holds small macros and tables (``wording.fr.j2`` and ``wording.es.j2`` the same
names in French and Spanish), ``draft.md.j2`` the Markdown layout and
``spec_starter.yaml.j2`` the commented starter spec.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from blma.errors import DataError
from blma.library.grammar import DRAFT_LANGUAGES, filters
from blma.numerals import to_roman
from blma.templating import layout_environment, templates_root

if TYPE_CHECKING:
    from blma.library.loader import Problem

#: Stands for the current page number in rendered text; the DOCX writer makes it a PAGE field.
PAGE_MARK = "\x00PAGE\x00"
#: Stands for the page count; the DOCX writer makes it a NUMPAGES field.
PAGES_MARK = "\x00NUMPAGES\x00"


@cache
def environment(language: str = "en") -> SandboxedEnvironment:
    """Sandboxed like the clause renderer: the templates are ours, the values are users'."""
    env = layout_environment()
    env.globals.update(PAGE=PAGE_MARK, PAGES=PAGES_MARK, to_roman=to_roman)
    env.filters.update(filters(language))
    return env


def wording_file(language: str = "en") -> str:
    """``wording.j2`` for English, ``wording.fr.j2`` and ``wording.es.j2`` for the others."""
    return "wording.j2" if language == "en" else f"wording.{language}.j2"


@dataclass(frozen=True)
class Wording:
    """The layout wording of one drafting language: its macros and tables by name."""

    language: str = "en"

    @property
    def file(self) -> str:
        return wording_file(self.language)

    def module(self) -> Any:
        return _module(self.language)

    def say(self, name: str, *args: object, **kwargs: object) -> str:
        """Call a macro: ``say("article_label", 3)`` gives "Article 3"."""
        macro = getattr(self.module(), name, None)
        if macro is None:
            raise DataError(f"{templates_root() / self.file}: no macro named '{name}'")
        try:
            return str(macro(*args, **kwargs)).strip()
        except UndefinedError as exc:
            raise DataError(f"{self.file}, macro {name}: {exc.message}") from None

    def setting(self, name: str) -> Any:
        """A table or list set at the top level (e.g. chapter titles)."""
        value = getattr(self.module(), name, None)
        if not isinstance(value, dict | list):
            raise DataError(f"{templates_root() / self.file}: no table or list named '{name}'")
        return value

    def style_words(self, style: str) -> dict[str, str]:
        """The words a clause template may use for the style: "Agreement"/"Parties"/"shall" in
        English; in French and Spanish the instrument and the party words, no verb (one text of
        theirs serves both styles)."""
        return dict(self.setting("style_words")[style])

    def render_file(self, name: str, **context: object) -> str:
        """Render a whole template file of ``templates/`` in this language's environment."""
        try:
            return environment(self.language).get_template(name).render(wording_file=self.file, **context)
        except UndefinedError as exc:
            raise DataError(f"{templates_root() / name}: {exc.message}") from None
        except TemplateError as exc:
            raise DataError(f"{templates_root() / name}: {exc}") from None


@cache
def wording(language: str = "en") -> Wording:
    if language not in DRAFT_LANGUAGES:
        raise DataError(f"no wording for '{language}'; drafts are written in {', '.join(DRAFT_LANGUAGES)}")
    return Wording(language)


@cache
def _module(language: str) -> Any:
    name = wording_file(language)
    try:
        return environment(language).get_template(name).module
    except TemplateError as exc:
        raise DataError(f"{templates_root() / name}: {exc}") from None


def check_wording(language: str) -> list[Problem]:
    """A language's wording file against the English one: the same macros (with the same
    parameters) and the same tables (with the same keys), since the drafting code calls them by name."""
    from blma.library.loader import Problem

    file = wording_file(language)
    try:
        english, other = _names(_module("en")), _names(_module(language))
    except DataError as exc:
        return [Problem(f"templates/{file}", "(file)", str(exc))]
    found = [Problem(f"templates/{file}", name, "missing (wording.j2 has it)") for name in english if name not in other]
    for name, shape in english.items():
        if name in other and other[name] != shape:
            found.append(Problem(f"templates/{file}", name, f"differs from wording.j2: {other[name]} against {shape}"))
    return found


def _names(module: Any) -> dict[str, str]:
    """Each macro's parameters and each table's keys (a list's length is free)."""
    shapes: dict[str, str] = {}
    for name, value in vars(module).items():
        if name.startswith("_"):
            continue
        if callable(value) and hasattr(value, "arguments"):
            shapes[name] = "macro(" + ", ".join(value.arguments) + ")"
        elif isinstance(value, dict):
            shapes[name] = "table of " + ", ".join(sorted(map(str, value)))
        elif isinstance(value, list):
            shapes[name] = "list"
    return shapes


def say(name: str, *args: object, **kwargs: object) -> str:
    """An English macro of ``wording.j2`` (see :meth:`Wording.say`)."""
    return wording().say(name, *args, **kwargs)


def setting(name: str) -> Any:
    """An English table of ``wording.j2`` (see :meth:`Wording.setting`)."""
    return wording().setting(name)


def render_file(name: str, **context: object) -> str:
    """Render a whole template file of ``templates/`` (English wording)."""
    return wording().render_file(name, **context)
