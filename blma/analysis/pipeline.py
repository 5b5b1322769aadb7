"""Building the spaCy pipeline named in ``rules/pipeline.yaml`` (blank English, offline)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from blma.analysis import components  # noqa: F401  (registers the blma_* factories)
from blma.analysis.rules import RULES_DIR
from blma.errors import DataError
from blma.yamlio import load_yaml

#: Abbreviations that end in a full stop but do not end a sentence in treaty text.
ABBREVIATIONS = (
    "Art.",
    "Arts.",
    "art.",
    "No.",
    "Nos.",
    "no.",
    "para.",
    "Para.",
    "paras.",
    "e.g.",
    "i.e.",
    "etc.",
    "cf.",
    "Sec.",
    "sec.",
    "Mr.",
    "Ms.",
    "Dr.",
    "vol.",
    "p.",
    "pp.",
    "Rev.",
    "St.",
)


def pipeline_names(rules_dir: Path = RULES_DIR) -> list[str]:
    data = load_yaml((rules_dir / "pipeline.yaml").read_text(encoding="utf-8"))
    names = data.get("components") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise DataError("pipeline.yaml: expected 'components:' as a list of component names")
    return names


@cache
def build_pipeline(rules_dir: Path = RULES_DIR) -> Language:
    """The analysis pipeline for one rules folder, built once per process from what pip installs."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    for name in pipeline_names(rules_dir):
        if name == "sentencizer":
            nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "。"]})
        else:
            nlp.add_pipe(name, config={"rules_dir": str(rules_dir)})
    return nlp
