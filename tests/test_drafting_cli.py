"""`blma draft` as a user runs it: outputs, exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from docx import Document

from blma.cli import main
from blma.library import default_library
from blma.library.loader import default_root
from blma.outputs import write_atomic


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run the console entry point in-process; return (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["blma", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


@pytest.fixture
def spec_file(tmp_path, draft_spec):
    def write(spec: dict | None = None, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(spec or draft_spec), encoding="utf-8")
        return path

    return write


def test_markdown_goes_to_stdout_without_o(monkeypatch, capsys, spec_file):
    code, out, err = run(monkeypatch, capsys, "draft", str(spec_file()))
    assert code == 0, err
    assert out.startswith("# Agreement between the Government of the Republic of Sundara")
    assert "### Article 1 — Purpose and Scope" in out


def test_docx_is_written_with_o_and_a_summary_is_printed(monkeypatch, capsys, spec_file, tmp_path):
    target = tmp_path / "draft.docx"
    code, out, err = run(monkeypatch, capsys, "draft", str(spec_file()), "-o", str(target))
    assert code == 0, err
    document = Document(io.BytesIO(target.read_bytes()))
    assert document.paragraphs[0].style.name == "Title"
    assert out.startswith(f"wrote {target}: ") and "secures" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_format_follows_the_suffix_or_the_option(monkeypatch, capsys, spec_file, tmp_path):
    spec = str(spec_file())
    run(monkeypatch, capsys, "draft", spec, "-o", str(tmp_path / "draft.md"))
    assert (tmp_path / "draft.md").read_text(encoding="utf-8").startswith("# Agreement")
    run(monkeypatch, capsys, "draft", spec, "-o", str(tmp_path / "draft.bin"), "--format", "docx")
    assert (tmp_path / "draft.bin").read_bytes()[:2] == b"PK"


def test_docx_needs_an_output_file(monkeypatch, capsys, spec_file):
    code, out, err = run(monkeypatch, capsys, "draft", str(spec_file()), "--format", "docx")
    assert code == 2
    assert out == "" and "-o" in err


def test_init_writes_a_starter_spec_that_drafts_as_is(monkeypatch, capsys, tmp_path):
    code, starter, _ = run(monkeypatch, capsys, "draft", "--init")
    assert code == 0 and starter.startswith("#")
    path = tmp_path / "spec.yaml"
    path.write_text(starter, encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "draft", str(path), "-o", str(tmp_path / "draft.docx"))
    assert code == 0, err
    assert (tmp_path / "draft.docx").exists()


def test_coverage_lists_omissions_with_their_reason(monkeypatch, capsys, spec_file, draft_spec):
    draft_spec["protections"] = {"employer_change": {"clause": "omit", "reason": "Left to a protocol"}}
    code, out, _ = run(monkeypatch, capsys, "draft", str(spec_file(draft_spec)), "--coverage")
    assert code == 0
    line = next(row for row in out.splitlines() if row.startswith("employer_change"))
    assert "omitted" in line and "Left to a protocol" in line
    assert "core protections omitted: employer_change" in out
    assert "# Agreement" not in out


def _library_choice(predicate) -> tuple[str, str]:
    clause = next(c for c in default_library().clauses.values() if c.kind == "protection" and predicate(c))
    return clause.protections[0], clause.id


@pytest.mark.parametrize(
    ("protections", "extra", "expected"),
    [
        ({"employer_change": "employer_change.nonexistent"}, {}, "protections.employer_change.clause: unknown clause id"),
        ({"free_lunch": {"clause": "omit", "reason": "x"}}, {}, "protections.free_lunch: unknown protection id"),
        ("style", {"style": "mou"}, "not written for style 'mou'"),
        ("sector", {}, "written for sector"),
        ("wrong protection", {}, "does not secure"),
        ({"joint_committee": {"values": {"frequency": "2"}}}, {}, "protections.joint_committee.values.frequency"),
        ({"employer_change": {"clause": "omit"}}, {}, "protections.employer_change: an omitted protection needs"),
    ],
)
def test_bad_choices_exit_2_with_one_line_and_write_nothing(
    monkeypatch, capsys, spec_file, draft_spec, tmp_path, protections, extra, expected
):
    if protections == "style":
        pid, cid = _library_choice(lambda c: c.styles == ["agreement"])
        protections = {pid: cid}
    elif protections == "sector":
        pid, cid = _library_choice(lambda c: c.sectors == ["domestic_work"])
        protections = {pid: cid}
    elif protections == "wrong protection":
        protections = {"employer_change": default_library().recommended("access_to_justice", None, None).id}
    draft_spec.update(protections=protections, **extra)
    target = tmp_path / "draft.docx"
    code, out, err = run(monkeypatch, capsys, "draft", str(spec_file(draft_spec)), "-o", str(target))
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: {tmp_path / 'spec.yaml'}: ") and err.count("\n") == 1
    assert expected in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "spec.yaml"]


def test_unreadable_specs_exit_2_and_leave_an_existing_output_alone(monkeypatch, capsys, tmp_path):
    target = tmp_path / "draft.docx"
    target.write_bytes(b"previous draft")
    broken = tmp_path / "broken.yaml"
    broken.write_text("parties: [unclosed\n", encoding="utf-8")
    for spec, expected in ((tmp_path / "missing.yaml", "cannot be read"), (broken, "cannot be read as YAML")):
        code, out, err = run(monkeypatch, capsys, "draft", str(spec), "-o", str(target))
        assert code == 2 and out == ""
        assert err.startswith(f"error: {spec}: ") and expected in err
    assert target.read_bytes() == b"previous draft"


@pytest.fixture
def library_with_required_variable(tmp_path, monkeypatch):
    """The shipped library plus a clause whose variable has no default, served as the default library."""
    root = tmp_path / "clauses"
    shutil.copytree(default_root(), root)
    path = root / "protections" / "transparency.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["clauses"].append({
        "id": "transparency.test_register", "title": "Test", "kind": "protection",
        "protections": ["transparency"], "strength": "baseline", "sectors": ["all"],
        "styles": ["agreement", "mou"], "note": "For tests.",
        "text": "The {{ parties }} {{ shall }} publish a register at {{ register_url }}.",
        "variables": {"register_url": {"description": "Web address", "example": "x.org"}},
        "sources": [{"instrument": "Test", "provision": "Art. 1"}],
    })
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("BLMA_CLAUSES_DIR", str(root))
    default_library.cache_clear()
    yield
    default_library.cache_clear()


def test_a_missing_required_variable_names_it(
    monkeypatch, capsys, spec_file, draft_spec, tmp_path, library_with_required_variable
):
    draft_spec["protections"] = {"transparency": "transparency.test_register"}
    code, _, err = run(monkeypatch, capsys, "draft", str(spec_file(draft_spec)), "-o", str(tmp_path / "d.docx"))
    assert code == 2
    assert "protections.transparency.values.register_url" in err and "needs a value" in err
    assert not (tmp_path / "d.docx").exists()


def test_a_failed_write_leaves_no_file_and_no_temporary(monkeypatch, tmp_path):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(tmp_path / "draft.docx", b"content")
    assert list(tmp_path.iterdir()) == []


def test_the_installed_command_runs(spec_file, tmp_path):
    blma = Path(sys.executable).with_name("blma")
    if not blma.exists():
        pytest.skip(f"the console script is not installed beside {sys.executable}")
    ok = subprocess.run([blma, "draft", spec_file(), "-o", tmp_path / "d.docx"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([blma, "draft", tmp_path / "none.yaml"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr


def test_a_draft_never_replaces_its_spec_and_a_bad_output_is_refused_first(monkeypatch, capsys, spec_file, tmp_path):
    spec = spec_file()
    before = spec.read_bytes()
    (tmp_path / "link.yaml").symlink_to(spec)
    for target in (spec, tmp_path / "link.yaml"):
        code, out, err = run(monkeypatch, capsys, "draft", str(spec), "-o", str(target), "--format", "md")
        assert code == 2 and out == ""
        assert err == f"error: {target}: would replace the input {spec}; write the output to another file\n"
    assert spec.read_bytes() == before
    spec.write_text("parties: [unclosed\n", encoding="utf-8")  # the output is checked before the spec is read
    code, _, err = run(monkeypatch, capsys, "draft", str(spec), "-o", str(tmp_path / "no" / "d.docx"))
    assert code == 2 and err == f"error: {tmp_path / 'no' / 'd.docx'}: the folder {tmp_path / 'no'} does not exist; nothing written\n"


def test_long_official_names_draft_to_docx_from_the_command_line(monkeypatch, capsys, spec_file, draft_spec, tmp_path):
    draft_spec["parties"]["origin"] = {
        "country": "the Federal Democratic Republic of Ethiopia", "authority": "Ministry of Labour and Skills"
    }
    draft_spec["parties"]["destination"] = {
        "country": "the United Kingdom of Great Britain and Northern Ireland", "authority": "Home Office"
    }
    draft_spec["sectors"] = ["domestic_work", "health_care", "construction"]
    target = tmp_path / "draft.docx"
    code, out, err = run(monkeypatch, capsys, "draft", str(spec_file(draft_spec)), "-o", str(target))
    assert code == 0, err
    assert out.startswith(f"wrote {target}: ")
    properties = Document(io.BytesIO(target.read_bytes())).core_properties
    assert properties.title.startswith("Agreement between the Government of the Federal Democratic Republic")
    assert len(properties.title) <= 255 and properties.author == "BLMA workbench"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("parties: " + "[" * 50_000 + "]" * 50_000 + "\n", "line 1: nested more than 20 levels deep"),
        ("parties:\n  origin: {country: a\n", "cannot be read as YAML: line 3, column 1"),
        ('parties:\n  origin: {country: "a\\x07", authority: b}\n  destination: {country: c, authority: d}\n',
         "parties.origin.country: contains the control character U+0007"),
    ],
)
def test_hostile_specs_are_one_line_on_the_command_line(monkeypatch, capsys, tmp_path, text, expected):
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "draft", str(spec), "-o", str(tmp_path / "d.docx"))
    assert code == 2 and out == ""
    assert err.startswith(f"error: {spec}: ") and err.count("\n") == 1 and expected in err
    assert not (tmp_path / "d.docx").exists()
