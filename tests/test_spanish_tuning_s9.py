"""Spanish reading tuned on the blind Spanish development sets (second round): a carve-out for the
instrument's own special terms narrows a Spanish provision as any other qualifier does."""

from __future__ import annotations

import pytest

from blma.analysis.deontic import DeonticReader
from blma.analysis.rules import load_rulebook

READER = DeonticReader(load_rulebook(language="es").modality)


@pytest.mark.parametrize(
    "sentence",
    [
        "Los temporeros gozarán de igualdad de trato con los nacionales, sin perjuicio de las condiciones particulares de este Convenio.",
        "El trabajador tendrá derecho a cambiar de empleador, sin perjuicio de las reglas específicas del Plan.",
    ],
)
def test_special_terms_carve_out_is_a_qualifier(sentence: str) -> None:
    assert READER.read(sentence).qualifier == "save_special_terms"


def test_a_plain_without_prejudice_is_no_qualifier() -> None:
    provision = READER.read(
        "El empleador pagará el salario cada mes, sin perjuicio de lo dispuesto en el artículo 4."
    )
    assert provision.qualifier != "save_special_terms"
