"""The Draft page's form: one specification kept in session state, widgets seeded from it.

Streamlit forgets a widget's value when the widget is not drawn (another step, another
page), so the specification lives under its own key (``FORM_KEY``): at the start of each
run the widgets' latest values are copied into it (:func:`sync`), and widgets that are
about to be drawn without a value are seeded from it (:func:`seed_scope`,
:func:`seed_protection`). Everything here works on a plain mapping, so it is tested
without a browser.
"""

from __future__ import annotations

import copy
import re
from collections.abc import MutableMapping
from dataclasses import dataclass

from blma import api

FORM_KEY = "draft.form"
W = "draft.w."  # prefix of every Draft widget key
STEP_KEY = W + "step"
STYLE_KEY = W + "style"
SECTORS_KEY = W + "sectors"
YEARS_KEY = W + "years"
NOTICE_KEY = W + "notice"
PLACE_KEY = W + "place"
LANGUAGES_KEY = W + "languages"
LANGUAGE_KEY = W + "language"
SECOND_LANGUAGE_KEY = W + "second_language"
#: The languages a draft is written in, as the form offers them.
LANGUAGE_LABELS = {"en": "English", "fr": "French (français)", "es": "Spanish (español)"}
NO_SECOND = ""
#: The annexes a negotiator can attach, in the order the draft numbers them.
ANNEX_LABELS = {
    "model_contract": "Minimum terms of the employment contract (a table citing the articles)",
    "standard_contract": "Standard employment contract (a form the parties make binding)",
    "competent_authorities": "Competent authorities (who implements what)",
}
ANNEX_HELP = {
    "model_contract": "What every contract must contain, term by term, each with the article that governs it.",
    "standard_contract": "A real contract form, completed for each job and registered by both authorities; "
    "each section cites the article it rests on. Choose the clause 'Employment on the annexed standard "
    "contract' under the written-contract protection to make it binding in the articles too.",
    "competent_authorities": "The ministries or agencies that implement the instrument on each side.",
}
SIDES = ("origin", "destination")
PARTY_FIELDS = ("country", "short_name", "authority")
OMIT = "omit"

STEPS = ("1. Parties and scope", "2. Protections", "3. Check and download")
SECTOR_LABELS = {
    "general": "General (all sectors)",
    "domestic_work": "Domestic work",
    "seasonal_agriculture": "Seasonal agriculture",
    "health_care": "Health care",
    "construction": "Construction",
    "manufacturing": "Manufacturing",
    "hospitality": "Hospitality and tourism",
}
STYLE_LABELS = {
    "agreement": "Agreement (a treaty: “the Parties shall…”)",
    "mou": "Memorandum of understanding (“the Participants will…”)",
}
PLACEHOLDERS = {
    "origin": {"country": "[country of origin]", "authority": "[competent authority of the country of origin]"},
    "destination": {
        "country": "[country of destination]",
        "authority": "[competent authority of the country of destination]",
    },
}


def party_key(side: str, field: str, language: str | None = None) -> str:
    """A party field's widget; with ``language``, the field as the second text names it."""
    return f"{W}party.{side}.{field}" + (f".{language}" if language else "")


def choice_key(pid: str) -> str:
    return f"{W}p.{pid}"


def reason_key(pid: str) -> str:
    return f"{W}r.{pid}"


def extra_key(pid: str) -> str:
    """The further clauses a negotiator adds to a protection's article (a spec's list of ids)."""
    return f"{W}x.{pid}"


def held_ids(choice: dict) -> list[str]:
    """The clause ids a form choice holds, main clause first (a spec may give one or a list)."""
    held = choice.get("clause")
    if not held:
        return []
    return list(held) if isinstance(held, list) else [held]


def annex_key(name: str) -> str:
    return f"{W}annex.{name}"


def value_key(pid: str, clause_id: str, name: str) -> str:
    return f"{W}v.{pid}.{clause_id}.{name}"


def editable_variables(clause: api.Clause) -> dict:
    """A clause's variables a negotiator fills in (cross-references are numbered by the draft)."""
    return {
        name: var
        for name, var in clause.variables.items()
        if not name.startswith(("article_", "annex_")) and name != "contract_annex"
    }


# -- the form's data ----------------------------------------------------------------------------
def new_form() -> dict:
    """An empty form: parties to fill in, a general agreement of five years."""
    return {
        "parties": {side: {f: "" for f in PARTY_FIELDS} for side in SIDES},
        "style": "agreement",
        "language": "en",
        "second_language": NO_SECOND,
        "sectors": ["general"],
        "duration": {"years": 5, "notice_months": 6},
        "signature": {"place": "", "languages": ["English"]},
        "protections": {},
        "annexes": {name: True for name in ANNEX_LABELS},
        "step": STEPS[0],
    }


def form_from_spec(spec: api.DraftSpec) -> dict:
    """The form holding a loaded specification; fields the form does not edit are kept."""
    data = spec.model_dump(mode="json", exclude_defaults=True)
    form = new_form()
    for side in SIDES:
        party = data["parties"][side]
        form["parties"][side] = {f: party.get(f) or "" for f in PARTY_FIELDS}
        for language in LANGUAGE_LABELS:
            if party.get(language):
                form["parties"][side][language] = {f: party[language].get(f) or "" for f in PARTY_FIELDS}
    form["style"] = spec.style
    form["language"] = spec.language
    form["second_language"] = spec.second_language or NO_SECOND
    form["sectors"] = list(spec.sectors)
    form["duration"] = {"years": spec.duration.years, "notice_months": spec.duration.notice_months}
    form["signature"] = data.get("signature", {}) | {
        "place": spec.signature.place or "",
        "languages": list(spec.signature.languages or []),
    }
    form["protections"] = data.get("protections", {})
    for extra in ("structural", "annexes"):
        if extra in data:
            form[extra] = data[extra]
    form["annexes"] = spec.annexes.model_dump(mode="json") | data.get("annexes", {})
    return form


@dataclass
class FormSpec:
    """The specification the form stands for, and what the user should know about it."""

    spec: api.DraftSpec
    placeholders: list[str]  # party fields still blank, drafted as "[…]"
    unfinished: list[str]  # protections marked "omit" with no reason yet (kept in the draft)


def to_spec(form: dict) -> FormSpec:
    """The DraftSpec of the form. Raises ``SpecError`` (with the field) if it is invalid."""
    data = {k: copy.deepcopy(v) for k, v in form.items() if k != "step"}
    placeholders = []
    for side in SIDES:
        party = data["parties"][side]
        for field in PARTY_FIELDS:
            party[field] = (party.get(field) or "").strip()
        for field, placeholder in PLACEHOLDERS[side].items():
            if not party[field]:
                party[field] = placeholder
                placeholders.append(f"{side} {field}")
        if not party["short_name"]:
            del party["short_name"]
        for language in LANGUAGE_LABELS:  # names for the second text; the first uses the fields above
            names = {f: (v or "").strip() for f, v in (party.pop(language, None) or {}).items()}
            if language == data.get("second_language") and names.get("country") and names.get("authority"):
                party[language] = {f: v for f, v in names.items() if v}
    if not data.get("second_language"):
        data.pop("second_language", None)
    data["sectors"] = data["sectors"] or ["general"]
    duration = {k: v for k, v in data["duration"].items() if v is not None}
    data["duration"] = duration
    signature = data["signature"]
    if not (signature.get("place") or "").strip():
        signature.pop("place", None)
    languages = [lang for lang in signature.get("languages") or [] if lang.strip()]
    if languages == ["English"] and (data.get("language", "en") != "en" or data.get("second_language")):
        languages = []  # the form's default names English; a French or bilingual text names its own
    if languages:
        signature["languages"] = languages
    else:
        signature.pop("languages", None)  # a blank to complete at signature
    unfinished = []
    protections = {}
    for pid, choice in data["protections"].items():
        if choice.get("clause") == OMIT and not (choice.get("reason") or "").strip():
            unfinished.append(pid)
            continue
        protections[pid] = choice
    data["protections"] = protections
    return FormSpec(api.DraftSpec.from_data(data, "the draft form"), placeholders, unfinished)


def scope_spec(form: dict) -> api.DraftSpec:
    """A spec with the form's style and sectors only: what the clause choices depend on."""
    return api.DraftSpec.from_data(
        {
            "parties": {side: PLACEHOLDERS[side] for side in SIDES},
            "style": form["style"],
            "sectors": form["sectors"] or ["general"],
        }
    )


# -- widgets -> form ----------------------------------------------------------------------------
def sync(state: MutableMapping, form: dict, protection_ids: list[str]) -> list[str]:
    """Copy the latest widget values into the form; returns notices for the user.

    A choice that no longer suits the style or sectors is dropped (its default returns),
    and its widget is reset so the page never draws a value outside the options.
    """
    if STEP_KEY in state:
        form["step"] = state[STEP_KEY]
    for side in SIDES:
        for field in PARTY_FIELDS:
            if party_key(side, field) in state:
                form["parties"][side][field] = state[party_key(side, field)]
    if STYLE_KEY in state:
        form["style"] = state[STYLE_KEY]
    if LANGUAGE_KEY in state:
        form["language"] = state[LANGUAGE_KEY]
    if SECOND_LANGUAGE_KEY in state:
        form["second_language"] = state[SECOND_LANGUAGE_KEY]
    if SECTORS_KEY in state:
        form["sectors"] = list(state[SECTORS_KEY])
    if YEARS_KEY in state:
        form["duration"]["years"] = state[YEARS_KEY]
    if NOTICE_KEY in state:
        form["duration"]["notice_months"] = state[NOTICE_KEY]
    if PLACE_KEY in state:
        form["signature"]["place"] = state[PLACE_KEY]
    if LANGUAGES_KEY in state:
        form["signature"]["languages"] = [s.strip() for s in re.split(r"[,;]", state[LANGUAGES_KEY]) if s.strip()]
    for name in ANNEX_LABELS:
        if annex_key(name) in state:
            form.setdefault("annexes", {})[name] = bool(state[annex_key(name)])

    notices = []
    scope = scope_spec(form)
    for pid in protection_ids:
        default, options = api.clause_choices(scope, pid)
        by_id = {c.id: c for c in options}
        choice = dict(form["protections"].get(pid, {}))
        held = held_ids(choice)
        if choice_key(pid) in state:
            picked = state[choice_key(pid)]
            if picked == OMIT:
                choice = {"clause": OMIT, "reason": choice.get("reason", "")}
            elif picked != (held[0] if held else None):
                choice = {"clause": picked, "values": choice.get("values", {})}
            held = held_ids(choice)
        if choice.get("clause") == OMIT:
            if reason_key(pid) in state:
                choice["reason"] = state[reason_key(pid)]
        elif held:
            unknown = [cid for cid in held if cid not in by_id]
            if unknown:
                notices.append(
                    f"{pid}: clause '{unknown[0]}' does not suit this style and these sectors; "
                    "the recommended clause is used instead"
                )
                state.pop(choice_key(pid), None)
                state.pop(extra_key(pid), None)
                choice = {}
            else:
                extras = state.get(extra_key(pid), held[1:])
                chosen = [held[0], *(cid for cid in extras if cid in by_id and cid != held[0])]
                values = dict(choice.get("values", {}))
                for clause in (by_id[cid] for cid in chosen):
                    for name, var in editable_variables(clause).items():
                        key = value_key(pid, clause.id, name)
                        if key in state:
                            text = str(state[key]).strip()
                            if text and text != (var.default or ""):
                                values[name] = text
                            else:
                                values.pop(name, None)
                ids: str | list[str] = chosen if len(chosen) > 1 else chosen[0]
                choice = {"clause": ids, "values": values} if values else {"clause": ids}
                if default is not None and ids == default.id and not values:
                    choice = {}  # the default follows later changes of style and sectors
        if choice:
            form["protections"][pid] = choice
        else:
            form["protections"].pop(pid, None)
    return notices


def set_party_name(state: MutableMapping, form: dict, side: str, field: str, language: str) -> None:
    """A name for the second text, copied into the form as it is typed (an ``on_change``
    callback: these fields are drawn only while a second language is chosen)."""
    names = form["parties"][side].setdefault(language, {f: "" for f in PARTY_FIELDS})
    names[field] = state[party_key(side, field, language)]


# -- form -> widgets ----------------------------------------------------------------------------
def _seed(state: MutableMapping, key: str, value: object) -> None:
    if key not in state:
        state[key] = value


def seed_scope(state: MutableMapping, form: dict) -> None:
    """Give the step-1 widgets the form's values, when they have none of their own."""
    for side in SIDES:
        for field in PARTY_FIELDS:
            _seed(state, party_key(side, field), form["parties"][side][field])
            second = form.get("second_language")
            if second:  # the names the second text uses: drawn (and so seeded) only when it is chosen
                names = form["parties"][side].get(second) or {}
                _seed(state, party_key(side, field, second), names.get(field, ""))
    _seed(state, STYLE_KEY, form["style"])
    _seed(state, LANGUAGE_KEY, form.get("language", "en"))
    _seed(state, SECOND_LANGUAGE_KEY, form.get("second_language") or NO_SECOND)
    _seed(state, SECTORS_KEY, list(form["sectors"]))
    _seed(state, YEARS_KEY, form["duration"].get("years"))
    _seed(state, NOTICE_KEY, form["duration"].get("notice_months"))
    _seed(state, PLACE_KEY, form["signature"].get("place") or "")
    _seed(state, LANGUAGES_KEY, ", ".join(form["signature"].get("languages") or []))
    for name in ANNEX_LABELS:
        _seed(state, annex_key(name), bool(form.get("annexes", {}).get(name, True)))


def current_choice(form: dict, pid: str, default: api.Clause | None, options: list[api.Clause]) -> str:
    """The option the form holds for a protection: a clause id or ``OMIT``."""
    held = held_ids(form["protections"].get(pid, {}))
    chosen = held[0] if held else None
    if chosen == OMIT or chosen in {c.id for c in options}:
        return chosen
    if default is not None:
        return default.id
    return options[0].id if options else OMIT


def seed_protection(
    state: MutableMapping, form: dict, pid: str, default: api.Clause | None, options: list[api.Clause]
) -> str:
    """Seed a protection's radio (and reason) and return the option it now shows."""
    allowed = [c.id for c in options] + [OMIT]
    if state.get(choice_key(pid), allowed[0]) not in allowed:
        del state[choice_key(pid)]
    _seed(state, choice_key(pid), current_choice(form, pid, default, options))
    _seed(state, reason_key(pid), form["protections"].get(pid, {}).get("reason", ""))
    held = held_ids(form["protections"].get(pid, {}))
    ids = {c.id for c in options}
    _seed(state, extra_key(pid), [cid for cid in held[1:] if cid in ids])
    state[extra_key(pid)] = [cid for cid in state[extra_key(pid)] if cid in ids and cid != state[choice_key(pid)]]
    return state[choice_key(pid)]


def seed_values(state: MutableMapping, form: dict, pid: str, clause: api.Clause) -> None:
    held = form["protections"].get(pid, {})
    values = held.get("values", {}) if clause.id in held_ids(held) else {}
    for name, var in editable_variables(clause).items():
        _seed(state, value_key(pid, clause.id, name), values.get(name, var.default or var.example))


def clear_widgets(state: MutableMapping) -> None:
    """Forget every Draft widget value (after loading a specification)."""
    for key in [k for k in state if isinstance(k, str) and k.startswith(W)]:
        del state[key]


def file_stem(spec: api.DraftSpec) -> str:
    """A file name for the draft, e.g. ``sundara-valdoria-agreement``; a French, Spanish or
    bilingual draft adds its languages (``sundara-valdoria-agreement-fr-es``)."""
    words = [spec.parties.origin.short, spec.parties.destination.short, spec.style]
    if spec.languages != ["en"]:
        words += spec.languages
    slug = "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words)
    return re.sub(r"-+", "-", slug).strip("-") or "draft"
