"""The drafting languages and the few grammar rules their templates need.

In French and Spanish a name carries its own article ("le Maroc", "la République de Sundara",
"el Ministerio de Trabajo"), and a preposition before it contracts with that article ("du
Maroc", "aux Philippines", "del Ministerio"). Clause templates therefore never write "de" or
"à" before a name by hand; they use these filters (``{{ origin_short | de }}``), so a user's
name reads right whichever article it takes. English templates need none of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: The languages a draft can be written in, the first being the library's source language.
DRAFT_LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "fr": "French", "es": "Spanish"}

_FR_ARTICLE = re.compile(r"(?:(?P<word>les|le|la)\s+|(?P<elided>l['’]))(?P<rest>\S.*)", re.IGNORECASE | re.DOTALL)
_ES_EL = re.compile(r"el\s+(?P<rest>.*)", re.DOTALL)
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöûüœ]", re.IGNORECASE)


def cap(text: str) -> str:
    """The first letter in capitals, the rest as written (Jinja's ``capitalize`` lowers it)."""
    return text[:1].upper() + text[1:]


def _fr_split(name: str) -> tuple[str, str]:
    """("le", "Maroc") for "le Maroc", ("l'", "Algérie") for "l'Algérie", ("", "Sundara") without one."""
    found = _FR_ARTICLE.fullmatch(name.strip())
    if found is None:
        return "", name.strip()
    return (found.group("word") or "l'").lower(), found.group("rest")


#: What a French preposition becomes before a name's article: "de le" is "du"; in a country
#: ("en"), a feminine or elided name drops its article ("en France") and a masculine one takes "au".
_FR_CONTRACTED: dict[str, dict[str, str]] = {
    "de": {"le": "du", "les": "des"},
    "à": {"le": "au", "les": "aux"},
    "en": {"le": "au", "les": "aux", "la": "en", "l'": "en"},
}
#: Spanish contracts only "de el" and "a el".
_ES_CONTRACTED: dict[str, str] = {"de": "del", "a": "al"}


def _fr_before(preposition: str, name: str) -> str:
    article, rest = _fr_split(name)
    joined = _FR_CONTRACTED[preposition].get(article)
    if joined:
        return f"{joined} {rest}"
    if article:
        return f"{preposition} {article}{rest}" if article == "l'" else f"{preposition} {article} {rest}"
    if preposition == "de" and _VOWEL.match(rest):
        return f"d'{rest}"
    return f"à {rest}" if preposition == "en" else f"{preposition} {rest}"  # a name without article: a city, an island


def fr_de(name: str) -> str:
    """"of": du Maroc, des Philippines, de la France, de l'Algérie, d'Haïti, de Sundara."""
    return _fr_before("de", name)


def fr_a(name: str) -> str:
    """"to": au Maroc, aux Philippines, à la France, à l'Algérie, à Sundara."""
    return _fr_before("à", name)


def fr_en(name: str) -> str:
    """"in" a country: en France, en Algérie, au Maroc, aux Philippines, à Sundara."""
    return _fr_before("en", name)


def _es_before(preposition: str, name: str) -> str:
    found = _ES_EL.fullmatch(name.strip())
    if found and preposition in _ES_CONTRACTED:
        return f"{_ES_CONTRACTED[preposition]} {found.group('rest')}"
    return f"{preposition} {name.strip()}"


def es_de(name: str) -> str:
    """"of": del Perú, de la República, de Marruecos."""
    return _es_before("de", name)


def es_a(name: str) -> str:
    """"to": al Ministerio, a la República, a Marruecos."""
    return _es_before("a", name)


def es_en(name: str) -> str:
    """"in": en el Perú, en Marruecos (no contraction)."""
    return _es_before("en", name)


_FILTERS: dict[str, dict[str, Callable[[str], str]]] = {
    "en": {"cap": cap},
    "fr": {"cap": cap, "de": fr_de, "a": fr_a, "en": fr_en},
    "es": {"cap": cap, "de": es_de, "a": es_a, "en": es_en},
}


def filters(language: str) -> dict[str, Callable[[str], str]]:
    """The template filters of a drafting language (KeyError for a language it does not draft in)."""
    return {name: _as_text(f) for name, f in _FILTERS[language].items()}


def _as_text(function: Callable[[str], str]) -> Callable[[object], str]:
    return lambda value: function(str(value))
