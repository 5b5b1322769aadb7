"""The tracked-changes DOCX of a version comparison: Word revisions a negotiator can review."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime

import docx
import pytest
from docx.package import Package

from blma import api
from blma.comparison.tracked import tracked_docx
from blma.ooxml.ns import w
from blma.ooxml.revisions import accept_all
from blma.ooxml.runs import raw_text
from blma.ooxml.text import reading_order_paragraphs

DATE = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def tracked(version_pair) -> bytes:
    return tracked_docx(api.compare([str(p) for p in version_pair]), author="Negotiator", date=DATE)


def _marks(data: bytes, tag: str) -> list:
    body = Package.open(io.BytesIO(data)).main_document_part.element.body
    return list(body.iter(w(tag)))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(w("t"), w("delText")))


def test_python_docx_reads_the_tracked_document(tracked):
    document = docx.Document(io.BytesIO(tracked))
    assert any("Change of Employer" in p.text for p in document.paragraphs)


def test_insertions_and_deletions_carry_the_changed_words_author_and_date(tracked):
    inserted = [_text(e) for e in _marks(tracked, "ins")]
    deleted = [_text(e) for e in _marks(tracked, "del")]
    assert "The Parties shall endeavour to enable a " in inserted
    assert "may " in deleted and "at any time " in deleted and "shall be " in deleted
    assert any("explore the possibility" in d for d in deleted)  # the removed social security article
    assert "10" in deleted and "9" in inserted  # renumbered headings
    for mark in _marks(tracked, "ins") + _marks(tracked, "del"):
        assert mark.get(w("author")) == "Negotiator"
        assert mark.get(w("date")) == "2024-05-01T09:30:00Z"
        assert mark.get(w("id"))


def test_accepting_all_changes_gives_the_second_version(tracked, version_pair):
    body = Package.open(io.BytesIO(tracked)).main_document_part.element.body
    accept_all(body)
    second = Package.open(str(version_pair[1])).main_document_part.element.body
    texts = lambda b: [t for t in (raw_text(p) for p in reading_order_paragraphs(b)) if t.strip()]  # noqa: E731
    assert texts(body) == texts(second)


def test_untouched_paragraphs_keep_their_formatting(tracked, version_pair):
    before = Package.open(str(version_pair[0])).main_document_part.element.body
    after = Package.open(io.BytesIO(tracked)).main_document_part.element.body
    from lxml import etree

    first = [etree.tostring(p) for p in reading_order_paragraphs(before) if "Freedom of Association" in raw_text(p)]
    again = [etree.tostring(p) for p in reading_order_paragraphs(after) if "Freedom of Association" in raw_text(p)]
    assert first and first == again


def test_plain_text_inputs_get_a_tracked_document_too(version_pair, tmp_path):
    from blma.reading import read_path

    docs = [read_path(p) for p in version_pair]
    for doc, name in zip(docs, ("a.txt", "b.txt"), strict=True):
        (tmp_path / name).write_text("\n\n".join(b.text for b in doc.blocks), encoding="utf-8")
    data = api.compare([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]).export("docx")
    assert "endeavour" in " ".join(_text(e) for e in _marks(data, "ins"))


@pytest.mark.needs_libreoffice
def test_libreoffice_opens_the_tracked_document(tracked, soffice, tmp_path):
    source = tmp_path / "changes.docx"
    source.write_bytes(tracked)
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = (tmp_path / "changes.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_each_weakened_protection_carries_a_comment(tracked, version_pair):
    """As the Markdown report lists them: the employer-change article softened, social security dropped."""
    comparison = api.compare([str(p) for p in version_pair])
    weakened = [c for c in comparison.changes if c.direction == "weakening"]
    comments = [c.text for c in docx.Document(io.BytesIO(tracked)).comments]
    assert weakened and len(comments) == len(weakened)
    for change in weakened:
        assert any(t.startswith(f"{change.title}: weakened from {change.from_} to {change.to}") for t in comments)
