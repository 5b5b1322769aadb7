"""Short matrix column titles: the parties and the year ("Sundara–Valdoria 2024").

Full titles of agreements run to two lines ("AGREEMENT between the Government of the
Republic of ... on the Recruitment and Employment of ..."), too long for a column header;
the parties and the year tell the columns apart, and the full title stays on hover or in a
key. Nothing here reads words of a particular language:

- parties: the analyzer's ``AgreementFacts.parties``, as written in the text;
- year: the year of the last date in the text (the signature block closes an agreement),
  where a date is a day number followed within three words by a year, "30 November 2022",
  "30 novembre 2022", "30 de noviembre de 2022", or all numbers, "30.11.2022", "2022-11-30";
  without a date, the last year in the closing lines (a draft's "Done at ... on ... 2024"),
  else the first in the title or a short opening line ("Consolidated text, November 2024").
  Other years, such as a cited convention's, are not taken: "Convention, 1949" has no day
  before it, and a preamble's sentence is not a short line.

Without parties the column is the file's name. Columns that would read the same (two
versions of one text) get the file's name after the short title.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from blma.reading.models import AgreementText

YEAR = r"(?:19|20)\d\d"
DATE = re.compile(
    rf"\b(?:(?P<iso>{YEAR})-[01]\d-[0-3]\d"  # 2022-11-30
    rf"|[0-3]?\d[./-][01]?\d[./-](?P<numeric>{YEAR})"  # 30.11.2022, 30/11/2022
    # a day, then at most three words (a month and its particles) before the year:
    # 30 November 2022, 1er juin 2020, 30 de noviembre de 2022, November 30, 2022
    rf"|[0-3]?\d(?:[^\W\d]{{1,2}})?,?\s+(?:[^\W\d]+\.?,?\s+){{0,3}}(?P<written>{YEAR}))\b"
)
ANY_YEAR = re.compile(rf"\b({YEAR})\b")
#: How many closing blocks (signatures) and opening blocks (title page) may give the year
#: when the text has no date.
CLOSING_BLOCKS = 5
OPENING_BLOCKS = 3
#: An opening line of at most this many words is a title page's line, not a sentence.
SHORT_LINE_WORDS = 8
DASH = "\u2013"


def agreement_year(doc: AgreementText | None) -> str:
    """The year the agreement was signed or dated, or "" when the text says none."""
    if doc is None:
        return ""
    for block in reversed(doc.blocks):
        dates = list(DATE.finditer(block.text))
        if dates:
            last = dates[-1]
            return last.group("iso") or last.group("numeric") or last.group("written")
    for block in reversed(doc.blocks[-CLOSING_BLOCKS:]):
        years = ANY_YEAR.findall(block.text)
        if years:
            return years[-1]
    opening = [doc.title, *(b.text for b in doc.blocks[:OPENING_BLOCKS])]
    for text in (t for t in opening if t and len(t.split()) <= SHORT_LINE_WORDS):
        found = ANY_YEAR.search(text)
        if found:
            return found.group(1)
    return ""


def short_title(parties: list[str], year: str, file: str) -> str:
    """"A–B 2024"; the file's name when the parties are not known."""
    if not parties:
        return PurePath(str(file)).name
    return f"{DASH.join(parties)} {year}".strip()


def unique(titles: list[str], files: list[str]) -> list[str]:
    """Titles made distinct: the file's name after a repeated one, then a number if still repeated."""
    names = [PurePath(str(f)).name for f in files]
    out = [f"{t} ({n})" if titles.count(t) > 1 and t != n else t for t, n in zip(titles, names, strict=True)]
    return [f"{t} ({k})" if out.count(t) > 1 else t for k, t in enumerate(out, start=1)]
