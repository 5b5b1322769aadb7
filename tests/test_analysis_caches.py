"""What the analysis keeps in the user's cache folder gives the very answers it was built from,
and a changed, damaged or missing cache file only costs time."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest

from blma import user_cache
from blma.analysis import Analyzer, default_analyzer, rules
from blma.analysis.arbiter import DEFAULT_MODEL, Arbiter, _load
from blma.library import default_library
from blma.reading import read_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_agreements" / "pelora_azuria_nurses.docx"
IDS = tuple(default_library().protections)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BLMA_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_cached_rulebook_analyses_exactly_as_a_freshly_compiled_one(cache_dir, monkeypatch):
    key = rules._cache_key(rules.RULES_DIR.resolve(), "en", IDS)
    assert key
    assert rules._cached_rulebook(key) is None  # nothing cached yet
    fresh = rules._compile_rulebook(rules.RULES_DIR.resolve(), "en", IDS)
    user_cache.write(f"rulebook-{key}.pickle", pickle.dumps(fresh))
    cached = rules._cached_rulebook(key)
    assert cached is not None and cached is not fresh
    pattern = next(iter(cached.rules.values())).topic[0].patterns[0]
    assert pattern._compiled is None  # compiled on first use, not on load
    monkeypatch.delenv("BLMA_CACHE_DIR")  # the pre-check database: the usual one
    doc = read_path(SAMPLE)
    expected = default_analyzer().analyze(doc).contract_dict()
    assert Analyzer(rulebook=cached).analyze(doc).contract_dict() == expected
    assert Analyzer(rulebook=fresh).analyze(doc).contract_dict() == expected


def test_a_changed_rule_file_is_a_new_cache_key(tmp_path):
    copy = tmp_path / "rules"
    (copy / "protections").mkdir(parents=True)
    for path in (rules.RULES_DIR / "protections").glob("*.yaml"):
        (copy / "protections" / path.name).write_bytes(path.read_bytes())
    before = rules._cache_key(copy, "en", IDS)
    edited = copy / "protections" / "no_worker_fees.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert rules._cache_key(copy, "en", IDS) != before


def test_a_damaged_cache_file_is_not_read(cache_dir):
    user_cache.write("thing.bin", b"some bytes")
    assert user_cache.read("thing.bin") == b"some bytes"
    path = cache_dir / "thing.bin"
    path.write_bytes(path.read_bytes()[:-1] + b"X")
    assert user_cache.read("thing.bin") is None


def test_caching_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("BLMA_CACHE_DIR", "off")
    user_cache.write("thing.bin", b"some bytes")
    assert user_cache.read("thing.bin") is None
    assert not any(tmp_path.iterdir())


def test_the_cached_arbiter_gives_the_same_probabilities(cache_dir):
    texts = [
        "The employer shall bear all costs of recruitment, including the visa fee.",
        "Workers may keep their passports and identity documents at all times.",
        "",
    ]
    _load.cache_clear()
    try:
        built = Arbiter.load()
        assert len(list(cache_dir.glob("arbiter-*.pickle"))) == 1
        _load.cache_clear()
        cached = Arbiter.load()
        assert cached is not built
        for text in texts:
            assert cached.relevance(text) == built.relevance(text)
            assert cached.strength("no_worker_fees", text) == built.strength("no_worker_fees", text)
        assert cached.about == built.about and Path(DEFAULT_MODEL).exists()
    finally:
        _load.cache_clear()


def test_files_unused_for_a_month_go_when_a_new_one_of_their_kind_is_written(cache_dir):
    for name in ("rulebook-old.pickle", "rulebook-recent.pickle", "arbiter-old.pickle"):
        user_cache.write(name, b"x")
    month_ago = time.time() - user_cache.UNUSED_FOR - 60
    for name in ("rulebook-old.pickle", "arbiter-old.pickle"):
        os.utime(cache_dir / name, (month_ago, month_ago))
    user_cache.write("rulebook-new.pickle", b"y")
    assert sorted(p.name for p in cache_dir.iterdir()) == [
        "arbiter-old.pickle",  # another kind: left to the next arbiter
        "rulebook-new.pickle",
        "rulebook-recent.pickle",
    ]


def test_the_cached_library_is_the_library_and_an_edit_is_a_new_key(cache_dir, tmp_path):
    from blma.library import loader

    loader.default_library.cache_clear()
    try:
        fresh = default_library(templates=False)  # read from the YAML files, then cached
        assert [p.name for p in cache_dir.iterdir() if p.name.startswith("library-")]
        loader.default_library.cache_clear()
        cached = default_library(templates=False)  # read from the cache
        assert cached is not fresh
        assert cached.protections == fresh.protections and cached.clauses == fresh.clauses
    finally:
        loader.default_library.cache_clear()
    copy = tmp_path / "clauses"
    (copy / "protections").mkdir(parents=True)
    for path in loader.default_root().glob("*.yaml"):
        (copy / path.name).write_bytes(path.read_bytes())
    before = loader._cache_key(copy, False)
    (copy / "variables.yaml").write_text((copy / "variables.yaml").read_text(encoding="utf-8") + "\n# an edit\n")
    assert loader._cache_key(copy, False) != before
