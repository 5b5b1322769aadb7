"""A paragraph's printed number ("3.", "(3)", "4.3", "14(b)", "(a)", "iii.", "II."): recognising
it, reading what kind of number it is, and moving to the item it names."""

from __future__ import annotations

import re
from typing import Protocol

from blma.reading.models import RawParagraph

PARA_LABEL = re.compile(
    r"^(?P<label>"
    r"\d{1,3}(?:\.\d{1,3})*(?:\(\s*[a-z0-9]{1,4}\s*\))+\.?"  # 14(b), 7(2)(a), 4.3(a)
    r"|\(\s*[0-9]{1,3}\s*\)"  # (1)
    r"|[0-9]{1,3}\s*[.)](?!\d)"  # 1.  1)
    r"|[0-9]{1,3}(?=\s*[—–]\s*\w)"  # 1 — (items led by a dash)
    r"|\(\s*[a-z]{1,2}\s*\)"  # (a)  (aa)
    r"|[a-z]\)"  # a)
    r"|[a-z]\.(?=\s|[^\W\d_]{2})"  # a.  but not "e.g."
    r"|\(\s*[ivx]{1,6}\s*\)"  # (iii)
    r"|[ivx]{1,6}\s*[.)](?=\s)"  # iii.
    r"|\d+(?:\.\d+)+\.?"  # 4.3
    r")\s*[—–.-]*\s*(?P<rest>.*)$",
    re.I,
)
UPPER_ROMAN_LABEL = re.compile(r"([IVXLC]{1,6})\s*[.)]")  # "II." numbering a provision, not "ii." an item
COMPOUND_LABEL = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)((?:\(\s*\w{1,4}\s*\))+)\.?")
ROMAN_ITEM = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
INSERTED_NUMBER = re.compile(r"^(?P<num>\d{1,3}[A-Z])[.)]\s+(?P<rest>\S.*)$")  # "20A." inserted after 20
NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,3})(?P<dot>\.?)$")  # "###1", "1." on a line of its own


def with_label(para: RawParagraph) -> str:
    """The paragraph as printed: Word's automatic number (``label``) in front of its text."""
    return f"{para.label} {para.text}".strip() if para.label else para.text


def read_label(label: str) -> tuple[str, str, str, list[str]]:
    """A paragraph's printed number as (kind, style, number, sub-labels).

    kind is "number" ("3.", "(3)", "3)"; style tells them apart), "dotted" ("4.3"),
    "compound" ("14(b)": number 14, sub-labels ["b"]) or "item" ("(a)", "ii.").
    """
    label = label.strip()
    compound = COMPOUND_LABEL.fullmatch(label)
    if compound:
        return "compound", "", compound.group(1), re.findall(r"\(\s*(\w+)\s*\)", compound.group(2))
    core = label.strip("().—– ").strip()
    if re.fullmatch(r"\d+(?:\.\d+)+", core):
        return "dotted", "", core, []
    if core.isdigit():
        style = "(1)" if label.startswith("(") else "1)" if label.endswith(")") else "1."
        return "number", style, str(int(core)), []
    return "item", "", core.lower(), []


class ItemPlace(Protocol):
    """Where a reader stands among a paragraph's items: in the agreement's own text or in new
    wording it quotes."""

    sub: str
    subsub: str
    sub_is_roman: bool


def enter_item(place: ItemPlace, core: str) -> None:
    """Move ``place`` to item ``core``: (a), (b) ... and (i), (ii) ...; roman items inside a
    lettered one go one level deeper."""
    roman = bool(ROMAN_ITEM.fullmatch(core))
    if roman and len(core) == 1 and place.sub == f"({chr(ord(core) - 1)})" and not place.sub_is_roman:
        roman = False  # (h) then (i), (u) then (v), (w) then (x): letters
    if roman and place.sub and not place.sub_is_roman:
        place.subsub = f"({core})"
    else:
        place.sub, place.subsub, place.sub_is_roman = f"({core})", "", roman
