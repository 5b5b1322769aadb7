"""The analyzer on single sentences in many wordings: each a small agreement of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from blma.analysis import default_analyzer
from blma.reading import read_bytes

CASES = yaml.safe_load((Path(__file__).parent / "data" / "wording_cases.yaml").read_text(encoding="utf-8"))
HEAD = "# Agreement between Arvenia and Borslav on Labour Migration\n\n## Article 1 - Provisions\n\n"


#: Cases the analyzer gets wrong today, with why; strict, so a fix shows up as a failure to remove it.
#: (The bare freedom to transfer savings, read partial by the model of session 18, reads present again
#: since it was retrained with the ninth real batch, 2026-12-05.)
KNOWN_MISSES: dict[str, str] = {
    "Loss of employment shall not lead to the cancellation of the residence permit for a period of three months.": (
        "retrained 2026-12-06 (session 22, with en30): the model's check of a 'present' reads this "
        "grace period 45% present against partial, just short of the 45% bar (a coin flip that moves "
        "with each retrain)"
    ),
}


def _param(index: int, case: dict):
    reason = KNOWN_MISSES.get(case["text"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, marks=marks, id=f"{case['protection']}-{case['expected']}-{index}")


@pytest.mark.parametrize("case", [_param(i, c) for i, c in enumerate(CASES)])
def test_wording(case):
    doc = read_bytes("case.md", f"{HEAD}(1) {case['text']}\n".encode())
    finding = default_analyzer().analyze(doc).finding(case["protection"])
    assert finding.status == case["expected"], finding.reason
    if case["expected"] != "missing":
        assert finding.evidence and finding.evidence[0].location == "Article 1(1)"
