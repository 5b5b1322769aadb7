"""The app in a real browser: headless Chromium drives `streamlit run app.py` over its websocket.

Each test waits for the app's own content (Streamlit renders after page load). Screenshots
go to ``tests/artifacts/screenshots/``; ``BLMA_SCREENSHOTS=docs/screenshots`` writes the
documentation copies instead. Timings are printed and written to ``tests/artifacts/timings.json``.
"""

from __future__ import annotations

import re
import time

import pytest
from browser_support import (
    SAMPLE,
    SECOND,
    TIMINGS,
    UPLOAD,
    fill_in,
    open_page,
    record,
    screenshot,
    scroll_to,
    settled,
)
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
    for index, (country, short, authority) in enumerate(
        [
            ("the Republic of Sundara", "Sundara", "Ministry of Overseas Employment"),
            ("the Kingdom of Valdoria", "Valdoria", "Ministry of Labour"),
        ]
    ):
        fill_in(page, page.get_by_role("textbox", name="Country name, as written in the text").nth(index), country)
        fill_in(page, page.get_by_role("textbox", name="Short name (optional)").nth(index), short)
        fill_in(page, page.get_by_role("textbox", name="Competent authority").nth(index), authority)
    page.get_by_role("button", name="2. Protections →").click()
    page.get_by_role("heading", name="Protections").wait_for()
    expander = page.locator('[data-testid="stExpander"]', has_text="No recruitment fees").first
    expander.locator("summary").click()
    expander.get_by_text("Preview of the article text").wait_for()
    # the alternatives side by side, each with what it gives up; one is chosen from there
    expander.get_by_text("Compare the wordings side by side").click()
    expander.get_by_text("What it gives up").first.wait_for()
    assert expander.get_by_text("What it gives up").count() >= 3
    expander.get_by_role("button", name="Use this wording").first.click()
    expander.get_by_text("This is the wording in your draft.").wait_for()
    expander.scroll_into_view_if_needed()
    screenshot(page, "draft")
    # another clause, then leaving the protection out: the panel stays open and the reason box in view
    expander.get_by_text("(baseline)").first.click()
    expander.get_by_text("Chosen:").filter(has_text="baseline").wait_for()
    expander.get_by_text("Leave this protection out (give the reason)").click()
    reason = expander.get_by_role("textbox", name="Reason for leaving it out")
    reason.wait_for()
    assert reason.is_visible()
    reason.fill("Covered by the 2019 fair recruitment protocol")
    reason.press("Tab")
    page.locator('[data-testid="stSidebar"]').get_by_text("1 left out").first.wait_for()
    assert reason.is_visible()
    page.get_by_role("button", name="3. Check and download →").first.click()
    table = page.locator('[data-testid="stTable"]')
    table.wait_for()
    assert "no_worker_fees" not in table.inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the draft (Word)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "sundara-valdoria-agreement.docx" and path.read_bytes()[:2] == b"PK"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the draft (PDF)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "sundara-valdoria-agreement.pdf" and path.read_bytes()[:4] == b"%PDF"
    with page.expect_download(timeout=120_000) as info:  # the kit reads the whole draft back
        page.get_by_role("button", name="Implementation tracker (Excel)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "sundara-valdoria-agreement.implementation_tracker.xlsx" and path.read_bytes()[:2] == b"PK"


def test_compare_two_uploads(page, server):
    """Two different agreements: set side by side, never read as weakenings (versions: test_app_compare_browser)."""
    open_page(page, server, "compare", "Compare agreements")
    page.locator(UPLOAD).set_input_files([str(SAMPLE), str(SECOND)])
    page.get_by_text("Two different agreements, not versions of one text").wait_for()
    page.get_by_role("heading", name="Download").wait_for()
    assert page.get_by_role("heading", name="What changed between the two").count() == 0
    assert not re.search(r"weaken|strengthen", page.locator("body").inner_text(), re.IGNORECASE)
    scroll_to(page.get_by_text("Compared 2 agreements"))  # the verdict, then the matrix
    page.wait_for_timeout(1500)  # the tables draw on a canvas once in view
    screenshot(page, "compare")
    with page.expect_download() as info:
        page.get_by_role("button", name="Matrix (Word)").click()
    assert info.value.suggested_filename.endswith(".matrix.docx")


def test_learn_exercise(page, server):
    from blma import api

    open_page(page, server, "learn", "Learn the protections")
    screenshot(page, "learn")
    page.get_by_role("tab", name="Exercise").click()
    count = page.get_by_role("spinbutton", name="Protections in the exercise")
    count.fill("4")
    count.press("Enter")
    exercise = api.exercise(api.samples()[0], 4)  # the sample the page opens on
    assert {i.expected for i in exercise.items} == {"present", "partial", "missing", "contrary"}
    # every item marked as the key says but the first, which is marked one status off
    for number, item in enumerate(exercise.items):
        group = page.locator('[data-testid="stRadio"]', has_text=item.title)
        group.wait_for()
        wrong = next(s for s in ("present", "partial", "missing", "contrary") if s != item.expected)
        group.get_by_text(wrong if number == 0 else item.expected, exact=False).first.click()
        settled(page)
    # once the reruns the answers started are over: during one, the old and the new button are
    # both on the page (a strict-mode violation seen once in CI)
    settled(page)
    page.get_by_role("button", name="Reveal the answer").click()
    page.get_by_text("Your score", exact=True).wait_for()
    page.locator('[data-testid="stMetricValue"]', has_text="3 of 4").first.wait_for()
    for status in ("Present", "Partial", "Missing", "Contrary"):
        page.get_by_text(f"{status} in the key", exact=True).wait_for()
    page.get_by_text("What each wrong answer should have been, and why").wait_for()
    page.get_by_text(f"{exercise.items[0].title}: you said").wait_for()
    page.locator('[data-testid="stTable"]').first.wait_for()
    scroll_to(page.get_by_text("What each wrong answer should have been, and why"))
    screenshot(page, "learn-exercise")


def test_draft_in_french(page, server, tmp_path):
    open_page(page, server, "draft", "Draft an agreement or MoU")
    names = [("la République de Sundara", "Sundara", "le ministère de l'Emploi à l'étranger"),
             ("le Royaume de Valdoria", "le Valdoria", "le ministère du Travail")]  # fmt: skip
    for index, (country, short, authority) in enumerate(names):
        fill_in(page, page.get_by_role("textbox", name="Country name, as written in the text").nth(index), country)
        fill_in(page, page.get_by_role("textbox", name="Short name (optional)").nth(index), short)
        fill_in(page, page.get_by_role("textbox", name="Competent authority").nth(index), authority)
    page.get_by_text("French (français)").click()
    page.get_by_role("button", name="2. Protections →").click()
    page.get_by_role("heading", name="Protections").wait_for()
    page.get_by_role("button", name="3. Check and download →").first.click()
    page.locator('[data-testid="stTable"]').wait_for()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the draft (Markdown)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "sundara-le-valdoria-agreement-fr.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Accord entre le Gouvernement de la République de Sundara et le Gouvernement du Royaume")
    assert "### Article 1 — Objet et champ d'application" in text
