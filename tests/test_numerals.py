"""Roman numerals and list letters: one way of counting for the reader, citations, drafts and lists."""

from __future__ import annotations

import pytest

from blma.analysis.citations import roman
from blma.drafting.wording import say
from blma.numerals import from_roman, to_letters, to_roman


@pytest.mark.parametrize(
    ("number", "numeral"),
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (49, "XLIX"), (50, "L"), (90, "XC"), (1994, "MCMXCIV")],
)
def test_numbers_and_roman_numerals_convert_both_ways(number, numeral):
    assert to_roman(number) == numeral
    assert from_roman(numeral) == from_roman(numeral.lower()) == number


def test_unusual_numerals_are_read_as_written_and_other_words_are_not_numerals():
    assert from_roman("IIII") == 4 and from_roman("VX") == 5
    assert from_roman("") is None and from_roman("Annex") is None
    assert to_roman(0) == ""


def test_citations_read_units_up_to_c_and_keep_d_and_m_as_letters():
    assert roman("XII") == 12 and roman("iv") == 4
    assert roman("D") is None and roman("M") is None and roman("IIII") is None


def test_list_letters_repeat_after_z_as_word_does():
    assert [to_letters(n) for n in (1, 2, 26, 27, 53)] == ["a", "b", "z", "aa", "aaa"]
    assert to_letters(80, longest=2) == "bb"


def test_drafts_number_chapters_and_annexes_with_the_same_numerals():
    assert [say("roman", n) for n in (1, 4, 9, 21)] == ["I", "IV", "IX", "XXI"]
