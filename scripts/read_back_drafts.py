"""Draft every sector in both styles in one language, analyse each draft back, and list every
protection that does not come back "present", with the text of the article that secures it.

    python scripts/read_back_drafts.py fr            # French drafts
    python scripts/read_back_drafts.py es --quiet    # only the counts

A draft assembled from the library secures every protection, so anything but "present" here is a
gap in the analysis of that language (or a clause that says less than its protection asks). The
tests check two sectors (tests/test_draft_languages.py); this script checks all of them.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blma import api
from blma.drafting import draft
from blma.library.models import AGREEMENT_SECTORS
from tests.draft_parties import parties_in


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language", choices=["en", "fr", "es"])
    parser.add_argument("--quiet", action="store_true", help="only the counts")
    args = parser.parse_args(argv)
    lang = args.language
    missed: collections.Counter[tuple[str, str]] = collections.Counter()
    for style in ("agreement", "mou"):
        for sector in AGREEMENT_SECTORS:
            spec = parties_in(*([lang] if lang != "en" else [])) | {
                "language": lang, "sectors": [sector], "style": style, "annexes": {"standard_contract": True},
            }  # fmt: skip
            result = draft(spec)
            report = api.analyze_bytes(f"{lang}-{style}-{sector}.docx", result.to_docx())
            for finding in report.protections:
                if finding.status == "present":
                    continue
                missed[finding.id, finding.status] += 1
                if args.quiet:
                    continue
                print(f"\n## {style} {sector}: {finding.id} {finding.status}: {finding.reason}")
                for article in result.articles:
                    if finding.id in article.secures:
                        print(f"   Article {article.number} ({', '.join(article.clause_ids)}):")
                        for paragraph in article.paragraphs:
                            print(f"     - {paragraph}")
                for evidence in finding.evidence:
                    print(f"   evidence [{evidence.kind}] {evidence.location}: {evidence.text[:300]}")
    print(f"\n{sum(missed.values())} finding(s) not present across {2 * len(AGREEMENT_SECTORS)} drafts:")
    for (pid, status), count in missed.most_common():
        print(f"  {pid}: {status} x{count}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
