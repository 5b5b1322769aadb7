"""Patterns compiled from opcodes kept by an earlier run behave exactly as ``re.compile`` makes
them, and a missing or damaged cache only costs time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blma import user_cache
from blma.analysis import compiled_regex, default_analyzer
from blma.analysis.rules import book_patterns

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "The employer shall not retain the worker's passport or identity documents.",
    "Recruitment fees and related costs shall be borne by the employer, never by the worker.",
    "Wages shall be paid monthly into an account in the worker's own name.",
    "The Joint Committee shall meet at least once a year to review the implementation of this Agreement.",
    "El empleador no podrá retener el pasaporte de la persona trabajadora.",
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder and a module that has read nothing yet; restored afterwards."""
    monkeypatch.setenv("BLMA_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled_regex, "_known", None)
    monkeypatch.setattr(compiled_regex, "_used", set())
    monkeypatch.setattr(compiled_regex, "_added", False)
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SENTENCES:
        found, expected = a.search(text), b.search(text)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


def test_every_rule_pattern_compiles_as_re_does_both_fresh_and_from_the_cache(fresh_cache, monkeypatch):
    book = default_analyzer().book
    sources = sorted({(p.source, p.flags) for p in book_patterns(book.rules, book.modality)})[:400]
    fresh = {key: compiled_regex.compile_pattern(*key) for key in sources}
    compiled_regex.save()
    assert user_cache.read(compiled_regex._file_name()) is not None
    monkeypatch.setattr(compiled_regex, "_known", None)  # a new process: read the file back
    for key, pattern in fresh.items():
        again = compiled_regex.compile_pattern(*key)
        assert key in compiled_regex._known
        expected = re.compile(*key)
        _same(pattern, expected)
        _same(again, expected)


def test_named_groups_and_flags_survive_the_cache(fresh_cache, monkeypatch):
    source = r"(?P<who>employer|agency)\W+(?:\w+\W+){0,3}?(?P<act>retain|keep)s?"
    compiled_regex.compile_pattern(source, re.I)
    compiled_regex.save()
    monkeypatch.setattr(compiled_regex, "_known", None)
    again = compiled_regex.compile_pattern(source, re.I)
    assert again.search("The AGENCY may not keep it").group("who", "act") == ("AGENCY", "keep")
    _same(again, re.compile(source, re.I))


def test_a_damaged_cache_file_is_rebuilt(fresh_cache, monkeypatch):
    (fresh_cache / compiled_regex._file_name()).write_bytes(b"not a cache at all" * 4)
    pattern = compiled_regex.compile_pattern(r"\bpassports?\b", re.I)
    assert pattern.search("Passports stay with the worker")
    compiled_regex.save()
    monkeypatch.setattr(compiled_regex, "_known", None)
    assert compiled_regex.compile_pattern(r"\bpassports?\b", re.I).search("a passport")


def test_a_cache_entry_the_engine_refuses_falls_back_to_re(fresh_cache, monkeypatch):
    key = (r"\bwages?\b", re.I)
    monkeypatch.setattr(compiled_regex, "_known", {key: (0, None, 0, {}, ())})  # not what _sre expects
    assert compiled_regex.compile_pattern(*key).search("WAGES are paid monthly")


def test_nothing_is_written_when_caching_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("BLMA_CACHE_DIR", "off")
    monkeypatch.setattr(compiled_regex, "_known", None)
    monkeypatch.setattr(compiled_regex, "_added", False)
    assert compiled_regex.compile_pattern(r"\bfees?\b", re.I).search("no fee")
    compiled_regex.save()
    assert not list(tmp_path.iterdir())
