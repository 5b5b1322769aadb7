"""Browser-test fixtures: the app's server (one per test module), a headless Chromium, fresh tabs.

Every tab fails its test if the page calls an outside host; a failing test leaves a screenshot
and the page's text in ``tests/artifacts/``. Helpers and paths are in ``browser_support.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import ARTIFACTS, LAUNCH_ARGS, app_server, watched_tab  # tests/e2e/ is on sys.path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    try:
        with app_server() as url:
            yield url
    except RuntimeError as exc:
        pytest.fail(str(exc))


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
    tab, outside = watched_tab(context)
    yield tab
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:  # what the user would have seen, for the CI log
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}.png"))
        (ARTIFACTS / f"failed-{request.node.name}.txt").write_text(tab.locator("body").inner_text())
    context.close()
    assert not outside, f"the app called outside hosts: {outside[:5]}"
