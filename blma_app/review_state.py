"""The agreement under review in one session: its bytes (memory only), report and decisions.

The review is also filed with :mod:`blma_app.keep`, so a browser reload finds it again.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field

from blma import api
from blma_app import keep
from blma_app.state import fingerprint

KEY = "review.current"
KEEP_SECTION = "review"


@dataclass
class Review:
    """One uploaded or sample agreement and what the session has learnt about it."""

    name: str
    data: bytes
    origin: str  # "upload" or "sample"
    print_: str = ""
    report: api.GapReport | None = None  # the tool's findings, never edited
    error: str = ""
    decisions: dict[str, api.Decision] = field(default_factory=dict)  # by protection id
    context: dict[str, str] = field(default_factory=dict)  # the agreement's words for suggested clauses
    waited_s: float = 0.0  # time spent in the analysis queue
    language: str | None = None  # the authentic text the reviewer picked (None: the first supported)
    _reviewed: tuple[str, api.GapReport] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.print_ = self.print_ or fingerprint(self.name, self.data)

    @property
    def reviewed(self) -> api.GapReport | None:
        """The report with the reviewer's decisions beside the tool's findings (built once per set)."""
        if self.report is None or not self.decisions:
            return self.report
        key = self.decisions_print()
        if self._reviewed is None or self._reviewed[0] != key:
            self._reviewed = (key, api.apply_decisions(self.report, self.decisions))
        return self._reviewed[1]

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0] if "." in self.name else self.name

    @property
    def is_docx(self) -> bool:
        return self.data.startswith(b"PK\x03\x04")

    def decisions_print(self) -> str:
        return fingerprint(
            self.print_, *(f"{k}={d.status}:{d.reviewer}:{d.reason}" for k, d in sorted(self.decisions.items()))
        )

    def use_language(self, language: str) -> bool:
        """Analyse the agreement's ``language`` text from now on: the report is dropped, to be made
        again (in the server's queue, by the page); the reviewer's decisions stay, as statuses do
        not depend on the language they were read in. False when that text is already the one."""
        if language == (self.report.facts.language if self.report else self.language):
            return False
        self.language, self.report, self.context, self.error, self._reviewed = language, None, {}, "", None
        return True

    def review_file(self) -> api.ReviewFile:
        """The decisions as a review file for this agreement (its name and fingerprint)."""
        return api.new_review_file(self.name, self.data, self.decisions)


def current(state: MutableMapping) -> Review | None:
    return state.get(KEY)


def open_document(state: MutableMapping, name: str, data: bytes, origin: str) -> Review:
    """Make ``name`` the agreement under review, unless it already is."""
    review = current(state)
    candidate = Review(name, data, origin)
    if review is None or review.print_ != candidate.print_:
        state[KEY] = review = candidate
        remember(review)
    return review


def forget(state: MutableMapping) -> None:
    """No agreement under review, now or after a reload."""
    state.pop(KEY, None)
    keep.save(KEEP_SECTION, None)


def remember(review: Review) -> None:
    """File the review (and its decisions) for a reload."""
    keep.save(KEEP_SECTION, review, len(review.data))


def restore(state: MutableMapping) -> Review | None:
    """After a reload: the review this session had, if the server still keeps it."""
    review = keep.restore(KEEP_SECTION)
    if review is not None:
        state[KEY] = review
    return review
