"""Importing spaCy without its command line.

``import spacy`` runs ``from .cli.info import info``, which pulls in spaCy's whole CLI (typer,
weasel, httpx, requests): about an eighth of a second of a fresh ``blma analyze`` for code the
analysis never calls. :func:`import_spacy` imports spaCy with that one submodule stood in for,
then removes the stand-in, so a later ``import spacy.cli`` (or ``spacy.info()``) gets the real one.
The analysis imports spaCy from here: ``from blma.analysis.spacy_import import spacy``.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing the real CLI on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """``spacy``, imported without ``spacy.cli`` when nothing has imported either yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stubs: dict[str, types.ModuleType] = {}
    if "spacy.cli" not in sys.modules:
        cli = types.ModuleType("spacy.cli")
        cli.__path__ = []  # a package, so that "spacy.cli.info" resolves to the stand-in below
        info = types.ModuleType("spacy.cli.info")
        info.info = _info  # type: ignore[attr-defined]
        stubs = {"spacy.cli": cli, "spacy.cli.info": info}
        sys.modules.update(stubs)
    try:
        import spacy
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if stubs and getattr(spacy, "cli", None) is stubs["spacy.cli"]:
        del spacy.cli
    return spacy


spacy = import_spacy()
