"""Helpers for the browser tests (fixtures in ``conftest.py``): where things are, the app's
server, tabs that watch for outside calls, screenshots and timings."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

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
    # many tabs at once (tests/e2e/test_app_sessions.py): background tabs must not be slowed down
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
UPLOAD = '[data-testid="stFileUploader"] input[type=file]'
TIMINGS: dict[str, float] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
            return response.read().decode() == "ok"
    except OSError:
        return False


@contextmanager
def app_server(log_name: str = "streamlit.log") -> Iterator[str]:
    """`streamlit run app.py` from the project root on a free local port, with only the project's
    `.streamlit/config.toml` (127.0.0.1, no error details); stopped by its PID."""
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / log_name
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while not health(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start; see {log}")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def watched_tab(context) -> tuple[object, list[str]]:
    """A new tab in ``context`` and the list of outside addresses it requested (should stay empty)."""
    tab = context.new_page()
    outside: list[str] = []

    def watch(request) -> None:
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and urlparse(request.url).hostname != "127.0.0.1":
            outside.append(request.url)

    tab.on("request", watch)
    tab.set_default_timeout(60_000)
    return tab, outside


def open_page(page, server: str, path: str, heading: str) -> None:
    page.goto(f"{server}/{path}")
    page.get_by_role("heading", name=heading).wait_for()


def settled(page, timeout: float = 60_000) -> None:
    """Wait until the app has finished rerunning (Streamlit's "running" indicator is gone):
    a click made while the page is still being redrawn can land on an element about to close."""
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=timeout)


def fill_in(page, box, value: str) -> None:
    """Type into a text box and leave it, then wait for the rerun that commits the value: filling
    the next box while Streamlit still reruns for this one can lose it (a draft once came out named
    after the placeholder "country-of-origin")."""
    box.fill(value)
    box.press("Tab")
    settled(page)


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
