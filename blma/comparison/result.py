"""The comparison ``blma compare`` returns: the data of :mod:`blma.comparison.models` with
its exports.

The renderers (:mod:`blma.comparison.render`, :mod:`blma.comparison.tracked`) read the data
classes; this class sits above them and calls them, so imports go one way
(result -> render -> models).
"""

from __future__ import annotations

from blma.comparison.models import ComparisonData
from blma.comparison.render import export
from blma.outputs import write_atomic


class Comparison(ComparisonData):
    """Everything ``blma compare`` reports, ready to export (see :class:`ComparisonData`)."""

    def export(self, fmt: str) -> bytes:
        """The comparison as ``md``, ``html``, ``json``, ``csv`` or ``docx`` bytes."""
        return export(self, fmt)

    def save(self, path, fmt: str) -> None:
        """Write the export to ``path`` atomically (a failure leaves no half-written file)."""
        write_atomic(path, self.export(fmt))
