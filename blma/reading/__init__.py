"""Reading agreements: DOCX/DOCM, PDF, Markdown and plain text into located blocks."""

from __future__ import annotations

from pathlib import Path

from blma.errors import DocumentError
from blma.reading.bounds import shape_for_analysis
from blma.reading.checkboxes import keep_ticked_options
from blma.reading.conversion import repair_conversion
from blma.reading.docx_reader import open_docx, read_docx
from blma.reading.limits import limits
from blma.reading.models import AgreementText, Block
from blma.reading.safety import check_size, sniff, too_large
from blma.reading.structure import build_structure
from blma.reading.text_reader import read_pdf, read_text

__all__ = ["AgreementText", "Block", "limits", "open_docx", "read_bytes", "read_path"]


def read_bytes(name: str, data: bytes) -> AgreementText:
    """Read an agreement from memory (the app's uploads never touch the disk).

    This is the boundary for untrusted documents: whatever the file holds, the result is an
    ``AgreementText`` within the limits of ``limits.yaml`` or a ``DocumentError`` naming the
    file and the problem.
    """
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
    raw, repairs = repair_conversion(raw)
    raw, ticked = keep_ticked_options(raw)
    raw, shaping = shape_for_analysis(raw)
    doc = build_structure(name, fmt, raw)
    doc.headers_footers = headers
    doc.tracked_changes = tracked
    doc.warnings.extend(repairs + ticked + shaping)
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
        if size > limits().file_bytes:
            raise DocumentError(str(path), too_large(size))
        with path.open("rb") as fh:
            data = fh.read(limits().file_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except PermissionError:
        raise DocumentError(str(path), "permission denied") from None
    except OSError as exc:  # a symlink loop, a name too long, a device error
        raise DocumentError(str(path), f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    check_size(str(path), data)
    return read_bytes(str(path), data)
