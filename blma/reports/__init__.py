"""Gap reports a reviewer can attach to a memo: Markdown and DOCX, from analysed agreements.

Both formats are laid out from the same :class:`~blma.reports.view.FileView`, so they
always agree; the words live in ``templates/gap_report_words.j2`` and the Markdown layout
in ``templates/gap_report.md.j2``.
"""

from blma.outputs import OutputError, write_atomic  # re-exported: reports are written through it
from blma.reports.docx_writer import docx_report
from blma.reports.markdown import markdown_report
from blma.reports.view import FileView, ProtectionRow, build_view

__all__ = [
    "FileView",
    "OutputError",
    "ProtectionRow",
    "build_view",
    "docx_report",
    "markdown_report",
    "write_atomic",
]
