"""Count the analyzer's findings on treaties about something else: a label-free probe of false alarms.

The Dutch treaty database mirror (``statengeneraal/laws-markdown``) holds some three thousand
treaties, most of them on aviation, taxation, customs, trade, finance or host-country matters. A
finding that such a text works *against workers* is almost always a false alarm, and a
worker-protection topic found in it is mostly a word taken at face value ("inspection fees" of
aircraft read as labour inspection, a tax treaty's "remuneration paid by an employer" as wage
protection). This script extracts the English text of a seeded random sample of them (never one
of the corpus's own texts, never a text reserved for independent measurement: the extractor
refuses those), analyses each, and prints per status the cues that fired most, with an example.

Nothing is written to the repository: the texts go to a temporary folder (or ``--texts``). The
texts are unlabelled and are not a test set; they show where a cue reads too much, and a fix is
kept only when no labelled development pair is lost.

    python scripts/false_alarms.py /path/to/laws-markdown          # 400 treaties, seed 19
    python scripts/false_alarms.py MIRROR --count 200 --status contrary --examples 3
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "corpus"))
import extract_laws_markdown as laws  # noqa: E402

CORPORA = (ROOT / "corpus" / "real" / "sources.yaml", ROOT / "corpus" / "real_fr" / "sources.yaml")
MIN_WORDS, MAX_WORDS = 600, 30_000


def corpus_ids() -> set[str]:
    """The BWBV ids of every text already in a corpus."""
    return {source.bwbv for path in CORPORA if path.is_file() for source in laws.parse_sources(path)}


def extract_sample(mirror: Path, count: int, seed: int, folder: Path) -> list[Path]:
    """English texts of ``count`` treaties outside the corpora, drawn in a seeded order."""
    paths = laws.find_paths(mirror)  # reserved ids are left out here already
    ids = sorted(set(paths) - corpus_ids() - laws.RESERVED_IDS)
    random.Random(seed).shuffle(ids)
    written: list[Path] = []
    with subprocess.Popen(
        ["git", "-C", str(mirror), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as cat:
        assert cat.stdin is not None and cat.stdout is not None
        for bwbv in ids:
            if len(written) >= count:
                break
            cat.stdin.write(f"HEAD:{paths[bwbv]}\n".encode())
            cat.stdin.flush()
            header = cat.stdout.readline().split()
            if len(header) < 3:  # "missing"
                continue
            raw = cat.stdout.read(int(header[2])).decode("utf-8", "replace")
            cat.stdout.read(1)
            text = laws.extract(raw, laws.Source(slug=bwbv, bwbv=bwbv))
            if MIN_WORDS <= laws.word_count(text) <= MAX_WORDS:  # English, and one text not a code
                path = folder / f"{bwbv}.md"
                path.write_text(text, encoding="utf-8")
                written.append(path)
        cat.stdin.close()
    return written


def findings(path: Path) -> list[dict]:
    """Every protection the analyzer finds addressed in one text, with the cue of its first evidence."""
    from blma.api import analyze_path
    from blma.errors import BlmaError

    try:
        report = analyze_path(path)
    except BlmaError:
        return []
    rows = []
    for finding in report.protections:
        if finding.status == "missing":
            continue
        evidence = [e for e in finding.evidence if e.kind == "contrary"] or list(finding.evidence)
        first = evidence[0] if evidence else None
        rows.append(
            {
                "text": path.stem,
                "protection": finding.id,
                "status": finding.status,
                "cue": first.cue if first is not None and first.cue else f"{finding.id}/?",
                "sentence": first.text if first is not None else "",
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirror", type=Path, help="the laws-markdown repository (bare or not)")
    parser.add_argument("--count", type=int, default=400, help="treaties to analyse (default 400)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--texts", type=Path, help="keep the extracted texts in this folder")
    parser.add_argument("--status", nargs="*", default=["contrary", "present", "partial"])
    parser.add_argument("--top", type=int, default=15, help="cues listed per status")
    parser.add_argument("--examples", type=int, default=1, help="sentences shown per cue")
    parser.add_argument("--json", type=Path, help="write every finding as JSON lines")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.texts or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        texts = extract_sample(args.mirror, args.count, args.seed, folder)
        with ProcessPoolExecutor(args.jobs) as pool:
            rows = [row for found in pool.map(findings, texts, chunksize=4) for row in found]
    if args.json:
        args.json.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")

    print(f"{len(texts)} treaties outside the corpus (seed {args.seed}), {len(rows)} findings")
    for status in args.status:
        chosen = [row for row in rows if row["status"] == status]
        by_cue: dict[str, list[dict]] = defaultdict(list)
        for row in chosen:
            by_cue[row["cue"]].append(row)
        texts_hit = len({row["text"] for row in chosen})
        print(f"\n{status}: {len(chosen)} findings in {texts_hit} treaties")
        for cue, count in Counter({cue: len(found) for cue, found in by_cue.items()}).most_common(args.top):
            print(f"  {count:4}  {cue}")
            for row in by_cue[cue][: args.examples]:
                print(f"        {row['text']}: {row['sentence'][:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
