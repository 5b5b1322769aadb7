"""The arbiter's training examples, assembled from development data only.

One :class:`Example` is a sentence (or a short self-contained wording) with the protection it
addresses and the status a reviewer gives it, or ``None, None`` for a sentence that addresses
no protection (a negative for relevance). Sources, in the order the docs describe them:

1. the clause library (``clauses/protections/*.yaml``), rendered with its example values in
   each style the clause allows, split into sentences; and its French and Spanish translations
   (``clauses/translations/``) the same way, so that the model knows those languages' words for
   each protection and is not left with the few labelled French and Spanish texts;
2. the rubric's own strong / weak / contrary wordings (``clauses/guidance.yaml``);
3. the wording cases of ``tests/data/`` (one sentence each, with its expected status);
4. the labelled development agreements (:mod:`blma.analysis.training_sets`): the sentences of
   the blocks a label cites carry that label (for a contrary label whose note quotes the harm,
   only the sentences holding the quote); sentences of numbered blocks no label cites are
   negatives, thinned deterministically.

The result is sorted, so the same files always give the same list (and the same model).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from blma.analysis.citations import Place, block_place, covered_blocks, parse_citation, repeated_units
from blma.analysis.training_sets import (
    DEFAULT_MANIFEST,
    REPO_ROOT,
    Guard,
    LabelledAgreement,
    development_agreements,
)
from blma.library import Clause, Library, default_library, render_clause
from blma.library.render import example_values
from blma.reading import read_path
from blma.reading.amendments import leads_into_new_wording
from blma.reading.models import Block
from blma.yamlio import load_yaml

WORDING_FILES = (
    REPO_ROOT / "tests/data/wording_cases.yaml",
    REPO_ROOT / "tests/data/wording_cases_external.yaml",
)
POSITIVE = ("present", "partial", "contrary")

#: The library's strength says how much a clause secures, not how firmly it is worded: a
#: "baseline" clause is "the binding minimum that secures the protection" (see its notes), and
#: tests/test_analysis_library.py expects every clause, whatever its strength, to be found
#: present. So every strength maps to "present"; the weak wordings come from the rubric, the
#: wording cases and the agreements' partial labels.
LIBRARY_STATUS = {"strongest": "present", "recommended": "present", "baseline": "present"}
#: The library's languages, each rendered with its own style words (``templates/wording*.j2``).
LIBRARY_LANGUAGES = ("en", "fr", "es")
RUBRIC_STATUS = {"strong": "present", "weak": "partial", "contrary": "contrary"}
#: Structural clauses that address no protection, so their sentences are negatives. Preambles
#: (which recall ILO standards), relations to law (non-regression's ground) and entry into
#: force (duration's) are left out because they touch protections.
NEGATIVE_ROLES = (
    "title",
    "purpose_scope",
    "definitions",
    "competent_authorities",
    "amendment",
    "signature_block",
)

#: Share of the agreements' unlabelled sentences kept as negatives (chosen by a hash of the text,
#: so the same sentences are kept on every run and every machine).
NEGATIVE_SHARE = 0.5
MIN_WORDS = 3

#: Testimonium and signature lines: the reader often files them under the last article, which
#: labels cite for duration or entry into force, but they secure nothing. Never positives.
BOILERPLATE = re.compile(
    r"^(?:done (?:at|in)\b|in witness whereof|signed (?:at|in)\b|for the (?:government|ministry)\b)",
    re.IGNORECASE,
)

_ABBREVIATIONS = {"art", "arts", "no", "nos", "para", "paras", "e.g", "i.e", "etc", "mr", "dr", "st"}
_BOUNDARY = re.compile(r"[.;?!]\s+(?=[A-Z0-9(\"'“])")
_WORD = re.compile(r"\b\w\w+\b")


class Example(NamedTuple):
    """One training example; ``source`` names where it came from and groups it for cross-validation."""

    text: str
    protection: str | None
    status: str | None
    source: str


@dataclass
class AgreementReport:
    """What was taken from one agreement, and which citations could not be used."""

    name: str
    labelled: int = 0
    negatives: int = 0
    unmatched: list[str] = field(default_factory=list)  # "pid: citation" that found no block
    broad: list[str] = field(default_factory=list)  # "pid: citation" naming no numbered unit


def split_sentences(text: str) -> list[str]:
    """Sentences of a block: split after . ; ? ! when a capital, digit or bracket follows.

    "Art. 6" and similar abbreviations do not end a sentence. Fragments of fewer than
    three words (signature lines, "Excellency,") are dropped.
    """
    text = " ".join(text.split())
    pieces, start = [], 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start() + 1].rsplit(None, 1)[-1].rstrip(".").lower()
        if m.group(0)[0] == "." and before in _ABBREVIATIONS:
            continue
        pieces.append(text[start : m.start() + 1])
        start = m.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if len(_WORD.findall(p)) >= MIN_WORDS]


# -- sources 1-3: the project's own wordings -------------------------------------------------
def _rendered_sentences(library: Library, clause: Clause, language: str) -> list[str]:
    """The sentences of a clause in every style it allows, with the library's example values."""
    from blma.drafting.wording import wording  # Jinja2 tables: only when training

    words = wording(language)
    sentences = []
    for style in clause.styles:
        values = {**example_values(clause, library.global_examples()), **words.style_words(style)}
        for paragraph in render_clause(clause, values, language=language).split("\n\n"):
            sentences += split_sentences(paragraph)
    return sentences


def _in_languages(library: Library) -> list[tuple[Library, str]]:
    return [(library if lang == "en" else library.in_language(lang), lang) for lang in LIBRARY_LANGUAGES]


def library_examples(library: Library) -> list[Example]:
    found = []
    for translated, language in _in_languages(library):
        for clause in translated.clauses.values():
            if clause.kind != "protection":
                continue
            status = LIBRARY_STATUS[clause.strength]
            for sentence in _rendered_sentences(translated, clause, language):
                found += [Example(sentence, pid, status, f"library:{clause.id}") for pid in clause.protections]
    return found


def structural_negatives(library: Library) -> list[Example]:
    found = []
    for translated, language in _in_languages(library):
        for clause in translated.clauses.values():
            if clause.kind == "structural" and clause.role in NEGATIVE_ROLES:
                found += [
                    Example(s, None, None, f"library:{clause.id}")
                    for s in _rendered_sentences(translated, clause, language)
                ]
    return found


def rubric_examples(library: Library) -> list[Example]:
    found = []
    for protection in library.protections.values():
        for kind, status in RUBRIC_STATUS.items():
            text = " ".join(getattr(protection.examples, kind).split())
            if text:
                found.append(Example(text, protection.id, status, f"rubric:{protection.id}"))
    return found


def wording_examples(path: Path) -> list[Example]:
    """Wording cases; ``expected: missing`` stays a record (it is a negative for that protection)."""
    cases = load_yaml(path.read_text(encoding="utf-8"))
    return [
        Example(
            " ".join(case["text"].split()), case["protection"], case["expected"], f"wording:{path.name}#{i}"
        )
        for i, case in enumerate(cases, start=1)
    ]


# -- source 4: labelled agreements -----------------------------------------------------------
def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).lower()


_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))'(.+?)'(?=[\s,.;:)\]]|$)")


def _quoted(note: str) -> list[str]:
    """Verbatim fragments a label note quotes ('...'), cut at ellipses, four words or more."""
    fragments = []
    for quote in _QUOTE.findall(_normal(note or "")):
        fragments += [f.strip() for f in re.split(r"\.\.\.|\u2026|\[[^\]]*\]", quote) if len(f.split()) >= 4]
    return fragments


def _block_sentences(blocks: list[Block], places: list[Place]) -> list[list[str]]:
    """Each block's sentences, a list item prefixed by its lead-in ("The employer shall:").

    A lead-in is the last sentence of a block ending in a colon; it governs the blocks below
    it ("Article 6" -> "Article 6(a)"). A table cell is governed by its column header.
    """
    out: list[list[str]] = []
    lead, lead_place = "", None
    for block, place in zip(blocks, places, strict=True):
        if block.kind in ("title", "heading"):
            out.append([])
            continue
        prefix = ""
        if block.kind == "table_cell" and block.context:
            prefix = " ".join(block.context.split())
        elif lead_place is not None and place != lead_place and lead_place.covers(place):
            prefix = lead
        sentences = split_sentences(block.text)
        out.append([f"{prefix} {s}" if prefix else s for s in sentences])
        if leads_into_new_wording(block.text):  # "Article 5 ... replaced by the following:": no provision
            lead, lead_place = "", None
        elif block.text.rstrip().endswith(":") and block.kind != "table_cell":
            lead, lead_place = (sentences[-1] if sentences else " ".join(block.text.split())), place
    return out


def _keep_negative(text: str) -> bool:
    digest = int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)
    return digest / 0xFFFFFFFF < NEGATIVE_SHARE


def _in_broad(block: Block, place: Place, scope: str) -> bool:
    """Whether a block lies in what a broad citation names: the preamble, or a whole annex."""
    if scope == "preamble":
        return block.kind == "preamble"
    return place.scope == scope or place.scope.startswith(scope + " ")


def agreement_examples(agreement: LabelledAgreement, guard: Guard) -> tuple[list[Example], AgreementReport]:
    """Labelled sentences and negatives of one development agreement.

    A citation of numbered units labels every sentence of the blocks it covers. A broad
    citation (preamble, a whole annex) labels only the sentences there that contain words the
    label's note quotes. The sentences of numbered blocks no citation covers are negatives
    (thinned), except in the preamble and in a scope a broad citation names, whose labelled
    words are not known block by block. Units the reader numbered twice are used for
    nothing, and an agreement with a citation that cannot be read gives no negatives, since
    the words that citation meant might be among them.
    """
    document = read_path(guard.check(agreement.document))
    source = f"agreement:{agreement.set_name}/{agreement.document.name}"
    report = AgreementReport(source)
    places = [block_place(b.location, b.origin) for b in document.blocks]
    repeated = repeated_units(places, skip=lambda i: document.blocks[i].origin == "footnote")
    usable = [not (p.path and (p.scope, p.path[0]) in repeated) for p in places]
    sentences = _block_sentences(document.blocks, places)
    found: list[Example] = []
    cited_blocks: set[int] = set()
    broad_scopes: set[str] = set()
    any_unreadable = False
    for pid, location in sorted(agreement.locations.items()):
        status = agreement.statuses[pid]
        if not location or status not in POSITIVE:
            continue
        citation = parse_citation(location)
        quotes = _quoted(agreement.notes.get(pid, ""))

        def confirm(hits: set[int], quotes: list[str] = quotes) -> bool:
            text = " ".join(_normal(document.blocks[i].text) for i in hits)
            return any(q in text for q in quotes)

        hits, missed = covered_blocks(citation.places, places, confirm)
        report.unmatched += [f"{pid}: {location} -> {m.scope or 'main'} {'.'.join(m.path)}" for m in missed]
        report.unmatched += [f"{pid}: {location} -> cannot read '{u}'" for u in citation.unreadable]
        any_unreadable = any_unreadable or bool(citation.unreadable)
        cited_blocks |= hits
        labelled = [
            s
            for i in sorted(hits)
            if usable[i]
            for s in sentences[i]
            if not BOILERPLATE.match(s) and not leads_into_new_wording(s)
        ]
        if status == "contrary" and quotes:
            # a harm cited with its whole article ("Clause 7; Clause 1") and quoted in the note
            # ('subject to clause 1'): the quoted sentences are the harm, the article's protective
            # ones ("one month's notice ... and payment of all sums owed") are not
            harmful = [s for s in labelled if any(q in _normal(s) for q in quotes)]
            labelled = harmful or labelled
        for broad in citation.broad:
            scope = _broad_scope(broad)
            broad_scopes.add(scope)
            inside = [i for i, b in enumerate(document.blocks) if _in_broad(b, places[i], scope)]
            quoted = [s for i in inside for s in sentences[i] if any(q in _normal(s) for q in quotes)]
            labelled += quoted
            report.broad.append(f"{pid}: {broad} ({len(quoted)} quoted sentence(s) kept)")
        found += [Example(s, pid, status, source) for s in labelled]
        report.labelled += len(labelled)
    for i, (place, block) in enumerate(zip(places, document.blocks, strict=True)):
        if block.kind == "preamble":
            continue
        # A block the reader could not place in a unit may belong to a cited one: not a negative.
        free = i not in cited_blocks and usable[i] and bool(place.path) and not any_unreadable
        if free and not any(_in_broad(block, place, scope) for scope in broad_scopes):
            candidates = sentences[i]
        else:
            candidates = [s for s in sentences[i] if BOILERPLATE.match(s)]  # a negative wherever it stands
        kept = [Example(s, None, None, source) for s in candidates if _keep_negative(s)]
        found += kept
        report.negatives += len(kept)
    return found, report


def _broad_scope(citation: str) -> str:
    """The scope a broad citation names ("annex", "schedule 2"), or "preamble"."""
    return block_place(citation).scope or "preamble"


# -- everything ------------------------------------------------------------------------------
@dataclass
class TrainingData:
    """The sorted examples and an account of where they came from."""

    examples: list[Example]
    agreements: list[AgreementReport]
    sets: dict[str, int]  # development set -> agreements used

    def counts(self) -> dict[str, int]:
        """Examples per kind of source; agreement sentences split into labelled and negatives."""
        kinds: Counter[str] = Counter()
        for e in self.examples:
            kind = e.source.split(":", 1)[0]
            if kind == "wording":
                kind = "wording:" + e.source.split(":", 1)[1].split("#")[0]
            if kind in ("agreement", "library"):
                kind += "" if e.protection else "_negative"
            kinds[kind] += 1
        return dict(sorted(kinds.items()))

    def sha256(self) -> str:
        """Digest of the examples exactly as the model is trained on them."""
        payload = json.dumps([list(e) for e in self.examples], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _sort_key(e: Example) -> tuple[str, str, str, str]:
    return (e.text, e.protection or "", e.status or "", e.source)


def training_data(library: Library | None = None, manifest: Path = DEFAULT_MANIFEST) -> TrainingData:
    """Every training example from development data, sorted and without exact duplicates."""
    library = library or default_library()
    examples = library_examples(library) + structural_negatives(library) + rubric_examples(library)
    for path in WORDING_FILES:
        examples += wording_examples(path)
    agreements, guard = development_agreements(manifest)
    reports = []
    for agreement in agreements:
        found, report = agreement_examples(agreement, guard)
        examples += found
        reports.append(report)
    sets = Counter(a.set_name for a in agreements)
    return TrainingData(sorted(set(examples), key=_sort_key), reports, dict(sorted(sets.items())))


def training_examples() -> list[Example]:
    """The sorted (text, protection | None, status | None, source) records the arbiter learns from."""
    return training_data().examples
