"""Markdown export: the layout is ``templates/draft.md.j2``; this module only prepares it."""

from __future__ import annotations

from blma.drafting.document import Draft
from blma.drafting.wording import environment, render_file


def markdown_cell(text: object) -> str:
    """Table cells cannot hold a pipe or a line break."""
    return str(text).replace("|", "\\|").replace("\n", " ") or " "


def signature_rows(draft: Draft) -> list[list[str]]:
    """The two signatory columns as table rows: the "For the ..." label as the header, then
    the signature line, name and title; the blank spacing lines only matter on paper."""
    columns = []
    for lines in draft.signature.signatories:
        blank = lines.index("") if "" in lines else len(lines)
        columns.append([" ".join(lines[:blank]), *[line for line in lines[blank:] if line.strip()]])
    depth = max(len(c) for c in columns)
    return [[c[i] if i < len(c) else "" for c in columns] for i in range(depth)]


def markdown_text(draft: Draft) -> str:
    environment().filters.setdefault("cell", markdown_cell)
    text = render_file("draft.md.j2", draft=draft, signature_rows=signature_rows(draft))
    return text.rstrip() + "\n"
