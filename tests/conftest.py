"""Shared fixtures. Keep this file small: fixtures used by one test module live in it."""

from __future__ import annotations

import shutil

import pytest


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
