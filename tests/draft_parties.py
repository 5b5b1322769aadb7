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
