"""The Compare page: the protection matrix, and for two versions of one text what changed.

Two different samples are set side by side, never read as weakenings; a sample and an edited
copy of it (tests/edited_copies.py) are versions, with their changes and the removed article's text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from types import SimpleNamespace

from edited_copies import MANUFACTURING, a_few_articles_edited

from blma import api
from blma_app import compare_view as V

PAGE = "blma_app/views/compare.py"
A, B, C = "nuvaria_valdoria_general.docx", "pelora_azuria_nurses.docx", "kestria_tenebria_domestic.docx"
#: The matrix columns' short titles (parties and year) of A, B and C.
SHORT = {A: "Nuvaria–Valdoria 2024", B: "Pelora–Azuria 2024", C: "Kestria–Tenebria 2023"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WEAKENING_WORDS = re.compile(r"weaken|strengthen|▼|▲", re.IGNORECASE)


def reports(*names: str) -> list[api.GapReport]:
    by_name = {s.name: s for s in api.samples()}
    return [api.analyze_bytes(n, by_name[n].data()) for n in names]


def frame_with(at, column: str):
    """The first table on the page that has this column (AppTest does not expose table keys)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _everything_said(at) -> str:
    """Every text the page shows, tables included."""
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning", "error") for e in at.get(kind)]
    parts += [e.label for e in at.expander] + [m.label for m in at.metric]
    parts += [d.value.to_csv() for d in at.dataframe]
    return "\n".join(str(p) for p in parts)


def _upload_versions(at):
    """The manufacturing sample (earlier) and its edited copy (later), uploaded together."""
    at.get("file_uploader")[0].set_value(
        [(MANUFACTURING.name, MANUFACTURING.read_bytes(), DOCX), ("edited.docx", a_few_articles_edited(), DOCX)]
    )
    return at.run()


def test_two_different_samples_are_set_side_by_side_without_weakened(app_page):
    at = app_page(PAGE)
    assert any("at least two" in i.value for i in at.info)
    at.multiselect(key="compare.samples").set_value([A, B]).run()
    assert not at.exception and not at.error
    assert any(i.value.startswith("Two different agreements, not versions of one text") for i in at.info)
    first, _ = reports(A, B)
    matrix = frame_with(at, "Group")
    assert len(matrix) == 34 and list(matrix.columns[-2:]) == [SHORT[A], SHORT[B]]
    expected = {f.title: f"{f.status}" for f in first.protections}
    assert {t: s.split(" ", 1)[1] for t, s in zip(matrix["Protection"], matrix[SHORT[A]], strict=True)} == expected
    assert not at.metric and not any("→" in e.label for e in at.expander)  # no changes, no word differences
    assert not WEAKENING_WORDS.search(_everything_said(at))


def test_matrix_columns_show_short_titles_with_the_full_name_on_hover(app_page):
    at = app_page(PAGE)
    at.multiselect(key="compare.samples").set_value([A, B]).run()
    table = next(d for d in at.dataframe if "Group" in d.value.columns)
    config = json.loads(table.proto.columns)
    titles = {a.file: a.title for a in V.compare([(n, next(s for s in api.samples() if s.name == n).data())
                                                  for n in (A, B)]).matrix.agreements}
    assert config[SHORT[A]]["help"] == f"{titles[A]} ({A})"
    assert config[SHORT[B]]["help"] == f"{titles[B]} ({B})"
    summary = frame_with(at, "Core protections present")
    assert list(summary["Agreement"]) == [SHORT[A], SHORT[B]] and list(summary["File"]) == [A, B]


def test_a_sample_and_its_edited_copy_are_versions_with_changes_weakenings_first(app_page):
    at = _upload_versions(app_page(PAGE))
    assert not at.exception and not at.error
    assert any(x.value.startswith("Versions of one text") for x in at.success)
    changes = frame_with(at, "Change")
    assert list(changes["Change"]) == ["▼ weakened"]
    assert list(changes["Protection"]) == ["Access to complaint mechanisms, courts and remedies"]
    assert (changes["Before"][0], changes["After"][0]) == ("present", "missing")
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Protections weakened"]) == 1 and int(metrics["Protections strengthened"]) == 0
    article = next(e for e in at.expander if e.label.startswith("Article 6 → Article 6"))
    shown = " ".join(m.value for m in article.markdown)
    assert "employer<ins" in shown and "employer <ins" not in shown  # the added comma stays with its word
    assert "by the worker&#x27;s representative where" in shown
    removed = next(e for e in at.expander if e.label == "Only in the earlier version: Article 16")
    assert "Workers shall have the right to submit complaints" in " ".join(m.value for m in removed.markdown)


def test_three_agreements_give_the_matrix_only(app_page):
    at = app_page(PAGE)
    at.multiselect(key="compare.samples").set_value([A, B, C]).run()
    assert not at.exception and not at.error
    assert list(frame_with(at, "Group").columns[-3:]) == [SHORT[A], SHORT[B], SHORT[C]]
    assert not at.metric  # no version metrics for three


def test_comparison_downloads_are_csv_markdown_and_a_matrix_for_different_agreements():
    items = [(n, next(s for s in api.samples() if s.name == n).data()) for n in (A, B)]
    comparison = V.compare(items)
    table, markdown, word = V.comparison_downloads(comparison, "x")
    rows = list(csv.DictReader(io.StringIO(table.data.decode("utf-8"))))
    assert len(rows) == 34
    assert {row[f"{A} status"] for row in rows} <= {"present", "partial", "missing", "contrary"}
    text = markdown.data.decode("utf-8")
    assert text.lstrip().startswith("#") and "Two different agreements" in text and not WEAKENING_WORDS.search(text)
    assert word.label == "Matrix (Word)" and word.file_name == "x.matrix.docx"
    with zipfile.ZipFile(io.BytesIO(word.data)) as package:
        assert "<w:ins " not in package.read("word/document.xml").decode("utf-8")


def test_versions_download_as_tracked_changes():
    comparison = V.compare([(MANUFACTURING.name, MANUFACTURING.read_bytes()), ("edited.docx", a_few_articles_edited())])
    *_, word = V.comparison_downloads(comparison, "x")
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
    assert list(frame_with(at, "Group").columns[-2:]) == [SHORT[A], SHORT[B]]
