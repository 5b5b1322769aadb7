"""Reading a provision once: who it binds, what kind of norm it is, and what hollows it out.

Every protection's decision rests on the same questions about a sentence: is it an
obligation, a permission, a prohibition, a right or an exemption; who bears it (a State, an
employer, an agency, the worker); is it negated; does a qualifier ("where such a system
exists", "as a general rule", "in so far as") or an opening condition ("Should the worker
wish to ...") change what it commits to; and who benefits. They are answered here, from the
language's deontic lexicon (``lexicon/<language>/deontic.yaml``), so that no rule re-invents
negation, direction or modality in its own regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from blma.analysis.rules import Modality

Norm = Literal["obligation", "permission", "prohibition", "right", "exemption", "definition", "recital", "statement"]
Party = Literal["state", "employer", "agency", "worker", "none"]

CLAUSE_START = re.compile(r"[,;:]\s+|\b(?:and|or|but|which|who|whom|whose|that)\s+", re.I)
PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+|an?\s+|its\s+|their\s+)?", re.I)


@dataclass(frozen=True)
class Provision:
    """One sentence read as a norm.

    ``bearer`` is who the norm binds or empowers ("none" when no party is named); ``qualifier``
    names the qualifier that narrows a firm provision (a key of ``qualifiers`` in the lexicon)
    and ``qualifier_words`` quotes it; ``condition`` quotes an opening condition, which states
    a case and is not soft wording; ``beneficiary`` is "worker" when a worker is named after
    the modal phrase (the one the norm is for).
    """

    norm: Norm = "statement"
    bearer: Party = "none"
    negated: bool = False
    qualifier: str = ""
    qualifier_words: str = ""
    condition: str = ""
    beneficiary: Party = "none"

    @property
    def qualified(self) -> bool:
        return bool(self.qualifier)


class DeonticReader:
    """Reads sentences with one language's deontic lexicon."""

    def __init__(self, modality: Modality) -> None:
        self.m = modality

    def without_condition(self, text: str) -> tuple[str, str]:
        """The sentence with an opening inverted condition rewritten as "If", and that condition."""
        match = self.m.conditional_opening.search(text)
        if not match:
            return text, ""
        return text[: match.start()] + "If " + text[match.end() :], match.group(0).strip()

    def is_definition(self, text: str) -> bool:
        if self.m.definition.search(text):
            return True
        lead = self.m.definition_lead.search(text)
        return bool(lead) and bool(self.m.definition.search(text[lead.end() :]))

    def qualifier(self, text: str) -> tuple[str, str]:
        """The first qualifier in the sentence: (its name, its words), or ("", "")."""
        for name, pattern in self.m.qualifiers.items():
            match = pattern.search(text)
            if match:
                return name, match.group(0)
        return "", ""

    def read(self, text: str, *, preamble: bool = False) -> Provision:
        stripped, condition = self.without_condition(text)
        qualifier, words = self.qualifier(stripped)
        if self.is_definition(stripped):
            return Provision(norm="definition", condition=condition)
        if preamble or self.m.recital.search(stripped):
            return Provision(norm="recital", condition=condition)
        norm, at, end = self._norm(stripped)
        bearer = self._bearer(stripped, at, end) if norm != "statement" else "none"
        return Provision(
            norm=norm,
            bearer=bearer,
            negated=norm == "prohibition",
            qualifier=qualifier,
            qualifier_words=words,
            condition=condition,
            beneficiary=self._beneficiary(stripped, end, bearer),
        )

    def _norm(self, text: str) -> tuple[Norm, int, int]:
        """The kind of norm and where its modal phrase stands; the earliest phrase wins, and
        among phrases at the same place the lexicon's order (prohibition before permission)."""
        best: tuple[int, int, Norm, int] | None = None
        for rank, (name, pattern) in enumerate(self.m.norms.items()):
            match = pattern.search(text)
            if match and (best is None or (match.start(), rank) < (best[0], best[1])):
                best = (match.start(), rank, name, match.end())  # type: ignore[assignment]
        if best is None:
            return "statement", len(text), len(text)
        return best[2], best[0], best[3]

    def _bearer(self, text: str, at: int, end: int) -> Party:
        """The party named last in the clause before the modal phrase, or the agent of a
        passive ("shall not be retained by the employer")."""
        head = text[:at]
        starts = [m.end() for m in CLAUSE_START.finditer(head)]
        subject = head[starts[-1] :] if starts and len(head) - starts[-1] > 3 else head
        found = self._last_party(subject) or self._last_party(text[at:end])  # "No agency shall ..."
        agent = PASSIVE_AGENT.search(text, end)
        if agent and agent.start() - end < 60:
            by = self._first_party(text[agent.end() : agent.end() + 40])
            if by != "none":
                return by
        return found or "none"

    def _last_party(self, text: str) -> Party | None:
        best: tuple[int, Party] | None = None
        for name, pattern in self.m.bearers.items():
            for match in pattern.pattern.finditer(text):
                if best is None or match.start() >= best[0]:
                    best = (match.start(), name)  # type: ignore[assignment]
        return best[1] if best else None

    def _first_party(self, text: str) -> Party:
        for name, pattern in self.m.bearers.items():
            match = pattern.search(text)
            if match and match.start() < 5:
                return name  # type: ignore[return-value]
        return "none"

    def _beneficiary(self, text: str, end: int, bearer: Party) -> Party:
        if bearer == "worker":
            return "none"
        for match in self.m.bearers["worker"].pattern.finditer(text, end):
            if text[match.end() : match.end() + 1] not in ("'", "’"):  # "the worker's passport" is not for the worker
                return "worker"
        return "none"
