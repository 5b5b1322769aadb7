"""Analysing a batch of agreements in worker processes (``blma analyze --jobs``).

Each worker is a fresh interpreter ("spawn": safe whatever threads the caller runs, the app's
included) that builds its analyzer once and then takes one file per task. Reports come back
in the order the files were given, each as soon as it and every file before it are done;
only a few files per worker are handed out ahead of the one awaited, so the reports waiting
in memory stay a handful however long the batch.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from blma.errors import BlmaError, DocumentError

if TYPE_CHECKING:
    from blma.analysis import GapReport

#: Files handed out per worker ahead of the one awaited: enough to keep every worker busy
#: behind a slow file, few enough that finished reports waiting their turn stay few.
AHEAD_PER_WORKER = 4


def analyze_in_workers(
    paths: list[str], jobs: int, language: str | None = None
) -> Iterator[GapReport | DocumentError]:
    """What ``api.analyze_paths`` yields for ``paths``, the work shared among ``jobs`` processes.

    Leaving early (an error, Ctrl-C, the caller stopping) cancels the files not started; a
    worker finishes the file it holds and exits.
    """
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start)
    waiting = iter(paths)
    handed: deque[tuple[str, Future]] = deque()

    def hand_out(count: int) -> None:
        for path in islice(waiting, count):
            handed.append((path, pool.submit(_analyze, path, language)))

    finished = False
    try:
        hand_out(jobs * AHEAD_PER_WORKER)
        while handed:
            path, future = handed.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                raise BlmaError(
                    f"{path}: the worker process analysing it stopped unexpectedly (out of memory?); "
                    "the files after it were not analysed"
                ) from None
            hand_out(1)
            yield DocumentError(*outcome) if isinstance(outcome, tuple) else outcome
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)


def _worker_start() -> None:
    """Ctrl-C reaches every process of the terminal's job: the parent alone handles it (and
    stops the batch), so a worker never prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyze(path: str, language: str | None) -> GapReport | tuple[str, str]:
    """One file's report, or its unreadable path and problem (a ``DocumentError`` takes two
    arguments, which pickling between processes does not carry)."""
    from blma import api

    try:
        return api.analyze_path(path, language=language)
    except DocumentError as exc:
        return exc.path, exc.problem
