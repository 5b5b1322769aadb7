"""Check the labels of this set: all 34 rubric ids once, in order, valid values, full coverage."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
RUBRIC = HERE.parents[1] / "clauses" / "guidance.yaml"
STATUSES = {"present", "partial", "missing", "contrary"}
TRAPS = {
    "modality", "national_law", "non_binding", "qualifier", "layout", "false_friend",
    "paraphrase", "annex_mandatory", "annex_indicative", "negation", "recital",
}


def main() -> None:
    ids = [p["id"] for p in yaml.safe_load(RUBRIC.read_text())["protections"]]
    coverage = {pid: Counter() for pid in ids}
    totals: Counter = Counter()
    for path in sorted(HERE.glob("*.labels.yaml")):
        raw = path.read_text()
        keys = re.findall(r"^  (\w+):", raw, re.M)
        assert keys == ids, f"{path.name}: ids missing, repeated or out of order"
        data = yaml.safe_load(raw)
        assert (HERE / data["file"]).exists(), f"{path.name}: no file {data['file']}"
        for pid, label in data["protections"].items():
            assert label["status"] in STATUSES, f"{path.name}: {pid} status"
            assert (label["location"] is None) == (label["status"] == "missing"), f"{path.name}: {pid}"
            assert label.get("trap", "modality") in TRAPS, f"{path.name}: {pid} trap"
            coverage[pid][label["status"]] += 1
            totals[label["status"]] += 1
    gaps = [pid for pid, c in coverage.items() if not (c["present"] and c["partial"] and c["missing"])]
    assert not gaps, f"not present, partial and missing somewhere: {gaps}"
    print("ok", dict(totals))


if __name__ == "__main__":
    main()
