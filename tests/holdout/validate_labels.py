"""Structural check of the hold-out labels (not a test of the analyzer).

Run:  python tests/holdout/validate_labels.py
Checks every *.labels.yaml next to this file: the agreement file exists, all 34
protection ids are present in the canonical order, statuses and traps are valid,
missing items have no location, other items have one, and every phrase quoted
with single quotes in a note actually occurs in the agreement text.
Prints counts per status and per trap.
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

IDS = [
    "no_worker_fees", "recruitment_regulation", "written_contract", "equal_treatment",
    "wage_protection", "working_time_rest", "occupational_safety_health", "health_care",
    "social_security_portability", "accommodation", "identity_documents", "employer_change",
    "migration_status", "freedom_of_association", "access_to_justice", "labour_inspection",
    "skills_recognition", "pre_departure_orientation", "remittances", "family_reunification",
    "return_reintegration", "gender_responsive", "forced_labour_trafficking", "data_protection",
    "contract_termination", "consular_assistance",
    "joint_committee", "monitoring_review", "social_dialogue", "information_exchange",
    "dispute_settlement", "duration_termination", "transparency", "non_regression",
]
STATUSES = {"present", "partial", "missing", "contrary"}
TRAPS = {"paraphrase", "modality", "negation", "false_friend", "national_law",
         "annex_mandatory", "annex_indicative"}
TOP_KEYS = {"file", "title", "instrument", "sectors", "parties", "protections"}


def norm(s):
    return re.sub(r"\s+", " ", s.replace("*", "")).lower()


def main():
    errors = []
    status_total, trap_total = Counter(), Counter()
    files = sorted(HERE.glob("*.labels.yaml"))
    for lf in files:
        data = yaml.safe_load(lf.read_text(encoding="utf-8"))
        name = lf.name
        if set(data) != TOP_KEYS:
            errors.append(f"{name}: top-level keys {sorted(data)}")
        doc = HERE / data["file"]
        if not doc.exists():
            errors.append(f"{name}: agreement file {data['file']} not found")
            continue
        if data["instrument"] not in {"agreement", "mou"}:
            errors.append(f"{name}: bad instrument {data['instrument']}")
        if set(data["parties"]) != {"origin", "destination"}:
            errors.append(f"{name}: bad parties")
        text = norm(doc.read_text(encoding="utf-8"))
        prots = data["protections"]
        if list(prots) != IDS:
            errors.append(f"{name}: ids/order differ: missing={set(IDS) - set(prots)} "
                          f"extra={set(prots) - set(IDS)}")
        counts = Counter()
        for pid, lab in prots.items():
            st = lab.get("status")
            if st not in STATUSES:
                errors.append(f"{name}:{pid}: bad status {st}")
            counts[st] += 1
            trap = lab.get("trap")
            if trap is not None:
                if trap not in TRAPS:
                    errors.append(f"{name}:{pid}: bad trap {trap}")
                trap_total[trap] += 1
            loc = lab.get("location")
            if st == "missing" and loc is not None:
                errors.append(f"{name}:{pid}: missing but has location")
            if st != "missing" and not loc:
                errors.append(f"{name}:{pid}: {st} without location")
            if not lab.get("note"):
                errors.append(f"{name}:{pid}: no note")
            extra = set(lab) - {"status", "location", "trap", "note"}
            if extra:
                errors.append(f"{name}:{pid}: unexpected keys {extra}")
            for quote in re.findall(r"(?:^|(?<=[\s(]))'(.{6,}?)'(?=[\s,;.:)]|$)", lab.get("note", "")):
                q = norm(quote).replace("...", "\x00")
                parts = [p.strip() for p in q.split("\x00") if p.strip()]
                if not all(p in text for p in parts):
                    errors.append(f"{name}:{pid}: quoted text not in agreement: '{quote}'")
        status_total.update(counts)
        print(f"{data['file']:45s} " + " ".join(f"{s}={counts[s]:2d}" for s in
                                                 ("present", "partial", "missing", "contrary")))
    n = sum(status_total.values())
    print(f"\n{len(files)} agreements, {n} labels")
    for s in ("present", "partial", "missing", "contrary"):
        print(f"  {s:9s} {status_total[s]:4d}  ({100 * status_total[s] / n:.1f}%)")
    print("traps:")
    for t, c in sorted(trap_total.items(), key=lambda x: -x[1]):
        print(f"  {t:17s} {c:4d}")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
