"""Where blma's data lives, the same answer in a source checkout and in an installed wheel.

Two kinds of data:

- files inside the package (detection rules, lexicon, arbiter model, confidence table, language
  and keyword lists): read in place with :func:`package_path`;
- the folders people edit at the top of the repository (``clauses/``, ``templates/``,
  ``sample_agreements/``): the build copies them into the wheel as ``blma/data/<folder>``
  (``setup.py``), so an installed package reads its copy, while a checkout (the editable install)
  reads the folders themselves and sees every edit at once.

``$BLMA_CLAUSES_DIR`` and ``$BLMA_TEMPLATES_DIR`` point the tool at other copies (to try edits).
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path

from blma.errors import DataError

#: Folder of the package that holds the build's copies of the editable folders.
BUNDLED = "data"


def package_path(relative: str) -> Path:
    """A file or folder inside the package, given as ``"analysis/rules"``."""
    return _package_root().joinpath(*relative.split("/"))


def clauses_dir() -> Path:
    """The clause library and rubric: ``$BLMA_CLAUSES_DIR``, the wheel's copy or the checkout's ``clauses/``."""
    return _editable_folder("clauses", "BLMA_CLAUSES_DIR")


def templates_dir() -> Path:
    """The layout templates: ``$BLMA_TEMPLATES_DIR``, the wheel's copy or the checkout's ``templates/``."""
    return _editable_folder("templates", "BLMA_TEMPLATES_DIR")


def samples_dir() -> Path:
    """The sample agreements and their answer keys: the wheel's copy or the checkout's folder."""
    return _editable_folder("sample_agreements")


def source_checkout() -> Path:
    """The repository around the package: only development tools (corpus, test data) look here.

    In an installed wheel this is ``site-packages``, where none of that data exists.
    """
    return _package_root().parent


def _editable_folder(name: str, env: str | None = None) -> Path:
    if env and (override := os.environ.get(env)):
        return Path(override)
    bundled = package_path(f"{BUNDLED}/{name}")
    return bundled if bundled.is_dir() else source_checkout() / name


@cache
def _package_root() -> Path:
    root = files("blma")
    if not isinstance(root, Path):  # e.g. imported from a zip: the readers need real files
        raise DataError(
            f"blma is installed where its data files cannot be read ({root}); install it unzipped"
        )
    return root.resolve()
