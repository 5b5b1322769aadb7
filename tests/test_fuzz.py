"""The mutation fuzzer (``scripts/fuzz.py``) over the sample agreements: every mutant ends in a
report or a ``DocumentError``, within 20 s of CPU time and 1 GB of memory added, for the analysis and
the redline.

A fast slice of a few hundred cases runs with every test run; the full 10,000 cases run with
``make fuzz`` or ``pytest -m fuzz_full`` (about an hour on two cores). The reproducers the
fuzzer found are tests of their own in ``test_reading_boundary.py``.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "fuzz.py"
SLICE = 60  # the full run is `make fuzz` (10,000 mutants); this slice keeps CI under ten minutes
SEED = 20261203


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("blma_fuzz_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_a_case_is_the_same_mutant_every_time(fuzz):
    first, again, other = fuzz.make_case(7, 42), fuzz.make_case(7, 42), fuzz.make_case(8, 42)
    assert (first.sample, first.mutation, first.data) == (again.sample, again.mutation, again.data)
    assert (first.mutation, first.data) != (other.mutation, other.data)


def test_the_mutations_cover_bytes_headers_and_the_three_parts(fuzz):
    said = [fuzz.make_case(SEED, n).mutation for n in range(400)]
    kinds = Counter(m.split(":")[0] for m in said)
    assert {"flip_bytes", "truncate", "lying_header", "attribute", "numbering", "comment_nodes"} <= set(kinds)
    assert {part for part in fuzz.XML_PARTS if any(part in m for m in said)} == set(fuzz.XML_PARTS)


def test_the_watchdog_stops_a_runaway_operation(fuzz, monkeypatch):
    """The guard itself: an operation that never ends is stopped and counted as over time."""
    case = fuzz.make_case(SEED, 0)
    monkeypatch.setattr(fuzz, "run_operation", lambda operation, case, full_traceback=False: _spin())
    result = fuzz.run_isolated(case, time_limit=1.0)
    assert result.outcomes == {"analyze": "over_time", "redline": "over_time"}


def _spin():
    while True:
        pass


def test_the_watchdog_charges_an_operation_only_what_it_adds_to_the_worker(fuzz, monkeypatch):
    """A test worker may hold more than the limit itself (CI's did): the forked child shares those
    pages, and only what the operation allocates beyond them counts against the limit."""
    case = fuzz.make_case(SEED, 0)
    limit = 64 * 1024**2
    held = bytearray(2 * limit)  # the worker holds twice the limit before the fork
    held[:: 4096] = b"\1" * len(held[:: 4096])
    monkeypatch.setattr(fuzz, "run_operation", lambda operation, case, full_traceback=False: ("ok", ""))
    assert fuzz.run_isolated(case, time_limit=5.0, memory_limit=limit).outcomes == {"analyze": "ok", "redline": "ok"}
    monkeypatch.setattr(fuzz, "run_operation", lambda operation, case, full_traceback=False: _hold(limit * 3 // 2))
    result = fuzz.run_isolated(case, time_limit=5.0, memory_limit=limit)
    assert result.outcomes == {"analyze": "over_memory", "redline": "over_memory"}
    assert len(held) == 2 * limit


def _hold(size: int):
    grown = bytearray(size)
    grown[:: 4096] = b"\1" * len(grown[:: 4096])
    time.sleep(5)
    return "ok", ""


def test_the_fast_slice_ends_every_mutant_in_a_report_or_a_clear_error(fuzz):
    results = list(fuzz.fuzz(SLICE, SEED, light=True))
    counts = Counter(r.outcome for r in results)
    findings = [
        f"case {r.case.number} ({r.case.sample}, {r.case.mutation}): {r.outcome}: {r.details}"
        for r in results
        if r.outcome not in ("ok", "document_error")
    ]
    assert not findings, "\n".join(findings)
    assert counts["ok"] > SLICE // 5 and counts["document_error"] > SLICE // 5  # both sides exercised
    assert max(r.peak_mb for r in results) < 1024


@pytest.mark.fuzz_full
def test_the_full_run_of_ten_thousand_mutants(fuzz, request):
    if "fuzz_full" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the full fuzz run (10,000 mutants, about an hour): `make fuzz` or `pytest -m fuzz_full`")
    assert fuzz.main(["--cases", "10000", "--seed", "1"]) == 0
