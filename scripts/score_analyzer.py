"""Score the gap analyzer on labelled agreement folders.

Usage: python scripts/score_analyzer.py [FOLDER ...] [--errors]
(default folder: sample_agreements/). Prints the four figures of blma.analysis.scoring,
per folder and overall; --errors lists every wrong (agreement, protection) pair.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from blma.analysis import default_analyzer
from blma.analysis.scoring import Pair, load_labels, score
from blma.reading import read_path


def collect(folder: Path) -> list[Pair]:
    analyzer = default_analyzer()
    pairs: list[Pair] = []
    for labels in load_labels(folder):
        report = analyzer.analyze(read_path(labels.path))
        predicted = report.statuses()
        pairs += [(labels.path.name, pid, truth, predicted[pid]) for pid, truth in labels.statuses.items()]
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("sample_agreements")])
    parser.add_argument("--errors", action="store_true", help="list the wrong pairs")
    args = parser.parse_args()
    everything: list[Pair] = []
    for folder in args.folders:
        pairs = collect(folder)
        everything += pairs
        print(f"{folder}: {score(pairs).line()}")
        if args.errors:
            for name, pid, truth, pred in pairs:
                if truth != pred:
                    print(f"  {name:45} {pid:28} labelled {truth:9} found {pred}")
    if len(args.folders) > 1:
        print(f"overall: {score(everything).line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
