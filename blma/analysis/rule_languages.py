"""A second language's surface forms for the detection rules, merged into the English logic.

The rules' logic (which cues exist, what they require, how negation reaches them, which
protections count recitals ...) is written once, in ``rules/protections/<id>.yaml``. Another
language supplies only the words, cue by cue, in ``rules/languages/<lang>/<id>.yaml`` (format:
``rules/README.md``); its concept lists and deontic lexicon are ``lexicon/<lang>/``. A cue the
language file does not list, or sets to ``null``, does not fire in that language; a name the
English file does not have is a load error that names it, except for a mask: false friends
belong to a language's words, so a language may add masks of its own (with a comment saying why).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from blma.analysis.rules import (
    LEXICON_DIR,
    RULES_DIR,
    ContraryCue,
    Examples,
    PatternCue,
    RuleSpec,
    _load,
)
from blma.errors import DataError

BASE_LANGUAGE = "en"  # the language of rules/protections/*.yaml
GROUPS = ("topic", "weak_topic", "mask", "elements", "restrict", "contrary")
NEVER = r"(?!x)x"  # an element a language has no words for: required, never found


class SurfaceForm(BaseModel):
    """One cue's words in another language: only the fields that carry words."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    all: list[str] | None = None
    any: list[str] | None = None
    pattern: str | None = None
    unless: str | None = None
    and_: str | None = Field(default=None, alias="and")
    examples: Examples = Field(default_factory=Examples)
    comment: str | None = None  # required for a mask of the language's own, which no English cue explains


class LanguageForms(BaseModel):
    """``rules/languages/<lang>/<id>.yaml``: cue name -> its surface forms, or None (deliberately none)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    topic: dict[str, SurfaceForm | None] = Field(default_factory=dict)
    weak_topic: dict[str, SurfaceForm | None] = Field(default_factory=dict)
    mask: dict[str, SurfaceForm | None] = Field(default_factory=dict)
    elements: dict[str, SurfaceForm | None] = Field(default_factory=dict)
    restrict: dict[str, SurfaceForm | None] = Field(default_factory=dict)
    contrary: dict[str, SurfaceForm | None] = Field(default_factory=dict)


def languages_dir(rules_dir: Path, language: str) -> Path:
    return rules_dir / "languages" / language


def read_forms(path: Path) -> LanguageForms:
    """One language file, validated; errors name the file and the field."""
    data = _load(path)
    try:
        forms = LanguageForms.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(map(str, err["loc"]))
        raise DataError(f"{path.parent.name}/{path.name}: {where}: {err['msg']}") from None
    if forms.id != path.stem:
        raise DataError(f"{path.parent.name}/{path.name}: the id '{forms.id}' must match its file name")
    return forms


def _field_error(where: str, name: str, needs: str, form: SurfaceForm) -> DataError:
    given = sorted(k for k in ("all", "any", "pattern") if getattr(form, k) is not None)
    return DataError(
        f"{where}.{name}: needs '{needs}' (as the English cue), not {', '.join(given) or 'nothing'}"
    )


def localise(spec: RuleSpec, forms: LanguageForms, where: str) -> RuleSpec:
    """The English rule with every cue's words replaced by the language's; unlisted cues dropped.

    An element without words in the language stays, never found, so that a ``require`` group
    naming it still asks for it (the protection is then partial, not present by default).
    """
    own_masks = [
        PatternCue(name=name, comment=form.comment or "", pattern=form.pattern or "", examples=form.examples)
        for name, form in forms.mask.items()
        if form is not None and name not in {cue.name for cue in spec.mask}
    ]
    for cue in own_masks:
        if not cue.pattern or not cue.comment:
            raise DataError(
                f"{where}: mask.{cue.name}: a mask of the language's own needs 'pattern' and 'comment'"
            )
    for group in GROUPS:
        known = {cue.name for cue in getattr(spec, group)} | (
            {cue.name for cue in own_masks} if group == "mask" else set()
        )
        unknown = sorted(set(getattr(forms, group)) - known)
        if unknown:
            raise DataError(
                f"{where}: {group}: unknown cue name(s) {', '.join(unknown)} (not in protections/{spec.id}.yaml)"
            )

    def swapped(group: str, field: str, keep_unlisted: bool = False) -> list:
        """The group's cues with the language's ``field`` (all, any or pattern) and examples;
        an unlisted cue is dropped, or kept never to match (``keep_unlisted``)."""
        out = []
        for cue in getattr(spec, group):
            form = getattr(forms, group).get(cue.name)
            if form is None:
                if keep_unlisted:
                    out.append(cue.model_copy(update={field: [NEVER], "examples": Examples()}))
                continue
            others = [getattr(form, other) for other in ("all", "any", "pattern") if other != field]
            if not getattr(form, field) or any(value is not None for value in others):
                raise _field_error(f"{where}: {group}", cue.name, field, form)
            out.append(cue.model_copy(update={field: getattr(form, field), "examples": form.examples}))
        return out

    contrary: list[ContraryCue] = []
    for cue in spec.contrary:
        form = forms.contrary.get(cue.name)
        if form is None:
            continue
        if bool(form.pattern) == bool(form.all) or form.any is not None:
            raise DataError(f"{where}: contrary.{cue.name}: needs either 'pattern' or 'all'")
        contrary.append(
            cue.model_copy(
                update={
                    "pattern": form.pattern,
                    "all": form.all or [],
                    "unless": form.unless,
                    "and_": form.and_,
                    "examples": form.examples,
                }
            )
        )
    return spec.model_copy(
        update={
            "topic": swapped("topic", "all"),
            "weak_topic": swapped("weak_topic", "all"),
            "mask": swapped("mask", "pattern") + own_masks,
            "elements": swapped("elements", "any", keep_unlisted=True),
            "restrict": swapped("restrict", "pattern"),
            "contrary": contrary,
            "generic_unless": None,  # English words: a language would need its own
        }
    )


def language_files(rules_dir: Path, language: str, protection_ids: tuple[str, ...]) -> dict[str, Path]:
    """The language's file for every protection; a missing one, or one for an unknown id, is an error."""
    folder = languages_dir(rules_dir, language)
    files = {p.stem: p for p in sorted(folder.glob("*.yaml"))}
    missing = [pid for pid in protection_ids if pid not in files]
    if missing:
        raise DataError(f"rules/languages/{language}: no file for {', '.join(missing)}")
    unknown = sorted(set(files) - set(protection_ids))
    if unknown:
        raise DataError(
            f"rules/languages/{language}: {', '.join(unknown)} not in the rubric (clauses/guidance.yaml)"
        )
    return files


def coverage(language: str, rules_dir: Path = RULES_DIR) -> dict[str, list[str]]:
    """Per protection, the English cues the language neither translates nor sets to null
    (``"topic/passport_custody"``); an empty list everywhere means full coverage.

    A protection without a language file counts every cue as missing.
    """
    from blma.analysis.rules import read_rule_spec

    folder = languages_dir(rules_dir, language)
    report: dict[str, list[str]] = {}
    for path in sorted((rules_dir / "protections").glob("*.yaml")):
        spec = read_rule_spec(path)
        own = folder / path.name
        forms = read_forms(own) if own.is_file() else LanguageForms(id=spec.id)
        report[spec.id] = [
            f"{group}/{cue.name}"
            for group in GROUPS
            for cue in getattr(spec, group)
            if cue.name not in getattr(forms, group)
        ]
    return report


def supported_languages(rules_dir: Path = RULES_DIR, lexicon_dir: Path = LEXICON_DIR) -> tuple[str, ...]:
    """The languages the analyzer reads, English first: a complete lexicon (concepts and deontic
    files) and, beside English, a rules folder with a file for every protection."""
    wanted = {p.stem for p in (rules_dir / "protections").glob("*.yaml")}

    def complete(language: str) -> bool:
        lexicon = lexicon_dir / language
        if not ((lexicon / "concepts.yaml").is_file() and (lexicon / "deontic.yaml").is_file()):
            return False
        if language == BASE_LANGUAGE:
            return True
        return wanted <= {p.stem for p in languages_dir(rules_dir, language).glob("*.yaml")}

    found = sorted(d.name for d in lexicon_dir.iterdir() if d.is_dir() and complete(d.name))
    return tuple(sorted(found, key=lambda code: (code != BASE_LANGUAGE, code)))
