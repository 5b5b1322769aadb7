"""The Learn page: guidance for trainers, and an exercise scored against the answer key."""

from __future__ import annotations

from blma import api
from blma_app.exercise import ADDRESSED, score_exercise

PAGE = "app_pages/learn.py"
SAMPLE = "nuvaria_valdoria_general.docx"


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


def test_a_trainee_completes_an_exercise_and_sees_the_score(app_page):
    at = app_page(PAGE)
    at.selectbox(key="learn.sample").set_value(SAMPLE).run()
    sample = next(s for s in api.samples() if s.name == SAMPLE)
    key = sample.answer_key()
    truly_missing = [pid for pid, e in key.items() if e.status == "missing"]
    truly_contrary = [pid for pid, e in key.items() if e.status == "contrary"]
    at.multiselect(key=f"learn.missing.{SAMPLE}").set_value([*truly_missing[:-1], "written_contract"])
    at.multiselect(key=f"learn.contrary.{SAMPLE}").set_value(truly_contrary)
    at.button(key="learn.reveal").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Your score"] == f"{len(key) - 2} of {len(key)}"  # one gap missed, one false alarm
    assert metrics["Gaps found"] == f"{len(truly_missing) + len(truly_contrary) - 1} of {len(truly_missing) + len(truly_contrary)}"
    assert metrics["False alarms"] == "1"
    table = at.dataframe[0].value
    assert len(table) == len(key)
    assert list(table[""][:2]) == ["✖ wrong", "✖ wrong"]  # mistakes first
    assert set(table["Answer key"]) <= {"present", "partial", "missing", "contrary"}


def test_marking_a_protection_both_missing_and_contrary_is_refused(app_page):
    at = app_page(PAGE)
    at.selectbox(key="learn.sample").set_value(SAMPLE).run()
    at.multiselect(key=f"learn.missing.{SAMPLE}").set_value(["remittances"])
    at.multiselect(key=f"learn.contrary.{SAMPLE}").set_value(["remittances"]).run()
    assert any("Mark each protection once" in e.value for e in at.error)
    assert at.button(key="learn.reveal").disabled


def test_scoring_counts_right_marks_misses_and_false_alarms():
    key = {
        "a": api.AnswerKeyEntry(status="missing"),
        "b": api.AnswerKeyEntry(status="contrary"),
        "c": api.AnswerKeyEntry(status="partial"),
        "d": api.AnswerKeyEntry(status="present"),
    }
    result = score_exercise({"a": "missing", "b": "missing", "d": "contrary"}, key)
    assert (result.correct, result.total, result.found, result.gaps, result.false_alarms) == (2, 4, 1, 2, 1)
    assert [r.yours for r in result.rows] == ["missing", "missing", ADDRESSED, "contrary"]
