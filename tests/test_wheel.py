"""The package as a user installs it: build the sdist and wheel, install the wheel into a fresh
venv outside the checkout, and draft, analyse and compare from another folder.

The wheel goes in with ``--no-deps``; the venv reaches the dependencies through a ``.pth`` file
naming this interpreter's site-packages (installing them again would download about 760 MB). A
``.pth`` entry is a plain path entry: the ``.pth`` files inside it, among them the editable
install's finder, are not run, so ``blma`` can only come from the wheel, which the first test
checks. Building needs setuptools from PyPI (build isolation), as in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

# One build per run: `make test` hands out tests by file (pytest-xdist --dist loadfile), so this
# module's tests share one worker; two builds in one source tree at once collide in its sdist
# folder. (xdist_group marks are not honoured with pytest 9.2 and xdist 3.8.0.)
pytestmark = pytest.mark.wheel

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_agreements" / "ostland_sundara_care_mou.docx"
#: Variables that would point the installed package back at the checkout.
CHECKOUT_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "BLMA_CLAUSES_DIR", "BLMA_TEMPLATES_DIR")


@dataclass
class Installed:
    """A fresh venv holding the wheel, and a folder outside the checkout to work in."""

    venv: Path
    workdir: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a program of the venv (``blma``, ``python``) in the work folder; fail with its stderr."""
        env = {k: v for k, v in os.environ.items() if k not in CHECKOUT_VARIABLES}
        result = subprocess.run(
            [str(self.venv / "bin" / args[0]), *args[1:]],
            cwd=self.workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{' '.join(args)} exited {result.returncode}:\n{result.stderr}"
        return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],  # sdist, then wheel from it
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    [wheel] = dist.glob("blma-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    # pip runs from this environment but installs into the new venv, which cannot see blma yet.
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dependencies = "\n".join(dict.fromkeys(site.getsitepackages()))
    Path(purelib, "project_dependencies.pth").write_text(dependencies + "\n", encoding="utf-8")

    workdir = base / "elsewhere"
    workdir.mkdir()
    shutil.copy(SAMPLE, workdir)
    return Installed(venv, workdir)


@pytest.fixture(scope="module")
def drafted(installed) -> tuple[Installed, str]:
    """``blma draft --init > spec.yaml`` then ``blma draft spec.yaml -o draft.docx``, as the help says;
    with what the second command said."""
    spec = installed.run("blma", "draft", "--init").stdout
    (installed.workdir / "spec.yaml").write_text(spec, encoding="utf-8")
    written = installed.run("blma", "draft", "spec.yaml", "-o", "draft.docx")
    return installed, written.stdout + written.stderr


def test_the_package_and_its_data_come_from_the_wheel_not_the_checkout(installed):
    assert not installed.workdir.is_relative_to(REPO)
    code = (
        "import blma, blma.resources as r; "
        "print(blma.__file__, r.clauses_dir(), r.templates_dir(), r.samples_dir(), sep='\\n')"
    )
    paths = [Path(line) for line in installed.run("python", "-c", code).stdout.splitlines()]
    assert len(paths) == 4
    site_packages = paths[0].parents[1]
    assert site_packages.is_relative_to(installed.venv)
    for folder, name in zip(paths[1:], ("clauses", "templates", "sample_agreements"), strict=True):
        assert folder == site_packages / "blma" / "data" / name
    assert (paths[1] / "guidance.yaml").is_file()
    assert (paths[2] / "draft.md.j2").is_file()
    assert (paths[3] / SAMPLE.name).is_file()
    assert (paths[3] / SAMPLE.name).with_suffix(".labels.yaml").is_file()


def test_draft_from_the_starter_spec_names_both_parties(drafted):
    drafted, said = drafted
    assert "wrote draft.docx" in said and "secures 34 of 34 protections" in said
    spec = (drafted.workdir / "spec.yaml").read_text(encoding="utf-8")
    assert "Sundara" in spec and "Valdoria" in spec

    markdown = drafted.run("blma", "draft", "spec.yaml").stdout
    title = markdown.splitlines()[0]
    assert title.startswith("# Agreement between the Government of the Republic of Sundara")
    assert "the Kingdom of Valdoria" in title

    document = Document(str(drafted.workdir / "draft.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "the Republic of Sundara" in text and "the Kingdom of Valdoria" in text


def test_analyze_reports_all_34_protections_as_the_checkout_does(installed, blma_cli):
    [report] = json.loads(installed.run("blma", "analyze", SAMPLE.name).stdout)
    assert report["file"] == SAMPLE.name
    assert len(report["protections"]) == 34
    assert report["facts"]["parties"] == ["Ostland", "Sundara"]

    checkout = blma_cli("analyze", SAMPLE)
    assert checkout.exit_code == 0, checkout.stderr
    [expected] = json.loads(checkout.stdout)
    statuses = {p["id"]: p["status"] for p in report["protections"]}
    assert statuses == {p["id"]: p["status"] for p in expected["protections"]}


def test_compare_names_both_agreements(drafted):
    drafted, _ = drafted
    output = drafted.run("blma", "compare", "draft.docx", SAMPLE.name).stdout
    assert output.startswith("# Comparison of 2 agreements")
    assert "**1. draft.docx**: Agreement between the Government of the Republic of Sundara" in output
    assert f"**2. {SAMPLE.name}**" in output
    assert "Two different agreements, not versions of one text" in output  # a new draft and another MoU
