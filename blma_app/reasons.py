"""The analyzer's reasons in plain words for the Review page (sentences in ``reasons.yaml``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from blma.yamlio import load_yaml

WORDING = Path(__file__).with_name("reasons.yaml")


@cache
def _rules() -> list[tuple[re.Pattern[str], str, int]]:
    data = load_yaml(WORDING.read_text(encoding="utf-8"))
    return [(re.compile(r["match"]), r["say"], int(r.get("nothing_on", 0))) for r in data["reasons"]]


def in_words(reason: str) -> str:
    """``reason`` as a sentence a reviewer reads; unknown reasons come back unchanged."""
    for pattern, say, nothing_on in _rules():
        match = pattern.match(reason.strip())
        if match is None:
            continue
        groups = list(match.groups())
        if nothing_on:
            groups[nothing_on - 1] = _elements(groups[nothing_on - 1])
        for number, value in enumerate(groups, start=1):
            say = say.replace(f"{{{number}}}", value)
        return say
    return reason


def _elements(listed: str) -> str:
    """ "notice; dues" -> "notice, and nothing on dues"; alternatives keep their "or"."""
    groups = [g.strip().replace("_", " ") for g in listed.split(";") if g.strip()]
    return ", and nothing on ".join(groups)
