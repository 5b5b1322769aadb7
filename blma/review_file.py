"""A reviewer's decisions as a file: saved from the app, reopened later or by a colleague.

The file is YAML (JSON, being a subset of YAML, is read too)::

    format: blma-review/1
    agreement:
      file: agreement.docx
      sha256: 3f5a...            # of the agreement's bytes exactly as uploaded
    decisions:
      employer_change:
        status: partial
        reason: Article 9 allows a change only with the employer's consent
        reviewer: A. Mensah
        time: '2026-12-03T10:15:00Z'

Only ``decisions`` is required, and in each decision its status, reason and reviewer; a file
written by hand may leave out the fingerprint and the times. The fingerprint lets a colleague
know that the decisions were made on the very same text: a file saved for other bytes is
refused unless the caller says to apply it anyway (:func:`check_agreement`).
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blma.analysis.models import STATUSES, GapReport, Status
from blma.errors import BlmaError, UnknownIdError
from blma.yamlio import load_yaml

FORMAT = "blma-review/1"
#: A review file holds at most 34 short decisions; anything this large is not one.
MAX_BYTES = 1_000_000


class ReviewFileError(BlmaError):
    """A review file that cannot be read or does not fit; the message names the file."""


class ReviewFileMismatch(ReviewFileError):
    """A review file saved for another agreement (its fingerprint differs)."""


class Decision(BaseModel):
    """A reviewer's status for one protection, and why, by whom and when."""

    model_config = ConfigDict(extra="forbid")

    status: Status
    reason: str = Field(min_length=1)
    reviewer: str = Field(min_length=1)
    time: datetime | None = Field(None, description="When the decision was recorded (UTC)")

    @field_validator("reason", "reviewer", mode="before")
    @classmethod
    def _stripped(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("time")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)

    @classmethod
    def now(cls, status: str, reason: str, reviewer: str) -> Decision:
        """A decision recorded at this second."""
        return cls(status=status, reason=reason, reviewer=reviewer, time=datetime.now(UTC).replace(microsecond=0))


class AgreementRef(BaseModel):
    """Which agreement the decisions were made on."""

    model_config = ConfigDict(extra="forbid")

    file: str = ""
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")

    @field_validator("sha256", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


class ReviewFile(BaseModel):
    """A review file's content: the agreement's fingerprint and the decisions by protection id."""

    model_config = ConfigDict(extra="forbid")

    format: str = FORMAT
    agreement: AgreementRef = Field(default_factory=AgreementRef)
    decisions: dict[str, Decision] = Field(default_factory=dict)

    def to_text(self) -> str:
        """The YAML text this module reads back unchanged."""
        data = self.model_dump(mode="json", exclude_none=True)
        for decision in data["decisions"].values():
            if "time" in decision:
                decision["time"] = decision["time"].replace("+00:00", "Z")
        header = (
            "# BLMA review file: a reviewer's decisions on one agreement.\n"
            "# Reopen it on the app's Review page with the same agreement, or pass it to\n"
            "# `blma analyze AGREEMENT --decisions FILE`.\n"
        )
        return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def agreement_fingerprint(data: bytes) -> str:
    """The SHA-256 of an agreement's bytes, as a review file records it."""
    return hashlib.sha256(data).hexdigest()


def new_review_file(name: str, data: bytes, decisions: Mapping[str, Decision]) -> ReviewFile:
    """A review file for the agreement ``name`` (its bytes ``data``)."""
    return ReviewFile(
        agreement=AgreementRef(file=name, sha256=agreement_fingerprint(data)),
        decisions=dict(sorted(decisions.items())),
    )


def read_review_file(source: bytes | str, name: str, known_ids: Iterable[str]) -> ReviewFile:
    """Parse and validate a review file; any problem is one ``ReviewFileError`` line naming ``name``.

    Anchors and aliases are refused before the YAML is built: a review file never needs them,
    and a few lines of them can expand into millions of nodes.
    """
    if isinstance(source, bytes):
        if len(source) > MAX_BYTES:
            raise ReviewFileError(f"{name}: too large for a review file ({len(source):,} bytes)")
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ReviewFileError(f"{name}: not a review file: not UTF-8 text") from None
    if len(source) > MAX_BYTES:
        raise ReviewFileError(f"{name}: too large for a review file ({len(source):,} characters)")
    data = _load(source, name)
    if data is None:
        raise ReviewFileError(f"{name}: the file is empty")
    if not isinstance(data, dict):
        raise ReviewFileError(f"{name}: not a review file: expected a mapping with 'decisions'")
    if data.get("format", FORMAT) != FORMAT:
        raise ReviewFileError(f"{name}: format '{data['format']}' is not one this version reads ({FORMAT})")
    known = list(known_ids)
    decisions = data.get("decisions")
    for pid in decisions if isinstance(decisions, dict) else ():
        if pid not in known:
            close = difflib.get_close_matches(str(pid), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else " (see `blma guidance`)"
            raise ReviewFileError(f"{name}: unknown protection id '{pid}'{hint}")
    try:
        return ReviewFile.model_validate(data)
    except ValidationError as exc:
        raise ReviewFileError(f"{name}: {_first_problem(exc)}") from None


def check_agreement(review: ReviewFile, data: bytes, name: str, review_name: str) -> None:
    """Raise ``ReviewFileMismatch`` when the review was saved for other bytes than ``data``."""
    saved = review.agreement.sha256
    actual = agreement_fingerprint(data)
    if saved is not None and saved != actual:
        was = f"'{review.agreement.file}'" if review.agreement.file else "another file"
        raise ReviewFileMismatch(
            f"{review_name}: it was saved for {was} (fingerprint {saved[:12]}), not for this copy of "
            f"'{name}' ({actual[:12]}); its decisions may not fit this text"
        )


def with_decisions(report: GapReport, decisions: Mapping[str, Decision], library=None) -> GapReport:
    """A copy of the report with each decision beside the tool's finding.

    A decision that makes a protection a gap (partial, missing, contrary) also gets the
    library's suggestions for that status, so the report and the redline can offer a clause
    even where the tool, finding the protection present, suggested none.
    """
    from blma.analysis.suggest import suggest
    from blma.library import default_library

    library = library or default_library()
    reviewed = report.model_copy(deep=True)
    for pid, decision in decisions.items():
        try:
            finding = reviewed.finding(pid)
        except KeyError:
            raise UnknownIdError(f"unknown protection id '{pid}'") from None
        finding.reviewer_status, finding.reviewer_reason = decision.status, decision.reason
        if decision.status != "present" and decision.status != finding.status:
            details = suggest(library, pid, decision.status, report.facts)
            finding.suggestion_details = details
            finding.suggestions = [s.clause_id for s in details]
    return reviewed


def _load(text: str, name: str) -> object:
    try:
        for token in yaml.scan(text):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                raise ReviewFileError(f"{name}: YAML anchors and aliases ('&', '*') are not allowed in a review file")
        return load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ReviewFileError(f"{name}: not YAML or JSON{where}: {problem}") from None
    except RecursionError:
        raise ReviewFileError(f"{name}: not a review file: nested too deeply") from None


def _first_problem(exc: ValidationError) -> str:
    """The first validation problem in words, with the field's path (``decisions.x.status``)."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "literal_error" and error["loc"][-1] == "status":
        problem = f"'{error['input']}' is not a status (use one of: {', '.join(STATUSES)})"
    elif error["type"] == "missing":
        problem = "is required"
    elif error["type"] == "extra_forbidden":
        problem = "is not a field of a review file (check the spelling)"
    elif error["type"] == "string_too_short":
        problem = "must not be empty"
    elif error["type"] == "string_pattern_mismatch":
        problem = "must be the 64 hexadecimal digits of a SHA-256"
    else:
        problem = error["msg"][0].lower() + error["msg"][1:]
    more = len(exc.errors()) - 1
    return f"{where}: {problem}" + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
