"""One build step on top of pyproject.toml: copy the top-level data folders into the wheel.

``clauses/``, ``templates/`` and the sample agreements stay at the top of the repository, where
people edit them; a wheel carries copies as ``blma/data/<folder>``, which ``blma.resources``
reads. An editable install copies nothing: it reads the folders in the checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent

#: Each top-level folder the package reads, with the files of it that the wheel carries.
#: The sdist carries the same files (MANIFEST.in), so a wheel built from it gets them too.
BUNDLED_FOLDERS: dict[str, tuple[str, ...]] = {
    "clauses": ("**/*.yaml",),
    "templates": ("**/*.j2",),
    "sample_agreements": ("*.docx", "*.labels.yaml"),
}


class BuildPyWithData(build_py):
    """``build_py`` that also puts the bundled folders under ``blma/data/`` of the build."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        # Start clean, so a file deleted from the sources does not linger from an earlier build.
        shutil.rmtree(Path(self.build_lib, "blma", "data"), ignore_errors=True)
        for source, target in self._bundled_files():
            self.mkpath(str(target.parent))
            self.copy_file(str(source), str(target), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        bundled = [] if self.editable_mode else [str(target) for _, target in self._bundled_files()]
        return [*super().get_outputs(include_bytecode), *bundled]

    def _bundled_files(self) -> list[tuple[Path, Path]]:
        pairs = []
        for folder, patterns in BUNDLED_FOLDERS.items():
            root = HERE / folder
            sources = sorted({path for pattern in patterns for path in root.glob(pattern) if path.is_file()})
            # Hidden files are editors' and tools' scratch (swap files, caches), never data.
            sources = [
                path
                for path in sources
                if not any(part.startswith(".") for part in path.relative_to(root).parts)
            ]
            if not sources:  # a wheel without its clauses would install and then fail on first use
                raise FileNotFoundError(f"{root}: no {' or '.join(patterns)} files to put in the wheel")
            target = Path(self.build_lib, "blma", "data", folder)
            pairs += [(path, target / path.relative_to(root)) for path in sources]
        return pairs


setup(cmdclass={"build_py": BuildPyWithData})
