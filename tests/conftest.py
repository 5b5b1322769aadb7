"""Shared fixtures. Keep this file small: fixtures used by one test module live in it."""

from __future__ import annotations

import os
import shutil

import pytest

#: Markers of tests that need a system program; under CI (CI=true) they must run, not skip.
SYSTEM_PROGRAM_MARKERS = ("needs_libreoffice", "needs_chromium")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Under CI a skipped LibreOffice or Chromium test is a failure: CI installs both."""
    outcome = yield
    report = outcome.get_result()
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    if in_ci and report.skipped and any(item.get_closest_marker(m) for m in SYSTEM_PROGRAM_MARKERS):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where system programs must be installed: {report.longrepr}"


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path of LibreOffice's `soffice`; the test is skipped, with the reason, when it is absent."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip(
            "LibreOffice is not installed (no `soffice` on PATH): apt-get install -y "
            "--no-install-recommends libreoffice-writer-nogui"
        )
    return path


@pytest.fixture
def draft_spec() -> dict:
    """A minimal draft specification: two parties and a sector. Tests add what they need."""
    return {
        "parties": {
            "origin": {
                "country": "the Republic of Sundara",
                "short_name": "Sundara",
                "authority": "Ministry of Overseas Employment",
            },
            "destination": {
                "country": "the Kingdom of Valdoria",
                "short_name": "Valdoria",
                "authority": "Ministry of Labour and Social Affairs",
            },
        },
        "sectors": ["general"],
    }
