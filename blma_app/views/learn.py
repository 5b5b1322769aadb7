"""Learn: the guidance behind each protection, and an exercise on a sample agreement."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from blma import api
from blma_app import analysis_queue, exports, resources
from blma_app.draft_form import SECTOR_LABELS
from blma_app.state import prepared
from blma_app.status import GROUP_LABELS, PRIORITY_LABELS, badge, cell_css, strength_badge, word
from blma_app.text import plain, quote

state = st.session_state
SECTOR_WORDS = {"all": "all sectors"} | {k: v.lower() for k, v in SECTOR_LABELS.items()}
STYLE_WORDS = {"agreement": "agreements", "mou": "memoranda of understanding"}
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
        f":blue-badge[{GROUP_LABELS[p.group]}] :violet-badge[{PRIORITY_LABELS[p.priority]} protection]"
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
        st.caption("**Where it ends.** " + plain(api.readable(p.boundaries)))
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
                f"{strength_badge(clause.strength)} sectors: "
                f"{', '.join(SECTOR_WORDS.get(s, s) for s in clause.sectors)} · for: "
                f"{', '.join(STYLE_WORDS[s] for s in clause.styles)}"
            )
            for paragraph in api.clause_text(clause.id):
                st.markdown(quote(paragraph))
            st.caption("**Negotiator's note.** " + plain(api.readable(clause.note)))

# -- exercise ------------------------------------------------------------------------------------
STATUS_ORDER = ("present", "partial", "missing", "contrary")


def _reveal(name: str) -> None:
    state.setdefault("learn.revealed", set()).add(name)


def _hide(name: str) -> None:
    state.setdefault("learn.revealed", set()).discard(name)


with exercise_tab:
    samples = resources.samples()
    left, right = st.columns([3, 1])
    name = left.selectbox(
        "Sample agreement",
        [s.name for s in samples],
        key="learn.sample",
        format_func=lambda n: resources.sample(n).title,
        help="Fictional agreements written for training, each with an answer key.",
    )
    sample = resources.sample(name)
    key_size = len(sample.answer_key())
    count = right.number_input(
        "Protections in the exercise", min_value=1, max_value=key_size, value=min(10, key_size), step=1,
        key=f"learn.count.{name}",
        help=f"1 to {key_size}. A shorter exercise still draws every status the agreement has: contrary, "
        "partial, missing and present in turn. The printed sheets hold the same protections.",
    )
    doc = prepared("learn.doc", sample.name, lambda: api.read_bytes(sample.name, sample.data()))
    exercise = prepared("learn.exercise", f"{sample.name}:{count}", lambda: api.exercise(sample, int(count), doc))

    with st.expander("For a workshop without screens: print the exercise and its answer key"):
        handouts = prepared("learn.handouts", f"{sample.name}:{count}", lambda: api.exercise_handouts(exercise))
        stem = sample.name.removesuffix(".docx")
        pdf_missing = api.pdf_unavailable()
        st.download_button(
            "Sample agreement (Word)", sample.data(), file_name=sample.name, on_click="ignore",
            key=f"learn.download.{sample.name}", help="The agreement the trainees read.",
        )
        for download in exports.handout_downloads(handouts, stem, with_pdf=pdf_missing is None):
            st.download_button(
                download.label, download.data, file_name=download.file_name, mime=download.mime,
                on_click="ignore", key=f"learn.print.{download.file_name}", help=download.help,
            )
        if pdf_missing is not None:
            st.caption(f"No PDF on this server: {pdf_missing}")

    st.markdown(
        "**1. Read the agreement.** **2. Mark** each protection below: present, partial, missing or "
        "contrary. One left unmarked counts as wrong. **3. Reveal** the answer key and the tool's analysis."
    )
    with st.container(height=420, border=True):
        for block in doc.blocks:
            if block.kind in ("title", "heading"):
                st.markdown(f"**{plain(block.text)}**")
            else:
                st.markdown(f"`{block.location}` {plain(block.text)}" if block.location else plain(block.text))

    marks: dict[str, str] = {}
    for item in exercise.items:
        choice = st.radio(
            plain(item.title), STATUS_ORDER, index=None, horizontal=True, key=f"learn.mark.{name}.{item.protection_id}",
            format_func=word, help=plain(by_id[item.protection_id].explanation),
        )
        if choice is not None:
            marks[item.protection_id] = choice
    unmarked = len(exercise.items) - len(marks)
    if unmarked:
        st.caption(f"{unmarked} of {len(exercise.items)} not marked yet; each counts as wrong.")

    revealed: set = state.setdefault("learn.revealed", set())
    left, right = st.columns(2)
    left.button("Reveal the answer", type="primary", key="learn.reveal", on_click=_reveal, args=(name,),
                help="Shows your score, the answer key and the tool's analysis.")
    if name in revealed:
        right.button("Hide the answer and try again", key="learn.hide", on_click=_hide, args=(name,),
                     help="Hides the answer; your marks stay.")

    if name in revealed:
        result = api.score_exercise(exercise, marks)
        st.metric("Your score", f"{result.correct} of {result.total}",
                  help="Protections you marked as the answer key does. Unmarked ones count as wrong.")
        columns = st.columns(len(result.per_status))
        for column, line in zip(columns, result.per_status, strict=True):
            column.metric(f"{line.status.capitalize()} in the key", f"{line.right} of {line.total}",
                          help=f"Of the protections the key marks {line.status}, how many you marked so.")
        if result.unmarked:
            st.caption(f"Not marked: {result.unmarked} (counted as wrong).")

        st.subheader("What each wrong answer should have been, and why")
        if not result.wrong:
            st.success("Every protection marked as the answer key does.")
        for answer in result.wrong:
            item = answer.item
            yours = "not marked" if answer.yours == "not marked" else word(answer.yours)
            with st.container(border=True):
                st.markdown(
                    f"**{plain(item.title)}**: you said {yours}; the answer key says {badge(item.expected)}"
                )
                st.markdown("**Why.** " + plain(item.why()))
                if item.quote:
                    st.markdown(quote(item.quote))
                if item.trap:
                    st.caption("What makes it easy to misread: " + item.trap.replace("_", " ") + ".")

        def analysed() -> api.GapReport:
            with analysis_queue.shared().turn():  # the server's one queue for heavy work
                return api.analyze_document(doc, resources.analyzer())

        try:
            report = prepared("learn.report", sample.name, analysed)
        except analysis_queue.ServerBusy as exc:
            st.warning(str(exc), icon=":material/hourglass_top:")
            st.stop()
        tool = report.statuses()
        st.subheader("Every answer, beside the tool's finding")
        table = pd.DataFrame(
            [
                {
                    "": "✔ right" if answer.correct else "✖ wrong",
                    "Protection": answer.item.title,
                    "Your mark": answer.yours if answer.yours == "not marked" else word(answer.yours),
                    "Answer key": word(answer.item.expected),
                    "Tool's finding": word(tool[answer.item.protection_id]) if answer.item.protection_id in tool else "",
                    "Where": answer.item.location or "",
                }
                for answer in sorted(result.answers, key=lambda a: a.correct)
            ]
        )
        st.table(  # a table wraps long titles and places; a data grid would clip them
            table.style.map(cell_css, subset=["Your mark", "Answer key", "Tool's finding"]), hide_index=True
        )
        st.caption(
            f"Statuses: {', '.join(word(s) for s in STATUS_ORDER)}. Your mistakes are listed first."
        )
