"""Building the spaCy pipeline named in ``rules/pipeline.yaml`` (a blank language, offline)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from blma.analysis import components  # noqa: F401  (registers the blma_* factories)
from blma.analysis.rules import RULES_DIR
from blma.analysis.spacy_import import spacy
from blma.errors import DataError
from blma.yamlio import load_yaml

Language = spacy.language.Language
ORTH = spacy.symbols.ORTH

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
#: The same for the other languages the analysis reads.
LANGUAGE_ABBREVIATIONS = {
    "fr": ("Art.", "art.", "al.", "Al.", "n°", "N°", "no.", "par.", "M.", "MM.", "Mme", "cf.", "p.", "etc.", "ex."),
    "es": ("Art.", "art.", "núm.", "Núm.", "No.", "no.", "Sr.", "Sra.", "Sres.", "cf.", "p.", "pág.", "etc.", "ej."),
}


def pipeline_names(rules_dir: Path = RULES_DIR) -> list[str]:
    data = load_yaml((rules_dir / "pipeline.yaml").read_text(encoding="utf-8"))
    names = data.get("components") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise DataError("pipeline.yaml: expected 'components:' as a list of component names")
    return names


@cache
def build_pipeline(rules_dir: Path = RULES_DIR, language: str = "en") -> Language:
    """The analysis pipeline for one rules folder and language, built once per process from what
    pip installs: spaCy's blank tokenizer for the language, the sentencizer and our components."""
    nlp = spacy.blank(language)
    for abbreviation in LANGUAGE_ABBREVIATIONS.get(language, ABBREVIATIONS):
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    for name in pipeline_names(rules_dir):
        if name == "sentencizer":
            nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "。"]})
        elif language == "en":
            nlp.add_pipe(name, config={"rules_dir": str(rules_dir)})
        else:
            nlp.add_pipe(name, config={"rules_dir": str(rules_dir), "language": language})
    return nlp
