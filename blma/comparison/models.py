"""The comparison result: pydantic models that are also the JSON contract of ``blma compare``.

``Comparison.contract_dict()`` gives the JSON object with the contract's fields first
(``files``, ``matrix``, ``scores``, ``versions``, ``alignment``, ``unmatched``, ``changes``);
the richer fields (per-cell evidence, counts, word differences, the text of unmatched
articles) follow for the app and the renderers.
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
    """One matrix column's header: the file, a short title for the column, and its score.

    ``short_title`` is the parties and the year ("Sundara–Valdoria 2024"), made unique among
    the columns; ``title`` is the agreement's full title, shown on hover or in a key.
    """

    file: str
    title: str = ""
    short_title: str = ""
    parties: list[str] = Field(default_factory=list)
    year: str = ""
    instrument: str = ""
    title_kind: str = Field("", description="What the title calls it when neither agreement nor MoU")
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


class Relation(BaseModel):
    """Whether two texts are versions of one agreement, and the evidence (see :mod:`blma.comparison.versions`)."""

    versions: bool
    kept_share: float = Field(
        description="Share of the two texts' words kept word for word in corresponding articles, 0-1"
    )
    threshold: float = Field(description="The share versions keep at least")
    unnamed_parties: list[str] = Field(
        default_factory=list, description="Parties one text names that the other never mentions"
    )

    def summary(self) -> str:
        """One sentence for the reader: the verdict and its reason."""
        same = f"{self.kept_share:.0%} of the wording is the same, word for word, in corresponding articles"
        bar = f"versions share at least {self.threshold:.0%}"
        if self.versions:
            return f"Versions of one text: {same} ({bar}), and both name the same parties."
        reasons = []
        if self.kept_share < self.threshold:
            reasons.append(f"only {same} ({bar})")
        if self.unnamed_parties:
            reasons.append(f"the parties differ ({', '.join(self.unnamed_parties)} named in one text only)")
        return f"Two different agreements, not versions of one text: {'; '.join(reasons)}."


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
        """True when words or punctuation differ (a change of spacing alone is not shown)."""
        return any(o.op != "equal" and o.text.strip() for o in self.ops)

    def words(self, op: Op) -> list[str]:
        return [w for o in self.ops if o.op == op for w in o.text.split()]

    def stretches(self, op: Op) -> str:
        """The removed (or added) stretches as written, " … " between two that text separates."""
        return " … ".join(" ".join(o.text.split()) for o in self.ops if o.op == op and o.text.strip())


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


class ComparisonData(BaseModel):
    """Everything ``blma compare`` reports (:class:`blma.comparison.result.Comparison` adds the exports).

    For two files, ``relation`` says whether they are versions of one text. The article
    alignment is filled for any two files; the word ``differences``, the status ``changes``
    and the text of unmatched articles only for versions (between two different agreements a
    status that differs is a difference, not a weakening: the matrix shows it side by side).
    For more than two files every version field is empty.
    """

    files: list[str]
    matrix: Matrix
    identical: bool = False
    relation: Relation | None = None
    alignment: list[ArticlePair] = Field(default_factory=list)
    unmatched: Unmatched = Field(default_factory=Unmatched)
    #: the text of each unmatched article by key: removed ones (``a``) and new ones (``b``)
    unmatched_text: dict[str, dict[str, str]] = Field(default_factory=lambda: {"a": {}, "b": {}})
    differences: list[ArticleDiff] = Field(default_factory=list)
    changes: list[StatusChange] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    #: the inputs (texts, reports, DOCX bytes) the DOCX export needs; never serialised
    _sources: list[Any] = PrivateAttr(default_factory=list)

    @property
    def is_pair(self) -> bool:
        return len(self.files) == 2

    @property
    def versions(self) -> bool:
        """True only for two files that are versions of one text."""
        return self.is_pair and self.relation is not None and self.relation.versions

    @property
    def is_version_pair(self) -> bool:
        """Two versions of one text: what changed is read as weakenings and strengthenings."""
        return self.versions

    def contract_dict(self) -> dict:
        """The JSON object of the CLI contract: the contract's fields first, then the rest."""
        data: dict[str, Any] = {
            "files": list(self.files),
            "matrix": {row.id: [c.status for c in row.cells] for row in self.matrix.rows},
            "scores": [a.score for a in self.matrix.agreements],
            "versions": self.versions,
        }
        if self.is_pair:
            data["alignment"] = [p.model_dump(mode="json") for p in self.alignment]
            data["unmatched"] = self.unmatched.model_dump(mode="json")
            data["changes"] = [c.model_dump(mode="json", by_alias=True) for c in self.changes]
            data["identical"] = self.identical
            data["differences"] = [
                {
                    "a": d.a,
                    "b": d.b,
                    "deleted": d.stretches("delete"),
                    "inserted": d.stretches("insert"),
                    "ops": [o.model_dump(mode="json") for o in d.ops if o.op != "equal"],
                }
                for d in self.differences
                if d.changed
            ]
            data["unmatched_text"] = {side: dict(texts) for side, texts in self.unmatched_text.items()}
        data["counts"] = [a.counts for a in self.matrix.agreements]
        data["evidence"] = {row.id: [c.locations for c in row.cells] for row in self.matrix.rows}
        data["warnings"] = list(self.warnings)
        return data
