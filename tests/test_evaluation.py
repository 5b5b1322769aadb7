"""Evaluation as code: metrics, the set manifest, the keyword baseline and scripts/evaluate.py.

Everything runs on tiny sets written here; the real corpus is never read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from blma.analysis.scoring import confusion, per_protection, precision, recall, score
from blma.errors import DataError
from blma.evaluation.baseline import KeywordBaseline, load_keywords
from blma.evaluation.readme import END, START, replace_block
from blma.evaluation.sets import load_manifest, open_set
from blma.library import default_library

SCRIPT = Path(__file__).parents[1] / "scripts" / "evaluate.py"

PAIRS = [
    ("a", "no_worker_fees", "present", "present"),
    ("a", "wage_protection", "present", "partial"),
    ("a", "employer_change", "contrary", "contrary"),
    ("a", "migration_status", "contrary", "missing"),
    ("b", "no_worker_fees", "missing", "present"),
    ("b", "wage_protection", "partial", "partial"),
    ("b", "employer_change", "contrary", "present"),
    ("b", "migration_status", "missing", "missing"),
]


# -- metrics --------------------------------------------------------------------------------


def test_present_precision_and_recall():
    statuses = [(t, p) for _, _, t, p in PAIRS]
    assert precision(statuses, {"present"}) == pytest.approx(1 / 3)  # 3 found present, 1 right
    assert recall(statuses, {"present"}) == pytest.approx(1 / 2)  # 2 labelled present, 1 found


def test_contrary_recall_is_the_share_of_labelled_contrary_found():
    scores = score(PAIRS)
    assert scores.contrary_recall == pytest.approx(1 / 3)
    assert scores.contrary_precision == 1.0
    assert scores.present_precision == pytest.approx(1 / 3)


def test_precision_without_any_finding_is_undefined():
    assert precision([("contrary", "missing")], {"contrary"}) is None
    assert recall([("missing", "contrary")], {"contrary"}) is None


def test_confusion_counts_labelled_against_found():
    matrix = confusion(PAIRS)
    assert list(matrix) == ["present", "partial", "missing", "contrary"]
    assert matrix["contrary"] == {"present": 1, "partial": 0, "missing": 1, "contrary": 1}
    assert matrix["present"]["partial"] == 1
    assert sum(sum(row.values()) for row in matrix.values()) == len(PAIRS)


def test_per_protection_exact_and_detection():
    found = per_protection(PAIRS)
    assert list(found) == ["no_worker_fees", "wage_protection", "employer_change", "migration_status"]
    assert found["no_worker_fees"].exact == 0.5
    assert found["wage_protection"].exact == 0.5
    assert found["wage_protection"].detection == 1.0  # present vs partial: both "addressed"
    assert found["migration_status"].pairs == 2


def test_existing_scores_are_unchanged():
    scores = score(PAIRS)
    assert scores.exact == pytest.approx(4 / 8)
    assert scores.pairs == 8


# -- the manifest and the sets ----------------------------------------------------------------


def write_set(folder: Path, agreements: dict[str, tuple[str, dict[str, str]]]) -> None:
    """Agreements as ``slug: (text, {protection: status})``, each with its label file."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, (text, statuses) in agreements.items():
        (folder / f"{slug}.txt").write_text(text, encoding="utf-8")
        protections = "".join(f"  {pid}: {{status: {status}}}\n" for pid, status in statuses.items())
        (folder / f"{slug}.labels.yaml").write_text(
            f"file: {slug}.txt\nprotections:\n{protections}", encoding="utf-8"
        )


FEES = "Article 1\nNo recruitment fees shall be charged to workers.\n"
PLAIN = "Article 1\nThe Parties shall cooperate in good faith.\n"


def test_a_missing_or_empty_set_is_not_available(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "sets.yaml").write_text(
        "sets:\n"
        "  - {name: gone, path: nowhere, role: development}\n"
        "  - {name: empty, path: empty, role: holdout, sealed: true}\n",
        encoding="utf-8",
    )
    manifest, root = load_manifest(tmp_path / "sets.yaml")
    for spec in manifest.sets:
        labelled = open_set(spec, root)
        assert labelled.labels == []
        assert labelled.unavailable.startswith("not available yet")


def test_a_bad_field_names_the_file_and_the_field(tmp_path):
    path = tmp_path / "sets.yaml"
    path.write_text("sets:\n  - {name: x, path: x, role: training}\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_manifest(path)
    assert str(path) in str(error.value)
    assert "sets[0] (x).role" in str(error.value)


def test_the_split_keeps_only_the_slugs_of_its_part(tmp_path):
    write_set(
        tmp_path / "labels",
        {"a": (FEES, {"no_worker_fees": "present"}), "b": (PLAIN, {"no_worker_fees": "missing"})},
    )
    (tmp_path / "split.yaml").write_text("development: [a]\nholdout: [b, c]\n", encoding="utf-8")
    (tmp_path / "sets.yaml").write_text(
        "sets:\n"
        "  - {name: dev, path: labels, split: split.yaml, part: development, role: development}\n"
        "  - {name: hold, path: labels, split: split.yaml, part: holdout, role: holdout}\n"
        "  - {name: other, path: labels, split: split.yaml, part: other, role: holdout}\n",
        encoding="utf-8",
    )
    manifest, root = load_manifest(tmp_path / "sets.yaml")
    dev, hold, other = (open_set(spec, root) for spec in manifest.sets)
    assert [labels.path.name for labels in dev.labels] == ["a.txt"]
    assert [labels.path.name for labels in hold.labels] == ["b.txt"]
    assert hold.skipped == ["c: no label file"]
    assert other.unavailable is not None


def test_a_slug_in_two_parts_is_an_error(tmp_path):
    write_set(tmp_path / "labels", {"a": (FEES, {"no_worker_fees": "present"})})
    (tmp_path / "split.yaml").write_text("development: [a]\nholdout: [a]\n", encoding="utf-8")
    (tmp_path / "sets.yaml").write_text(
        "sets:\n  - {name: dev, path: labels, split: split.yaml, part: development, role: development}\n",
        encoding="utf-8",
    )
    manifest, root = load_manifest(tmp_path / "sets.yaml")
    with pytest.raises(DataError, match=r"split\.yaml.*'a' is listed under both"):
        open_set(manifest.sets[0], root)


def test_a_bad_label_names_the_label_file_and_the_field(tmp_path):
    write_set(tmp_path / "labels", {"a": (FEES, {"no_worker_fees": "absent"})})
    (tmp_path / "sets.yaml").write_text(
        "sets:\n  - {name: s, path: labels, role: development}\n", encoding="utf-8"
    )
    manifest, root = load_manifest(tmp_path / "sets.yaml")
    with pytest.raises(DataError, match=r"a\.labels\.yaml: protections\.no_worker_fees\.status"):
        open_set(manifest.sets[0], root)


# -- the keyword baseline -------------------------------------------------------------------


def test_the_keyword_file_lists_every_protection():
    ids = list(default_library().protections)
    assert list(load_keywords(protection_ids=ids)) == ids


def test_the_baseline_finds_whole_words_case_insensitively(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text(
        "Article 1\nNo RECRUITMENT\nFEES are charged. Workers keep their passports.\n", encoding="utf-8"
    )
    baseline = KeywordBaseline(
        {"no_worker_fees": ["recruitment fees"], "identity_documents": ["passport"], "remittances": ["remit"]}
    )
    assert baseline.predict(path) == {
        "no_worker_fees": "present",  # across a line break
        "identity_documents": "missing",  # "passports" is not the whole word "passport"
        "remittances": "missing",
    }


# -- scripts/evaluate.py ---------------------------------------------------------------------


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def tiny_manifest(tmp_path) -> Path:
    write_set(
        tmp_path / "dev",
        {"a": (FEES, {"no_worker_fees": "present"}), "b": (PLAIN, {"no_worker_fees": "missing"})},
    )
    write_set(tmp_path / "hold", {"c": (FEES, {"no_worker_fees": "contrary"})})
    path = tmp_path / "sets.yaml"
    path.write_text(
        "sets:\n"
        "  - {name: dev, path: dev, role: development}\n"
        "  - {name: hold, path: hold, role: holdout, sealed: true}\n"
        "  - {name: later, path: later, role: holdout, sealed: true}\n",
        encoding="utf-8",
    )
    return path


def test_errors_are_refused_for_a_sealed_set(tiny_manifest):
    result = run_script("--manifest", str(tiny_manifest), "--systems", "keywords", "--errors")
    assert result.returncode == 2
    assert "--errors refused: hold, later are sealed" in result.stderr
    assert result.stdout == ""


def test_write_replaces_only_the_marked_block(tiny_manifest, tmp_path):
    readme = tmp_path / "README.md"
    before, after = "# Title\n\nIntro.\n\n", "\n\n## Next\n\nKept as it is.\n"
    readme.write_text(f"{before}{START}\nold table\n{END}{after}", encoding="utf-8")
    out = tmp_path / "accuracy.md"
    result = run_script(
        "--manifest", str(tiny_manifest), "--systems", "keywords", "--write", "--readme", str(readme),
        "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(before + START) and text.endswith(END + after)
    assert "old table" not in text
    assert "| `dev` | development | 2 |" in text  # keyword baseline: 2 of 2 right
    assert "| `later` | hold-out (sealed) | — | not available yet" in text
    assert "# Accuracy of the gap analysis" in out.read_text(encoding="utf-8")
    assert "`dev`" in result.stdout


def test_without_markers_the_block_replaces_the_old_table_and_paragraph():
    readme = (
        "# T\n\n## How the gap analysis decides\n\nHow it works.\n\n"
        "| Set | F1 |\n| --- | ---: |\n| a | 0.9 |\n\n"
        "On 170 single sentences (`tests/data/wording_cases_external.yaml`)\nit gets 66% right.\n\n"
        "## Speed\n\nFast.\n"
    )
    text = replace_block(readme, "NEW")
    assert text == (
        f"# T\n\n## How the gap analysis decides\n\nHow it works.\n\n{START}\nNEW\n{END}\n\n## Speed\n\nFast.\n"
    )
    assert replace_block(text, "NEWER") == text.replace("NEW\n", "NEWER\n")
