"""Check the labels of this hold-out: every file has all 34 rubric ids exactly once,
in rubric order, with valid statuses and traps, and print status and trap totals.

Run:  /work/main/.venv/bin/python corpus/synthetic_holdout2/check_labels.py
"""
import collections
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
RUBRIC = HERE.parents[1] / "clauses" / "guidance.yaml"
IDS = [p["id"] for p in yaml.safe_load(RUBRIC.read_text(encoding="utf-8"))["protections"]]
STATUSES = ("present", "partial", "missing", "contrary")
TRAPS = {"modality", "national_law", "non_binding", "qualifier", "layout", "false_friend",
         "paraphrase", "annex_mandatory", "annex_indicative", "negation", "recital"}

per_id = collections.defaultdict(collections.Counter)
total = collections.Counter()
traps = collections.Counter()
for path in sorted(HERE.glob("*.labels.yaml")):
    raw = path.read_text(encoding="utf-8")
    keys = re.findall(r"^  (\w+):", raw, re.M)  # raw scan: YAML loading would hide duplicates
    assert len(IDS) == 34 and keys == IDS, f"{path.name}: ids missing, duplicated or out of order"
    data = yaml.safe_load(raw)
    assert (HERE / data["file"]).exists(), f"{path.name}: {data['file']} not found"
    counts = collections.Counter()
    for pid, lab in data["protections"].items():
        assert lab["status"] in STATUSES, (path.name, pid)
        assert (lab["location"] is None) == (lab["status"] == "missing"), (path.name, pid)
        assert lab.get("note"), (path.name, pid)
        if "trap" in lab:
            assert lab["trap"] in TRAPS, (path.name, pid, lab["trap"])
            traps[lab["trap"]] += 1
        counts[lab["status"]] += 1
        per_id[pid][lab["status"]] += 1
    total += counts
    print(f"{data['file']:58s} " + "  ".join(f"{s}={counts[s]}" for s in STATUSES))
print("total".ljust(58), " ".join(f"{s}={total[s]}" for s in STATUSES))
lacking = [p for p in IDS if not all(per_id[p][s] for s in ("present", "partial", "missing"))]
print("ids lacking a present, partial or missing somewhere:", lacking or "none")
print("traps:", dict(sorted(traps.items())), "total", sum(traps.values()))
