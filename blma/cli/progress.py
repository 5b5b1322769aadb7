"""A batch's progress bar on the terminal, and its lines on stderr printed above the bar."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.progress import Progress


class BatchProgress:
    """Counts the files of a batch as they are done.

    The bar appears only for more than one file, on stderr when stderr is a terminal and
    the results do not go to the same terminal; it is erased at the end, so what stays on
    the screen is what the command printed before there was a bar. Otherwise (a pipe, a
    log, the tests) the lines are printed exactly as they come.
    """

    def __init__(self, total: int, *, results_to_terminal: bool) -> None:
        self.total = total
        self._shown = total > 1 and sys.stderr.isatty() and not results_to_terminal
        self._bar: Progress | None = None

    def __enter__(self) -> BatchProgress:
        if self._shown:
            # imported here: a command that shows no bar does not load rich's console
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("analysing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,  # redrawn at each file: no drawing thread beside the worker processes
                redirect_stdout=False,  # the results may stream to stdout
                redirect_stderr=False,
            )
            self._bar.add_task("", total=self.total)
            self._bar.start()
            self._bar.refresh()
        return self

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._bar.task_ids[0])
            self._bar.refresh()

    def echo(self, line: str) -> None:
        """Print one line to stderr, above the bar when there is one."""
        if self._bar is None:
            typer.echo(line, err=True)
        else:
            self._bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
