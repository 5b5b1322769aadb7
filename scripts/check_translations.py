"""Check the French or Spanish texts of the clause library against the English, file by file.

    python scripts/check_translations.py fr                       # every problem in French
    python scripts/check_translations.py es clauses/translations/es/protections/health_care.yaml
    python scripts/check_translations.py fr --show no_worker_fees.employer_pays_all

The same checks run in ``blma library check``; this script is the translator's quick loop: it
lists only the problems of the files named, and ``--show`` renders clauses with the language's
example values in both styles.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from blma.library import default_library
from blma.library.render import render_clause
from blma.library.translations import translate_library


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language", choices=["fr", "es"])
    parser.add_argument("files", nargs="*", type=Path, help="only the problems of these translation files")
    parser.add_argument("--show", action="append", default=[], metavar="CLAUSE_ID", help="render a clause")
    args = parser.parse_args(argv)

    english = default_library()
    library, problems = translate_library(english, args.language)
    wanted = {f.resolve().relative_to((english.root / "translations" / args.language).resolve()).as_posix() for f in args.files}
    shown = [p for p in problems if not wanted or p.file.split("/", 2)[-1] in wanted]
    for problem in shown:
        print(problem)
    examples = {name: var.example for name, var in library.variables.items()}
    for cid in args.show:
        clause = library.clause(cid)
        for style in clause.styles:
            words = _style_words(args.language, style)
            print(f"--- {cid} ({style}): {clause.title}")
            print(render_clause(clause, examples | words, language=args.language))
    print(f"{len(shown)} problem(s)" + (f" in {len(wanted)} file(s)" if wanted else ""), file=sys.stderr)
    return 1 if shown else 0


def _style_words(language: str, style: str) -> dict[str, str]:
    from blma.drafting.wording import wording

    return wording(language).style_words(style)


if __name__ == "__main__":
    raise SystemExit(main())
