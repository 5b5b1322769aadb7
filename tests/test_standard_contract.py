"""The standard employment contract annex: a real contract form the Parties make binding (issue 11,
"What negotiators miss"), not a table of minimum terms.

A negotiator asks for it in the specification (``annexes: standard_contract: true``); each section
tied to a protection appears only when the draft secures it and cites the article that governs it.
"""

from __future__ import annotations

import copy
import io
import re
import subprocess
import sys

import pytest
import yaml
from docx import Document

from blma.drafting import draft
from blma.drafting.docx_writer import docx_bytes
from blma.errors import SpecError

SPEC = {
    "parties": {
        "origin": {"country": "the Republic of Sundara", "short_name": "Sundara", "authority": "Ministry of Overseas Employment"},
        "destination": {"country": "the Kingdom of Valdoria", "short_name": "Valdoria", "authority": "Ministry of Labour"},
    },
    "annexes": {"model_contract": True, "standard_contract": True, "competent_authorities": True},
}  # fmt: skip


def make(**extra: object):
    data = copy.deepcopy(SPEC)
    data.update(extra)
    return draft(data)


def contract(result):
    return next(a for a in result.annexes if a.key == "standard_contract")


def article_of(result, protection: str) -> int:
    return next(a.number for c in result.chapters for a in c.articles if protection in a.secures)


def section(annex, title: str) -> str:
    return next(p for p in annex.paragraphs if re.match(rf"\d+\. {re.escape(title)}\. ", p))


def test_the_contract_is_a_form_with_blanks_and_signature_lines_not_a_table():
    result = make()
    annex = contract(result)
    assert annex.table is None
    assert annex.heading.startswith("Annex II")
    assert "Standard Employment Contract" in annex.heading
    text = "\n".join(annex.paragraphs)
    assert "[passport number]" in text and "[amount and currency]" in text
    assert "For the employer:" in text and "The worker:" in text
    assert "Registered by the competent authority of Sundara" in text
    numbers = [int(m.group(1)) for p in annex.paragraphs if (m := re.match(r"(\d+)\. ", p))]
    assert numbers == list(range(1, len(numbers) + 1))


def test_each_section_cites_the_article_that_secures_its_protection():
    result = make()
    annex = contract(result)
    for title, protection in [
        ("Wage", "wage_protection"),
        ("Recruitment costs", "no_worker_fees"),
        ("Social security", "social_security_portability"),
        ("Complaints and disputes", "access_to_justice"),
    ]:
        assert f"Article {article_of(result, protection)} of the Agreement" in section(annex, title)


def test_an_omitted_protection_drops_its_section_and_the_rest_stay_numbered():
    result = make(
        protections={"accommodation": {"clause": "omit", "reason": "Workers find their own housing."}}
    )
    text = "\n".join(contract(result).paragraphs)
    assert "Accommodation and food." not in text
    numbers = [int(m.group(1)) for p in contract(result).paragraphs if (m := re.match(r"(\d+)\. ", p))]
    assert numbers == list(range(1, len(numbers) + 1))


def test_the_annexes_article_names_the_contract_and_the_mou_keeps_its_register():
    result = make(style="mou")
    body = "\n".join(p for c in result.chapters for a in c.articles for p in a.paragraphs)
    assert "Annex II (Standard Employment Contract)" in body
    intro = contract(result).paragraphs[0]
    assert "will be employed on the contract set out below" in intro
    assert "will not register a contract" in intro
    assert "shall" not in intro and "null and void" not in intro


def test_the_clause_that_makes_the_form_binding_cites_it_and_needs_it():
    chosen = {"written_contract": "written_contract.binding_standard_form"}
    result = make(protections=chosen)
    article = next(a for c in result.chapters for a in c.articles if a.key == "written_contract")
    assert "the standard employment contract set out in Annex II" in article.paragraphs[0]
    without = copy.deepcopy(SPEC)
    without["annexes"]["standard_contract"] = False
    with pytest.raises(SpecError, match="standard_contract_annex"):
        draft({**without, "protections": chosen})


def test_docx_and_markdown_carry_the_form(tmp_path):
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    out = tmp_path / "draft.md"
    run = subprocess.run(
        [sys.executable, "-m", "blma", "draft", str(spec_file), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    markdown = out.read_text(encoding="utf-8")
    assert "## Annex II — Standard Employment Contract" in markdown
    assert "Basic wage: [amount and currency]" in markdown
    document = Document(io.BytesIO(docx_bytes(make())))
    paragraphs = [p.text for p in document.paragraphs]
    heading = next(
        i for i, t in enumerate(paragraphs) if "Standard Employment Contract" in t and t.startswith("Annex")
    )
    assert any(t.startswith("1. Parties. Employer: [name]") for t in paragraphs[heading:])
