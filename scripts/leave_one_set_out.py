"""Judge the trained second opinion's roles in one language on sets its model has not seen.

For each named development set (each written blind, so first scored before anyone tuned on it),
today's training code fits the arbiter on today's development data less that set, and today's
analyzer scores the set with that model under each combination of roles asked for. The rules
have been tuned on the set since; the model has not seen it. This is how the per-language roles
in ``ARBITER_ROLES`` (``blma/analysis/analyzer.py``) were chosen on 2026-12-05.

    python scripts/leave_one_set_out.py --language es --sets synthetic-es-dev5 synthetic-es-dev6 \\
        --try confirms topic+confirms
    python scripts/leave_one_set_out.py --language fr --sets synthetic-fr-dev4 real-fr-dev --try paraphrases_soft
    python scripts/leave_one_set_out.py --language en --sets real-dev --folds 5 --try unrelated
    python scripts/leave_one_set_out.py --language fr --sets real-fr-dev --folds 4 --without confirms
    python scripts/leave_one_set_out.py --language en --sets real-dev --folds 5 --set UNRELATED_BELOW=0.05

``--folds K`` holds out a K-th of the set's documents at a time (sorted by name, every K-th) and
pools the K scorings: the model then still learns the voice of the set's other texts, as it
would have for a new text of a kind it knows. For the real English texts that is the fairer
judge: without any of them the model has read no real English treaty at all.

``--errors FILE`` writes the wrong pairs of the own roles (agreement, protection, label, found), to
read what the model that has not seen a text gets wrong in it.

``--train NAME=VALUE`` changes a training setting of ``arbiter_training.Settings`` for the whole run
(``--train strength_c=2``, ``--train negation=false``).
``--try ROLE:NAME=VALUE,...`` scores the added roles with second-opinion bars changed too.
``--without ROLE`` scores the language's roles less that one; ``--set NAME=VALUE`` scores them
with one of the second opinion's bars (``blma/analysis/second_opinion.py``) changed. Each line
printed: set, variant (the language's own roles, then each ``--try``, ``--without`` and ``--set``),
exact, detection, present precision, contrary F1 (precision/recall); with several sets, a pooled line closes. Needs the training extra (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blma.analysis import analyzer as analyzer_module  # noqa: E402
from blma.analysis import arbiter_training as training  # noqa: E402
from blma.analysis import second_opinion  # noqa: E402
from blma.analysis.arbiter import Arbiter  # noqa: E402
from blma.analysis.scoring import score  # noqa: E402
from blma.analysis.training_data import training_data  # noqa: E402
from blma.api import analyze_path  # noqa: E402
from blma.evaluation.run import evaluate  # noqa: E402
from blma.evaluation.sets import load_manifest, open_set  # noqa: E402
from blma.library import default_library  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", required=True, help="en, fr or es: whose roles are varied")
    parser.add_argument("--sets", nargs="+", required=True, help="development sets of corpus/sets.yaml")
    parser.add_argument(
        "--try", dest="tries", nargs="+", default=[], help="roles to add, '+'-joined (e.g. topic+confirms)"
    )
    parser.add_argument("--without", nargs="+", default=[], help="roles to leave out, one variant each")
    parser.add_argument(
        "--set", dest="bars", nargs="+", default=[], help="a second-opinion bar changed, e.g. UNRELATED_BELOW=0.05"
    )
    parser.add_argument(
        "--folds", type=int, default=1, help="hold out a K-th of each set at a time (default 1: the whole set)"
    )
    parser.add_argument(
        "--train",
        nargs="+",
        default=[],
        help="a training setting changed for the whole run, e.g. strength_c=2 (arbiter_training.Settings)",
    )
    parser.add_argument(
        "--errors", type=Path, help="write the wrong pairs of the language's own roles here (TSV), for error analysis"
    )
    args = parser.parse_args()
    if args.folds < 1:
        parser.error("--folds must be 1 or more")
    own = analyzer_module.ARBITER_ROLES.get(args.language, analyzer_module.OTHER_LANGUAGE_ARBITER_ROLES)
    variants: dict[str, tuple[tuple[str, ...], dict[str, float]]] = {"own roles": (tuple(own), {})}
    for combo in args.tries:
        roles, _, settings = combo.partition(":")
        bars = {}
        for setting in filter(None, settings.split(",")):
            name, _, value = setting.partition("=")
            if not hasattr(second_opinion, name) or not value:
                parser.error(f"--try {combo}: expected ROLE[+ROLE][:NAME=VALUE,...] with second_opinion's bars")
            bars[name] = type(getattr(second_opinion, name))(value)
        variants["+" + combo] = (tuple(own) + tuple(r for r in roles.split("+") if r not in own), bars)
    for role in args.without:
        variants["-" + role] = (tuple(r for r in own if r != role), {})
    for bar in args.bars:
        name, _, value = bar.partition("=")
        if not hasattr(second_opinion, name) or not value:
            parser.error(f"--set {bar}: expected NAME=VALUE with NAME one of second_opinion's bars")
        variants[bar] = (tuple(own), {name: type(getattr(second_opinion, name))(value)})
    try:
        settings = training.parse_settings(args.train)
    except ValueError as error:
        parser.error(f"--train {error}")
    manifest, root = load_manifest()
    data = training_data()
    protections = list(default_library().protections)
    pooled: dict[str, list] = {name: [] for name in variants}
    for set_name in args.sets:
        labelled = open_set(manifest.select([set_name])[0], root)
        documents = sorted(labelled.labels, key=lambda labels: labels.path.name)
        folds = [documents[k :: args.folds] for k in range(args.folds)]
        pairs: dict[str, list] = {name: [] for name in variants}
        for fold in folds:
            stems = {labels.path.stem for labels in fold}

            def held_out(source: str, name: str = set_name, stems: set[str] = stems) -> bool:
                # agreement sources read "agreement:<set>/<file name>"
                return source.startswith(f"agreement:{name}/") and Path(source.split("/", 1)[1]).stem in stems

            try:
                arbiter = training.arbiter_without(data, protections, held_out, settings)
            except ValueError:
                raise SystemExit(f"{set_name}: no training example comes from this set (is it a development set?)") from None

            def system(roles: tuple[str, ...], bars: dict[str, float], arbiter: Arbiter = arbiter):
                def build():
                    # an Analyzer reads the language's roles when it builds its engine for that language
                    analyzer_module.ARBITER_ROLES[args.language] = roles
                    engine = analyzer_module.Analyzer(arbiter=arbiter)

                    def run(path: Path) -> dict[str, str]:
                        saved = {name: getattr(second_opinion, name) for name in bars}
                        try:  # the bars are read when a finding is judged, so they are set per run
                            for name, value in bars.items():
                                setattr(second_opinion, name, value)
                            return analyze_path(path, engine).statuses()
                        finally:
                            for name, value in saved.items():
                                setattr(second_opinion, name, value)

                    return run

                return build

            try:
                part = dataclasses.replace(labelled, labels=fold)
                result = evaluate([part], {name: system(*variant) for name, variant in variants.items()})
            finally:
                analyzer_module.ARBITER_ROLES[args.language] = own
            for name in variants:
                pairs[name] += result.results[0].pairs[name]
        for name in variants:
            pooled[name] += pairs[name]
            _print(set_name, name, pairs[name])
    if len(args.sets) > 1:
        for name in variants:
            _print("pooled", name, pooled[name])
    if args.errors is not None:
        wrong = [(str(a), pid, truth, found) for a, pid, truth, found in pooled["own roles"] if truth != found]
        args.errors.write_text("".join("\t".join(row) + "\n" for row in sorted(wrong)), encoding="utf-8")


def _print(set_name: str, variant: str, pairs: list) -> None:
    s = score(pairs)
    precision = "-" if s.present_precision is None else f"{s.present_precision:.3f}"
    contrary = f"{s.contrary_f1:.3f} ({s.contrary_precision or 0:.2f}/{s.contrary_recall or 0:.2f})"
    print(f"{set_name}\t{variant}\t{s.exact:.3f}\t{s.detection:.3f}\t{precision}\t{contrary}", flush=True)


if __name__ == "__main__":
    main()
