"""`blma redline`: the reviewer's DOCX back with comments on the evidence and suggested clauses
as tracked changes, everything else untouched."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.package import Package
from lxml import etree

from blma import api
from blma.analysis import default_analyzer
from blma.comparison.redline import redline
from blma.library import default_library
from blma.ooxml.ns import w
from blma.ooxml.package import members, write_package
from blma.ooxml.revisions import accept_all
from blma.ooxml.text import paragraph_text
from blma.reading import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "sample_agreements"
DOMESTIC = SAMPLES / "kestria_tenebria_domestic.docx"  # many missing and contrary protections
STRONG = SAMPLES / "sundara_valdoria_domestic.docx"  # few gaps
DATE = datetime(2024, 6, 1, tzinfo=UTC)
EDITED = {
    "word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml",
    "docProps/core.xml",  # the document properties say the workbench annotated it
}


@pytest.fixture(scope="module")
def annotated():
    data = DOMESTIC.read_bytes()
    return data, redline(data, name=DOMESTIC.name, date=DATE)


def _body(data: bytes):
    return Package.open(io.BytesIO(data)).main_document_part.element.body


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(w("t"), w("delText")))


def accepted(data: bytes) -> bytes:
    package = Package.open(io.BytesIO(data))
    part = package.main_document_part
    accept_all(part.element)
    out = io.BytesIO()
    package.save(out)
    return write_package(data, members(out.getvalue(), [part.partname.lstrip("/")]))


def test_every_part_but_the_edited_ones_is_copied_byte_for_byte(annotated):
    original, result = annotated
    with zipfile.ZipFile(io.BytesIO(original)) as before, zipfile.ZipFile(io.BytesIO(result.data)) as after:
        for name in before.namelist():
            if name not in EDITED:
                assert after.read(name) == before.read(name), name
        assert "word/comments.xml" in after.namelist()


def test_untouched_paragraphs_stay_as_they_were(annotated):
    """Every paragraph that holds no evidence and lost nothing is the same XML as before (the
    title carries the one summary comment on the protections secured)."""
    original, result = annotated
    report = default_analyzer().analyze(read_bytes(DOMESTIC.name, original))
    cited = [e.text[:30] for f in report.protections for e in f.evidence] + ["AGREEMENT"]
    after = {paragraph_text(p): etree.tostring(p) for p in _body(result.data).iter(w("p"))}
    checked = 0
    for p in _body(original).iter(w("p")):
        text = paragraph_text(p)
        if text and not any(c in text for c in cited) and text in after:
            assert after[text] == etree.tostring(p), text
            checked += 1
    assert checked >= 10


def test_comments_sit_on_the_evidence_paragraphs(annotated):
    original, result = annotated
    report = default_analyzer().analyze(read_bytes(DOMESTIC.name, original))
    document = docx.Document(io.BytesIO(result.data))
    comments = {c.comment_id: c for c in document.comments}
    assert len(comments) == result.count("comment") > 0
    assert all(c.author == "BLMA review" for c in comments.values())
    finding = report.finding("contract_termination")  # partial: its comment sits on its provision
    anchored = []
    for start in _body(result.data).iter(w("commentRangeStart")):
        p = start.getparent()
        while p.tag != w("p"):
            p = p.getparent()
        text = comments[int(start.get(w("id")))].text
        if text.startswith(f"{finding.title}:"):
            anchored.append(paragraph_text(p))
            assert "(contract_termination)" not in text and "see rubric" not in text
    assert len(anchored) == 1 and any(e.text[:30] in anchored[0] for e in finding.evidence)


def test_suggested_clauses_are_tracked_insertions(annotated):
    original, result = annotated
    report = default_analyzer().analyze(read_bytes(DOMESTIC.name, original))
    inserted = " ".join(_text(e) for e in _body(result.data).iter(w("ins")))
    fixed = [f for f in report.protections if f.status in ("missing", "contrary", "partial")]
    assert {a.protection for a in result.actions if a.action == "inserted"} == {f.id for f in fixed}
    library = default_library()
    social = library.clause(report.finding("social_security_portability").suggestions[0])
    assert social.title and "Article 17C — Social Security" in inserted
    assert "shall be paid to them in Kestria after their return" in inserted
    for mark in _body(result.data).iter(w("ins"), w("del")):
        if mark.get(w("author")) == "BLMA review":
            assert mark.get(w("date")) == "2024-06-01T00:00:00Z"


def test_contrary_provisions_are_marked_deleted(annotated):
    _original, result = annotated
    deleted = " ".join(_text(e) for e in _body(result.data).iter(w("del")) if e.get(w("author")) == "BLMA review")
    assert "shall remain with the sponsoring employer" in deleted  # Article 10(1), employer_change
    assert "shall not be subject to labour inspection" in deleted


def test_accepting_all_changes_secures_the_fixed_protections(annotated):
    _original, result = annotated
    fixed = {a.protection for a in result.actions if a.action == "inserted"}
    report = default_analyzer().analyze(read_bytes(DOMESTIC.name, accepted(result.data)))
    assert {pid: report.finding(pid).status for pid in fixed} == dict.fromkeys(fixed, "present")


def test_protections_option_limits_the_fixes():
    result = api.annotate(DOMESTIC.read_bytes(), ["employer_change"])
    assert {a.protection for a in result.actions if a.action != "comment"} == {"employer_change"}
    strong = api.annotate(STRONG.read_bytes(), ["wage_protection"])
    assert strong.count("inserted") == 0 and "wage_protection is present" in strong.notes[0]


def test_unknown_protection_ids_exit_2_with_a_clear_message(tmp_path):
    command = [sys.executable, "-c", "from blma.cli import main; main()", "redline", str(DOMESTIC),
               "-o", str(tmp_path / "out.docx"), "--protections", "employer_change,no_such_thing"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "error: unknown protection id(s): no_such_thing" in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_cli_writes_the_redline_beside_the_input(tmp_path):
    source = tmp_path / "agreement.docx"
    source.write_bytes(STRONG.read_bytes())
    command = [sys.executable, "-c", "from blma.cli import main; main()", "redline", str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "agreement.redline.docx").exists() and "comments" in result.stdout


def test_a_pdf_is_refused_with_a_clear_message():
    with pytest.raises(api.BlmaError, match="redline needs a Word document"):
        api.annotate(b"%PDF-1.4 nothing", name="x.pdf")


@pytest.mark.needs_libreoffice
def test_libreoffice_opens_the_redline(annotated, soffice, tmp_path):
    source = tmp_path / "redline.docx"
    source.write_bytes(annotated[1].data)
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    assert (tmp_path / "redline.pdf").read_bytes().startswith(b"%PDF")
