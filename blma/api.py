"""The one Python API that the CLI and the Streamlit app call.

Inputs and outputs are pydantic models or plain data; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel as _Model

from blma.errors import BlmaError, DocumentError, UnknownIdError
from blma.outputs import OutputError as OutputError
from blma.outputs import atomic_file as atomic_file
from blma.outputs import check_output as check_output
from blma.outputs import signals_held as signals_held
from blma.outputs import write_atomic
from blma.resources import samples_dir

if TYPE_CHECKING:
    from blma.analysis import Analyzer as Analyzer
    from blma.analysis import GapReport as GapReport
    from blma.comparison.compare import DocumentErrors as DocumentErrors
    from blma.comparison.compare import Input as Input
    from blma.comparison.models import WordOp as WordOp
    from blma.comparison.redline import Redline as Redline
    from blma.comparison.result import Comparison as Comparison
    from blma.drafting import Draft as Draft
    from blma.drafting import DraftSpec as DraftSpec
    from blma.drafting.coverage import Coverage as Coverage
    from blma.kit import Kit as Kit
    from blma.library import Clause as Clause
    from blma.library import Protection as Protection
    from blma.library.loader import Problem as Problem
    from blma.reading import AgreementText as AgreementText
    from blma.review_file import Decision as Decision
    from blma.review_file import ReviewFile as ReviewFile

#: The names this module offers from the packages that do the work, by module. Each is imported
#: on first use (``__getattr__``), so a command pays only for what it runs: ``blma --help`` and
#: ``blma library`` import neither spaCy nor python-docx. Functions below import what they call.
_LAZY_FROM = {
    "blma.analysis": ("Analyzer", "GapReport", "default_analyzer"),
    "blma.analysis.models": ("STATUSES",),
    "blma.comparison.compare": ("DocumentErrors", "Input"),
    "blma.comparison.models": ("WordOp",),
    "blma.comparison.result": ("Comparison",),
    "blma.comparison.redline": ("Redline",),
    "blma.drafting": ("Draft", "DraftSpec", "draft", "init_spec", "load_spec"),
    "blma.drafting.assemble": ("cross_references", "document_context", "final_terms", "split_paragraphs"),
    "blma.drafting.coverage": ("Coverage",),
    "blma.drafting.selection": ("fits_sectors",),
    "blma.kit": ("Kit", "kit_from_agreement", "kit_from_spec"),
    "blma.library": ("Clause", "Protection", "default_library"),
    "blma.library.loader": ("Problem", "read_library"),
    "blma.library.render": ("example_values", "render_clause"),
    "blma.reading": ("AgreementText", "read_bytes", "read_path"),
    "blma.reading.safety": ("MAX_FILE_BYTES", "check_size"),
    "blma.review_file": (
        "Decision",
        "ReviewFile",
        "ReviewFileError",
        "ReviewFileMismatch",
        "agreement_fingerprint",
        "check_agreement",
        "new_review_file",
        "with_decisions",
    ),
}
_LAZY = {name: (module, name) for module, names in _LAZY_FROM.items() for name in names}
_LAZY["KIT_FILES"] = ("blma.kit.writers", "FILES")


def __getattr__(name: str) -> object:
    if name == "MAX_UPLOAD_MB":  # read from limits.yaml, which the reading package loads
        from blma.reading.safety import MAX_FILE_BYTES

        value: object = MAX_FILE_BYTES // (1024 * 1024)
    elif name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(import_module(module), attribute)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups find it directly
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "MAX_UPLOAD_MB"})


def guidance() -> list[Protection]:
    """The protections of the rubric, in rubric order."""
    from blma.library import default_library

    return list(default_library().protections.values())


def clauses(
    protection: str | None = None, sector: str | None = None, style: str | None = None, language: str = "en"
) -> list[Clause]:
    """Library clauses filtered by protection, sector and style, with their titles and texts in
    ``language`` (en, fr or es); unknown ids are errors."""
    from blma.library import default_library

    library = default_library().in_language(language)
    if protection is None:
        return [c for c in library.clauses.values() if c.suits(sector, style)]
    return library.clauses_for(protection, sector, style)


def clause_summary(clause: Clause) -> dict:
    """The JSON shape of a clause in listings."""
    data = clause.model_dump(mode="json")
    data["variables"] = sorted(clause.variables)
    data["sources"] = [str(s) for s in clause.sources]
    return data


def check_library(root: Path | None = None) -> tuple[list[Problem], str]:
    """Every problem in a library folder, and a one-line summary when there are none.

    Besides the schema and cross-references, each clause is rendered with example values,
    so a template that would fail in a draft fails here first.
    """
    from blma.drafting.wording import check_wording, wording
    from blma.library.grammar import DRAFT_LANGUAGES
    from blma.library.loader import Problem, read_library
    from blma.library.remedies import check_remedies
    from blma.library.render import example_values, render_clause
    from blma.library.translations import translate_library

    library, problems = read_library(root)
    problems += check_remedies(library)
    if problems:
        return problems, ""
    for language in DRAFT_LANGUAGES:
        text_library, found = (library, []) if language == "en" else translate_library(library, language)
        found += check_wording(language)
        problems += found
        if found:
            continue
        examples = text_library.global_examples()
        for clause in text_library.clauses.values():
            for style in clause.styles:  # in French and Spanish the party words change with the style
                words = wording(language).style_words(style)  # what a draft gives it: no "shall" outside English
                try:
                    render_clause(clause, example_values(clause, examples) | words, language=language)
                except Exception as exc:  # report, keep checking the rest
                    file = library.clause_files[clause.id]
                    shown = file if language == "en" else f"translations/{language}/{file}"
                    problems.append(Problem(shown, f"{clause.id}.text", str(exc)))
    summary = (
        f"library sound: {len(library.protections)} protections, "
        f"{len(library.clauses)} clauses in {', '.join(DRAFT_LANGUAGES)} in {library.root}"
    )
    return problems, summary


# -- drafting: re-exported so the CLI and the app have one API to call -----------------------

# -- the Streamlit app (app.py, blma_app/): uploads in memory, reviewer decisions, samples ---
SAMPLES_DIR = samples_dir()

#: ``MAX_UPLOAD_MB``, the largest agreement the tool reads in MB (the app's uploader uses the same
#: limit), comes from ``limits.yaml`` on first use: see ``__getattr__``.


def check_upload(name: str, data: bytes) -> None:
    """Refuse an empty or oversized upload with the reader's own ``DocumentError`` message."""
    from blma.reading.safety import check_size

    check_size(name, data)


def analyze_document(doc: AgreementText, analyzer: Analyzer | None = None, language: str | None = None) -> GapReport:
    """The gap report of an agreement already read (``read_bytes``).

    ``language``: which authentic text of a bilingual agreement to analyse (default: the first
    supported language in the document); a text in no supported language is a ``DocumentError``.
    """
    from blma.analysis import default_analyzer

    return (analyzer or default_analyzer()).analyze(doc, language)


def analyze_bytes(name: str, data: bytes, analyzer: Analyzer | None = None, language: str | None = None) -> GapReport:
    """Read an agreement from memory and analyse it; nothing touches the disk.

    An unreadable, oversized or hostile file is a ``DocumentError`` naming the problem.
    """
    from blma.reading import read_bytes

    return analyze_document(read_bytes(name, data), analyzer, language)


def supported_languages() -> tuple[str, ...]:
    """The languages an agreement can be analysed in (ISO 639-1 codes, English first)."""
    from blma.analysis.rule_languages import supported_languages as supported

    return supported()


def language_name(code: str) -> str:
    """The English name of a language code ("es" -> "Spanish"), as reports name languages."""
    from blma.reading.language import language_name as name

    return name(code)


def analysable_instead(report: GapReport) -> list[str]:
    """The other languages of a bilingual agreement that could be analysed instead of the one
    ``report`` analysed (its other authentic texts in a supported language), the longest first."""
    supported = supported_languages()
    return [code for code in report.facts.other_languages if code in supported]


def with_reviewer_decisions(report: GapReport, decisions: Mapping[str, tuple[str, str]]) -> GapReport:
    """A copy of the report carrying the reviewer's status and reason beside each tool finding.

    ``decisions`` maps protection id to (status, reason); the tool's own status is kept.
    """
    from blma.analysis.models import STATUSES

    reviewed = report.model_copy(deep=True)
    for pid, (status, reason) in decisions.items():
        try:
            finding = reviewed.finding(pid)
        except KeyError:
            raise UnknownIdError(f"unknown protection id '{pid}'") from None
        if status not in STATUSES:
            raise BlmaError(f"{pid}: '{status}' is not a status (use one of: {', '.join(STATUSES)})")
        if not reason.strip():
            raise BlmaError(f"{pid}: a reviewer's decision needs a reason, which the report records")
        finding.reviewer_status, finding.reviewer_reason = status, reason.strip()  # type: ignore[assignment]
    return reviewed


class AnswerKeyEntry(_Model):
    """One protection's label in a sample's answer key (``*.labels.yaml``)."""

    status: str
    location: str | None = None
    trap: str | None = None
    note: str = ""


class Sample(_Model):
    """A bundled sample agreement and its answer key."""

    name: str
    title: str
    instrument: str = "agreement"
    sectors: list[str] = []
    path: Path
    labels_path: Path

    def data(self) -> bytes:
        return self.path.read_bytes()

    def answer_key(self) -> dict[str, AnswerKeyEntry]:
        data = yaml.safe_load(self.labels_path.read_text(encoding="utf-8"))
        return {pid: AnswerKeyEntry.model_validate(v) for pid, v in data["protections"].items()}


def samples(folder: Path | None = None) -> list[Sample]:
    """The sample agreements that have an answer key, by title."""
    found = []
    for labels in sorted((folder or SAMPLES_DIR).glob("*.labels.yaml")):
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        path = labels.parent / data["file"]
        if path.exists():
            found.append(
                Sample(
                    name=path.name,
                    title=data.get("title") or path.stem,
                    instrument=data.get("instrument", "agreement"),
                    sectors=data.get("sectors") or [],
                    path=path,
                    labels_path=labels,
                )
            )
    return sorted(found, key=lambda s: s.title)


def clause_choices(spec: DraftSpec, protection_id: str) -> tuple[Clause | None, list[Clause]]:
    """The clause a draft takes by default for a protection, and every clause the spec may choose.

    Mirrors ``blma.drafting.selection``: the default suits every sector of the draft, a
    choice any one of them; the options list the default first, then strongest first.
    """
    from blma.drafting.selection import fits_sectors
    from blma.library import default_library

    library = default_library()
    sector = spec.sectors[0] if len(spec.sectors) == 1 else None
    ranked = library.ranked_for(protection_id, sector, spec.style)
    default = next((c for c in ranked if fits_sectors(c, spec.sectors, every=True)), None)
    options = library.clauses_for(protection_id, None, spec.style)
    options = [c for c in options if fits_sectors(c, spec.sectors, every=False)]
    if default is not None:
        options = [default, *(c for c in options if c.id != default.id)]
    return default, options


def clause_preview(
    spec: DraftSpec, clause_id: str, values: Mapping[str, str] | None = None, current: Draft | None = None
) -> list[str]:
    """A clause's paragraphs as they would read in this draft.

    Cross-references take their numbers from ``current`` (the draft as it stands), else the
    library's example numbers. Raises ``TemplateError`` when a value breaks the template.
    """
    from blma.drafting.assemble import cross_references, document_context, final_terms, split_paragraphs
    from blma.drafting.wording import wording
    from blma.library import default_library
    from blma.library.render import example_values, render_clause

    w = wording(spec.language)
    library = default_library().in_language(spec.language)
    clause = library.clause(clause_id)
    context = example_values(clause, library.global_examples()) | document_context(spec, w) | final_terms(spec, w)
    if current is not None:
        numbers = {e.protection_id: e.article for e in current.coverage.secured if e.article}
        numbers |= {a.key: a.number for a in current.articles}
        context |= cross_references(numbers, current.annexes, w)
    return split_paragraphs(render_clause(clause, context, values, spec.language))


def clause_text(clause_id: str) -> list[str]:
    """A library clause's paragraphs filled with the library's example values (for reading)."""
    from blma.drafting.assemble import split_paragraphs
    from blma.library import default_library
    from blma.library.render import example_values, render_clause

    library = default_library()
    clause = library.clause(clause_id)
    return split_paragraphs(render_clause(clause, example_values(clause, library.global_examples())))


def chapter_titles() -> dict[str, str]:
    """The chapter titles of a draft, by the rubric's chapter ids, in drafting order."""
    from blma.drafting.wording import setting

    return dict(setting("chapter_titles"))


# -- gap analysis from files, and the gap reports (blma.reports) ------------------------------


def analyze_path(path: str | Path, analyzer: Analyzer | None = None, language: str | None = None) -> GapReport:
    """Read and analyse one file. The report's ``file``, and a ``DocumentError``'s path, is the
    path exactly as the user gave it (``Path`` would turn "./a.docx" into "a.docx")."""
    from blma.reading import read_path

    try:
        doc = read_path(path)
    except DocumentError as exc:
        raise DocumentError(str(path), exc.problem) from None
    report = analyze_document(doc, analyzer, language)
    report.file = str(path)
    return report


def analyze_paths(
    paths: list[str], analyzer: Analyzer | None = None, language: str | None = None, *, jobs: int = 1
) -> Iterator[GapReport | DocumentError]:
    """Each file's report, or its ``DocumentError``, in the order given and as soon as it is
    ready: one bad file in a batch does not cost the user the others.

    With ``jobs`` above 1 the files are shared among that many worker processes, each with its
    own default analyzer (so ``analyzer`` must be None); the order and the results are the same.
    """
    jobs = min(jobs, len(paths))
    if jobs > 1:
        if analyzer is not None:
            raise ValueError("an analyzer cannot be shared with worker processes; give jobs=1")
        from blma.batch import analyze_in_workers

        yield from analyze_in_workers(paths, jobs, language)
        return
    for path in paths:
        try:
            yield analyze_path(path, analyzer, language)
        except DocumentError as exc:
            yield exc


def gap_report_json(reports: list[GapReport]) -> list[dict]:
    """The JSON contract of ``blma analyze``: one object per file, all 34 protections each."""
    return [r.contract_dict() for r in reports]


def gap_report_markdown(reports: list[GapReport], analysed_on: date | None = None) -> str:
    """One Markdown report covering each agreement in turn."""
    from blma.reports import build_view, markdown_report

    return markdown_report([build_view(r, analysed_on) for r in reports])


def gap_report_docx(reports: list[GapReport], analysed_on: date | None = None) -> bytes:
    """One DOCX report with a section per agreement, as bytes (the app's download button)."""
    from blma.reports import build_view, docx_report

    return docx_report([build_view(r, analysed_on) for r in reports])


# -- comparison and redline (blma.comparison) -----------------------------------------------


def compare(paths_or_docs: list[Input]) -> Comparison:
    """Compare agreements given as paths, ``AgreementText`` or ``(name, bytes)`` uploads.

    Two inputs also get article alignment, word differences and status changes; bad inputs
    raise ``DocumentError`` (one) or ``DocumentErrors`` (several, each named).
    """
    from blma.comparison.compare import compare as run

    return run(paths_or_docs)


def annotate(
    source: bytes | str | Path,
    protections: list[str] | None = None,
    *,
    name: str | None = None,
    author: str = "BLMA review",
    review: ReviewFile | None = None,
    force: bool = False,
    review_name: str = "review file",
) -> Redline:
    """The redline of a DOCX (bytes or a path) with what was done; see :func:`redline`.

    With ``review`` (a review file for this agreement), the comments carry the reviewer's
    decisions and reasons; a file saved for other bytes is refused unless ``force``.
    """
    from blma.comparison.redline import redline as run
    from blma.library import default_library

    if protections:
        default_library().validate_protection_ids(protections)
    if isinstance(source, bytes):
        data, name = source, name or "agreement.docx"
    else:
        data, name = _agreement_bytes(Path(source)), name or str(source)
    report = None
    if review is not None:
        report = apply_review_file(analyze_bytes(name, data), review, data, force=force, review_name=review_name)
    return run(data, protections, name=name, author=author, report=report)


def _agreement_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except IsADirectoryError:
        raise DocumentError(str(path), "is a folder, not a file") from None
    except PermissionError:
        raise DocumentError(str(path), "permission denied") from None
    if not data:
        raise DocumentError(str(path), "the file is empty")
    return data


def review_report(
    path: str | Path, report: GapReport, review: ReviewFile, *, force: bool = False, review_name: str = "review file"
) -> GapReport:
    """``report`` (the analysis of the agreement at ``path``) with a review file's decisions applied."""
    return apply_review_file(report, review, _agreement_bytes(Path(path)), force=force, review_name=review_name)


def redline(docx_bytes: bytes, protections: list[str] | None = None) -> bytes:
    """The DOCX with a comment on each finding that needs attention and, for each missing,
    contrary or partial protection (or only ``protections``), suggested wording as a tracked change."""
    return annotate(docx_bytes, protections).data


def write_output(path: Path | str, data: bytes) -> None:
    """Write an export atomically: a failure never leaves a half-written file."""
    write_atomic(Path(path), data)


# ``check_output(output, inputs)`` refuses, before any work, an output that cannot be written or
# would replace an input; ``atomic_file(path)`` is a file written as results arrive (a batch's
# JSON) that replaces ``path`` only when complete; ``signals_held()`` defers Ctrl-C and SIGTERM
# while such a file is entered into an ``ExitStack``. All come from :mod:`blma.outputs`.


# -- the joint-committee kit (blma.kit) ------------------------------------------------------
SPEC_SUFFIXES = (".yaml", ".yml", ".json")


def kit(path: str | Path, analyzer: Analyzer | None = None) -> Kit:
    """The joint committee's kit for a draft specification (YAML/JSON) or an agreement (any format read)."""
    from blma.drafting import load_spec
    from blma.kit import kit_from_agreement, kit_from_spec
    from blma.reading import read_path

    path = Path(path)
    if path.suffix.lower() in SPEC_SUFFIXES:
        return kit_from_spec(load_spec(path), source=path.name, analyzer=analyzer)
    return kit_from_agreement(read_path(path), analyzer)


def kit_for_draft(spec: DraftSpec) -> Kit:
    """The kit for the instrument a specification drafts, built in memory (the Draft page)."""
    from blma.kit import kit_from_spec

    return kit_from_spec(spec, source="the draft on the Draft page")


def kit_for_upload(name: str, data: bytes) -> Kit:
    """The kit for an uploaded agreement, read in memory (the Review page)."""
    from blma.kit import kit_from_agreement
    from blma.reading import read_bytes

    return kit_from_agreement(read_bytes(name, data))


def kit_files(made: Kit) -> dict[str, bytes]:
    """The kit's files by name: the Word document, the tracker as XLSX and as CSV."""
    from blma.kit.writers import FILES

    return {name: make(made) for name, make in FILES.items()}


def check_kit_folder(folder: str | Path, inputs: list[str | Path]) -> Path:
    """Refuse, before any work, a kit folder that cannot be written or whose files would replace an input."""
    from blma.kit.writers import FILES

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder for the kit")
    if not folder.parent.is_dir():
        raise OutputError(f"{folder}: the folder {folder.parent} does not exist; nothing written")
    if folder.is_dir():
        for name in FILES:
            check_output(folder / name, inputs)
    else:
        check_output(folder, inputs)  # the folder is made beside: its parent must take a new entry
    return folder


def write_kit(made: Kit, folder: str | Path) -> list[Path]:
    """Write the kit's files into ``folder`` (made if needed), each atomically."""
    folder = Path(folder)
    folder.mkdir(exist_ok=True)
    written = []
    for name, data in kit_files(made).items():
        write_atomic(folder / name, data)
        written.append(folder / name)
    return written


# -- review files and reviewed exports (blma.review_file): the app's Review page and `--decisions` --


def read_review_file(source: str | Path | bytes, name: str | None = None) -> ReviewFile:
    """A review file (YAML or JSON) from a path or from bytes, validated against the rubric.

    Unknown protection ids, statuses and fields are a ``ReviewFileError`` naming the file.
    """
    from blma.library import default_library
    from blma.review_file import ReviewFileError
    from blma.review_file import read_review_file as parse_review_file

    if isinstance(source, bytes):
        return parse_review_file(source, name or "review file", default_library().protections)
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReviewFileError(f"{name or path}: no such file") from None
    except IsADirectoryError:
        raise ReviewFileError(f"{name or path}: is a folder, not a file") from None
    except PermissionError:
        raise ReviewFileError(f"{name or path}: permission denied") from None
    return parse_review_file(data, name or str(source), default_library().protections)


def review_file_text(review: ReviewFile) -> str:
    """The review file as YAML, in the format :func:`read_review_file` reads."""
    return review.to_text()


def apply_decisions(report: GapReport, decisions: Mapping[str, Decision]) -> GapReport:
    """The report with each reviewer's decision beside the tool's finding; a decision that makes a
    protection a gap brings the library's suggestions for it."""
    from blma.library import default_library
    from blma.review_file import with_decisions

    return with_decisions(report, decisions, default_library())


def apply_review_file(
    report: GapReport, review: ReviewFile, data: bytes | None = None, *, force: bool = False,
    review_name: str = "review file",
) -> GapReport:
    """Apply a review file to the report of the agreement whose bytes are ``data``.

    A file saved for other bytes raises ``ReviewFileMismatch`` unless ``force``.
    """
    from blma.review_file import check_agreement

    if data is not None and not force:
        check_agreement(review, data, report.file, review_name)
    return apply_decisions(report, review.decisions)


def annotate_reviewed(source: bytes, report: GapReport, *, name: str | None = None, author: str = "BLMA review") -> Redline:
    """The redline of ``source`` written from ``report`` (typically with reviewer decisions): the
    comments give each reviewer's status and reason, and only protections that are still
    missing, contrary or partial after the decisions get suggested wording."""
    from blma.comparison.redline import redline as run

    return run(source, name=name or report.file, author=author, report=report)


def suggestion_context(doc: AgreementText, report: GapReport) -> dict[str, str]:
    """The agreement's own words for suggested clauses: its parties (origin first), instrument
    ("Agreement" or "Memorandum of Understanding"), "shall" or "will", "Parties" or "Participants";
    what the text does not say becomes a visible placeholder. The redline uses the same."""
    from blma.comparison.suggestions import clause_context

    return clause_context(doc, report)


def suggested_wording(clause_id: str, context: Mapping[str, str]) -> list[str]:
    """A library clause's paragraphs as they would read in the agreement ``context`` describes,
    in the language of its values (``suggestion_context`` says which): the library's French or
    Spanish text for a French or Spanish agreement."""
    from blma.comparison.suggestions import context_language, render_suggestion
    from blma.library import default_library

    clause = default_library().in_language(context_language(context)).clause(clause_id)
    return render_suggestion(clause, dict(context))


def suggested_title(clause_id: str, context: Mapping[str, str]) -> str:
    """The title of the clause :func:`suggested_wording` quotes, in the same language."""
    from blma.comparison.suggestions import context_language
    from blma.library import default_library

    return default_library().in_language(context_language(context)).clause(clause_id).title


# -- the app's Draft and Learn pages: strength of a draft, alternatives, PDF, exercises ------
if TYPE_CHECKING:
    from blma.drafting.alternatives import Alternative
    from blma.drafting.strength import StrengthMeter
    from blma.training import Exercise, ExerciseScore


def coverage_strength(made: Draft, priority: str | None = None) -> StrengthMeter:
    """How strongly the draft secures its protections (or those of one priority): each
    secured protection weighs by its clause's strength (``blma.drafting.strength``)."""
    from blma.drafting.strength import strength_meter

    return strength_meter(made.coverage, priority)


def clause_alternatives(spec: DraftSpec, protection_id: str) -> list[Alternative]:
    """The clauses a draft may take for a protection, side by side: what each gives up
    against the strongest option (``blma.drafting.alternatives``)."""
    from blma.drafting.alternatives import compare_alternatives

    default, options = clause_choices(spec, protection_id)
    titles = {p.id: p.title for p in guidance()}
    return compare_alternatives(protection_id, options, default, titles)


def pdf_unavailable() -> str | None:
    """Why this machine cannot make PDFs (no LibreOffice), in one sentence; None when it can."""
    from blma.pdf import unavailable

    return unavailable()


def docx_to_pdf(data: bytes, name: str = "document.docx") -> bytes:
    """A DOCX as PDF through LibreOffice; a ``BlmaError`` in words when it cannot."""
    from blma.pdf import docx_to_pdf as convert

    return convert(data, name)


def exercise(sample: Sample, count: int | None = None, doc: AgreementText | None = None) -> Exercise:
    """A trainee's exercise on a sample: ``count`` protections of its answer key (all when None),
    each with the agreement's words where the key places it (``blma.training``)."""
    from blma.reading import read_bytes as read
    from blma.training import build_exercise

    doc = doc or read(sample.name, sample.data())
    titles = {p.id: p.title for p in guidance()}
    return build_exercise(sample.name, sample.title, sample.answer_key(), doc, titles, count)


def score_exercise(made: Exercise, marks: Mapping[str, str]) -> ExerciseScore:
    """The trainee's marks (protection id -> present, partial, missing or contrary) against the
    key; an unmarked protection is wrong."""
    from blma.training import score_exercise as score

    return score(made, marks)


def exercise_handouts(made: Exercise) -> dict[str, bytes]:
    """The printed exercise and its answer key as DOCX, by kind ("exercise", "answer key")."""
    from blma.training.handout import answer_key_docx, exercise_docx

    return {"exercise": exercise_docx(made), "answer key": answer_key_docx(made)}


def readable_word_diff(ops: list[WordOp]) -> list[WordOp]:
    """Word differences laid out for reading: spaces where the text has them, none before punctuation."""
    from blma.comparison.wordiff import readable as laid_out

    return laid_out(ops)


def readable(text: str) -> str:
    """Rubric prose (a protection's boundaries, a note) with protection ids written as titles."""
    from blma.library.titles import ids_as_titles

    return ids_as_titles(text, {p.id: p.title for p in guidance()})
