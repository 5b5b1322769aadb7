"""Where an element sits: under deleted text or a text box, in a table, at body level."""

from __future__ import annotations

from blma.ooxml.ns import MC_FALLBACK, W_BODY, W_DEL, W_MOVE_FROM, W_SDT_CONTENT, W_TXBX, Element

#: Text under these is not what Word shows: deleted, moved away, in a text box, or a fallback copy.
SKIPPED_ANCESTORS = {W_DEL, W_MOVE_FROM, W_TXBX, MC_FALLBACK}


def visible(node: Element, stop: Element) -> bool:
    """False when ``node`` sits in deleted text, a text box or a fallback copy below ``stop``."""
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in SKIPPED_ANCESTORS:
            return False
        parent = parent.getparent()
    return True


def nearest(el: Element, tag: str) -> Element | None:
    """The closest ancestor of ``el`` with ``tag``, or None."""
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def in_content_control(el: Element) -> bool:
    """Whether ``el`` sits inside a content control (``w:sdtContent``)."""
    return nearest(el, W_SDT_CONTENT) is not None


def body_level(p: Element) -> Element:
    """The body-level element holding ``p`` (its table, say), so what goes after it is not
    put inside it."""
    node = p
    while node.getparent() is not None and node.getparent().tag != W_BODY:
        node = node.getparent()
    return node
