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


def _fr_with(preposition: str, article: str, rest: str) -> str:
    return f"{preposition} {article}{rest}" if article == "l'" else f"{preposition} {article} {rest}"


def fr_de(name: str) -> str:
    """"of": du Maroc, des Philippines, de la France, de l'Algérie, d'Haïti, de Sundara."""
    article, rest = _fr_split(name)
    if article == "le":
        return f"du {rest}"
    if article == "les":
        return f"des {rest}"
    if article:
        return _fr_with("de", article, rest)
    return f"d'{rest}" if _VOWEL.match(rest) else f"de {rest}"


def fr_a(name: str) -> str:
    """"to": au Maroc, aux Philippines, à la France, à l'Algérie, à Sundara."""
    article, rest = _fr_split(name)
    if article == "le":
        return f"au {rest}"
    if article == "les":
        return f"aux {rest}"
    if article:
        return _fr_with("à", article, rest)
    return f"à {rest}"


def fr_en(name: str) -> str:
    """"in" a country: en France, en Algérie, au Maroc, aux Philippines, à Sundara."""
    article, rest = _fr_split(name)
    if article in {"la", "l'"}:
        return f"en {rest}"
    if article == "le":
        return f"au {rest}"
    if article == "les":
        return f"aux {rest}"
    return f"à {rest}"


def es_de(name: str) -> str:
    """"of": del Perú, de la República, de Marruecos."""
    found = _ES_EL.fullmatch(name.strip())
    return f"del {found.group('rest')}" if found else f"de {name.strip()}"


def es_a(name: str) -> str:
    """"to": al Ministerio, a la República, a Marruecos."""
    found = _ES_EL.fullmatch(name.strip())
    return f"al {found.group('rest')}" if found else f"a {name.strip()}"


def es_en(name: str) -> str:
    return f"en {name.strip()}"


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
