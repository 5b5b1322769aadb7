"""`blma redline` output fit to send to the other government: suggested text in the right
place and numbered once, fitted to the agreement's own names, stronger wording for partial
provisions, and comments that cite the standard in plain words."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.package import Package

from blma import api
from blma.comparison.redline import redline
from blma.library import default_library
from blma.ooxml.ns import w
from blma.ooxml.runs import raw_text
from blma.reports import build_view

SAMPLES = Path(__file__).resolve().parent.parent / "sample_agreements"
DOMESTIC = SAMPLES / "kestria_tenebria_domestic.docx"  # Articles 1-18, "Sending Party", no annex
CONSTRUCTION = SAMPLES / "azuria_drelland_construction_mou.docx"  # Articles I-XIV, a "Joint Working Committee"
DATE = datetime(2024, 6, 1, tzinfo=UTC)


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(mark, text) of each body paragraph: "+" inserted, "-" holding a deletion, " " otherwise."""
    body = Package.open(io.BytesIO(data)).main_document_part.element.body
    found = []
    for p in body.iter(w("p")):
        text = "".join(t.text or "" for t in p.iter(w("t"), w("delText")))
        inserted = p.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None
        found.append(("+" if inserted else "-" if list(p.iter(w("del"))) else " ", text))
    return found


def _inserted(data: bytes) -> str:
    return "\n".join(t for mark, t in _paragraphs(data) if mark == "+")


@pytest.fixture(scope="module")
def domestic():
    return redline(DOMESTIC.read_bytes(), name=DOMESTIC.name, date=DATE)


@pytest.fixture(scope="module")
def construction():
    return redline(CONSTRUCTION.read_bytes(), name=CONSTRUCTION.name, date=DATE)


def _article_of_each_paragraph(data: bytes) -> list[tuple[str, str, str]]:
    """(article heading in force, mark, text) for each paragraph."""
    current, found = "", []
    for mark, text in _paragraphs(data):
        if re.match(r"^(?:Article|ARTICLE) [\dIVXLC]+\S*\s+[–—-]", text):
            current = text
        found.append((current, mark, text))
    return found


# -- 1. where suggested text lands, and how new articles are numbered ----------------------------
def test_a_fix_of_a_provision_lands_in_its_own_article(domestic):
    located = _article_of_each_paragraph(domestic.data)
    pregnancy = [a for a, mark, t in located if mark == "+" and "pregnancy testing" in t]
    inspection = [a for a, mark, t in located if mark == "+" and "apply labour inspection to households" in t]
    assert pregnancy == ["Article 12 — Medical Fitness"]
    assert inspection == ["Article 14 — Inspection of Households"]


def test_new_articles_stand_together_before_the_final_provisions_and_no_number_repeats(domestic, construction):
    for result, final in ((domestic, "Article 18 — Final Provisions"), (construction, "ARTICLE XIV – EFFECT AND DURATION")):
        marked = _paragraphs(result.data)
        texts = [t for _, t in marked]
        headings = [t.split("–")[0].split("—")[0].strip() for t in texts if re.match(r"^(?:Article|ARTICLE) ", t)]
        assert len(headings) == len(set(headings)), Counter(headings).most_common(3)
        assert not any(re.search(r"\b(?:bis|ter|decies)\b", h) for h in headings)
        new = [k for k, (mark, t) in enumerate(marked) if mark == "+" and re.match(r"^(?:Article|ARTICLE) ", t)]
        block = range(min(new), texts.index(final))
        assert len(new) >= 10 and all(marked[k][0] == "+" for k in block)  # one run, right before the end
    assert "Article 17A — Equality of Treatment" in _inserted(domestic.data)
    assert "ARTICLE XIII-A – " in _inserted(construction.data)


CHAPTERED = [
    "AGREEMENT between the Republic of Sundara and the Kingdom of Valdoria",
    "Chapter I – General Provisions",
    "Article 1 – Scope",
    "This Agreement applies to nationals of Sundara recruited for employment in Valdoria.",
    "Chapter II – Employment",
    "Article 2 – Wages",
    "Workers from Sundara employed in Valdoria shall be paid their wages in full, at least once a month.",
    "Chapter III – Final Provisions",
    "Article 3 – Entry into Force",
    "This Agreement shall enter into force on the date of signature.",
]


def _docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for text in lines:
        style = "Heading 1" if text.startswith("Chapter") else "Heading 2" if text.startswith("Article") else None
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_in_a_text_with_chapters_the_new_articles_form_one_chapter_before_the_final_one():
    result = redline(_docx(CHAPTERED), name="chaptered.docx", date=DATE)
    texts = [t for _, t in _paragraphs(result.data)]
    chapter = texts.index("Chapter II bis – Further Protections of Migrant Workers")
    assert texts[chapter + 1].startswith("Article 2A – ")
    assert chapter > texts.index("Article 2 – Wages") and texts.index("Chapter III – Final Provisions") > chapter
    numbers = [t.split(" – ")[0] for t in texts if t.startswith("Article ")]
    assert len(numbers) == len(set(numbers)) > 10


# -- 2. suggestions that fit the agreement ---------------------------------------------------------
def test_suggestions_use_the_agreements_names_authorities_and_committee(construction):
    text = _inserted(construction.data)
    assert "Joint Working Committee" in text and not re.search(r"(?<!Working )\bJoint Committee\b", text)
    assert "Participants" in text and not re.search(r"\bParties\b", text)
    assert "[competent authority of" not in text
    assert "Ministry of Labour and Manpower" in text or "Ministry of Public Works and Employment" in text


def test_authorities_the_text_names_outside_a_designating_article_are_used_too():
    """The domestic-work MoU designates no "competent authorities" but names the Labour Office
    of Pelora and the Ministry of Labour of Valdoria throughout: no placeholder for them."""
    source = SAMPLES / "valdoria_pelora_domestic_mou.docx"
    report = api.analyze_path(str(source))
    assert report.facts.terms.destination_authority == "Labour Office of the Republic of Pelora"
    text = _inserted(redline(source.read_bytes(), name=source.name, date=DATE, report=report).data)
    assert "[competent authority of" not in text and "Labour Office of the Republic of Pelora" in text


def test_no_reference_to_an_annex_the_agreement_lacks(domestic):
    assert not re.search(r"\bAnnex\b", _inserted(domestic.data))
    assert "[competent authority of" not in _inserted(domestic.data)  # Article 3 names both ministries


def test_a_pregnancy_test_is_replaced_by_a_ban_on_pregnancy_testing(domestic):
    fix = next(a for a in domestic.actions if a.protection == "gender_responsive" and a.action == "inserted")
    clause = default_library().clause(fix.clause_id)
    assert "pregnancy test" in clause.text and fix.clause_id != "gender_responsive.domestic_workers_violence_harassment"
    row = next(r for r in build_view(api.analyze_path(str(DOMESTIC))).rows if r.id == "gender_responsive")
    assert row.suggestions[0].clause_id == fix.clause_id  # the gap report suggests the same remedy first


DESTINATION_FIRST = [
    "AGREEMENT between the Kingdom of Valdoria and the Republic of Sundara on the Employment of Sundaran Workers",
    "Article 1 — Scope",
    "This Agreement applies to nationals of Sundara recruited for employment in Valdoria.",
    "Article 2 — Competent Authorities",
    "The competent authorities are the Ministry of Manpower of Valdoria and the Overseas Employment Bureau of Sundara.",
    "Article 3 — Wages",
    "Sundaran workers employed in Valdoria shall be paid their wages in full, at least once a month, into a bank account in their name.",
    "Article 4 — Final Provisions",
    "This Agreement shall enter into force on the date of signature.",
]


@pytest.fixture(scope="module")
def destination_first(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fit") / "valdoria_sundara.docx"
    path.write_bytes(_docx(DESTINATION_FIRST))
    return path


def test_origin_and_destination_are_right_when_the_destination_is_named_first(destination_first):
    report = api.analyze_path(str(destination_first))
    assert (report.facts.terms.origin, report.facts.terms.destination) == ("Sundara", "Valdoria")
    markdown = api.gap_report_markdown([report])
    inserted = _inserted(redline(destination_first.read_bytes(), name=destination_first.name).data)
    for text in (markdown, inserted):  # the gap report and the redline say the same
        assert "transfer their earnings and savings to Sundara" in text
        assert "Overseas Employment Bureau of Sundara" in text or "Ministry of Manpower of Valdoria" in text
        assert "to Valdoria without restriction" not in text


# -- 3. partial provisions get stronger wording ----------------------------------------------------
def test_partial_provisions_get_stronger_wording_in_their_article(domestic):
    located = _article_of_each_paragraph(domestic.data)
    fixed = {a.protection for a in domestic.actions if a.action == "inserted"}
    assert {"working_time_rest", "contract_termination"} <= fixed
    rest = [a for a, mark, t in located if mark == "+" and "weekly rest of at least 24 consecutive hours" in t]
    assert rest == ["Article 7 — Rest"]
    assert any(mark == "-" and "where feasible" in t for _, mark, t in located)  # soft wording replaced


# -- 4. comments a negotiator can read -------------------------------------------------------------
def test_comments_cite_the_standard_in_plain_words_without_internal_ids(domestic):
    comments = [c.text for c in docx.Document(io.BytesIO(domestic.data)).comments]
    ids = default_library().protections
    assert not any(f"({pid})" in c or ("_" in pid and pid in c) for c in comments for pid in ids)
    assert not any("see rubric" in c for c in comments)
    rest = next(c for c in comments if c.startswith("Working time, rest and leave:"))
    assert "C189, Article 10" in rest and 'The wording is soft ("where feasible")' in rest
    termination = next(c for c in comments if c.startswith("Fair termination"))
    assert "nothing on: notice or a valid ground for termination; payment of wages and dues on termination" in termination


def test_one_comment_per_finding_and_one_summary_for_what_is_secured(domestic):
    report = api.analyze_path(str(DOMESTIC))
    comments = [c.text for c in docx.Document(io.BytesIO(domestic.data)).comments]
    gaps = [f for f in report.protections if f.status != "present"]
    assert len(comments) == len(gaps) + 1
    for finding in gaps:
        assert sum(c.startswith(f"{finding.title}:") for c in comments) == 1
    summary = [c for c in comments if c.startswith("Protections this text secures:")]
    assert len(summary) == 1 and report.finding("written_contract").title in summary[0]


def _anchored(data: bytes, opening: str) -> tuple[str, object]:
    """The text a comment whose text starts with ``opening`` spans, and its paragraph."""
    body = Package.open(io.BytesIO(data)).main_document_part.element.body
    comments = {c.comment_id: c.text for c in docx.Document(io.BytesIO(data)).comments}
    start = next(s for s in body.iter(w("commentRangeStart")) if comments[int(s.get(w("id")))].startswith(opening))
    p, ids = start.getparent(), start.get(w("id"))
    inside, anchored = False, []
    for el in p.iter(w("commentRangeStart"), w("commentRangeEnd"), w("r")):
        if el.tag == w("commentRangeStart") and el.get(w("id")) == ids:
            inside = True
        elif el.tag == w("commentRangeEnd") and el.get(w("id")) == ids:
            break
        elif inside and el.tag == w("r"):
            anchored.append("".join(t.text or "" for t in el.iter(w("t"), w("delText"))))
    return "".join(anchored), p


def test_a_comment_is_anchored_on_the_sentence_it_rests_on(domestic):
    text, p = _anchored(domestic.data, "Working time")
    assert text.startswith("The domestic worker shall be entitled to adequate daily rest")
    assert raw_text(p) == ""  # the whole soft sentence was replaced: it is all deleted text
    # Article 9 holds another reviewer's deletion before the sentence that works against workers:
    # the comment spans the sentence the redline struck, not the other reviewer's
    text, _ = _anchored(domestic.data, "Workers keep their own passports")
    assert text.startswith("The employer shall hold the domestic worker's passport")
    assert "keep her or his passport" not in text
    body = Package.open(io.BytesIO(domestic.data)).main_document_part.element.body
    marks = [m for t in ("commentRangeStart", "commentRangeEnd", "commentReference") for m in body.iter(w(t))]
    assert marks and not any(a.tag == w("del") for m in marks for a in m.iterancestors())  # accepting keeps them


def test_a_sentence_in_a_paragraph_of_several_runs_gets_its_own_comment_range():
    from blma.ooxml.comments import comment_sentence

    document = docx.Document()
    paragraph = document.add_paragraph("Workers shall be paid monthly. ")
    paragraph.add_run("They may").bold = True
    paragraph.add_run(" be asked to work overtime. Rest is weekly.")
    p = paragraph._p
    assert comment_sentence(document, p, "They may be asked to work overtime.", "soft", "BLMA")
    out = io.BytesIO()
    document.save(out)
    text, p = _anchored(out.getvalue(), "soft")
    assert text == "They may be asked to work overtime."
    assert raw_text(p) == "Workers shall be paid monthly. They may be asked to work overtime. Rest is weekly."
    assert p.findall(w("r"))[1].find(f"{w('rPr')}/{w('b')}") is not None  # formatting kept where split


def test_every_remedy_names_a_real_cue_and_a_clause_of_its_protection():
    from blma.library.remedies import read_remedies

    library = default_library()
    rules = Path(__file__).resolve().parent.parent / "blma" / "analysis" / "rules" / "protections"
    listed = read_remedies(library.root)
    assert listed
    for cue, clause_ids in listed.items():
        pid, name = cue.split("/")
        assert re.search(rf"^\s*- name: {name}\s*$", (rules / f"{pid}.yaml").read_text(encoding="utf-8"), re.M), cue
        for clause_id in clause_ids:
            assert pid in library.clause(clause_id).protections, (cue, clause_id)


def test_paragraph_numbers_running_through_the_text_are_not_restarted_in_new_articles():
    """The seasonal agreement numbers its paragraphs 1-18 straight through its titled articles:
    a new article's paragraphs numbered "1.", "2." would repeat existing numbers."""
    source = SAMPLES / "azuria_sundara_seasonal.docx"
    result = redline(source.read_bytes(), name=source.name, date=DATE)
    inserted = [t for mark, t in _paragraphs(result.data) if mark == "+"]
    assert "Social Security" in inserted
    assert not any(re.match(r"^\(?\d+[.)]", t) for t in inserted)
