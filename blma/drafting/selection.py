"""Which clauses carry each protection: the spec's choice (one or several), checked, or the library default.

Every check here names the spec field at fault, because the person reading the message
is editing that spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blma.drafting.spec import DraftSpec, ProtectionChoice
from blma.errors import SpecError, UnknownIdError
from blma.library import Clause, Library, Protection

#: Variables named ``article_<protection id or role>`` or ``annex_<key>`` are cross-references
#: that assembly fills with the computed number, so a reference survives renumbering.
CROSS_REFERENCE_PREFIXES = ("article_", "annex_")


@dataclass(frozen=True)
class Selection:
    """The outcome for one protection: its clauses (usually one) with their values, or an
    omission and why."""

    protection: Protection
    clauses: tuple[Clause, ...]
    values: dict[str, str] = field(default_factory=dict)
    reason: str | None = None

    @property
    def clause(self) -> Clause | None:
        """The main clause: the first chosen, or the default; ``None`` for an omission."""
        return self.clauses[0] if self.clauses else None


def select_clauses(spec: DraftSpec, library: Library) -> list[Selection]:
    """One selection per protection of the rubric, in rubric order."""
    for pid in spec.protections:
        if pid not in library.protections:
            raise UnknownIdError(f"protections.{pid}: unknown protection id '{pid}' (see `blma guidance`)")
    selections = []
    for pid, protection in library.protections.items():
        choice = spec.protections.get(pid, ProtectionChoice())
        if choice.omitted:
            selections.append(Selection(protection, (), reason=choice.reason))
            continue
        where = f"protections.{pid}"
        clauses = tuple(_chosen(cid, pid, spec, library) for cid in choice.clause_ids) or (
            _default(pid, spec, library),
        )
        _check_values(clauses, choice.values, library, where)
        selections.append(Selection(protection, clauses, dict(choice.values)))
    return selections


def fits_sectors(clause: Clause, sectors: list[str], *, every: bool) -> bool:
    """A clause fits a draft that covers ``sectors``: for a default it must suit every one
    (a multi-sector instrument needs a general text), for an explicit choice any one."""
    test = all if every else any
    return test(clause.suits(sector=s) for s in sectors)


def _default(pid: str, spec: DraftSpec, library: Library) -> Clause:
    sector = spec.sectors[0] if len(spec.sectors) == 1 else None
    ranked = [
        c for c in library.ranked_for(pid, sector, spec.style) if fits_sectors(c, spec.sectors, every=True)
    ]
    if not ranked:
        raise SpecError(
            f"protections.{pid}: no library clause suits sectors {', '.join(spec.sectors)} in style "
            f"'{spec.style}'; choose one with `clause:` or omit it with a `reason:`"
        )
    return ranked[0]


def _chosen(clause_id: str, pid: str, spec: DraftSpec, library: Library) -> Clause:
    where = f"protections.{pid}.clause"
    try:
        clause = library.clause(clause_id)
    except UnknownIdError as exc:
        raise UnknownIdError(f"{where}: {exc}") from None
    if clause.kind != "protection" or pid not in clause.protections:
        secures = ", ".join(clause.protections) or f"none; it is the structural '{clause.role}' clause"
        raise SpecError(f"{where}: clause '{clause_id}' does not secure '{pid}' (it secures: {secures})")
    if not clause.suits(style=spec.style):
        raise SpecError(
            f"{where}: clause '{clause_id}' is not written for style '{spec.style}' "
            f"(it suits: {', '.join(clause.styles)})"
        )
    if not fits_sectors(clause, spec.sectors, every=False):
        raise SpecError(
            f"{where}: clause '{clause_id}' is written for sector(s) {', '.join(clause.sectors)}, "
            f"not for this draft's {', '.join(spec.sectors)}"
        )
    return clause


def _check_values(
    clauses: Clause | tuple[Clause, ...], values: dict[str, str], library: Library, where: str
) -> None:
    """Every value names a variable of a chosen clause (a value serves each clause that has the
    variable), and every variable without a default has a value."""
    clauses = (clauses,) if isinstance(clauses, Clause) else clauses
    declared = {name for clause in clauses for name in clause.variables}
    for name in values:
        if name not in declared:
            if name in library.variables:
                raise SpecError(
                    f"{where}.values.{name}: '{name}' comes from the spec's parties and style, "
                    "not from a clause value"
                )
            names = ", ".join(sorted(declared)) or "none"
            owner = f"clause '{clauses[0].id}'" if len(clauses) == 1 else "none of the chosen clauses"
            raise SpecError(
                f"{where}.values.{name}: {owner} has no variable '{name}' "
                f"({'its' if len(clauses) == 1 else 'their'} variables: {names})"
            )
    for clause in clauses:
        for name, variable in clause.variables.items():
            if name.startswith(CROSS_REFERENCE_PREFIXES):
                continue  # filled with a computed article or annex number
            if variable.default is None and name not in values:
                raise SpecError(
                    f"{where}.values.{name}: clause '{clause.id}' needs a value for '{name}' "
                    f"({variable.description}; e.g. {variable.example!r})"
                )


def structural_clause(role: str, spec: DraftSpec, library: Library) -> tuple[Clause, dict[str, str]]:
    """The structural text for a role and the spec's values for it.

    Without a choice in the spec: a text written for the draft's single sector beats a
    general one, and "recommended" strength is preferred, as for protections; a
    multi-sector draft takes the general text.
    """
    choice = spec.structural.get(role)  # type: ignore[call-overload]
    where = f"structural.{role}"
    if choice is not None and choice.clause:
        try:
            clause = library.clause(choice.clause)
        except UnknownIdError as exc:
            raise UnknownIdError(f"{where}.clause: {exc}") from None
        if clause.kind != "structural" or clause.role != role:
            raise SpecError(f"{where}.clause: clause '{clause.id}' is not a structural '{role}' clause")
        if not clause.suits(style=spec.style):
            raise SpecError(f"{where}.clause: clause '{clause.id}' is not written for style '{spec.style}'")
        if not fits_sectors(clause, spec.sectors, every=False):
            raise SpecError(
                f"{where}.clause: clause '{clause.id}' is written for sector(s) {', '.join(clause.sectors)}"
            )
    else:
        sector = spec.sectors[0] if len(spec.sectors) == 1 else "general"
        candidates = [
            c
            for c in library.clauses.values()
            if c.kind == "structural" and c.role == role and c.suits(sector, spec.style)
        ]
        if not candidates:
            raise SpecError(f"{where}: the library has no '{role}' text for style '{spec.style}'")
        preference = {"recommended": 0, "strongest": 1, "baseline": 2}
        clause = min(
            candidates, key=lambda c: (0 if sector in c.sectors else 1, preference[c.strength], c.id)
        )
    values = dict(choice.values) if choice is not None else {}
    _check_values(clause, values, library, where)
    return clause, values
