"""Agreements written for the app's tests (tests/test_app_*.py and tests/e2e/).

Drafted ones come from the drafting API, so each is a realistic text whose findings are known
in advance: every protection present except those left out. Hand-built ones carry what a
hostile or unusual upload would: Markdown in the title and the clauses, a long title in
capitals, a non-binding MoU.
"""

from __future__ import annotations

import io

from docx import Document

from blma import api

#: Invented country names, one pair per session of the concurrency test.
COUNTRIES = [
    "Ardenia", "Borvale", "Calmira", "Dunmark", "Elvasta", "Fenwold", "Galtria", "Hollin", "Istara", "Jorvane",
    "Kelsary", "Lumora", "Marrowen", "Norvik", "Ostrava", "Pellanor", "Quessa", "Rivenna", "Solvane", "Tarvos",
    "Umbria", "Velmara", "Wyncliff", "Xandor", "Yselle", "Zarvonia", "Aurelon", "Brisca", "Corvath", "Delmare",
    "Estmoor", "Faldren", "Glenmoor", "Harrow", "Ilvane", "Jessamy", "Korran", "Lythe", "Mirabel", "Nethra",
]


def drafted_agreement(origin: str, destination: str, left_out: list[str] = (), style: str = "agreement") -> bytes:
    """A model agreement between "the Republic of ``origin``" and "the Kingdom of ``destination``",
    with the protections ``left_out`` omitted (the analysis then finds them missing)."""
    spec = {
        "parties": {
            "origin": {"country": f"the Republic of {origin}", "short_name": origin, "authority": "Ministry of Labour"},
            "destination": {
                "country": f"the Kingdom of {destination}", "short_name": destination, "authority": "Ministry of Interior",
            },
        },
        "sectors": ["general"],
        "style": style,
        "protections": {pid: {"clause": "omit", "reason": "left out for a test"} for pid in left_out},
    }
    return api.draft(spec).to_docx()


def handmade_docx(title: str, articles: list[tuple[str, str]]) -> bytes:
    """A DOCX with a title and numbered articles, each a heading and one paragraph."""
    document = Document()
    document.add_heading(title, level=0)
    document.add_paragraph(
        "The Republic of Sundara and the Kingdom of Valdoria, hereinafter the Parties, have agreed as follows:"
    )
    for number, (heading, text) in enumerate(articles, start=1):
        document.add_heading(f"Article {number}: {heading}", level=2)
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


HOSTILE = "**bold** [x](http://evil)"


def hostile_agreement() -> bytes:
    """Markdown in the title, a heading and a clause the analysis quotes as evidence."""
    return handmade_docx(
        f"Agreement {HOSTILE} between the Republic of Sundara and the Kingdom of Valdoria on Labour Mobility",
        [
            ("Definitions", "In this Agreement, worker means a national of Sundara employed in Valdoria."),
            (
                f"Passports {HOSTILE}",
                f"The employer shall keep the worker's passport for the duration of the contract {HOSTILE}.",
            ),
            ("Wages", "Wages shall be paid in full, at least monthly, into an account in the worker's own name."),
        ],
    )


LONG_CAPITALS_TITLE = (
    "AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF SUNDARA AND THE GOVERNMENT OF THE KINGDOM OF "
    "VALDORIA ON THE RECRUITMENT, EMPLOYMENT, PROTECTION AND RETURN OF MIGRANT WORKERS IN ALL SECTORS"
)


def long_capitals_agreement() -> bytes:
    return handmade_docx(
        LONG_CAPITALS_TITLE,
        [
            ("Wages", "Wages shall be paid in full, at least monthly, into an account in the worker's own name."),
            ("Passports", "No employer shall retain the identity documents or passport of a worker."),
        ],
    )


NON_BINDING_MOU = """Memorandum of Understanding between the Ministry of Labour of the Republic of Sundara and the
Ministry of Manpower of the Kingdom of Valdoria on Cooperation in the Field of Labour Mobility

The Participants have reached the following understanding:

Paragraph 1. Purpose
The Participants will cooperate on the recruitment and employment of workers from Sundara in Valdoria.

Paragraph 2. Recruitment costs
The Participants will endeavour to ensure that workers do not pay recruitment fees.

Paragraph 3. Contracts
Each worker will receive a written employment contract in a language the worker understands before departure.

Paragraph 4. Legal status
This Memorandum of Understanding does not create any legally binding obligations under international law.
"""
