"""The raw-XML revision helpers (blma.ooxml.revisions), on small hand-made paragraphs."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from blma.ooxml.ns import w
from blma.ooxml.revisions import Marks, accept_all, delete_paragraph, insert_paragraph, rewrite
from blma.ooxml.runs import raw_text


def paragraph(inner: str):
    body = parse_xml(f"<w:body {nsdecls('w')}><w:p><w:pPr><w:jc w:val='both'/></w:pPr>{inner}</w:p></w:body>")
    return body, body[0]


def texts(el, tag: str) -> list[str]:
    return ["".join(t.text or "" for t in m.iter(w("t"), w("delText"))) for m in el.iter(w(tag))]


def test_rewrite_keeps_each_untouched_stretch_in_its_own_formatting():
    _, p = paragraph("<w:r><w:rPr><w:b/></w:rPr><w:t>Workers </w:t></w:r><w:r><w:t>may change employer.</w:t></w:r>")
    rewrite(p, [("equal", "Workers "), ("delete", "may"), ("insert", "shall be free to"), ("equal", " change employer.")],
            Marks(author="A"))
    assert texts(p, "del") == ["may"] and texts(p, "ins") == ["shall be free to"]
    first = p.find(w("r"))
    assert first.find(f"{w('rPr')}/{w('b')}") is not None and first.find(w("t")).text == "Workers "
    assert p.find(w("pPr")).find(w("jc")) is not None


def test_tabs_survive_a_rewrite_and_count_as_one_character():
    _, p = paragraph("<w:r><w:t>(1)</w:t><w:tab/><w:t>Text here.</w:t></w:r>")
    assert raw_text(p) == "(1)\tText here."
    rewrite(p, [("equal", "(1)\tText "), ("delete", "here"), ("insert", "there"), ("equal", ".")], Marks())
    assert p.find(w("r")).find(w("tab")) is not None


def test_marks_carry_id_author_and_date_and_ids_do_not_repeat():
    _, p = paragraph("<w:r><w:t>a b c</w:t></w:r>")
    rewrite(p, [("delete", "a "), ("equal", "b"), ("insert", " x"), ("equal", " c")], Marks(author="Reviewer"))
    marks = list(p.iter(w("ins"), w("del")))
    assert {m.get(w("author")) for m in marks} == {"Reviewer"}
    assert all(m.get(w("date")).endswith("Z") for m in marks)
    assert len({m.get(w("id")) for m in marks}) == len(marks)


def test_deleted_and_inserted_paragraphs_disappear_and_stay_on_accept():
    body, p = paragraph("<w:r><w:t>Old text.</w:t></w:r>")
    marks = Marks()
    new = insert_paragraph(p, "New text.", p, marks)
    delete_paragraph(p, marks)
    assert new.find(w("pPr")).find(w("rPr")).find(w("ins")) is not None
    assert p.find(w("pPr")).find(w("rPr"))[0].tag == w("del")  # must come first in the paragraph mark
    accept_all(body)
    assert [raw_text(x) for x in body.iter(w("p"))] == ["New text."]
    assert not list(body.iter(w("ins"))) and not list(body.iter(w("del")))


def test_links_and_fields_are_rewritten_coarsely_but_completely():
    _, p = paragraph(
        "<w:r><w:t>See </w:t></w:r><w:hyperlink><w:r><w:t>the annex</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r>"
    )
    rewrite(p, [("equal", "See "), ("delete", "the annex"), ("insert", "Annex I"), ("equal", ".")], Marks())
    assert texts(p, "ins") == ["See Annex I."]
    accept_all(p.getparent())
    assert raw_text(p) == "See Annex I."


def test_numbering_can_be_switched_off_for_a_copied_paragraph():
    _, p = paragraph("<w:r><w:t>x</w:t></w:r>")
    ppr = p.find(w("pPr"))
    ppr.insert(0, parse_xml(f"<w:keepNext {nsdecls('w')}/>"))
    ppr.insert(1, parse_xml(f"<w:numPr {nsdecls('w')}><w:numId w:val='7'/></w:numPr>"))
    new = insert_paragraph(p, "y", p, Marks(), keep_numbering=False)
    tags = [c.tag for c in new.find(w("pPr"))]
    assert tags.index(w("keepNext")) < tags.index(w("numPr"))
    assert new.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val")) == "0"
