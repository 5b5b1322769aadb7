"""The Learn page: guidance for trainers, and an exercise scored against the answer key."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from blma import api
from blma_app import exports
from blma_app.status import word

PAGE = "blma_app/views/learn.py"
SAMPLE = "nuvaria_valdoria_general.docx"
STATUSES = ("present", "partial", "missing", "contrary")


def sample(name: str = SAMPLE) -> api.Sample:
    return next(s for s in api.samples() if s.name == name)


def open_exercise(app_page, count: int | None = None):
    at = app_page(PAGE)
    at.selectbox(key="learn.sample").set_value(SAMPLE).run()
    if count is not None:
        at.number_input(key=f"learn.count.{SAMPLE}").set_value(count).run()
    assert not at.exception
    return at


def test_guidance_shows_explanation_sources_and_examples(app_page):
    at = app_page(PAGE)
    assert not at.exception
    at.selectbox(key="learn.protection").set_value("identity_documents").run()
    protection = next(p for p in api.guidance() if p.id == "identity_documents")
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert protection.title in " ".join(h.value for h in at.header)
    assert protection.explanation[:60] in text
    assert protection.sources[0].instrument[:40] in text
    assert protection.examples.strong[:40] in text
    clause_titles = {c.title for c in api.clauses(protection="identity_documents")}
    assert clause_titles <= {e.label.split(" · ")[0].replace("\\", "") for e in at.expander}


def test_the_guidance_names_protections_by_title_never_by_id(app_page):
    at = app_page(PAGE)
    ids = {p.id for p in api.guidance()} | {c.id for c in api.clauses()}
    token = re.compile(r"[a-z][a-z0-9_.]*[_.][a-z0-9_.]+")
    for protection in api.guidance():
        at.selectbox(key="learn.protection").set_value(protection.id).run()
        shown = [m.value for m in at.markdown] + [c.value for c in at.caption]
        found = {w for text in shown for w in token.findall(text.replace("\\", ""))} & ids
        assert not found, (protection.id, found)
    # the boundaries cross-refer by title instead
    at.selectbox(key="learn.protection").set_value("no_worker_fees").run()
    regulation = next(p.title for p in api.guidance() if p.id == "recruitment_regulation")
    assert any(regulation in c.value.replace("\\", "") for c in at.caption)


def test_a_trainee_marks_all_four_statuses_and_sees_each_scored_with_the_reasons(app_page):
    at = open_exercise(app_page, count=8)
    exercise = api.exercise(sample(), 8)
    items = {i.protection_id: i for i in exercise.items}
    assert {i.expected for i in exercise.items} == set(STATUSES)  # a short exercise still has all four
    assert [r.key for r in at.radio if r.key.startswith("learn.mark.")] == [
        f"learn.mark.{SAMPLE}.{pid}" for pid in items
    ]
    # right on every item but three: one partial marked present, one contrary marked missing, one unmarked
    partial = next(i for i in exercise.items if i.expected == "partial")
    contrary = next(i for i in exercise.items if i.expected == "contrary")
    unmarked = next(i for i in exercise.items if i.expected == "present")
    for item in exercise.items:
        mark = {partial.protection_id: "present", contrary.protection_id: "missing"}.get(
            item.protection_id, item.expected
        )
        if item is not unmarked:
            at.radio(key=f"learn.mark.{SAMPLE}.{item.protection_id}").set_value(mark)
    at.button(key="learn.reveal").click().run()
    assert not at.exception

    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Your score"] == "5 of 8"  # the unmarked one is not counted right
    for status in STATUSES:
        total = sum(i.expected == status for i in exercise.items)
        wrong = {"present": 1, "partial": 1, "contrary": 1}.get(status, 0)
        assert metrics[f"{status.capitalize()} in the key"] == f"{total - wrong} of {total}"
    assert any("Not marked: 1" in c.value for c in at.caption)

    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    for item, yours in ((partial, "present"), (contrary, "missing"), (unmarked, "not marked")):
        said = yours if yours == "not marked" else word(yours)
        assert f"**{item.title}**: you said {said}; the answer key says" in text
        assert item.note[:30] in text  # why, from the key
        if item.quote:
            assert item.quote[:40] in text  # the agreement's own words
    table = at.table[0].value
    assert len(table) == 8 and list(table[""][:3]) == ["✖ wrong"] * 3
    assert "not marked" in set(table["Your mark"])


def test_a_trainer_sets_the_size_and_gets_the_printed_exercise_and_key(app_page):
    at = open_exercise(app_page, count=5)
    labels = [b.label for b in at.get("download_button")]
    assert "The exercise (Word)" in labels and "The answer key (Word)" in labels
    assert len([r for r in at.radio if r.key.startswith("learn.mark.")]) == 5

    exercise = api.exercise(sample(), 5)
    handouts = api.exercise_handouts(exercise)
    sheet = Document(io.BytesIO(handouts["exercise"]))
    rows = sheet.tables[0].rows[1:]
    assert [row.cells[1].text for row in rows] == [i.title for i in exercise.items]
    assert all("☐ partial" in row.cells[2].text for row in rows)
    assert not any(i.expected.upper() in p.text for p in sheet.paragraphs for i in exercise.items)
    key = "\n".join(p.text for p in Document(io.BytesIO(handouts["answer key"])).paragraphs)
    for number, item in enumerate(exercise.items, start=1):
        assert f"{number}. {item.title}: {item.expected.upper()}" in key
        if item.quote:
            assert item.quote[:40] in key


def test_without_libreoffice_the_page_says_why_there_is_no_pdf(app_page, monkeypatch):
    monkeypatch.setattr("blma.pdf.converter", lambda: None)
    at = open_exercise(app_page, count=4)
    assert not any("PDF" in b.label for b in at.get("download_button"))
    assert any("No PDF on this server" in c.value for c in at.caption)


@pytest.mark.needs_libreoffice
def test_the_exercise_and_key_print_as_pdf_with_libreoffice(soffice):
    from pypdf import PdfReader

    exercise = api.exercise(sample(), 4)
    downloads = exports.handout_downloads(api.exercise_handouts(exercise), "s", with_pdf=True)
    key_pdf = next(d for d in downloads if d.file_name == "s.answer-key.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(key_pdf.content())).pages)
    assert "Answer key" in text and exercise.items[0].title[:30] in text.replace("\n", " ")


def test_scoring_counts_unmarked_as_wrong_and_refuses_unknown_marks():
    exercise = api.exercise(sample(), 4)
    first, second = exercise.items[:2]
    result = api.score_exercise(exercise, {first.protection_id: first.expected})
    assert (result.correct, result.total, result.unmarked) == (1, 4, 3)
    assert [a.item.protection_id for a in result.wrong] == [i.protection_id for i in exercise.items[1:]]
    with pytest.raises(api.BlmaError, match="not a status"):
        api.score_exercise(exercise, {second.protection_id: "addressed"})
    with pytest.raises(api.BlmaError, match="not in this exercise"):
        api.score_exercise(exercise, {"no_such_protection": "missing"})
    with pytest.raises(api.BlmaError, match="1 to"):
        api.exercise(sample(), 0)
