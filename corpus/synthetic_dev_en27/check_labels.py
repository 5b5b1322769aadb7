"""Check this set's labels files and print status, trap and word counts (run from the repository root)."""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from docx import Document

FOLDER = Path(__file__).resolve().parent
RUBRIC = FOLDER.parent.parent / "clauses" / "guidance.yaml"
STATUSES = {"present", "partial", "missing", "contrary"}
TRAPS = {"modality", "false_friend", "national_law", "qualifier", "negation", "paraphrase", "layout"}
WRITER = "dev-en27-writer"


def words(path: Path) -> int:
    """Words and figures of the text, tables included, markup excluded."""
    if path.suffix == ".docx":
        doc = Document(str(path))
        chunks = [p.text for p in doc.paragraphs]
        chunks += [c.text for t in doc.tables for r in t.rows for c in r.cells]
        text = "\n".join(chunks)
    else:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^\|?[-| ]+\|?$", " ", text, flags=re.M)  # markdown table rules
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'.,/()-]*", text))


def main() -> int:
    ids = [p["id"] for p in yaml.safe_load(RUBRIC.read_text())["protections"]]
    errors, totals, traps = [], Counter(), Counter()
    for lab in sorted(FOLDER.glob("*.labels.yaml")):
        data = yaml.safe_load(lab.read_text())
        target = FOLDER / data.get("file", "")
        if not data.get("file") or not target.is_file():
            errors.append(f"{lab.name}: file missing")
        if target.stem != lab.name.removesuffix(".labels.yaml"):
            errors.append(f"{lab.name}: stem differs from file")
        if data.get("writer") != WRITER:
            errors.append(f"{lab.name}: writer")
        prot = data.get("protections") or {}
        if list(prot) != ids:
            errors.append(f"{lab.name}: ids not the 34 rubric ids in order")
        counts = Counter()
        for pid, entry in prot.items():
            st, loc, note = entry.get("status"), entry.get("location"), entry.get("note")
            if st not in STATUSES:
                errors.append(f"{lab.name}:{pid}: status {st}")
            if (st == "missing") != (loc is None):
                errors.append(f"{lab.name}:{pid}: location rule")
            if not note:
                errors.append(f"{lab.name}:{pid}: no note")
            if "trap" in entry:
                if entry["trap"] not in TRAPS:
                    errors.append(f"{lab.name}:{pid}: trap {entry['trap']}")
                traps[entry["trap"]] += 1
            if set(entry) - {"status", "location", "note", "trap"}:
                errors.append(f"{lab.name}:{pid}: extra keys")
            counts[st] += 1
        totals.update(counts)
        print(f"{data.get('file')}: words {words(target)}; " + ", ".join(f"{s} {counts[s]}" for s in ("present", "partial", "missing", "contrary")))
    print("TOTAL:", ", ".join(f"{s} {totals[s]}" for s in ("present", "partial", "missing", "contrary")), f"({sum(totals.values())} labels)")
    print("TRAPS:", dict(traps.most_common()))
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
