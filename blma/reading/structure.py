"""Recovering an agreement's structure from raw paragraphs: title, preamble, articles,
numbered paragraphs, tables and annexes, so every block can be cited as a reader would.

Agreements number things in many ways ("Article 1", "ARTICLE I", "Art. 3", "Section 2.1",
"Clause 4", "Paragraph 5", bold headings, Word's automatic numbering); the patterns below
normalise them to one citation style while keeping the numbers as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blma.reading.models import AgreementText, Block, RawParagraph

UNIT = re.compile(
    r"^(?P<kind>article|art\.|art|section|sect\.|clause|paragraph|para\.|rule|item)\s*"
    r"(?P<num>\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"\b\.?(?P<rest>.*)$",
    re.I,
)
ANNEX = re.compile(
    r"^(?P<kind>annex|appendix|schedule|attachment|addendum)\b\s*(?P<num>[ivxlcdm]+|\d+|[a-z])?\b[\s.:\-–—]*(?P<rest>.*)$",
    re.I,
)
DIVISION = re.compile(r"^(chapter|part|title)\s+([ivxlcdm]+|\d+)\b", re.I)
PREAMBLE = re.compile(r"^preamble$", re.I)
END_OF_PREAMBLE = re.compile(
    r"\b(?:have|has|hereby) (?:agreed|reached|decided|arrived)\b.{0,40}(?:follows|understanding|provisions)|\bagree as follows\b",
    re.I,
)
PARA_LABEL = re.compile(
    r"^(?P<label>\(\s*[0-9]{1,3}\s*\)|[0-9]{1,3}\s*[.)](?!\d)|\(\s*[a-z]{1,2}\s*\)|[a-z][.)](?=\s)|\(\s*[ivx]{1,6}\s*\)|[ivx]{1,6}\s*[.)](?=\s)|\d+(?:\.\d+)+\.?)\s*(?P<rest>.*)$",
    re.I,
)
RECITAL_START = re.compile(
    r"^\s*(?:recogni[sz]ing|desiring|desirous|considering|noting|acknowledging|affirming|reaffirming|bearing in mind|"
    r"convinced|mindful|aware|guided by|taking into account|whereas|the (?:government|ministry|parties|participants))\b",
    re.I,
)
HEADING_SEPARATORS = " .:-–—\t"
KIND_NAMES = {
    "art": "Article",
    "art.": "Article",
    "article": "Article",
    "section": "Section",
    "sect.": "Section",
    "clause": "Clause",
    "paragraph": "Paragraph",
    "para.": "Paragraph",
    "rule": "Rule",
    "item": "Item",
}


@dataclass
class _State:
    unit: str = ""
    unit_numbered: bool = False
    heading: str = ""
    annex: str = ""
    para: str = ""
    sub: str = ""
    seen_body: bool = False
    title_done: bool = False
    awaiting_heading: bool = False  # after a bare "Article 8" line, its heading may follow alone


def _is_headingish(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 14 and not text.rstrip().endswith((";", ","))


def _looks_like_sentence_start(rest: str) -> bool:
    """'Article 5 shall apply...' is a sentence that mentions an article, not a heading."""
    stripped = rest.lstrip(HEADING_SEPARATORS)
    return bool(stripped) and rest[:1] == " " and stripped[:1].islower()


def _unit_name(kind: str, num: str) -> str:
    name = KIND_NAMES.get(kind.lower(), kind.title())
    if re.fullmatch(r"[ivxlcdm]+", num, re.I) and name in ("Article", "Section", "Clause"):
        num = num.upper()
    elif num[:1].isalpha():  # "ARTICLE TWENTY-TWO" is cited "Article Twenty-Two"
        num = "-".join(part.title() for part in re.split(r"[- ]", num))
    return f"{name} {num}"


def _annex_name(kind: str, num: str | None) -> str:
    kind = kind.title()
    if not num:
        return kind
    return f"{kind} {num.upper() if re.fullmatch(r'[ivxlcdm]+|[a-z]', num, re.I) else num}"


def _para_kind(label: str) -> str:
    core = label.strip("().").strip().lower()
    if re.fullmatch(r"\d+(\.\d+)+", core):
        return "dotted"
    if core.isdigit():
        return "para"
    return "sub"


def build_structure(name: str, fmt: str, raw: list[RawParagraph]) -> AgreementText:
    doc = AgreementText(name=name, format=fmt)
    state = _State()
    title_parts: list[str] = []
    any_numbered_unit = any(UNIT.match(_with_label(p)) for p in raw if p.origin == "body")

    for para in raw:
        text = _with_label(para)
        if para.origin == "footnote":
            where = state.unit or state.annex or "Preamble"
            doc.blocks.append(
                Block(
                    para.text,
                    f"{where}, footnote {para.note_id}",
                    state.unit,
                    state.heading,
                    state.annex,
                    kind="note",
                    origin="footnote",
                )
            )
            continue
        if para.table is not None:
            _table_block(doc, state, para)
            continue

        annex = ANNEX.match(text)
        if annex and _is_headingish(text) and not _looks_like_sentence_start(annex.group("rest")):
            state.annex = _annex_name(annex.group("kind"), annex.group("num"))
            state.unit, state.unit_numbered, state.para, state.sub = "", False, "", ""
            state.heading = annex.group("rest").strip(HEADING_SEPARATORS)
            state.seen_body = True
            doc.blocks.append(
                Block(text, state.annex, "", state.heading, state.annex, kind="heading", origin=para.origin)
            )
            continue

        if (
            state.awaiting_heading
            and _is_headingish(text)
            and not text.rstrip().endswith((".", ";", ":", ","))
            and text[:1].isupper()
            and not PARA_LABEL.match(text)
            and len(text.split()) <= 8
        ):
            state.awaiting_heading = False
            state.heading = text
            doc.blocks.append(
                Block(text, _where(state), state.unit, text, state.annex, kind="heading", origin=para.origin)
            )
            continue
        state.awaiting_heading = False

        unit = UNIT.match(text)
        if unit and not _looks_like_sentence_start(unit.group("rest")):
            rest = unit.group("rest").strip(HEADING_SEPARATORS)
            state.unit = _unit_name(unit.group("kind"), unit.group("num"))
            state.unit_numbered, state.para, state.sub, state.seen_body = True, "", "", True
            state.title_done = True
            if (
                not rest
                or (_is_headingish(rest) and not rest.endswith("."))
                or para.heading_level
                or para.bold
            ):
                state.heading = rest
                state.awaiting_heading = not rest
                doc.blocks.append(
                    Block(
                        text, _where(state), state.unit, rest, state.annex, kind="heading", origin=para.origin
                    )
                )
                continue
            state.heading = ""
            _paragraph_block(doc, state, rest, para)
            continue

        if DIVISION.match(text) and _is_headingish(text):
            state.title_done = state.seen_body = True
            doc.blocks.append(
                Block(
                    text,
                    text.split(" ", 2)[0].title() + " " + text.split()[1],
                    "",
                    text,
                    state.annex,
                    kind="heading",
                    origin=para.origin,
                )
            )
            continue

        if PREAMBLE.match(text):
            state.title_done = True
            continue

        if (
            not state.title_done
            and not state.seen_body
            and (
                para.is_title
                or para.heading_level == 1
                or ((para.bold or text.isupper()) and _is_headingish(text) and not PARA_LABEL.match(text))
                or (
                    title_parts
                    and (para.bold or para.heading_level)
                    and len(text.split()) <= 45
                    and not text.endswith((".", ";"))
                    and not PARA_LABEL.match(text)
                )
                or (title_parts and _is_title_continuation(text))
            )
        ):
            title_parts.append(text)
            doc.blocks.append(Block(text, "Title", kind="title", origin=para.origin))
            continue
        if title_parts:
            state.title_done = True

        numbered = PARA_LABEL.match(text)
        if numbered and _is_numbered_heading(numbered, para):
            number = numbered.group("label").strip("().").strip()
            state.unit, state.unit_numbered = f"Paragraph {number}", True
            state.heading = numbered.group("rest").strip(HEADING_SEPARATORS)
            state.para = state.sub = ""
            state.seen_body = state.title_done = True
            doc.blocks.append(
                Block(
                    text,
                    state.unit,
                    state.unit,
                    state.heading,
                    state.annex,
                    kind="heading",
                    origin=para.origin,
                )
            )
            continue

        if END_OF_PREAMBLE.search(text):
            state.title_done = True
            _paragraph_block(doc, state, text, para)
            state.seen_body = True
            continue

        is_heading = (
            (para.heading_level is not None or para.bold or (text.isupper() and len(text) > 3))
            and _is_headingish(text)
            and not PARA_LABEL.match(text)
        )
        if is_heading:
            if state.unit_numbered or (any_numbered_unit and not state.annex):
                # a sub-heading inside a numbered article, or a chapter heading between articles
                doc.blocks.append(
                    Block(
                        text,
                        _where(state) or "Preamble",
                        state.unit,
                        text,
                        state.annex,
                        kind="heading",
                        origin=para.origin,
                    )
                )
                if not state.unit or not state.heading:
                    state.heading = text
                continue
            state.unit, state.unit_numbered, state.heading, state.para, state.sub = (
                text.rstrip(":"),
                False,
                text,
                "",
                "",
            )
            state.seen_body = True
            doc.blocks.append(
                Block(text, _where(state), state.unit, text, state.annex, kind="heading", origin=para.origin)
            )
            continue

        _paragraph_block(doc, state, text, para)

    doc.title = " ".join(title_parts)
    _unwrap_unstructured(doc)
    _join_row_labels(doc)
    return doc


def _unwrap_unstructured(doc: AgreementText) -> None:
    """A text with no recognisable articles is not all preamble: cite its paragraphs by number.

    Without this, an agreement in a layout the patterns miss would be read as recitals only,
    and every protection in it would look soft.
    """
    preamble = [b for b in doc.blocks if b.kind == "preamble"]
    body = [b for b in doc.blocks if b.kind in ("paragraph", "table_cell", "note")]
    if len(preamble) < 8 or len(preamble) < len(body):
        return
    count = 0
    for block in doc.blocks:
        if block.kind == "preamble":
            count += 1
            if count > 3 and not RECITAL_START.match(block.text):
                block.kind, block.location = "paragraph", f"Paragraph {count}"


def _is_numbered_heading(match: re.Match[str], para: RawParagraph) -> bool:
    """'4. TERMS OF EMPLOYMENT' or a bold '3. Recruitment': a numbered heading, not a paragraph."""
    label = match.group("label").strip("().").strip()
    rest = match.group("rest").strip()
    if (
        not (label.isdigit() or re.fullmatch(r"[IVXLC]+", label))
        or not _is_headingish(rest)
        or rest.endswith((".", ";", ","))
    ):
        return False
    return bool(para.heading_level) or para.bold or (rest.isupper() and len(rest) > 3)


def _is_title_continuation(text: str) -> bool:
    """'between the Government of X and ...', the usual second line of a treaty title."""
    return (
        bool(re.match(r"^(between|and|of|on|concerning|regarding|relating)\b", text, re.I))
        and len(text.split()) <= 45
        and not text.rstrip().endswith((".", ";", ","))
    )


def _with_label(para: RawParagraph) -> str:
    return f"{para.label} {para.text}".strip() if para.label else para.text


def _where(state: _State) -> str:
    parts = [p for p in (state.annex, state.unit) if p]
    location = ", ".join(parts)
    if state.para:
        if state.unit:
            location += state.para
        else:
            location = (
                f"{location}, paragraph {state.para.strip('()')}"
                if location
                else f"Paragraph {state.para.strip('()')}"
            )
    if state.sub:
        location += state.sub
    return location


def _paragraph_block(doc: AgreementText, state: _State, text: str, para: RawParagraph) -> None:
    match = PARA_LABEL.match(text)
    if match and match.group("rest"):
        label = match.group("label").strip()
        kind = _para_kind(label)
        core = label.strip("().").strip()
        if kind == "dotted":
            if (
                state.unit
                and state.unit.split(" ")[0] in ("Article", "Section", "Clause")
                and not state.annex
            ):
                state.unit = f"{state.unit.split(' ')[0]} {core}"
                state.unit_numbered = True
                state.para, state.sub = "", ""
            else:
                state.para, state.sub = f"({core})", ""
        elif kind == "para" and not state.unit and not state.annex and state.title_done:
            # an instrument numbered by paragraphs only ("1.", "2.", ...): each is its own unit
            state.unit, state.unit_numbered, state.para, state.sub = f"Paragraph {core}", True, "", ""
            state.seen_body = True
        elif kind == "para":
            state.para, state.sub = f"({core})", ""
        else:
            state.sub = f"({core.lower()})"
        text = match.group("rest")
    if not state.unit and not state.annex and not state.seen_body:
        location, kind = "Preamble", "preamble"
    else:
        location, kind = _where(state) or "Preamble", "paragraph"
    doc.blocks.append(
        Block(text, location, state.unit, state.heading, state.annex, kind=kind, origin=para.origin)
    )


def _table_block(doc: AgreementText, state: _State, para: RawParagraph) -> None:
    _index, row, _col = para.table or (0, 0, 0)
    prefix = ", ".join(p for p in (state.annex, state.unit) if p) or "Table"
    text = para.text
    match = PARA_LABEL.match(text)
    if match and match.group("rest"):
        text = match.group("rest")
    doc.blocks.append(
        Block(
            text,
            f"{prefix}, table row {row}",
            state.unit,
            state.heading,
            state.annex,
            kind="table_cell",
            origin="table",
            context=para.column_header,
        )
    )


def _join_row_labels(doc: AgreementText) -> None:
    """In a table of terms ("Passport | Held by the employer"), prefix each value with its row label.

    Standard contracts in annexes are often such tables; the label carries the subject and the
    value the rule, and only together do they say anything ("Passport: held by the employer").
    """
    rows: dict[str, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == "table_cell":
            rows.setdefault(block.location, []).append(block)
    for cells in rows.values():
        label = cells[0].text.strip().rstrip(":")
        if len(cells) < 2 or len(label.split()) > 6 or label.endswith((".", ";")) or not label:
            continue
        for cell in cells[1:]:
            if cell.text and not cell.text.lower().startswith(label.lower()):
                cell.text = f"{label}: {cell.text}"
