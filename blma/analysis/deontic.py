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
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from blma.analysis.prefilter import Sentence
from blma.analysis.rules import Modality

Norm = Literal["obligation", "permission", "prohibition", "right", "exemption", "definition", "recital", "statement"]
Party = Literal["state", "employer", "agency", "worker", "none"]

CLAUSE_START = re.compile(r"[,;:]\s+|\b(?:and|or|but|which|who|whom|whose|that)\s+", re.I)
PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+|an?\s+|its\s+|their\s+)?", re.I)
#: a modal phrase with no subject of its own, joined to the clause before ("..., and shall not")
_COORDINATED = re.compile(r"(?:,\s*|\s)(?:and|or)\s*$", re.I)
#: up to two words in capitals before the party a passive names
_NAMED = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,2}")


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
    negated: bool = False
    qualifier: str = ""
    qualifier_words: str = ""
    condition: str = ""
    text: str = field(default="", repr=False)  # as read: an opening condition rewritten as "If"
    modal_at: tuple[int, int] = field(default=(0, 0), repr=False)
    reader: DeonticReader | None = field(default=None, repr=False, compare=False)

    @property
    def qualified(self) -> bool:
        return bool(self.qualifier)

    @cached_property
    def bearer(self) -> Party:
        """Read on demand: most sentences are never asked who they bind."""
        if self.reader is None or self.norm in ("statement", "definition", "recital"):
            return "none"
        return self.reader.bearer(self.text, *self.modal_at)

    @cached_property
    def beneficiary(self) -> Party:
        if self.reader is None or self.norm in ("statement", "definition", "recital"):
            return "none"
        return self.reader.beneficiary(self.text, self.modal_at[1], self.bearer)


class DeonticReader:
    """Reads sentences with one language's deontic lexicon."""

    def __init__(self, modality: Modality) -> None:
        self.m = modality
        # a lexicon may give its own clause grammar; English keeps the patterns above
        own_start = getattr(modality, "clause_start", None)
        own_agent = getattr(modality, "passive_agent", None)
        self.clause_start = own_start.pattern if own_start is not None else CLAUSE_START
        self.passive_agent = own_agent.pattern if own_agent is not None else PASSIVE_AGENT

    def without_condition(self, text: str) -> tuple[str, str]:
        """The sentence with an opening inverted condition rewritten as "If", and that condition."""
        match = self.m.conditional_opening.search(text)
        if not match:
            return text, ""
        return text[: match.start()] + "If " + text[match.end() :], match.group(0).strip()

    def is_definition(self, text: str | Sentence) -> bool:
        if self.m.definition.search(text):
            return True
        lead = self.m.definition_lead.search(text)
        plain = text.text if isinstance(text, Sentence) else text
        return bool(lead) and bool(self.m.definition.search(plain[lead.end() :]))

    def qualifier(self, text: str | Sentence) -> tuple[str, str]:
        """The first qualifier in the sentence: (its name, its words), or ("", "")."""
        for name, pattern in self.m.qualifiers.items():
            match = pattern.search(text)
            if match:
                return name, match.group(0)
        return "", ""

    def read(self, text: str, *, preamble: bool = False, scan: Sentence | None = None) -> Provision:
        """``scan``: the sentence's literal scan if the caller has one (saves scanning twice)."""
        stripped, condition = self.without_condition(text)
        sentence = scan if scan is not None and scan.text == stripped else Sentence.of(stripped)
        if self.is_definition(sentence):
            return Provision(norm="definition", condition=condition, text=stripped)
        if preamble or self.m.recital.search(sentence):
            return Provision(norm="recital", condition=condition, text=stripped)
        qualifier, words = self.qualifier(sentence)
        norm, at, end = self._norm(sentence)
        return Provision(
            norm=norm,
            negated=norm == "prohibition",
            qualifier=qualifier,
            qualifier_words=words,
            condition=condition,
            text=stripped,
            modal_at=(at, end),
            reader=self,
        )

    def _norm(self, text: Sentence) -> tuple[Norm, int, int]:
        """The kind of norm and where its modal phrase stands; the earliest phrase wins, and
        among phrases at the same place the lexicon's order (prohibition before permission)."""
        best: tuple[int, int, Norm, int] | None = None
        for rank, (name, pattern) in enumerate(self.m.norms.items()):
            match = pattern.search(text)
            if match and (best is None or (match.start(), rank) < (best[0], best[1])):
                best = (match.start(), rank, name, match.end())  # type: ignore[assignment]
        if best is None:
            return "statement", len(text.text), len(text.text)
        return best[2], best[0], best[3]

    def subject(self, provision: Provision) -> str:
        """The words naming the party a norm binds ("Los trabajadores temporales"), for a next
        sentence that leaves its subject out; "" when the clause before the modal names none."""
        if provision.reader is not self or provision.norm in ("definition", "recital"):
            return ""
        if provision.norm == "statement":  # "Les travailleurs saisonniers reçoivent ...": a party first
            found = [m for p in self.m.bearers.values() if (m := p.pattern.search(provision.text)) and m.start() < 12]
            return provision.text[: min(m.end() for m in found)].strip() if found else ""
        head = provision.text[: provision.modal_at[0]]
        starts = [m.end() for m in self.clause_start.finditer(head)]
        head = (head[starts[-1] :] if starts and len(head) - starts[-1] > 3 else head).strip(" ,;:")
        if not head or len(head.split()) > 8 or self._last_party(head) is None:
            return ""
        return head

    def with_subject(self, text: str, subject: str) -> str | None:
        """``text`` with the subject it leaves out put back ("Podrán cambiar ..." read as "Los
        trabajadores podrán cambiar ..."), or None when it has a subject of its own or the
        lexicon reads no subjectless sentences (English)."""
        pattern = getattr(self.m, "subjectless", None)
        if pattern is None or not subject:
            return None
        match = pattern.pattern.match(text)
        if match is None:
            return None
        rest = text[match.end() :].lstrip()
        return f"{subject} {rest[:1].lower()}{rest[1:]}"

    def negated_modal(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """A negated modal between ``start`` and ``end`` that reverses a harm found there.

        It does not when the worker is the one it binds: "debts shall not be repaid through work"
        protects, "workers shall not be permitted to leave the camp" harms.
        """
        match = self.m.modal_negation.pattern.search(text, start, end)
        if match is None or self.bearer(text, match.start(), match.end()) == "worker":
            return None
        return match

    def bearer(self, text: str, at: int, end: int) -> Party:
        """The party named last in the clause before the modal phrase, or the agent of a
        passive ("shall not be retained by the employer")."""
        head = text[:at]
        starts = [m.end() for m in self.clause_start.finditer(head)]
        subject = head[starts[-1] :] if starts and len(head) - starts[-1] > 3 else head
        if starts and len(head) - starts[-1] <= 3 and _COORDINATED.search(head):
            # "Inspectors shall interview workers in private, and shall not transmit ...": a verb
            # joined to the sentence's first shares its subject, the party named first
            found = self._earliest_party(head) or self._last_party(text[at:end])
        else:
            found = self._last_party(subject) or self._last_party(text[at:end])  # "No agency shall ..."
        agent = self.passive_agent.search(text, end)
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

    def _earliest_party(self, text: str) -> Party | None:
        best: tuple[int, Party] | None = None
        for name, pattern in self.m.bearers.items():
            match = pattern.pattern.search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), name)  # type: ignore[assignment]
        return best[1] if best else None

    def _first_party(self, text: str) -> Party:
        """The party a passive's "by" names: at its start, or after a name or adjective in capitals
        ("by the Tavessan Government", "by the Federal Ministry")."""
        named = _NAMED.match(text)
        limit = max(5, named.end() + 1) if named else 5
        for name, pattern in self.m.bearers.items():
            match = pattern.search(text)
            if match and match.start() < limit:
                return name  # type: ignore[return-value]
        return "none"

    def beneficiary(self, text: str, end: int, bearer: Party) -> Party:
        if bearer == "worker":
            return "none"
        for match in self.m.bearers["worker"].pattern.finditer(text, end):
            if text[match.end() : match.end() + 1] not in ("'", "’"):  # "the worker's passport" is not for the worker
                return "worker"
        return "none"


_READERS: dict[int, DeonticReader] = {}


def reader_for(modality: Modality) -> DeonticReader:
    """One reader per loaded lexicon."""
    reader = _READERS.get(id(modality))
    if reader is None or reader.m is not modality:
        reader = _READERS[id(modality)] = DeonticReader(modality)
    return reader
