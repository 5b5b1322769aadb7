"""Checks on an uploaded file's bytes before any parser sees them.

Uploaded agreements come from outside; these checks turn every unreadable or hostile
file into one clear :class:`DocumentError` naming the problem and what to do about it.
A DOCX package is checked by inflating every part here, chunk by chunk, with a running
count: a part stops at its declared size, the package at its limit, whatever the ZIP
headers claim; only a package that passes is handed to python-docx.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from blma.errors import DocumentError
from blma.ooxml.parts import xml_content_types
from blma.reading.limits import limits

#: Largest upload accepted, in bytes (``limits.yaml``: file_mb).
MAX_FILE_BYTES = limits().file_bytes
#: A part declared over this size and compressed more than ``bomb_ratio`` times is a bomb.
RATIO_FLOOR_BYTES = 10_000_000
#: Inflating step: no single call produces more than this.
CHUNK = 256 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # signature, flags, then the name and extra-field lengths
END_OF_DIRECTORY = b"PK\x05\x06"
#: What a ZIP reader raises on a damaged central directory (not a bug of ours: the file is broken).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error, NotImplementedError)
ENTITY_MARKERS = tuple(
    marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY") for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
CONTENT_TYPES = "[Content_Types].xml"
METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "Deflate64"}


def check_size(name: str, data: bytes) -> None:
    if not data:
        raise DocumentError(name, "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(name, too_large(len(data)))


def too_large(size: int) -> str:
    return (
        f"the file is {size / 1e6:.1f} MB, over the {limits().file_mb} MB limit "
        "for one agreement; split it or remove embedded images"
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


def check_package(name: str, data: bytes) -> None:
    """Check a DOCX package whole: its directory, then every part inflated within the limits.

    After this, reading any part (python-docx does it again) inflates exactly the bytes
    checked here: each part's stream ends at its declared size with a matching checksum.
    """
    cap = limits()
    _check_entry_count(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except ZIP_ERRORS:
        raise DocumentError(
            name, "the Word document is corrupt or truncated (its ZIP structure is broken)"
        ) from None
    if len(members) > cap.package_parts:
        raise DocumentError(name, f"the package has {len(members)} parts, over the limit of {cap.package_parts}")
    declared = sum(m.file_size for m in members)
    if declared > cap.package_bytes:
        raise DocumentError(
            name,
            f"the package would expand to {declared / 1e6:.0f} MB, over the "
            f"{cap.package_mb} MB limit (possible ZIP bomb); refused",
        )
    for member in members:
        if (
            member.compress_size
            and member.file_size / member.compress_size > cap.bomb_ratio
            and member.file_size > RATIO_FLOOR_BYTES
        ):
            raise DocumentError(
                name,
                f"part {member.filename} is compressed {member.file_size // member.compress_size}:1 "
                "(possible ZIP bomb); refused",
            )
    if "word/document.xml" not in {m.filename for m in members}:
        raise DocumentError(name, "a ZIP file but not a Word document (no word/document.xml)")
    # XML by name, or by the content type declared for it (python-docx parses by content type);
    # the content types come first so the others can be judged by them
    xml_parts = {m.filename for m in members if m.filename.endswith((".xml", ".rels"))}
    ordered = sorted(members, key=lambda m: m.filename != CONTENT_TYPES)
    budget = cap.package_bytes
    for member in ordered:
        size, xml = _check_part(name, data, member, budget, member.filename in xml_parts)
        budget -= size
        if member.filename == CONTENT_TYPES and xml is not None:
            xml_parts |= _declared_xml(xml, members)


def _check_entry_count(name: str, data: bytes) -> None:
    """Refuse a directory of too many entries before the ZIP reader builds an object for each."""
    end = data.rfind(END_OF_DIRECTORY, max(0, len(data) - 65_557))
    if end >= 0 and len(data) >= end + 12:
        (entries,) = struct.unpack_from("<H", data, end + 10)
        if entries != 0xFFFF and entries > limits().package_parts:
            raise DocumentError(name, f"the package has {entries} parts, over the limit of {limits().package_parts}")


def _check_part(
    name: str, data: bytes, member: zipfile.ZipInfo, budget: int, is_xml: bool
) -> tuple[int, bytearray | None]:
    """Inflate one part within ``budget`` bytes and check it; its size, and its bytes if XML."""
    part = member.filename
    if member.flag_bits & 0x1:
        raise DocumentError(
            name,
            f"part {part} is encrypted inside the ZIP; Word never writes that (a password-protected "
            "ZIP, not a Word document)",
        )
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or member.flag_bits & 0x60:
        method = METHOD_NAMES.get(member.compress_type, f"method {member.compress_type}")
        method = "patched or strongly encrypted data" if member.flag_bits & 0x60 else method
        raise DocumentError(
            name,
            f"part {part} uses a compression Word does not write ({method}); open the file in Word "
            "and save it again",
        )
    size, crc, xml = 0, 0, bytearray()
    for chunk in _inflate(name, _raw_stream(name, data, member), member):
        size += len(chunk)
        if size > member.file_size:
            raise DocumentError(name, f"the Word document is corrupt (part {part} is larger than its header says)")
        if size > budget:
            raise DocumentError(
                name, f"the package expands to more than {limits().package_mb} MB (possible ZIP bomb); refused"
            )
        crc = zlib.crc32(chunk, crc)
        if is_xml:
            if size > limits().xml_part_bytes:
                raise DocumentError(name, f"part {part} holds over {limits().xml_part_mb} MB of XML; refused")
            xml += chunk
    if size != member.file_size or crc != member.CRC:
        raise DocumentError(
            name, f"the Word document is corrupt (part {part} does not match its checksum: damaged in transfer?)"
        )
    if not is_xml:
        return size, None
    _check_xml(name, part, xml)
    return size, xml


def _declared_xml(content_types: bytearray, members: list[zipfile.ZipInfo]) -> set[str]:
    """Parts whose declared content type is XML, whatever their names say."""
    xml_types = xml_content_types(bytes(content_types))
    if xml_types is None:
        return set()  # python-docx refuses the package and the reader names this part
    return {
        m.filename
        for m in members
        if m.filename in xml_types or "." + m.filename.rpartition(".")[2].lower() in xml_types
    }


def _check_xml(name: str, part: str, xml: bytes | bytearray) -> None:
    if any(marker in xml for marker in ENTITY_MARKERS):
        raise DocumentError(name, f"part {part} declares XML entities (a DOCTYPE); refused for safety")
    tags = xml.count(b"<")
    if tags > limits().xml_tags:
        raise DocumentError(name, f"part {part} holds {tags:,} XML tags, over the limit of {limits().xml_tags:,}")


def _raw_stream(name: str, data: bytes, member: zipfile.ZipInfo) -> memoryview:
    """The part's compressed bytes, found through its local header as a ZIP reader does."""
    offset = member.header_offset
    if offset < 0 or offset + LOCAL_HEADER.size > len(data):
        raise DocumentError(name, f"the Word document is corrupt or truncated (part {member.filename} is missing)")
    signature, flags, name_length, extra_length = LOCAL_HEADER.unpack_from(data, offset)
    at = offset + LOCAL_HEADER.size
    local_name = data[at : at + name_length].decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
    if signature != ZIP_MAGIC or local_name != member.orig_filename:  # as a ZIP reader checks them
        raise DocumentError(name, f"the Word document is corrupt (part {member.filename} cannot be found)")
    start = at + name_length + extra_length
    raw = memoryview(data)[start : start + member.compress_size]
    if len(raw) < member.compress_size:
        raise DocumentError(name, f"the Word document is corrupt or truncated (part {member.filename} is cut off)")
    return raw


def _inflate(name: str, raw: memoryview, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's bytes in chunks of at most ``CHUNK``; never more than one chunk past its size."""
    if member.compress_type == zipfile.ZIP_STORED:
        for at in range(0, len(raw), CHUNK):
            yield bytes(raw[at : at + CHUNK])
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pending: bytes | memoryview = raw
    try:
        while not inflater.eof:
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            if not chunk and not pending:
                break  # the stream ends before its end marker
            yield chunk
    except zlib.error:
        raise DocumentError(
            name, f"the Word document is corrupt (part {member.filename} cannot be unpacked: its data is damaged)"
        ) from None
    if not inflater.eof:
        raise DocumentError(name, f"the Word document is corrupt or truncated (part {member.filename} is cut off)")
