"""Score each blind batch of real texts with the code it was first scored with, and try variants.

Every batch in ``corpus/<name>/batches.yaml`` (English ``real``, French ``real_fr``) was first scored with a commit whose rules and model
had seen none of its texts. Running that commit again on the batch (today's labels) measures how
the analysis carries over to unseen real texts; the variants below re-decide its findings from
what the run recorded, so a design can be judged on texts neither its rules nor its model saw,
before it is built. Each commit is checked out in a temporary git worktree and run in its own
process (``PYTHONPATH``), with its own cache folder; nothing in the working tree changes.

    python scripts/blind_batches.py                 # every batch, every variant
    python scripts/blind_batches.py --runs /tmp/bb  # keep (and reuse) the per-batch runs
    python scripts/blind_batches.py --corpus real_fr  # the French batches
    python scripts/blind_batches.py --refit          # also with today's model design, trained without the batch
    python scripts/blind_batches.py --refit --train shared_partial_weight=0.3 "strength_c=2,negation=false"

``--refit`` judges a change to the arbiter's design the same way: for each batch, today's
training code fits the model on today's development data less that batch's texts, re-reads the
evidence the old commit found (relevance and strength), and the variants run again on those readings (once with every
design setting listed in ``REFITS`` and each ``--train`` given). The rules stay the old commit's; the model has not seen
the batch, though its other data grew after the batch was first scored (the same for every
setting compared).

The runs need the analyzer of 2026-12-04 or later (``Analyzer(arbiter=False)``, ``observe``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blma.analysis import arbiter_training as training  # noqa: E402
from blma.analysis.scoring import score  # noqa: E402
from blma.analysis.second_opinion import present_share  # noqa: E402

CORPUS = ROOT / "corpus"

# Run inside the old commit's process: its analyzer with and without the model; for every
# finding the model's relevance and strength reading of the sentences cited as evidence, and the
# highest relevance to the protection of any sentence of eight words or more in the text.
RUN = r"""
import json, sys
from pathlib import Path
from blma.analysis import Analyzer
from blma.analysis.arbiter import Arbiter
from blma.api import analyze_path
from blma.reading import read_path

texts, out = Path(sys.argv[1]), {}
both, rules, model = Analyzer(), Analyzer(arbiter=False), Arbiter.load()
for slug in sys.argv[3:]:
    path = next(texts.glob(f"{slug}.*"))
    alone = {f.id: f.status for f in analyze_path(path, rules).protections}
    sentences = [s.sentence for s in rules.observe(read_path(path)) if len(s.sentence.split()) >= 8]
    top = {}
    for text in sentences:
        for pid, p in model.relevance(text).items():
            top[pid] = max(top.get(pid, 0.0), p)
    out[slug] = {
        f.id: {
            "analyzer": f.status,
            "rules": alone[f.id],
            "evidence": [[e.kind, model.relevance(e.text)[f.id], model.strength(f.id, e.text), e.text] for e in f.evidence],
            "top": top.get(f.id, 0.0),
        }
        for f in analyze_path(path, both).protections
    }
Path(sys.argv[2]).write_text(json.dumps(out))
"""

Verdict = dict  # one finding as the run recorded it
Variant = Callable[[Verdict], str]


def _evidence_relevance(v: Verdict) -> float | None:
    values = [r for kind, r, *_ in v["evidence"] if kind in ("supports", "weak")]
    return max(values) if values else None


def _unrelated_missing(bar: float) -> Variant:
    def decide(v: Verdict) -> str:
        relevance = _evidence_relevance(v)
        if v["analyzer"] == "partial" and relevance is not None and relevance < bar:
            return "missing"
        return v["analyzer"]

    return decide


Firm = list[tuple[dict, str]]  # the model's strength reading and the text of each firm sentence


def _present_kept_if(keep: Callable[[Firm], bool]) -> Variant:
    """A "present" stays present only if ``keep`` accepts the model's readings of its firm sentences."""

    def decide(v: Verdict) -> str:
        if v["analyzer"] == "present":
            firm = [(s, text) for kind, _, s, text in v["evidence"] if kind == "supports"]
            if firm and not keep(firm):
                return "partial"
        return v["analyzer"]

    return decide


def _missing_partial_where_relevant(bar: float) -> Variant:
    def decide(v: Verdict) -> str:
        return "partial" if v["analyzer"] == "missing" and v["top"] >= bar else v["analyzer"]

    return decide


NEGATED = re.compile(r"\b(?:not|no|never|nor|without|cannot)\b|\bprohibit\w*|\bforbid\w*", re.I)


def _read_present(bar: float) -> Callable[[Firm], bool]:
    return lambda firm: any(s["present"] >= bar for s, _ in firm)


def _read_present_or_negated(bar: float) -> Callable[[Firm], bool]:
    """The model reads a negated harm as the harm: a negated firm sentence keeps its present."""
    return lambda firm: any(s["present"] >= bar or NEGATED.search(text) for s, text in firm)


def _not_read_partial(bar: float) -> Callable[[Firm], bool]:
    """Demote only where the model's surest reading of every firm sentence is partial (at least ``bar``)."""
    return lambda firm: not all(max(s, key=s.get) == "partial" and s["partial"] >= bar for s, _ in firm)


def _present_share(bar: float) -> Callable[[Firm], bool]:
    """Direction left out: one firm sentence read present against partial at least ``bar``."""
    return lambda firm: any(present_share(s) >= bar for s, _ in firm)


def _more_present_than_partial(firm: Firm) -> bool:
    return any(s["present"] >= s["partial"] for s, _ in firm)


VARIANTS: dict[str, Variant] = {
    "analyzer": lambda v: v["analyzer"],
    "rules alone": lambda v: v["rules"],
    **{f"partial -> missing below {bar}": _unrelated_missing(bar) for bar in (0.05, 0.1, 0.15, 0.2)},
    **{
        f"present only if read present >= {bar}": _present_kept_if(_read_present(bar))
        for bar in (0.5, 0.6, 0.7, 0.8, 0.9)
    },
    "present only if read more present than partial": _present_kept_if(_more_present_than_partial),
    **{
        f"present only if a present share >= {bar}": _present_kept_if(_present_share(bar))
        for bar in (0.6, 0.7, 0.8, 0.9, 0.95)
    },
    **{
        f"present unless read partial (>= {bar})": _present_kept_if(_not_read_partial(bar))
        for bar in (0.34, 0.5, 0.7, 0.85)
    },
    **{
        f"present only if read present >= {bar} or negated": _present_kept_if(_read_present_or_negated(bar))
        for bar in (0.5, 0.6)
    },
    **{
        f"missing -> partial where a sentence reads >= {bar}": _missing_partial_where_relevant(bar)
        for bar in (0.8, 0.9, 0.95)
    },
}


# Arbiter settings compared under --refit (name -> Settings keyword arguments).
REFITS: dict[str, dict] = {"as today": {}}  # add settings here to compare designs (e.g. {"negation": False})


def refit(runs: list[dict], batches: list[dict], settings: dict) -> list[dict]:
    """The runs with every evidence sentence re-read (relevance and strength) by a model trained
    without its batch; ``top`` (every sentence's relevance) is not recorded, so it stays the old model's."""
    from blma.analysis.training_data import training_data
    from blma.library import default_library

    data = training_data()
    protections = list(default_library().protections)
    out = []
    for run, batch in zip(runs, batches, strict=True):
        held = set(batch["slugs"])  # agreement sources read "agreement:<set>/<slug>.<suffix>"
        arbiter = training.arbiter_without(
            data,
            protections,
            lambda source, held=held: source.rsplit("/", 1)[-1].rsplit(".", 1)[0] in held,
            training.Settings(**settings),
        )
        out.append(
            {
                slug: {
                    pid: {
                        **v,
                        "evidence": [
                            [kind, arbiter.relevance(text)[pid], arbiter.strength(pid, text), text]
                            for kind, _, _, text in v["evidence"]
                        ],
                    }
                    for pid, v in doc.items()
                }
                for slug, doc in run.items()
            }
        )
    return out


def run_batch(commit: str, slugs: list[str], texts: Path, out: Path) -> dict:
    if out.is_file():
        return json.loads(out.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
            check=True,
            capture_output=True,
        )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree), "BLMA_CACHE_DIR": str(Path(tmp) / "cache")}
            subprocess.run(
                [sys.executable, "-c", RUN, str(texts), str(out), *slugs], cwd=tree, env=env, check=True
            )
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=Path, help="folder to keep the per-batch runs in (reused when present)"
    )
    parser.add_argument(
        "--refit",
        action="store_true",
        help="also score with today's arbiter design, trained without each batch",
    )
    parser.add_argument(
        "--train",
        nargs="+",
        default=[],
        metavar="NAME=VALUE,...",
        help="with --refit: one more design per argument, training settings changed (arbiter_training.Settings)",
    )
    parser.add_argument(
        "--corpus", default="real", choices=("real", "real_fr"), help="default: real (English)"
    )
    args = parser.parse_args()
    refits = dict(REFITS)
    for design in args.train:
        try:
            refits[design] = dataclasses.asdict(training.parse_settings(design.split(",")))
        except ValueError as error:
            parser.error(f"--train {error}")
    corpus = CORPUS / args.corpus
    batches = yaml.safe_load((corpus / "batches.yaml").read_text(encoding="utf-8"))["batches"]
    runs_dir = args.runs or Path(tempfile.mkdtemp(prefix="blind-batches-"))
    runs_dir.mkdir(parents=True, exist_ok=True)
    truth = {
        slug: {
            pid: p["status"]
            for pid, p in yaml.safe_load((corpus / "labels" / f"{slug}.labels.yaml").read_text())[
                "protections"
            ].items()
        }
        for batch in batches
        for slug in batch["slugs"]
    }
    runs = []
    for batch in batches:
        print(f"running {batch['name']} at {batch['commit']} ({len(batch['slugs'])} texts)", file=sys.stderr)
        runs.append(
            run_batch(
                batch["commit"],
                batch["slugs"],
                corpus / "texts",
                runs_dir / f"{args.corpus}-{batch['commit']}.json",
            )
        )
    table(runs, truth, "the commit's own model")
    if args.refit:
        for name, settings in refits.items():
            print(f"refitting: {name}", file=sys.stderr)
            table(refit(runs, batches, settings), truth, f"today's design {name}, trained without the batch")


def table(runs: list[dict], truth: dict, title: str) -> None:
    """One line per variant: pooled exact, detection, present precision, then detection per batch."""
    pairs_total = sum(len(doc) for run in runs for doc in run.values())
    print(
        f"\n{title}: {len(runs)} batches, {len(truth)} texts, {pairs_total} pairs; exact and detection pooled, "
        "then detection per batch\n"
    )
    print(
        "| variant | exact | detection | present precision (right of said) | "
        + " | ".join(f"b{i}" for i in range(1, len(runs) + 1))
        + " |"
    )
    print("| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in runs) + " |")
    for name, decide in VARIANTS.items():
        per_batch = [
            [(slug, pid, truth[slug][pid], decide(v)) for slug, doc in run.items() for pid, v in doc.items()]
            for run in runs
        ]
        pooled = score([p for pairs in per_batch for p in pairs])
        cells = " | ".join(f"{score(pairs).detection:.3f}" for pairs in per_batch)
        precision = pooled.present_precision
        said = sum(p[3] == "present" for pairs in per_batch for p in pairs)
        said_right = sum(p[3] == p[2] == "present" for pairs in per_batch for p in pairs)
        print(
            f"| {name} | {pooled.exact:.3f} | {pooled.detection:.3f} | "
            f"{'-' if precision is None else f'{precision:.3f}'} ({said_right} of {said}) | {cells} |"
        )


if __name__ == "__main__":
    main()
