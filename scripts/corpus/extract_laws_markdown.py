"""Extract the authentic English or French text of treaties from the laws-markdown mirror.

The public repository ``statengeneraal/laws-markdown`` mirrors the Dutch official
treaty database (wetten.overheid.nl).  Each treaty lives in one ``README.md`` under
``verdrag/.../<BWBV id>/``; the file holds the authentic text(s) (English, French, ...)
followed by a Dutch translation.

This script reads ``corpus/real/sources.yaml`` (``--lang fr``: ``corpus/real_fr/``), a
list of entries with at least ``slug`` and ``bwbv`` (optional ``start``/``end`` cut
markers), finds each treaty in the mirror (a bare git repository, read with ``git show``),
keeps only the blocks in the chosen language and writes ``<corpus>/texts/<slug>.md``.

How the cut works: the database's (Dutch) editorial notes are removed or replaced by
short bracketed notes in the chosen language; the file is split into blocks at blank
lines; each block is classified as English, Dutch, French, other (e.g. Czech) or
neutral (numbers, names, short headings) by counting language-specific function words.
A short unclassified block between two long blocks of the same language takes that
language.  Blocks in the chosen language are kept; neutral blocks are kept when they
follow it (a neutral run that ends in another language is kept only up to its first
heading).  Markdown links into the mirror are reduced to their text.  Reserved ids are
refused.

Usage::

    python scripts/corpus/extract_laws_markdown.py /path/to/laws-markdown/repo
    python scripts/corpus/extract_laws_markdown.py MIRROR --only nl_india_social_security_2009
    python scripts/corpus/extract_laws_markdown.py MIRROR --update-words
    python scripts/corpus/extract_laws_markdown.py MIRROR --lang fr --update-words

Standard library only.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Texts reserved for independent measurement by the project: never extracted.
RESERVED_IDS: frozenset[str] = frozenset(
    {
        "BWBV0001031",
        "BWBV0002654",
        "BWBV0001346",
        "BWBV0004200",
        "BWBV0004587",
        "BWBV0003874",
    }
)

REPO_ROOT = Path(__file__).resolve().parents[2]
# The corpus folder of each language the extractor keeps (sources.yaml in, texts/ out).
CORPORA: dict[str, Path] = {
    "en": REPO_ROOT / "corpus" / "real",
    "fr": REPO_ROOT / "corpus" / "real_fr",
}


def _wordset(text: str) -> frozenset[str]:
    """Return the set of whitespace-separated words in ``text``."""
    return frozenset(text.split())


EN_WORDS = _wordset(
    "the and to shall be by for with which this that any on as are from such has have its "
    "their it not under between other at who if upon whom been were will may should or "
    "means where but each within after before into than made any all those these"
)
NL_WORDS = _wordset(
    "de het van een op te voor met dat die wordt worden zijn aan bij door niet deze dit als ter "
    "tot naar uit ook hun artikel overeenkomstig krachtens bedoeld waarin werd wat betreft "
    "inzake onder tussen wet wetgeving verdrag overeenkomst uitkering uitkeringen lid jaar "
    "jaren hetzij elke ieder zich kan kunnen"
)
FR_WORDS = _wordset(
    "le la les des du et au aux par pour qui que dans sur est sont une être cette présent ou "
    "leur leurs ces son sa ses "
    # 'de' is Dutch too: counted for both, it no longer outweighs French in short phrases
    # ("Repos de nuit en cours de navigation"); l, d, qu, n come from elisions (l'article).
    "de à l d qu n ne pas il ils sera seront peut peuvent doit doivent dont lorsque selon "
    "ainsi auprès afin ont également toutefois"
)
STRONG_MIN_WORDS = 15  # blocks this long decide the language of the short blocks around them
HEADING_HINTS = {
    "en": re.compile(r"^(chapter|part|section|annex|schedule|appendix|title)\b", re.I),
    "nl": re.compile(r"^(artikel|hoofdstuk|titel|bijlage|afdeling|deel|vertaling)\b", re.I),
    "fr": re.compile(r"^(chapitre|titre|annexe|section|partie)\b", re.I),
}
# Editorial notes of the Dutch database (in Dutch) inside the authentic text, replaced by
# short bracketed notes in the language kept.
NOTES: dict[str, dict[str, str]] = {
    "en": {
        "lapsed": r"[Lapsed \1, database note]",
        "as_in": r"[as in No. \1, database note]",
        "amending": "[Amending provision, wording omitted, database note]",
        "read": r"[read: \1, database note]",
    },
    "fr": {
        "lapsed": r"[Caduc depuis le \1, note de la base de données]",
        "as_in": r"[texte identique au n° \1, note de la base de données]",
        "amending": "[Disposition modificative, texte omis, note de la base de données]",
        "read": r"[lire : \1, note de la base de données]",
    },
}


def editorial_subs(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """The substitutions that remove or translate the database's notes for ``lang``."""
    notes = NOTES[lang]
    return [
        (re.compile(r"<sup>[^<]*(?:\[Red\.?:|Noot redactie)[^<]*</sup>"), ""),
        (re.compile(r"<sup>\s*(?:\d+\)\s*)?Lees:\s*([^<]*?)\.?\s*</sup>"), " " + notes["read"]),  # typo note
        (re.compile(r"\s*\[Red\.?:[^\]]*\]"), ""),
        (re.compile(r" per \d{1,2} [a-z]+ \d{4}: artikel \d+\w*"), ""),  # renumbering note
        (re.compile(r"^Vervallen per (\S+)\s*$", re.M), notes["lapsed"]),
        (re.compile(r"\([Zz]oals in (?:[Nn][or]\.?\s*)?([^)]*?)\s*\)"), notes["as_in"]),
        (re.compile(r"^Treedt in werking op een nader te bepalen tijdstip\s*$", re.M), ""),
        (re.compile(r"^Wijzigt (?:het|de) .*$", re.M), notes["amending"]),
    ]


LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A list marker ("d)de weduwen- en wezenverzekering") is no word of any language.
LIST_MARK_RE = re.compile(r"^[-*\s]*\(?[a-z]\)\s*")
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Source:
    """One entry of sources.yaml (only the fields the extractor needs)."""

    slug: str
    bwbv: str
    start: str | None = None
    end: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def parse_sources(path: Path) -> list[Source]:
    """Parse the flat YAML list in sources.yaml (scalars and inline lists only)."""
    entries: list[dict[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            entries.append({})
            line = "  " + line[2:]
        if not entries or ":" not in line:
            continue
        key, _, value = line.strip().partition(":")
        entries[-1][key.strip()] = _scalar(value.strip())
    sources = []
    for entry in entries:
        sources.append(
            Source(
                slug=entry["slug"],
                bwbv=entry["bwbv"],
                start=entry.get("start") or None,
                end=entry.get("end") or None,
                extra=entry,
            )
        )
    return sources


def _scalar(value: str) -> str:
    """Return a YAML scalar without surrounding quotes or a trailing comment."""
    if value[:1] in "\"'":
        quote = value[0]
        end = value.find(quote, 1)
        return value[1:end] if end > 0 else value[1:]
    return value.split(" #", 1)[0].strip()


def git(mirror: Path, *args: str) -> str:
    """Run a git command in the bare mirror and return its stdout."""
    result = subprocess.run(["git", "-C", str(mirror), *args], capture_output=True, text=True, check=True)
    return result.stdout


def find_paths(mirror: Path, rev: str = "HEAD") -> dict[str, str]:
    """Map BWBV id -> README path in the mirror's tree at ``rev`` (reserved ids left out)."""
    paths: dict[str, str] = {}
    # -z: paths with accents (verdrag/accord/relatif/à/...) come unquoted.
    for path in git(mirror, "ls-tree", "-r", "-z", "--name-only", rev).split("\0"):
        parts = path.split("/")
        if parts[0] == "verdrag" and parts[-1] == "README.md" and len(parts) > 2:
            bwbv = parts[-2]
            if bwbv not in RESERVED_IDS:
                paths[bwbv] = path
    return paths


def classify(block: str, lang: str = "en") -> str:
    """Classify a block as 'en', 'nl', 'fr', 'other' or 'neutral'.

    A heading that two languages share ("Section 2") goes to ``lang``, the language kept.
    """
    text = LIST_MARK_RE.sub("", LINK_RE.sub(r"\1", block))
    words = [w.lower() for w in WORD_RE.findall(text)]
    counts = {
        "en": sum(w in EN_WORDS for w in words),
        "nl": sum(w in NL_WORDS for w in words),
        "fr": sum(w in FR_WORDS for w in words),
    }
    best = max(counts, key=lambda k: counts[k])
    runner_up = max(v for k, v in counts.items() if k != best)
    if counts[best] >= 2 and counts[best] > runner_up:
        return best
    stripped = text.lstrip("#* ").strip()
    for hint in sorted(HEADING_HINTS, key=lambda code: code != lang):
        if HEADING_HINTS[hint].match(stripped):
            return hint
    return "other" if len(words) >= 12 else "neutral"


def smooth(blocks: list[str], labels: list[str]) -> list[str]:
    """Relabel short blocks from the long English/Dutch/French blocks around them.

    A short block between two long blocks of the same language takes that language;
    long blocks in no known language ('other', e.g. Hungarian) stay 'other'.
    """
    strong = [
        label if label in ("en", "nl", "fr") and len(WORD_RE.findall(b)) >= STRONG_MIN_WORDS else None
        for b, label in zip(blocks, labels, strict=True)
    ]
    out = list(labels)
    for i, label in enumerate(labels):
        if label not in ("neutral", "other") or strong[i] is not None:
            continue
        prev = next((s for s in reversed(strong[:i]) if s), None)
        nxt = next((s for s in strong[i + 1 :] if s), None)
        if prev is not None and prev == nxt:
            out[i] = prev
        elif label == "other" and len(WORD_RE.findall(blocks[i])) < STRONG_MIN_WORDS:
            out[i] = "neutral"  # too short to be sure it is another language
    return out


def split_blocks(text: str) -> list[str]:
    """Split markdown text into blank-line separated blocks."""
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]


def language_blocks(text: str, lang: str = "en") -> list[str]:
    """Keep the blocks in ``lang`` (and neutral blocks attached to them)."""
    for pattern, replacement in editorial_subs(lang):
        text = pattern.sub(replacement, text)
    blocks = [b for b in split_blocks(text) if not b.lstrip().startswith("<meta")]
    if blocks and blocks[0].startswith("##") and not blocks[0].startswith("###"):
        blocks = blocks[1:]  # the database's (Dutch) title of the treaty
    labels = smooth(blocks, [classify(b, lang) for b in blocks])
    keep: list[str] = []
    pending: list[str] = []  # neutral blocks since the last classified block
    last: str | None = None
    for block, label in zip(blocks, labels, strict=True):
        if label == "neutral":
            if last in (None, lang):
                pending.append(block)
            continue
        if label == lang:
            keep.extend(pending)
            keep.append(block)
        elif last == lang:
            # Neutral run between the kept language and another one: keep it up to its first
            # heading (signatures stay; the next text's headings go).
            for b in pending:
                if b.lstrip().startswith("#"):
                    break
                keep.append(b)
        pending = []
        last = label
    if last == lang:
        keep.extend(pending)
    return keep


def cut(text: str, start: str | None, end: str | None) -> str:
    """Apply optional manual cut markers (start inclusive, end inclusive of its line)."""
    if start:
        pos = text.find(start)
        if pos < 0:
            raise ValueError(f"start marker not found: {start!r}")
        text = text[pos:]
    if end:
        pos = text.find(end)
        if pos < 0:
            raise ValueError(f"end marker not found: {end!r}")
        line_end = text.find("\n", pos)
        text = text[: line_end if line_end >= 0 else len(text)]
    return text


def extract(raw: str, source: Source, lang: str = "en") -> str:
    """Return the text in ``lang`` of one treaty file as markdown."""
    blocks = language_blocks(raw, lang)
    body = "\n\n".join(LINK_RE.sub(r"\1", b).rstrip() for b in blocks)
    body = cut(body, source.start, source.end)
    body = re.sub(r"[ \t]+\n", "\n", body)
    return body.strip() + "\n"


def word_count(text: str) -> int:
    """Count whitespace-separated tokens that contain a letter or digit."""
    return sum(1 for tok in text.split() if re.search(r"\w", tok))


def update_words(sources_path: Path, counts: dict[str, int]) -> None:
    """Rewrite the ``words:`` field of each entry in sources.yaml."""
    out: list[str] = []
    slug = None
    for line in sources_path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^-?\s*slug:\s*(\S+)", line)
        if m:
            slug = m.group(1)
        if re.match(r"^\s+words:", line) and slug in counts:
            line = re.sub(r"words:.*", f"words: {counts[slug]}", line)
        out.append(line)
    sources_path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirror", type=Path, help="bare git repo of statengeneraal/laws-markdown")
    parser.add_argument("--lang", choices=sorted(CORPORA), default="en", help="language to keep")
    parser.add_argument("--sources", type=Path, help="default: <corpus of --lang>/sources.yaml")
    parser.add_argument("--out", type=Path, help="default: <corpus of --lang>/texts")
    parser.add_argument("--rev", default="HEAD", help="mirror commit to read (default: HEAD)")
    parser.add_argument("--only", nargs="*", help="slugs to extract (default: all)")
    parser.add_argument("--update-words", action="store_true", help="rewrite words: in sources.yaml")
    args = parser.parse_args(argv)
    sources_path = args.sources or CORPORA[args.lang] / "sources.yaml"
    out_dir = args.out or CORPORA[args.lang] / "texts"

    sources = parse_sources(sources_path)
    for source in sources:
        if source.bwbv in RESERVED_IDS:
            raise ValueError(f"{source.bwbv} ({source.slug}) is reserved and must not be extracted")
    if args.only:
        sources = [s for s in sources if s.slug in set(args.only)]

    commit = git(args.mirror, "rev-parse", args.rev).strip()
    paths = find_paths(args.mirror, commit)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for source in sources:
        path = paths.get(source.bwbv)
        if path is None:
            print(f"MISSING {source.bwbv} ({source.slug})", file=sys.stderr)
            continue
        text = extract(git(args.mirror, "show", f"{commit}:{path}"), source, args.lang)
        (out_dir / f"{source.slug}.md").write_text(text, encoding="utf-8")
        counts[source.slug] = word_count(text)
        print(f"{source.slug}\t{source.bwbv}\t{counts[source.slug]}")
    print(f"total words: {sum(counts.values())} in {len(counts)} texts (mirror commit {commit})")
    if args.update_words:
        update_words(sources_path, counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
