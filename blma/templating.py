"""Jinja2 environments for the layout templates in ``templates/`` (drafts, reports, comparisons).

Sandboxed with ``StrictUndefined`` like the clause renderer: the templates are ours, but the
values (party names, quotes from uploaded agreements) come from users. HTML templates
(``*.html.j2``) are autoescaped; Markdown and Word text are not.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from blma.resources import templates_dir


def templates_root() -> Path:
    """``$BLMA_TEMPLATES_DIR``, else the installed or checked-out ``templates/`` folder."""
    return templates_dir()


def layout_environment() -> SandboxedEnvironment:
    """A new environment with the shared settings; callers cache it and add their own globals."""
    return SandboxedEnvironment(
        loader=FileSystemLoader(templates_root()),
        undefined=StrictUndefined,
        # only the HTML files: a template built from a string (a wording table's entry, a kit
        # term) becomes Word or Markdown text, where "d&#39;Ivoire" would be a visible defect
        autoescape=select_autoescape(["html.j2"], default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
