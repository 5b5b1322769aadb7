"""Calibrate the findings' confidence on the labelled development sets.

Usage: python scripts/calibrate_confidence.py [--write | --check]
For every finding on every development set of corpus/sets.yaml (never a hold-out), puts it in
its bucket (blma.analysis.confidence.bucket) and counts how often the tool's status equals the
label; writes blma/analysis/confidence.yaml with each bucket's Laplace-smoothed share.
``--check`` exits 1 when the committed table is not what the development sets give today (the
rules, the model or the labels changed since it was written).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import yaml

from blma.analysis import default_analyzer
from blma.analysis.confidence import TABLE, finding_bucket
from blma.evaluation.sets import load_manifest, open_set
from blma.reading import read_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help=f"write {TABLE.name}")
    action.add_argument("--check", action="store_true", help=f"exit 1 if {TABLE.name} is stale")
    args = parser.parse_args()
    analyzer = default_analyzer()
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    manifest, root = load_manifest()
    for spec in manifest.sets:
        if spec.role != "development":  # never a hold-out
            continue
        for item in open_set(spec, root).labels:
            report = analyzer.analyze(read_path(item.path))
            for finding in report.protections:
                key = finding_bucket(finding)
                seen[key] += 1
                right[key] += item.statuses[finding.id] == finding.status
    buckets = {
        key: {"confidence": round((right[key] + 1) / (seen[key] + 2), 2), "right": right[key], "findings": seen[key]}
        for key in sorted(seen)
    }
    for key, value in buckets.items():
        print(f"{key:32} {value['findings']:5} {value['confidence']:.2f}")
    if args.check:
        committed = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["buckets"]
        if committed != buckets:
            print(f"{TABLE}: stale; run python scripts/calibrate_confidence.py --write", file=sys.stderr)
            return 1
        print(f"{TABLE}: up to date")
    if args.write:
        header = (
            "# Written by scripts/calibrate_confidence.py from the development sets of corpus/sets.yaml:\n"
            "# per bucket, the share of findings whose status equalled the label (Laplace-smoothed).\n"
        )
        TABLE.write_text(header + yaml.safe_dump({"buckets": buckets}, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
