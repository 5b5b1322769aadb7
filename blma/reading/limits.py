"""The limits on one input document, from ``limits.yaml``: one place for every number the reader
enforces, so the README, ``blma analyze --help`` and the code cannot drift apart."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from blma.errors import DataError
from blma.resources import package_path
from blma.yamlio import load_yaml

LIMITS_FILE = package_path("reading/limits.yaml")
MB = 1024 * 1024


class ReadingLimits(BaseModel):
    """See ``limits.yaml`` for what each limit means and why it is set where it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file_mb: int = Field(gt=0)
    package_mb: int = Field(gt=0)
    xml_part_mb: int = Field(gt=0)
    xml_tags: int = Field(gt=0)
    package_parts: int = Field(gt=0)
    bomb_ratio: int = Field(gt=1)
    xml_depth: int = Field(gt=8, le=256)  # the XML parser refuses deeper documents whatever this says
    table_nesting: int = Field(ge=1)
    paragraphs: int = Field(gt=0)
    document_chars: int = Field(gt=0)
    paragraph_chars: int = Field(ge=200)
    symbol_run: int = Field(ge=4)
    pdf_pages: int = Field(gt=0)
    numbering_levels: int = Field(ge=1, le=9)
    numbering_start: int = Field(ge=1)
    label_chars: int = Field(ge=8)

    @property
    def file_bytes(self) -> int:
        return self.file_mb * MB

    @property
    def package_bytes(self) -> int:
        return self.package_mb * MB

    @property
    def xml_part_bytes(self) -> int:
        return self.xml_part_mb * MB

    def summary(self) -> str:
        """One line for ``--help``."""
        return (
            f"Limits per document: {self.file_mb} MB file, {self.package_mb} MB unpacked DOCX, "
            f"{self.paragraphs:,} paragraphs, {self.document_chars:,} characters, tables nested "
            f"{self.table_nesting} deep, {self.pdf_pages:,} PDF pages; paragraphs over "
            f"{self.paragraph_chars:,} characters are split for analysis."
        )


@cache
def limits() -> ReadingLimits:
    try:
        return ReadingLimits.model_validate(load_yaml(LIMITS_FILE.read_text(encoding="utf-8")))
    except (OSError, ValidationError) as exc:
        raise DataError(f"{LIMITS_FILE.name}: {exc}") from None
