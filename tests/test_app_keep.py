"""The store that keeps a session's work for a browser reload: by token, bounded, least recently used first."""

from __future__ import annotations

import time

from blma_app.keep import WorkStore


def test_work_is_kept_by_token_and_forgotten_on_request():
    store = WorkStore()
    store.put("a" * 24, "review", {"decisions": 2}, size=10)
    store.put("b" * 24, "review", {"decisions": 5}, size=10)
    assert store.get("a" * 24, "review") == {"decisions": 2}
    assert store.get("b" * 24, "draft") is None
    assert store.get("c" * 24, "review") is None
    store.put("a" * 24, "review", None)
    assert store.get("a" * 24, "review") is None


def test_the_least_recently_used_work_goes_first_when_a_bound_is_reached():
    store = WorkStore(max_entries=3, max_bytes=100)
    for token in "abc":
        store.put(token * 24, "review", token, size=30)
    store.get("a" * 24, "review")  # used again: now the most recent
    store.put("d" * 24, "review", "d", size=30)  # four sessions: "b" goes
    assert [store.get(t * 24, "review") for t in "abcd"] == ["a", None, "c", "d"]
    store.put("e" * 24, "review", "e", size=60)  # over 100 bytes: the oldest go until it fits
    assert [store.get(t * 24, "review") for t in "acde"] == [None, None, "d", "e"]


def test_work_idle_too_long_is_dropped():
    store = WorkStore(max_idle_s=0.05)
    store.put("a" * 24, "review", "kept a moment")
    time.sleep(0.1)
    assert store.get("a" * 24, "review") is None
