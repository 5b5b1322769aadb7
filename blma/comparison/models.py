"""The comparison result: pydantic models that are also the JSON contract of ``blma compare``.

``Comparison.contract_dict()`` gives the JSON object with the contract's fields first
(``files``, ``matrix``, ``scores``, ``alignment``, ``unmatched``, ``changes``); the richer
fields (per-cell evidence, counts, word differences) follow for the app and the renderers.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from blma.analysis.models import Status

Op = Literal["equal", "delete", "insert"]


class MatrixCell(BaseModel):
    """One protection in one agreement: its status and where the evidence sits."""

    status: Status
    locations: list[str] = Field(default_factory=list)

    def label(self) -> str:
        return f"{self.status} ({'; '.join(self.locations)})" if self.locations else self.status


class MatrixRow(BaseModel):
    id: str
    title: str
    group: str
    priority: str
    cells: list[MatrixCell]


class AgreementSummary(BaseModel):
    """One matrix column's header: the file and its score."""

    file: str
    title: str = ""
    instrument: str = ""
    score: float = Field(description="Share of core protections present (the analyzer's core_score)")
    counts: dict[str, int] = Field(default_factory=dict)


class Matrix(BaseModel):
    """Rows are the rubric's protections in rubric order, columns the agreements."""

    agreements: list[AgreementSummary]
    rows: list[MatrixRow]

    def groups(self) -> list[tuple[str, list[MatrixRow]]]:
        """Rows by group, worker protections first, each group in rubric order."""
        order = ["worker_protection", "governance"]
        order += sorted({r.group for r in self.rows} - set(order))
        return [
            (g, [r for r in self.rows if r.group == g]) for g in order if any(r.group == g for r in self.rows)
        ]


class ArticlePair(BaseModel):
    """Two articles, one per version, that deal with the same matters."""

    a: str
    b: str
    similarity: float = Field(description="Text similarity of the two articles, 0-1")
    a_heading: str = ""
    b_heading: str = ""
    shared_protections: list[str] = Field(default_factory=list)
    score: float = Field(0.0, description="The alignment score that chose this pair")


class Unmatched(BaseModel):
    a: list[str] = Field(default_factory=list)
    b: list[str] = Field(default_factory=list)


class WordOp(BaseModel):
    op: Op
    text: str


class ArticleDiff(BaseModel):
    """Word-level differences between two aligned articles (headings left out)."""

    a: str
    b: str
    ops: list[WordOp]

    @property
    def changed(self) -> bool:
        return any(o.op != "equal" for o in self.ops)

    def words(self, op: Op) -> list[str]:
        return [w for o in self.ops if o.op == op for w in o.text.split()]


class StatusChange(BaseModel):
    """A protection whose status differs between the versions."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    title: str = ""
    priority: str = ""
    from_: Status = Field(alias="from")
    to: Status
    direction: Literal["weakening", "strengthening"]
    severity: int = Field(
        description="Steps down (weakening) or up the scale contrary < missing < partial < present"
    )
    a_locations: list[str] = Field(default_factory=list)
    b_locations: list[str] = Field(default_factory=list)


class Comparison(BaseModel):
    """Everything ``blma compare`` reports; the version fields are empty for more than two files."""

    files: list[str]
    matrix: Matrix
    identical: bool = False
    alignment: list[ArticlePair] = Field(default_factory=list)
    unmatched: Unmatched = Field(default_factory=Unmatched)
    differences: list[ArticleDiff] = Field(default_factory=list)
    changes: list[StatusChange] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    #: the inputs (texts, reports, DOCX bytes) the DOCX export needs; never serialised
    _sources: list[Any] = PrivateAttr(default_factory=list)

    def export(self, fmt: str) -> bytes:
        """The comparison as ``md``, ``html``, ``json``, ``csv`` or ``docx`` bytes."""
        from blma.comparison.render import export

        return export(self, fmt)

    def save(self, path, fmt: str) -> None:
        """Write the export to ``path`` atomically (a failure leaves no half-written file)."""
        from blma.outputs import write_atomic

        write_atomic(path, self.export(fmt))

    @property
    def is_version_pair(self) -> bool:
        return len(self.files) == 2

    def contract_dict(self) -> dict:
        """The JSON object of the CLI contract: the contract's fields first, then the rest."""
        data: dict[str, Any] = {
            "files": list(self.files),
            "matrix": {row.id: [c.status for c in row.cells] for row in self.matrix.rows},
            "scores": [a.score for a in self.matrix.agreements],
        }
        if self.is_version_pair:
            data["alignment"] = [p.model_dump(mode="json") for p in self.alignment]
            data["unmatched"] = self.unmatched.model_dump(mode="json")
            data["changes"] = [c.model_dump(mode="json", by_alias=True) for c in self.changes]
            data["identical"] = self.identical
            data["differences"] = [
                {
                    "a": d.a,
                    "b": d.b,
                    "deleted": " ".join(d.words("delete")),
                    "inserted": " ".join(d.words("insert")),
                    "ops": [o.model_dump(mode="json") for o in d.ops if o.op != "equal"],
                }
                for d in self.differences
                if d.changed
            ]
        data["counts"] = [a.counts for a in self.matrix.agreements]
        data["evidence"] = {row.id: [c.locations for c in row.cells] for row in self.matrix.rows}
        data["warnings"] = list(self.warnings)
        return data
