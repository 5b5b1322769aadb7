"""A DOCX package as a ZIP of parts: reading some members, writing a copy with some replaced.

An edited document (the redline, the tracked comparison) changes a few parts; every other
member is copied byte for byte, in its original order and compression, so styles,
numbering, headers, images and macros stay exactly as they were.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

#: The time stamp of a member a writer adds (ZIP needs one; a fixed one keeps output stable).
ADDED_MEMBER_TIME = (2024, 1, 1, 0, 0, 0)


def write_package(original: bytes, replaced: dict[str, bytes]) -> bytes:
    """A copy of the package ``original`` with the members in ``replaced`` changed or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        names = set()
        for info in zin.infolist():
            names.add(info.filename)
            data = replaced.get(info.filename)
            zout.writestr(info, data if data is not None else zin.read(info.filename))
        for name, data in replaced.items():
            if name not in names:
                zout.writestr(
                    zipfile.ZipInfo(name, date_time=ADDED_MEMBER_TIME),
                    data,
                    compress_type=zipfile.ZIP_DEFLATED,
                )
    return out.getvalue()


def members(package_bytes: bytes, names: Iterable[str]) -> dict[str, bytes]:
    """The named members of a package that exist in it (names without a leading slash)."""
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as package:
        present = set(package.namelist())
        return {name: package.read(name) for name in names if name in present}


def rels_name(partname: str) -> str:
    """The relationships member of a part: ``/word/document.xml`` -> ``word/_rels/document.xml.rels``."""
    folder, _, file = partname.lstrip("/").rpartition("/")
    return f"{folder}/_rels/{file}.rels"
