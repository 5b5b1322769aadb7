"""DOCX to PDF through LibreOffice: the PDF where it is installed, a sentence where it is not."""

from __future__ import annotations

import pytest

from blma import api
from blma.pdf import docx_to_pdf, unavailable


def test_without_libreoffice_the_reason_names_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    reason = unavailable()
    assert reason is not None and "LibreOffice" in reason and "libreoffice-writer" in reason
    with pytest.raises(api.BlmaError, match="PDF needs LibreOffice"):
        docx_to_pdf(b"PK", "draft.docx")


def test_a_failing_conversion_is_one_line_naming_the_file(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(api.BlmaError, match=r"draft\.docx: LibreOffice could not make the PDF \(Error: source"):
        docx_to_pdf(b"not a docx", "draft.docx")


@pytest.mark.needs_libreoffice
def test_a_draft_converts_to_pdf(soffice, draft_spec):
    data = docx_to_pdf(api.draft(draft_spec).to_docx(), "draft.docx")
    assert data.startswith(b"%PDF")
