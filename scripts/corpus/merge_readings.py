"""Merge two independent readings of each real text into adjudicated labels, and measure agreement.

Inputs: ``corpus/real/labels/readings/reader_a/<slug>.yaml`` and ``reader_b/<slug>.yaml`` (each
reader's status, location and note for all 34 protections, made without seeing the other's),
and ``corpus/real/labels/adjudication/<slug>.yaml`` (the adjudicator's status and reason for
every protection on which the readers differ). Output: ``corpus/real/labels/<slug>.labels.yaml``
in the format of every labelled set (see blma/analysis/scoring.py), keeping both readings, and
the agreement figures (share and Cohen's kappa, overall and per part of the split) printed and
written to ``corpus/real/labels/agreement.yaml``. A text is merged only when both readings exist
and every disagreement is adjudicated.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LABELS = CORPUS / "real" / "labels"  # --corpus real_fr reads corpus/real_fr/labels
STATUSES = ("present", "partial", "missing", "contrary")


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Agreement beyond chance between two readers over the same items."""
    if not pairs:
        return float("nan")
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[s] * second[s] for s in STATUSES) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def merge(slug: str, labels: Path = LABELS) -> tuple[dict | None, list[tuple[str, str]], list[str]]:
    """The merged label data (None while incomplete), the reading pairs, and what is missing."""
    a = _read(labels / "readings" / "reader_a" / f"{slug}.yaml").get("protections", {})
    b = _read(labels / "readings" / "reader_b" / f"{slug}.yaml").get("protections", {})
    if not a or not b:
        return None, [], ["a reading"]
    decisions = _read(labels / "adjudication" / f"{slug}.yaml") or {}
    pairs, protections, missing = [], {}, []
    for pid, first in a.items():
        second = b[pid]
        pairs.append((first["status"], second["status"]))
        entry = {
            "status": first["status"],
            "location": first.get("location") or second.get("location"),
            "note": first.get("note", ""),
            "readers": [first["status"], second["status"]],
        }
        if first["status"] != second["status"]:
            decision = decisions.get(pid)
            if not decision:
                missing.append(pid)
                continue
            chosen = first if decision["status"] == first["status"] else second
            entry.update(
                status=decision["status"],
                # a protection decided missing has no location, whoever cited one
                location=None
                if decision["status"] == "missing"
                else chosen.get("location") or first.get("location") or second.get("location"),
                note=decision.get("note", ""),
                adjudicated=True,
            )
        protections[pid] = entry
    if missing:
        return None, pairs, missing
    return {"file": f"../texts/{slug}.md", "protections": protections}, pairs, []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="real", help="folder under corpus/ (real, real_fr)")
    parser.add_argument("--report", action="store_true", help="list the disagreements still to adjudicate")
    args = parser.parse_args(argv)
    labels = CORPUS / args.corpus / "labels"
    split = yaml.safe_load((labels.parent / "split.yaml").read_text(encoding="utf-8"))
    part_of = {
        slug: part
        for part, slugs in split.items()
        if part in ("development", "holdout")
        for slug in slugs
    }
    pairs_by_part: dict[str, list[tuple[str, str]]] = {"development": [], "holdout": []}
    merged = 0
    for slug in sorted(part_of):
        data, pairs, missing = merge(slug, labels)
        if args.report and missing:
            print(f"{slug}: {', '.join(missing)}")
        pairs_by_part[part_of[slug]] += pairs
        target = labels / f"{slug}.labels.yaml"
        if data is None:
            if pairs:
                print(f"{slug}: not merged, {len(missing)} disagreement(s) not adjudicated", file=sys.stderr)
            continue
        header = "# Adjudicated labels: two independent readings; see scripts/corpus/merge_readings.py\n"
        target.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        merged += 1
    figures = {}
    for part, pairs in [*pairs_by_part.items(), ("all", [p for ps in pairs_by_part.values() for p in ps])]:
        if pairs:
            share = sum(a == b for a, b in pairs) / len(pairs)
            figures[part] = {"pairs": len(pairs), "agreement": round(share, 3), "kappa": round(cohen_kappa(pairs), 3)}
    (labels / "agreement.yaml").write_text(yaml.safe_dump(figures, sort_keys=False), encoding="utf-8")
    print(f"merged {merged} text(s); agreement {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
