"""The assembled draft and its exports: Markdown, DOCX, or a file of either.

:class:`Draft` is what :func:`blma.drafting.draft` returns and the app keeps. Its text lives in
:mod:`blma.drafting.content`, which the writers read; the draft calls the writers, so imports
go one way (draft -> writers -> content).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from blma.drafting.content import Annex, AnnexTable, Article, Chapter, DraftContent, SignatureBlock
from blma.drafting.markdown_writer import markdown_text
from blma.outputs import write_atomic

__all__ = [
    "Annex",
    "AnnexTable",
    "Article",
    "Chapter",
    "Draft",
    "ExportFormat",
    "SignatureBlock",
    "format_for",
]

ExportFormat = Literal["docx", "md"]


class Draft(DraftContent):
    """A complete model instrument and what it secures, ready to export."""

    def to_markdown(self) -> str:
        return markdown_text(self)

    def to_docx(self) -> bytes:
        # python-docx loads only when a DOCX is written: `blma library` and `--init` never need it
        from blma.drafting.docx_writer import docx_bytes

        return docx_bytes(self)

    def export(self, fmt: ExportFormat) -> bytes:
        return self.to_docx() if fmt == "docx" else self.to_markdown().encode("utf-8")

    def save(self, path: Path | str, fmt: ExportFormat | None = None) -> Path:
        """Write the export; the format follows the suffix unless given. Nothing is left on failure."""
        path = Path(path)
        write_atomic(path, self.export(fmt or format_for(path)))
        return path


def format_for(path: Path) -> ExportFormat:
    return "docx" if path.suffix.lower() == ".docx" else "md"
