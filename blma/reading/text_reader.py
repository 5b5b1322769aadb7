"""Plain text, Markdown and text-based PDF to raw paragraphs."""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from functools import reduce

from blma.errors import DocumentError
from blma.reading.bounds import TextBudget
from blma.reading.column_headers import column_headers
from blma.reading.conversion import DANGLING, KEYWORD_START, NOTE_RULE, join_broken
from blma.reading.limits import limits
from blma.reading.models import RawParagraph

# "### Article 7", and "###Article 7" as the Dutch treaty database writes it
MD_HEADING = re.compile(r"^(#{1,6})\s*([^#\s].*?)\s*#*\s*$")
MD_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*:?$")
# "*Convention concerning Migration for Employment*The General Conference ...": a title run into the text
MD_EMPHASIS_RUN_IN = re.compile(r"^(\*{1,2}|_{1,2})(?P<em>[^*_]{3,}?)\1(?=[A-Z])")
MD_HTML_LINE = re.compile(r"^(?:<[^>]*>\s*)+$")  # "<meta http-equiv=...>" left over from a web page
MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")  # a thematic break: what follows is a new part (title over)
BULLET = re.compile(r"^[•◦▪●‣–]\s+")
MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
MD_STRUCK = re.compile(r"~~(?!\s).+?(?<!\s)~~")  # GitHub-flavoured strikethrough: deleted words
MD_QUOTE = re.compile(r"^(?:>\s?)+\s*")  # block-quote markers, nested or not
#: What pypdf raises on malformed files besides its own errors (it reads objects as it meets them).
PDF_PARSER_ERRORS = (
    ValueError, KeyError, IndexError, AttributeError, TypeError, OSError, EOFError,
    zlib.error, struct.error, RecursionError, NotImplementedError, AssertionError,
)  # fmt: skip
# the line ends str.splitlines knows, found one at a time (a list of millions of lines is not built)
LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
END_OF_SENTENCE = re.compile(r"[.;:!?)\]\"”]$")
#: A short term, three spaces or more, then its meaning: a list of abbreviations or a memo's "To:"
#: and "Copy:" lines set out in two columns; two such lines in a row are two entries, not one
#: wrapped paragraph.
TERM_AND_MEANING = re.compile(r"^\w[^\s|+]{0,7} {3,}\S")
NEW_ITEM = re.compile(
    # ("Article" followed by a plain word, "Article shall be replaced", is a wrapped line's next words)
    r"^(\(?[0-9ivxlcdm]{1,6}[.)]|\(?[a-z][.)]|[0-9]{1,3}\s*[—–]|[-*•]\s|"
    r"article\b(?!\s+(?!premier\b|premi[eè]re\b|unique\b|[ivxlcdm]+\b)(?-i:[a-z]{2,}))|artikel\b|art\.|section\b|"
    r"annexe?\b|clause\b)",
    re.I,
)


def decode(name: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise DocumentError(name, "the text file is not in a readable encoding (use UTF-8)") from None


def read_text(name: str, data: bytes, markdown: bool) -> list[RawParagraph]:
    return lines_to_paragraphs(_lines(decode(name, data)), markdown=markdown, budget=TextBudget(name))


def _lines(text: str) -> Iterator[str]:
    start = 0
    for match in LINE_BREAK.finditer(text):
        yield text[start : match.start()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def lines_to_paragraphs(
    lines: Iterable[str], markdown: bool = False, budget: TextBudget | None = None
) -> list[RawParagraph]:
    """Group lines into paragraphs: blank lines separate, wrapped lines are joined; ``budget``
    refuses the document as soon as it holds too many paragraphs or characters."""
    paragraphs: list[RawParagraph] = []
    buffer: list[str] = []
    table_index = 0
    table_row = 0
    headers: list[str] = []
    after_rule = False
    quoted = False  # the line being read is in a block quote

    def emit(paragraph: RawParagraph) -> None:
        nonlocal after_rule
        if budget is not None:
            budget.add(paragraph.text)
        paragraph.after_break, after_rule = after_rule, False
        paragraph.quoted = quoted
        paragraphs.append(paragraph)

    def flush() -> None:
        if buffer:
            emit(RawParagraph(text=" ".join(reduce(join_broken, buffer).split())))
            buffer.clear()

    for raw in lines:
        line = raw.strip()
        if markdown and line.startswith(">") != quoted:  # into or out of a quotation: a new paragraph
            flush()
            quoted = line.startswith(">")
        if quoted:  # a quotation (an amendment's new wording): its lines read as any others, marked quoted
            line = MD_QUOTE.sub("", line)
            if not line:  # "> " alone separates the quoted paragraphs
                flush()
                continue
        if markdown and line.startswith("|"):
            flush()
            if MD_TABLE_RULE.match(line.strip("| ")):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if table_row == 0:
                table_index += 1
                headers = column_headers([_strip_md(cell) for cell in cells])
            table_row += 1
            for c, cell in enumerate(cells, start=1):
                text = _strip_md(cell)
                if text:
                    emit(
                        RawParagraph(
                            text=text,
                            origin="table",
                            table=(table_index, table_row, c),
                            column_header=headers[c - 1]
                            if table_row > 1 and c - 1 < len(headers)
                            else "",
                        )
                    )
            continue
        table_row = 0
        if not line:
            flush()
            continue
        if markdown and (MD_HTML_LINE.match(line) or MD_RULE.match(line)):
            flush()
            after_rule = after_rule or bool(MD_RULE.match(line))
            continue
        heading = MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            emit(RawParagraph(text=_strip_md(heading.group(2)), heading_level=len(heading.group(1))))
            continue
        bold = MD_BOLD_LINE.match(line) if markdown else None
        if bold:
            flush()
            emit(RawParagraph(text=bold.group(1).strip(), bold=True))
            continue
        run_in = MD_EMPHASIS_RUN_IN.match(line) if markdown and not buffer else None
        if run_in:
            emit(RawParagraph(text=_strip_md(run_in.group("em")), bold=True))
            line = line[run_in.end() :]
        if markdown:
            line = _strip_md(line)
        line = BULLET.sub("", line)
        if buffer and _ends_paragraph(buffer, line):
            flush()
        buffer.append(line)
    flush()
    return paragraphs


def _ends_paragraph(buffer: list[str], line: str) -> bool:
    """Whether ``line`` starts a new paragraph rather than continuing a wrapped one."""
    last = buffer[-1]
    if NOTE_RULE.match(line) or NOTE_RULE.match(last):
        return True  # the rule over a page's footnotes stands alone
    if DANGLING.search(last) and KEYWORD_START.match(line) and not END_OF_SENTENCE.search(last):
        return False  # "... listed in" + "Annex II, including ...": a reference, not a new annex
    if END_OF_SENTENCE.search(last) or NEW_ITEM.match(line) or line.isupper() or last.isupper():
        return True
    if TERM_AND_MEANING.match(last) and TERM_AND_MEANING.match(line):
        return True
    # a short unpunctuated line followed by a capitalised one is a heading, not a wrap
    return len(buffer) == 1 and len(last.split()) <= 8 and line[:1].isupper()


def _strip_md(text: str) -> str:
    text = MD_STRUCK.sub("", text)  # struck-through text is deleted text (a consolidation's repeals)
    text = re.sub(r"^\s*[-*+]\s+", "", text)
    text = re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text)
    text = re.sub(r"\[(.+?)\]\([^)]*\)", r"\1", text)
    return text.replace("`", "").strip()


def read_pdf(name: str, data: bytes) -> list[RawParagraph]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    cap = limits()
    pages: list[str] = []
    # Only pypdf's own calls are inside: whatever they raise comes from the file's contents.
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        count = 0 if encrypted else len(reader.pages)
        if count > cap.pdf_pages:
            raise DocumentError(name, f"the PDF has {count:,} pages, over the limit of {cap.pdf_pages:,}")
        budget = TextBudget(name)
        for page in reader.pages if not encrypted else ():
            pages.append(page.extract_text() or "")
            budget.add(pages[-1].strip(), paragraph=False)
    except DocumentError:
        raise
    except (PyPdfError, *PDF_PARSER_ERRORS) as exc:
        raise DocumentError(
            name, f"the PDF is corrupt and cannot be read ({exc.__class__.__name__})"
        ) from None
    if encrypted:
        raise DocumentError(name, "the PDF is password-protected; remove the password and upload it again")
    if sum(len(p.strip()) for p in pages) < 20:
        raise DocumentError(
            name,
            "the PDF has no text layer (a scanned image); OCR is not supported: upload the DOCX "
            "or a text-based PDF",
        )
    lines = (
        line
        for page in pages
        for line in page.splitlines()
        if not re.fullmatch(r"\s*(page\s*)?\d+(\s*(of|/)\s*\d+)?\s*", line, re.I)
    )
    return lines_to_paragraphs(lines, budget=TextBudget(name))
