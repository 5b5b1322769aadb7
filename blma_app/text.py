"""Showing library and agreement text in Markdown without Markdown reinterpreting it."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~])")
_BULLET = re.compile(r"^(\s*)([-+])(\s)")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(\s)")


def plain(text: str) -> str:
    """Escape Markdown (and Streamlit's ``$`` maths) so the text shows exactly as written."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _BULLET.sub(r"\1\\\2\3", escaped)
    return _NUMBERED.sub(r"\1\\\2\3", escaped)


def quote(text: str) -> str:
    """A Markdown block quote of ``text``, each line quoted."""
    return "\n".join(f"> {plain(line)}" if line.strip() else ">" for line in text.splitlines())
