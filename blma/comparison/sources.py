"""One input of a comparison as it was read: what the matrix, the alignment and the tracked
DOCX export are built from (the export needs the first version's own DOCX bytes)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from blma.analysis.models import GapReport
from blma.reading.models import AgreementText


@dataclass
class Source:
    """One input as compared: its name as given, text, report and, for DOCX, its bytes."""

    name: str
    doc: AgreementText
    report: GapReport
    data: bytes | None = None

    @property
    def digest(self) -> str:
        basis = self.data if self.data is not None else self.doc.full_text.encode()
        return hashlib.sha256(basis).hexdigest()
