"""`blma analyze --jobs`: a batch shared among worker processes gives the same report, in the
order given, with one line per bad file; a terminal sees a progress bar; `blma --help` starts
without the analysis, drafting or Word libraries."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_agreements"
BATCH = [
    SAMPLES / "ostland_sundara_care_mou.docx",
    SAMPLES / "kestria_tenebria_domestic.docx",  # tracked changes: a warning line
    SAMPLES / "azuria_sundara_seasonal.docx",
    SAMPLES / "kestria_marovia_seasonal_mou.docx",  # not binding: a warning line
    SAMPLES / "pelora_azuria_nurses.docx",
]


def blma(*args: object, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "blma", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, **options,
    )


def corrupt_batch(folder: Path) -> list[Path]:
    """The batch with a corrupt Word file third: the files around it must still be analysed."""
    bad = folder / "corrupt.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip archive")
    return [*BATCH[:2], bad, *BATCH[2:]]


def test_two_workers_write_the_same_report_and_messages_as_one_process(tmp_path):
    paths = corrupt_batch(tmp_path)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    alone = blma("analyze", *paths, "-o", one)
    shared = blma("analyze", *paths, "--jobs", "2", "-o", two)

    assert alone.returncode == shared.returncode == 2  # a bad file: exit 2 at the end
    assert one.read_bytes() == two.read_bytes()
    assert shared.stderr == alone.stderr
    errors = [line for line in shared.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {paths[2]}: ") and "corrupt" in errors[0]
    assert "Traceback" not in shared.stderr
    reports = json.loads(two.read_text(encoding="utf-8"))
    assert [r["file"] for r in reports] == [str(p) for p in paths if p != paths[2]]
    assert all(len(r["protections"]) == 34 for r in reports)
    assert shared.stdout == f"wrote {two}: 5 agreement(s) analysed\n"


def test_two_workers_stream_the_same_json_to_stdout(tmp_path):
    paths = corrupt_batch(tmp_path)
    alone = blma("analyze", *paths)
    shared = blma("analyze", *paths, "-j", "2")
    assert shared.returncode == alone.returncode == 2
    assert shared.stdout == alone.stdout
    assert [r["file"] for r in json.loads(shared.stdout)] == [str(p) for p in paths if p != paths[2]]


def test_every_cpu_is_used_with_jobs_0_and_a_negative_count_is_refused(tmp_path):
    out = tmp_path / "gaps.json"
    result = blma("analyze", *BATCH[:2], "--jobs", "0", "-o", out)
    assert result.returncode == 0, result.stderr
    assert [r["file"] for r in json.loads(out.read_text())] == [str(p) for p in BATCH[:2]]
    refused = blma("analyze", BATCH[0], "--jobs", "-1", "-o", tmp_path / "never.json")
    assert refused.returncode == 2
    assert "--jobs" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "never.json").exists()


def test_a_terminal_sees_a_progress_bar_that_leaves_only_the_messages(tmp_path):
    """stderr on a pseudo-terminal, as in an interactive shell: the bar counts the files and is
    erased at the end; the error and warning lines stay."""
    paths = corrupt_batch(tmp_path)[:3]
    out = tmp_path / "gaps.json"
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-m", "blma", "analyze", *map(str, paths), "--jobs", "2", "-o", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=terminal, env=env,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    stdout, _ = process.communicate(timeout=300)
    text = shown.decode("utf-8", "replace")
    assert process.returncode == 2
    assert "analysing" in text and "3/3" in text  # the bar, counting files
    assert f"error: {paths[2]}: " in text
    assert "tracked changes" in text  # the second file's warning
    assert stdout.decode() == f"wrote {out}: 2 agreement(s) analysed\n"
    assert [r["file"] for r in json.loads(out.read_text())] == [str(p) for p in paths[:2]]


def test_help_imports_neither_analysis_nor_drafting_nor_word_libraries():
    code = (
        "import sys\n"
        "sys.argv = ['blma', '--help']\n"
        "from blma.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('spacy', 'jinja2', 'docx', 'openpyxl', 'lxml', 'rapidfuzz', 'blma.analysis', 'blma.drafting')\n"
        "print('LOADED', sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "analyze" in result.stdout and "draft" in result.stdout  # the help itself was printed
    assert result.stdout.splitlines()[-1] == "LOADED []"


def test_the_api_names_load_on_first_use():
    """`from blma.api import X` keeps working for the names the app and scripts use, while
    importing the module alone loads none of the work's packages."""
    code = (
        "import sys\n"
        "import blma.api as api\n"
        "print('BEFORE', 'spacy' in sys.modules or 'docx' in sys.modules or 'jinja2' in sys.modules)\n"
        "from blma.api import GapReport, DocumentErrors, Draft, KIT_FILES, MAX_UPLOAD_MB, read_path\n"
        "print('NAMES', GapReport.__name__, DocumentErrors.__name__, Draft.__name__, sorted(KIT_FILES)[0],\n"
        "      MAX_UPLOAD_MB, read_path.__module__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    before, names = result.stdout.splitlines()
    assert before == "BEFORE False"
    assert names == "NAMES GapReport DocumentErrors Draft implementation_tracker.csv 25 blma.reading"
