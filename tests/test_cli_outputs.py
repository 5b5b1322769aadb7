"""Every output the tool writes: atomically, with the mode a user expects, never over an input,
and a bad output path refused in one line before any work is done.

Also: the document properties of every kind of DOCX the tool writes.
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from blma import api
from blma.cli.common import JsonArray
from blma.docx_properties import AUTHOR, MAX_CHARS, property_text
from blma.outputs import OutputError, atomic_file, check_output, write_atomic

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_agreements"
SMALL = SAMPLES / "ostland_sundara_care_mou.docx"
OTHER = SAMPLES / "kestria_tenebria_domestic.docx"


def leftovers(folder: Path) -> list[str]:
    """Hidden temporary files a write left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _holds_a_report(folder: Path) -> bool:
    """A hidden temporary file with content: the report being streamed (an empty one may be the
    writability probe, which comes and goes before any work)."""
    for name in leftovers(folder):
        try:
            if (folder / name).stat().st_size:
                return True
        except FileNotFoundError:  # removed between listing and looking
            pass
    return False


# -- write_atomic: mode, durability, cleanup ---------------------------------------------------
@pytest.fixture
def umask():
    """Set the process umask for one test and restore it after."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o644)])
def test_a_written_file_has_mode_0644_less_the_umask(tmp_path, umask, mask, mode):
    umask(mask)
    target = tmp_path / "draft.md"
    write_atomic(target, b"text")
    assert target.stat().st_mode & 0o777 == mode
    assert target.read_bytes() == b"text"


def test_replacing_a_private_file_gives_the_ordinary_mode(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "gaps.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o644
    assert target.read_bytes() == b"new"


def test_the_data_reaches_the_disk_before_the_rename(tmp_path, monkeypatch):
    target = tmp_path / "report.docx"
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(target, b"content")
    kinds = [kind for kind, _ in events]
    assert kinds[:2] == ["fsync", "replace"]
    synced = Path(events[0][1])
    assert synced.parent == tmp_path and synced.name.startswith(".report.docx.") and synced.suffix == ".tmp"
    assert events[1] == ("replace", str(target))
    assert events[2:] == [("fsync", str(tmp_path))]  # the rename itself made durable


@pytest.mark.parametrize("failure", [ValueError("bad data"), KeyboardInterrupt(), SystemExit(143)])
def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, failure):
    target = tmp_path / "gaps.json"
    target.write_bytes(b"old report")
    with pytest.raises(type(failure)), atomic_file(target) as output:
        output.write(b"[\n  {half a report")
        assert leftovers(tmp_path)  # the temporary file exists while writing
        raise failure
    assert target.read_bytes() == b"old report"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failing_disk_is_one_clear_error_and_leaves_no_temporary(tmp_path, monkeypatch, step):
    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, step, full)
    target = tmp_path / "draft.docx"
    with pytest.raises(OutputError, match=r"draft\.docx: cannot be written \(no space left on device\); nothing written"):
        write_atomic(target, b"content")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_inside_a_stream_is_an_output_error(tmp_path, monkeypatch):
    target = tmp_path / "gaps.json"
    with pytest.raises(OutputError, match="no space left"), atomic_file(target) as output:
        output._handle = _FullDisk()  # what a full disk does to the next write
        output.write(b"more")
    assert list(tmp_path.iterdir()) == []


class _FullDisk(io.RawIOBase):
    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


# -- check_output: before any work ----------------------------------------------------------
@pytest.fixture
def read_only_folder(tmp_path) -> Path:
    """A folder this process cannot create files in. The superuser ignores permission bits,
    so as root it is /sys, which refuses new files to everyone."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    folder = Path("/sys")
    try:
        fd = os.open(folder / ".blma-probe", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except OSError:
        yield folder
        return
    os.close(fd)
    os.unlink(folder / ".blma-probe")
    pytest.skip("no read-only folder available to this process")


def test_an_output_naming_an_input_is_refused_by_path_symlink_and_hard_link(tmp_path):
    source = tmp_path / "a.docx"
    source.write_bytes(b"agreement")
    (tmp_path / "link.docx").symlink_to(source)
    os.link(source, tmp_path / "hard.docx")
    (tmp_path / "sub").mkdir()
    for output in (source, tmp_path / "link.docx", tmp_path / "hard.docx", tmp_path / "sub" / ".." / "a.docx"):
        with pytest.raises(OutputError, match=r"would replace the input .*a\.docx"):
            check_output(output, [source])
    assert check_output(tmp_path / "b.docx", [source]) == tmp_path / "b.docx"
    assert leftovers(tmp_path) == []  # the probe of the folder is removed


def test_an_input_given_relatively_is_recognised(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("spec.yaml").write_text("parties: {}\n")
    with pytest.raises(OutputError, match=r"would replace the input spec\.yaml"):
        check_output(tmp_path / "spec.yaml", ["spec.yaml"])


def test_unwritable_outputs_are_named(tmp_path, read_only_folder):
    (tmp_path / "file.txt").write_text("x")
    cases = {
        tmp_path / "missing" / "out.json": "the folder .*missing does not exist",
        tmp_path: "is a folder; give a file name",
        tmp_path / "file.txt" / "out.json": r"file\.txt is not a folder",
        read_only_folder / "out.json": "cannot write in .*permission denied|read-only",
    }
    for output, message in cases.items():
        with pytest.raises(OutputError, match=message):
            check_output(output)


# -- the commands: never over an input, a bad path refused before the work -------------------
@pytest.fixture
def no_work(monkeypatch):
    """Make the work of every command fail loudly, to prove a refusal came before it."""

    def forbidden(*args, **kwargs):
        raise AssertionError("the work started before the output path was checked")

    for name in ("analyze_paths", "compare", "annotate", "draft"):
        monkeypatch.setattr(api, name, forbidden)


@pytest.fixture
def inputs(tmp_path) -> dict[str, Path]:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    a.write_bytes(SMALL.read_bytes())
    b.write_bytes(OTHER.read_bytes())
    spec = tmp_path / "spec.yaml"
    spec.write_text(api.init_spec(), encoding="utf-8")
    (tmp_path / "link.docx").symlink_to(a)
    os.link(a, tmp_path / "hard.docx")
    return {"a": a, "b": b, "spec": spec, "link": tmp_path / "link.docx", "hard": tmp_path / "hard.docx"}


def _commands(paths: dict[str, Path], output: Path | str) -> list[list[str]]:
    a, b = str(paths["a"]), str(paths["b"])
    return [
        ["analyze", a, "-o", str(output)],
        ["redline", a, "-o", str(output)],
        ["compare", a, b, "-o", str(output)],
        ["compare", a, b, "--format", "md", "-o", str(output)],
        ["compare", a, b, "--format", "docx", "-o", str(output)],
    ]


@pytest.mark.parametrize("via", ["a", "link", "hard"])
def test_no_command_writes_over_its_input(blma_cli, inputs, no_work, via):
    before = inputs["a"].read_bytes()
    for args in _commands(inputs, inputs[via]):
        result = blma_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        assert result.stderr == (
            f"error: {inputs[via]}: would replace the input {inputs['a']}; write the output to another file\n"
        ), args
        assert inputs["a"].read_bytes() == before


def test_a_draft_is_never_written_over_its_spec(blma_cli, inputs, no_work):
    before = inputs["spec"].read_text(encoding="utf-8")
    for fmt in ("md", "docx"):
        result = blma_cli("draft", inputs["spec"], "--format", fmt, "-o", inputs["spec"])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"error: {inputs['spec']}: would replace the input")
    assert inputs["spec"].read_text(encoding="utf-8") == before


@pytest.mark.parametrize("problem", ["missing folder", "read-only folder", "a folder", "beside a file"])
def test_a_bad_output_path_is_one_line_and_exit_2_before_any_work(
    blma_cli, inputs, no_work, read_only_folder, tmp_path, problem
):
    output = {
        "missing folder": tmp_path / "missing" / "out.docx",
        "read-only folder": read_only_folder / "out.docx",
        "a folder": tmp_path,
        "beside a file": inputs["spec"] / "out.docx",
    }[problem]
    commands = [*_commands(inputs, output), ["draft", str(inputs["spec"]), "-o", str(output)]]
    for args in commands:
        result = blma_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {output}: "), (args, result.stderr)
        assert "Traceback" not in result.output
    assert leftovers(tmp_path) == []


def test_the_redline_default_output_is_checked_too(blma_cli, inputs, no_work):
    (inputs["a"].with_name("a.redline.docx")).mkdir()
    result = blma_cli("redline", inputs["a"])
    assert result.exit_code == 2
    assert result.stderr.endswith("a.redline.docx: is a folder; give a file name\n")


# -- batches ---------------------------------------------------------------------------------
def test_json_streamed_item_by_item_is_the_same_bytes_as_the_whole_list():
    items = [{"file": "a.docx", "n": [1, {"x": []}], "s": "é\n\"q\""}, {}, {"file": "b", "e": {}}]
    chunks: list[str] = []
    array = JsonArray(chunks.append)
    for item in items:
        array.add(item)
    array.close()
    assert "".join(chunks) == json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    assert len(chunks) == 4  # one write per item, and the closing bracket
    empty: list[str] = []
    JsonArray(empty.append).close()
    assert empty == []


def test_an_interrupted_batch_leaves_the_old_report_and_no_temporary(blma_cli, tmp_path, monkeypatch):
    report = api.analyze_path(SMALL)

    def one_then_interrupted(paths, analyzer=None, **options):
        yield report
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "analyze_paths", one_then_interrupted)
    out = tmp_path / "gaps.json"
    out.write_text("old report\n")
    result = blma_cli("analyze", SMALL, OTHER, "-o", out)
    assert result.exit_code == 130  # interrupted, as by Ctrl-C
    assert out.read_text() == "old report\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("jobs", [[], ["--jobs", "2"]], ids=["one process", "worker processes"])
def test_sigterm_during_a_batch_leaves_the_old_report_and_no_temporary(tmp_path, jobs):
    """A batch killed politely (SIGTERM, as by a job scheduler) ends like Ctrl-C: the report
    being streamed is abandoned, its temporary file removed, the old report kept."""
    out = tmp_path / "gaps.json"
    out.write_text("old report\n")
    # long enough that the batch is still running when the signal comes, however fast the workers
    command = [sys.executable, "-m", "blma", "analyze", *map(str, [SMALL, OTHER] * 60), *jobs, "-o", str(out)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _holds_a_report(tmp_path):  # the temporary file appears with the first report
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no report was streamed within 120 s"
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert out.read_text() == "old report\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_inside_the_json_serializer_still_ends_as_a_signal(tmp_path, monkeypatch, capsys, signum):
    """pydantic wraps what a serializer raises, the signal's exit too: the command still ends
    with the signal's code, no traceback, and the old report kept (seen once in CI, 2026-12-07)."""
    from pydantic import BaseModel, model_serializer

    import blma.cli

    class SignalledWhileDumped(BaseModel):
        @model_serializer
        def _dump(self) -> dict:
            os.kill(os.getpid(), signum)  # the handler runs here, inside pydantic
            return {}

    monkeypatch.setattr(api, "gap_report_json", lambda reports: [SignalledWhileDumped().model_dump()])
    monkeypatch.setattr(blma.cli, "_terminated_by", None)
    out = tmp_path / "gaps.json"
    out.write_text("old report\n")
    monkeypatch.setattr(sys, "argv", ["blma", "analyze", str(SMALL), "-o", str(out)])
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        with pytest.raises(SystemExit) as ended:
            blma.cli.main()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    assert ended.value.code == 128 + signum
    assert "Traceback" not in capsys.readouterr().err
    assert out.read_text() == "old report\n" and leftovers(tmp_path) == []


def _exit_on_sigterm(signum, frame):
    sys.exit(128 + signum)  # what the CLI's handler does


def test_a_sigterm_arriving_as_the_temporary_file_is_created_still_removes_it(tmp_path, monkeypatch):
    """The race the batch test above hits under load: the signal lands right after the file is
    created, before the writer has recorded it; it must wait until the writer owns the file."""
    import blma.outputs as outputs

    created = outputs._create_temp

    def create_then_signal(path):
        made = created(path)
        os.kill(os.getpid(), signal.SIGTERM)  # delivered at once, unless held
        return made

    monkeypatch.setattr(outputs, "_create_temp", create_then_signal)
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        out = tmp_path / "gaps.json"
        out.write_text("old report\n")
        with pytest.raises(SystemExit), atomic_file(out) as target:
            target.write(b"new")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert out.read_text() == "old report\n" and leftovers(tmp_path) == []


def test_signals_held_are_handled_when_the_block_ends():
    seen: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append("handled"))
    try:
        with api.signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            seen.append("block ends")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == ["block ends", "handled"]


# -- document properties of every DOCX -------------------------------------------------------
#: Real names whose draft title is longer than a document property may be.
LONG_NAMES = {
    "parties": {
        "origin": {"country": "the Federal Democratic Republic of Ethiopia", "authority": "Ministry of Labour"},
        "destination": {"country": "the United Kingdom of Great Britain and Northern Ireland", "authority": "Home Office"},
    },
    "sectors": ["domestic_work", "health_care", "construction"],
}


@pytest.fixture(scope="module")
def every_docx(tmp_path_factory) -> dict[str, bytes]:
    """One DOCX of each kind the tool writes, made the way the CLI makes them."""
    report = api.analyze_path(SMALL)
    return {
        "draft": api.draft(LONG_NAMES).to_docx(),
        "gap report": api.gap_report_docx([report]),
        "redline": api.annotate(SMALL).data,
        "tracked changes": api.compare([str(SMALL), str(SMALL)]).export("docx"),  # versions: two different
        # agreements get the matrix, not tracked changes
        "matrix": api.compare([str(SMALL), str(OTHER), str(SMALL)]).export("docx"),
    }


@pytest.mark.parametrize(
    ("kind", "title", "subject"),
    [
        ("draft", "Agreement between the Government of the Federal Democratic Republic of Ethiopia", "Model bilateral"),
        ("gap report", "Gap analysis report", f"Gap analysis report: {SMALL.name}"),
        ("redline", f"{SMALL.name}: gap analysis comments", "Gap analysis against the rubric"),
        ("tracked changes", f"Changes from {SMALL.name} to {SMALL.name}", "Version comparison"),
        ("matrix", "Protection matrix: 3 agreements", f"Comparison of {SMALL.name}, {OTHER.name}"),
    ],
)
def test_every_docx_says_what_it_is_and_who_made_it(every_docx, kind, title, subject):
    properties = docx.Document(io.BytesIO(every_docx[kind])).core_properties
    assert properties.title.startswith(title)
    assert properties.subject.startswith(subject)
    assert properties.author == properties.last_modified_by == AUTHOR
    assert properties.comments == ""
    assert 0 < len(properties.title) <= MAX_CHARS
    assert properties.modified is not None and properties.modified.year >= 2025
    assert "python-docx" not in properties.title + properties.subject + properties.author + properties.comments


def test_a_long_draft_title_is_clipped_on_a_word(every_docx):
    title = docx.Document(io.BytesIO(every_docx["draft"])).core_properties.title
    full = api.draft(LONG_NAMES).title
    assert len(full) > MAX_CHARS
    assert title.endswith("…") and len(title) <= MAX_CHARS
    kept = title.removesuffix("…")
    assert full.startswith(kept) and full[len(kept)] == " "  # cut between two words
    assert len(kept) > MAX_CHARS - 40


def test_property_text_is_one_clean_line():
    assert property_text("a\x07b\ud800c\n\t d") == "abc d"
    assert len(property_text("x" * 300)) == MAX_CHARS
