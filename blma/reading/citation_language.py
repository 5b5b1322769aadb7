"""Locations in the words of a French or Spanish agreement ("Article 7, alinéa 2", "Artículo
7.2"), so that evidence quoted from it is cited the way its readers cite it."""

from __future__ import annotations

import re

from blma.reading.amendments import NEW_WORDING_CITED
from blma.reading.language import profile
from blma.reading.models import AgreementText

#: How a French or Spanish text cites its parts: "Article 7, alinéa 2", "Artículo 7.2".
CITATION_WORDS = {
    "fr": {"Preamble": "Préambule", "Title": "Titre", "Annex": "Annexe", "Annexe": "Annexe", "Appendix": "Appendice",
           "Letter": "Lettre", "Note": "Note", "Paragraph": "Paragraphe", "paragraph": "paragraphe",
           "subparagraph": "point", "table row": "tableau, ligne", "Table row": "Tableau, ligne", "footnote": "note",
           "text box": "encadré"},
    "es": {"Preamble": "Preámbulo", "Title": "Título", "Annex": "Anexo", "Annexe": "Anexo", "Anexo": "Anexo",
           "Appendix": "Apéndice", "Letter": "Carta", "Note": "Nota", "Paragraph": "Párrafo", "paragraph": "párrafo",
           "Article": "Artículo", "Clause": "Cláusula", "subparagraph": "apartado", "table row": "tabla, fila", "Table row": "Tabla, fila",
           "footnote": "nota", "text box": "recuadro"},
}
_CITED_WORD = re.compile(r"\b(?:[Tt]able row|text box|subparagraph|Preamble|Title|Annexe|Annex|Anexo|Appendix|Letter|Note|"
                         r"Paragraph|paragraph|footnote|Article|Clause)\b")
NEW_WORD = {"fr": "nouvel", "es": "nuevo"}
_SUB_LABELS = re.compile(r"^(?P<head>(?:.*, )?(?:Article|Artículo) [^\s(,]+)(?P<subs>(?:\([^()]+\))+)$")


def cite_in(location: str, language: str) -> str:
    """A location in the words of a French or Spanish text: "Article 7(2)(a)" is "Article 7, alinéa 2,
    a)" in French and "Artículo 7.2.a)" in Spanish; "Annex I, paragraph 2" is "Annexe I, paragraphe 2"."""
    words = CITATION_WORDS.get(language)
    if not words or not location:
        return location
    new = NEW_WORDING_CITED.match(location)
    if new:  # "Article II (new Article 5(1))": "Artículo II (nuevo artículo 5.1)"
        inner = cite_in(new["new"], language)
        return f"{cite_in(new['where'], language)} ({NEW_WORD[language]} {inner[:1].lower()}{inner[1:]})"
    text = _CITED_WORD.sub(lambda m: words.get(m.group(0), m.group(0)), location)
    parts = _SUB_LABELS.match(text)
    if parts:
        subs = re.findall(r"\(([^()]+)\)", parts.group("subs"))
        numbers = [x for x in subs if x.isdigit()]
        letters = [x for x in subs if not x.isdigit()]
        if language == "fr":
            tail = "".join(f", alinéa {n}" for n in numbers[:1]) + "".join(f", {x})" for x in numbers[1:] + letters)
        else:
            tail = "".join(f".{n}" for n in numbers) + "".join(f", letra {x})" for x in letters)
        text = parts.group("head") + tail
    return text


def cite_in_the_documents_language(doc: AgreementText) -> None:
    """Locations in the words of a French or Spanish agreement, so that evidence quoted from it is
    cited the way its readers cite it; an English text (or any other) keeps them as they are. In a
    bilingual text each paragraph is cited in its own language (the English column of a French and
    English table reads "table row 2"); a paragraph too short to tell, or in a language with no
    citation words of its own here (a Dutch translation beside a French text), takes the text's
    main one."""
    languages = profile([block.text for block in doc.blocks])
    for block, own in zip(doc.blocks, languages.by_paragraph, strict=True):
        language = own if own == "en" or own in CITATION_WORDS else languages.main
        if language in CITATION_WORDS:
            block.location = cite_in(block.location, language)
