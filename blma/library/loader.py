"""Loading the rubric and clause library from ``clauses/`` into validated models.

One reader serves both the strict loader (raises on the first sign of trouble) and
``blma library check`` (lists every problem): both call :func:`read_library`.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pydantic
import yaml
from pydantic import ValidationError

from blma import user_cache
from blma.errors import DataError, UnknownIdError
from blma.library.models import (
    STRENGTH_RANK,
    Clause,
    Protection,
    StructuralRole,
    Style,
    Variable,
)
from blma.resources import clauses_dir
from blma.yamlio import load_yaml

MIN_CLAUSES_PER_PROTECTION = 3
#: Roles whose text names the parties, so that the signature block can name the same ones.
PARTY_NAMING_ROLES = ("title", "preamble")
#: A variable that opens a sentence: at the start of the text or of a paragraph, or after a
#: full stop. Country and authority names are inserted as written ("the Republic of ...",
#: "Ministry of ..."), so a sentence opening with one reads "the Republic shall" or lacks its article.
_SENTENCE_OPENING_VARIABLE = re.compile(
    r"(?:\A\s*|(?<!\bNo)(?<!\bArt)(?<!\bArts)(?<!\bpara)(?<!\be\.g)[.!?]\s+|\n[ \t]*\n\s*)"
    r"\{\{-?\s*([A-Za-z_]\w*)\s*-?\}\}"
)
REQUIRED_ROLES: tuple[str, ...] = StructuralRole.__args__  # type: ignore[attr-defined]
STYLES: tuple[str, ...] = Style.__args__  # type: ignore[attr-defined]


def default_root() -> Path:
    """The ``clauses/`` folder: ``$BLMA_CLAUSES_DIR``, else the installed or checked-out one."""
    return clauses_dir()


@dataclass(frozen=True)
class Problem:
    """One defect in a data file, phrased for the person who edits that file."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass
class Library:
    """The rubric and the clauses, indexed for lookup."""

    root: Path
    protections: dict[str, Protection]
    clauses: dict[str, Clause]
    variables: dict[str, Variable]
    clause_files: dict[str, str] = field(default_factory=dict)
    language: str = "en"
    #: The library in other drafting languages, translated on first use (see :meth:`in_language`).
    translated: dict[str, Library] = field(default_factory=dict, repr=False, compare=False)

    def in_language(self, language: str) -> Library:
        """This library with its clause texts and the rubric's titles in ``language``; a
        translation with any problem is a :class:`DataError` listing them."""
        if language == self.language:
            return self
        if language not in self.translated:
            from blma.library.translations import translate_library

            library, problems = translate_library(self, language)
            _raise_problems(library, problems)
            self.translated[language] = library
        return self.translated[language]

    # -- rubric --------------------------------------------------------------------------
    def protection(self, protection_id: str) -> Protection:
        try:
            return self.protections[protection_id]
        except KeyError:
            raise UnknownIdError(f"unknown protection id '{protection_id}'") from None

    def validate_protection_ids(self, ids: list[str]) -> list[str]:
        unknown = [i for i in ids if i not in self.protections]
        if unknown:
            raise UnknownIdError("unknown protection id(s): " + ", ".join(unknown) + " (see `blma guidance`)")
        return ids

    # -- clauses -------------------------------------------------------------------------
    def clause(self, clause_id: str) -> Clause:
        try:
            return self.clauses[clause_id]
        except KeyError:
            raise UnknownIdError(f"unknown clause id '{clause_id}' (see `blma library`)") from None

    def clauses_for(
        self,
        protection_id: str | None = None,
        sector: str | None = None,
        style: str | None = None,
    ) -> list[Clause]:
        """Protection clauses, strongest first, filtered by protection, sector and style."""
        if protection_id is not None:
            self.protection(protection_id)
        found = [
            c
            for c in self.clauses.values()
            if c.kind == "protection"
            and (protection_id is None or protection_id in c.protections)
            and c.suits(sector, style)
        ]
        return sorted(found, key=lambda c: -STRENGTH_RANK[c.strength])

    def ranked_for(self, protection_id: str, sector: str | None, style: str | None) -> list[Clause]:
        """Clauses for a protection, best default first.

        A clause written for the sector beats a general one, a clause whose main protection
        is this one beats one that secures it in passing, and "recommended" strength is the
        default a negotiator starts from (strongest and baseline are the alternatives).
        """
        preference = {"recommended": 0, "strongest": 1, "baseline": 2}

        def key(c: Clause) -> tuple[int, int, int]:
            own = 0 if c.protections and c.protections[0] == protection_id else 1
            sector_fit = 0 if sector and sector in c.sectors else 1
            return (own, sector_fit, preference[c.strength])

        return sorted(self.clauses_for(protection_id, sector, style), key=key)

    def recommended(self, protection_id: str, sector: str | None, style: str | None) -> Clause:
        ranked = self.ranked_for(protection_id, sector, style)
        if not ranked:
            raise UnknownIdError(
                f"no clause for protection '{protection_id}' suits sector {sector!r}, style {style!r}"
            )
        return ranked[0]

    def structural(self, role: str, style: str, sector: str | None = None) -> Clause:
        """The structural clause for a role (title, preamble, ...) in this style."""
        found = [
            c
            for c in self.clauses.values()
            if c.kind == "structural" and c.role == role and c.suits(sector, style)
        ]
        if not found:
            raise UnknownIdError(f"no structural clause for role '{role}' in style '{style}'")
        return sorted(found, key=lambda c: (0 if sector in c.sectors else 1, c.id))[0]

    def global_examples(self) -> dict[str, str]:
        return {name: var.example for name, var in self.variables.items()}


# ---------------------------------------------------------------------------------------
def _load_yaml(path: Path, problems: list[Problem]) -> object | None:
    try:
        with path.open(encoding="utf-8") as fh:
            return load_yaml(fh)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(Problem(path.name, "(file)", f"cannot be read as YAML: {exc}"))
        return None


def _loc(error: dict) -> str:
    return ".".join(str(part) for part in error["loc"]) or "(root)"


def _entries(data: object, key: str, file: str, problems: list[Problem]) -> list[dict]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        problems.append(Problem(file, key, f"expected a top-level '{key}:' list"))
        return []
    return data[key]


def read_library(root: Path | None = None, *, templates: bool = True) -> tuple[Library, list[Problem]]:
    """Read and cross-check every data file; return what loaded and every problem found.

    ``templates=False`` skips the checks of the clause templates (parsing them is most of the
    load time, and imports Jinja2), for a caller that reads the clauses' metadata but renders none.
    """
    root = Path(root) if root else default_root()
    problems: list[Problem] = []
    if not root.is_dir():
        raise DataError(f"clause library folder not found: {root}")

    protections: dict[str, Protection] = {}
    rubric = _load_yaml(root / "guidance.yaml", problems)
    for i, entry in enumerate(_entries(rubric, "protections", "guidance.yaml", problems)):
        label = entry.get("id", f"#{i + 1}") if isinstance(entry, dict) else f"#{i + 1}"
        try:
            protection = Protection.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(Problem("guidance.yaml", f"{label}.{_loc(err)}", err["msg"]))
            continue
        if protection.id in protections:
            problems.append(Problem("guidance.yaml", f"{label}.id", "duplicate protection id"))
        protections[protection.id] = protection

    variables: dict[str, Variable] = {}
    raw_vars = _load_yaml(root / "variables.yaml", problems)
    if isinstance(raw_vars, dict):
        for name, spec in raw_vars.items():
            try:
                variables[name] = Variable.model_validate(spec)
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append(Problem("variables.yaml", f"{name}.{_loc(err)}", err["msg"]))

    clauses: dict[str, Clause] = {}
    clause_files: dict[str, str] = {}
    files = [*sorted((root / "protections").glob("*.yaml")), root / "structural.yaml"]
    for path in files:
        rel = path.relative_to(root).as_posix()
        if not path.exists():
            problems.append(Problem(rel, "(file)", "missing"))
            continue
        if path.parent.name == "protections" and path.stem not in protections:
            problems.append(Problem(rel, "(file)", f"'{path.stem}' is not a protection id"))
        for i, entry in enumerate(_entries(_load_yaml(path, problems), "clauses", rel, problems)):
            label = entry.get("id", f"#{i + 1}") if isinstance(entry, dict) else f"#{i + 1}"
            try:
                clause = Clause.model_validate(entry)
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append(Problem(rel, f"{label}.{_loc(err)}", err["msg"]))
                continue
            if clause.id in clauses:
                problems.append(
                    Problem(rel, f"{clause.id}.id", f"duplicate id (also in {clause_files[clause.id]})")
                )
                continue
            problems.extend(_check_clause(clause, rel, protections, variables))
            if templates:
                problems.extend(_check_template(clause, rel, variables))
            clauses[clause.id] = clause
            clause_files[clause.id] = rel

    library = Library(root, protections, clauses, variables, clause_files)
    problems.extend(_check_coverage(library))
    problems.extend(_check_instrument_names(library))
    return library, problems


def _check_clause(
    clause: Clause, file: str, protections: dict[str, Protection], variables: dict[str, Variable]
) -> list[Problem]:
    found: list[Problem] = []
    for pid in clause.protections:
        if pid not in protections:
            found.append(Problem(file, f"{clause.id}.protections", f"unknown protection id '{pid}'"))
    if clause.kind == "protection" and not clause.protections:
        found.append(Problem(file, f"{clause.id}.protections", "a protection clause must name one"))
    if clause.kind == "structural" and clause.role is None:
        found.append(Problem(file, f"{clause.id}.role", "a structural clause needs a role"))
    if clause.kind == "structural" and clause.role in PARTY_NAMING_ROLES and clause.signatories is None:
        found.append(
            Problem(
                file, f"{clause.id}.signatories", "say whom the text names as the parties (who then sign)"
            )
        )
    return found


def _check_template(clause: Clause, file: str, variables: dict[str, Variable]) -> list[Problem]:
    """How the clause's template reads once filled in, and that it parses and reads only
    declared variables: what a draft needs, not an analysis."""
    from jinja2 import TemplateSyntaxError

    from blma.library.render import template_variables

    found = [
        Problem(
            file,
            f"{clause.id}.text",
            f"a sentence starts with the bare variable {{{{ {name} }}}}; open it with words "
            f"(e.g. 'The competent authority of {{{{ origin_short }}}} ...' or 'The {{{{ {name} }}}} ...')",
        )
        for name in dict.fromkeys(_SENTENCE_OPENING_VARIABLE.findall(clause.text))
    ]
    try:
        used = template_variables(clause.text)
    except TemplateSyntaxError as exc:
        return [*found, Problem(file, f"{clause.id}.text", f"template syntax error: {exc.message}")]
    undeclared = sorted(used - set(variables) - set(clause.variables))
    if undeclared:
        found.append(Problem(file, f"{clause.id}.text", "uses undeclared variable(s): " + ", ".join(undeclared)))
    return found


def _check_coverage(library: Library) -> list[Problem]:
    found: list[Problem] = []
    counts: dict[str, int] = defaultdict(int)
    for clause in library.clauses.values():
        for pid in clause.protections:
            counts[pid] += 1
    for pid in library.protections:
        if counts[pid] < MIN_CLAUSES_PER_PROTECTION:
            found.append(
                Problem(
                    f"protections/{pid}.yaml",
                    "clauses",
                    f"protection '{pid}' has {counts[pid]} clause(s); at least "
                    f"{MIN_CLAUSES_PER_PROTECTION} are needed so negotiators can fall back",
                )
            )
    for role in REQUIRED_ROLES:
        for style in STYLES:
            if not any(
                c.kind == "structural" and c.role == role and style in c.styles
                for c in library.clauses.values()
            ):
                found.append(Problem("structural.yaml", role, f"no structural clause for style '{style}'"))
    return found


def instrument_key(name: str) -> str:
    """What identifies an instrument whatever its spelling: the ILO type and number, or the
    name in lower case without punctuation or a leading "ILO"/"UN"."""
    numbered = re.search(r"\b(Convention|Recommendation|Protocol)\b.*\(No\. (\d+)\)", name)
    if numbered:
        return f"{numbered.group(1)} {numbered.group(2)}"
    return re.sub(r"^(?:ilo|un) |[^a-z]", "", name.lower())


def _check_instrument_names(library: Library) -> list[Problem]:
    """One instrument, one name: a citation spelled two ways reads as two instruments."""
    first: dict[str, tuple[str, str]] = {}
    found: list[Problem] = []
    cited = [("guidance.yaml", p.id, p.sources) for p in library.protections.values()]
    cited += [(library.clause_files[c.id], c.id, c.sources) for c in library.clauses.values()]
    for file, owner, sources in cited:
        for source in {s.instrument: s for s in sources}.values():  # one problem per name and owner
            seen = first.setdefault(instrument_key(source.instrument), (source.instrument, file))
            if seen[0] != source.instrument:
                found.append(
                    Problem(
                        file,
                        f"{owner}.sources",
                        f"instrument named two ways: '{source.instrument}' here, '{seen[0]}' in {seen[1]}",
                    )
                )
    return found


def load_library(root: Path | str | None = None, *, templates: bool = True) -> Library:
    """Load the library; any problem in the data is a :class:`DataError` listing them all.
    ``templates=False``: see :func:`read_library`."""
    library, problems = read_library(Path(root) if root else None, templates=templates)
    _raise_problems(library, problems)
    return library


def _raise_problems(library: Library, problems: list[Problem]) -> None:
    if problems:
        listing = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise DataError(
            f"the clause library in {library.root} has {len(problems)} problem(s):\n{listing}{more}\n"
            "Run `blma library check` for the full list."
        )


@cache
def default_library(templates: bool = True) -> Library:
    """The library shipped with the project, loaded once per process.

    Gap analysis asks for ``templates=False``: it reads the rubric and the clauses' metadata
    (suggestions name clauses, they do not render them), so it need not parse ~200 templates.
    A library read without problems is kept in the user's cache (``blma.user_cache``), named by
    a hash of its files and of this code, so a fresh process reads one file instead of ~40 YAMLs.
    """
    root = default_root()
    key = _cache_key(root, templates)
    if key:
        cached = user_cache.read(f"library-{key}.pickle")
        if cached is not None:
            with suppress(Exception):  # any unreadable pickle is simply rebuilt
                library = pickle.loads(cached)  # our own file, named by the hash of its sources and sealed
                if isinstance(library, Library):
                    return library
    library = load_library(root, templates=templates)
    if key:
        user_cache.write(f"library-{key}.pickle", pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
    return library


#: The code whose output is cached: a change to it is a new cache key.
_CODE = tuple(Path(__file__).with_name(name) for name in ("loader.py", "models.py"))


def _cache_key(root: Path, templates: bool) -> str | None:
    """A hash of everything a loaded library depends on, or None when a file cannot be read."""
    digest = hashlib.sha256()
    versions = f"python {sys.version}, pydantic {pydantic.VERSION}, templates {templates}, {root.resolve()}"
    digest.update(versions.encode() + b"\0")
    try:
        files = [*_CODE, *sorted(root.glob("*.yaml")), *sorted((root / "protections").glob("*.yaml"))]
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:32]
