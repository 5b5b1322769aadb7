"""The guard for speed work: dump every analysis output, so a change can be shown to alter none.

For each agreement (the samples, tests/devset, tests/holdout*, the development part of the
real-text corpus, a 40-page and a 500-page agreement) it writes the full JSON report and, one
JSON line per sentence, what the pipeline left on it (modality, the provision as read, every
protection's hit); the wording cases (one small agreement each) and the comparison of two
40-page versions are dumped too. Run it before a change and after, then compare:

    python scripts/speed_audit.py /tmp/before
    python scripts/speed_audit.py /tmp/after --against /tmp/before   # exit 1 on any difference

Byte-identical dumps are the claim; the script says which files differ and stops at nothing else.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from blma.analysis import default_analyzer  # noqa: E402
from blma.analysis.analyzer import Analyzer  # noqa: E402
from blma.reading import AgreementText, read_bytes, read_path  # noqa: E402

WORDING_HEAD = "# Agreement between Arvenia and Borslav on Labour Migration\n\n## Article 1 - Provisions\n\n"
TEXT_KINDS = (".docx", ".md", ".txt")


def agreements(folder: Path) -> list[Path]:
    """The analysable files directly in ``folder`` (not labels, READMEs or scripts)."""
    return sorted(
        p for p in folder.glob("*") if p.suffix in TEXT_KINDS and p.name != "README.md" and p.is_file()
    )


def real_development() -> list[Path]:
    """The development part of the real-text corpus only: the hold-out's analyses are never opened."""
    split = yaml.safe_load((ROOT / "corpus/real/split.yaml").read_text(encoding="utf-8"))
    texts = ROOT / "corpus/real/texts"
    return [texts / f"{slug}.md" for slug in split["development"] if (texts / f"{slug}.md").exists()]


def sentence_lines(analyzer: Analyzer, doc: AgreementText) -> list[str]:
    """One JSON line per sentence: everything the pipeline decided about it."""
    doc, _ = analyzer._in_analysed_language(doc)
    lines = []
    for s in analyzer.observe(doc):
        p = s.provision
        provision = None
        if p is not None:
            provision = {
                "norm": p.norm,
                "negated": p.negated,
                "qualifier": p.qualifier,
                "qualifier_words": p.qualifier_words,
                "condition": p.condition,
                "text": p.text,
                "modal_at": list(p.modal_at),
                "bearer": p.bearer,
                "beneficiary": p.beneficiary,
            }
        hits = {
            pid: {
                "topic": h.topic,
                "weak": h.weak,
                "contrary": h.contrary,
                "reversed_contrary": h.reversed_contrary,
                "restricted": h.restricted,
                "elements": sorted(h.elements),
                "cue": h.cue,
            }
            for pid, h in s.hits.items()
        }
        lines.append(
            json.dumps(
                {
                    "location": s.block.location,
                    "sentence": s.sentence,
                    "lead_in": s.lead_in,
                    "modality": s.modality,
                    "soft_cue": s.soft_cue,
                    "provision": provision,
                    "hits": hits,
                },
                ensure_ascii=False,
            )
        )
    return lines


def dump_agreement(analyzer: Analyzer, doc: AgreementText, out: Path, name: str) -> None:
    report = analyzer.analyze(doc)
    (out / f"{name}.report.json").write_text(
        json.dumps(report.contract_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / f"{name}.sentences.jsonl").write_text(
        "\n".join(sentence_lines(analyzer, doc)) + "\n", encoding="utf-8"
    )


def dump_wording_cases(analyzer: Analyzer, out: Path) -> None:
    """Every wording case as the wording tests build it: the finding and the sentences."""
    for file in ("wording_cases.yaml", "wording_cases_external.yaml"):
        cases = yaml.safe_load((ROOT / "tests/data" / file).read_text(encoding="utf-8"))
        lines = []
        for case in cases:
            doc = read_bytes("case.md", f"{WORDING_HEAD}(1) {case['text']}\n".encode())
            report = analyzer.analyze(doc)
            lines.append(json.dumps(report.contract_dict(), ensure_ascii=False))
            lines += sentence_lines(analyzer, doc)
        (out / f"{Path(file).stem}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def dump_comparison(out: Path) -> None:
    from bench_compare import forty_page_pair

    from blma.api import compare

    first, second = forty_page_pair()
    result = compare([("v1.docx", first), ("v2.docx", second)])
    (out / "comparison_40_pages.json").write_text(
        json.dumps(result.contract_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def dump_all(out: Path) -> None:
    from benchmark import build_forty_pages
    from make_bad_inputs import long_agreement_docx

    out.mkdir(parents=True, exist_ok=True)
    analyzer = default_analyzer()
    groups = {
        "samples": agreements(ROOT / "sample_agreements"),
        "devset": agreements(ROOT / "tests/devset"),
        **{folder.name: agreements(folder) for folder in sorted((ROOT / "tests").glob("holdout*"))},
        "real_dev": real_development(),
    }
    for group, paths in groups.items():
        for path in paths:  # named relative to the checkout, so two checkouts' dumps compare
            doc = replace(read_path(path), name=str(path.relative_to(ROOT)))
            dump_agreement(analyzer, doc, out, f"{group}__{path.stem}")
    with tempfile.TemporaryDirectory() as tmp:
        forty = Path(tmp) / "agreement_40_pages.docx"
        build_forty_pages(forty)
        long = long_agreement_docx(Path(tmp), pages=500)
        for name, path in (("built__40_pages", forty), ("built__500_pages", long)):
            # named without the temporary folder, so two runs' reports can be compared
            dump_agreement(analyzer, replace(read_path(path), name=path.name), out, name)
    dump_wording_cases(analyzer, out)
    dump_comparison(out)


def differences(after: Path, before: Path) -> list[str]:
    names = sorted({p.name for p in after.iterdir()} | {p.name for p in before.iterdir()})
    return [
        name
        for name in names
        if not (after / name).exists()
        or not (before / name).exists()
        or not filecmp.cmp(after / name, before / name, shallow=False)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the dumps to")
    parser.add_argument(
        "--against", type=Path, help="a folder dumped earlier: report every file that differs"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    dump_all(args.out)
    files = len(list(args.out.iterdir()))
    print(f"dumped {files} files to {args.out} in {time.perf_counter() - start:.0f} s")
    if args.against is None:
        return 0
    changed = differences(args.out, args.against)
    for name in changed:
        print(f"DIFFERS: {name}")
    print("identical" if not changed else f"{len(changed)} of {files} files differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
