"""How the arbiter's training examples are cut from labelled agreements: citations matched to
the reader's locations (conservatively), sentences split, and what each source contributes."""

from __future__ import annotations

import pytest

from blma.analysis.citations import block_place, covered_blocks, parse_citation, repeated_units
from blma.analysis.training_data import split_sentences, training_data


@pytest.mark.parametrize(
    ("citation", "location"),
    [
        ("Art. 6", "Article 6(1)"),
        ("Article 6", "Article VI(2)(a)"),
        ("Article VI(2)", "Article 6(2)"),
        ("ARTICLE TWENTY-FOUR(4)", "Article Twenty-four(4)"),
        ("ARTICLE SIX(2)", "Article Six(2)"),
        ("Annex A, Clause 4.1-4.3", "Annex A, Clause 4(4.2)"),
        ("Annex I, paragraph 4", "Annex I, Seasonal Employment Contract(4)"),
        ("Sections 13.1-13.2", "Section 13.2"),
        ("Section 4.1", "Paragraph 4(4.1)"),
        ("Article 6(1)-(3)", "Article 6(3)"),
        ("Article 3(a)-(b); Article 4(a)", "Article 4(a)"),
        ("Article 24(1) and (3)", "Article 24(3)"),
        ("Articles 5, 6 and 9-10", "Article 10(2)"),
        ("Paragraph 2", "Recruitment(2)"),
        ("Paragraph 11", "11"),
        ("Article 7(a)", "7, subparagraph (a)"),
        ("Clause 9, text box", "Clause 9"),
        ("Article 21 (new Article 11(4))", "Article 21(2)"),
        ("article quatre, alinéa 2", "Article 4(2)"),  # as the reader cites "ARTICLE QUATRE"
        ("articles trois et cinq", "Article 5(1)"),
        ("artículo vigésimo primero, párrafo 2", "Article 21(2)"),
        ("Article (7), Item 4", "Article 7(4)"),  # translated texts number an article's parts "Item"
        ("Item 5, Point 5.2", "Point 5.2"),
        ("Annex II Art 7-8", "Annex II, Article 8(1)"),  # a reader's shorthand, no comma
        # new wording an amending instrument quotes, and readers' remarks around a citation
        ("Article IV (new Article 5(2))", "Article IV (new Article 5(2))"),
        ("Article IV (Article 5(2))", "Article IV (new Article 5(1))"),
        ("Article 3 (Article 4(2) as amended)", "Article 3 (new Article 4(2))"),
        ("Note I, paragraph 6 (new Article 11A(1)-(3))", "Note I, paragraph 6 (new Article 11A(2))"),
        ("Article 11A(1)-(4) (inserted by Protocol No. 1)", "Article 11A(3)"),
        ("limited by Article X", "Article X(2)"),
        ("Artículo II (nuevo artículo 5.1)", "Artículo II (nuevo artículo 5.1)"),
        # Spanish and French clauses, sections and points, ordinal marks, notes and letters
        ("Cláusula 10.ª", "Cláusula 10(2)"),
        ("Cláusula decimocuarta", "Cláusula 14"),
        ("Cláusula 6.ª a)", "Cláusula 6(a)"),
        ("sección 9.2", "Sección 9.2"),
        ("punto 3.6", "Punto 3.6"),
        ("artículo 20.º", "Artículo 20.1"),
        ("Nota I, punto 9", "Nota I, párrafo 9"),
        ("Lettre I, point 8", "Lettre I, paragraphe 8"),
        # the treaty database's notes and protocols, and a scope a reader leaves out
        ("Note No. I, paragraph 4", "Letter I, paragraph 4"),
        ("Exchange of Letters, No. I, Article 5", "Note I, Article 5"),
        ("Final Protocol, No. 4", "Protocole Final, paragraphe 4"),
        ("Paragraph 7(b)", "Letter I, paragraph 7(b)"),  # the main text has none: the letter's
        ("Section III(b)", "Protocol, Section III(b)"),  # "Protocol, Section V(b); Section III(b)"
        ("Clause 16(a)", "Annex I, Clause 16(a)"),  # a standard contract the reader set in an annex
        ("paragraphe 4.3", "Paragraph 4.3"),
        ("Protocol Article 8", "Protocol, Article 8(1)"),
        ("Article 8 of the Protocol", "Protocol, Article 8"),
        ("Article 7 of the Protocol", "Article 7(2)"),  # the protocol is the document itself
        ("paragraph 4 of Note II", "Note II, paragraph 4"),
        ("First Note, paragraph 3", "Note I, paragraph 3"),
        ("First Note, paragraph 10", "First Note, paragraph 10"),  # as the document heads it
        ("Articles III.1-III.5", "Article III.4(2)"),
    ],
)
def test_citation_covers_the_block_it_names(citation, location):
    origin = "textbox" if "text box" in citation else "body"
    found, missed = covered_blocks(parse_citation(citation).places, [block_place(location, origin)])
    assert found == {0}, (parse_citation(citation), block_place(location, origin), missed)


@pytest.mark.parametrize(
    ("citation", "location"),
    [
        ("Article 1", "Article 10(1)"),
        ("Article 6(1)", "Article 6(2)"),
        ("Sections 13.1-13.2", "Section 13.3"),
        ("Annex I, paragraph 4", "Article 4"),
        ("Article (7), Item 4", "Article 4"),
        ("Article 4", "Annex A, Clause 4"),
        ("Protocol, Article 5", "Annex B, Article 5"),
        ("Note I, paragraph 6", "Note II, paragraph 6"),  # the reply's paragraph 6 is not the first note's
        ("Article IV (new Article 5(2))", "Article 5(2)"),  # the protocol's own Article 5 is another text
        ("Article 11A", "Article 11(1)"),
        ("Article 4, table row 1", "Article 4, table row 1"),  # table rows need the quoted words
    ],
)
def test_citation_does_not_cover_other_blocks(citation, location):
    found, _ = covered_blocks(parse_citation(citation).places, [block_place(location)])
    assert found == set()


def test_a_citation_without_a_scope_is_the_main_texts_then_the_first_notes_never_a_guess():
    def covered(citation: str, locations: list[str]) -> set[int]:
        return covered_blocks(parse_citation(citation).places, [block_place(x) for x in locations])[0]

    assert covered("Paragraph 6", ["Paragraph 6", "Note I, paragraph 6"]) == {0}
    assert covered("Paragraph 6", ["Note II, paragraph 6", "Note I, paragraph 6"]) == {1}
    assert covered("Article 5", ["Annex A, Article 5", "Annex B, Article 5"]) == set()  # which annex?
    assert covered("Article 7 of the Protocol", ["Article 7", "Protocol, Article 7"]) == {1}


def test_broad_and_unreadable_citations_are_kept_apart():
    citation = parse_citation("Preamble; Annex; Closing paragraph of Note I; Article 5")
    assert [p.path for p in citation.places] == [("5",)]
    assert citation.broad == ["Preamble", "Annex"]
    assert citation.unreadable == ["Closing paragraph of Note I"]


def test_a_table_row_is_taken_with_or_without_a_header_row_only_when_confirmed():
    blocks = [block_place("Article 4, table row 1"), block_place("Article 4, table row 2")]
    places = parse_citation("Article 4, table row 1").places
    found, _ = covered_blocks(places, blocks, confirm=lambda hits: hits == {1})
    assert found == {1}


def test_renumbered_paragraphs_need_the_quoted_words():
    blocks = [block_place("Paragraph 4"), block_place("Paragraph 5"), block_place("Paragraph 10")]
    places = parse_citation("Letter I, paragraph (5)").places
    assert covered_blocks(places, blocks, confirm=lambda hits: False)[0] == set()
    assert covered_blocks(places, blocks, confirm=lambda hits: True)[0] == {1}


def test_units_numbered_twice_are_found():
    places = [
        block_place(loc) for loc in ["Article 1", "Article 2", "Article 3", "Article 1(1)", "Article 2"]
    ]
    assert repeated_units(places) == {("", "1"), ("", "2")}


def test_sentences_split_on_capitals_but_not_on_abbreviations():
    text = "Workers shall be paid monthly. See Art. 6 of the Agreement; Wages shall be paid in cash! Done."
    assert split_sentences(text) == [
        "Workers shall be paid monthly.",
        "See Art. 6 of the Agreement;",
        "Wages shall be paid in cash!",
    ]


def test_training_data_is_sorted_and_draws_on_every_source():
    data = training_data()
    keys = [(e.text, e.protection or "", e.status or "", e.source) for e in data.examples]
    assert keys == sorted(keys)
    counts = data.counts()
    for kind in ("agreement", "agreement_negative", "library", "library_negative", "rubric"):
        assert counts[kind] > 50, kind
    assert counts["wording:wording_cases.yaml"] > 100 and counts["wording:wording_cases_external.yaml"] > 100
    statuses = {e.status for e in data.examples}
    assert statuses == {"present", "partial", "contrary", "missing", None}
    assert not any("holdout" in e.source and "old-holdout" not in e.source for e in data.examples)



def test_the_library_teaches_the_model_french_and_spanish_under_the_same_clause():
    from blma.analysis.training_data import library_examples
    from blma.library import default_library

    examples = [e for e in library_examples(default_library()) if e.source == "library:identity_documents.keep_passport"]
    padded = [f" {e.text.lower()} " for e in examples]
    english = [t for t in padded if " shall " in t or " will " in t]
    french = [t for t in padded if " le " in t or " la " in t or " les " in t]
    spanish = [t for t in padded if " el " in t or " los " in t or " las " in t]
    assert english and french and spanish  # one cross-validation group: the clause, in three languages
    assert {e.protection for e in examples} == {"identity_documents"} and {e.status for e in examples} == {"present"}
    assert any("passeport" in t for t in french) and any("pasaporte" in t for t in spanish)
