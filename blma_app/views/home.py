"""Home: what each page does, and where uploaded agreements go (nowhere)."""

from __future__ import annotations

import streamlit as st

from blma_app.status import legend

st.title("Labour migration agreement workbench")
st.markdown(
    "A workbench for ministry staff, negotiators and trainers working on **bilateral labour "
    "migration agreements (BLMAs)** and **memoranda of understanding (MoUs)**. It checks texts "
    "against a rubric of 34 protections for migrant workers, drawn from ILO and UN standards."
)

#: The four pages, two per column: page, link label, icon, what it is for.
CARDS = [
    [
        ("draft", "**Draft** a new agreement or MoU", "edit_document",
         "Fill in the parties, choose the sectors, then pick a clause from the library for each "
         "protection, comparing the wordings side by side. Download the text as Word, PDF or Markdown."),
        ("compare", "**Compare** agreements", "compare",
         "See which protections each agreement secures, side by side, and what changed between two."),
    ],
    [
        ("review", "**Review** an existing agreement", "fact_check",
         "Upload an agreement (Word, PDF or text). See which protections are present, partial, "
         "missing or contrary, with the quotes that show it, and download a gap report."),
        ("learn", "**Learn** the protections", "school",
         "Read why each protection matters, with example clauses; test yourself on a sample agreement, "
         "or print an exercise and its answer key for a workshop."),
    ],
]  # fmt: skip
for column, cards in zip(st.columns(2), CARDS, strict=True):
    for page, label, icon, caption in cards:
        with column.container(border=True):
            st.page_link(f"blma_app/views/{page}.py", label=label, icon=f":material/{icon}:")
            st.caption(caption)

st.subheader("What the statuses mean")
st.markdown(legend())

st.info(
    "**Your documents stay private.** An uploaded agreement is kept in this server's memory for "
    "your session only: it is never written to disk, stored, or sent to any other service. "
    "Close the browser tab to discard it.",
    icon=":material/lock:",
)
