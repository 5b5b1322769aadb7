"""An exercise on a sample agreement: which protections to classify, and the trainee's score.

A trainee marks each protection present, partial, missing or contrary. A protection left
unmarked is wrong, never silently "addressed". Each wrong answer comes back with what the
answer key says, why, and the agreement's own words at the place the key cites.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import BaseModel

from blma.errors import BlmaError, UnknownIdError
from blma.library.models import Status
from blma.reading import AgreementText

STATUSES: tuple[str, ...] = ("present", "partial", "missing", "contrary")
#: The order the exercise draws from when it holds fewer protections than the key: the
#: statuses a trainee most needs to practise come first, so a short exercise has all four.
DRAW_ORDER: tuple[str, ...] = ("contrary", "partial", "missing", "present")
NOT_MARKED = "not marked"
#: The longest quotation of the agreement an answer shows, in characters.
QUOTE_CHARS = 600


class ExerciseItem(BaseModel):
    """One protection of the exercise with its answer."""

    protection_id: str
    title: str
    expected: Status
    location: str | None = None
    note: str = ""
    trap: str | None = None
    quote: str = ""  # the agreement's text where the key places it ("" when the key cites nothing)

    def why(self) -> str:
        """The key's reason in a sentence, e.g. "Article IV(1): 'will encourage' ...". """
        where = f"{self.location}: " if self.location else ""
        if self.note:
            return where + self.note
        if self.expected == "missing":
            return "The agreement says nothing on it."
        return where.rstrip(": ")


class Exercise(BaseModel):
    """The protections a trainee classifies on one sample agreement, in rubric order."""

    sample: str  # the sample's file name
    title: str
    items: list[ExerciseItem]


class Answer(BaseModel):
    item: ExerciseItem
    yours: str  # a status, or NOT_MARKED

    @property
    def correct(self) -> bool:
        return self.yours == self.item.expected


class StatusScore(BaseModel):
    """How many protections the key gives this status, and how many the trainee marked so."""

    status: str
    right: int
    total: int


class ExerciseScore(BaseModel):
    answers: list[Answer]

    @property
    def correct(self) -> int:
        return sum(a.correct for a in self.answers)

    @property
    def total(self) -> int:
        return len(self.answers)

    @property
    def unmarked(self) -> int:
        return sum(a.yours == NOT_MARKED for a in self.answers)

    @property
    def per_status(self) -> list[StatusScore]:
        """One line per status of the key, in the order present, partial, missing, contrary."""
        found = []
        for status in STATUSES:
            mine = [a for a in self.answers if a.item.expected == status]
            if mine:
                found.append(StatusScore(status=status, right=sum(a.correct for a in mine), total=len(mine)))
        return found

    @property
    def wrong(self) -> list[Answer]:
        return [a for a in self.answers if not a.correct]


def build_exercise(
    sample: str,
    title: str,
    key: Mapping[str, object],
    doc: AgreementText,
    titles: Mapping[str, str],
    count: int | None = None,
) -> Exercise:
    """The exercise on a sample: ``count`` protections of its answer ``key`` (all when None).

    A shorter exercise draws the statuses in turn (``DRAW_ORDER``), each in rubric order, so it
    is the same every time for the same count: the printed sheet and the screen agree.
    """
    pids = list(key)
    if count is None:
        count = len(pids)
    if not 1 <= count <= len(pids):
        raise BlmaError(f"an exercise on this agreement holds 1 to {len(pids)} protections, not {count}")
    queues = {s: [p for p in pids if key[p].status == s] for s in DRAW_ORDER}  # type: ignore[attr-defined]
    chosen: list[str] = []
    while len(chosen) < count:
        for status in DRAW_ORDER:
            if queues[status] and len(chosen) < count:
                chosen.append(queues[status].pop(0))
    items = []
    for pid in sorted(chosen, key=pids.index):
        entry = key[pid]
        items.append(
            ExerciseItem(
                protection_id=pid,
                title=titles.get(pid, pid),
                expected=entry.status,  # type: ignore[attr-defined]
                location=entry.location,  # type: ignore[attr-defined]
                note=entry.note,  # type: ignore[attr-defined]
                trap=entry.trap,  # type: ignore[attr-defined]
                quote=quote_at(doc, entry.location),  # type: ignore[attr-defined]
            )
        )
    return Exercise(sample=sample, title=title, items=items)


def score_exercise(exercise: Exercise, marks: Mapping[str, str]) -> ExerciseScore:
    """The trainee's ``marks`` (protection id -> status) against the key; unmarked is wrong."""
    ids = {i.protection_id for i in exercise.items}
    unknown = sorted(set(marks) - ids)
    if unknown:
        raise UnknownIdError("not in this exercise: " + ", ".join(unknown))
    for pid, status in marks.items():
        if status not in STATUSES:
            raise BlmaError(f"{pid}: '{status}' is not a status (use one of: {', '.join(STATUSES)})")
    return ExerciseScore(answers=[Answer(item=i, yours=marks.get(i.protection_id, NOT_MARKED)) for i in exercise.items])


def quote_at(doc: AgreementText, location: str | None) -> str:
    """The agreement's text at a key's location ("Article V(1)"; several joined by ";"), clipped."""
    if not location:
        return ""
    places = [p.strip() for p in location.split(";") if p.strip()]
    texts = [
        b.text
        for b in doc.blocks
        if b.kind != "heading" and b.location and any(_within(b.location, p) for p in places)
    ]
    text = " ".join(" ".join(texts).split())
    if len(text) <= QUOTE_CHARS:
        return text
    return text[: text.rfind(" ", 0, QUOTE_CHARS)] + " …"


def _within(block_location: str, place: str) -> bool:
    """"Article V(1)(a)" is within "Article V(1)"; "Article VII" is not within "Article VI"."""
    a, b = block_location.lower(), place.lower()
    return a == b or (a.startswith(b) and re.match(r"[(,\s]", a[len(b)]) is not None)
