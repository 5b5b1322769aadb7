"""The merge of two readings: disagreements need a decision, and a later label policy overrules
an agreement only where a decision names it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "merge_readings", ROOT / "scripts" / "corpus" / "merge_readings.py"
)
merge_readings = importlib.util.module_from_spec(_spec)
sys.modules["merge_readings"] = merge_readings  # its dataclasses look their module up
_spec.loader.exec_module(merge_readings)


def _text(tmp_path: Path, a: dict, b: dict, decisions: dict | None) -> merge_readings.Text:
    for name, protections in (("a", a), ("b", b)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump({"file": "t.md", "protections": protections}))
    if decisions is not None:
        (tmp_path / "adj.yaml").write_text(yaml.safe_dump(decisions))
    return merge_readings.Text(
        "t",
        "development",
        "t.md",
        tmp_path / "a.yaml",
        tmp_path / "b.yaml",
        tmp_path / "adj.yaml",
        tmp_path / "t.labels.yaml",
    )


def _reading(status: str, location: str | None = "Article 11") -> dict:
    return {"status": status, "location": location, "note": "read"}


def test_a_policy_decision_overrules_two_agreeing_readers_and_says_so(tmp_path: Path):
    policy = {"status": "missing", "policy": "depositary-formalities", "note": "registration only"}
    text = _text(
        tmp_path,
        {"transparency": _reading("partial")},
        {"transparency": _reading("partial")},
        {"transparency": policy},
    )
    merged, pairs, missing = merge_readings.merge(text)
    label = merged["protections"]["transparency"]
    assert (label["status"], label["location"], label["policy"]) == (
        "missing",
        None,
        "depositary-formalities",
    )
    assert label["readers"] == ["partial", "partial"]  # the readers' own statuses are kept ...
    assert pairs == [("partial", "partial")] and missing == []  # ... and so is their agreement


def test_a_decision_without_a_policy_leaves_agreeing_readers_alone(tmp_path: Path):
    decision = {"status": "missing", "note": "stray"}
    text = _text(
        tmp_path,
        {"transparency": _reading("partial")},
        {"transparency": _reading("partial")},
        {"transparency": decision},
    )
    merged, _, _ = merge_readings.merge(text)
    assert merged["protections"]["transparency"]["status"] == "partial"
    assert "policy" not in merged["protections"]["transparency"]


def test_a_disagreement_without_a_decision_keeps_the_text_unmerged(tmp_path: Path):
    text = _text(
        tmp_path, {"transparency": _reading("partial")}, {"transparency": _reading("missing", None)}, None
    )
    merged, pairs, missing = merge_readings.merge(text)
    assert merged is None and missing == ["transparency"] and pairs == [("partial", "missing")]
