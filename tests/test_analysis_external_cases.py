"""Single-sentence cases written from the rubric; tuned on since, so development data (a measured floor, not an independent test).

Unlike tests/data/wording_cases.yaml, which must all pass, these measure how the analyzer
does on wording it was not shaped on. The floor guards against regressions; the figure is printed.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from blma.analysis import default_analyzer
from blma.reading import read_bytes

CASES = yaml.safe_load(
    (Path(__file__).parent / "data" / "wording_cases_external.yaml").read_text(encoding="utf-8")
)
HEAD = "# Agreement between Arvenia and Borslav on Labour Migration\n\n## Article 1 - Provisions\n\n"


def test_external_wording_cases(capsys):
    analyzer = default_analyzer()
    right = sum(
        analyzer.analyze(read_bytes("case.md", f"{HEAD}(1) {c['text']}\n".encode()))
        .finding(c["protection"])
        .status
        == c["expected"]
        for c in CASES
    )
    with capsys.disabled():
        print(f"\nanalyzer on the external wording cases (development data): {right}/{len(CASES)} ({right / len(CASES):.0%})")
    assert len(CASES) >= 150
    assert right / len(CASES) >= 0.62
