"""Build the hostile and broken inputs that `blma analyze` must refuse or survive.

Each builder writes one small file into a folder and returns its path; the tests call
:func:`build_all` into a temporary folder, so no binary fixture is kept in the repo.
Run it by hand to look at the files: ``python scripts/make_bad_inputs.py OUT_DIR``.
"""

from __future__ import annotations

import argparse
import copy
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from pypdf import PdfWriter

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_agreements" / "ostland_sundara_care_mou.docx"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes | None], extra=()) -> Path:
    """Copy a DOCX member by member; ``change`` may replace a member's bytes (None drops it)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = change(item.filename, src.read(item))
            if data is not None:
                out.writestr(item.filename, data)
        for name, data in extra:
            out.writestr(name, data)
    return target


def truncated_docx(folder: Path) -> Path:
    """A real agreement cut in half, as an interrupted download leaves it."""
    data = SAMPLE.read_bytes()
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def not_a_zip_docx(folder: Path) -> Path:
    """Plain text renamed to .docx."""
    path = folder / "renamed.docx"
    path.write_text("This is not a Word document, whatever its name says.\n")
    return path


def encrypted_docx(folder: Path) -> Path:
    """What Word writes for a password-protected DOCX: an OLE compound file whose directory
    names an ``EncryptedPackage`` stream. The header and the stream name suffice for sniffing."""
    path = folder / "protected.docx"
    directory = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\0")
    directory += "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0")
    path.write_bytes(OLE_MAGIC + bytes(504) + directory + bytes(384))
    return path


def legacy_doc(folder: Path) -> Path:
    """A Word 97-2003 file: an OLE compound file with a WordDocument stream."""
    path = folder / "legacy.doc"
    path.write_bytes(
        OLE_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le").ljust(128, b"\0") + bytes(384)
    )
    return path


def macro_docm(folder: Path) -> Path:
    """A macro-enabled copy of the sample: main part content type changed, a dummy VBA project
    added and related. The reader must read its text and never load the macros."""

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            text = data.decode().replace(DOCX_MAIN, MACRO_MAIN)
            return text.replace(
                "</Types>",
                '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
            ).encode()
        if name == "word/_rels/document.xml.rels":
            rel = f'<Relationship Id="rIdVba1" Type="{VBA_REL}" Target="vbaProject.bin"/>'
            return data.decode().replace("</Relationships>", rel + "</Relationships>").encode()
        return data

    return _rewrite(
        SAMPLE, folder / "macros.docm", change, [("word/vbaProject.bin", b'Attribute VB_Name = "Evil"\n' * 8)]
    )


def empty_file(folder: Path) -> Path:
    path = folder / "empty.docx"
    path.write_bytes(b"")
    return path


def zip_bomb_docx(folder: Path, megabytes: int = 200) -> Path:
    """A valid DOCX carrying a media part of ``megabytes`` MB of zeros: about 1 KB per MB on disk,
    and the declared size is the true one, so the reader must refuse it before inflating."""
    path = _rewrite(SAMPLE, folder / "bomb.docx", lambda _n, d: d)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as package,
        package.open("word/media/image1.bin", "w", force_zip64=True) as part,
    ):
        chunk = bytes(1 << 20)
        for _ in range(megabytes):
            part.write(chunk)
    return path


def entity_docx(folder: Path) -> Path:
    """A document.xml that declares an entity and uses it (the seed of a billion-laughs attack)."""

    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        text = data.decode()
        text = re.sub(
            r"^<\?xml[^>]*\?>",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
            text,
        )
        return text.replace("<w:t>", "<w:t>&lol2;", 1).encode()

    return _rewrite(SAMPLE, folder / "entities.docx", change)


def scanned_pdf(folder: Path) -> Path:
    """A PDF with pages but no text layer, as a scanner without OCR produces."""
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=595, height=842)
    path = folder / "scanned.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


RECIPE = [
    ("Grandmother's Lentil Soup", "Title"),
    ("Ingredients", "Heading 1"),
    ("Two cups of red lentils, one onion, two carrots, a clove of garlic and a litre of stock.", None),
    ("A teaspoon of cumin, salt and pepper to taste, and a squeeze of lemon.", None),
    ("Method", "Heading 1"),
    ("Rinse the lentils. Chop the onion and the carrots and soften them in olive oil.", None),
    ("Add the garlic and the cumin, then the lentils and the stock, and simmer for twenty minutes.", None),
    ("Blend half of the soup, season, and serve with lemon and warm bread.", None),
]


def recipe_docx(folder: Path) -> Path:
    """A valid Word document that is not an agreement at all."""
    document = Document()
    for text, style in RECIPE:
        document.add_paragraph(text, style=style)
    path = folder / "recipe.docx"
    document.save(path)
    return path


def long_agreement_docx(folder: Path, pages: int = 500, source: Path = SAMPLE, name: str = "") -> Path:
    """An agreement of about ``pages`` pages (~400 words a page): the source's whole body
    (paragraphs, numbering, tables) repeated, each copy under its own "Part" heading.

    The body elements are deep-copied rather than re-added through python-docx, which looks
    every style up again and takes seconds for a few thousand paragraphs.
    """
    document = Document(source)
    body = document.element.body
    content = [el for el in body if not el.tag.endswith("}sectPr")]
    words = sum(len(p.text.split()) for p in document.paragraphs)
    words += sum(len(c.text.split()) for t in document.tables for r in t.rows for c in r.cells)
    rounds = max(1, pages * 400 // max(words, 1))
    for r in range(2, rounds + 1):
        document.add_paragraph(f"Part {r}", style="Heading 1")
        anchor = body[-1]  # the section properties stay last
        for el in content:
            anchor.addprevious(copy.deepcopy(el))
    path = folder / (name or f"agreement_{pages}_pages.docx")
    document.save(path)
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "truncated": truncated_docx,
    "not_a_zip": not_a_zip_docx,
    "encrypted": encrypted_docx,
    "legacy_doc": legacy_doc,
    "docm": macro_docm,
    "empty": empty_file,
    "zip_bomb": zip_bomb_docx,
    "entities": entity_docx,
    "scanned_pdf": scanned_pdf,
    "recipe": recipe_docx,
}


def build_all(folder: Path) -> dict[str, Path]:
    """Every small bad input (the 500-page agreement is built on demand: it takes seconds)."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: build(folder) for name, build in BUILDERS.items()}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("out/bad_inputs"), help="default: out/bad_inputs")
    out = parser.parse_args().out
    for name, path in build_all(out).items():
        print(f"{name:12} {path} ({path.stat().st_size:,} bytes)")
    print(f"{'long':12} {long_agreement_docx(out)}")
