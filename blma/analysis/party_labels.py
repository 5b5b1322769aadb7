"""Contracts that call their two sides "the First Party" and "the Second Party".

Standard employment contracts agreed between governments often define the employer and the
worker once ("First Party (Employer)", "the domestic worker, hereinafter called the Second
Party") and use only the labels afterwards. The rules know employers and workers by name, so
every obligation written against a label would be invisible to them ("The First Party shall
keep the passport of the Second Party"). This module reads those definitions and gives the
analysis a copy of the text with each label replaced by the role it stands for, keeping, for
every block it changes, how to find the words as written: evidence always quotes the original.

Only labels defined as the employer or the worker are replaced; a "First Party" that is a
State (as in most memoranda between governments) is left alone. An abbreviation a text defines
for its workers ("household service workers (HSWs)", 'an "internationally trained health
professional" or "ITHP"') is read the same way, as "Worker" or "Workers".

Guidance written to employers in the second person ("Where this guidance says that you must do
something, that is a condition of your sponsor licence") is read the same way: its "you" is the
employer ("You must pay the agency's fees" is read "The employer must pay ..."), where a
handbook's "you" is the worker and stays as written (the deontic lexicon's
``employer_addressed``, ``worker_addressed`` and ``employer_you``). Conditions that speak to each
side in turn ("Part II. Conditions for you, the employer", "Part III. Conditions for you, the
worker") are read part by part: "you" is the employer from the first heading to the second
(``employer_part`` and ``worker_part``).

A text one side signs alone speaks in the first person: in a worker's sworn declaration "I accept
that my passport shall be kept by my employer" is the worker's own promise, read "The worker accept
that their passport shall be kept by their employer", and in an employer's undertaking or offer
letter "we" is the employer and "our" reads "its" (``worker_speaks``, ``employer_speaks``,
``worker_me``, ``employer_we``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from blma.analysis.compiled_regex import compile_pattern
from blma.reading.models import AgreementText, Block

#: A line of a list of abbreviations: the capitals, then what they stand for ("BW     Bandurian worker
#: recruited under this Circular", "OFW: overseas Filipino worker"); it defines the workers when the
#: words after it have the capitals as initials and name workers.
GLOSSARY_ENTRY = re.compile(r"^(?P<label>[A-Z]{2,6})s?\s*(?:[:=–—-]\s*)?(?=[A-Za-z])")
#: The words a role is written as after replacement, per language ("workers" for a plural abbreviation,
#: "HSWs"); a language without an entry (or whose deontic lexicon has no ``party_labels``) is analysed as written.
ROLE_WORDS = {"en": {"employer": "Employer", "worker": "Worker", "workers": "Workers"}}


@dataclass(frozen=True)
class Relabelled:
    """One text with its party labels replaced, and where each replacement came from."""

    text: str
    original: str
    pieces: tuple[tuple[int, int, int, int], ...]  # (start, end) in ``text``, (start, end) in ``original``

    def original_offset(self, at: int) -> int:
        """The offset in the original text of offset ``at`` in the relabelled one."""
        shift = 0
        for start, end, old_start, old_end in self.pieces:
            if at < start:
                break
            if at < end:  # inside a replaced label: its start (or end, for an end offset)
                return old_start if at == start else old_end
            shift = old_end - end
        return at + shift

    def quote(self, start: int, end: int) -> str:
        """The original words behind ``text[start:end]``."""
        return self.original[self.original_offset(start) : self.original_offset(end)]

    def part(self, start: int, end: int) -> Relabelled | None:
        """The same for ``text[start:end]`` alone (a sentence of a block), or None when no label
        was replaced in it."""
        old_start, old_end = self.original_offset(start), self.original_offset(end)
        inside = tuple(
            (s - start, e - start, os - old_start, oe - old_start)
            for s, e, os, oe in self.pieces
            if s >= start and e <= end
        )
        if not inside:
            return None
        return Relabelled(self.text[start:end], self.original[old_start:old_end], inside)

    def as_written(self, words: str) -> str:
        """``words`` (found in ``text``) as the original writes them; unchanged if not found."""
        at = self.text.find(words)
        return words if at < 0 else self.quote(at, at + len(words))


def _patterns(modality) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    labels = getattr(modality, "party_labels", None)
    if labels is None:
        return None
    bearers = modality.bearers
    return _compiled(labels.pattern.pattern, bearers["employer"].pattern.pattern, bearers["worker"].pattern.pattern)


@lru_cache(maxsize=8)
def _compiled(label: str, employer: str, worker: str) -> tuple[re.Pattern[str], ...]:
    """The three patterns, once per process; long (the concept lists), so their compiled code is
    kept between runs (:mod:`blma.analysis.compiled_regex`)."""
    role = rf"(?:(?P<employer>{employer})|(?P<worker>{worker}))"
    # "First Party (Employer)", "Second Party: the domestic worker", "First Party - Sponsor"
    label_then_role = compile_pattern(
        rf"\b(?P<label>{label})\b\s*(?:[(:,\-–—]\s*|is\s+|means\s+)(?:an?\s+|the\s+)?{role}", re.I
    )
    # "the employer, hereinafter referred to as the First Party"
    role_then_label = compile_pattern(
        rf"{role}\b[^.;\n]{{0,100}}?\b(?:referred to as|called|known as|designated as)\W{{0,6}}"
        rf"(?:the\s+)?[\"“‘']?(?P<label>{label})\b",
        re.I,
    )
    return label_then_role, role_then_label, compile_pattern(rf"\b(?:{label})\b", re.I)


def _nearest_role(modality, text: str) -> str | None:
    """The role named last in ``text`` ("the household worker": a worker, not a household)."""
    ends = {
        role: max((m.end() for m in modality.bearers[role].pattern.finditer(text)), default=-1)
        for role in ("employer", "worker")
    }
    best = max(ends, key=lambda role: ends[role])
    return best if ends[best] >= 0 else None


def party_roles(doc: AgreementText, modality) -> dict[str, str]:
    """Each label the document defines as the employer or the worker ("first party" -> "employer").

    A label defined as both (or as neither) is left out."""
    patterns = _patterns(modality)
    if patterns is None:
        return {}
    found: dict[str, set[str]] = {}
    label_then_role, role_then_label, labels = patterns
    for block in doc.blocks:
        if labels.search(block.text) is None:  # most blocks name no label: skip the costly patterns
            continue
        for match in label_then_role.finditer(block.text):
            role = "employer" if match.group("employer") else "worker"
            found.setdefault(_key(match.group("label")), set()).add(role)
        for match in role_then_label.finditer(block.text):
            role = _nearest_role(modality, block.text[match.start() : match.start("label")])
            if role is not None:
                found.setdefault(_key(match.group("label")), set()).add(role)
    roles = {label: next(iter(kinds)) for label, kinds in found.items() if len(kinds) == 1}
    return roles if len(set(roles.values())) == len(roles) else {}  # two labels, one role: unclear


def worker_abbreviations(doc: AgreementText, modality) -> dict[str, str]:
    """Each abbreviation the text defines for its workers ("hsw": "worker", "hsws": "workers")."""
    worker = modality.bearers["worker"].pattern.pattern
    found: dict[str, str] = {}
    for block in doc.blocks:
        glossary = GLOSSARY_ENTRY.match(block.text)
        if glossary:
            label = glossary.group("label")
            named = re.findall(r"[A-Za-z]+", block.text[glossary.end() :])[: len(label)]
            if "".join(word[0] for word in named).upper() == label and modality.bearers["worker"].search(" ".join(named)):
                found |= _workers_named(label)
        if "(" not in block.text and " or " not in block.text:
            continue
        for match in _abbreviation(worker).finditer(block.text):
            group = "label" if match.group("label") else "quoted"
            label = match.group(group)
            if _initials(block.text[: match.end("role")], len(label)) != label:
                continue  # "(ILO)" after "workers" is not their name
            found |= _workers_named(label)
    return found


def _workers_named(label: str) -> dict[str, str]:
    """An abbreviation of the workers, in the singular and the plural ("HSW", "HSWs")."""
    return {label.lower(): "worker", f"{label.lower()}s": "workers"}


def _initials(before: str, count: int) -> str:
    """The initials of the last ``count`` words of ``before`` (the phrase an abbreviation names)."""
    words = re.findall(r"[A-Za-z]+", before)
    return "".join(word[0] for word in words[-count:]).upper()


@lru_cache(maxsize=4)
def _abbreviation(worker: str) -> re.Pattern[str]:
    """'domestic workers (DWs)', 'a health professional (the "HP")', 'an "internationally trained
    health professional" or "ITHP"': two to six capitals, closed by the bracket or the quote."""
    role = rf"(?P<role>\b(?:{worker}|professionals?))[\"”’']?"
    bracket = r"\s*\((?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+))?(?:the\s+)?[\"“‘']?"
    bracket += r"(?-i:(?P<label>[A-Z]{2,6}))(?-i:s)?[\"”’']?\)"
    quoted = r",?\s+or\s+(?:the\s+)?[\"“‘'](?-i:(?P<quoted>[A-Z]{2,6}))(?-i:s)?[\"”’']"
    return compile_pattern(f"{role}(?:{bracket}|{quoted})", re.I)


def _key(label: str) -> str:
    return " ".join(label.lower().split())


def relabel(text: str, roles: dict[str, str], words: dict[str, str], labels: re.Pattern[str]) -> Relabelled | None:
    """``text`` with every defined label replaced by its role's word, or None when it has none."""
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    kept = 0
    length = 0
    for match in labels.finditer(text):
        role = roles.get(_key(match.group(0)))
        if role is None:
            continue
        word = words[role] if match.group(0)[:1].isupper() else words[role].lower()
        out.append(text[kept : match.start()])
        length += match.start() - kept
        pieces.append((length, length + len(word), match.start(), match.end()))
        out.append(word)
        length += len(word)
        kept = match.end()
    if not pieces:
        return None
    out.append(text[kept:])
    return Relabelled("".join(out), text, tuple(pieces))


SECOND_PERSON_FORMS = ("you", "your", "yourself")
SECOND_PERSON = rf"\b(?:{'|'.join(SECOND_PERSON_FORMS)})\b"


def second_person(doc: AgreementText, modality) -> dict[str, str]:
    """What "you", "your", "yourself" stand for in a text that speaks to the employer (the
    lexicon's ``employer_you``), or nothing where the reader is the worker or no one is."""
    addressed, words = getattr(modality, "employer_addressed", None), getattr(modality, "employer_you", None)
    if addressed is None or not words:
        return {}
    text = _whole_text(doc)
    if addressed.search(text) is None:
        return {}
    worker = getattr(modality, "worker_addressed", None)
    return {} if worker is not None and worker.search(text) else dict(words)


def employer_parts(doc: AgreementText, modality) -> list[bool]:
    """For a text that addresses each side in its own part ("Conditions for you, the employer",
    then "Conditions for you, the worker"), whether each block stands in a part addressed to the
    employer; [] when no part is (the lexicon's ``employer_part`` and ``worker_part``)."""
    to_employer, to_worker = getattr(modality, "employer_part", None), getattr(modality, "worker_part", None)
    if to_employer is None or to_worker is None or not getattr(modality, "employer_you", None):
        return []
    flags, employer = [], False
    for block in doc.blocks:
        if to_employer.search(block.text) is not None:
            employer = True
        elif to_worker.search(block.text) is not None:
            employer = False
        flags.append(employer)
    return flags if any(flags) else []


#: "I" the pronoun, not the Roman numeral of "Part I", "Annex I" or a heading "I. General".
_NUMBERED = ("Part", "Parts", "Annex", "Annexes", "Article", "Articles", "Chapter", "Chapters", "Schedule",
             "Section", "Title", "Table", "Appendix", "Phase", "Category", "Group", "List", "Level",
             "Grade", "Class", "Tier", "Type", "Form", "Protocol", "Book", "Volume", "Stage", "Step")
FIRST_PERSON = {
    "i": "".join(f"(?<!{word} )" for word in _NUMBERED) + r"(?-i:\bI\b)(?![.)\]’'-])",
    "me": r"\bme\b",
    "my": r"\bmy\b",
    "mine": r"\bmine\b",
    "myself": r"\bmyself\b",
    "we": r"\bwe\b",
    "us": r"(?-i:\bus\b)",
    "our": r"\bour\b",
    "ours": r"\bours\b",
    "ourselves": r"\bourselves\b",
}


def first_person(doc: AgreementText, modality) -> tuple[dict[str, str], str | None]:
    """What "I" and "we" (and their other forms) stand for in a text one side signs alone: the
    worker's "I" (``worker_me``) where the worker speaks, the employer's "we" (``employer_we``)
    where the employer does; nothing where neither speaks. Second, the annex the speaker speaks
    in when that is an annex (an intern's undertaking annexed to a note: the note's "I" is the
    minister's), else None: the whole text."""
    words: dict[str, str] = {}
    annexes: set[str] = set()
    text = None
    for speaks, forms in (("worker_speaks", "worker_me"), ("employer_speaks", "employer_we")):
        pattern, said = getattr(modality, speaks, None), getattr(modality, forms, None)
        if pattern is None or not said:
            continue
        text = text if text is not None else _whole_text(doc)
        if pattern.search(text) is not None:
            words.update({form: word for form, word in said.items() if form not in words})
            where = next((b.annex for b in doc.blocks if pattern.search(b.text) or pattern.search(b.heading)), "")
            annexes.add(where)
    return words, (annexes.pop() or None) if len(annexes) == 1 else None


def _whole_text(doc: AgreementText) -> str:
    """The text the voice of a document is judged on: every block, one per line."""
    return "\n".join(block.text for block in doc.blocks)


@lru_cache(maxsize=8)
def _labels(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern, re.I)


def relabel_document(
    doc: AgreementText, modality, language: str
) -> tuple[AgreementText, dict[int, Relabelled]]:
    """The document as analysed (labels and an employer's "you" replaced) and, by ``id`` of each
    changed block, how to quote it as written. Unchanged when there is nothing to replace."""
    words = ROLE_WORDS.get(language)
    patterns = _patterns(modality) if words else None
    roles = party_roles(doc, modality) if patterns is not None else {}
    you = second_person(doc, modality)
    parts = [] if you else employer_parts(doc, modality)
    if parts:
        you = dict(modality.employer_you)
    me, speakers_annex = first_person(doc, modality)
    abbreviations = worker_abbreviations(doc, modality) if words else {}
    if not roles and not you and not me and not abbreviations:
        return doc, {}
    pattern = patterns[2].pattern if patterns is not None and roles else ""
    labels_only = _labels(pattern) if parts and pattern else None  # a worker's part: the labels alone
    if you:  # each of "you", "your", "yourself" is a role of its own, written as the employer's
        roles = {**roles, **{key: key for key in you}}
        pattern = f"{pattern}|{SECOND_PERSON}" if pattern else SECOND_PERSON
    without_me = _labels(pattern) if me and speakers_annex is not None and pattern else None
    if me:  # so is each first-person form the speaker's words give
        roles = {**roles, **{key: key for key in me}}
        pronouns = "|".join(FIRST_PERSON[key] for key in me if key in FIRST_PERSON)
        pattern = f"{pattern}|{pronouns}" if pattern else pronouns
    if abbreviations:  # and each abbreviation of the workers, as written (capitals)
        roles = {**roles, **abbreviations}
        singular = {key.upper() for key, role in abbreviations.items() if role == "worker"}
        named = "(?-i:\\b(?:" + "|".join(sorted(singular, key=len, reverse=True)) + ")s?\\b)"
        pattern = f"{pattern}|{named}" if pattern else named
    words = {**(words or {}), **you, **me}
    labels = _labels(pattern)
    blocks: list[Block] = []
    originals: dict[int, Relabelled] = {}
    for index, block in enumerate(doc.blocks):
        found = labels if not parts or parts[index] else labels_only  # a worker's part keeps its "you"
        if speakers_annex is not None and block.annex != speakers_annex:
            found = without_me  # outside the undertaking the speaker signs, "I" is someone else
        if found is None:
            blocks.append(block)
            continue
        text = relabel(block.text, roles, words, found)
        heading = relabel(block.heading, roles, words, found) if block.heading else None
        if text is None and heading is None:
            blocks.append(block)
            continue
        new = replace(
            block,
            text=text.text if text else block.text,
            heading=heading.text if heading else block.heading,
        )
        if text is not None:
            originals[id(new)] = text
        blocks.append(new)
    return replace(doc, blocks=blocks), originals
