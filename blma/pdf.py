"""DOCX to PDF with LibreOffice, where it is installed; the tool itself writes no PDF.

LibreOffice lays out pages and computes page numbers as Word would, so a PDF made from our
DOCX matches what a reader prints. Without it, :func:`unavailable` says why and what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from blma.errors import BlmaError

#: Seconds one conversion may take; a 40-page draft takes about one.
TIMEOUT_S = 120
INSTALL_HINT = "apt-get install -y --no-install-recommends libreoffice-writer-nogui"


def converter() -> str | None:
    """The path of LibreOffice's ``soffice``, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def unavailable() -> str | None:
    """Why no PDF can be made here, in one sentence; None when it can."""
    if converter() is None:
        return (
            "PDF needs LibreOffice, which is not installed on this server "
            f"(an administrator can add it: {INSTALL_HINT}); the Word file prints the same."
        )
    return None


def docx_to_pdf(data: bytes, name: str = "document.docx") -> bytes:
    """``data`` (a DOCX) as PDF bytes; a ``BlmaError`` in words when LibreOffice is absent or fails."""
    reason = unavailable()
    if reason:
        raise BlmaError(reason)
    soffice = converter()
    with tempfile.TemporaryDirectory(prefix="blma-pdf-") as folder:
        work = Path(folder)
        source = work / (Path(name).stem or "document")
        source = source.with_suffix(".docx")
        source.write_bytes(data)
        # A profile of its own: a user's running LibreOffice or a parallel conversion cannot block it.
        command = [
            str(soffice), f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
            "--convert-to", "pdf", "--outdir", str(work), str(source),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise BlmaError(f"{name}: LibreOffice took over {TIMEOUT_S} s to make the PDF; try the Word file") from None
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise BlmaError(f"{name}: LibreOffice could not make the PDF ({detail[0]})") from None
        result = source.with_suffix(".pdf")
        if not result.exists():
            raise BlmaError(f"{name}: LibreOffice made no PDF; try the Word file")
        return result.read_bytes()
