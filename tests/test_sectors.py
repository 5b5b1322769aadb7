"""One list of sectors (blma.library.models): every table keyed by sector follows it."""

from __future__ import annotations

from typing import get_args

import pytest

from blma.analysis.facts import SECTOR_CUES
from blma.drafting import DraftSpec, init_spec
from blma.drafting.spec import DraftSector
from blma.drafting.wording import setting
from blma.errors import SpecError
from blma.library.models import AGREEMENT_SECTORS, SECTORS


def test_the_sectors_of_an_agreement_are_the_library_sectors_but_the_wildcard():
    assert tuple(s for s in SECTORS if s != "all") == AGREEMENT_SECTORS
    assert get_args(DraftSector) == AGREEMENT_SECTORS


@pytest.mark.parametrize("table", ["sector_labels", "sector_titles"])
def test_the_wording_names_every_sector_in_order(table):
    assert tuple(setting(table)) == AGREEMENT_SECTORS


def test_the_analysis_has_cues_for_every_sector_but_general():
    assert set(SECTOR_CUES) == set(AGREEMENT_SECTORS) - {"general"}


def test_the_starter_spec_lists_the_sectors_and_a_draft_refuses_any_other():
    assert f"One or more of: {', '.join(AGREEMENT_SECTORS)}" in init_spec()
    parties = {"origin": {"country": "Sundara"}, "destination": {"country": "Valdoria"}}
    with pytest.raises(SpecError, match="sectors"):
        DraftSpec.from_data({"parties": parties, "sectors": ["mining"]}, "spec")
