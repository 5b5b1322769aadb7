"""The trained arbiter's say in a finding: where the rules are weakest, and nowhere else.

The rules decide; the arbiter (``blma.analysis.arbiter``) is consulted on six questions:

- a protection the rules found *present*: is any firm sentence behind it about that protection
  at all, to the model? If none is, a topic word was probably taken at face value ("members of
  the family" in a benefits article read as family reunification): the finding becomes partial,
  marked for a reviewer to check;
- a protection the rules found *present*: does the model, reading every firm sentence behind
  it, find them all clearly partial? Then the finding becomes partial and says why;
- a protection the rules found *present*: does the model read at least one firm sentence behind
  it as securing more than part of it (more present than partial; its "contrary" is left out,
  since the rules have decided the direction)? If not, the finding becomes partial, marked for a
  reviewer to check: the rubric's "present" needs its core elements, which a rule's words often
  only touch ("orientation before departure" with nothing after arrival). "More present than
  partial" is read with a little room (``PRESENT_SHARE_AT_LEAST``), so that a model's near-even
  reading of a plain protection does not demote it;
- a protection the rules found only *partially*: is any sentence behind it about that protection
  at all? If every one reads as about something else (below 15 %), the rule's words were false
  friends ("the rate of the benefit" as wage protection): the finding becomes missing, marked for
  a reviewer to check, with the sentences kept as evidence;
- a protection the rules found *missing*: does one firm sentence about workers address it in
  words no rule knows (a paraphrase)? Then it becomes partial, marked for a reviewer to check;
- a protection the rules found nothing against: does one firm sentence, relevant to it, read
  to the model as working against workers, surely ("harms")? Then it becomes contrary, marked for
  a reviewer to check: the rules' direction reading misses harms worded in a new voice;
- any finding: does the model read its best evidence the same way? If not, its confidence
  drops (``blma.analysis.confidence``).

Thresholds are deliberately strict: the model was trained on the development sets, so it is
allowed to overrule the rules only when it is sure. The topic and paraphrase bars were chosen on
real texts that neither the rules nor the model had seen (the twelve added to ``corpus/real`` on
2026-12-04, scored with the rules and model of the commit before them; they are development data
now): present precision there rose from 0.57 to 0.89 and detection from 0.71 to 0.76. The
unrelated bar was chosen on the six real batches added on 2026-12-04, each scored with the rules
and model of the commit before it (so blind to both): over their 1,768 pairs it took exact from
0.847 to 0.856 and detection from 0.726 to 0.738 (corpus/real/README.md, "Design study"). The
present-against-partial check was chosen the same way, with today's model design retrained
without each batch: on the eight batches (2,312 pairs) present precision rose from 24 right of
41 to 20 of 28 and exact from 0.847 to 0.849; on the five blind-written English synthetic sets,
each scored with a model trained without it, exact held or rose (0.843/0.843/0.804/0.779/0.853
to 0.843/0.848/0.804/0.789/0.853).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from blma.analysis.arbiter import Arbiter
from blma.analysis.prefilter import Guarded

DEMOTE_WHEN_PARTIAL_AT_LEAST = 0.85  # every firm sentence must read as partial at least this surely
# A present finding needs one firm sentence read at least this present against partial. At 0.5 a
# retrained model's coin flips on plain protections ("The employer shall not retain the worker's
# passport": 47%) demoted them; 0.45 was measured on 2026-12-05 (session 14) with models that had
# not seen the texts: four blind English sets exact 0.770/0.779/0.799/0.819 -> 0.770/0.784/0.804/
# 0.819, present precision equal or higher on each; the real English development texts in five
# folds, exact 0.885 both, present 55/62 -> 56/64 right; four blind French sets, mean exact
# 0.7155 -> 0.7145. Raising it (0.6, 0.7) gained nothing and cost the English sets up to 0.009.
# Tried and not taken (2026-12-06, session 22): 0.7 in English. With models that had not seen the
# texts it looked right for real treaties: the nine blind real English batches, present precision
# 28 of 47 -> 20 of 26 right (exact 0.851 -> 0.852); the real development texts in five folds
# 0.851 -> 0.904 (exact 0.889 -> 0.887); the blind sets en10-en28 0.832 -> 0.870 (exact 0.820 ->
# 0.816). But the model reads plain full protections near even ("The employer shall not retain the
# worker's passport": 52 %; "The employer shall pay the return journey, and the Ministry ... shall
# provide returning workers with counselling, job placement ...": 64 %), and seventeen development
# tests lost their "present" (ten at 0.6; seven still when sentences of twenty words or fewer kept
# 0.45). French and Spanish blind sets lost exact at 0.6 already (0.779 -> 0.776, 0.852 -> 0.848).
# A model that reads short plain protections surely is the prerequisite.
# Re-measured 2026-12-06 (session 26), models trained without the texts scored: the blind sets
# en30-en35 pooled exact 0.791 -> 0.790, present precision 0.684 -> 0.706 (en32 and en33 up, en34
# down); the real development texts in five folds exact 0.888 -> 0.886, present precision 0.862 ->
# 0.914. The same trade as in session 22: not taken while plain protections read near even.
PRESENT_SHARE_AT_LEAST = 0.45
# Not taken (2026-12-05, session 20): also asking that one firm sentence read present outright at
# least 0.5. With models that had not seen the texts it looked free: the nine blind real English
# batches present precision 28 of 47 -> 24 of 33 right, exact 0.851 -> 0.853; the blind sets
# en10-en26 exact 0.823 both (0.6: -0.004; 0.9: -0.053). But the model gives a "contrary" share to
# plain protections that name the harm they forbid or the worker's own hold on a right ("Workers
# shall not bear any cost of their recruitment, travel or visa", "The worker shall keep his own
# passport and residence card at all times"), and eleven development tests lost their "present".
PARAPHRASE_RELEVANCE = 0.85  # a missing protection is flagged only on a sentence this relevant
OFF_TOPIC_BELOW = 0.5  # a present finding none of whose firm sentences is this relevant is checked
# A partial finding none of whose sentences is this relevant is missing. 0.05 was measured on
# 2026-12-05 (session 15) with models that had not seen the texts: real English development in five
# folds exact 0.885 -> 0.887, detection 0.799 -> 0.804, but the blind English sets en10-en12 lost
# 0.005 exact each (en13 +0.010); 0.2 lost detection on the real texts. Kept then. Raised to 0.15 on
# 2026-12-05 (session 20), once the model had read more voices, each check with a model that had not
# seen the texts: the nine blind real English batches (today's design trained without each) exact
# 0.856 -> 0.860, detection 0.747 both; the blind sets en10-en26 exact 0.823 -> 0.825, detection
# 0.878 -> 0.881 (seven sets up, en15 and en18 down); the real development texts in five folds
# 0.888 -> 0.889, 0.799 -> 0.800. 0.2 gained more on the synthetic sets but lost detection on both
# real sets (0.747 -> 0.743, 0.799 -> 0.794).
UNRELATED_BELOW = 0.15
PARAPHRASE_MIN_WORDS = 8
# A harm in words no rule reads: a firm sentence this relevant to a protection that the model reads
# as working against workers this surely. Chosen on 2026-12-05 (session 17) with rules and model
# that had seen none of the texts: see "harms" in ``blma.analysis.analyzer``.
# Re-measured 2026-12-06 (session 27), models trained without the texts scored, blind sets en30-en35
# pooled: contrary share 0.8 exact 0.791 -> 0.789, contrary F1 0.837 -> 0.831 (en32 up, en33 and
# en35 down: false harms); 0.85 0.789 / 0.829; relevance 0.6 changed nothing. Kept.
HARM_RELEVANCE = 0.7
HARM_CONTRARY_AT_LEAST = 0.9


@dataclass(frozen=True)
class Paraphrase:
    """A sentence the model reads beyond the rules: addressing a protection no rule found (from
    ``paraphrases``), or working against workers on one (from ``harms``)."""

    protection: str
    index: int  # of the sentence in the analyzer's list
    probability: float  # how sure: relevance for a paraphrase, the contrary share for a harm


class SecondOpinion:
    def __init__(self, arbiter: Arbiter) -> None:
        self.arbiter = arbiter

    def strength(self, protection: str, text: str) -> dict[str, float]:
        return self.arbiter.strength(protection, text)

    def off_topic(self, protection: str, firm_texts: Iterable[str]) -> float | None:
        """The highest relevance to ``protection`` of the firm sentences, when all are below the bar."""
        return _highest_below(
            firm_texts, OFF_TOPIC_BELOW, lambda text: self.arbiter.relevance(text)[protection]
        )

    def unrelated(self, protection: str, texts: Iterable[str]) -> float | None:
        """The highest relevance to ``protection`` of a partial finding's sentences, when all are
        below the (much lower) bar of a finding that is no finding at all."""
        return _highest_below(texts, UNRELATED_BELOW, lambda text: self.arbiter.relevance(text)[protection])

    def unconfirmed(self, protection: str, firm_texts: Iterable[str]) -> float | None:
        """The model's highest share of "present" against "partial" among the firm sentences, when
        every one reads clearly more partial than present (below ``PRESENT_SHARE_AT_LEAST``), else
        None. The rules have already decided the direction (nothing contrary was found), so the
        model's "contrary" is left out: it reads a negated harm as the harm ("shall not be charged
        for travel")."""

        return _highest_below(
            firm_texts, PRESENT_SHARE_AT_LEAST, lambda text: present_share(self.arbiter.strength(protection, text))
        )

    def demotes(self, protection: str, firm_texts: Iterable[str]) -> float | None:
        """The lowest P(partial) when every firm sentence reads as partial, else None."""
        lowest = 1.0
        for text in firm_texts:
            partial = self.arbiter.strength(protection, text)["partial"]
            if partial < DEMOTE_WHEN_PARTIAL_AT_LEAST:
                return None
            lowest = min(lowest, partial)
        return lowest

    def still_relevant(self, protection: str, text: str, mask: Guarded | None) -> bool:
        """Whether ``text`` still reads as addressing ``protection`` once the words its rule masks
        as false friends are blanked: the model learned the topic from those words too ("public
        holidays" as publication), but a sentence may hold a false friend and the real thing."""
        if mask is None or not mask.search(text):
            return True
        return self.arbiter.relevance(mask.sub(" ", text))[protection] >= PARAPHRASE_RELEVANCE

    def paraphrases(self, candidates: list[tuple[int, str]], missing: set[str]) -> dict[str, Paraphrase]:
        """For each protection in ``missing``, the most relevant candidate sentence above the bar."""
        found: dict[str, Paraphrase] = {}
        if not missing:
            return found
        for index, text in candidates:
            if len(text.split()) < PARAPHRASE_MIN_WORDS:
                continue
            for protection, p in self.arbiter.relevance(text).items():
                if protection in missing and p >= PARAPHRASE_RELEVANCE:
                    best = found.get(protection)
                    if best is None or p > best.probability:
                        found[protection] = Paraphrase(protection, index, p)
        return found

    def harms(
        self,
        candidates: list[tuple[int, str]],
        protections: set[str],
        on_topic: Mapping[int, set[str]],
        model_topic: bool = False,
    ) -> dict[str, Paraphrase]:
        """For each of ``protections``, the candidate sentence the model reads most surely as
        working against workers on it, when it is relevant enough and reads contrary surely enough.
        ``on_topic``: for each candidate, the protections a rule found it to touch; only those are
        read, so that the rules say what a sentence is about and the model which way it cuts. With
        ``model_topic``, the protection the model finds the sentence most about is read too: a harm
        in words no rule knows is often in a sentence no rule reads as on any topic."""
        found: dict[str, Paraphrase] = {}
        if not protections:
            return found
        for index, text in candidates:
            touched = on_topic.get(index, set()) & protections
            if (not touched and not model_topic) or len(text.split()) < PARAPHRASE_MIN_WORDS:
                continue
            relevance = self.arbiter.relevance(text)
            if model_topic:
                touched = touched | ({max(relevance, key=relevance.__getitem__)} & protections)
            for protection, p in relevance.items():
                if protection not in touched or p < HARM_RELEVANCE:
                    continue
                contrary = self.arbiter.strength(protection, text)["contrary"]
                best = found.get(protection)
                if contrary >= HARM_CONTRARY_AT_LEAST and (best is None or contrary > best.probability):
                    found[protection] = Paraphrase(protection, index, contrary)
        return found


def present_share(read: Mapping[str, float]) -> float:
    """The model's "present" against "partial", its "contrary" left out (the rules decide direction)."""
    return read["present"] / ((read["present"] + read["partial"]) or 1.0)


def _highest_below(texts: Iterable[str], below: float, read: Callable[[str], float]) -> float | None:
    """The highest ``read`` of ``texts`` when every one is below ``below``; None as soon as one is not."""
    highest = 0.0
    for text in texts:
        highest = max(highest, read(text))
        if highest >= below:
            return None
    return highest
