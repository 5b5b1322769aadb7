"""Treaties about something else raise no alarm for workers (``scripts/false_alarms.py``).

The sentences are our own, written after the patterns that the probe of 400 unrelated treaties
from the Dutch treaty database turned up (aviation, tax, customs, finance, host-country
agreements): each once made the analyzer report a provision working against workers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from false_alarms import findings  # noqa: E402

UNRELATED = """# Agreement between the Republic of Arland and the Kingdom of Bellmoor on air services and customs co-operation

## Article 1

Aircraft of the designated airline of either Contracting Party, with their spare parts, fuel and
aircraft stores on board, shall be exempt from customs duties and inspection fees.

## Article 2

Information shall be exchanged under the provisions of this Agreement and shall be treated as
confidential as Article 9 provides.

## Article 3

Each Government shall waive its claims against the other Government for damage to its property
caused in the performance of this Agreement.

## Article 4

The customs administrations shall waive all claims for reimbursement of costs incurred in applying
this Agreement.

## Article 5

These records shall be available at all times for inspection by the competent authorities.

## Article 6

When a crew member holding the relevant identity document is disembarked for reasons of health,
the competent authorities shall allow the stay needed for treatment.

## Article 7

Provided the Organisation has set up its own social security scheme, its staff members shall be
exempt from the social security provisions of the host State.

## Article 8

The permanent establishment may deduct interest, royalties, commissions or similar payments
incurred for its own purposes.

## Article 9

Equipment, materials and supplies imported by the sending State under this Agreement shall be
exempt from inspection.

## Article 10

The staff of the Secretariat shall refrain from any action incompatible with their
responsibilities to the Organisation.

## Article 11

The data thus obtained by the Organisation shall be made available by it on request to the other
contracting States.

## Article 12

The Parties shall promote access for persons with disabilities to accessible information and
communications technologies and systems.

## Article 13

Each Member State retains for itself the right to tax the salaries and emoluments paid by the Fund
to its own nationals.

## Article 14

The Government of Arland will retain all earnings, if any, arising from the commercial carriage of
passengers and cargo on the chartered vessels.
"""


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> list[dict]:
    path = tmp_path_factory.mktemp("unrelated") / "air_services.md"
    path.write_text(UNRELATED, encoding="utf-8")
    return findings(path)


def test_an_unrelated_treaty_has_nothing_working_against_workers(found):
    assert found, "the probe read nothing"  # dispute settlement, duration ... are still found
    contrary = [(row["cue"], row["sentence"][:80]) for row in found if row["status"] == "contrary"]
    assert contrary == []


def test_aircraft_inspection_and_tax_deductions_are_no_worker_protection(found):
    cited = {row["sentence"].split()[0] for row in found}
    assert not cited & {"Aircraft", "Equipment"}  # customs inspection of goods is no labour inspection
    assert not [row for row in found if row["status"] == "present"]  # and nothing reads as secured for workers


def test_each_finding_names_its_cue_and_sentence(found):
    assert all(row["cue"] and row["text"] == "air_services" for row in found)
