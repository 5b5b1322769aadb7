"""The development set of sample agreements: sources, generator and committed outputs agree."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "build_samples", ROOT / "scripts" / "build_samples.py"
)
bs = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("build_samples", bs)
_spec.loader.exec_module(bs)

SOURCES = sorted(bs.SOURCES.glob("*.yaml"))


@pytest.fixture(scope="module")
def rendered():
    return {p.stem: bs.render(p) for p in SOURCES}


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_set_has_at_least_fourteen_agreements():
    assert len(SOURCES) >= 14


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_source_validates(src, rendered):
    _, errors, data, _ = rendered[src.stem]
    assert errors == []
    assert data


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_committed_docx_matches_source(src, rendered):
    path = bs.SAMPLES / f"{src.stem}.docx"
    assert path.exists(), "run python scripts/build_samples.py"
    Document(str(path))  # opens in python-docx
    assert _parts(path.read_bytes()) == _parts(rendered[src.stem][2])


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_committed_labels_match_source(src, rendered):
    path = bs.SAMPLES / f"{src.stem}.labels.yaml"
    text = path.read_text(encoding="utf-8")
    assert text == rendered[src.stem][3]
    data = yaml.safe_load(text)
    assert data["file"] == f"{src.stem}.docx"
    assert data["instrument"] in ("agreement", "mou")
    assert set(data["parties"]) == {"origin", "destination"}
    assert list(data["protections"]) == bs.PROTECTION_IDS
    for label in data["protections"].values():
        assert label["status"] in bs.STATUSES
        assert (label["location"] is None) == (label["status"] == "missing")
        assert label.get("trap") in (None, *bs.TRAPS)


def test_build_is_deterministic():
    first = bs.render(SOURCES[0])[2]
    second = bs.render(SOURCES[0])[2]
    assert first == second


def test_set_covers_the_required_difficulties(rendered):
    statuses: dict[str, int] = {}
    traps: dict[str, set[str]] = {}
    features: dict[str, set[str]] = {}
    for name, (src, _, data, _) in rendered.items():
        for label in src["labels"].values():
            statuses[label["status"]] = statuses.get(label["status"], 0) + 1
            if label.get("trap"):
                traps.setdefault(label["trap"], set()).add(name)
        parts = _parts(data)
        body = parts["word/document.xml"].decode("utf-8")
        for marker, feature in (
            ("<w:ins ", "ins"),
            ("<w:del ", "del"),
            ("w:txbxContent", "textbox"),
            ("<w:sdt>", "sdt"),
            ("w:footnoteReference", "footnote"),
        ):
            if marker in body:
                features.setdefault(feature, set()).add(name)
        if b"w:startOverride" in parts.get("word/numbering.xml", b""):
            features.setdefault("restart", set()).add(name)
    assert statuses.get("contrary", 0) >= 25
    total = sum(statuses.values())
    assert 0.3 <= statuses["present"] / total <= 0.5
    assert 0.1 <= statuses["partial"] / total <= 0.3
    assert 0.2 <= statuses["missing"] / total <= 0.4
    assert set(traps) == set(bs.TRAPS)
    assert len(traps["annex_mandatory"]) >= 2
    assert len(traps["tracked_change"]) >= 2
    assert len(features["ins"] & features["del"]) >= 2
    assert features.get("textbox") and features.get("footnote") and features.get("sdt")
    assert features.get("restart")
