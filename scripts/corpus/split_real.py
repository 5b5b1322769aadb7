"""Split a real-text corpus into a development part and a sealed hold-out part.

Run once per corpus, before any labelling or tuning; the result, ``<corpus>/split.yaml``, is kept
in git and never changed afterwards (a new text goes to the part the same rule assigns it).
The split is stratified by kind of text: in each kind, a seeded shuffle of the sorted slugs
puts one text in three into the hold-out.

Two optional fields of ``sources.yaml`` narrow the draw, for corpora that need them:

- ``family``: texts that share most of their wording (one model agreement signed with several
  countries) are drawn together, so the hold-out never holds a near copy of a development text;
  a family goes to the hold-out only if it fits in the kind's share.
- ``development_only``: a text that has already been read elsewhere never goes to the hold-out.

An optional ``<corpus>/split_settings.yaml`` gives the seed and the hold-out share per kind
(``holdout_share: {default: 1/3, some_kind: 1/2}``); without it, the defaults below apply.

Usage::

    python scripts/corpus/split_real.py                          # corpus/real
    python scripts/corpus/split_real.py --corpus corpus/real_fr
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import yaml

SEED = 20261203
DEFAULT_SHARE = Fraction(1, 3)
REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "corpus" / "real"
SETTINGS_FILE = "split_settings.yaml"


def split(
    sources: list[dict], seed: int = SEED, shares: dict[str, Fraction] | None = None
) -> dict[str, list[str]]:
    """Return ``{"development": [...], "holdout": [...]}`` for the entries of sources.yaml."""
    shares = shares or {}
    slugs = {entry["slug"] for entry in sources}
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for entry in sources:
        if entry.get("family") in slugs:
            raise ValueError(f"family {entry['family']!r} has the name of a text; rename it")
        by_kind[entry["kind"]].append(entry)
    parts: dict[str, list[str]] = {"development": [], "holdout": []}
    for kind in sorted(by_kind):
        units: dict[str, list[str]] = defaultdict(list)  # a family, or one text alone
        pinned: set[str] = set()  # units that must stay in development
        for entry in by_kind[kind]:
            unit = entry.get("family") or entry["slug"]
            units[unit].append(entry["slug"])
            if entry.get("development_only"):
                pinned.add(unit)
        order = sorted(units)
        random.Random(f"{seed}:{kind}").shuffle(order)
        target = round(len(by_kind[kind]) * shares.get(kind, shares.get("default", DEFAULT_SHARE)))
        held = 0
        for unit in order:
            if unit not in pinned and held + len(units[unit]) <= target:
                parts["holdout"] += units[unit]
                held += len(units[unit])
            else:
                parts["development"] += units[unit]
    return {name: sorted(names) for name, names in parts.items()}


def load_settings(corpus: Path) -> tuple[int, dict[str, Fraction]]:
    """The seed and hold-out shares of a corpus (its split_settings.yaml, or the defaults)."""
    path = corpus / SETTINGS_FILE
    if not path.exists():
        return SEED, {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    shares = {kind: Fraction(str(share)) for kind, share in (data.get("holdout_share") or {}).items()}
    return int(data.get("seed", SEED)), shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with sources.yaml")
    parser.add_argument("--force", action="store_true", help="overwrite an existing split.yaml")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    target = corpus / "split.yaml"
    if target.exists() and not args.force:
        print(f"{target} exists: the split is fixed once made", file=sys.stderr)
        return 2
    sources = yaml.safe_load((corpus / "sources.yaml").read_text(encoding="utf-8"))
    seed, shares = load_settings(corpus)
    parts = split(sources, seed, shares)
    command = "scripts/corpus/split_real.py"
    if corpus != CORPUS:
        shown = corpus.relative_to(REPO_ROOT) if corpus.is_relative_to(REPO_ROOT) else corpus
        command += f" --corpus {shown}"
    header = (
        f"# The split of the real-text corpus, made by {command} (seed {seed}) on "
        f"{datetime.date.today().isoformat()},\n# before any text was labelled or tuned on. The "
        "hold-out is only ever scored: never open its\n# texts' analyses, never tune on them.\n"
    )
    target.write_text(header + yaml.safe_dump(parts, sort_keys=True), encoding="utf-8")
    print({k: len(v) for k, v in parts.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
