"""Markdown export: the layout is ``templates/draft.md.j2``; this module only prepares it.

The spec's values (party names, authorities, places, clause values) are the user's text, not
Markdown: wherever one appears in the draft its Markdown characters are escaped, so a name
such as "*Sundara*" or "[Sundara](http://example.org)" reads literally and cannot become
emphasis, a link, raw HTML or a heading. The library's own wording is written as it is.
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel

from blma.drafting.content import DraftContent
from blma.drafting.wording import environment, wording

#: Characters that can open inline Markdown or HTML anywhere in a line. The pipe is left to
#: ``markdown_cell``: it only matters in tables, where a second escape would break the cell.
_INLINE = re.compile(r"[\\`*_\[\]<>#&~!]")
#: At the start of a value: what could open a list item, a quote or a heading underline.
_LEADING = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
#: Fields of the draft that are not written into the Markdown.
_NOT_WRITTEN = frozenset({"spec", "coverage", "key", "clause_id", "secures", "language"})
#: Fields of the spec that hold ids from the library, not the user's words.
_IDS = frozenset({"clause", "style", "sectors", "party"})

_Part = TypeVar("_Part")
_Draft = TypeVar("_Draft", bound=DraftContent)


def escape_markdown(text: str) -> str:
    """``text`` with every character Markdown could read as markup backslash-escaped."""
    escaped = _INLINE.sub(lambda m: "\\" + m.group(), text)
    leading = _LEADING.match(escaped)
    if leading is None:
        return escaped
    if leading.group().isdigit():  # "1." or "1)": escape the dot or parenthesis
        end = leading.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return "\\" + escaped


def markdown_cell(text: object) -> str:
    """Table cells cannot hold a pipe or a line break."""
    return str(text).replace("|", "\\|").replace("\n", " ") or " "


def signature_rows(draft: DraftContent) -> list[list[str]]:
    """The two signatory columns as table rows: the "For the ..." label as the header, then
    the signature line, name and title; the blank spacing lines only matter on paper."""
    columns = []
    for lines in draft.signature.signatories:
        blank = lines.index("") if "" in lines else len(lines)
        columns.append([" ".join(lines[:blank]), *[line for line in lines[blank:] if line.strip()]])
    depth = max(len(c) for c in columns)
    return [[c[i] if i < len(c) else "" for c in columns] for i in range(depth)]


def markdown_text(draft: DraftContent) -> str:
    """The draft in Markdown; a bilingual draft's second text follows the first after a rule."""
    draft = with_values_escaped(draft)
    texts = []
    for text in draft.texts:
        environment(text.language).filters.setdefault("cell", markdown_cell)
        rendered = wording(text.language).render_file("draft.md.j2", draft=text, signature_rows=signature_rows(text))
        texts.append(rendered.strip())
    return "\n\n---\n\n".join(texts) + "\n"


def with_values_escaped(draft: _Draft) -> _Draft:
    """A copy of the draft in which each occurrence of a spec value is Markdown-escaped; the
    draft itself when no value holds a character Markdown would read."""
    values = sorted(
        {v for v in _strings(draft.spec.model_dump(mode="json")) if escape_markdown(v) != v},
        key=len,
        reverse=True,  # the longest first, so a name is escaped whole, not a shorter value inside it
    )
    if not values:
        return draft
    pattern = re.compile("|".join(re.escape(v) for v in values))
    return _map_text(draft, lambda text: pattern.sub(lambda m: escape_markdown(m.group()), text))


def _strings(data: object) -> list[str]:
    """Every string value (not key, not library id) in a spec's data."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() if k not in _IDS for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _map_text(part: _Part, change) -> _Part:
    """``part`` (a model, list or string of the draft) with ``change`` applied to its written text."""
    if isinstance(part, str):
        return change(part)
    if isinstance(part, list):
        return [_map_text(item, change) for item in part]
    if isinstance(part, BaseModel):
        update = {
            name: _map_text(getattr(part, name), change)
            for name in type(part).model_fields
            if name not in _NOT_WRITTEN
        }
        return part.model_copy(update=update)
    return part
