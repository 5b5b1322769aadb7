"""The agreement under review in one session: its bytes (memory only), report and decisions."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field

from blma import api
from blma_app.state import fingerprint


@dataclass
class Review:
    """One uploaded or sample agreement and what the session has learnt about it."""

    name: str
    data: bytes
    origin: str  # "upload" or "sample"
    print_: str = ""
    report: api.GapReport | None = None  # the tool's findings, never edited
    error: str = ""
    decisions: dict[str, tuple[str, str]] = field(default_factory=dict)  # pid -> (status, reason)

    def __post_init__(self) -> None:
        self.print_ = self.print_ or fingerprint(self.name, self.data)

    @property
    def reviewed(self) -> api.GapReport | None:
        """The report with the reviewer's decisions beside the tool's findings."""
        if self.report is None:
            return None
        return api.with_reviewer_decisions(self.report, self.decisions) if self.decisions else self.report

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0] if "." in self.name else self.name

    @property
    def is_docx(self) -> bool:
        return self.data.startswith(b"PK\x03\x04")

    def decisions_print(self) -> str:
        return fingerprint(self.print_, *(f"{k}={s}:{r}" for k, (s, r) in sorted(self.decisions.items())))


KEY = "review.current"


def current(state: MutableMapping) -> Review | None:
    return state.get(KEY)


def open_document(state: MutableMapping, name: str, data: bytes, origin: str) -> Review:
    """Make ``name`` the agreement under review, unless it already is."""
    review = current(state)
    candidate = Review(name, data, origin)
    if review is None or review.print_ != candidate.print_:
        state[KEY] = review = candidate
    return review
