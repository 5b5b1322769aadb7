"""Measure the versions test of ``blma compare`` (the numbers in ``blma/comparison/versions.py``).

Every pair of different texts among the samples, the fictional development and hold-out sets
and the real treaties (those in English, which the analyzer reads) is compared; so is each
text with copies of itself whose articles have some of their words replaced at random. For
each, the share of wording kept word for word in corresponding articles and whether every
party one names is mentioned by the other.

Usage: ``python scripts/measure_versions.py`` (about a minute).
"""

from __future__ import annotations

import copy
import itertools
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from blma.analysis import default_analyzer  # noqa: E402
from blma.comparison.alignment import align  # noqa: E402
from blma.comparison.articles import split_articles  # noqa: E402
from blma.comparison.compare import differences  # noqa: E402
from blma.comparison.versions import MIN_KEPT_SHARE, relation  # noqa: E402
from blma.errors import DocumentError  # noqa: E402
from blma.reading import read_path  # noqa: E402

SETS = {
    "samples": ("sample_agreements", "*.docx"),
    "fictional": ("tests/devset", "*_*.*"),
    "fictional hold-out": ("tests/holdout", "*_*.*"),
    "real treaties": ("corpus/real/texts", "*.md"),
    "real fixtures": ("tests/data/real", "*_*.md"),
}
#: (share of articles edited, share of their words replaced)
EDITS = [(0.1, 0.6), (0.3, 0.6), (1.0, 0.3), (0.5, 0.6)]
FILLER = ["council", "labour", "migrant", "worker", "employer", "wages", "contract", "hours", "leave", "training", "visa", "permit"]


def texts() -> dict[str, tuple]:
    analyzer = default_analyzer()
    found = {}
    for group, (folder, pattern) in SETS.items():
        for path in sorted((ROOT / folder).glob(pattern)):
            if path.suffix not in (".docx", ".md", ".txt") or path.name.endswith(".labels.yaml"):
                continue
            doc = read_path(path)
            try:
                found[path.name] = (group, doc, analyzer.analyze(doc))
            except DocumentError:  # a language the analyzer does not read
                continue
    return found


def verdict(a, b):
    (_, doc_a, rep_a), (_, doc_b, rep_b) = a, b
    arts_a, arts_b = split_articles(doc_a, rep_a), split_articles(doc_b, rep_b)
    pairs, _, _ = align(arts_a, arts_b)
    parties = (rep_a.facts.parties, rep_b.facts.parties)
    return relation(arts_a, arts_b, differences(arts_a, arts_b, pairs), parties, (doc_a.full_text, doc_b.full_text))


def edited(doc, articles: float, words: float, seed: int = 0):
    rng = random.Random(seed)
    out = copy.deepcopy(doc)
    units = out.units
    chosen = set(rng.sample(units, max(1, int(len(units) * articles)))) if units else set()
    for block in out.blocks:
        if block.unit in chosen and block.kind != "heading":
            block.text = " ".join(rng.choice(FILLER) if rng.random() < words else w for w in block.text.split())
    return out


def main() -> None:
    found = texts()
    print(f"{len(found)} texts; versions keep at least {MIN_KEPT_SHARE:.2f}")
    counts = defaultdict(int)
    for group, _, _ in found.values():
        counts[group] += 1
    print("  " + ", ".join(f"{n} {group}" for group, n in counts.items()))
    highest: dict[str, tuple[float, str]] = defaultdict(lambda: (0.0, ""))
    passing, total = [], 0
    for (name_a, a), (name_b, b) in itertools.combinations(found.items(), 2):
        result = verdict(a, b)
        total += 1
        kind = " / ".join(sorted({a[0], b[0]}))
        kind += ", parties differ" if result.unnamed_parties else ", same or unknown parties"
        if result.kept_share > highest[kind][0]:
            highest[kind] = (result.kept_share, f"{name_a} · {name_b}")
        if result.versions:
            passing.append((name_a, name_b, result.kept_share))
    print(f"{total} pairs of different texts; read as versions: {len(passing)} {passing[:5]}")
    for kind, (share, names) in sorted(highest.items(), key=lambda x: -x[1][0]):
        print(f"  highest kept share, {kind}: {share:.3f} ({names})")
    for articles, words in EDITS:
        shares = []
        for group, doc, report in found.values():
            shares.append(verdict((group, doc, report), (group, edited(doc, articles, words), report)).kept_share)
        shares.sort()
        below = sum(s < MIN_KEPT_SHARE for s in shares)
        print(
            f"edited copies, {articles:.0%} of articles with {words:.0%} of words replaced: min {shares[0]:.3f}, "
            f"10th percentile {shares[len(shares) // 10]:.3f}, median {shares[len(shares) // 2]:.3f}; "
            f"{below} of {len(shares)} below the bar"
        )


if __name__ == "__main__":
    main()
