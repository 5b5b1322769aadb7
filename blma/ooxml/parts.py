"""Package parts as XML: parsed safely, measured, and their attribute values typed.

The reader's safety boundary (:mod:`blma.reading.safety`) checks a package's bytes and sizes;
parsing is done here, never resolving entities or touching the network, and an attribute
Word would refuse becomes :class:`MalformedPart` saying where, in words.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from blma.ooxml.ns import CT_NS, Element, w

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def parse_part(blob: bytes) -> Element:
    """Parse a package part without resolving entities or touching the network.

    Raises :data:`~blma.ooxml.ns.XMLSyntaxError` when the part is not well-formed.
    """
    return etree.fromstring(blob, SAFE_PARSER)


def deeper_than(root: Element, depth: int) -> bool:
    """Whether elements under ``root`` nest more than ``depth`` levels (``root`` is level 1).

    One XPath step per level, each over the elements of that level only: linear in the tree.
    """
    return bool(_depth_probe(depth)(root))


@functools.cache
def _depth_probe(depth: int) -> etree.XPath:
    return etree.XPath("boolean(" + "/".join(["*"] * depth) + ")")


def xml_content_types(blob: bytes) -> set[str] | None:
    """What ``[Content_Types].xml`` declares as XML: part names (no leading slash) and
    extensions (".xml", lower case); None when the part cannot be parsed."""
    try:
        root = parse_part(bytes(blob))
    except etree.XMLSyntaxError:
        return None
    return {
        (el.get("PartName") or "").lstrip("/")
        if el.tag.endswith("Override")
        else "." + (el.get("Extension") or "").lower()
        for el in root.iter(f"{{{CT_NS}}}Override", f"{{{CT_NS}}}Default")
        if (el.get("ContentType") or "").endswith("xml")
    }


# -- typed attributes -----------------------------------------------------------------------
class MalformedPart(ValueError):
    """A part's XML breaks the standard in a way Word would refuse; the message says where, in
    words, and the reader adds the file's name."""


WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
#: More digits than any value Word accepts: read as "very large" without converting the digits.
MAX_DIGITS = 18


def whole_number(el: Element, attr: str, default: int, what: str) -> int:
    """An ``ST_DecimalNumber`` attribute (``w:val="3"``); ``default`` when it is absent.

    Anything but an optionally signed run of digits ("1e5", "1.5", "x") is :class:`MalformedPart`
    naming ``what``; absurdly long numbers come back as ±10**18 for the caller to bring into range.
    """
    raw = el.get(w(attr))
    if raw is None:
        return default
    text = raw.strip()
    if not WHOLE_NUMBER.fullmatch(text):
        raise MalformedPart(f'{what}: w:{attr}="{raw[:20]}" is not a whole number')
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > MAX_DIGITS:
        return -(10**MAX_DIGITS) if text.startswith("-") else 10**MAX_DIGITS
    return int(text)


def bounded_number(el: Element, attr: str, default: int, low: int, high: int, what: str) -> int:
    """:func:`whole_number` brought into ``[low, high]``, as Word treats a value beyond its range."""
    return min(max(whole_number(el, attr, default, what), low), high)
