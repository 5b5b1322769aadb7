"""The Compare page: the protection matrix, and for two versions what changed."""

from __future__ import annotations

import csv
import io
import zipfile
from types import SimpleNamespace

from blma import api
from blma_app import compare_view as V

PAGE = "app_pages/compare.py"
A, B, C = "nuvaria_valdoria_general.docx", "pelora_azuria_nurses.docx", "kestria_tenebria_domestic.docx"


def reports(*names: str) -> list[api.GapReport]:
    by_name = {s.name: s for s in api.samples()}
    return [api.analyze_bytes(n, by_name[n].data()) for n in names]


def frame_with(at, column: str):
    """The first table on the page that has this column (AppTest does not expose table keys)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_two_samples_give_the_matrix_and_the_changes_weakenings_first(app_page):
    at = app_page(PAGE)
    assert any("at least two" in i.value for i in at.info)
    at.multiselect(key="compare.samples").set_value([A, B]).run()
    assert not at.exception and not at.error
    first, second = reports(A, B)
    matrix = frame_with(at, "Group")
    assert len(matrix) == 34
    expected = {f.title: f"{f.status}" for f in first.protections}
    assert {t: s.split(" ", 1)[1] for t, s in zip(matrix["Protection"], matrix[A], strict=True)} == expected
    changes = frame_with(at, "Change")
    directions = list(changes["Change"])
    assert directions == sorted(directions, key=lambda d: d != "▼ weakened")  # weakenings first
    changed = sum(a.status != second.finding(a.id).status for a in first.protections)
    assert len(changes) == changed
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Protections weakened"]) == directions.count("▼ weakened")
    assert any("→" in e.label for e in at.expander)  # word-level differences per article pair


def test_three_agreements_give_the_matrix_only(app_page):
    at = app_page(PAGE)
    at.multiselect(key="compare.samples").set_value([A, B, C]).run()
    assert not at.exception and not at.error
    assert list(frame_with(at, "Group").columns[-3:]) == [A, B, C]
    assert not at.metric  # no version metrics for three


def test_comparison_downloads_are_csv_markdown_and_tracked_changes():
    items = [(n, next(s for s in api.samples() if s.name == n).data()) for n in (A, B)]
    comparison = V.compare(items)
    table, markdown, word = V.comparison_downloads(comparison, "x")
    rows = list(csv.DictReader(io.StringIO(table.data.decode("utf-8"))))
    assert len(rows) == 34
    assert {row[f"{A} status"] for row in rows} <= {"present", "partial", "missing", "contrary"}
    assert markdown.data.decode("utf-8").lstrip().startswith("#")
    assert word.label == "Tracked changes (Word)"
    with zipfile.ZipFile(io.BytesIO(word.data)) as package:
        assert "<w:ins " in package.read("word/document.xml").decode("utf-8")


def test_an_unreadable_upload_is_named_in_the_error(app_page):
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "application/msword")
    at.multiselect(key="compare.samples").set_value([A]).run()
    assert not at.exception
    assert any("old.doc" in e.value and ".docx" in e.value for e in at.error)


def test_word_differences_mark_removed_and_added_words_without_colour_alone():
    ops = [SimpleNamespace(op=o, text=t) for o, t in
           [("equal", "Workers shall"), ("delete", "receive"), ("insert", "may receive"), ("equal", "<wages>")]]
    out = V.diff_html(ops)
    assert "<del" in out and "line-through" in out and "<ins" in out and "underline" in out
    assert "&lt;wages&gt;" in out


def test_an_empty_upload_is_named_and_the_others_are_still_compared(app_page):
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("empty.txt", b"", "text/plain")
    at.multiselect(key="compare.samples").set_value([A, B]).run()
    assert not at.exception
    assert any("empty.txt" in e.value and "empty" in e.value for e in at.error)
    assert list(frame_with(at, "Group").columns[-2:]) == [A, B]
