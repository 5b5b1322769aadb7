"""Keep the writer's own labels of the Spanish synthetic sets as reading A, before they are merged.

The writer of ``corpus/synthetic_holdout_es`` and ``corpus/synthetic_dev_es`` labelled each
agreement in ``<slug>.labels.yaml``. Once a second reading is adjudicated, those files hold the
merged labels, so the writer's reading is copied first, verbatim (title, parties, traps and all),
to ``corpus/readings_es/reader_a/<folder>/<slug>.yaml`` with ``reader: writer`` after ``file``.
It refuses to overwrite a reading or to copy labels that are already merged: a copy made after the
merge would no longer be the writer's.

    .venv/bin/python corpus/readings_es/preserve_writer_reading.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

READINGS = Path(__file__).resolve().parent
CORPUS = READINGS.parent
FOLDERS = ("synthetic_holdout_es", "synthetic_dev_es")


def writer_reading(labels_text: str) -> str:
    """The labels file's own text with ``reader: writer`` inserted after its ``file:`` line."""
    lines = labels_text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("file:"))
    return "".join([*lines[: at + 1], "reader: writer\n", *lines[at + 1 :]])


def preserve(folder: str) -> list[Path]:
    written = []
    for labels in sorted((CORPUS / folder).glob("*.labels.yaml")):
        original = labels.read_text(encoding="utf-8")
        data = yaml.safe_load(original)
        if any("readers" in entry for entry in data["protections"].values()):
            raise SystemExit(f"{labels.name}: already merged from two readings; the writer's reading is gone")
        target = READINGS / "reader_a" / folder / labels.name.replace(".labels.yaml", ".yaml")
        if target.exists():
            raise SystemExit(f"{target.relative_to(CORPUS)} exists; not overwritten")
        text = writer_reading(original)
        if yaml.safe_load(text) != {**data, "reader": "writer"}:
            raise SystemExit(f"{labels.name}: copy differs from the labels")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def main() -> int:
    written = [path for folder in FOLDERS for path in preserve(folder)]
    print(f"kept the writer's reading of {len(written)} agreement(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
