"""Which labelled agreements may be learned from, and a guard that refuses every hold-out.

The manifest ``corpus/sets.yaml`` (when present) says which sets are development data; a set
with ``role: holdout`` or ``sealed: true`` is only ever scored, so a model trained on it
would make its scores meaningless. The guard is therefore strict: every file the training
reads passes :meth:`Guard.check`, which raises :class:`HoldoutError` for anything under a
hold-out set (or the hold-out part of a split folder), anything under
``corpus/synthetic_holdout/`` and ``corpus/synthetic_holdout2/``, and anything else under ``corpus/`` that no development set
lists. Hold-out label files are never opened, not even to be filtered out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from blma.errors import BlmaError, DataError
from blma.evaluation.sets import load_manifest, load_split  # the manifest's own reader
from blma.resources import source_checkout
from blma.yamlio import load_yaml

REPO_ROOT = source_checkout()
DEFAULT_MANIFEST = REPO_ROOT / "corpus" / "sets.yaml"
CORPUS = REPO_ROOT / "corpus"
ALWAYS_REFUSED = (CORPUS / "synthetic_holdout", CORPUS / "synthetic_holdout2")
LABELS_SUFFIX = ".labels.yaml"

#: Used when there is no manifest: the four folders the project has tuned on. The old hold-outs
#: were looked at while tuning, so they are development data now.
BUILTIN_SETS: dict[str, str] = {
    "samples": "sample_agreements",
    "devset": "tests/devset",
    "old-holdout": "tests/holdout",
    "old-holdout2": "tests/holdout2",
}


class HoldoutError(BlmaError):
    """Training asked for a hold-out document; a model must never see one."""


@dataclass(frozen=True)
class LabelledAgreement:
    """One development agreement: its file, and per protection its status and cited location."""

    set_name: str
    labels_file: Path
    document: Path
    statuses: dict[str, str]
    locations: dict[str, str | None]
    notes: dict[str, str]


@dataclass
class Guard:
    """Refuses paths that belong to a hold-out; allows under ``corpus/`` only what it was told."""

    refused_roots: list[Path] = field(default_factory=lambda: list(ALWAYS_REFUSED))
    refused_slugs: dict[Path, set[str]] = field(default_factory=dict)  # split folder -> hold-out slugs
    allowed_in_corpus: set[Path] = field(default_factory=set)

    def check(self, path: Path) -> Path:
        """The resolved path, or :class:`HoldoutError` when it must not be read for training."""
        resolved = self.check_not_holdout(path)
        if resolved.is_relative_to(CORPUS.resolve()) and resolved not in self.allowed_in_corpus:
            raise HoldoutError(f"{path}: not listed by a development set of corpus/sets.yaml")
        return resolved

    def check_not_holdout(self, path: Path) -> Path:
        """Like :meth:`check` without the allow-list: for folders, which hold more than one set."""
        resolved = Path(path).resolve()
        for root in self.refused_roots:
            if resolved.is_relative_to(root.resolve()):
                raise HoldoutError(
                    f"{path}: belongs to a hold-out ({root.name}); it is never used for training"
                )
        for root, slugs in self.refused_slugs.items():
            if resolved.is_relative_to(root.resolve().parent) and resolved.name.split(".")[0] in slugs:
                raise HoldoutError(
                    f"{path}: in the hold-out part of {root.name}; it is never used for training"
                )
        corpus = CORPUS.resolve()
        if resolved.is_relative_to(corpus) and "holdout" in resolved.relative_to(corpus).as_posix().lower():
            raise HoldoutError(f"{path}: a hold-out path; it is never used for training")
        return resolved


def _read_labels(set_name: str, labels_file: Path, guard: Guard) -> LabelledAgreement:
    data = load_yaml(guard.check(labels_file).read_text(encoding="utf-8"))
    try:
        protections = data["protections"]
        document = labels_file.parent / data["file"]
        statuses = {pid: entry["status"] for pid, entry in protections.items()}
        locations = {pid: entry.get("location") for pid, entry in protections.items()}
        notes = {pid: str(entry.get("note") or "") for pid, entry in protections.items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"{labels_file}: not a labels file ({exc})") from None
    return LabelledAgreement(set_name, labels_file, document, statuses, locations, notes)


_Set = tuple[str, Path, list[str] | None]  # name, folder, slugs (None: every labels file)


def _manifest_sets(manifest: Path) -> tuple[list[_Set], Guard, set[str]]:
    """Development sets, the guard the manifest implies, and the names of the refused sets."""
    spec, root = load_manifest(manifest)
    guard = Guard()
    refused = {s.name for s in spec.sets if s.role == "holdout" or s.sealed}
    development: list[_Set] = []
    for s in spec.sets:
        folder = root / s.path
        split = root / s.split if s.split else None
        if s.role == "holdout" or s.sealed:
            if split is not None and split.is_file():
                guard.refused_slugs.setdefault(folder, set()).update(load_split(split).get(s.part or "", []))
            else:
                guard.refused_roots.append(folder)
            continue
        if split is None:
            development.append((s.name, folder, None))
        elif split.is_file():
            development.append((s.name, folder, load_split(split).get(s.part or "", [])))
    return development, guard, refused


def development_agreements(
    manifest: Path | None = DEFAULT_MANIFEST, only: list[str] | None = None
) -> tuple[list[LabelledAgreement], Guard]:
    """Every labelled development agreement (sorted by set, then file) and the guard to read them with.

    ``only`` names sets to take; naming a hold-out or sealed set raises :class:`HoldoutError`.
    A development set whose folder does not exist yet is skipped, as the evaluation does.
    """
    if manifest is not None and manifest.is_file():
        sets, guard, refused = _manifest_sets(manifest)
    else:
        sets: list[_Set] = [(name, REPO_ROOT / folder, None) for name, folder in BUILTIN_SETS.items()]
        guard, refused = Guard(), set()
    if only is not None:
        asked_refused = sorted(set(only) & refused)
        if asked_refused:
            raise HoldoutError(f"hold-out set(s) {', '.join(asked_refused)} are never used for training")
        unknown = sorted(set(only) - {name for name, _, _ in sets})
        if unknown:
            raise DataError(f"unknown development set(s): {', '.join(unknown)}")
        sets = [s for s in sets if s[0] in only]
    found: list[LabelledAgreement] = []
    for name, folder, slugs in sets:
        guard.check_not_holdout(folder)
        if not folder.is_dir():
            continue
        files = sorted(folder.glob(f"*{LABELS_SUFFIX}"))
        if slugs is not None:
            files = [f for f in files if f.name.removesuffix(LABELS_SUFFIX) in set(slugs)]
        for labels_file in files:
            if labels_file.resolve().is_relative_to(CORPUS.resolve()):
                guard.allowed_in_corpus.add(labels_file.resolve())
            agreement = _read_labels(name, labels_file, guard)
            if agreement.document.resolve().is_relative_to(CORPUS.resolve()):
                guard.allowed_in_corpus.add(agreement.document.resolve())
            guard.check(agreement.document)
            found.append(agreement)
    return found, guard
