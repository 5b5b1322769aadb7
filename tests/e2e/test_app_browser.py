"""The app in a real browser: headless Chromium drives `streamlit run app.py` over its websocket.

Each test waits for the app's own content (Streamlit renders after page load). Screenshots
go to ``tests/artifacts/screenshots/``; ``BLMA_SCREENSHOTS=docs/screenshots`` writes the
documentation copies instead. Timings are printed and written to ``tests/artifacts/timings.json``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from long_agreement import long_agreement_docx  # tests/e2e/ is on sys.path (no __init__.py)

pytestmark = pytest.mark.needs_chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SHOTS = Path(os.environ.get("BLMA_SCREENSHOTS") or ARTIFACTS / "screenshots")
if not SHOTS.is_absolute():
    SHOTS = ROOT / SHOTS
SAMPLE = ROOT / "sample_agreements" / "nuvaria_valdoria_general.docx"
SECOND = ROOT / "sample_agreements" / "pelora_azuria_nurses.docx"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
UPLOAD = '[data-testid="stFileUploader"] input[type=file]'
TIMINGS: dict[str, float] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`streamlit run app.py` from the project root on a free local port; stopped by its PID."""
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "streamlit.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.read().decode() == "ok":
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start; see {log}")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, request):
    """A fresh browser tab (a fresh Streamlit session); every request must stay on the local server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    tab = context.new_page()
    outside: list[str] = []

    def watch(request) -> None:
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and urlparse(request.url).hostname != "127.0.0.1":
            outside.append(request.url)

    tab.on("request", watch)
    tab.set_default_timeout(60_000)
    yield tab
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:  # what the user would have seen, for the CI log
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}.png"))
        (ARTIFACTS / f"failed-{request.node.name}.txt").write_text(tab.locator("body").inner_text())
    context.close()
    assert not outside, f"the app called outside hosts: {outside[:5]}"


def open_page(page, server: str, path: str, heading: str) -> None:
    page.goto(f"{server}/{path}")
    page.get_by_role("heading", name=heading).wait_for()


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.mouse.move(5, 5)  # no hover toolbars over the content
    page.wait_for_timeout(400)  # let charts and fonts settle
    page.screenshot(path=str(path))
    return path


def scroll_to(locator) -> None:
    """Bring an element to the top of the view (Streamlit scrolls its own container)."""
    locator.first.evaluate("el => el.scrollIntoView({block: 'start'})")


def record(name: str, seconds: float) -> None:
    TIMINGS[name] = round(seconds, 2)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "timings.json").write_text(json.dumps(TIMINGS, indent=2) + "\n")
    print(f"{name}: {seconds:.2f} s")


def test_review_an_uploaded_docx_and_download_the_gap_report(page, server, tmp_path):
    # first visit to a fresh server, straight to a deep link: the app's own navigation must run
    open_page(page, server, "review", "Review an agreement")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Home", exact=True).wait_for()
    started = time.monotonic()
    page.locator(UPLOAD).set_input_files(str(SAMPLE))
    page.get_by_role("heading", name="All protections").wait_for()
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
    page.get_by_role("heading", name="All protections").wait_for(timeout=120_000)
    record("review_40_pages_summary_s", time.monotonic() - started)
    page.get_by_role("button", name="Annotated agreement (Word)").wait_for()  # all four exports built
    record("review_40_pages_with_downloads_s", time.monotonic() - started)

    started = time.monotonic()
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Learn", exact=True).click()
    page.get_by_role("heading", name="Learn the protections").wait_for()
    record("page_switch_review_to_learn_s", time.monotonic() - started)

    started = time.monotonic()
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Review", exact=True).click()
    page.get_by_role("heading", name="All protections").wait_for()
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
