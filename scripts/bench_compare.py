"""Timing and measurements for ``blma compare`` (imported by ``scripts/benchmark.py``).

- ``bench_compare()``: the time to compare two 40-page agreements (read, analyse, align,
  diff, matrix, and the tracked-changes DOCX), built from the samples.
- ``measure_alignment()``: how well each text-similarity method pairs the articles of two
  versions, on the 14 samples each perturbed five ways (the figures quoted in
  ``blma/comparison/alignment.py``).

Usage: ``python scripts/bench_compare.py [--measure]``
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from blma.analysis import default_analyzer  # noqa: E402
from blma.comparison import alignment  # noqa: E402
from blma.comparison.articles import split_articles  # noqa: E402
from blma.comparison.similarity import tfidf_similarity  # noqa: E402
from blma.reading import read_bytes, read_path  # noqa: E402
from blma.reading.models import AgreementText, Block  # noqa: E402

SAMPLES = ROOT / "sample_agreements"
PAGE_WORDS = 500  # a page of treaty text, single-spaced


# -- timing ---------------------------------------------------------------------------------
def forty_page_pair() -> tuple[bytes, bytes]:
    """Two versions of a ~40-page agreement: the sample's articles repeated, then the usual edits."""
    from make_version_pair import DEFAULT_SAMPLE, build, load_source, remove_article, weaken

    src = load_source(DEFAULT_SAMPLE)
    body = src["document"]["body"]
    words = sum(len(str(p).split()) for u in body for p in u.get("paras") or [])
    copies = max(1, round(40 * PAGE_WORDS / max(words, 1)))
    big = copy.deepcopy(src)
    big["document"]["body"] = [
        {**copy.deepcopy(u), "heading": f"{u['heading']} ({n + 1})" if n else u["heading"]}
        for n in range(copies)
        for u in body
    ]
    return build(big), build(remove_article(weaken(big)))


def bench_compare(repeat: int = 3) -> dict[str, float]:
    """Seconds to compare two 40-page agreements (best of ``repeat``), with their size."""
    from blma.api import compare

    first, second = forty_page_pair()
    words = read_bytes("a.docx", first).word_count
    compare([("v1.docx", first), ("v2.docx", second)])  # warm up: pipeline and library load once
    best = math.inf
    best_docx = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        result = compare([("v1.docx", first), ("v2.docx", second)])
        middle = time.perf_counter()
        result.export("docx")
        best = min(best, middle - start)
        best_docx = min(best_docx, time.perf_counter() - middle)
    return {"words": words, "pages": round(words / PAGE_WORDS, 1), "compare_s": round(best, 3),
            "docx_s": round(best_docx, 3)}


# -- alignment measurements -----------------------------------------------------------------
def rapidfuzz_method(scorer) -> Callable[[list[str], list[str]], list[list[float]]]:
    from rapidfuzz import process

    def similarity(a: list[str], b: list[str]) -> list[list[float]]:
        processor = lambda text: " ".join(text.lower().split())  # noqa: E731
        return (process.cdist(a, b, scorer=scorer, processor=processor) / 100.0).tolist()

    return similarity


def methods() -> dict[str, Callable]:
    from rapidfuzz import fuzz

    return {
        "rapidfuzz ratio": rapidfuzz_method(fuzz.ratio),
        "rapidfuzz token_sort_ratio": rapidfuzz_method(fuzz.token_sort_ratio),
        "rapidfuzz token_set_ratio": rapidfuzz_method(fuzz.token_set_ratio),
        "tf-idf cosine (words)": tfidf_similarity,
        "tf-idf cosine (words+bigrams)": lambda a, b: tfidf_similarity(a, b, ngrams=2),
    }


NUMBERED = re.compile(r"^(?P<kind>Article|Art\.|Section|Clause|Paragraph) (?P<num>\d+|[IVXLC]+)$")
ROMAN = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for value, sym in ROMAN:
        while n >= value:
            out, n = out + sym, n - value
    return out


def perturb(doc: AgreementText, seed: int, rewrite: float = 0.35) -> tuple[AgreementText, dict[str, str | None]]:
    """A second version of ``doc`` and the truth: each old unit's new key (None: removed).

    One article removed, one moved, one retitled, one weakened ("shall" becomes "shall
    endeavour to"), two rewritten (a share ``rewrite`` of their words replaced by words of
    the agreement, and their sentences reversed); numbered articles are then renumbered in
    their new order, as a drafter would.
    """
    rng = random.Random(seed)
    order: list[str] = []
    blocks: dict[str, list[Block]] = {}
    for b in doc.blocks:
        if b.unit and not b.annex:
            if b.unit not in blocks:
                order.append(b.unit)
            blocks.setdefault(b.unit, []).append(copy.copy(b))
    head = [b for b in doc.blocks if not (b.unit and not b.annex) and doc.blocks.index(b) < _first(doc)]
    tail = [b for b in doc.blocks if not (b.unit and not b.annex) and doc.blocks.index(b) >= _first(doc)]
    vocabulary = [w for b in doc.blocks for w in b.text.split()]
    picks = rng.sample(order, k=min(6, len(order)))
    removed, moved, retitled, weakened, *rewritten = picks + [None] * (6 - len(picks))
    if retitled:
        for b in blocks[retitled]:
            new = "Miscellaneous Undertakings"
            b.text = b.text.replace(b.heading, new) if b.kind == "heading" and b.heading else b.text
            b.heading = new
    if weakened:
        for b in blocks[weakened]:
            b.text = b.text.replace(" shall ", " shall endeavour to ").replace(" will ", " will seek to ")
    for unit in rewritten:
        if unit:
            for b in blocks[unit]:
                if b.kind != "heading":
                    words = b.text.split()
                    for i in rng.sample(range(len(words)), k=int(len(words) * rewrite)):
                        words[i] = rng.choice(vocabulary)
                    b.text = " ".join(reversed(re.split(r"(?<=[.;:])\s+", " ".join(words))))
    new_order = [u for u in order if u != removed]
    if moved and moved in new_order:
        new_order.remove(moved)
        new_order.insert(rng.randrange(len(new_order) + 1), moved)
    truth: dict[str, str | None] = {u: u for u in order}
    if removed:
        truth[removed] = None
    out_blocks = list(head)
    for n, unit in enumerate(new_order, start=1):
        match = NUMBERED.match(unit)
        new_key = unit
        if match:
            number = _roman(n) if re.fullmatch(r"[IVXLC]+", match["num"]) else str(n)
            new_key = f"{match['kind']} {number}"
        truth[unit] = new_key
        for b in blocks[unit]:
            b.unit = new_key
            b.location = new_key + b.location[len(unit) :] if b.location.startswith(unit) else b.location
            if b.kind == "heading" and match:
                b.text = re.sub(rf"^{re.escape(unit.split()[0])}\s+{match['num']}\b", new_key, b.text)
            out_blocks.append(b)
    out_blocks += tail
    second = AgreementText(name=doc.name + ".v2", format=doc.format, title=doc.title, blocks=out_blocks)
    return second, truth


def _first(doc: AgreementText) -> int:
    return next((i for i, b in enumerate(doc.blocks) if b.unit and not b.annex), len(doc.blocks))


THRESHOLDS = [round(0.10 + 0.05 * k, 2) for k in range(15)]


def measure_alignment(seeds: int = 5, rewrite: float = 0.5) -> list[dict]:
    """Per method: ranking accuracy, and alignment accuracy at its best threshold, with time.

    - top-1: share of surviving articles whose most similar article in the second version
      is their true counterpart (the threshold plays no part);
    - margin: mean of (true partner's similarity - best wrong candidate's similarity);
    - accuracy: share of first-version articles paired right (or, for the removed one,
      left unmatched) by ``alignment.align``, at the threshold that suits the method best;
    - time: microseconds per article pair scored.
    """
    analyzer = default_analyzer()
    cases = []
    for path in sorted(SAMPLES.glob("*.docx")):
        first = read_path(path)
        report_a = analyzer.analyze(first)
        arts_a = split_articles(first, report_a)
        for seed in range(seeds):
            second, truth = perturb(first, seed, rewrite)
            arts_b = split_articles(second, analyzer.analyze(second))
            full = {x.key: truth.get(x.key, x.key) for x in arts_a}
            cases.append((arts_a, arts_b, full))
    results = []
    saved = alignment.MIN_SIMILARITY, alignment.MIN_SIMILARITY_SHARED
    try:
        for name, method in methods().items():
            top1 = ranked = 0
            margins = []
            elapsed = 0.0
            scored = 0
            sims_of = []
            for arts_a, arts_b, truth in cases:
                start = time.perf_counter()
                sims = method([x.text for x in arts_a], [y.text for y in arts_b])
                elapsed += time.perf_counter() - start
                scored += len(arts_a) * len(arts_b)
                sims_of.append(sims)
                index_b = {y.key: j for j, y in enumerate(arts_b)}
                for i, x in enumerate(arts_a):
                    target = truth[x.key]
                    if target is None or target not in index_b:
                        continue
                    j = index_b[target]
                    ranked += 1
                    best_wrong = max((s for k, s in enumerate(sims[i]) if k != j), default=0.0)
                    top1 += sims[i][j] > best_wrong
                    margins.append(sims[i][j] - best_wrong)
            for use_protections in (False, True):
                best = (-1.0, 0.0, 0)
                for threshold in THRESHOLDS:
                    alignment.MIN_SIMILARITY = threshold
                    alignment.MIN_SIMILARITY_SHARED = max(0.05, threshold - 0.15)
                    right = total = wrong = 0
                    for (arts_a, arts_b, truth), sims in zip(cases, sims_of, strict=True):
                        pairs, _, _ = alignment.align(
                            arts_a, arts_b, lambda a, b, s=sims: s, use_protections=use_protections
                        )
                        got = {p.a: p.b for p in pairs}
                        for x in arts_a:
                            total += 1
                            right += got.get(x.key) == truth[x.key]
                            wrong += got.get(x.key) not in (None, truth[x.key])
                    if right / total > best[0]:
                        best = (right / total, threshold, wrong)
                results.append(
                    {
                        "method": name,
                        "protections": use_protections,
                        "top1": round(top1 / ranked, 4),
                        "margin": round(sum(margins) / len(margins), 3),
                        "accuracy": round(best[0], 4),
                        "threshold": best[1],
                        "wrong_pairs": best[2],
                        "articles": sum(len(c[0]) for c in cases),
                        "us_per_pair": round(elapsed / scored * 1e6, 2),
                    }
                )
    finally:
        alignment.MIN_SIMILARITY, alignment.MIN_SIMILARITY_SHARED = saved
    return results


def label_units(path: Path, doc: AgreementText) -> dict[str, set[str]]:
    """Article keys of a sample to the protections its reviewer's labels locate there."""
    import yaml

    from blma.comparison.articles import block_key

    labels = yaml.safe_load(path.with_suffix("").with_suffix(".labels.yaml").read_text(encoding="utf-8"))
    by_location = {b.location: block_key(b) for b in doc.blocks}
    found: dict[str, set[str]] = {}
    for pid, label in labels["protections"].items():
        for location in (label.get("location") or "").split(";"):
            key = by_location.get(location.strip())
            if key and label["status"] != "missing":
                found.setdefault(key, set()).add(pid)
    return found


def measure_cross(use_protections: bool = True) -> list[dict]:
    """The hard case: articles of two *different* agreements that the labels say cover the
    same protection, worded independently. Per method: the share of such articles whose
    most similar article in the other agreement covers the same protection (top-1), and
    the share that ``align`` pairs with one (recall) at the method's threshold.
    """
    analyzer = default_analyzer()
    docs = []
    for path in sorted(SAMPLES.glob("*.docx")):
        if not path.with_suffix("").with_suffix(".labels.yaml").exists():
            continue
        doc = read_path(path)
        docs.append((split_articles(doc, analyzer.analyze(doc)), label_units(path, doc)))
    thresholds = {"tf-idf cosine (words)": 0.2, "tf-idf cosine (words+bigrams)": 0.1}
    results = []
    saved = alignment.MIN_SIMILARITY, alignment.MIN_SIMILARITY_SHARED
    try:
        for name, method in methods().items():
            alignment.MIN_SIMILARITY = thresholds.get(name, 0.45)
            alignment.MIN_SIMILARITY_SHARED = max(0.05, alignment.MIN_SIMILARITY - 0.15)
            top1 = recall = total = 0
            for x in range(len(docs)):
                for y in range(len(docs)):
                    if x == y:
                        continue
                    (arts_a, units_a), (arts_b, units_b) = docs[x], docs[y]
                    sims = method([a.text for a in arts_a], [b.text for b in arts_b])
                    pairs, _, _ = alignment.align(arts_a, arts_b, lambda a, b, s=sims: s, use_protections=use_protections)
                    got = {p.a: p.b for p in pairs}
                    for i, art in enumerate(arts_a):
                        mine = units_a.get(art.key, set())
                        partners = {k for k, pids in units_b.items() if pids & mine}
                        if not mine or not partners:
                            continue
                        total += 1
                        best = max(range(len(arts_b)), key=lambda j, i=i: sims[i][j])
                        top1 += arts_b[best].key in partners
                        recall += got.get(art.key) in partners
            results.append({"method": name, "protections": use_protections, "top1": round(top1 / total, 4),
                            "recall": round(recall / total, 4), "articles": total})
    finally:
        alignment.MIN_SIMILARITY, alignment.MIN_SIMILARITY_SHARED = saved
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="measure the alignment methods too")
    args = parser.parse_args(argv)
    print("compare, two 40-page agreements:", bench_compare())
    if args.measure:
        for rewrite in (0.35, 0.6):
            print(f"rewritten articles: {rewrite:.0%} of their words replaced")
            for row in measure_alignment(rewrite=rewrite):
                print(" ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
