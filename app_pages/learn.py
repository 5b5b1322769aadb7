"""Learn: the guidance behind each protection, and an exercise on a sample agreement."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from blma import api
from blma_app import analysis_queue, resources
from blma_app.exercise import ADDRESSED, score_exercise
from blma_app.state import prepared
from blma_app.status import GROUP_LABELS, PRIORITY_LABELS, badge, cell_css, strength_badge, word
from blma_app.text import plain, quote

state = st.session_state
protections = resources.protections()
by_id = {p.id: p for p in protections}
titles = resources.protection_titles()

st.title("Learn the protections")
st.caption(
    "For trainers and trainees: read what each protection asks of an agreement and why, with example "
    "clauses; then test yourself on a sample agreement and compare your reading with the answer key."
)

guidance_tab, exercise_tab = st.tabs(["Guidance", "Exercise"])

# -- guidance ------------------------------------------------------------------------------------
with guidance_tab:
    pid = st.selectbox(
        "Protection",
        [p.id for p in protections],
        key="learn.protection",
        format_func=lambda i: f"{GROUP_LABELS[by_id[i].group]} · {by_id[i].title}",
        help="The 34 protections of the rubric, worker protections first.",
    )
    p = by_id[pid]
    st.header(p.title)
    st.markdown(
        f":blue-badge[{GROUP_LABELS[p.group]}] :violet-badge[{PRIORITY_LABELS[p.priority]} protection] "
        f"`{p.id}`"
    )
    st.markdown(plain(p.explanation))
    st.markdown("**Why it matters.** " + plain(p.why_it_matters))
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{badge('present')} A strong provision**")
        st.markdown(plain(p.present))
        st.markdown("\n".join(f"- {plain(e)}" for e in p.elements))
    with right:
        st.markdown(f"**{badge('partial')} Only partial when**")
        st.markdown(plain(p.partial))
        st.markdown(f"**{badge('contrary')} Works against it**")
        st.markdown(plain(p.contrary))
    if p.boundaries:
        st.caption("**Where it ends.** " + plain(p.boundaries))
    if p.sector_overlays:
        with st.expander("In particular sectors"):
            for sector, text in p.sector_overlays.items():
                st.markdown(f"**{sector.replace('_', ' ').capitalize()}.** {plain(text)}")
    st.markdown("**Sources**")
    st.markdown("\n".join(f"- {plain(str(s))}" for s in p.sources))

    st.subheader("Example wordings")
    columns = st.columns(3 if p.examples.contrary else 2)
    examples = [("present", "Strong", p.examples.strong), ("partial", "Weak", p.examples.weak)]
    if p.examples.contrary:
        examples.append(("contrary", "Contrary", p.examples.contrary))
    for column, (status, heading, text) in zip(columns, examples, strict=True):
        with column, st.container(border=True):
            st.markdown(f"{badge(status)} **{heading}**")
            st.markdown(quote(text))

    st.subheader("Clauses in the library")
    library_clauses = api.clauses(protection=pid)
    st.caption(
        f"{len(library_clauses)} clauses secure this protection, strongest first. Names and numbers "
        "are examples."
    )
    for clause in library_clauses:
        with st.expander(f"{plain(clause.title)} · {clause.strength}"):
            st.markdown(
                f"{strength_badge(clause.strength)} sectors: {', '.join(clause.sectors)} · styles: "
                f"{', '.join(clause.styles)} · `{clause.id}`"
            )
            for paragraph in api.clause_text(clause.id):
                st.markdown(quote(paragraph))
            st.caption("**Negotiator's note.** " + plain(clause.note))

# -- exercise ------------------------------------------------------------------------------------
with exercise_tab:
    samples = resources.samples()
    name = st.selectbox(
        "Sample agreement",
        [s.name for s in samples],
        key="learn.sample",
        format_func=lambda n: resources.sample(n).title,
        help="Fictional agreements written for training, each with an answer key.",
    )
    sample = resources.sample(name)
    doc = prepared("learn.doc", sample.name, lambda: api.read_bytes(sample.name, sample.data()))
    st.markdown(
        "**1. Read the agreement.** **2. Mark** the protections you think it leaves out (missing) and those "
        "it works against (contrary). **3. Reveal** the answer key and the tool's analysis."
    )
    with st.container(height=420, border=True):
        for block in doc.blocks:
            if block.kind in ("title", "heading"):
                st.markdown(f"**{plain(block.text)}**")
            else:
                st.markdown(f"`{block.location}` {plain(block.text)}" if block.location else plain(block.text))
    st.download_button(
        "Download this sample (Word)", sample.data(), file_name=sample.name, on_click="ignore",
        key=f"learn.download.{sample.name}", help="To read or annotate it in Word.",
    )

    options = [p.id for p in protections]
    missing = st.multiselect(
        "Protections you think are missing", options, key=f"learn.missing.{name}",
        format_func=titles.get, help="Not addressed anywhere in the agreement.",
    )
    contrary = st.multiselect(
        "Protections you think are contrary", options, key=f"learn.contrary.{name}",
        format_func=titles.get, help="A provision works against the protection, whatever else the text says.",
    )
    both = set(missing) & set(contrary)
    if both:
        st.error("Mark each protection once: " + "; ".join(titles[p] for p in both) + " is in both lists.")
    revealed: set = state.setdefault("learn.revealed", set())
    left, right = st.columns(2)
    if left.button("Reveal the answer", type="primary", key="learn.reveal", disabled=bool(both),
                   help="Shows your score, the answer key and the tool's analysis."):
        revealed.add(name)
    if name in revealed and right.button("Hide the answer and try again", key="learn.hide",
                                         help="Hides the answer; your marks stay."):
        revealed.discard(name)

    if name in revealed and not both:
        marks = {p: "missing" for p in missing} | {p: "contrary" for p in contrary}
        result = score_exercise(marks, sample.answer_key())

        def analysed() -> api.GapReport:
            with analysis_queue.shared().turn():  # the server's one queue for heavy work
                return api.analyze_document(doc, resources.analyzer())

        try:
            report = prepared("learn.report", sample.name, analysed)
        except analysis_queue.ServerBusy as exc:
            st.warning(str(exc), icon=":material/hourglass_top:")
            st.stop()
        tool = report.statuses()
        a, b, c = st.columns(3)
        a.metric("Your score", f"{result.correct} of {result.total}",
                 help="Protections you classed the way the answer key does (missing, contrary or addressed).")
        b.metric("Gaps found", f"{result.found} of {result.gaps}",
                 help="Protections the key marks missing or contrary that you marked the same way.")
        c.metric("False alarms", result.false_alarms, help="Protections you marked that the key says are addressed.")
        words = {ADDRESSED: "addressed", "missing": "missing", "contrary": "contrary"}
        table = pd.DataFrame(
            [
                {
                    "": "✔ right" if row.correct else "✖ wrong",
                    "Protection": titles.get(row.protection_id, row.protection_id),
                    "Your mark": words[row.yours],
                    "Answer key": row.key.status,
                    "Tool's finding": tool.get(row.protection_id, ""),
                    "Where": row.key.location or "",
                    "Why": row.key.note,
                    "Trap": (row.key.trap or "").replace("_", " "),
                }
                for row in sorted(result.rows, key=lambda r: (r.correct, r.expected == ADDRESSED))
            ]
        )
        st.dataframe(
            table.style.map(cell_css, subset=["Your mark", "Answer key", "Tool's finding"]),
            hide_index=True, width="stretch",
        )
        st.caption(
            f"Statuses: {', '.join(word(s) for s in ('present', 'partial', 'missing', 'contrary'))}. "
            "A trap names what makes a provision easy to misread (soft wording, a bare reference to "
            "national law, a negation…). Your mistakes are listed first."
        )
