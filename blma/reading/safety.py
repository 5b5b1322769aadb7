"""Checks on an uploaded file's bytes before any parser sees them.

Uploaded agreements come from outside; these checks turn every unreadable or hostile
file into one clear :class:`DocumentError` naming the problem and what to do about it.
"""

from __future__ import annotations

import io
import zipfile

from blma.errors import DocumentError

#: Largest upload accepted, in bytes. A 500-page agreement in DOCX is well under 5 MB.
MAX_FILE_BYTES = 25 * 1024 * 1024
#: Largest total uncompressed size of a DOCX package (defends against ZIP bombs).
MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024
#: Largest compression ratio of one member before it looks like a bomb.
MAX_RATIO = 200
MAX_MEMBERS = 2000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"


def check_size(name: str, data: bytes) -> None:
    if not data:
        raise DocumentError(name, "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(
            name,
            f"the file is {len(data) / 1e6:.1f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit "
            "for one agreement; split it or remove embedded images",
        )


def sniff(name: str, data: bytes) -> str:
    """The real format by content (``docx``, ``pdf``, ``text``), whatever the extension says."""
    check_size(name, data)
    lower = name.lower()
    if data.startswith(OLE_MAGIC):
        if _utf16(b"EncryptedPackage") in data or _utf16(b"EncryptionInfo") in data:
            raise DocumentError(
                name,
                "the document is password-protected (encrypted); remove the password in Word "
                "(File > Info > Protect Document) and upload it again",
            )
        raise DocumentError(
            name,
            "this is a legacy Word 97-2003 document (.doc, an OLE file); open it in Word or "
            "LibreOffice and save it as .docx",
        )
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(PDF_MAGIC):
        return "pdf"
    if lower.endswith((".docx", ".docm", ".dotx")):
        raise DocumentError(
            name, "not a valid Word document: the file is not a ZIP package (corrupt or renamed)"
        )
    if lower.endswith(".doc"):
        raise DocumentError(name, "not a valid .doc file; save the agreement as .docx and upload it again")
    if lower.endswith(".pdf"):
        raise DocumentError(name, "not a valid PDF: the file does not start with a PDF header")
    if b"\x00" in data[:4096]:
        raise DocumentError(name, "a binary file of unknown type; upload DOCX, PDF, TXT or Markdown")
    return "text"


def _utf16(word: bytes) -> bytes:
    return word.decode().encode("utf-16-le")


def open_package(name: str, data: bytes) -> zipfile.ZipFile:
    """Open a DOCX package after checking it is whole, small enough and free of entity tricks."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise DocumentError(
            name, "the Word document is corrupt or truncated (its ZIP structure is broken)"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise DocumentError(name, f"the package has {len(members)} parts, over the limit of {MAX_MEMBERS}")
    declared = sum(m.file_size for m in members)
    if declared > MAX_UNCOMPRESSED_BYTES:
        raise DocumentError(
            name,
            f"the package would expand to {declared / 1e6:.0f} MB, over the "
            f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB limit (possible ZIP bomb); refused",
        )
    for member in members:
        if (
            member.compress_size
            and member.file_size / member.compress_size > MAX_RATIO
            and member.file_size > 10_000_000
        ):
            raise DocumentError(
                name,
                f"part {member.filename} is compressed {member.file_size // member.compress_size}:1 "
                "(possible ZIP bomb); refused",
            )
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise DocumentError(name, "a ZIP file but not a Word document (no word/document.xml)")
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            try:
                head = package.read(member)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                raise DocumentError(
                    name, f"the Word document is corrupt (part {member.filename} cannot be read)"
                ) from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise DocumentError(
                    name, f"part {member.filename} declares XML entities (a DOCTYPE); refused for safety"
                )
    return package
