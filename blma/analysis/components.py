"""The spaCy components of the analysis pipeline, registered by name.

A pipeline is a blank English tokenizer plus the components listed in
``rules/pipeline.yaml``; each one reads and writes span extensions on sentences, so the
steps can be inspected, reordered or replaced without touching the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from blma.analysis.deontic import DeonticReader, Provision, reader_for
from blma.analysis.prefilter import Guarded, Sentence, read_once
from blma.analysis.rules import RULES_DIR, RuleBook, load_rulebook, vocabulary_pattern
from blma.analysis.spacy_import import spacy

Language = spacy.language.Language
Doc, Span = spacy.tokens.Doc, spacy.tokens.Span

WORKER_WORD = vocabulary_pattern("WORKER")
CONDITION = re.compile(
    r"\b(?:where|if|when|whenever|unless|in case|in the event|should|in so far as|insofar as|to the extent that"
    r"|so long as|as long as)\s+(?:[\w'’]+\s+){0,3}$",
    re.I,
)
EXCLUSION = re.compile(r"excluded|exempt", re.I)
#: "the worker shall pay nothing ...": the payment the worker would make is denied after the verb
NOTHING_AFTER = re.compile(r"\s*(?:nothing|none)\b", re.I)
FOR_WORKER = re.compile(r"\W*(?:for|to)\s+(?:the\s+)?(?:\w+\s+){0,2}?" + WORKER_WORD.pattern, re.I)
#: "Night work of seafarers under 18 shall be prohibited": the workers only qualify what is forbidden
#: (their work, their dismissal); "the rights of workers ... denied" still refuses the workers something.
WORKER_QUALIFIES = re.compile(
    r"\b(?!(?:rights?|access|freedom|entitlements?|benefits?|claims?)\b)[a-z]+ of (?:the |such |any |all |these |those )?"
    r"(?:[\w-]+ ){0,3}$",
    re.I,
)

# What the pipeline leaves on every sentence (a spaCy Span):
#   span._.modality: "firm" | "soft" | "national_law" | "qualified" | "recital" | "definition"
#   span._.provision: the sentence read as a norm (blma.analysis.deontic.Provision)
#   span._.soft_cue:  the words that made it soft, for the reviewer
#   span._.hits:      {protection id: SentenceHit}
if not Span.has_extension("modality"):
    Span.set_extension("modality", default="firm")
    Span.set_extension("provision", default=None)
    Span.set_extension("scan", default=None)  # the sentence's literal scan, shared by the components
    Span.set_extension("soft_cue", default="")
    Span.set_extension("hits", default=None)
if not Span.has_extension("implied"):
    Span.set_extension("implied", default="")  # the sentence with the subject it leaves out put back
if not Doc.has_extension("lead_in"):
    Doc.set_extension("lead_in", default="")  # e.g. "The Parties shall endeavour to:" before a list item
    Doc.set_extension("is_preamble", default=False)
if not Doc.has_extension("subject"):
    # the subject a next sentence may leave out ("Los trabajadores"): carried in from the block
    # before in the same article, and out to the next one
    Doc.set_extension("subject", default="")
if not Doc.has_extension("text"):
    Doc.set_extension("text", default=None)  # the text the doc was made from (see doc_text)
if not Doc.has_extension("capitalised"):
    # the words the whole document writes with a capital: what a capitalised slip may be (spelling)
    Doc.set_extension("capitalised", default=frozenset())


@dataclass
class SentenceHit:
    """What one protection's detector found in one sentence."""

    topic: bool = False  # the sentence addresses the protection
    weak: bool = False  # only through a weak cue (e.g. skills development, not recognition)
    contrary: str = ""  # the words that work against the protection
    reversed_contrary: str = ""  # a harmful act the sentence forbids ("no costs shall be deducted")
    restricted: str = ""  # words narrowing the protection ("only in case of abuse")
    elements: set[str] = field(default_factory=set)
    cue: str = ""  # the name of the cue that fired: "topic_2", "contrary_5", "generic_pays"


def _lead_in(doc: Doc) -> str:
    return doc._.lead_in or ""


def doc_text(doc: Doc) -> str:
    """The doc's text, kept on it: ``Doc.text`` and ``Span.text`` build it from every token each time."""
    text = doc._.text
    if text is None:
        text = doc._.text = doc.text
    return text


def _book(rules_dir: str, language: str = "en") -> RuleBook:
    return load_rulebook(Path(rules_dir) if rules_dir else RULES_DIR, language=language)


@Language.factory("blma_modality", default_config={"rules_dir": "", "language": "en"})
def make_modality(nlp: Language, name: str, rules_dir: str, language: str) -> ModalityTagger:
    return ModalityTagger(_book(rules_dir, language))


@Language.factory("blma_protections", default_config={"rules_dir": "", "language": "en"})
def make_protections(nlp: Language, name: str, rules_dir: str, language: str) -> ProtectionDetector:
    return ProtectionDetector(_book(rules_dir, language))


class ModalityTagger:
    """Tags each sentence with how firmly it commits.

    A list item inherits the modality of its lead-in ("The Parties shall endeavour to:"),
    "may" is soft for a State but a right for a worker, and a bare reference to national
    law with no floor of its own is its own category. A misspelt or misscanned word is read
    as the word it plainly is (``spelling``); the sentence as read is kept as ``implied``.
    """

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.m = book.modality
        self.reader = DeonticReader(book.modality)
        self.spelling = book.spelling

    def __call__(self, doc: Doc) -> Doc:
        lead = _lead_in(doc)
        preamble = doc._.is_preamble
        whole = doc_text(doc)
        reads_subjects = getattr(self.m, "subjectless", None) is not None  # not English
        subject = doc._.subject if reads_subjects else ""
        for sent in doc.sents:
            text = whole[sent.start_char : sent.end_char]  # sent.text would build it token by token
            found = sent._  # one accessor object for the writes
            repaired = self.spelling.repair(text, doc._.capitalised) if self.spelling is not None else text
            implied, provision, found.modality, found.soft_cue = read_once(
                (self, text, repaired, subject, lead, preamble), self._read, text, repaired, subject, lead, preamble
            )
            if implied is not None:
                found.implied = implied
            found.scan = Sentence.of(implied if implied is not None else text)
            found.provision = provision
            if reads_subjects:
                subject = self.reader.subject(provision) or subject
        doc._.subject = subject
        return doc

    def _read(self, text: str, repaired: str, subject: str, lead: str, preamble: bool) -> tuple:
        """One sentence's reading: (the text as read if not as written, provision, modality, soft cue)."""
        implied = self.reader.with_subject(repaired, subject) if subject and not preamble else None
        if implied is None and repaired != text:  # "the Emplyer shal keep": read as what it says
            implied = repaired
        if implied is not None:  # "Podrán cambiar de empleador": read with the subject before
            text = implied
        full = f"{lead} {text}" if lead else text
        scan = Sentence.of(text)
        provision = self.reader.read(full if lead else text, preamble=preamble, scan=scan)
        return (implied, provision, *self.classify(text, full, preamble, provision, scan))

    def classify(
        self,
        text: str,
        full: str,
        preamble: bool,
        provision: Provision | None = None,
        scan: Sentence | None = None,
    ) -> tuple[str, str]:
        m = self.m
        if provision is None:
            provision = self.reader.read(full, preamble=preamble)
        if provision.condition:  # "Should the worker wish ..." states a case; its "should" is not soft
            text, _ = self.reader.without_condition(text)
            full, _ = self.reader.without_condition(full)
        if provision.norm == "definition" or self.reader.is_definition(scan or text):
            return "definition", ""  # a list item under "In this Agreement:" defines on its own
        if scan is None or scan.text != text:
            scan = Sentence.of(text)
        own = scan  # each literal scan once, shared by the patterns below
        whole = own if full == text else Sentence.of(full)
        if preamble or m.recital.search(own) or m.recital.search(whole):
            return "recital", ""
        described = m.comparative.sub(" ", whole.text)  # "than a national would pay"
        described = m.relative_modal.sub(" ", described)  # "treaties under which ... would be accorded"
        if described != whole.text:  # those modals describe; the main clause's modal decides
            whole = Sentence.of(described)
        soft = m.soft.search(whole)
        if soft:
            return "soft", soft.group(0)
        may = m.may.search(whole)
        if may and not m.worker_right_may.search(whole) and not m.rights.search(whole):
            return "soft", "may"
        natlaw = m.national_law.search(own)
        if natlaw:
            rest = text[: natlaw.start()] + text[natlaw.end() :]
            if not m.floor.search(rest):
                return "national_law", natlaw.group(0)
        reference = m.bare_reference.search(own)
        if reference:
            rest = text[: reference.start()] + text[reference.end() :]
            if len(rest.split()) <= 7 and not m.floor.search(rest):
                return "national_law", reference.group(0)
        if provision.qualified:
            return "qualified", provision.qualifier_words
        return "firm", ""


def without_removed_words(text: str, removed: Guarded | None) -> str:
    """``text`` with the words an amendment takes out of it blanked (same length, so offsets hold):
    'the words "wages, accommodation and meals" are replaced by the word "wages"' no longer speaks
    of accommodation (the lexicon's ``removed_words``)."""
    if removed is None or not removed.search(text):
        return text
    chars = list(text)
    for match in removed.pattern.finditer(text):
        for name, value in match.groupdict().items():
            if name.startswith("words") and value is not None:
                start, end = match.span(name)
                chars[start:end] = " " * (end - start)
    return "".join(chars)


class ProtectionDetector:
    """Runs every protection's detector over every sentence."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book

    def __call__(self, doc: Doc) -> Doc:
        negators = self.book.modality.negators
        removed = getattr(self.book.modality, "removed_words", None)
        lead_in = doc._.lead_in or ""
        if lead_in and self.book.spelling is not None:
            lead_in = self.book.spelling.repair(lead_in, doc._.capitalised)
        whole = doc_text(doc)
        for sent in doc.sents:
            found = sent._
            if found.modality == "definition":
                found.hits = {}
                continue
            text = without_removed_words(found.implied or whole[sent.start_char : sent.end_char], removed)
            if text.rstrip().endswith("?"):  # a question ("Can my employer keep my passport?") sets no norm
                found.hits = {}
                continue
            scan = found.scan
            sentence = scan if scan is not None and scan.text == text else Sentence.of(text)
            recital = found.modality == "recital"
            hits = read_once((self, text, lead_in, recital), self._detect, sentence, lead_in, recital, negators)
            found.hits = dict(hits)
        return doc

    def _detect(self, sentence: Sentence, lead_in: str, recital: bool, negators) -> dict[str, SentenceHit]:
        """Every protection's hit in one sentence (shared when the sentence is met again: read only)."""
        hits: dict[str, SentenceHit] = {}
        text = sentence.text
        with_lead_in = Sentence.of(f"{lead_in} {text}") if lead_in else sentence
        final_clause = self.book.modality.final_clause.search(sentence) is not None
        for rule in self.book.rules.values():
            if not rule.possible(sentence):  # literal prefilter only: the cues below do the matching
                continue
            # a recital is no final clause for a rule that reads preambles: an ILO preamble opens
            # with "The General Conference of the International Labour Organisation" and then
            # cites the standards it builds on
            if final_clause and not rule.final_clauses_count and not (recital and rule.preamble_counts):
                continue
            hit = detect(rule, sentence, negators, with_lead_in, self.book.modality)
            if hit is not None:
                hits[rule.id] = hit
        return hits


def detect(
    rule, sentence: Sentence | str, negators, lead_in: str | Sentence = "", modality=None
) -> SentenceHit | None:
    """One protection's verdict on one sentence, or None when it does not concern it.

    ``lead_in`` may be given already joined to the sentence as a :class:`Sentence`, so that the
    34 detectors share one literal scan of it.
    """
    if isinstance(sentence, str):
        sentence = Sentence.of(sentence)
    text = sentence.text
    hit = SentenceHit()
    if isinstance(lead_in, Sentence):
        with_lead_in = lead_in
    else:
        with_lead_in = Sentence.of(f"{lead_in} {text}") if lead_in else sentence
    reader = reader_for(modality) if modality is not None else None
    lead_text = with_lead_in.text[: -len(text) or None]
    # under a lead-in bringing new wording, the lead-in quotes the provision it replaces: its harm
    # is the old text's, so harms are looked for in the new sentence alone
    harm_in = sentence if brings_new_wording(modality, lead_text) else with_lead_in
    for cue in rule.contrary_cues(harm_in):
        found = _contrary_match(cue, harm_in, negators, reader)
        if found is None:
            continue
        words, negated = found
        if negated:
            hit.reversed_contrary = words
            hit.cue = hit.cue or cue.name
        else:
            hit.contrary, hit.cue = words, cue.name
            break
    if hit.contrary and _harm_undone(modality, harm_in, lead_text):
        hit.reversed_contrary, hit.contrary = hit.contrary, ""
    if not hit.contrary and not hit.reversed_contrary and only_repeals(modality, sentence):
        return None  # "Article 17 (Family Reunification) is deleted": the text no longer speaks of it
    if not hit.contrary and not hit.reversed_contrary and not _any_topic_possible(rule, sentence):
        return None  # masking only removes words, so no topic cue can match the masked text either
    masked_text = rule.mask.sub(" ", sentence) if rule.mask else text
    masked = sentence if masked_text is text else Sentence.of(masked_text)
    if not hit.contrary and not hit.reversed_contrary and not rule.topic_may_match(masked):
        return None  # the pre-check: no topic or weak-topic cue can match the masked text
    topic_at, topic_cue = _topic_position(rule.topic, masked)
    hit.topic = topic_at is not None or bool(hit.reversed_contrary)
    if topic_at is not None and not hit.contrary:
        hit.cue = topic_cue
    if (
        topic_at is not None
        and not hit.reversed_contrary
        and modality is not None
        and _in_a_list(masked.text, topic_at, modality)
    ):
        hit.topic, hit.weak = False, True
    if not hit.topic and rule.weak_topic:
        weak = next((cue for cue in rule.weak_topic if all(p.search(masked) for p in cue)), None)
        hit.weak = hit.weak or weak is not None  # a topic named in a list stays a (weak) mention
        if weak is not None:
            hit.cue = weak.name
    if not (hit.topic or hit.weak or hit.contrary):
        return None
    if (
        hit.topic
        and not hit.contrary
        and rule.generic_contrary
        and not (rule.generic_unless is not None and rule.generic_unless.search(sentence))
    ):
        hit.contrary = generic_harm(rule.generic_contrary, text, modality, negators)
        if hit.contrary:
            hit.cue = "generic_harm"
    hit.elements = {name for name, p in rule.elements.items() if p.search(masked)}
    if rule.restrict is not None:  # a list item is narrowed by its lead-in's words too ("where appropriate, ... -")
        restricted = rule.restrict.search(with_lead_in)
        hit.restricted = restricted.group(0) if restricted else ""
    return hit


def forbids(modality, lead_in: str) -> bool:
    """Whether a list's lead-in names acts the text forbids ("protection against acts calculated to -")."""
    forbidding = getattr(modality, "forbidding_lead_in", None) if modality is not None else None
    return bool(lead_in.strip()) and forbidding is not None and forbidding.search(lead_in) is not None


def brings_new_wording(modality, lead_in: str) -> bool:
    """Whether a lead-in brings a provision's new wording ("Article 5, which provides ..., is
    replaced by the following:"): the text under it is in force, the text it quotes is not."""
    replacement = getattr(modality, "replacement", None) if modality is not None else None
    return bool(lead_in.strip()) and replacement is not None and replacement.search(lead_in) is not None


def _harm_undone(modality, harm_in: Sentence, lead_in: str) -> bool:
    """Whether a harm named in ``harm_in`` is being removed or forbidden, not imposed: an amendment
    deleting the provision it quotes, or an item under a lead-in listing acts to be prevented.
    (Under a replacing lead-in ``harm_in`` is the new sentence alone: the lead-in undoes nothing.)"""
    repealed = getattr(modality, "repealed", None) if modality is not None else None
    if repealed is not None and repealed.search(harm_in):
        return True
    return forbids(modality, lead_in)


def only_repeals(modality, sentence: Sentence | str) -> bool:
    """Whether a sentence deletes a provision and puts nothing in its place: a protection it names
    is taken out of the text, not secured (a harm it names is undone: ``_harm_undone``)."""
    deleted = getattr(modality, "provision_deleted", None) if modality is not None else None
    if deleted is None or not deleted.search(sentence):
        return False
    replacement = getattr(modality, "replacement", None)
    return replacement is None or not replacement.search(sentence)


def _any_topic_possible(rule, sentence: Sentence) -> bool:
    """Whether the literal prefilter lets any topic or weak-topic cue match the sentence."""
    return rule.topic_possible(sentence)


#: where a clause ends: a contrasting conjunction, a semicolon or colon, a second "that" clause
#: ("the Tribunal will not pay the intern and that all expenses shall be borne by the intern"),
#: the comma closing an opening purpose phrase ("To prevent their loss, the passport shall be held by ...", whose
#: negator does not reach the clause after it) or an opening condition ("If the Commission has not
#: agreed within ninety days, the Ministry's view shall be final": the "not" is the condition's),
#: or a conditional aside ("if not resolved,")
_PURPOSE = r"^\W*(?:\(?\w{1,4}[.)]\s*)?(?:in order )?to [^,;:]{1,60},"
_CONDITION = r"^\W*(?:\(?\w{1,4}[.)]\s*)?(?:if|where|when|should|in (?:the )?(?:event|case) (?:that|of))\b"
CLAUSE_BREAK = re.compile(
    r",? (?:but|however|whereas|except|provided that|unless|although)\b|;|:|,? and that\b"
    rf"|{_PURPOSE}"
    rf"|{_CONDITION}[^,;:]{{1,120}},"
    r"|\b(?:if|where|when|unless) not \w+(?: \w+)?,",  # "..., if not resolved, shall be referred"
    re.I,
)

#: an opening purpose phrase ("To prevent loss or theft, ..."), the one opening a sentence-wide
#: negation search sets aside (a lexicon may give its own, ``purpose_opening``); an opening
#: condition is not set aside: its negator often guards a harm cue that reaches past the comma
#: ("If the worker is not at fault, the employer shall pay for the worker's ticket")
PURPOSE_OPENING = re.compile(_PURPOSE, re.I)


def grammar(modality, name: str, english: re.Pattern[str]) -> re.Pattern[str]:
    """A clause-grammar pattern of the lexicon (``clause_break``, ``unnegate`` ...), or the English one."""
    own = getattr(modality, name, None) if modality is not None else None
    return own.pattern if own is not None else english


def clause_before(text: str, position: int, breaks: re.Pattern[str] = CLAUSE_BREAK) -> str:
    """The text from the start of the clause holding ``position`` up to it.

    A negator reverses a harmful act only within its own clause: in "workers pay no fees,
    but the ticket is deducted from wages" the "no" does not reach the deduction.
    """
    head = text[:position]
    found = list(breaks.finditer(head))
    return head[found[-1].end() :] if found else head


def _contrary_match(cue, sentence: Sentence, negators, reader: DeonticReader | None = None) -> tuple[str, bool] | None:
    """The harmful words a contrary cue finds, and whether a negator reverses them.

    With ``negation: before``, a negated modal inside the match reverses it too ("debts shall
    not be repaid through work"); other negators there may be the harm itself ("without permission").
    """
    text = sentence.text
    modality = reader.m if reader is not None else None
    breaks = grammar(modality, "clause_break", CLAUSE_BREAK)
    if cue.pattern is None:
        matches = []
        for concept in cue.concepts:
            match = concept.search(sentence)
            if match is None:
                return None
            matches.append(match)
        if not _qualifies(cue, sentence):
            return None
        start = min(m.start() for m in matches)  # type: ignore[union-attr]
        end = max(m.end() for m in matches)  # type: ignore[union-attr]
        words = text[start:end]
        if cue.negation == "none":
            return words, False
        if cue.negation == "sentence":  # as for a phrase cue: "Any deduction ... shall be prohibited"
            return words, bool(negators.search(_sentence_scope(text, end, modality)))
        # a negator reverses the harm only in the clause the harm ends in: "no fee shall be charged,
        # but the visa fee shall be deducted from wages" still deducts
        inside = list(breaks.finditer(words))
        scope = words[inside[-1].end() :] if inside else clause_before(text, start, breaks) + words
        return words, bool(negators.search(scope))
    match = cue.pattern.search(sentence)
    if not match or not _qualifies(cue, sentence):
        return None
    condition = grammar(modality, "opening_condition", OPENING_CONDITION).match(text)
    if cue.negation == "before":
        match = _latest_start(cue.pattern.pattern, text, match, breaks)
        if condition and match.start() < condition.end() < match.end():  # the harm's own start, past the condition
            later = cue.pattern.pattern.search(text, condition.end())
            match = later if later is not None and later.start() < match.end() else match
    if cue.negation == "sentence":
        return match.group(0), bool(negators.search(_sentence_scope(text, match.end(), modality)))
    before = clause_before(text, match.start(), breaks)
    if cue.negation == "before" and condition and condition.end() <= match.start():
        # "Where the worker cannot be replaced, rest days may be accumulated": the condition's
        # negator is the condition's own and does not reverse the harm after it
        before = before[max(0, len(before) - (match.start() - condition.end())) :]
    negated = cue.negation != "none" and bool(negators.search(before))
    if negated and cue.negation == "before":
        first = negators.search(before)
        double = grammar(modality, "double_negative", DOUBLE_NEGATIVE)
        if first and not double.fullmatch(first.group(0)) and double.search(before, first.end()):
            negated = False  # "no worker may leave without an exit permit": two negations, one harm
    if cue.negation == "within" and negators.search(match.group(0)):
        negated = True
    elif cue.negation == "before" and reader is not None and not negated:
        after = max(match.start(), condition.end()) if condition and condition.end() < match.end() else match.start()
        negated = _negation_is_incidental(
            cue.pattern, text, reader.negated_modal(text, after, match.end()), grammar(modality, "unnegate", UNNEGATE)
        )
    return match.group(0), negated


def _past_opening(text: str, modality) -> str:
    """The sentence less an opening purpose ("To prevent loss or theft, the passport shall be kept
    by the employer"): a negator there is the purpose's own, not the provision's."""
    opening = grammar(modality, "purpose_opening", PURPOSE_OPENING).match(text)
    return text[opening.end() :] if opening else text


#: an opening condition ("If the worker leaves ... and the employer cannot reach her for a day, ...");
#: a negated modal inside it is the condition's, and does not reverse the harm in the main clause
#: (the same opening as CLAUSE_BREAK's, read further: a condition's own negator is set aside here)
OPENING_CONDITION = re.compile(rf"{_CONDITION}[^,;:]{{1,200}},", re.I)

#: a proviso after the harm ("..., provided that no instalment exceeds a quarter of the wage")
#: limits it; its negator does not reverse it (a lexicon may give its own, ``proviso``)
PROVISO = re.compile(r",?\s*\b(?:provided(?: always)? that|on (?:the )?condition that)\b", re.I)


def _sentence_scope(text: str, end: int, modality) -> str:
    """Where a sentence-wide negator is looked for: the sentence less an opening purpose and less
    a proviso that begins after the harm's words (which end at ``end``)."""
    proviso = grammar(modality, "proviso", PROVISO).search(text, end)
    return _past_opening(text[: proviso.start()] if proviso else text, modality)


def _latest_start(
    pattern: re.Pattern[str], text: str, match: re.Match[str], breaks: re.Pattern[str]
) -> re.Match[str]:
    """The match to read negation before: the one starting last in a later clause of ``match``.

    A regex finds the leftmost start, which may be a party named in an earlier clause than the
    harm's own subject: in "Enterprises 9: No Enterprise or agent shall retain a passport" the
    harm's clause starts after the colon, and its "No" stands before the second "Enterprise".
    Within one clause the first start stands ("ne peut sortir qu'avec ..." keeps its "ne").
    """
    chosen, at = match, match.start() + 1
    while (later := pattern.search(text, at)) is not None and later.start() < match.end():
        if breaks.search(text, match.start(), later.start()):
            chosen = later
        at = later.start() + 1
    return chosen


DOUBLE_NEGATIVE = re.compile(r"\bwithout\b", re.I)
UNNEGATE = re.compile(r"\s+not\b|(?<=can)not\b|n't\b|^(?:in|under) no \w+", re.I)


def _negation_is_incidental(
    pattern, text: str, negation: re.Match[str] | None, unnegate: re.Pattern[str] = UNNEGATE
) -> bool:
    """True when the harm is still found with the negation taken out: the negation then
    reverses it ("shall not be repaid through work"). When the pattern needs the negation,
    the negation is the harm itself ("overtime will not be remunerated")."""
    if negation is None:
        return False
    positive = unnegate.sub("", negation.group(0))
    return pattern.pattern.search(text[: negation.start()] + positive + text[negation.end() :]) is not None


def _qualifies(cue, sentence: Sentence) -> bool:
    """The cue's extra conditions: an ``and`` pattern that must also match, an ``unless`` that must not."""
    if cue.also is not None and not cue.also.search(sentence):
        return False
    return cue.unless is None or not cue.unless.search(sentence)


def _payer_is_not_the_worker(harm: str, before: str, modality) -> bool:
    """Whether "at his own expense" in ``harm`` is an employer's or agency's: the last party named
    before it, in the sentence so far, is not the worker ("In case of the worker's death, the
    employer shall repatriate the remains at his own expense")."""
    own = getattr(modality, "own_cost_of_subject", None)
    if own is None or not own.pattern.search(harm):
        return False
    last = {
        name: max((m.end() for m in modality.bearers[name].pattern.finditer(before)), default=-1)
        for name in ("worker", "employer", "agency")
    }
    return max(last["employer"], last["agency"]) > last["worker"]


def generic_harm(kinds: tuple[str, ...], text: str, modality, negators) -> str:
    """Harms shared by many protections: the worker refused it, or made to pay for it.

    "denied" counts only when the worker is the one refused: the nearest subject before the
    denial is a worker ("migrant workers are not covered by ..."), or the denial names the
    worker after it ("forbidden for foreign workers"); "employers are prohibited from ..." is
    a protection. "pays" counts unless a negator in its clause reverses it.
    """
    if modality is None:
        return ""
    breaks = grammar(modality, "clause_break", CLAUSE_BREAK)
    condition = grammar(modality, "condition_before", CONDITION)
    for_worker = grammar(modality, "for_worker", FOR_WORKER)
    exclusion = grammar(modality, "exclusion", EXCLUSION)
    # a lexicon of its own names its workers in its own words (English keeps WORKER_WORD)
    worker_word = WORKER_WORD if for_worker is FOR_WORKER else modality.bearers["worker"].pattern
    # English only: "night work of seafarers ... prohibited" (a lexicon of its own has no such phrase yet)
    qualifies = WORKER_QUALIFIES if for_worker is FOR_WORKER else None
    if "pays" in kinds:
        match = modality.worker_pays.search(text)
        if match:
            before = clause_before(text, match.start(), breaks)
            if (
                not negators.search(before)
                and not negators.search(match.group(0))
                and not condition.search(before)
                and not _payer_is_not_the_worker(match.group(0), text[: match.start()], modality)
                and not grammar(modality, "nothing_after", NOTHING_AFTER).match(text, match.end())
            ):
                return match.group(0)
    if "denied" in kinds:
        for match in modality.worker_denied.pattern.finditer(text):
            before = clause_before(text, match.start(), breaks)
            after = text[match.end() : match.end() + 60]
            workers = list(worker_word.finditer(before))
            others = list(modality.denial_subjects.pattern.finditer(before))
            worker_is_subject = (
                bool(workers)
                and (not others or workers[-1].start() > others[-1].start())
                and not (qualifies and qualifies.search(before[: workers[-1].start()]))
            )
            names_worker_after = bool(for_worker.match(after))
            if condition.search(
                before
            ):  # "where they are not eligible for it, ..." states a case, not a refusal
                continue
            if exclusion.match(match.group(0)) and negators.search(before):
                continue
            if modality.denied_burden.pattern.match(text, match.end()):  # "not permitted to suffer deductions"
                continue
            if worker_is_subject or names_worker_after:
                return match.group(0)
    return ""


def _topic_position(cues, sentence: Sentence) -> tuple[int | None, str]:
    """Where the first satisfied topic cue's main concept starts and the cue's name, or None."""
    for cue in cues:
        first = None
        for pattern in cue:
            match = pattern.search(sentence)
            if match is None:
                break
            first = match if first is None else first
        else:
            return (first.start() if first is not None else None), cue.name
    return None, ""


def _in_a_list(text: str, position: int, modality) -> bool:
    """True when ``position`` lies in a list introduced by a verb of content ("will state ...,
    ..., ..."): the protection is mentioned as an item, not secured."""
    for verb in modality.enumeration.pattern.finditer(text, 0, position):
        tail = text[verb.end() :]
        if tail.count(",") >= 2 and verb.end() <= position:
            return True
    return False
