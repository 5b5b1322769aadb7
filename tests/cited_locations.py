"""Reading a short text and asking where the reader put its provisions: shared by the layout tests."""

from __future__ import annotations

from blma.reading import AgreementText, read_bytes


def read_md(text: str, name: str = "agreement.md") -> AgreementText:
    return read_bytes(name, text.encode())


def cited(doc: AgreementText, start: str) -> list[str]:
    """Locations of the text blocks (not headings) that begin with ``start``, in reading order."""
    found = [b.location for b in doc.blocks if b.text.startswith(start) and b.kind != "heading"]
    assert found, f"no block begins {start!r}: {[(b.location, b.kind, b.text[:40]) for b in doc.blocks]}"
    return found


def cite(doc: AgreementText, start: str) -> str:
    """The one location of the text block that begins with ``start``."""
    found = cited(doc, start)
    assert len(found) == 1, (start, found)
    return found[0]
