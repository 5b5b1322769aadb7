"""How an agreement names what a suggested clause must name the same way.

Which party workers come from is decided here once, at analysis time, so that every output
(the gap report's suggested clauses, the redline) agrees: the party named first is not
always the country of origin. The cues, strongest first:

- a defined role after the party's name: ``the Republic of Kestria (the "Sending Party")``;
- workers called by the party's people (``Kestrian domestic workers``), ``nationals of X``,
  coming ``from X`` or returning ``to X``: the origin;
- employment, admission or households ``in X``: the destination.

Also read: the competent (or implementing) authorities the agreement designates, what it
calls its signatories ("Parties", "Participants", "Contracting Parties"), the name of its
joint committee, and the annex holding the employment contract, if any. What the text does
not say stays empty; suggested clauses then show a placeholder, never an invented value.

French and Spanish agreements are read the same way with their own forms (:data:`PATTERNS`):
"travailleurs italiens", "nacionales de Andalera", "Comisión Mixta", "Parties contractantes".
Their names are kept as the language writes them in running text, with their article ("les
Pays-Bas", "la République de Turquie", "el Ministerio de Trabajo"), because the library's
French and Spanish clauses put a preposition before a name through a filter that contracts
it with that article ("des Pays-Bas"). Where the document analysis named no parties (its
party patterns are English), they are read here from the state names ("Royaume des Pays-Bas",
"República de Andalera").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from blma.analysis.models import AgreementTerms
from blma.reading.models import AgreementText

ORIGIN_ROLE = r"sending|origin|source"
DESTINATION_ROLE = r"receiving|destination|host|employing"
ROLE = re.compile(
    r"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?)?(?:the\s+)?[\"“']?(?P<role>[A-Z][\w ]{0,30}?)[\"”']?\s*\)"
)
ORGANISATION = (
    r"Ministry|Department|Office|Agency|Authority|Bureau|Service|Administration|Directorate|Commission|Board"
)
AUTHORITY_SENTENCE = re.compile(
    r"competent authorit|implementing authorit|implementing agenc|designated authorit", re.I
)
#: An organisation's name: capitalised words around an organisation noun, "of"/"for"/"and" joining them.
AUTHORITY_NAME = re.compile(
    rf"(?:[A-Z][\w'’-]+\s+){{0,4}}(?:{ORGANISATION})\b(?:\s+(?:of|for|and|of the)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)*"
    rf"(?:,\s+(?:{ORGANISATION})\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?"
)
COMMITTEE = re.compile(r"\bJoint\s+(?:[A-Z][\w-]+\s+){0,2}(?:Committee|Commission|Working Group|Board|Council)\b")
PARTIES_TERM = re.compile(r"\b(?:Contracting\s+Parties|Participants|Parties|Sides)\b")
FULL_NAME = (
    r"(?:(?:Federal |United |Democratic |Socialist |Islamic |People's )*"
    r"(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Sultanate|Emirate|Grand Duchy)) of (?:the )?{name}\b"
)

#: A capitalised word of French or Spanish (accented capitals included).
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"


@dataclass(frozen=True)
class TermPatterns:
    """How one language writes the terms :func:`agreement_terms` reads.

    Cue templates take ``{n}`` (the party's name, escaped) or ``{people}`` (the party's people:
    "Kestrian", "italiens"). A language that ``folds`` looks for its people and its parties'
    own authorities in text without accents or capitals: "grecs" and "Grèce" share "grec".
    """

    role: re.Pattern[str]
    origin_role: str
    destination_role: str
    people: str  # one of the party's people, from ``{stem}``
    people_cue: str  # workers called by the party's people (origin, counts twice)
    origin_cue: str
    destination_cue: str
    folds: bool
    full_name: str  # "Republic of {name}", with a ``state`` group where the article depends on it
    state_articles: dict[str, str]  # the article before a full name, by its state word ("" for any)
    authority_sentence: re.Pattern[str]
    authority_name: re.Pattern[str]
    organisation_articles: dict[str, str]  # the article before an authority, by its first word
    named_suffix: str  # what follows a party's stem when an authority is named after its people
    committee: re.Pattern[str]
    parties_term: re.Pattern[str]
    contract_heading: re.Pattern[str]
    bare_annex: str  # before an annex read without a number: "the" (Annex)
    #: The two countries' state names, when the document analysis found no parties, else the two
    #: countries a title says the instrument is "between".
    state_name: re.Pattern[str] | None = None
    between: re.Pattern[str] | None = None
    #: A name's article in running text, by the word before it ("des" Pays-Bas: "les").
    name_articles: dict[str, str] = field(default_factory=dict)
    #: "en" before a name hides its article: a vowel then takes "l'", else this one.
    hidden_article: str = ""


EN = TermPatterns(
    role=ROLE,
    origin_role=ORIGIN_ROLE,
    destination_role=DESTINATION_ROLE,
    people=r"\b{stem}\w*(?:ian|an|ese|i|ish)\b",  # "Kestrian", "Sundaran", "Nuvarian"
    people_cue=r"{people}\s+(?:\w+\s+){{0,2}}(?:workers?|nationals?|nurses|citizens)",
    origin_cue=r"\b(?:from|to return to|returning to|return to|nationals? of|citizens? of)\s+(?:the\s+)?(?:\w+\s+of\s+)?{n}\b",
    destination_cue=(
        r"\b(?:in|employ\w* in|work\w* in|admitted to|admission to|arrival in|households? in|employers? in)"
        r"\s+(?:the\s+)?(?:\w+\s+of\s+)?{n}\b"
    ),
    folds=False,
    full_name=FULL_NAME,
    state_articles={"": "the"},
    authority_sentence=AUTHORITY_SENTENCE,
    authority_name=AUTHORITY_NAME,
    organisation_articles={},
    named_suffix=r"(?:ian|an|ish|ese|ic|i)",
    committee=COMMITTEE,
    parties_term=PARTIES_TERM,
    contract_heading=re.compile(r"contract", re.I),
    bare_annex="the",
)

_FR_STATES = r"République|Royaume|État|Etat|Fédération|Confédération|Principauté|Sultanat|Émirat|Grand-Duché"
_FR_ORGANISATIONS = {
    "Ministère": "le", "Direction": "la", "Office": "l'", "Agence": "l'", "Service": "le",
    "Administration": "l'", "Secrétariat": "le", "Département": "le", "Institut": "l'",
    "Caisse": "la", "Bureau": "le", "Commissariat": "le", "Inspection": "l'",
}  # fmt: skip
#: Before a French name: prepositions and articles, as many as the text stacks ("de la", "aux").
_FR_BEFORE = r"(?:(?:de|du|des|en|au|aux|à|dans|le|la|les)\s+|[ld]['’])*"
FR = TermPatterns(
    role=re.compile(
        r"\(\s*(?:ci-après\s+(?:dénommée?s?|désignée?s?|appelée?s?)\s+)?(?:(?:le|la|les)\s+|l['’])?"
        r"[«\"“']?\s*(?P<role>[A-ZÀ-Þ][\w '’-]{0,30}?)\s*[»\"”']?\s*\)"
    ),
    origin_role=r"origine|envoi|départ|émigration",
    destination_role=r"accueil|destination|emploi|immigration",
    people=r"\b{stem}\w*",
    people_cue=r"\b(?:travailleu\w*|ouvrier\w*|ressortissant\w*|stagiaires?|salarie\w*|citoyen\w*|infirmi\w*"
    r"|emigrant\w*|migrant\w*|candidat\w*|main-d'\w+)"
    r"\s+(?:\w+\s+){{0,2}}?{people}",
    origin_cue=r"\b(?:ressortissants?|nationaux|citoyens?|originaires?|provenance|provenant|retour|rentrer"
    r"|retourner|regagner|quitter)\s+" + _FR_BEFORE + r"{n}\b",
    destination_cue=r"\b(?<!retour )(?<!rentrer )(?<!retourner )(?<!regagner )(?:en|au|aux|dans|à)\s+"
    r"(?:(?:le|la|les)\s+|l['’])?{n}\b",
    folds=True,
    full_name=rf"(?P<state>{_FR_STATES})(?:\s+{_CAP}){{{{0,2}}}}?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]){{name}}\b",
    state_articles={"République": "la", "Royaume": "le", "État": "l'", "Etat": "l'", "Fédération": "la",
                    "Confédération": "la", "Principauté": "la", "Sultanat": "le", "Émirat": "l'",
                    "Grand-Duché": "le"},
    authority_sentence=re.compile(
        r"autorités?\s+(?:\w+\s+)?compétentes?|autorités?\s+chargées?|organismes?\s+de\s+liaison"
        r"|ont\s+compétence|est\s+du\s+ressort|sont\s+du\s+ressort",
        re.I,
    ),
    authority_name=re.compile(
        rf"(?:{'|'.join(_FR_ORGANISATIONS)})\b(?:\s+[A-ZÀ-Þ][\w'’-]+)*"
        rf"(?:\s+(?:et\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|pour\s+(?:la|le|les)\s+|et\s+){_CAP}"
        rf"(?:\s+[A-ZÀ-Þ][\w'’-]*)*)*"
    ),
    organisation_articles=_FR_ORGANISATIONS,
    named_suffix="",
    committee=re.compile(
        r"\b(?:Comité|Commission|Groupe\s+de\s+travail|Conseil)\s+(?:[Mm]ixte|[Pp]aritaire|[Cc]onjoint)\b"
    ),
    parties_term=re.compile(r"\b(?:Hautes\s+)?Parties\s+[Cc]ontractantes\b|\bParticipants\b|\bParties\b"),
    contract_heading=re.compile(r"contrat", re.I),
    bare_annex="",
    state_name=re.compile(
        rf"(?<!Secrétariat d')(?<!Secrétariat d’)(?<!Secrétaire d')(?<!Secrétaire d’)"
        rf"\b(?P<state>{_FR_STATES})(?:\s+(?!(?i:de|du|des)\b){_CAP}){{0,2}}?\s+"
        rf"(?P<prep>(?i:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]))"
        rf"(?P<name>(?!(?:{_FR_STATES}|Gouvernement)\b){_CAP}(?:\s+{_CAP}){{0,2}})"
        rf"|\b(?P<adj_state>République|Fédération|Confédération)\s+(?P<adjective>[A-ZÀ-Þ]\w{{3,}}e)\b"
    ),
    between=re.compile(
        rf"(?i:\bentre)\s+(?i:les\s+|le\s+|la\s+|l['’])(?P<a>(?!(?:{_FR_STATES}|Gouvernement|Minist\w*)\b){_CAP}(?:\s+{_CAP})?)"
        rf"\s+(?i:et)\s+(?i:les\s+|le\s+|la\s+|l['’])(?P<b>(?!(?:{_FR_STATES}|Gouvernement|Minist\w*)\b){_CAP}(?:\s+{_CAP})?)"
    ),
    name_articles={"le": "le", "du": "le", "au": "le", "la": "la", "les": "les", "des": "les", "aux": "les",
                   "l'": "l'", "l’": "l'"},
    hidden_article="la",
)

_ES_STATES = (
    r"República|Reino|Estado|Federación|Confederación|Principado|Sultanato|Emirato|Gran\s+Ducado|Mancomunidad"
)
_ES_ORGANISATIONS = {
    "Ministerio": "el", "Dirección": "la", "Oficina": "la", "Agencia": "la", "Servicio": "el",
    "Administración": "la", "Secretaría": "la", "Departamento": "el", "Instituto": "el",
    "Consejería": "la", "Superintendencia": "la", "Inspección": "la", "Autoridad": "la",
}  # fmt: skip
ES = TermPatterns(
    role=re.compile(
        r"\(\s*(?:en\s+adelante,?\s+(?:denominad[oa]s?\s+)?)?(?:(?:el|la|los|las)\s+)?"
        r"[«\"“']?\s*(?P<role>[A-ZÀ-Þ][\w ]{0,30}?)\s*[»\"”']?\s*\)"
    ),
    origin_role=r"origen|envío|envio|emisor",
    destination_role=r"destino|receptor|acogida|empleo",
    people=r"\b{stem}\w*",
    people_cue=r"\b(?:trabajador\w*|obrer\w*|nacionales|ciudadan\w*|enfermer\w*|pescador\w*|temporer\w*"
    r"|profesionales|emigrantes|migrantes|aprendices|candidat\w*)"
    r"\s+(?:\w+\s+){{0,2}}?{people}",
    origin_cue=r"\b(?:nacionales|ciudadan[oa]s?|originari[oa]s?|procedentes?|provenientes?|salir|salida"
    r"|regres\w*|retorn\w*|volver|vuelta)\s+(?:a|al|de|del|desde|hacia)\s+(?:(?:el|la|los|las)\s+)?{n}\b",
    destination_cue=r"\ben\s+(?:(?:el|la|los|las)\s+)?{n}\b",
    folds=True,
    full_name=rf"(?P<state>{_ES_STATES})(?:\s+{_CAP}){{{{0,2}}}}?\s+(?:de\s+la\s+|de\s+los\s+|de\s+las\s+|del\s+|de\s+){{name}}\b",
    state_articles={"República": "la", "Reino": "el", "Estado": "el", "Federación": "la", "Confederación": "la",
                    "Principado": "el", "Sultanato": "el", "Emirato": "el", "Gran Ducado": "el",
                    "Mancomunidad": "la"},
    authority_sentence=re.compile(
        r"autoridad(?:es)?\s+(?:\w+\s+)?competentes?|autoridad(?:es)?\s+encargadas?|organismos?\s+de\s+enlace"
        r"|son\s+competentes|será\s+competente",
        re.I,
    ),
    authority_name=re.compile(
        rf"(?:{'|'.join(_ES_ORGANISATIONS)})\b(?:\s+[A-ZÀ-Þ][\w'’-]+)*"
        rf"(?:\s+(?:de\s+la|de\s+los|de\s+las|del|de|y|e|para\s+(?:la|el|los|las))\s+{_CAP}"
        rf"(?:\s+[A-ZÀ-Þ][\w'’-]*)*)*"
    ),
    organisation_articles=_ES_ORGANISATIONS,
    named_suffix="",
    committee=re.compile(
        r"\b(?:Comisión|Comité|Grupo\s+de\s+[Tt]rabajo|Consejo)\s+"
        r"(?:[Mm]ixt[oa]|[Cc]onjunt[oa]|[Pp]aritari[oa]|[Bb]inacional)\b"
    ),
    parties_term=re.compile(r"\bPartes\s+[Cc]ontratantes\b|\bParticipantes\b|\bPartes\b"),
    contract_heading=re.compile(r"contrato", re.I),
    bare_annex="",
    state_name=re.compile(
        rf"(?<!Secretaría de )(?<!Secretaria de )(?<!Secretario de )(?<!Secretaría De )"
        rf"\b(?P<state>{_ES_STATES})(?:\s+(?!(?i:de|del)\b){_CAP}){{0,2}}?\s+"
        rf"(?P<prep>(?i:de\s+la\s+|de\s+los\s+|de\s+las\s+|del\s+|de\s+))"
        rf"(?P<name>(?!(?:{_ES_STATES}|Gobierno)\b){_CAP}(?:\s+{_CAP}){{0,2}})"
        rf"|\b(?P<adj_state>República|Federación|Confederación)\s+(?P<adjective>[A-ZÀ-Þ]\w{{3,}}a)\b"
    ),
    between=re.compile(
        rf"(?i:\bentre)\s+(?:(?i:el|la|los|las)\s+)?(?P<a>(?!(?:{_ES_STATES}|Gobierno|Minist\w*)\b){_CAP}(?:\s+{_CAP})?)"
        rf"\s+(?i:y|e)\s+(?:(?i:el|la|los|las)\s+)?(?P<b>(?!(?:{_ES_STATES}|Gobierno|Minist\w*)\b){_CAP}(?:\s+{_CAP})?)"
    ),
    name_articles={"el": "el", "del": "el", "al": "el", "la": "la", "los": "los", "las": "las"},
)

#: The reading of each language an agreement is analysed in.
PATTERNS: dict[str, TermPatterns] = {"en": EN, "fr": FR, "es": ES}
#: Words that end a state's name in a title written in capitals ("Itzamora Y El Gobierno").
_NAME_END = re.compile(r"\s+(?:And|On|Concerning|Regarding|Relating|For|In|Et|Y|E|Sobre|Relativo|Relatif|En|Para|Pour)\b")
_COMBINING = re.compile(r"[\u0300-\u036f]")
#: The word or elided article right before a name: "des" (Pays-Bas), "l'" (Italie).
_WORD_BEFORE = re.compile(r"(?:^|[^\w'’])(?P<word>\w+)\s+$|(?P<elided>[lL]['’])$")
_ADJECTIVE_ENDINGS = re.compile(r"(?:ien|ienne|iens|iennes|ais|aise|ois|oise|ano|ana|anos|anas|és|esa|ense|ino|ina)$")


def agreement_terms(doc: AgreementText, parties: list[str], language: str | None = None) -> AgreementTerms:
    """The agreement's own names for its parties' roles, authorities, signatories and committee.

    ``language``: the language ``doc`` is written in (default: worked out from its text); a
    French or Spanish agreement whose ``parties`` the document analysis did not find has them
    read from its state names."""
    patterns = PATTERNS[language if language in PATTERNS else document_language(doc)]
    text = doc.full_text
    full: dict[str, str] = {}
    if patterns.state_name is not None and len(parties) != 2:
        parties, full = _state_parties(doc, patterns)
    origin, destination = _roles(text, parties, patterns)
    authorities = _authorities(doc, [p for p in (origin, destination) if p], patterns)
    return AgreementTerms(
        origin=_with_article(text, origin, patterns),
        destination=_with_article(text, destination, patterns),
        origin_name=full.get(origin) or _full_name(text, origin, patterns),
        destination_name=full.get(destination) or _full_name(text, destination, patterns),
        origin_authority=authorities.get(origin, ""),
        destination_authority=authorities.get(destination, ""),
        parties_term=_most_common(patterns.parties_term.findall(text)),
        committee=_most_common(patterns.committee.findall(text)),
        contract_annex=_contract_annex(doc, patterns),
    )


def state_parties(doc: AgreementText, language: str | None = None) -> list[str]:
    """The two countries a French or Spanish agreement names by their state names ("Royaume des
    Pays-Bas", "República de Andalera"), for the parties the English reading of the document
    (:func:`blma.analysis.facts.parties`) cannot find; [] in English or when not two are found."""
    patterns = PATTERNS[language if language in PATTERNS else document_language(doc)]
    return _state_parties(doc, patterns)[0] if patterns.state_name is not None else []


def document_language(doc: AgreementText) -> str:
    """The language the terms are read in: the opening's, if :data:`PATTERNS` has it, else English."""
    from blma.reading.language import profile

    found = profile([doc.title, *(b.text for b in doc.blocks[:60])]).main
    return found if found in PATTERNS else "en"


def _fold(text: str) -> str:
    """Lower case without accents ("Grèce" -> "grece"), for matching a people to its country."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text.lower()))


def _roles(text: str, parties: list[str], patterns: TermPatterns) -> tuple[str, str]:
    if len(parties) != 2:
        return "", ""
    a, b = parties
    folded = _fold(text) if patterns.folds else text
    lean_a, lean_b = _lean(text, folded, a, patterns), _lean(text, folded, b, patterns)
    return (a, b) if lean_a >= lean_b else (b, a)


def _stem(name: str) -> str:
    return name[:-1] if len(name) > 4 and name[-1] in "aey" else name


def _lean(text: str, folded: str, name: str, patterns: TermPatterns) -> int:
    """How strongly the text reads ``name`` as the country of origin (negative: destination)."""
    n = re.escape(name)
    score = 0
    for match in re.finditer(rf"\b{n}\b[^()]{{0,40}}?{patterns.role.pattern}", text):
        role = match["role"].lower()
        origin, destination = patterns.origin_role, patterns.destination_role
        score += 10 if re.search(origin, role) else -10 if re.search(destination, role) else 0
    stem = _fold(_stem(name)) if patterns.folds else _stem(name)
    people = patterns.people.format(stem=re.escape(stem))
    score += 2 * len(re.findall(patterns.people_cue.format(people=people), folded))
    score += len(re.findall(patterns.origin_cue.format(n=n), text))
    score -= len(re.findall(patterns.destination_cue.format(n=n), text))
    return score


def _full_name(text: str, short: str, patterns: TermPatterns) -> str:
    """ "the Republic of Kestria" where the text says so, else the short name (with its article)."""
    if not short:
        return ""
    match = re.search(patterns.full_name.format(name=re.escape(short)), text)
    if not match:
        return _with_article(text, short, patterns)
    state = match.groupdict().get("state") or ""
    return _joined(patterns.state_articles.get(re.sub(r"\s+", " ", state), patterns.state_articles.get("", "")), match.group(0))


def _joined(article: str, name: str) -> str:
    if not article:
        return name
    return f"{article}{name}" if article.endswith(("'", "’")) else f"{article} {name}"


def _with_article(text: str, name: str, patterns: TermPatterns) -> str:
    """A short name as running text writes it: "les Pays-Bas", "l'Italie", "Andalera"; the
    article the text puts (or contracts) before it most often, none if it never does."""
    if not name or not patterns.name_articles:
        return name
    found: list[str] = []
    for match in re.finditer(rf"\b{re.escape(name)}\b", text):
        before = _WORD_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
        if before is None:
            continue
        word = (before["word"] or before["elided"]).lower()
        if word in patterns.name_articles:
            found.append(patterns.name_articles[word])
        elif word == "en" and patterns.hidden_article:  # "en Italie": feminine or elided
            found.append("l'" if _fold(name[:1]) in "aeiouy" else patterns.hidden_article)
    article = _most_common(found)
    return _joined(article, name) if article else name


def _state_parties(doc: AgreementText, patterns: TermPatterns) -> tuple[list[str], dict[str, str]]:
    """The two countries by their state names in the title and opening ("Royaume des Pays-Bas",
    "República de Andalera"), and the full name of each found in a form that has no short name
    of its own ("la République Italienne", whose country the text calls "Italie")."""
    assert patterns.state_name is not None
    head = [doc.title, *(b.text for b in doc.blocks[:12])]
    for texts in (head, [t.title() for t in head]):  # titles in capitals: "REPÚBLICA DE ITZAMORA"
        names: list[str] = []
        full: dict[str, str] = {}
        for match in (m for text in texts for m in patterns.state_name.finditer(text)):
            if match["name"]:
                name = _NAME_END.split(match["name"].strip(" ,.;"))[0]
            else:
                whole = f"{match['adj_state']} {match['adjective']}"
                name = _country_of(doc.full_text, match["adjective"]) or whole
                state = re.sub(r"\s+", " ", match["adj_state"])
                full.setdefault(name, _joined(patterns.state_articles.get(state, ""), whole))
            if name not in names and not name.isupper():  # a title in capitals is read title-cased
                names.append(name)
        if len(names) < 2 and patterns.between is not None:  # "entre les Pays-Bas et la Finlande"
            for match in (m for text in texts for m in patterns.between.finditer(text)):
                found = (_NAME_END.split(match[g])[0] for g in ("a", "b"))
                names += [n for n in found if n not in names and not n.isupper()]
        if len(names) >= 2:
            return names[:2], full
    return [], {}


def _country_of(text: str, adjective: str) -> str:
    """The country an adjective of a state's name stands for, as the text names it elsewhere:
    "Italie" for "(République) Italienne"; "" when it never does."""
    stem = _fold(adjective)[:4]
    words = [
        word
        for word in re.findall(r"\b[A-ZÀ-Þ][\w-]+", text)
        if _fold(word).startswith(stem) and word != adjective and not _ADJECTIVE_ENDINGS.search(_fold(word))
    ]
    return _most_common(words)


def _authorities(doc: AgreementText, parties: list[str], patterns: TermPatterns) -> dict[str, str]:
    """Each party's authority: the one a designating sentence names ("The competent authorities
    are ..."), else the one the text names most often for it ("the Labour Office of Pelora").

    A name belongs to the party it names ("Ministry of Labour of Kestria", "Kestrian Labour
    Department") or, in a designating sentence, that precedes it ("for Azuria, the Ministry of ...").
    """
    found: dict[str, str] = {}
    named: dict[str, list[str]] = {}
    for block in doc.blocks:
        designating = bool(
            patterns.authority_sentence.search(block.text) or patterns.authority_sentence.search(block.heading)
        )
        for match in patterns.authority_name.finditer(block.text):
            name = re.sub(r"^(?:The|the)\s+", "", match.group(0).strip())
            if name.split()[0] in ("Each", "Both") or len(name.split()) < 2:
                continue
            name = _joined(patterns.organisation_articles.get(name.split()[0], ""), name)
            own = _party_named_in(name, parties, patterns)
            party = own or (_party_before(block.text[: match.start()], parties, patterns) if designating else "")
            if not party:
                continue
            if designating and party not in found:
                found[party] = name
            if own:
                named.setdefault(party, []).append(name)
    for party, names in named.items():
        found.setdefault(party, _most_common(names))
    return found


def _party_prefix(party: str, patterns: TermPatterns) -> str:
    prefix = party[: max(4, len(party) - 3)]
    return re.escape(_fold(prefix) if patterns.folds else prefix)


def _party_named_in(name: str, parties: list[str], patterns: TermPatterns) -> str:
    """The party a name names by its name or its people ("Kestrian", "Drellish", "néerlandais"), or ""."""
    text = _fold(name) if patterns.folds else name
    for party in parties:
        own = re.escape(_fold(party) if patterns.folds else party)
        if re.search(rf"\b{own}\b|\b{_party_prefix(party, patterns)}\w*{patterns.named_suffix}\b", text):
            return party
    return ""


def _party_before(before: str, parties: list[str], patterns: TermPatterns) -> str:
    tail = before[-60:]
    if not patterns.folds:
        named = [(tail.rfind(p), p) for p in parties if p in tail]
        return max(named)[1] if named else ""
    folded = _fold(tail)  # "Du côté grec, la Direction ...": the party's people name it too
    places = [
        (match.start(), party)
        for party in parties
        for match in re.finditer(rf"\b{_party_prefix(party, patterns)}\w*", folded)
    ]
    return max(places)[1] if places else ""


def _most_common(found: list[str]) -> str:
    return max(dict.fromkeys(found), key=found.count) if found else ""


def _contract_annex(doc: AgreementText, patterns: TermPatterns) -> str:
    """The annex that holds an employment contract ("Annex I", "Anexo I"), or "" when there is none."""
    for block in doc.blocks:
        if block.annex and patterns.contract_heading.search(block.heading):
            return block.annex if re.search(r"\s", block.annex) else _joined(patterns.bare_annex, block.annex)
    return ""
