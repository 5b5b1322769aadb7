"""Compare: the protection matrix of several agreements; for two versions, what changed."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from blma import api
from blma_app import analysis_queue, resources
from blma_app import compare_view as V
from blma_app.state import fingerprint, prepared
from blma_app.status import cell_css, legend, word
from blma_app.text import plain

state = st.session_state
LOG = logging.getLogger("blma.app")
titles = resources.protection_titles()

st.title("Compare agreements")
st.caption(
    "Upload two or more agreements, or pick samples, to see which protections each secures, side by side. "
    "With two versions of one text, also see what changed between them, article by article."
)

left, right = st.columns(2)
uploads = left.file_uploader(
    "Agreements to compare",
    type=["docx", "docm", "pdf", "txt", "md", "markdown", "doc"],
    accept_multiple_files=True,
    key="compare.upload",
    max_upload_size=api.MAX_UPLOAD_MB,
    help=f"Word, PDF, text or Markdown files, up to {api.MAX_UPLOAD_MB} MB each. Files stay in memory.",
)
sample_names = right.multiselect(
    "Or add sample agreements",
    [s.name for s in resources.samples()],
    key="compare.samples",
    format_func=lambda n: resources.sample(n).title,
    help="Bundled fictional agreements. They are compared after your uploads, in the order you pick them.",
)

items: list[tuple[str, bytes]] = []
for upload in uploads or []:
    try:  # an empty or oversized file is named and left out; the others are still compared
        api.check_upload(upload.name, upload.getvalue())
    except api.BlmaError as exc:
        st.error(plain(str(exc)))
    else:
        items.append((upload.name, upload.getvalue()))
items += [(name, resources.sample(name).data()) for name in sample_names]

if len(items) == 2:
    swap = st.toggle(
        "Swap the order", key="compare.swap",
        help="The first agreement is read as the earlier version, the second as the later one.",
    )
    if swap:
        items.reverse()
    st.caption(
        f"If they are versions of one text: earlier **{plain(items[0][0])}** · later **{plain(items[1][0])}**"
    )
if len(items) < 2:
    st.info("Choose at least two agreements.", icon=":material/upload_file:")
    st.stop()

key = fingerprint(*(part for name, data in items for part in (name, data)))
try:
    if state.get("compare.result", (None,))[0] != key:
        with st.status(f"Reading and comparing {len(items)} agreements…", expanded=False) as progress:

            def waiting(ahead: int) -> None:
                progress.update(label=f"Waiting for a free slot: {ahead} analyses ahead of yours…")

            with analysis_queue.shared().turn(waiting):
                progress.update(label=f"Reading and comparing {len(items)} agreements…")
                resources.analyzer()  # loaded once per server
                state["compare.result"] = (key, V.compare(items))
            progress.update(label=f"Compared {len(items)} agreements", state="complete")
    comparison = state["compare.result"][1]
except analysis_queue.ServerBusy as exc:
    st.warning(str(exc), icon=":material/hourglass_top:")
    st.stop()
except api.BlmaError as exc:
    st.error(plain(str(exc)))
    st.stop()
except Exception as exc:  # never a traceback for ministry staff
    LOG.exception("comparison failed")
    st.error(f"The agreements could not be compared ({type(exc).__name__}). Check that each file opens in Word.")
    st.stop()

for warning in comparison.warnings:
    st.warning(plain(warning))

if comparison.is_pair and comparison.relation is not None:
    if comparison.versions:
        st.success(comparison.relation.summary(), icon=":material/difference:")
    else:
        st.info(
            f"{comparison.relation.summary()} They are set side by side in the matrix below; "
            "neither is read as a change of the other.",
            icon=":material/compare:",
        )

# -- the matrix -------------------------------------------------------------------------------
st.subheader("Protection matrix")
st.dataframe(V.summary_frame(comparison), hide_index=True, width="stretch")
matrix = V.matrix_frame(comparison)
columns = V.column_names(comparison)
status_filter = st.pills(
    "Show rows where any agreement is",
    ["present", "partial", "missing", "contrary"],
    selection_mode="multi",
    default=["present", "partial", "missing", "contrary"],
    key="compare.filter",
    format_func=word,
    help="For example, pick only 'contrary' to see where any text works against workers.",
)
differs_only = st.toggle(
    "Only protections whose status differs", key="compare.differs",
    help="Hide rows where every agreement has the same status.",
)
shown = matrix[
    matrix[columns].apply(lambda row: any(v.split(" ", 1)[1] in status_filter for v in row), axis=1)
    & (~differs_only | (matrix[columns].nunique(axis=1) > 1))
]
st.dataframe(
    shown.style.map(cell_css, subset=columns),
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(shown), 900),
    key="compare.matrix",
    column_config={
        "Protection": st.column_config.TextColumn(width=300),
        "Group": st.column_config.TextColumn(width="small"),
        "Priority": st.column_config.TextColumn(width="small"),
        **{
            name: st.column_config.TextColumn(width="small", help=full)
            for name, full in V.full_names(comparison).items()
        },
    },
)
st.caption(legend().replace("  \n", " · "))

# -- two versions ------------------------------------------------------------------------------
if comparison.is_version_pair:
    st.subheader("What changed between the two")
    if comparison.identical:
        st.success("The two files are identical.")
    changes = comparison.changes
    weakenings = [c for c in changes if c.direction == "weakening"]
    a, b = st.columns(2)
    a.metric("Protections weakened", len(weakenings), help="Status lower in the second version.")
    b.metric("Protections strengthened", len(changes) - len(weakenings), help="Status higher in the second version.")
    if changes:
        st.markdown("**Status changes, weakenings first**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Change": "▼ weakened" if c.direction == "weakening" else "▲ strengthened",
                        "Protection": c.title or c.id,
                        "Priority": c.priority,
                        "Before": c.from_,
                        "After": c.to,
                        "Where before": "; ".join(c.a_locations),
                        "Where after": "; ".join(c.b_locations),
                    }
                    for c in changes
                ]
            ).style.map(cell_css, subset=["Before", "After"]),
            hide_index=True,
            width="stretch",
            key="compare.changes",
        )
    else:
        st.info("No protection changed status.")

    st.markdown("**Articles, paired by what they say**")
    st.caption("Removed words are struck through, added words underlined.")
    changed = [d for d in comparison.differences if d.changed]
    pairs = {(p.a, p.b): p for p in comparison.alignment}
    for diff in changed:
        pair = pairs.get((diff.a, diff.b))
        heading = f" — {plain(pair.b_heading or pair.a_heading)}" if pair and (pair.b_heading or pair.a_heading) else ""
        similarity = f" · {pair.similarity:.0%} alike" if pair else ""
        with st.expander(f"{plain(diff.a)} → {plain(diff.b)}{heading}{similarity}"):
            st.markdown(V.diff_html(diff.ops), unsafe_allow_html=True)
    with st.expander(f"All {len(comparison.alignment)} article pairs"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Earlier": p.a,
                        "Later": p.b,
                        "Heading": p.b_heading or p.a_heading,
                        "Alike": f"{p.similarity:.0%}",
                        "Protections in both": ", ".join(titles.get(x, x) for x in p.shared_protections),
                    }
                    for p in comparison.alignment
                ],
                columns=["Earlier", "Later", "Heading", "Alike", "Protections in both"],
            ),
            hide_index=True,
            width="stretch",
        )
    unchanged = len(comparison.differences) - len(changed)
    if unchanged:
        st.caption(f"{unchanged} paired article(s) have the same words.")
    for side, where, removed in (("a", "Only in the earlier version", True), ("b", "Only in the later version", False)):
        for article, text in comparison.unmatched_text[side].items():
            with st.expander(f"{where}: {plain(article)}"):
                st.markdown(V.removed_html(text, removed), unsafe_allow_html=True)

# -- downloads -------------------------------------------------------------------------------
st.subheader("Download")
stem = "comparison" if len(items) != 2 else "-vs-".join(n.rsplit(".", 1)[0] for n, _ in items)
downloads = prepared("compare.exports", key, lambda: V.comparison_downloads(comparison, stem))
for column, item in zip(st.columns(max(len(downloads), 1)), downloads, strict=False):
    column.download_button(
        item.label, item.data, file_name=item.file_name, mime=item.mime, help=item.help,
        on_click="ignore", key=f"compare.download.{item.file_name}",
    )
