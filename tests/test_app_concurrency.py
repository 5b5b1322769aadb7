"""The server's analysis queue: at most its slots at once, first come first served, a place to show.

Twenty real sessions on one server, each uploading its own agreement, are in
``tests/e2e/test_app_sessions.py`` (a browser run: Streamlit's AppTest sessions share global
state and cannot run side by side in threads).
"""

from __future__ import annotations

import contextlib
import threading
import time

import pytest

from blma_app import analysis_queue


# -- the queue on its own -------------------------------------------------------------------------
def test_the_queue_runs_at_most_its_slots_in_arrival_order_and_reports_places():
    queue = analysis_queue.AnalysisQueue(slots=2, max_wait_s=30)
    started: list[int] = []
    places: dict[int, list[int]] = {}
    gate = threading.Event()
    peak = {"running": 0}

    def job(n: int) -> None:
        with queue.turn(lambda ahead: places.setdefault(n, []).append(ahead), poll_s=0.05):
            started.append(n)
            peak["running"] = max(peak["running"], queue.running)
            if n < 2:
                gate.wait(5)
            else:
                time.sleep(0.02)

    threads = []
    for n in range(6):
        threads.append(threading.Thread(target=job, args=(n,)))
        threads[-1].start()
        time.sleep(0.05)  # arrive in order
    time.sleep(0.2)
    assert started == [0, 1] and queue.waiting == 4
    assert places[2][0] == 2 and places[5][0] == 5  # the two running, and those queued before
    gate.set()
    for thread in threads:
        thread.join(10)
    assert started == [0, 1, 2, 3, 4, 5]
    assert peak["running"] == 2
    assert places[5] == sorted(places[5], reverse=True)  # the place only ever moves up
    assert 0 not in places  # the first two never waited


def test_a_wait_past_the_limit_ends_with_a_message_and_leaves_the_queue():
    queue = analysis_queue.AnalysisQueue(slots=1, max_wait_s=0.3)
    with queue.turn():
        busy = pytest.raises(analysis_queue.ServerBusy, match=r"busy with other analyses \(1 ahead of yours")
        with busy, queue.turn(poll_s=0.05):
            pass
        assert queue.waiting == 0
    with queue.turn() as turn:  # the slot is free again: no one ahead (how long that took is the machine's)
        assert turn.ahead_at_arrival == 0


def test_the_review_page_waits_for_a_slot_and_says_how_long(app_page):
    queue = analysis_queue.shared()
    held = threading.Event()

    def hold_every_slot() -> None:
        with contextlib.ExitStack() as stack:
            for _ in range(queue.slots):
                stack.enter_context(queue.turn())
            held.set()
            deadline = time.monotonic() + 20
            while not queue.waiting and time.monotonic() < deadline:  # until the page queues up
                time.sleep(0.01)
            time.sleep(1.0)

    holder = threading.Thread(target=hold_every_slot)
    holder.start()
    held.wait(5)
    at = app_page("blma_app/views/review.py")
    at.button(key="review.sample.nuvaria_valdoria_general.docx").click().run()
    holder.join(10)
    review = at.session_state["review.current"]
    assert review.report is not None and review.waited_s >= 0.9
    assert [s.label for s in at.status] == [
        f"Analysed nuvaria\\_valdoria\\_general.docx after waiting {review.waited_s:.1f} s for a free slot"
    ]
    assert any(m.value == f"Waited {review.waited_s:.1f} s for a free slot." for m in at.markdown)
