"""Replacing the generated accuracy block of the README, and nothing else.

The block sits between ``<!-- accuracy:start -->`` and ``<!-- accuracy:end -->``. A README
without the markers gets them once, in the section "How the gap analysis decides", in place
of the hand-written accuracy table there and the paragraph after it about the wording cases.
"""

from __future__ import annotations

from blma.errors import DataError

START = "<!-- accuracy:start -->"
END = "<!-- accuracy:end -->"
SECTION = "## How the gap analysis decides"
#: The hand-written paragraph after the old table: it quoted figures the block now carries.
OLD_PARAGRAPH_CUES = ("wording_cases", "single sentences")


def _marked(block: str) -> str:
    return f"{START}\n{block.strip()}\n{END}"


def replace_block(readme: str, block: str) -> str:
    """The README with the marked block (inserted if absent) holding ``block``."""
    has_start, has_end = START in readme, END in readme
    if has_start and has_end:
        i = readme.index(START)
        j = readme.index(END, i) + len(END) if END in readme[i:] else -1
        if j < 0:
            raise DataError(f"README: '{END}' comes before '{START}'")
        return readme[:i] + _marked(block) + readme[j:]
    if has_start or has_end:
        raise DataError(f"README: only one of '{START}' and '{END}' is present")
    return _insert(readme, block)


def _insert(readme: str, block: str) -> str:
    lines = readme.splitlines(keepends=True)
    try:
        head = next(i for i, line in enumerate(lines) if line.strip() == SECTION)
    except StopIteration:
        raise DataError(f"README: no '{START}' markers and no section '{SECTION}' to put them in") from None
    end = next((i for i in range(head + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    table = next((i for i in range(head + 1, end) if lines[i].startswith("|")), None)
    if table is None:  # nothing to replace: the block closes the section
        while end > head + 1 and not lines[end - 1].strip():
            end -= 1
        return "".join(lines[:end]) + "\n" + _marked(block) + "\n\n" + "".join(lines[end:]).lstrip("\n")
    stop = table
    while stop < end and lines[stop].startswith("|"):
        stop += 1
    after = stop
    while after < end and not lines[after].strip():
        after += 1
    if after < end and any(cue in lines[after] for cue in OLD_PARAGRAPH_CUES):
        stop = after
        while stop < end and lines[stop].strip():
            stop += 1
    return "".join(lines[:table]) + _marked(block) + "\n" + "".join(lines[stop:])
