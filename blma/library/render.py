"""Rendering clause templates safely.

Templates come from the library, values from users. The sandbox keeps a template from
reaching Python internals, ``StrictUndefined`` turns a forgotten variable into an error
instead of a silent blank in a treaty, and values are inserted as text, never re-parsed,
so a party name such as ``{{ 7*7 }}`` appears literally.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from blma.errors import TemplateError
from blma.library.grammar import filters
from blma.library.models import Clause


@cache
def environment(language: str = "en") -> SandboxedEnvironment:
    """The clause environment of a drafting language: its filters contract a preposition with
    the article of the name it precedes (``{{ origin_short | de }}``: "du Maroc")."""
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters(language))
    return env


def template_variables(text: str) -> set[str]:
    """Names a template reads; raises ``TemplateSyntaxError`` on a malformed template."""
    return meta.find_undeclared_variables(environment("fr").parse(text))  # knows every filter


def render_template(
    text: str, values: Mapping[str, object], *, name: str = "template", language: str = "en"
) -> str:
    """Render ``text`` with ``values``; a missing value or unsafe construct is a TemplateError."""
    try:
        env = environment(language)
        return env.from_string(text).render(**{k: str(v) for k, v in values.items()})
    except UndefinedError as exc:
        raise TemplateError(f"{name}: no value given for a variable ({exc.message})") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{name}: template syntax error on line {exc.lineno}: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateError(f"{name}: template tried an unsafe operation ({exc})") from None


def render_clause(
    clause: Clause,
    context: Mapping[str, object],
    values: Mapping[str, object] | None = None,
    language: str = "en",
) -> str:
    """Render a clause: its declared defaults, then the document context, then ``values``."""
    merged: dict[str, object] = {
        name: var.default for name, var in clause.variables.items() if var.default is not None
    }
    merged.update(context)
    merged.update(values or {})
    return render_template(clause.text, merged, name=f"clause {clause.id}", language=language)


def example_values(clause: Clause, global_examples: Mapping[str, str]) -> dict[str, str]:
    """Sample values for every variable a clause may read (used by checks and previews)."""
    values = dict(global_examples)
    values.update({name: var.example for name, var in clause.variables.items()})
    return values
