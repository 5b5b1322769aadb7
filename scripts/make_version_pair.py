"""Build two versions of a sample agreement for testing and benchmarking ``blma compare``.

Version 1 is the sample as built by ``scripts/build_samples.py``. Version 2 is the same
source with the employer-change article weakened to soft wording ("shall endeavour") and
the social security article removed, so every later article is renumbered one down. The
expected differences are therefore known: the articles pair despite their new numbers,
the word differences are the softened sentences, and employer change and social security
portability are the protections that weaken.

Usage: ``python scripts/make_version_pair.py [NAME] [-o DIR]``; writes ``NAME.v1.docx`` and
``NAME.v2.docx`` into DIR (default: the current folder).
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import yaml

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from build_samples import SOURCES, Builder, docx_bytes  # noqa: E402

DEFAULT_SAMPLE = "sundara_valdoria_domestic"
EMPLOYER_CHANGE_HEADING = "Change of Employer"
SOCIAL_SECURITY_HEADING = "Social Security"
#: The employer-change article of the default sample, softened; same matters, soft verbs.
SOFT_EMPLOYER_CHANGE = [
    "The Parties shall endeavour to enable a domestic worker to transfer to another employer in Valdoria "
    "after giving the notice provided for in the employment contract.",
    "The Parties shall endeavour to ensure that no release, consent or certificate of no objection from "
    "the previous employer is required for such a transfer.",
]


def load_source(name: str = DEFAULT_SAMPLE) -> dict:
    return yaml.safe_load((SOURCES / f"{name}.yaml").read_text(encoding="utf-8"))


def build(src: dict) -> bytes:
    return docx_bytes(Builder(src).build())


def weaken(src: dict, heading: str = EMPLOYER_CHANGE_HEADING, paras: list[str] | None = None) -> dict:
    """A copy of ``src`` whose article ``heading`` says ``paras`` instead."""
    out = copy.deepcopy(src)
    units = [u for u in out["document"]["body"] if u.get("heading") == heading]
    if not units:
        raise ValueError(f"{src['name']}: no article headed {heading!r}")
    units[0]["paras"] = list(paras or SOFT_EMPLOYER_CHANGE)
    return out


def remove_article(src: dict, heading: str = SOCIAL_SECURITY_HEADING) -> dict:
    """A copy of ``src`` without the article ``heading``; the builder renumbers the rest."""
    out = copy.deepcopy(src)
    body = out["document"]["body"]
    kept = [u for u in body if u.get("heading") != heading]
    if len(kept) == len(body):
        raise ValueError(f"{src['name']}: no article headed {heading!r}")
    out["document"]["body"] = kept
    return out


def version_pair(name: str = DEFAULT_SAMPLE) -> tuple[bytes, bytes]:
    """(version 1, version 2) as DOCX bytes."""
    src = load_source(name)
    return build(src), build(remove_article(weaken(src)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", default=DEFAULT_SAMPLE)
    parser.add_argument("-o", "--outdir", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    first, second = version_pair(args.name)
    for suffix, data in (("v1", first), ("v2", second)):
        path = args.outdir / f"{args.name}.{suffix}.docx"
        path.write_bytes(data)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
