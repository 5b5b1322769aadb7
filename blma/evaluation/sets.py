"""The manifest of labelled sets (``corpus/sets.yaml``) and the labels of each set.

A set is a folder of ``*.labels.yaml`` files, optionally narrowed to the slugs listed under
one key of a split file. A set whose folder, split or part is absent or empty is not an
error: it is reported as not available yet (the corpus grows in parallel with the code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, RootModel, ValidationError, model_validator

from blma.analysis.scoring import Labels, load_labels
from blma.errors import BlmaError, DataError
from blma.resources import source_checkout
from blma.yamlio import load_yaml

REPO_ROOT = source_checkout()
DEFAULT_MANIFEST = REPO_ROOT / "corpus" / "sets.yaml"
LABELS_SUFFIX = ".labels.yaml"

Role = Literal["development", "holdout"]


class SetSpec(BaseModel):
    """One labelled set as the manifest describes it."""

    model_config = ConfigDict(extra="forbid")

    name: str
    path: Path
    role: Role
    description: str = ""
    split: Path | None = None
    part: str | None = None
    sealed: bool = False
    language: str = "en"  # ISO 639-1 code of the texts; scored once the analyzer reads that language

    @model_validator(mode="after")
    def _split_and_part_together(self) -> SetSpec:
        if (self.split is None) != (self.part is None):
            raise ValueError("'split' and 'part' go together: give both or neither")
        return self


class Manifest(BaseModel):
    """The whole manifest; ``root`` is relative to the manifest file."""

    model_config = ConfigDict(extra="forbid")

    root: Path = Path(".")
    sets: list[SetSpec]

    @model_validator(mode="after")
    def _unique_names(self) -> Manifest:
        names = [s.name for s in self.sets]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"set names must be unique; repeated: {', '.join(doubles)}")
        return self

    def select(self, names: list[str] | None) -> list[SetSpec]:
        """The sets named (in manifest order), or all; an unknown name is an error."""
        if not names:
            return list(self.sets)
        unknown = [n for n in names if n not in {s.name for s in self.sets}]
        if unknown:
            known = ", ".join(s.name for s in self.sets)
            raise DataError(f"unknown set(s): {', '.join(unknown)} (the manifest has: {known})")
        return [s for s in self.sets if s.name in names]


class Split(RootModel[dict[str, list[str] | None]]):
    """A split file: part name -> slugs (an empty part may be left blank). A slug sits in one part."""

    @model_validator(mode="after")
    def _no_slug_in_two_parts(self) -> Split:
        owner: dict[str, str] = {}
        for part, slugs in self.parts().items():
            for slug in slugs:
                if owner.setdefault(slug, part) != part:
                    raise ValueError(f"'{slug}' is listed under both '{owner[slug]}' and '{part}'")
        return self

    def parts(self) -> dict[str, list[str]]:
        return {part: slugs or [] for part, slugs in self.root.items()}


def _where(loc: tuple, data: object) -> str:
    """A pydantic location as a reader finds it in the file: ``sets[3] (real-dev).role``."""
    text, node = "", data
    for key in loc:
        if isinstance(key, int):
            item = node[key] if isinstance(node, list) and key < len(node) else None
            name = item.get("name") if isinstance(item, dict) else None
            text += f"[{key}]" + (f" ({name})" if name else "")
            node = item
        else:
            text += f".{key}" if text else str(key)
            node = node.get(key) if isinstance(node, dict) else None
    return text or "(top level)"


def _read(path: Path) -> object:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None


def _validate(model: type[BaseModel], data: object, path: Path) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [f"{_where(err['loc'], data)}: {err['msg']}" for err in exc.errors()]
        raise DataError(f"{path}: " + "; ".join(lines)) from None


def load_manifest(path: Path = DEFAULT_MANIFEST) -> tuple[Manifest, Path]:
    """The manifest and the folder its paths are relative to; errors name the file and field."""
    manifest = _validate(Manifest, _read(path), path)
    assert isinstance(manifest, Manifest)
    return manifest, (path.parent / manifest.root).resolve()


def load_split(path: Path) -> dict[str, list[str]]:
    split = _validate(Split, _read(path) or {}, path)
    assert isinstance(split, Split)
    return split.parts()


class SealedSetError(BlmaError):
    """Per-document errors were asked of a sealed set."""


def refuse_errors_of_sealed(specs: list[SetSpec]) -> None:
    """A hold-out is only ever scored: listing its errors would invite tuning on it."""
    sealed = [s.name for s in specs if s.sealed]
    if sealed:
        raise SealedSetError(
            f"--errors refused: {', '.join(sealed)} {'is' if len(sealed) == 1 else 'are'} sealed. "
            "A hold-out is only ever scored; its per-document errors are never listed. "
            "Name development sets with --sets to list their errors."
        )


@dataclass
class LabelledSet:
    """A set ready to score: its labels, or why it is not available yet."""

    spec: SetSpec
    labels: list[Labels] = field(default_factory=list)
    unavailable: str | None = None
    skipped: list[str] = field(default_factory=list)  # "slug: why" for listed agreements left out

    @property
    def name(self) -> str:
        return self.spec.name


class LabelEntry(BaseModel):
    model_config = ConfigDict(extra="allow")

    status: Literal["present", "partial", "missing", "contrary"]


class LabelFile(BaseModel):
    """The part of a ``*.labels.yaml`` file that scoring reads (other fields are free)."""

    model_config = ConfigDict(extra="allow")

    file: str
    protections: dict[str, LabelEntry]


def _labels_by_slug(folder: Path) -> dict[str, Labels]:
    files = sorted(folder.glob(f"*{LABELS_SUFFIX}"))
    for path in files:
        _validate(LabelFile, _read(path), path)
    # load_labels reads exactly these files, in this order, one Labels each
    return {
        f.name.removesuffix(LABELS_SUFFIX): labels
        for f, labels in zip(files, load_labels(folder), strict=True)
    }


def analysed_languages() -> set[str]:
    """The languages the analyzer reads (``supported_languages``: a complete lexicon and rules folder)."""
    from blma.analysis.rule_languages import supported_languages

    return set(supported_languages())


def open_set(spec: SetSpec, root: Path) -> LabelledSet:
    """The set's labels, narrowed by its split; never raises for what does not exist yet."""
    if spec.language not in analysed_languages():
        return LabelledSet(
            spec, unavailable=f"not available yet: the analyzer does not read '{spec.language}' texts yet"
        )
    folder = root / spec.path
    if not folder.is_dir():
        return LabelledSet(spec, unavailable=f"not available yet: no folder {spec.path}")
    found = _labels_by_slug(folder)
    skipped: list[str] = []
    if spec.split is not None:
        if not (root / spec.split).is_file():
            return LabelledSet(spec, unavailable=f"not available yet: no split file {spec.split}")
        wanted = load_split(root / spec.split).get(spec.part or "", [])
        skipped += [f"{slug}: no label file" for slug in wanted if slug not in found]
        found = {slug: labels for slug, labels in found.items() if slug in set(wanted)}
    if not found:
        where = f"{spec.path}" + (f" under '{spec.part}' in {spec.split}" if spec.split else "")
        return LabelledSet(spec, unavailable=f"not available yet: no labelled agreement in {where}")
    present = [labels for labels in found.values() if labels.path.is_file()]
    skipped += [f"{slug}: no agreement file" for slug, labels in found.items() if not labels.path.is_file()]
    if not present:
        return LabelledSet(spec, unavailable="not available yet: no agreement file next to its labels")
    return LabelledSet(spec, labels=present, skipped=skipped)
