"""Reading agreements: DOCX/DOCM, PDF, Markdown and plain text into located blocks."""

from __future__ import annotations

from pathlib import Path

from blma.errors import DocumentError
from blma.reading.docx_reader import read_docx
from blma.reading.models import AgreementText, Block
from blma.reading.safety import check_size, sniff
from blma.reading.structure import build_structure
from blma.reading.text_reader import read_pdf, read_text

__all__ = ["AgreementText", "Block", "read_bytes", "read_path"]


def read_bytes(name: str, data: bytes) -> AgreementText:
    """Read an agreement from memory (the app's uploads never touch the disk)."""
    fmt = sniff(name, data)
    headers: list[str] = []
    tracked = False
    if fmt == "docx":
        raw, headers, tracked = read_docx(name, data)
    elif fmt == "pdf":
        raw = read_pdf(name, data)
    else:
        raw = read_text(name, data, markdown=name.lower().endswith((".md", ".markdown")))
    if not any(p.text.strip() for p in raw):
        raise DocumentError(name, "the document contains no text")
    doc = build_structure(name, fmt, raw)
    doc.headers_footers = headers
    doc.tracked_changes = tracked
    if tracked:
        doc.warnings.append(
            "the document contains tracked changes; it was read as if all changes were accepted"
        )
    if name.lower().endswith(".docm"):
        doc.warnings.append("macro-enabled document: its text was read, its macros were ignored")
    return doc


def read_path(path: str | Path) -> AgreementText:
    path = Path(path)
    try:
        if path.is_dir():
            raise DocumentError(str(path), "is a folder, not a file")
        size = path.stat().st_size
        if size == 0:
            raise DocumentError(str(path), "the file is empty")
        with path.open("rb") as fh:
            data = fh.read(min(size, 26 * 1024 * 1024) + 1)
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except PermissionError:
        raise DocumentError(str(path), "permission denied") from None
    check_size(str(path), data)
    return read_bytes(str(path), data)
