"""One exported draft through LibreOffice: it lays out as pages with computed page numbers."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from blma.drafting import draft


@pytest.mark.needs_libreoffice
def test_an_exported_draft_converts_to_a_paginated_pdf(soffice, tmp_path, draft_spec):
    draft_spec["sectors"] = ["domestic_work"]
    draft_spec["signature"] = {"place": "Valdoria City", "date": "2026-03-15", "languages": ["Sundaran", "English"]}
    result = draft(draft_spec)
    docx = result.save(tmp_path / "draft.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pages = [page.extract_text() for page in PdfReader(tmp_path / "draft.pdf").pages]

    # the body, then each annex on a page of its own
    assert len(pages) >= 2 + len(result.annexes)
    assert "Agreement between the Government of" in pages[0]
    assert "Article 1" in pages[0] and "(1)" in pages[0]
    text = "\n".join(pages)
    last_article = result.articles[-1]
    assert f"Article {last_article.number}" in text
    assert "Done in duplicate at Valdoria City on 15 March 2026" in text.replace("\n", " ")
    assert "Annex I" in text and "Minimum Terms of the Employment Contract" in text
    assert "Annex II" in pages[-1]
    # PAGE and NUMPAGES were computed by the layout engine, not left as placeholders
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
