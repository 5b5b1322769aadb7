"""Drafting and analysis agree: a default draft, exported to Word and read back, secures every protection."""

from __future__ import annotations

import pytest

from blma.analysis import default_analyzer
from blma.drafting import draft
from blma.reading import read_bytes


@pytest.mark.parametrize("style", ["agreement", "mou"])
@pytest.mark.parametrize("sector", ["general", "domestic_work", "seasonal_agriculture", "health_care", "construction"])
def test_default_draft_is_found_complete(draft_spec, sector, style):
    spec = {**draft_spec, "sectors": [sector], "style": style}
    report = default_analyzer().analyze(read_bytes("draft.docx", draft(spec).to_docx()))
    assert report.facts.instrument == style
    not_present = {f.id: (f.status, f.reason) for f in report.protections if f.status != "present"}
    assert not_present == {}
    assert report.core_score == 1.0


def test_omitted_protection_is_found_missing(draft_spec):
    spec = {**draft_spec, "protections": {"remittances": {"clause": "omit", "reason": "left to a later protocol"}}}
    report = default_analyzer().analyze(read_bytes("draft.docx", draft(spec).to_docx()))
    assert report.finding("remittances").status == "missing"
    assert report.finding("remittances").suggestions
