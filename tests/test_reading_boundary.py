"""The reading boundary: every malformed document ends in a report or in one clear
``DocumentError`` naming the file and the problem, within the limits of
``blma/reading/limits.yaml``, for the analysis, the redline and the comparison alike.

Each test builds its document from a sample agreement by code: these are the reproducers the
mutation fuzzer (``scripts/fuzz.py``) and the issue that asked for it found, kept as tests.
"""

from __future__ import annotations

import io
import re
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from blma import api
from blma.errors import DocumentError
from blma.reading import limits, read_bytes
from blma.reading.docx_reader import read_docx

SAMPLES = Path(__file__).resolve().parents[1] / "sample_agreements"
SAMPLE = SAMPLES / "ostland_sundara_care_mou.docx"  # has footnotes, a header and a footer
NAME = "agreement.docx"
# the first body paragraph of the sample that is neither title nor heading
FIRST_RECITAL = "<w:r><w:rPr/><w:t>Aware of"
#: numbering.xml's num 9 uses abstract list 0, a decimal "%1." list whose first level starts at 1
DECIMAL_LIST = "9"


# -- building mutants -------------------------------------------------------------------------
def sample() -> bytes:
    return SAMPLE.read_bytes()


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def rezip(data: bytes, replace: dict[str, str | bytes], extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            new = replace.get(info.filename)
            zout.writestr(info.filename, new.encode("utf-8") if isinstance(new, str) else new or zin.read(info))
        for name, blob in (extra or {}).items():
            zout.writestr(name, blob)
    return out.getvalue()


def edited(name: str, old: str, new: str, data: bytes | None = None, count: int = 1) -> bytes:
    data = data or sample()
    xml = part(data, name)
    assert old in xml, f"{old!r} not in {name}"
    return rezip(data, {name: xml.replace(old, new, count)})


def numbered_recital(level: str = "0", num_id: str = DECIMAL_LIST, data: bytes | None = None) -> bytes:
    """The first recital numbered through numbering.xml (the samples type their numbers)."""
    numpr = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return edited("word/document.xml", FIRST_RECITAL, numpr + FIRST_RECITAL, data)


def with_list_start(start: str, fmt: str) -> bytes:
    """Abstract list 0 (the decimal one) starting at ``start`` in format ``fmt``."""
    data = edited(
        "word/numbering.xml",
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>',
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/>',
    )
    return numbered_recital(data=data)


def central_entry(data: bytes, member: str) -> int:
    """Offset of ``member``'s entry in the ZIP's central directory."""
    for match in re.finditer(rb"PK\x01\x02", data):
        at = match.start()
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == member.encode():
            return at
    raise AssertionError(f"{member} not in the central directory")


def patched(data: bytes, at: int, value: int, size: int) -> bytes:
    out = bytearray(data)
    out[at : at + size] = value.to_bytes(size, "little")
    return bytes(out)


def refusal(data: bytes, name: str = NAME) -> str:
    """The one-line problem the analysis reports for ``data``; fails if it is anything else."""
    with pytest.raises(DocumentError) as caught:
        api.analyze_bytes(name, data)
    assert str(caught.value) == f"{name}: {caught.value.problem}"
    return caught.value.problem


def redline_refusal(data: bytes) -> str:
    with pytest.raises(DocumentError) as caught:
        api.redline(data)
    return caught.value.problem


def labels(data: bytes) -> list[str]:
    paragraphs, _headers, _tracked = read_docx(NAME, data)
    return [p.label for p in paragraphs if p.label]


# -- the ZIP package ----------------------------------------------------------------------------
def test_a_corrupt_deflate_stream_is_named_not_a_zlib_error():
    data = sample()
    entry = central_entry(data, "docProps/thumbnail.jpeg")
    offset = struct.unpack_from("<I", data, entry + 42)[0]
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_length + extra_length
    broken = data[: start + 10] + bytes(b ^ 0xFF for b in data[start + 10 : start + 40]) + data[start + 40 :]
    problem = "the Word document is corrupt (part docProps/thumbnail.jpeg cannot be unpacked: its data is damaged)"
    assert refusal(broken) == problem
    assert redline_refusal(broken) == problem


@pytest.mark.parametrize(("method", "said"), [(12, "bzip2"), (14, "LZMA"), (99, "method 99")])
def test_a_compression_word_never_writes_is_refused_by_name(method, said):
    data = sample()
    data = patched(data, central_entry(data, "word/styles.xml") + 10, method, 2)
    assert refusal(data) == (
        f"part word/styles.xml uses a compression Word does not write ({said}); open the file in Word "
        "and save it again"
    )


def test_an_encrypted_part_is_refused_by_name():
    data = sample()
    data = patched(data, central_entry(data, "word/document.xml") + 8, 1, 2)
    assert refusal(data) == (
        "part word/document.xml is encrypted inside the ZIP; Word never writes that (a password-protected "
        "ZIP, not a Word document)"
    )


def test_a_zip_whose_header_understates_a_part_is_refused_without_inflating_it():
    """300 MB of zeros declared as 1,000 bytes: inflation stops at the declared size."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sample())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        with zout.open("word/media/filler.bin", "w") as filler:
            for _ in range(300):
                filler.write(bytes(2**20))
    data = out.getvalue()
    lying = patched(data, central_entry(data, "word/media/filler.bin") + 24, 1000, 4)
    tracemalloc.start()
    try:
        problem = refusal(lying)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problem == "the Word document is corrupt (part word/media/filler.bin is larger than its header says)"
    assert peak < 20 * 2**20, f"{peak / 2**20:.0f} MB allocated to refuse it"


def test_a_local_header_that_contradicts_the_directory_is_corrupt():
    data = sample()
    offset = struct.unpack_from("<I", data, central_entry(data, "word/fontTable.xml") + 42)[0]
    broken = data[: offset + 31] + b"\x8f" + data[offset + 32 :]  # one letter of the name in the local header
    assert refusal(broken) == "the Word document is corrupt (part word/fontTable.xml cannot be found)"


def test_a_checksum_mismatch_is_reported_as_damage():
    data = sample()
    entry = central_entry(data, "word/settings.xml")
    crc = struct.unpack_from("<I", data, entry + 16)[0]
    assert refusal(patched(data, entry + 16, crc ^ 1, 4)) == (
        "the Word document is corrupt (part word/settings.xml does not match its checksum: damaged in transfer?)"
    )


def test_a_directory_of_too_many_parts_is_refused_before_it_is_built():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for n in range(limits().package_parts + 1):
            package.writestr(f"p{n}", b"")
    assert refusal(out.getvalue()) == (
        f"the package has {limits().package_parts + 1} parts, over the limit of {limits().package_parts}"
    )


# -- the XML parts ------------------------------------------------------------------------------
def test_a_document_without_a_body_says_so():
    data = sample()
    without = re.sub(r"<w:body>.*</w:body>", "", part(data, "word/document.xml"), flags=re.S)
    problem = "the document has no body (word/document.xml holds no w:body)"
    assert refusal(rezip(data, {"word/document.xml": without})) == problem
    assert redline_refusal(rezip(data, {"word/document.xml": without})) == problem


@pytest.mark.parametrize("level", ["1e5", "1.5", "x", ""])
def test_a_paragraph_level_that_is_not_a_number_is_corrupt(level):
    assert refusal(numbered_recital(level)) == (
        f"the document body is corrupt (a numbered paragraph's level): w:val=\"{level}\" is not a whole number"
    )


def test_a_list_start_that_is_not_a_number_is_a_corrupt_numbering_definition():
    data = edited("word/numbering.xml", '<w:start w:val="1"/>', '<w:start w:val="x"/>')
    problem = "the numbering definitions are corrupt (a list start): w:val=\"x\" is not a whole number"
    assert refusal(data) == problem
    assert redline_refusal(data) == problem


def test_a_style_list_level_that_is_not_a_number_is_a_corrupt_style():
    data = edited(
        "word/styles.xml", '<w:numPr><w:numId w:val="5"/>', '<w:numPr><w:ilvl w:val="2.0"/><w:numId w:val="5"/>'
    )
    assert refusal(data) == "the styles are corrupt (a list level): w:val=\"2.0\" is not a whole number"


@pytest.mark.parametrize(
    ("level", "shown"),
    [("0", "1."), ("8", "1."), ("9", "1."), ("100000000000000000000000", "1."), ("-3", "1.")],
)
def test_levels_outside_word_s_nine_are_brought_into_range(level, shown):
    """Word has levels 0-8: a level beyond them is read as the nearest one, never an error."""
    assert labels(numbered_recital(level)) == [shown]


def test_roman_numbering_from_ten_to_the_seventeen_starts_where_word_stops():
    started = time.process_time()
    found = labels(with_list_start("100000000000000000", "upperRoman"))
    assert found == ["M" * 32 + "DCCLXVII."]  # 32767, Word's largest start
    assert time.process_time() - started < 5


@pytest.mark.parametrize("start", ["1000000000", "100000000000000000"])
def test_letter_numbering_from_a_huge_start_builds_no_giant_string(start):
    started = time.process_time()
    [label] = labels(with_list_start(start, "lowerLetter"))
    # 32767 is the 1,261st pass over the alphabet at "g"; the label is cut at the limit
    assert label == "g" * limits().label_chars
    assert time.process_time() - started < 5
    report = api.analyze_bytes(NAME, with_list_start(start, "lowerLetter"))
    assert len(report.protections) == 34


def test_a_syntax_error_in_the_footnotes_names_the_footnotes():
    data = sample()
    notes = part(data, "word/footnotes.xml")
    broken = rezip(data, {"word/footnotes.xml": notes[:-20]})
    problem = "the footnotes are corrupt (word/footnotes.xml: not well-formed XML, line 2)"
    assert refusal(broken) == problem
    assert redline_refusal(broken) == problem


@pytest.mark.parametrize(
    ("member", "problem"),
    [
        ("word/numbering.xml", "the numbering definitions are corrupt"),
        ("word/styles.xml", "the styles are corrupt"),
        ("word/document.xml", "the document body is corrupt"),
        ("word/settings.xml", "the document settings are corrupt"),
        ("word/_rels/document.xml.rels", "the package's relationships are corrupt"),
    ],
)
def test_a_syntax_error_in_any_part_names_that_part(member, problem):
    data = sample()
    xml = part(data, member)
    cut = rezip(data, {member: xml[: len(xml) // 2]})
    assert re.fullmatch(rf"{re.escape(problem)} \({re.escape(member)}: not well-formed XML, line \d+\)", refusal(cut))


def test_a_doctype_in_any_part_is_refused():
    data = edited("word/styles.xml", "?>", '?><!DOCTYPE x [<!ENTITY e "e">]>')
    assert refusal(data) == "part word/styles.xml declares XML entities (a DOCTYPE); refused for safety"


def test_an_html_part_may_have_its_doctype_but_an_xml_part_under_another_name_may_not():
    """The entity check follows what python-docx would parse: XML by name or by content type."""
    data = sample()
    types = part(data, "[Content_Types].xml")
    html = b"<!DOCTYPE html><html><body><p>Imported text</p></body></html>"
    with_html = rezip(
        data,
        {"[Content_Types].xml": types.replace("<Default ", '<Default Extension="htm" ContentType="text/html"/><Default ', 1)},
        extra={"word/afchunk.htm": html},
    )
    assert len(api.analyze_bytes(NAME, with_html).protections) == 34
    hidden_xml = rezip(
        data,
        {"[Content_Types].xml": types.replace(
            "<Default ", '<Override PartName="/word/custom.bin" ContentType="application/xml"/><Default ', 1)},
        extra={"word/custom.bin": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'},
    )  # fmt: skip
    assert refusal(hidden_xml) == "part word/custom.bin declares XML entities (a DOCTYPE); refused for safety"

def test_a_missing_part_the_document_refers_to_is_named():
    data = sample()
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        kept = {i.filename: zin.read(i) for i in zin.infolist() if i.filename != "word/numbering.xml"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, blob in kept.items():
            zout.writestr(name, blob)
    assert refusal(out.getvalue()).startswith("the Word document is corrupt: a part it refers to is missing")


@pytest.mark.parametrize("node", ["<!-- a reviewer's note -->", "<?blma keep?>"])
def test_comment_and_processing_instruction_nodes_are_read_past(node):
    """Where an element was expected, a comment or processing instruction is skipped, by the
    reader and by the redline (which once failed on a comment with an AttributeError)."""
    data = edited("word/document.xml", "<w:p>", f"{node}<w:p>", count=-1)
    plain = api.analyze_bytes(NAME, sample())
    report = api.analyze_bytes(NAME, data)
    assert [f.final_status for f in report.protections] == [f.final_status for f in plain.protections]
    redlined = api.annotate(data, name=NAME)
    assert redlined.count("comment") > 0
    assert len(api.analyze_bytes("redlined.docx", redlined.data).protections) == 34


@pytest.mark.parametrize(("value", "problem"), [
    ("x", 'the comments are corrupt (a comment\'s id): w:id="x" is not a whole number'),
    ("1" * 5000, "the comments are corrupt (a comment's id): w:id is out of range"),
])  # fmt: skip
def test_a_redline_of_a_document_whose_comment_ids_are_not_numbers_is_refused(value, problem):
    """python-docx converts every comment id with int() when it adds one: checked at the boundary."""
    commented = api.redline(sample())
    broken = rezip(commented, {"word/comments.xml": re.sub(
        r'w:id="\d+"', f'w:id="{value}"', part(commented, "word/comments.xml"), count=1)})  # fmt: skip
    assert redline_refusal(broken) == problem

def test_tables_nested_past_the_limit_are_refused():
    depth = limits().table_nesting + 1
    opening, closing = "<w:tbl><w:tr><w:tc>" * depth, "</w:tc></w:tr></w:tbl>" * depth
    data = edited("word/document.xml", "<w:body>", f"<w:body>{opening}<w:p/>{closing}")
    assert refusal(data) == f"tables are nested {depth} deep, over the limit of {limits().table_nesting}; refused"


def test_xml_nested_deeper_than_the_parser_allows_is_refused_by_name():
    data = edited("word/document.xml", "<w:body>", "<w:body>" + "<w:sdt><w:sdtContent>" * 150 + "<w:p/>"
                  + "</w:sdtContent></w:sdt>" * 150)  # fmt: skip
    assert refusal(data) == (
        f"the document body is corrupt (word/document.xml: XML nested more than {limits().xml_depth} levels deep)"
    )


def test_a_table_in_a_content_control_in_a_table_is_still_read():
    """Nesting within the limits reads as before: the inner paragraph is in the outer cell."""
    nested = (
        "<w:tbl><w:tr><w:tc><w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Inner clause text."
        "</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>"
    )
    data = edited("word/document.xml", "<w:body>", f"<w:body>{nested}")
    paragraphs, _, _ = read_docx(NAME, data)
    assert paragraphs[0].text == "Inner clause text." and paragraphs[0].table == (1, 1, 1)


# -- limits on the text -----------------------------------------------------------------------
def test_ten_thousand_open_parentheses_are_analysed_quickly():
    data = edited("word/document.xml", "Aware of", "(" * 10_000 + " Aware of")
    started = time.process_time()
    report = api.analyze_bytes(NAME, data)
    assert time.process_time() - started < 10
    assert len(report.protections) == 34
    doc = read_bytes(NAME, data)
    assert any(b.text.startswith("(" * limits().symbol_run + " Aware of") for b in doc.blocks)


def test_fifty_thousand_paragraphs_are_refused_at_the_limit_at_once():
    data = edited("word/document.xml", "<w:body>", "<w:body>" + "<w:p><w:r><w:t>Short.</w:t></w:r></w:p>" * 50_000)
    started = time.process_time()
    problem = refusal(data)
    assert time.process_time() - started < 10
    assert problem == (
        f"the document has more than {limits().paragraphs:,} paragraphs, over the limit for one agreement; "
        "split it into parts"
    )


def test_a_million_character_paragraph_is_split_for_analysis_and_says_so():
    """spaCy refuses a text of a million characters (E088): the reader splits it first."""
    filler = ("The worker may be asked to wait. " * 30_304)[:1_000_000]
    data = edited("word/document.xml", "Aware of", filler + " Aware of")
    report = api.analyze_bytes(NAME, data)
    size = limits().paragraph_chars
    assert f"1 paragraph longer than {size:,} characters was split for analysis (at sentence ends where possible)" in (
        report.warnings
    )
    doc = read_bytes(NAME, data)
    assert max(len(b.text) for b in doc.blocks) <= size
    assert sum(b.text.count("The worker may be asked to wait.") for b in doc.blocks) == 30_303


def test_a_document_over_the_character_limit_is_refused():
    words = ("word " * (limits().document_chars // 5 + 10)).strip()
    data = edited("word/document.xml", "Aware of", words + " Aware of")
    assert refusal(data) == (
        f"the document has more than {limits().document_chars:,} characters of text, over the limit for one "
        "agreement; split it into parts"
    )


def test_a_text_file_is_held_to_the_same_limits():
    lines = "\n\n".join(f"{n}. The worker shall be paid." for n in range(limits().paragraphs + 1))
    assert refusal(lines.encode(), "agreement.txt") == (
        f"the document has more than {limits().paragraphs:,} paragraphs, over the limit for one agreement; "
        "split it into parts"
    )


def test_markdown_headings_and_cells_reach_the_analysis_with_single_spaces():
    text = "# Article   1 \t Wages\n\n| Term | Rule |\n|---|---|\n| Pay  day |   monthly   wages   |\n"
    doc = read_bytes("agreement.md", text.encode())
    assert [b.text for b in doc.blocks if "Wages" in b.text or "wages" in b.text] == [
        "Article 1 Wages",
        "Pay day: monthly wages",
    ]


def test_a_redline_of_three_thousand_articles_takes_seconds():
    """The redline once scanned every block for every article it looked at (18 s for this one)."""
    articles = "".join(
        f"<w:p><w:r><w:t>Article {k}</w:t></w:r></w:p><w:p><w:r><w:t>The Parties shall cooperate.</w:t></w:r></w:p>"
        for k in range(1, 3001)
    )
    data = edited("word/document.xml", "<w:body>", f"<w:body>{articles}")
    api.analyze_bytes(NAME, sample())  # warm
    started = time.process_time()
    redlined = api.annotate(data, name=NAME)
    assert time.process_time() - started < 8
    assert redlined.count("inserted") > 0

def test_a_contrary_provision_behind_a_million_brackets_is_marked_deleted_in_seconds():
    """The redline rewrites the whole paragraph around the deleted sentence; it once built the
    untouched text a character at a time (12 s for this one)."""
    data = (SAMPLES / "valdoria_pelora_domestic_mou.docx").read_bytes()
    data = edited(
        "word/document.xml",
        "(b)</w:t><w:tab/><w:t>A domestic worker who leaves",
        "(" * 1_000_000 + "(b)</w:t><w:tab/><w:t>A domestic worker who leaves",
        data,
    )
    api.analyze_bytes(NAME, sample())  # warm
    started = time.process_time()
    redlined = api.annotate(data, name=NAME)
    assert time.process_time() - started < 5
    assert redlined.count("deleted") > 0

# -- the comparison reads through the same boundary ----------------------------------------------
def test_the_comparison_names_a_corrupt_version():
    broken = numbered_recital("1e5")
    with pytest.raises(DocumentError) as caught:
        api.compare([("v1.docx", sample()), ("v2.docx", broken)])
    assert str(caught.value) == (
        "v2.docx: the document body is corrupt (a numbered paragraph's level): w:val=\"1e5\" is not a whole number"
    )


def test_a_tracked_comparison_of_a_version_with_comment_nodes_is_written():
    from blma.comparison.render import export

    first = edited("word/document.xml", "<w:p>", "<!-- note --><w:p>", count=-1)
    second = edited("word/document.xml", "care workers", "care staff", data=first, count=-1)
    comparison = api.compare([("v1.docx", first), ("v2.docx", second)])
    tracked = export(comparison, "docx")
    xml = part(tracked, "word/document.xml")
    assert re.search(r"<w:ins [^>]*>(?:(?!</w:ins>).)*staff", xml) and re.search(r"<w:delText[^>]*>[^<]*workers", xml)
    assert len(api.analyze_bytes("tracked.docx", tracked).protections) == 34


# -- the limits are documented where users look ---------------------------------------------------
def test_analyze_help_states_the_limits_of_limits_yaml(blma_cli):
    result = blma_cli("analyze", "--help")
    assert result.exit_code == 0
    assert limits().summary() in " ".join(result.stdout.split())


def test_the_readme_limits_section_states_the_same_figures():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Limits\n", 1)[1].split("\n## ", 1)[0]
    cap = limits()
    for figure in (
        f"{cap.file_mb} MB",
        f"{cap.package_mb} MB",
        f"{cap.xml_part_mb} MB, {cap.xml_tags:,} tags",
        f"{cap.package_parts:,}",
        f"{cap.xml_depth} levels",
        f"{cap.table_nesting} deep",
        f"{cap.paragraphs:,}",
        f"{cap.document_chars:,}",
        f"{cap.pdf_pages:,}",
        f"over {cap.paragraph_chars:,} characters",
        f"{cap.symbol_run} symbols",
        f"starts 0 to {cap.numbering_start:,}",
    ):
        assert figure in " ".join(section.split()), figure


# -- PDF ------------------------------------------------------------------------------------------
def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_over_the_page_limit_is_refused_before_its_text_is_extracted():
    pages = limits().pdf_pages + 1
    assert refusal(_blank_pdf(pages), "agreement.pdf") == (
        f"the PDF has {pages:,} pages, over the limit of {limits().pdf_pages:,}"
    )


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_pdf_is_one_clear_error(cut):
    data = _blank_pdf(3)
    problem = refusal(data[: int(len(data) * cut)], "agreement.pdf")
    assert problem.startswith(("the PDF is corrupt and cannot be read", "the PDF has no text layer"))
