"""The Spanish texts issue 10 develops on and measures with.

Three folders: real Spanish treaty texts with their provenance (``corpus/real_es``), a synthetic
development set (``corpus/synthetic_dev_es``) and a sealed synthetic hold-out
(``corpus/synthetic_holdout_es``). Scoring trusts that every labels file speaks about all 34
protections of the rubric with a valid status, that every text really is Spanish, and that the
READMEs' counts are the labels' counts; the synthetic sets' labels are the merge of two readings
and an adjudication (corpus/readings_es). These tests check the sets' shape, language and labels
only; they never run the analysis on the hold-out.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from blma.reading.language import profile

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "corpus" / "synthetic_holdout_es"
DEV = ROOT / "corpus" / "synthetic_dev_es"
REAL = ROOT / "corpus" / "real_es"
READINGS = ROOT / "corpus" / "readings_es"
STATUSES = ("present", "partial", "missing", "contrary")
TRAPS = {
    "modality",
    "national_law",
    "non_binding",
    "qualifier",
    "layout",
    "false_friend",
    "paraphrase",
    "annex_mandatory",
    "annex_indicative",
    "negation",
    "direction",  # who is bound or who pays ("el empleador sufragará ..."), added with texts 07-12
}
RESERVED = {"BWBV0001031", "BWBV0002654", "BWBV0001346", "BWBV0004200", "BWBV0004587", "BWBV0003874"}
LABEL_FILES = sorted([*HOLDOUT.glob("*.labels.yaml"), *DEV.glob("*.labels.yaml")])
MIN_SPANISH_SHARE = 0.95


def rubric_ids() -> list[str]:
    rubric = yaml.safe_load((ROOT / "clauses" / "guidance.yaml").read_text(encoding="utf-8"))
    return [protection["id"] for protection in rubric["protections"]]


def read_labels(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def paragraphs(path: Path) -> list[str]:
    """The text of an agreement as paragraphs, table cells included for Word files."""
    if path.suffix == ".docx":
        doc = Document(str(path))
        cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        return [p.text for p in doc.paragraphs] + cells
    return path.read_text(encoding="utf-8").splitlines()


def last_four_cells(row: str) -> list[str]:
    return [cell.strip().strip("*") for cell in row.strip().strip("|").split("|")][-4:]


def assert_spanish(texts: list[str], name: str) -> None:
    found = profile(texts)
    assert found.main == "es", f"{name}: main language {found.main}, words {dict(found.words)}"
    assert found.share("es") >= MIN_SPANISH_SHARE, f"{name}: only {found.share('es'):.0%} Spanish"


def test_the_holdout_has_eight_agreements_two_of_them_word_files_and_the_dev_set_twelve():
    holdout = [read_labels(p)["file"] for p in HOLDOUT.glob("*.labels.yaml")]
    assert len(holdout) == 8
    assert sum(name.endswith(".docx") for name in holdout) == 2
    assert len(list(DEV.glob("*.labels.yaml"))) == 12


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_label_file_judges_all_34_protections_with_a_valid_status(path: Path):
    labels = read_labels(path)
    assert (path.parent / labels["file"]).is_file()
    assert list(labels["protections"]) == rubric_ids()
    for pid, entry in labels["protections"].items():
        assert entry["status"] in STATUSES, f"{pid}: {entry['status']}"
        # A reader cites where a protection is found, and nothing for one that is missing.
        assert (entry["location"] is None) == (entry["status"] == "missing"), pid
        assert entry.get("trap", "modality") in TRAPS, f"{pid}: trap {entry['trap']}"
        assert isinstance(entry["note"], str) and entry["note"].strip(), pid


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_synthetic_agreement_is_written_in_spanish(path: Path):
    agreement = path.parent / read_labels(path)["file"]
    assert_spanish(paragraphs(agreement), agreement.name)


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_label_keeps_both_readings_and_says_where_they_were_adjudicated(path: Path):
    for pid, entry in read_labels(path)["protections"].items():
        first, second = entry["readers"]
        assert {first, second} <= set(STATUSES), pid
        if first == second:
            assert entry["status"] == first and "adjudicated" not in entry, pid
        else:
            assert entry["adjudicated"] is True, pid


def test_the_labels_are_the_merge_of_the_two_readings_and_the_adjudication(tmp_path: Path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "merge_readings", ROOT / "scripts" / "corpus" / "merge_readings.py"
    )
    merger = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, merger)  # its dataclass looks itself up there
    spec.loader.exec_module(merger)
    folders = [arg for folder in (HOLDOUT, DEV) for arg in ("--folder", str(folder))]
    agreement = tmp_path / "agreement.yaml"
    merger.main(
        [*folders, "--readings", str(READINGS), "--output", str(tmp_path), "--agreement", str(agreement)]
    )
    for path in LABEL_FILES:
        merged = tmp_path / path.parent.name / path.name
        assert merged.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name
    assert agreement.read_text(encoding="utf-8") == (READINGS / "agreement.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", [HOLDOUT, DEV], ids=lambda p: p.name)
def test_the_readme_counts_are_the_counts_of_the_labels(folder: Path):
    readme = (folder / "README.md").read_text(encoding="utf-8")
    total: Counter[str] = Counter()
    for path in sorted(folder.glob("*.labels.yaml")):
        labels = read_labels(path)
        counts = Counter(entry["status"] for entry in labels["protections"].values())
        total += counts
        row = next(line for line in readme.splitlines() if f"`{labels['file']}`" in line and "|" in line)
        assert last_four_cells(row) == [str(counts[s]) for s in STATUSES], row
    total_row = next(line for line in readme.splitlines() if line.startswith("| **Total"))
    assert last_four_cells(total_row) == [str(total[s]) for s in STATUSES], total_row


def test_every_status_is_well_represented_in_the_holdout():
    statuses = Counter(
        entry["status"]
        for path in HOLDOUT.glob("*.labels.yaml")
        for entry in read_labels(path)["protections"].values()
    )
    assert min(statuses[s] for s in STATUSES) >= 0.1 * sum(statuses.values()), statuses


def test_the_holdout_readme_seals_the_set_and_says_it_was_written_for_the_purpose():
    readme = " ".join((HOLDOUT / "README.md").read_text(encoding="utf-8").split())
    assert "sealed: never tune on this set" in readme
    assert "written for the purpose" in readme
    assert "never opened the tool's rules" in readme


@pytest.mark.parametrize("name", sorted(p.name for p in HOLDOUT.glob("*.docx")))
def test_the_word_files_use_word_numbering_and_tables(name: str):
    doc = Document(str(HOLDOUT / name))
    numbered = [
        p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:numPr")) is not None
    ]
    assert numbered and doc.tables
    # The item numbers come from Word's numbering, so a reader must compute them.
    assert not any(re.match(r"\d+\)", p.text) for p in numbered)


def test_the_word_files_are_rebuilt_from_their_sources(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("build_docx_es", HOLDOUT / "build_docx.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for source, target in builder.SOURCES.items():
        builder.build(HOLDOUT / "sources" / source, tmp_path / target)
        assert paragraphs(tmp_path / target) == paragraphs(HOLDOUT / target), target


def test_the_real_texts_are_spanish_and_say_where_they_come_from():
    sources = yaml.safe_load((REAL / "sources.yaml").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{40}", sources["mirror"]["commit"])
    assert sources["texts"]
    for entry in sources["texts"]:
        assert entry["bwbv"] not in RESERVED
        assert entry["bwbv"] in entry["path"] and entry["title"] and entry["parties"] and entry["cut"]
        assert entry["start"] and "es" in entry["authentic"] and 1900 < entry["year"] < 2030
        text = (REAL / "texts" / f"{entry['slug']}.md").read_text(encoding="utf-8")
        assert sum(1 for token in text.split() if re.search(r"\w", token)) == entry["words"], entry["slug"]
        assert_spanish(text.splitlines(), entry["slug"])
    assert sorted(p.stem for p in (REAL / "texts").glob("*.md")) == sorted(
        e["slug"] for e in sources["texts"]
    )
