"""Extract the authentic Spanish text of treaties from the laws-markdown mirror.

A sibling of ``extract_laws_markdown.py`` (English and French), which classifies every
block by language.  The few Spanish texts in the Dutch treaty database are exchanges of
notes and one convention whose Spanish part is one contiguous run (a Spanish note, then a
Dutch or French one), so this script cuts by markers instead: each entry of
``corpus/real_es/sources.yaml`` names a ``start`` marker (kept) and an ``until`` marker
(the first text not kept).  Every long block of the cut must then read as Spanish, which
catches a marker that drifted into the Dutch translation.  Reserved ids are refused, and
the mirror is read with ``git show`` at one commit, recorded in sources.yaml.

Usage::

    python scripts/corpus/extract_laws_markdown_es.py /work/.mirror/statengeneraal+laws-markdown/repo
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_laws_markdown import (  # a sibling script, not a package
    LINK_RE,
    RESERVED_IDS,
    WORD_RE,
    find_paths,
    git,
    split_blocks,
    word_count,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "real_es"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that tell Spanish from the other languages of the database's files.
LANG_WORDS: dict[str, frozenset[str]] = {
    "es": _words(
        "el la los las del y de en un una por para con que se su sus es son será serán no "
        "al lo como este esta presente dicho dicha cual cuales entre sobre"
    ),
    "nl": _words(
        "de het een en van in op te voor met door aan die dat zijn wordt worden niet deze "
        "dit als bij uit naar ook zij hun"
    ),
    "fr": _words(
        "le la les des du et au aux par pour qui dans sur est sont une cette ou leur ces "
        "ne pas il ils sera seront"
    ),
    "en": _words("the and of to shall be by for with which this that any on as are"),
}
CHECK_MIN_WORDS = 12  # shorter blocks (dates, names, headings) are not checked

# Editorial notes of the (Dutch) database, dropped or replaced by a short Spanish note.
EDITORIAL_SUBS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<sup>[^<]*(?:\[Red:|Noot redactie)[^<]*</sup>"), ""),
    (re.compile(r"\s*\[Red:[^\]]*\]"), ""),
    (re.compile(r"^Vervallen per (\S+)\s*$", re.M), r"[Caducado el \1, nota de la base de datos]"),
]


def block_language(block: str) -> str:
    """The language whose function words are most frequent in ``block``."""
    words = [w.lower() for w in WORD_RE.findall(block)]
    counts = {code: sum(w in ws for w in words) for code, ws in LANG_WORDS.items()}
    return max(counts, key=lambda code: counts[code])


def cut_between(text: str, start: str, until: str | None) -> str:
    """The text from ``start`` (kept) up to ``until`` (not kept), or to the end."""
    begin = text.find(start)
    if begin < 0:
        raise ValueError(f"start marker not found: {start!r}")
    text = text[begin:]
    if until:
        end = text.find(until, len(start))
        if end < 0:
            raise ValueError(f"until marker not found: {until!r}")
        text = text[:end]
    return text


def extract(raw: str, start: str, until: str | None) -> str:
    """The Spanish text of one treaty file, as markdown without the database's notes."""
    for pattern, replacement in EDITORIAL_SUBS:
        raw = pattern.sub(replacement, raw)
    blocks = split_blocks(cut_between(raw, start, until))
    not_spanish = [
        b[:60] for b in blocks if len(WORD_RE.findall(b)) >= CHECK_MIN_WORDS and block_language(b) != "es"
    ]
    if not_spanish:
        raise ValueError(f"cut holds text that is not Spanish: {not_spanish[0]!r}...")
    body = "\n\n".join(LINK_RE.sub(r"\1", b).rstrip() for b in blocks)
    return re.sub(r"[ \t]+\n", "\n", body).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirror", type=Path, help="bare git repo of statengeneraal/laws-markdown")
    parser.add_argument("--sources", type=Path, default=CORPUS / "sources.yaml")
    parser.add_argument("--out", type=Path, default=CORPUS / "texts")
    args = parser.parse_args(argv)

    data = yaml.safe_load(args.sources.read_text(encoding="utf-8"))
    commit = data["mirror"]["commit"]
    entries = data["texts"]
    for entry in entries:
        if entry["bwbv"] in RESERVED_IDS:
            raise ValueError(f"{entry['bwbv']} ({entry['slug']}) is reserved and must not be extracted")
    paths = find_paths(args.mirror, commit)
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for entry in entries:
        path = paths[entry["bwbv"]]
        if path != entry["path"]:
            raise ValueError(f"{entry['slug']}: the mirror holds it at {path}, not {entry['path']}")
        text = extract(git(args.mirror, "show", f"{commit}:{path}"), entry["start"], entry.get("until"))
        (args.out / f"{entry['slug']}.md").write_text(text, encoding="utf-8")
        words = word_count(text)
        total += words
        flag = "" if words == entry.get("words") else f"  (sources.yaml says {entry.get('words')})"
        print(f"{entry['slug']}\t{entry['bwbv']}\t{words}{flag}")
    print(f"total words: {total} in {len(entries)} texts (mirror commit {commit})")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except (ValueError, KeyError) as error:
        print(f"extract_laws_markdown_es: {error}", file=sys.stderr)
        raise SystemExit(2) from None
