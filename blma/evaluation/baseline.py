"""The keyword-search baseline: the yardstick the analyzer must beat.

A reviewer with a word processor searches the agreement for a few words per protection
(``keywords.yaml``) and calls the protection present when any of them occurs. The search is
case-insensitive and whole-word; a space in a phrase matches any run of whitespace, and curly
apostrophes count as straight ones. It never answers "partial" or "contrary".
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from blma.errors import DataError
from blma.reading import read_path
from blma.resources import package_path
from blma.yamlio import load_yaml

KEYWORDS_FILE = package_path("evaluation/keywords.yaml")


def keywords_file(language: str) -> Path:
    """``keywords.yaml`` for English, ``keywords_<language>.yaml`` for another language."""
    return KEYWORDS_FILE if language == "en" else package_path(f"evaluation/keywords_{language}.yaml")


class KeywordFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keywords: dict[str, list[str]]

    @field_validator("keywords")
    @classmethod
    def _no_empty_lists(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        empty = [pid for pid, words in value.items() if not [w for w in words if w.strip()]]
        if empty:
            raise ValueError(f"no keyword for: {', '.join(empty)}")
        return value


def _straight(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def keyword_pattern(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive, whole-word pattern matching any of ``words``."""
    phrases = [r"\s+".join(map(re.escape, _straight(w).split())) for w in words if w.strip()]
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


def load_keywords(
    path: Path = KEYWORDS_FILE, protection_ids: list[str] | None = None
) -> dict[str, list[str]]:
    """The keyword lists; with ``protection_ids``, exactly those ids must be listed."""
    try:
        data = KeywordFile.model_validate(load_yaml(path.read_text(encoding="utf-8"))).keywords
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataError(f"{path}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    if protection_ids is not None:
        missing = [pid for pid in protection_ids if pid not in data]
        unknown = [pid for pid in data if pid not in protection_ids]
        if missing or unknown:
            raise DataError(
                f"{path}: keywords: missing {', '.join(missing) or 'none'}; unknown {', '.join(unknown) or 'none'}"
            )
    return data


class KeywordBaseline:
    """``predict(path)`` maps every protection to "present" (a keyword occurs) or "missing".

    ``others``: keyword lists for other languages; a document whose text is mostly in one of
    them is searched with that list (a French agreement with French words).
    """

    def __init__(self, keywords: dict[str, list[str]], others: dict[str, dict[str, list[str]]] | None = None) -> None:
        self.patterns = {pid: keyword_pattern(words) for pid, words in keywords.items()}
        self.by_language = {
            language: {pid: keyword_pattern(words) for pid, words in lists.items()}
            for language, lists in (others or {}).items()
        }

    def statuses(self, text: str, language: str = "en") -> dict[str, str]:
        text = _straight(text)
        patterns = self.by_language.get(language, self.patterns)
        return {pid: "present" if p.search(text) else "missing" for pid, p in patterns.items()}

    def predict(self, path: Path) -> dict[str, str]:
        doc = read_path(path)
        language = "en"
        if self.by_language:
            from blma.reading.language import profile

            language = profile([block.text for block in doc.blocks]).main or "en"
        return self.statuses(doc.full_text, language)
