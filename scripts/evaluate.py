"""Score every system on every labelled set; regenerate the README's accuracy figures.

The sets come from corpus/sets.yaml, the systems from blma/evaluation/systems.py. Prints the
per-set table (progress goes to stderr). Examples:

    python scripts/evaluate.py                                  # every set, every system
    python scripts/evaluate.py --sets samples devset --errors   # wrong pairs of development sets
    python scripts/evaluate.py --write                          # docs/accuracy.md + README block (make eval)

--errors is refused (exit 2) when a sealed set is selected: a hold-out is only ever scored.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from blma.errors import BlmaError
from blma.evaluation.readme import replace_block
from blma.evaluation.report import (
    accuracy_document,
    error_listing,
    figures_json,
    legend,
    readme_block,
    set_table,
)
from blma.evaluation.run import Evaluation, evaluate
from blma.evaluation.sets import DEFAULT_MANIFEST, REPO_ROOT, load_manifest, open_set, refuse_errors_of_sealed
from blma.evaluation.systems import SYSTEMS, check_names
from blma.outputs import write_atomic


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], epilog="example: python scripts/evaluate.py --write"
    )
    parser.add_argument("--sets", nargs="+", metavar="NAME", help="sets to score (default: all)")
    parser.add_argument("--systems", nargs="+", metavar="NAME", help=f"default: all ({', '.join(SYSTEMS)})")
    parser.add_argument("--errors", action="store_true", help="list wrong pairs (never for a sealed set)")
    parser.add_argument("--write", action="store_true", help="write --out and the README's accuracy block")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every figure as JSON")
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST, help="default: corpus/sets.yaml")
    parser.add_argument("--readme", type=Path, default=REPO_ROOT / "README.md", help="default: README.md")
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "docs" / "accuracy.md", help="default: docs/accuracy.md"
    )
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> Evaluation:
    manifest, root = load_manifest(args.manifest)
    specs = manifest.select(args.sets)
    systems = args.systems or list(SYSTEMS)
    check_names(systems)
    if args.errors:
        refuse_errors_of_sealed(specs)
    sets = [open_set(spec, root) for spec in specs]
    for labelled in sets:
        if labelled.unavailable:
            progress(f"{labelled.name}: {labelled.unavailable}")
        for item in labelled.skipped:
            progress(f"{labelled.name}: left out {item}")
    return evaluate(sets, {name: SYSTEMS[name] for name in systems}, progress)


def write(evaluation: Evaluation, args: argparse.Namespace) -> None:
    document = accuracy_document(evaluation)
    write_atomic(args.out, document.encode("utf-8"))
    link = Path(os.path.relpath(args.out.resolve(), args.readme.resolve().parent)).as_posix()
    readme = replace_block(args.readme.read_text(encoding="utf-8"), readme_block(evaluation, link))
    write_atomic(args.readme, readme.encode("utf-8"))
    progress(f"wrote {args.out} and the accuracy block of {args.readme}")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        evaluation = run(args)
        print(set_table(evaluation) + "\n\n" + legend(evaluation))
        if args.errors:
            print("\n" + error_listing(evaluation))
        if args.json:
            write_atomic(args.json, json.dumps(figures_json(evaluation), indent=2).encode("utf-8"))
        if args.write:
            write(evaluation, args)
    except BlmaError as exc:
        progress(f"error: {exc}")
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
