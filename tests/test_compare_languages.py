"""Comparison across languages (issue 10): statuses are language-neutral, so an English and a
French agreement sit side by side in one protection matrix, each analysed in its own language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "sample_agreements" / "azuria_sundara_seasonal.docx"

FRENCH = """ACCORD ENTRE LA RÉPUBLIQUE DE SUNDARA ET LE ROYAUME DE VALDORIA RELATIF À L'EMPLOI DES TRAVAILLEURS

Article premier
Le présent accord régit le recrutement des travailleurs ressortissants de Sundara en vue de leur emploi au Valdoria.

Article 2
L'employeur conserve le passeport du travailleur pendant toute la durée du contrat.

Article 3
Le travailleur ne peut changer d'employeur pendant la durée de son contrat.

Article 4
Le présent accord entre en vigueur à la date de sa signature.
"""


def test_an_english_and_a_french_agreement_share_one_matrix(tmp_path):
    french = tmp_path / "accord.txt"
    french.write_text(FRENCH, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "blma", "compare", str(ENGLISH), str(french), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["versions"] is False and result["changes"] == []
    matrix = result["matrix"]
    assert len(matrix) == 34 and all(len(statuses) == 2 for statuses in matrix.values())
    # the French text is read in French: its passport and change-of-employer articles work against workers
    assert matrix["identity_documents"][1] == "contrary"
    assert matrix["employer_change"][1] == "contrary"
    # and the English sample keeps the statuses it has when analysed alone
    alone = subprocess.run(
        [sys.executable, "-m", "blma", "analyze", str(ENGLISH), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    statuses = {p["id"]: p["status"] for p in json.loads(alone.stdout)[0]["protections"]}
    assert {pid: column[0] for pid, column in matrix.items()} == statuses
