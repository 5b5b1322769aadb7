"""Exchanges of notes or letters: the lines that name an exchange and that open, number, greet,
quote and close its letters, so that each is cited "Note I", "Letter II"."""

from __future__ import annotations

import re

EXCHANGE = re.compile(
    r"\b(?:exchange of|[ée]change de)\s+(?P<kind>notes|letters|lettres)\b|\b(?P<nl>notawisseling|briefwisseling)\b",
    re.I,
)
LETTER_HEADING = re.compile(  # "I. Letter from the Minister", "Reply from ...", "Note No. 2"
    r"^(?:(?P<num>[IVX]{1,4}|\d{1,2})[.)]?\s+)?(?P<kind>letter|note|reply|response|answer)"
    # (a reference number, "Note No. 41/2026", numbers no letter)
    r"(?:\s+(?:from|by|to|addressed|dated|verbale)\b|\s+(?:no\.?\s*)?(?P<num2>[IVX]{1,4}|\d{1,2})\b(?![/-]\d)|\s*$)",
    re.I,
)
LETTER_NUMBER = re.compile(r"^(?P<num>[IVX]{1,4})\.?$")  # a bare "II" between two notes
# "Nr. II" alone: how the Dutch treaty database numbers the notes of an exchange ("No. II" in a letter)
NOTE_NUMBER = re.compile(r"^(?P<word>Nr|No)\.?\s*(?P<num>[IVX]{1,4})\.?$")
# "Sir,", "Excellency,", optionally after the place and date: "Rome, le 4 décembre 1948. Monsieur le Ministre,"
SALUTATION = re.compile(
    r"^(?:[^,.]{1,40},\s+(?:le\s+)?\d{1,2}(?:er)?\s+\w+(?:\s+\d{4})?\.?\s+)?"
    r"(?:sir|madam|excellency|your excellency|dear\s+\w+(?:\s+\w+)?|monsieur(?:\s+l[e']\s*\w+)?|"
    r"madame(?:\s+la\s+\w+)?|mijnheer(?:\s+de\s+\w+)?|excellentie)\s*,",
    re.I,
)
QUOTES_A_NOTE = re.compile(r"\b(?:reads|read|worded) as follows\b|\bin the following terms\b", re.I)
LETTER_CLOSING = re.compile(  # back in the covering letter after the arrangement it encloses
    r"^(?:if the (?:foregoing|above|present|preceding)\b|if (?:this|these|the) (?:proposals?|arrangements?)\b|"
    r"i (?:have the hono(?:u)?r to )?(?:propose|suggest|confirm)\b|(?:please )?accept,? .{0,40}\bassurances?|"
    r"i avail myself|i take this opportunity)",
    re.I,
)
