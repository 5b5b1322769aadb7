"""Train the arbiter and write blma/analysis/model/arbiter.json.gz (``make train``).

Needs the ``train`` extra (scikit-learn): ``pip install -e '.[train]'``. Reads development
data only (see blma/analysis/training_data.py; a hold-out path raises), fits both models,
cross-validates them, prints the figures, writes the model and the figures block of
blma/analysis/model/README.md. The same data always gives the same bytes. Examples:

    python scripts/train_arbiter.py            # rebuild the model (make train)
    python scripts/train_arbiter.py --check    # exit 1 if the committed model is stale
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from blma.analysis.arbiter import DEFAULT_MODEL, model_text
from blma.analysis.arbiter_training import build
from blma.errors import BlmaError
from blma.outputs import write_atomic

README = DEFAULT_MODEL.parent / "README.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def figures_block(about: dict, size: int, seconds: float) -> str:
    """The README lines that change with every retraining."""
    cv, data = about["cross_validation"], about["data"]
    sources = ", ".join(f"{kind} {n}" for kind, n in data["by_source"].items())
    sets = ", ".join(f"{name} {n}" for name, n in data["development_sets"].items())
    return "\n".join(
        [
            START,
            f"- Examples: {data['examples']} ({sources}); relevance texts {data['relevance_texts']}, "
            f"strength rows {data['strength_rows']}.",
            f"- Agreements per development set: {sets}.",
            f"- Training data SHA-256: `{data['sha256']}`; scikit-learn {about['sklearn_version']}.",
            f"- {cv['folds']}-fold grouped cross-validation: relevance macro-F1 {cv['relevance_macro_f1']:.3f} "
            f"(micro-F1 {cv['relevance_micro_f1']:.3f}, top-1 accuracy on relevant sentences "
            f"{cv['relevance_top1_accuracy']:.3f}); strength macro-F1 {cv['strength_macro_f1']:.3f} "
            f"(present {cv['strength_f1']['present']:.3f}, partial {cv['strength_f1']['partial']:.3f}, "
            f"contrary {cv['strength_f1']['contrary']:.3f}).",
            f"- File size {size / 1e6:.2f} MB (gzip-compressed JSON); training with cross-validation took {seconds:.0f} s here.",
            END,
        ]
    )


def replace_block(text: str, block: str) -> str:
    if START not in text or END not in text:
        raise BlmaError(f"{README}: the markers {START} and {END} are missing")
    return text[: text.index(START)] + block + text[text.index(END) + len(END) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="example: make train")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_MODEL,
        help="default: blma/analysis/model/arbiter.json.gz (a name ending in .gz is gzip-compressed)",
    )
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)
    try:
        started = time.perf_counter()
        text, about = build()
        seconds = time.perf_counter() - started
        print(json.dumps(about["cross_validation"], indent=2))
        if args.check:
            same = args.out.is_file() and model_text(args.out.read_bytes(), args.out) == text
            print(f"{args.out}: {'up to date' if same else 'STALE: run make train'}")
            return 0 if same else 1
        data = text.encode("utf-8")
        if args.out.name.endswith(".gz"):  # no name or time in the header: the same text, the same bytes
            data = gzip.compress(data, compresslevel=9, mtime=0)
        write_atomic(args.out, data)
        if args.out == DEFAULT_MODEL:
            README.write_text(
                replace_block(README.read_text(encoding="utf-8"), figures_block(about, len(data), seconds))
            )
        print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB) in {seconds:.1f} s")
        return 0
    except BlmaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
