"""The Markdown export: the same instrument, readable as plain text."""

from __future__ import annotations

import re

from blma.drafting import draft


def test_markdown_has_title_chapters_numbered_articles_and_paragraphs(draft_spec):
    result = draft(draft_spec)
    text = result.to_markdown()
    assert text.startswith(f"# {result.title}\n")
    articles = re.findall(r"^### Article (\d+) — (.+)$", text, flags=re.M)
    assert [(int(n), h) for n, h in articles] == [(a.number, a.heading) for a in result.articles]
    assert "## Chapter I — General Provisions" in text
    assert "\n(1) The purpose of this Agreement" in text
    assert "\n(a) \"Migrant worker\" means" in text


def test_markdown_has_signature_and_annex_tables(draft_spec):
    text = draft(draft_spec).to_markdown()
    assert "| For the Government of the Republic of Sundara | For the Government of the Kingdom of Valdoria |" in text
    assert "## Annex I — Minimum Terms of the Employment Contract" in text
    assert "| Term | Content of the contract | Article |" in text
    assert text.index("In witness whereof") < text.index("## Annex I")


def test_markdown_escapes_pipes_in_table_cells(draft_spec):
    draft_spec["parties"]["destination"]["authority"] = "Ministry of Labour | Social Affairs"
    text = draft(draft_spec).to_markdown()
    assert "Ministry of Labour \\| Social Affairs" in text


def test_user_values_are_inserted_literally(draft_spec):
    draft_spec["parties"]["origin"]["short_name"] = "{{ 7*7 }}"
    text = draft(draft_spec).to_markdown()
    assert "{{ 7\\*7 }}" in text and "49" not in text.split("\n", 1)[0]  # the * escaped: literal, not emphasis
