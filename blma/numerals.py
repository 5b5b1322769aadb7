"""Roman numerals and list letters, written and read the one way the whole tool uses.

Agreements number chapters, annexes and letters in Roman numerals ("Annex II", "Chapter IV")
and list items in letters ("(c)"); Word computes the same labels from numbering.xml. Reading,
citations, drafting and the numbering of DOCX lists all count with these functions.
"""

from __future__ import annotations

#: Values of the Roman letters, largest first, with the subtractive pairs Word and treaties write.
ROMAN_STEPS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def to_roman(number: int) -> str:
    """``number`` in upper-case Roman numerals ("XIV"); "" for zero or less."""
    out = []
    for value, letters in ROMAN_STEPS:
        count, number = divmod(number, value) if number > 0 else (0, number)
        out.append(letters * count)
    return "".join(out)


def from_roman(numeral: str) -> int | None:
    """The value of a Roman numeral in either case, or None if it holds another character.

    Read as written, a smaller letter before a larger one subtracting, so an unusual form
    ("IIII", a typist's "VX") still counts; callers that need a well-formed numeral check
    its shape first.
    """
    letters = numeral.lower()
    if not letters or any(ch not in ROMAN_VALUES for ch in letters):
        return None
    total = 0
    for ch, after in zip(letters, [*letters[1:], ""], strict=True):
        value = ROMAN_VALUES[ch]
        total += -value if after and ROMAN_VALUES[after] > value else value
    return total


def to_letters(number: int, longest: int | None = None) -> str:
    """``number`` as a list letter the way Word counts: a ... z, then aa, bb ... (never "{").

    ``longest`` caps how many times the letter repeats, for labels that are cut anyway.
    """
    repeats = (number - 1) // 26 + 1
    return chr(ord("a") + (number - 1) % 26) * (repeats if longest is None else min(repeats, longest))
