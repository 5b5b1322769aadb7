"""Showing library and agreement text in Markdown without Markdown reinterpreting it.

Every string that comes from an upload (a file name, a title, a party, an evidence quote, a
heading, an error naming the file) goes through :func:`plain` before Streamlit sees it.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~])")
_BULLET = re.compile(r"^(\s*)([-+=])", re.M)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(\s|$)", re.M)
#: GitHub-flavoured Markdown turns bare "http://…", "www.…" and "name@host.tld" into links
#: whatever the escaping; a word joiner (invisible, zero width) breaks the pattern.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=[:.])|(@)(?=\w)")
WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """Escape Markdown (and Streamlit's ``$`` maths) so the text shows exactly as written."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2)) + WORD_JOINER, escaped)
    escaped = _BULLET.sub(r"\1\\\2", escaped)
    return _NUMBERED.sub(r"\1\\\2\3", escaped)


def instrument_words(instrument: str, title_kind: str = "") -> str:
    """"MoU", "Agreement", or "Convention (read as an agreement)" when the title calls the text
    something the analysis reads as one of the two."""
    name = "MoU" if instrument == "mou" else "Agreement"
    if not title_kind:
        return name
    return f"{title_kind} (read as {'an MoU' if instrument == 'mou' else 'an agreement'})"


def shown(text: str) -> str:
    """What a reader sees of :func:`plain` output: the text itself (for tests and comparisons)."""
    return re.sub(r"\\(.)", r"\1", text).replace(WORD_JOINER, "")


def quote(text: str) -> str:
    """A Markdown block quote of ``text``, each line quoted."""
    return "\n".join(f"> {plain(line)}" if line.strip() else ">" for line in text.splitlines())
