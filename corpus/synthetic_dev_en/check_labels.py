"""Check the labels of this set: every file has all 34 rubric ids exactly once,
valid statuses and traps, a location unless missing; print totals and coverage.

Usage: /work/main/.venv/bin/python corpus/synthetic_dev_en/check_labels.py
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
RUBRIC = HERE.parents[1] / "clauses" / "guidance.yaml"
STATUSES = ("present", "partial", "missing", "contrary")
TRAPS = {"modality", "national_law", "non_binding", "qualifier", "layout", "false_friend",
         "paraphrase", "annex_mandatory", "annex_indicative", "negation", "recital"}

ids = [p["id"] for p in yaml.safe_load(RUBRIC.read_text(encoding="utf-8"))["protections"]]
assert len(ids) == 34
ok = True
per_id = {i: Counter() for i in ids}
totals, traps = Counter(), Counter()
for path in sorted(HERE.glob("*.labels.yaml")):
    text = path.read_text(encoding="utf-8")
    keys = re.findall(r"^  ([a-z_]+):", text, flags=re.M)
    dupes = [k for k, n in Counter(keys).items() if n > 1]
    data = yaml.safe_load(text)
    prot = data["protections"]
    problems = []
    if dupes:
        problems.append(f"duplicate ids {dupes}")
    if keys != ids:
        problems.append("ids missing, extra or out of rubric order")
    if not (HERE / data["file"]).exists():
        problems.append(f"labelled file {data['file']} not found")
    counts = Counter()
    for pid, lab in prot.items():
        st = lab["status"]
        if st not in STATUSES:
            problems.append(f"{pid}: bad status {st}")
        if (st == "missing") != (lab.get("location") is None):
            problems.append(f"{pid}: location must be null exactly when missing")
        if lab.get("trap") and lab["trap"] not in TRAPS:
            problems.append(f"{pid}: bad trap {lab['trap']}")
        if lab.get("trap"):
            traps[lab["trap"]] += 1
        counts[st] += 1
        if pid in per_id:
            per_id[pid][st] += 1
    totals.update(counts)
    print(f"{path.name}: " + ", ".join(f"{s} {counts[s]}" for s in STATUSES)
          + ("" if not problems else "  PROBLEMS: " + "; ".join(problems)))
    ok &= not problems

print("totals:", ", ".join(f"{s} {totals[s]}" for s in STATUSES))
print("traps:", ", ".join(f"{t} {n}" for t, n in sorted(traps.items())))
for pid, c in per_id.items():
    gaps = [s for s in ("present", "partial", "missing") if not c[s]]
    if gaps:
        ok = False
        print(f"coverage gap: {pid} never {gaps}")
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
