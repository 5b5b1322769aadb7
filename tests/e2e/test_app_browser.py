"""The app in a real browser: headless Chromium drives `streamlit run app.py` over its websocket.

Each test waits for the app's own content (Streamlit renders after page load). Screenshots
go to ``tests/artifacts/screenshots/``; ``BLMA_SCREENSHOTS=docs/screenshots`` writes the
documentation copies instead. Timings are printed and written to ``tests/artifacts/timings.json``.
"""

from __future__ import annotations

import re
import time

import pytest
from browser_support import SAMPLE, SECOND, TIMINGS, UPLOAD, open_page, record, screenshot, scroll_to
from long_agreement import long_agreement_docx

pytestmark = pytest.mark.needs_chromium
FIRST_GROUP = re.compile(r"Contrary: \d+")  # the Review page's list starts with what needs action


def test_review_an_uploaded_docx_and_download_the_gap_report(page, server, tmp_path):
    # first visit to a fresh server, straight to a deep link: the app's own navigation must run
    open_page(page, server, "review", "Review an agreement")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Home", exact=True).wait_for()
    started = time.monotonic()
    page.locator(UPLOAD).set_input_files(str(SAMPLE))
    page.get_by_role("heading", name=FIRST_GROUP).wait_for()
    record("first_review_on_a_cold_server_s", time.monotonic() - started)  # includes loading the analyzer
    labels = page.locator('[data-testid="stMetricLabel"]')
    for status in ("Present", "Partial", "Missing", "Contrary"):
        labels.filter(has_text=status).first.wait_for()
    # each finding shows its status as a word: the contrary one in its expander's label
    expander = page.locator('[data-testid="stExpander"]', has_text="Fair termination").first
    expander.wait_for()
    assert "contrary" in expander.locator("summary").inner_text()
    expander.locator("summary").click()
    expander.get_by_text("Section 3.6").first.wait_for()
    scroll_to(page.get_by_role("heading", name="AGREEMENT between"))
    screenshot(page, "review")
    with page.expect_download() as info:
        page.get_by_role("button", name="Gap report (Word)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "nuvaria_valdoria_general.gap-report.docx"
    assert path.read_bytes()[:2] == b"PK"


def test_home_links_every_page(page, server):
    open_page(page, server, "", "Labour migration agreement workbench")
    for name in ("Draft", "Review", "Compare", "Learn"):
        page.locator('[data-testid="stSidebarNav"]').get_by_text(name, exact=True).wait_for()
    screenshot(page, "home")


def test_a_bad_upload_shows_a_clear_message(page, server, tmp_path):
    open_page(page, server, "review", "Review an agreement")
    bad = tmp_path / "old agreement.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    page.locator(UPLOAD).set_input_files(str(bad))
    alert = page.locator('[data-testid="stAlertContentError"]').first
    alert.wait_for()
    assert "save it as .docx" in alert.inner_text()
    assert not page.get_by_text("Traceback").count()


def test_review_of_a_40_page_agreement_and_a_page_switch_are_timed(page, server, tmp_path):
    long_file = tmp_path / "forty_pages.docx"
    long_file.write_bytes(long_agreement_docx(40))
    open_page(page, server, "review", "Review an agreement")
    started = time.monotonic()
    page.locator(UPLOAD).set_input_files(str(long_file))
    page.get_by_role("heading", name=FIRST_GROUP).wait_for(timeout=120_000)
    record("review_40_pages_summary_s", time.monotonic() - started)
    page.get_by_role("button", name="Annotated agreement (Word)").wait_for()  # offered; built when clicked
    record("review_40_pages_with_downloads_s", time.monotonic() - started)

    started = time.monotonic()
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Learn", exact=True).click()
    page.get_by_role("heading", name="Learn the protections").wait_for()
    record("page_switch_review_to_learn_s", time.monotonic() - started)

    started = time.monotonic()
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Review", exact=True).click()
    page.get_by_role("heading", name=FIRST_GROUP).wait_for()
    record("page_switch_back_to_review_s", time.monotonic() - started)
    assert TIMINGS["review_40_pages_with_downloads_s"] < 60 and TIMINGS["page_switch_review_to_learn_s"] < 15


def test_draft_step_by_step(page, server, tmp_path):
    open_page(page, server, "draft", "Draft an agreement or MoU")
    page.get_by_role("textbox", name="Country name, as written in the text").first.fill("the Republic of Sundara")
    page.get_by_role("textbox", name="Short name (optional)").first.fill("Sundara")
    page.get_by_role("textbox", name="Competent authority").first.fill("Ministry of Overseas Employment")
    page.get_by_role("textbox", name="Country name, as written in the text").nth(1).fill("the Kingdom of Valdoria")
    page.get_by_role("textbox", name="Short name (optional)").nth(1).fill("Valdoria")
    page.get_by_role("textbox", name="Competent authority").nth(1).fill("Ministry of Labour")
    page.get_by_role("textbox", name="Competent authority").nth(1).press("Tab")
    page.get_by_role("button", name="2. Protections →").click()
    page.get_by_role("heading", name="Protections").wait_for()
    expander = page.locator('[data-testid="stExpander"]', has_text="No recruitment fees").first
    expander.locator("summary").click()
    expander.get_by_text("Preview of the article text").wait_for()
    expander.scroll_into_view_if_needed()
    screenshot(page, "draft")
    page.get_by_role("button", name="3. Check and download →").first.click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the draft (Word)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "sundara-valdoria-agreement.docx" and path.read_bytes()[:2] == b"PK"


def test_compare_two_uploads(page, server):
    open_page(page, server, "compare", "Compare agreements")
    page.locator(UPLOAD).set_input_files([str(SAMPLE), str(SECOND)])
    page.get_by_role("heading", name="What changed between the two").wait_for()
    page.get_by_text("Protections weakened").first.wait_for()
    page.get_by_role("heading", name="Download").wait_for()
    scroll_to(page.get_by_role("heading", name="Protection matrix"))
    screenshot(page, "compare")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tracked changes (Word)").click()
    assert info.value.suggested_filename.endswith(".tracked-changes.docx")


def test_learn_exercise(page, server):
    open_page(page, server, "learn", "Learn the protections")
    screenshot(page, "learn")
    page.get_by_role("tab", name="Exercise").click()
    missing = page.locator('[data-testid="stMultiSelect"]', has_text="you think are missing").locator("input")
    missing.click()
    missing.fill("Equal treatment")
    missing.press("Enter")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Reveal the answer").click()
    score = page.get_by_text("Your score", exact=True)
    score.wait_for()
    page.get_by_text("Gaps found", exact=True).wait_for()
    row = page.locator('[data-testid="stDataFrame"]').first
    row.wait_for()
    scroll_to(page.get_by_text("Protections you think are missing", exact=True))
    screenshot(page, "learn-exercise")
