"""Word-level differences, and pairing paragraphs of two versions of one article.

Tokens are words and punctuation runs, each carrying its trailing whitespace, so that the
tokens of a text join back to exactly that text (the tracked-changes writer relies on it)
while the comparison itself ignores spacing. A word keeps its inner apostrophes and
hyphens ("worker's", "aujourd'hui", "co-operation"), so a change never splits it. ``difflib``
runs with ``autojunk`` off: in a treaty, "shall" and "the" are frequent but are exactly the
words a weakening changes.

Equal stretches join with the deleted ones to exactly the first text and with the inserted
ones to exactly the second, spacing included: accepting every change gives the second
version ("employer, and", not "employer , and"). Renderers lay the stretches end to end
(:func:`readable`), never joined with spaces.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from blma.comparison.models import Op, WordOp

TOKEN = re.compile(r"\w+(?:['\u2019\-]\w+)*\s*|[^\w\s]+\s*|\s+")
#: Punctuation that closes on the word before it, with no space between.
CLOSING = frozenset(",.;:!?)]}%\u2019\u201d\u00bb'")
#: Two paragraphs sharing less than this (rapidfuzz ratio, 0-100) are a deletion and an insertion.
PAIR_THRESHOLD = 50.0


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def word_diff(a: str, b: str) -> list[WordOp]:
    """Equal, deleted and inserted stretches turning ``a`` into ``b`` (a replacement is a deletion then an insertion)."""
    ta, tb = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, [t.strip() for t in ta], [t.strip() for t in tb], autojunk=False)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                _push_equal(ops, ta[i1 + k], tb[j1 + k])
            continue
        if tag in ("delete", "replace"):
            _push(ops, "delete", "".join(ta[i1:i2]))
        if tag in ("insert", "replace"):
            _push(ops, "insert", "".join(tb[j1:j2]))
    return ops


def readable(ops: list[WordOp]) -> list[WordOp]:
    """The stretches as a reader should see them laid end to end, with the second version's spacing.

    Spacing the second version dropped is not shown, spacing it added is plain text, and where
    stretches meet, two words that would run together get a space ("worker" then an added
    "so wishes") and a space before closing punctuation goes ("employer, and", not
    "employer , and"). Only the display changes: :func:`word_diff` keeps every space.
    """
    pieces: list[WordOp] = []
    for op in ops:
        if op.op == "equal":
            _push(pieces, "equal", op.text)
        elif not op.text.strip():
            if op.op == "insert":
                _push(pieces, "equal", op.text)
        else:
            core = op.text.lstrip()
            _push(pieces, "equal", op.text[: len(op.text) - len(core)])
            _push(pieces, op.op, core)
    shown: list[WordOp] = []
    for piece in pieces:
        if shown:
            before = shown[-1]
            if before.text[-1].isalnum() and piece.text[0].isalnum():
                shown[-1] = WordOp(op=before.op, text=before.text + " ")
            elif piece.text[0] in CLOSING and before.text.endswith(" ") and before.text.strip():
                shown[-1] = WordOp(op=before.op, text=before.text.rstrip(" "))
        shown.append(piece)
    return shown


def _push_equal(ops: list[WordOp], a: str, b: str) -> None:
    """One token both versions have; where its trailing spacing differs, that spacing is a change,
    so that the equal and deleted stretches join to ``a`` and the equal and inserted ones to ``b``."""
    word = a.rstrip()
    if a[len(word) :] == b[len(b.rstrip()) :]:
        _push(ops, "equal", a)
        return
    _push(ops, "equal", word)
    _push(ops, "delete", a[len(word) :])
    _push(ops, "insert", b[len(b.rstrip()) :])


def _push(ops: list[WordOp], op: Op, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = WordOp(op=op, text=ops[-1].text + text)
    else:
        ops.append(WordOp(op=op, text=text))


def pair_paragraphs(a: list[str], b: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair two ordered lists of paragraphs: identical ones first, then similar ones in order.

    Returns index pairs in reading order; ``(i, None)`` is a paragraph only in ``a``,
    ``(None, j)`` one only in ``b``.
    """
    norm = lambda s: " ".join(s.split()).lower()  # noqa: E731
    matcher = SequenceMatcher(None, [norm(x) for x in a], [norm(x) for x in b], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        i, j = i1, j1
        while i < i2 and j < j2:
            here = fuzz.ratio(norm(a[i]), norm(b[j]))
            if here >= PAIR_THRESHOLD:
                pairs.append((i, j))
                i, j = i + 1, j + 1
            elif j + 1 < j2 and fuzz.ratio(norm(a[i]), norm(b[j + 1])) > here:
                pairs.append((None, j))
                j += 1
            else:
                pairs.append((i, None))
                i += 1
        pairs += [(k, None) for k in range(i, i2)]
        pairs += [(None, k) for k in range(j, j2)]
    return pairs
