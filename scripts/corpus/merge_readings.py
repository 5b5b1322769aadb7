"""Merge two independent readings of each text into adjudicated labels, and measure agreement.

Inputs, for each text: reader A's and reader B's reading (status, location and note for all 34
protections, made without seeing the other's) and the adjudicator's decision, with a reason, on
every protection where the readers differ; a decision that names a label ``policy`` (settled
after the readings and written down in the corpus README) also applies where they agree.
Output: ``<slug>.labels.yaml`` in the format of every labelled set (see
blma/analysis/scoring.py), keeping both readings' statuses, and the agreement
figures (share and Cohen's kappa, per part and overall), printed and written to ``agreement.yaml``.
A text is merged only when both readings exist and every disagreement is adjudicated.

Two layouts:

- a real corpus split (``--corpus real``, ``--corpus real_fr``): readings in
  ``corpus/<name>/labels/readings/reader_a|reader_b/<slug>.yaml``, decisions in
  ``labels/adjudication/<slug>.yaml``, labels and ``agreement.yaml`` in ``labels/``; the texts
  and parts are those of ``corpus/<name>/split.yaml``;
- folders of agreements with their labels beside them (``--folder corpus/synthetic_dev_es
  --readings corpus/readings_es``): each folder is a part, its agreement files (.md, .txt, .docx)
  are the texts, readings are in ``<readings>/reader_a|reader_b/<folder>/<slug>.yaml``, decisions
  in ``<readings>/adjudication/<folder>/<slug>.yaml``, labels go next to the agreements and the
  figures to ``<readings>/agreement.yaml``. Reader A's other fields (title, language, a
  protection's ``trap``...) are kept; a decision may replace such a field (null removes it).

``--readings``, ``--adjudication``, ``--output`` and ``--agreement`` move any of these places.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LABELS = CORPUS / "real" / "labels"  # --corpus real_fr reads corpus/real_fr/labels
STATUSES = ("present", "partial", "missing", "contrary")
SPLIT_PARTS = ("development", "holdout")
AGREEMENT_SUFFIXES = (".md", ".txt", ".docx")
READING_FIELDS = ("status", "location", "note")
HEADER = "# Adjudicated labels: two independent readings; see scripts/corpus/merge_readings.py\n"


@dataclass(frozen=True)
class Text:
    """One text to merge: where its readings and decisions are, and where its labels go."""

    slug: str
    part: str
    file: str  # the labels' `file`: the agreement, relative to the labels file
    reading_a: Path
    reading_b: Path
    adjudication: Path
    target: Path


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


def _extras(fields: dict) -> dict:
    """Fields beyond status, location and note (a writer's `trap`), kept as they are."""
    return {key: value for key, value in fields.items() if key not in READING_FIELDS}


def merge(text: Text) -> tuple[dict | None, list[tuple[str, str]], list[str]]:
    """The merged label data (None while incomplete), the reading pairs, and what is missing."""
    reading_a = _read(text.reading_a)
    a = reading_a.get("protections", {})
    b = _read(text.reading_b).get("protections", {})
    if not a or not b:
        return None, [], ["a reading"]
    if set(a) != set(b):
        return None, [], ["the same protections in both readings"]
    decisions = _read(text.adjudication) or {}
    pairs, protections, missing = [], {}, []
    for pid, first in a.items():
        second = b[pid]
        pairs.append((first["status"], second["status"]))
        entry = {
            "status": first["status"],
            "location": first.get("location") or second.get("location"),
            **_extras(first),
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
                **{
                    key: value
                    for key, value in _extras(decision).items()
                    if key in entry or value is not None
                },
                note=decision.get("note", ""),
                adjudicated=True,
            )
            entry = {key: value for key, value in entry.items() if key in READING_FIELDS or value is not None}
        elif (decision := decisions.get(pid)) and decision.get("policy"):
            # the readers agree, but a label policy settled later overrules them (named, with
            # a reason; the agreement figures keep the readers' own statuses)
            entry.update(
                status=decision["status"],
                location=None if decision["status"] == "missing" else decision.get("location") or entry["location"],
                note=decision.get("note", ""),
                policy=decision["policy"],
            )
        protections[pid] = entry
    if missing:
        return None, pairs, missing
    kept = {key: value for key, value in reading_a.items() if key not in ("file", "reader", "protections")}
    return {"file": text.file, **kept, "protections": protections}, pairs, []


def split_texts(
    corpus: Path, readings: Path | None, adjudication: Path | None, output: Path | None
) -> list[Text]:
    """The texts of a real corpus's split, parts as the split names them."""
    labels = corpus / "labels"
    readings, adjudication = readings or labels / "readings", adjudication or labels / "adjudication"
    split = yaml.safe_load((corpus / "split.yaml").read_text(encoding="utf-8"))
    part_of = {slug: part for part, slugs in split.items() if part in SPLIT_PARTS for slug in slugs}
    return [
        Text(
            slug=slug,
            part=part_of[slug],
            file=f"../texts/{slug}.md",
            reading_a=readings / "reader_a" / f"{slug}.yaml",
            reading_b=readings / "reader_b" / f"{slug}.yaml",
            adjudication=adjudication / f"{slug}.yaml",
            target=(output or labels) / f"{slug}.labels.yaml",
        )
        for slug in sorted(part_of)
    ]


def folder_texts(folder: Path, readings: Path, adjudication: Path | None, output: Path | None) -> list[Text]:
    """The agreements of a folder whose labels sit beside them; the folder is one part."""
    agreements = sorted(
        path
        for path in folder.iterdir()
        if path.suffix in AGREEMENT_SUFFIXES and path.name != "README.md" and path.is_file()
    )
    return [
        Text(
            slug=path.stem,
            part=folder.name,
            file=path.name,
            reading_a=readings / "reader_a" / folder.name / f"{path.stem}.yaml",
            reading_b=readings / "reader_b" / folder.name / f"{path.stem}.yaml",
            adjudication=(adjudication or readings / "adjudication") / folder.name / f"{path.stem}.yaml",
            target=(output / folder.name if output else folder) / f"{path.stem}.labels.yaml",
        )
        for path in agreements
    ]


def agreement_figures(pairs_by_part: dict[str, list[tuple[str, str]]]) -> dict:
    figures = {}
    for part, pairs in [*pairs_by_part.items(), ("all", [p for ps in pairs_by_part.values() for p in ps])]:
        if pairs:
            share = sum(a == b for a, b in pairs) / len(pairs)
            figures[part] = {
                "pairs": len(pairs),
                "agreement": round(share, 3),
                "kappa": round(cohen_kappa(pairs), 3),
            }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", help="folder under corpus/ with a split (real, real_fr); the default is real"
    )
    parser.add_argument(
        "--folder", type=Path, action="append", help="a folder of agreements to merge instead (repeatable)"
    )
    parser.add_argument("--readings", type=Path, help="the folder holding reader_a/ and reader_b/")
    parser.add_argument("--adjudication", type=Path, help="the folder of the adjudicator's decisions")
    parser.add_argument("--output", type=Path, help="where the labels go (with --folder: one subfolder each)")
    parser.add_argument("--agreement", type=Path, help="where the agreement figures go")
    parser.add_argument("--report", action="store_true", help="list the disagreements still to adjudicate")
    args = parser.parse_args(argv)
    if args.folder:
        if args.corpus:
            parser.error("give --corpus or --folder, not both")
        if not args.readings or not args.readings.is_dir():
            parser.error("--folder needs --readings, an existing folder holding reader_a/ and reader_b/")
        absent = [str(folder) for folder in args.folder if not folder.is_dir()]
        if absent:
            parser.error(f"no such folder: {', '.join(absent)}")
        texts = [
            text
            for folder in args.folder
            for text in folder_texts(folder, args.readings, args.adjudication, args.output)
        ]
        parts = [folder.name for folder in args.folder]
        agreement = args.agreement or args.readings / "agreement.yaml"
    else:
        corpus = CORPUS / (args.corpus or "real")
        if not (corpus / "split.yaml").is_file():
            parser.error(f"corpus/{args.corpus} has no split.yaml")
        texts = split_texts(corpus, args.readings, args.adjudication, args.output)
        parts = list(SPLIT_PARTS)
        agreement = args.agreement or (args.output or corpus / "labels") / "agreement.yaml"
    pairs_by_part: dict[str, list[tuple[str, str]]] = {part: [] for part in parts}
    merged = 0
    for text in texts:
        data, pairs, missing = merge(text)
        if args.report and missing:
            print(f"{text.slug}: {', '.join(missing)}")
        pairs_by_part[text.part] += pairs
        if data is None:
            if pairs:
                print(
                    f"{text.slug}: not merged, {len(missing)} disagreement(s) not adjudicated",
                    file=sys.stderr,
                )
            continue
        text.target.parent.mkdir(parents=True, exist_ok=True)
        text.target.write_text(
            HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        merged += 1
    figures = agreement_figures(pairs_by_part)
    agreement.write_text(yaml.safe_dump(figures, sort_keys=False), encoding="utf-8")
    print(f"merged {merged} text(s); agreement {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
