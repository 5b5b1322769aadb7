"""The Compare page's views of a :class:`Comparison`: the matrix table, word differences, downloads.

The comparison itself comes from ``blma.api``; this module only lays it out. Matrix columns
are the agreements' short titles (parties and year); their full names are the headers'
hover text.
"""

from __future__ import annotations

import html

import pandas as pd

from blma import api
from blma_app.exports import DOCX_MIME, Download
from blma_app.status import GROUP_LABELS, LOOKS, word
from blma_app.text import instrument_words


def compare(items: list[tuple[str, bytes]]) -> api.Comparison:
    """The comparison of in-memory files, given as (name, bytes)."""
    return api.compare(items)


def column_names(comparison: api.Comparison) -> list[str]:
    """Short, unique column headers: each agreement's parties and year ("Sundara–Valdoria 2024")."""
    return [a.short_title for a in comparison.matrix.agreements]


def full_names(comparison: api.Comparison) -> dict[str, str]:
    """Each column's hover text: the agreement's full title and its file."""
    return {
        a.short_title: f"{a.title} ({_file_name(a.file)})" if a.title else _file_name(a.file)
        for a in comparison.matrix.agreements
    }


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def matrix_frame(comparison: api.Comparison) -> pd.DataFrame:
    """One row per protection, one column per agreement; each cell a status word with its symbol."""
    columns = column_names(comparison)
    rows = []
    for row in comparison.matrix.rows:
        record = {"Protection": row.title, "Group": GROUP_LABELS.get(row.group, row.group), "Priority": row.priority}
        record |= {name: word(cell.status) for name, cell in zip(columns, row.cells, strict=True)}
        rows.append(record)
    return pd.DataFrame(rows)


def summary_frame(comparison: api.Comparison) -> pd.DataFrame:
    columns = column_names(comparison)
    return pd.DataFrame(
        [
            {
                "Agreement": name,
                "File": _file_name(a.file),
                "Title": a.title,
                "Instrument": instrument_words(a.instrument, a.title_kind),
                "Core protections present": f"{a.score:.0%}",
                **{status: a.counts.get(status, 0) for status in LOOKS},
            }
            for name, a in zip(columns, comparison.matrix.agreements, strict=True)
        ]
    )


def diff_html(ops: list) -> str:
    """Word differences as HTML: removed words struck through, added words underlined (not colour alone).

    The stretches are laid end to end as the text has them, so punctuation stays with its word.
    """
    parts = []
    for op in api.readable_word_diff([api.WordOp(op=o.op, text=o.text) for o in ops]):
        text = html.escape(op.text)
        if op.op == "delete":
            parts.append(
                f'<del title="removed" style="background:#f9d0d3;color:#5c0a12;text-decoration:line-through">{text}</del>'
            )
        elif op.op == "insert":
            parts.append(f'<ins title="added" style="background:#d3f0d8;color:#0b3d17;text-decoration:underline">{text}</ins>')
        else:
            parts.append(text)
    return '<div style="line-height:1.6;white-space:pre-wrap">' + "".join(parts) + "</div>"


def removed_html(text: str, removed: bool = True) -> str:
    """A whole article only in one version: struck through when removed, underlined when new."""
    return diff_html([api.WordOp(op="delete" if removed else "insert", text=text)])


def comparison_downloads(comparison: api.Comparison, stem: str) -> list[Download]:
    """The matrix as CSV, the comparison in Markdown, and Word: tracked changes for two versions."""
    pair = comparison.is_version_pair
    return [
        Download(
            "Matrix (CSV)",
            comparison.export("csv"),
            f"{stem}.matrix.csv",
            "text/csv",
            "The protection matrix for a spreadsheet: one row per protection, one column per agreement.",
        ),
        Download(
            "Comparison (Markdown)",
            comparison.export("md"),
            f"{stem}.comparison.md",
            "text/markdown",
            "The matrix and, for two versions, the status changes and article differences.",
        ),
        Download(
            "Tracked changes (Word)" if pair else "Matrix (Word)",
            comparison.export("docx"),
            f"{stem}.{'tracked-changes' if pair else 'matrix'}.docx",
            DOCX_MIME,
            "The later version shown against the earlier one as Word tracked changes."
            if pair
            else "The protection matrix as a Word table, statuses in words and colour.",
        ),
    ]
