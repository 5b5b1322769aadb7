"""The parties the drafting tests write for: one definition, so every test drafts the same pair."""

from __future__ import annotations

ORIGIN_AUTHORITY = "Ministry of Overseas Employment"
DESTINATION_AUTHORITY = "Ministry of Labour and Social Affairs"
PARTIES_SPEC = {
    "parties": {
        "origin": {"country": "the Republic of Sundara", "short_name": "Sundara", "authority": ORIGIN_AUTHORITY},
        "destination": {
            "country": "the Kingdom of Valdoria", "short_name": "Valdoria", "authority": DESTINATION_AUTHORITY,
        },
    },
}  # fmt: skip

#: The same parties named in French and Spanish, each name with its article as running text writes it.
NAMES_IN = {
    "fr": {
        "origin": {"country": "la République de Sundara", "short_name": "Sundara",
                   "authority": "le ministère de l'Emploi à l'étranger"},
        "destination": {"country": "le Royaume de Valdoria", "short_name": "le Valdoria",
                        "authority": "le ministère du Travail et des Affaires sociales"},
    },
    "es": {
        "origin": {"country": "la República de Sundara", "short_name": "Sundara",
                   "authority": "el Ministerio de Empleo en el Exterior"},
        "destination": {"country": "el Reino de Valdoria", "short_name": "Valdoria",
                        "authority": "el Ministerio de Trabajo y Asuntos Sociales"},
    },
}  # fmt: skip


def parties_in(*languages: str) -> dict:
    """``PARTIES_SPEC`` with each party's names in the given languages (``fr:``/``es:`` blocks)."""
    parties = {side: dict(names) for side, names in PARTIES_SPEC["parties"].items()}
    for language in languages:
        for side, names in NAMES_IN[language].items():
            parties[side][language] = names
    return {"parties": parties}
