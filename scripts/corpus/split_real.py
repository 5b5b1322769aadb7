"""Split the real-text corpus into a development part and a sealed hold-out part.

Run once, before any labelling or tuning; the result, ``corpus/real/split.yaml``, is kept in
git and never changed afterwards (a new text goes to the part the same rule assigns it).
The split is stratified by kind of text: in each kind, a seeded shuffle of the sorted slugs
puts one text in three into the hold-out.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

import yaml

SEED = 20261203
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "real"


def split(sources: list[dict], seed: int = SEED) -> dict[str, list[str]]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for entry in sources:
        by_kind[entry["kind"]].append(entry["slug"])
    parts: dict[str, list[str]] = {"development": [], "holdout": []}
    for kind in sorted(by_kind):
        slugs = sorted(by_kind[kind])
        random.Random(f"{seed}:{kind}").shuffle(slugs)
        cut = round(len(slugs) / 3)
        parts["holdout"] += slugs[:cut]
        parts["development"] += slugs[cut:]
    return {name: sorted(slugs) for name, slugs in parts.items()}


def main() -> int:
    target = CORPUS / "split.yaml"
    if target.exists() and "--force" not in sys.argv:
        print(f"{target} exists: the split is fixed once made", file=sys.stderr)
        return 2
    sources = yaml.safe_load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))
    parts = split(sources)
    header = (
        "# The split of the real-text corpus, made by scripts/corpus/split_real.py (seed "
        f"{SEED}) on 2026-12-03,\n# before any text was labelled or tuned on. The hold-out is only "
        "ever scored: never open its\n# texts' analyses, never tune on them.\n"
    )
    target.write_text(header + yaml.safe_dump(parts, sort_keys=True), encoding="utf-8")
    print({k: len(v) for k, v in parts.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
