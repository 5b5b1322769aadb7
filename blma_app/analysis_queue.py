"""One queue for the server's heavy work: reading and analysing agreements, building exports.

Twenty sessions uploading at once used to start twenty analyses together on two cores, so
each took a minute and the server stopped answering its health checks. Now at most
``SLOTS`` run at a time, the rest wait in arrival order and see their place in the queue,
and a wait longer than ``MAX_WAIT_S`` ends with a message instead of a spinner forever.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

#: Analyses that may run at once. The work is mostly Python under one interpreter lock, so more
#: slots than cores only slows each one down; a server with more cores may raise it.
SLOTS = int(os.environ.get("BLMA_ANALYSIS_SLOTS", "2"))
#: The longest anyone waits for a slot before being told the server is busy.
MAX_WAIT_S = float(os.environ.get("BLMA_ANALYSIS_MAX_WAIT_S", "120"))


class ServerBusy(Exception):
    """No slot came free within the longest wait; the message says so in words."""


@dataclass
class Turn:
    """What a caller learns about its turn: how long it waited and behind how many others."""

    waited_s: float = 0.0
    ahead_at_arrival: int = 0


class AnalysisQueue:
    """A first-come, first-served limit on concurrent work, shared by every session of the server."""

    def __init__(self, slots: int = SLOTS, max_wait_s: float = MAX_WAIT_S) -> None:
        self.slots = max(1, slots)
        self.max_wait_s = max_wait_s
        self._lock = threading.Condition()
        self._waiting: deque[object] = deque()
        self._running = 0

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @contextmanager
    def turn(self, on_wait: Callable[[int], None] | None = None, poll_s: float = 0.5) -> Iterator[Turn]:
        """Wait for a slot, run the block, free the slot.

        ``on_wait(ahead)`` is called, outside the lock, each time the number of analyses
        ahead of the caller changes (and first when the caller has to wait at all), so a page
        can show it. A stop or rerun raised by Streamlit while waiting leaves the queue.
        """
        ticket = object()
        started = time.monotonic()
        turn = Turn()
        shown = -1
        with self._lock:
            self._waiting.append(ticket)
            turn.ahead_at_arrival = self._ahead(ticket)
        try:
            while True:
                with self._lock:
                    if self._running < self.slots and self._waiting[0] is ticket:
                        self._waiting.popleft()
                        self._running += 1
                        self._lock.notify_all()  # the next in line may fit in another free slot
                        break
                    ahead = self._ahead(ticket)
                    if time.monotonic() - started > self.max_wait_s:
                        raise ServerBusy(
                            f"The server is busy with other analyses ({ahead} ahead of yours after "
                            f"{self.max_wait_s:.0f} s). Try again in a few minutes."
                        )
                    self._lock.wait(poll_s)
                if on_wait is not None and ahead != shown:
                    shown = ahead
                    on_wait(ahead)
        except BaseException:
            with self._lock:
                if ticket in self._waiting:
                    self._waiting.remove(ticket)
                self._lock.notify_all()
            raise
        turn.waited_s = time.monotonic() - started
        try:
            yield turn
        finally:
            with self._lock:
                self._running -= 1
                self._lock.notify_all()

    def _ahead(self, ticket: object) -> int:
        """Analyses that will start before ``ticket``'s: those running and those queued before it."""
        return self._running + self._waiting.index(ticket)


@st.cache_resource(show_spinner=False)
def shared() -> AnalysisQueue:
    """The server's one queue (a resource shared by every session)."""
    return AnalysisQueue()
