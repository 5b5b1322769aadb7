"""Shared fixtures. Keep this file small: fixtures used by one test module live in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: Markers of tests that need a system program; under CI (CI=true) they must run, not skip.
SYSTEM_PROGRAM_MARKERS = ("needs_libreoffice", "needs_chromium")


#: The longest test files, longest first (wall seconds in a fresh clone's run on two busy cores,
#: 2026-12-06). `make test` hands files to its two workers in collection order
#: (--no-loadscope-reorder); xdist's own order (most tests first) left the one-test session test
#: for last, and one worker ran it alone for the final 100 s of a run. Longest first keeps both
#: workers busy to the end.
LONGEST_FIRST = (
    "e2e/test_app_sessions.py",  # 124 s
    "test_precheck.py",  # 119 s
    "test_arbiter.py",  # 87 s
    "e2e/test_app_browser.py",  # 76 s
    "test_rule_redos.py",  # 74 s
    "e2e/test_app_review_browser.py",  # 50 s
    "test_fuzz.py",  # 31 s
    "e2e/test_app_compare_browser.py",  # 19 s
    "test_analyze_jobs.py",  # 17 s
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The files of LONGEST_FIRST first, in its order; the rest after them as collected."""
    tests = Path(__file__).parent
    if missing := [name for name in LONGEST_FIRST if not (tests / name).is_file()]:
        raise pytest.UsageError(f"tests/conftest.py LONGEST_FIRST names files that do not exist: {missing}")
    rank = {str(tests / name): n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(str(item.path), len(rank)))


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


# -- gap analysis: bad inputs and the CLI (tests/test_bad_inputs.py, test_analyze_cli.py) ---
import importlib.util  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _load_script(name: str):
    """Import a script of ``scripts/`` (not a package) by its path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bad_input_builders():
    """``scripts/make_bad_inputs.py``: one builder per hostile or broken input."""
    return _load_script("make_bad_inputs")


@pytest.fixture(scope="session")
def bad_inputs(bad_input_builders, tmp_path_factory) -> dict[str, Path]:
    """Every small bad input, built once per session in a temporary folder."""
    return bad_input_builders.build_all(tmp_path_factory.mktemp("bad_inputs"))


@pytest.fixture
def blma_cli():
    """Run ``blma ARGS...`` in-process as a user would; returns click's Result (stdout, stderr,
    exit_code). The analyzer loads once per session thanks to ``default_analyzer``'s cache."""
    from typer.testing import CliRunner

    import blma.cli  # noqa: F401  (registers every command on the shared app)
    from blma.cli.common import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


# -- the app (tests/test_app_*.py, tests/e2e/) ------------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's Chromium for Playwright; the test is skipped, with the reason, when absent."""
    if not CHROMIUM.exists():
        pytest.skip(
            "Chromium is not installed (no /usr/bin/chromium): apt-get update && "
            "DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver "
            "(never `playwright install`)"
        )
    return str(CHROMIUM)


@pytest.fixture
def app_page():
    """Open the Streamlit app headless (``AppTest``) on a page: ``app_page("blma_app/views/review.py")``.

    The analyzer is cached per process (``st.cache_resource``), so only the first test pays for it.
    """
    from streamlit.testing.v1 import AppTest

    def open_page(page: str | None = None):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        if page is not None:
            at.switch_page(page)
            at.run()
        return at

    return open_page



# -- comparison and redline (tests/test_compare*.py, tests/test_redline*.py) ------------------
@pytest.fixture(scope="session")
def version_pair(tmp_path_factory) -> tuple:
    """Two versions of sundara_valdoria_domestic as DOCX files, made by scripts/make_version_pair.py:
    version 2 softens the employer-change article (11) and drops social security (9), so
    Articles 10-27 become 9-26."""
    import sys
    from pathlib import Path

    scripts = Path(__file__).resolve().parent.parent / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        from make_version_pair import version_pair as build
    finally:
        sys.path.remove(str(scripts))
    first, second = build()
    folder = tmp_path_factory.mktemp("versions")
    (folder / "v1.docx").write_bytes(first)
    (folder / "v2.docx").write_bytes(second)
    return folder / "v1.docx", folder / "v2.docx"
