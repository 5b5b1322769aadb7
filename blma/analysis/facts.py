"""Document-level facts: instrument type, parties, sectors and the status of annexes."""

from __future__ import annotations

import re
from collections import Counter

from blma.analysis.models import AgreementFacts
from blma.analysis.prefilter import Guarded
from blma.analysis.rules import Modality
from blma.analysis.terms import agreement_terms, state_parties
from blma.reading.models import AgreementText

MOU = re.compile(r"memorandum of understanding|\bMoU\b|\bMOU\b", re.I)
AGREEMENT = re.compile(r"\b(?:agreement|treaty|convention|protocol)\b", re.I)
PARTIES = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:Government|Ministry|Republic|Kingdom|State|Federation)\s+of\s+(?:the\s+)?)?"
    r"(?P<a>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4})"
    r"[\s,()\w]{0,40}?\s+and\s+(?:the\s+)?(?:(?:Government|Ministry|Republic|Kingdom|State|Federation)\s+of\s+(?:the\s+)?)?"
    r"(?P<b>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4})"
)
SECTOR_CUES: dict[str, re.Pattern[str]] = {
    "domestic_work": re.compile(
        r"domestic (?:workers?|work|helpers?|service|employees?)|household (?:workers?|service)|housemaids?|live-in",
        re.I,
    ),
    "seasonal_agriculture": re.compile(
        r"seasonal|agricultur\w*|farm\w*|harvest\w*|horticultur\w*|growers?", re.I
    ),
    "health_care": re.compile(
        r"nurs(?:e|es|ing)\b|health (?:care )?(?:workers?|professionals?|personnel)|healthcare workers?|caregivers?|hospitals?|midwi\w*",
        re.I,
    ),
    "construction": re.compile(r"construction|building sites?|civil works|infrastructure projects?", re.I),
    "hospitality": re.compile(r"hospitality|hotels?|restaurants?|tourism|catering", re.I),
    # "assembly" only as work ("electronics assembly", "assembly line"): a General Assembly or a
    # freedom of assembly is no factory
    "manufacturing": re.compile(
        r"manufactur\w*|factor(?:y|ies)|industrial workers?"
        r"|(?:electronics?|light|vehicle|car|motor|garment|component)[- ]assembly|assembly (?:lines?|plants?|workers?|operatives?)",
        re.I,
    ),
}
_SECTOR_CUES = {name: Guarded(pattern) for name, pattern in SECTOR_CUES.items()}
#: The rest of a clause that takes workers out of the text's scope ("This Convention shall not
#: apply to seasonal workers", "may exclude from the application of this Convention ... domestic
#: service"): the sectors it names are excluded, not covered. An exception to one provision
#: ("the hours provisions shall not apply to agriculture") leaves the sector in scope.
SCOPE_EXCLUSION = Guarded(
    re.compile(
        r"\b(?:(?:this|the present) (?:convention|agreement|memorandum(?: of understanding)?|mou|arrangement|"
        r"protocol|treaty|programme|scheme)|it)\b[^.;:]{0,60}?\b(?:shall|does|do|will) not (?:apply|extend) to\b[^.;:]*"
        r"|\bexclud\w*[^.;:]{0,80}?\b(?:scope|application)\b[^.;:]*"
        r"|\b(?:scope|application)\b[^.;:]{0,60}?\bexclud\w*[^.;:]*"
        r"|\bwith the exception of\b[^.;:]*",
        re.I,
    )
)
ANNEX_REF = re.compile(r"\b(?:annex|appendix|schedule)\s+([IVXLC]+|\d+|[A-Z])\b", re.I)
_CLAUSES = re.compile(r"(?<=[.;])\s+")  # where a sentence or a clause of a list of annexes ends


#: What a title calls its text when that is neither an agreement nor a memorandum of understanding
#: ("Convention concerning decent work for domestic workers", "Protocol amending the Agreement ...",
#: "Exchange of Notes constituting an Agreement ..."): the analysis reads the text as one of the two,
#: and the report names both so that a convention is not presented as an agreement.
TITLE_KIND = re.compile(
    r"^\W*(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?P<kind>convention|protocol|treaty|exchange of (?:notes|letters)"
    r"|arrangement|declaration|charter|(?:standard |unified |model )?(?:employment |labou?r )?contract"
    r"|regulations?|guidelines|code of (?:practice|conduct)|constitution|recommendation"
    r"|convenio|protocolo|canje de notas|tratado|protocole|échange de (?:notes|lettres)|traité)\b",
    re.I,
)


def title_kind(doc: AgreementText) -> str:
    """What the title calls the text ("Convention", "Exchange of notes"), or "" for an agreement
    or a memorandum of understanding."""
    title = " ".join(doc.title.split())
    kind = TITLE_KIND.match(title) if title and not MOU.search(title) else None
    if kind is None or re.search(r"\bagreement\b", title[: kind.start("kind")], re.I):
        return ""  # "European Agreement on regulations governing ...": an agreement
    words = kind.group("kind")
    return words[0].upper() + words[1:].lower()


def instrument_type(doc: AgreementText) -> str:
    title = doc.title or " ".join(b.text for b in doc.blocks[:3])
    if MOU.search(title):
        return "mou"
    if AGREEMENT.search(title):
        return "agreement"
    head = " ".join(b.text for b in doc.blocks[:40])
    mou_hits = len(MOU.findall(head)) + len(re.findall(r"\bParticipants?\b", head))
    return "mou" if mou_hits > len(re.findall(r"\bAgreement\b", head)) else "agreement"


STATE_NAME = re.compile(
    r"\b(?:Republic|Kingdom|State|Federation|Commonwealth|Sultanate|Emirate|Principality|Union|Confederation|"
    r"Grand Duchy|Dominion|Government)\s+of\s+(?:the\s+)?"
    r"(?P<name>(?!(?:Republic|Kingdom|State|Federation|Federal|Commonwealth|Sultanate|Emirate|Principality|Union|"
    r"Confederation|Grand|Government|People)\b)"
    # "Government of the United Republic of X": the name is X's, found by the next match
    r"(?!(?:[A-Z][\w'’-]*\s+){1,3}(?:Republic|Kingdom|State|Federation|Commonwealth|Sultanate|Emirate|"
    r"Principality|Union|Confederation)\s+of\b)"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)
AUTHORITY_WORDS = {
    "Labour",
    "Employment",
    "Health",
    "Agriculture",
    "Interior",
    "Foreign",
    "Affairs",
    "Social",
    "Overseas",
    "Migration",
    "Tourism",
    "Justice",
    "Manpower",
    "Human",
    "Resources",
    "Home",
}


#: Capitalised words that follow a state's name in a heading or form line without being part of
#: it: "Federation of Orvana Contract No.", "Republic of Lumora TERMS OF EMPLOYMENT".
NAME_END = re.compile(
    r"\s+(?:And|On|Concerning|Regarding|Relating|For|In|Contract|Form|Terms|Prescribed|Standard|Model|"
    r"Employment|Agreement|Memorandum|Embassy|Ministry|Department|Office|Job|No|Rural|Work|Holiday|Seasonal|Programm?e|"
    r"Scheme|Permit|Labour)\b.*",
    re.I | re.S,
)


#: The last word of a body's name that "Federation of" or "Union of" may begin: not a state.
BODY_WORDS = {"Organisations", "Organizations", "Associations", "Unions", "Employers", "Chambers", "Industries", "Enterprises"}
#: A state named alone (no second party found) counts only from a sentence this short: a title, a
#: form's header or an opening "between" line, not a preamble ("convened at Washington by the
#: Government of the United States of America, ..." names the host of a conference).
ONE_STATE_SENTENCE_WORDS = 40

#: The small words of a state's name, lower case again after ``str.title`` ("Kingdom Of" -> "Kingdom of").
SMALL_WORDS = re.compile(r"\b(?:Of|The|And)\b")


def parties(doc: AgreementText) -> list[str]:
    """The two countries: state names ("Republic of X") first, the "between A and B" phrase otherwise,
    and the one state named when that is all the opening gives.

    Each line of the opening is read on its own: a form's title block puts a state's name at the
    end of one line and "Contract No." or "Embassy of ..." at the start of the next. A standard
    contract prescribed by one country often leaves the other blank ("Country of origin: ____"):
    naming the one state it gives tells a reviewer more than "not found"."""
    head = [doc.title, *(b.text for b in doc.blocks[:12])]
    names: list[str] = []
    alone: list[str] = []  # a state named in a title or a form's short sentence, not in a long preamble
    for line in (line for text in head for line in text.splitlines()):
        if line.isupper():  # a title in capitals: "THE KINGDOM OF VOSTRAVA"
            line = SMALL_WORDS.sub(lambda m: m.group().lower(), line.title())
        for match in STATE_NAME.finditer(line):
            name = NAME_END.sub("", match.group("name").strip(" ,.")).strip(" ,.")
            if name and not _an_authority(name):
                _add_name(names, name)
                if len(_sentence_at(line, match).split()) <= ONE_STATE_SENTENCE_WORDS:
                    _add_name(alone, name)
    if len(names) >= 2:
        return names[:2]
    for text in [doc.title, *(b.text for b in doc.blocks[:15])]:
        match = PARTIES.search(text or "")
        if match:
            found = [match.group(side).strip(" ,.'") for side in ("a", "b")]
            if not any(_an_authority(name) for name in found):  # not "the Ministry of Labour and ..."
                return found
    return alone[:1]


def _sentence_at(line: str, match: re.Match[str]) -> str:
    """The sentence of ``line`` that holds ``match`` (sentences end at ". ")."""
    start = line.rfind(". ", 0, match.start()) + 1
    end = line.find(". ", match.end())
    return line[start : end if end != -1 else len(line)]


def _add_name(names: list[str], name: str) -> None:
    """Add ``name`` once: "Kalaya" from "REPUBLIC OF KALAYA" and "Kalaya Maritime" from a title line
    run into the next ("REPUBLIC OF KALAYA MARITIME EMPLOYMENT OFFICE") are one state, the shorter."""
    for k, known in enumerate(names):
        if known == name or name.startswith(known + " "):
            return
        if known.startswith(name + " "):
            names[k] = name
            return
    names.append(name)


def _an_authority(name: str) -> bool:
    """Whether a name read as a party's is an authority's or a body's ("Labour", "Foreign Affairs",
    "the Federation of Supervising Organisations")."""
    words = name.split()
    return words[0] in AUTHORITY_WORDS or words[-1] in BODY_WORDS


def sectors(doc: AgreementText) -> list[str]:
    """The sectors the text covers, by how often it names them (the title and opening weigh more);
    a sector named only to be excluded from the text's scope does not count."""
    texts = [SCOPE_EXCLUSION.sub(" ", b.text) for b in doc.blocks]
    head = " ".join([doc.title, *texts[:15]])  # title and scope weigh more
    # Counted block by block, which equals counting in the whole text (its blocks joined by line
    # breaks, which no cue matches): the literal prefilter then skips most blocks for each cue.
    counts = Counter(
        {
            name: sum(len(p.findall(text)) for text in texts) + 2 * len(p.findall(head))
            for name, p in _SECTOR_CUES.items()
        }
    )
    words = max(doc.word_count, 1)
    threshold = max(3, words // 1500)
    found = [name for name, n in counts.most_common() if n >= threshold]
    return found or ["general"]


ANNEX_MENTION = Guarded(
    re.compile(r"annex|appendix|schedule|model (?:employment )?contract|standard (?:employment )?contract", re.I)
)


def annex_status(doc: AgreementText, modality: Modality) -> dict[str, str]:
    """Each annex: made binding by the agreement, declared indicative, or unknown."""
    annexes = sorted(
        {b.annex for b in doc.blocks if b.annex}, key=lambda a: [x.annex for x in doc.blocks].index(a)
    )
    status = {a: "unknown" for a in annexes}
    if not annexes:
        return status
    for block in doc.blocks:
        if not ANNEX_MENTION.search(block.text):
            continue
        # sentence by sentence: "The Annexes form an integral part of it. Annex I sets out the
        # indicative envelope; Annex II the Partnership" says nothing of Annex II being indicative
        for text in _clauses(block.text):
            named = [_canonical(m.group(0)) for m in ANNEX_REF.finditer(text)]
            targets = [a for a in annexes if a in named] or ([block.annex] if block.annex else annexes)
            if modality.annex_indicative.search(text):
                for a in targets:
                    status[a] = "indicative"
            elif modality.annex_mandatory.search(text):
                for a in targets:
                    if status[a] != "indicative":
                        status[a] = "mandatory"
    return status


def _clauses(text: str) -> list[str]:
    """The sentences and semicolon clauses of ``text``; a piece of three words or fewer ("Annex 2.")
    stays with the next ("Annex 2. Indicative Summary (for reference only)")."""
    pieces: list[str] = []
    for piece in _CLAUSES.split(text):
        if pieces and len(pieces[-1].split()) <= 3:
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _canonical(ref: str) -> str:
    kind, num = ref.split()[0].title(), ref.split()[1]
    return f"{kind} {num.upper() if re.fullmatch(r'[ivxlc]+|[a-z]', num, re.I) else num}"


def non_binding_statement(doc: AgreementText, modality: Modality) -> str:
    """The words by which an instrument says it creates no legal obligations, or ""."""
    for block in doc.blocks:
        match = modality.non_binding.search(block.text)
        if match:
            return match.group(0)
    return ""


def collect_facts(doc: AgreementText, modality: Modality) -> AgreementFacts:
    statement = non_binding_statement(doc, modality)
    named = parties(doc)
    terms = agreement_terms(doc, named)
    if len(named) != 2:  # a French or Spanish text names its parties as states
        named = state_parties(doc) or named
    return AgreementFacts(
        binding=not statement,
        non_binding_statement=statement,
        instrument=instrument_type(doc),  # type: ignore[arg-type]
        title_kind=title_kind(doc),
        title=doc.title,
        parties=named,
        terms=terms,
        sectors=sectors(doc),
        annexes=annex_status(doc, modality),  # type: ignore[arg-type]
        tracked_changes=doc.tracked_changes,
        word_count=doc.word_count,
        articles=len(doc.units),
    )
