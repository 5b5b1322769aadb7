"""Review: upload an agreement (or open a sample), see its gaps, record decisions, download."""

from __future__ import annotations

import logging

import altair as alt
import pandas as pd
import streamlit as st

from blma import api
from blma_app import exports, resources
from blma_app import review_state as R
from blma_app.state import prepared
from blma_app.status import (
    GROUP_LABELS,
    LOOKS,
    PRIORITY_LABELS,
    STATUSES,
    badge,
    cell_css,
    coloured,
    legend,
    strength_badge,
    word,
)
from blma_app.status import label as status_label
from blma_app.text import plain, quote

state = st.session_state
LOG = logging.getLogger("blma.app")
KEEP = "agree with the tool"

st.title("Review an agreement")
st.caption(
    "Upload an agreement or MoU to see, for each of the 34 protections, whether it is present, partial, "
    "missing or contrary, with the passages that show it. The file stays in memory for your session only."
)

# -- choose the agreement ----------------------------------------------------------------------
def _upload_changed() -> None:
    """The user removed the file: forget it. (Leaving the page also empties the uploader, but
    without this callback, so the agreement under review survives a page switch.)"""
    if state.get("review.upload") is None and (current := R.current(state)) is not None:
        if current.origin == "upload":
            del state[R.KEY]
        state["review.upload_id"] = None


upload = st.file_uploader(
    "Agreement to review",
    type=["docx", "docm", "pdf", "txt", "md", "markdown", "doc"],  # .doc: the reader explains how to convert
    key="review.upload",
    on_change=_upload_changed,
    max_upload_size=api.MAX_UPLOAD_MB,
    help=f"Word (.docx), PDF with a text layer, plain text or Markdown, up to {api.MAX_UPLOAD_MB} MB. "
    "A scanned PDF without text cannot be read.",
)
if upload is not None and state.get("review.upload_id") != upload.file_id:
    state["review.upload_id"] = upload.file_id
    try:  # the server's own limit (config maxUploadSize) may be set higher than the reader's
        api.check_upload(upload.name, upload.getvalue())
    except api.BlmaError as exc:
        st.error(str(exc))
    else:
        R.open_document(state, upload.name, upload.getvalue(), "upload")


def _open_sample(name: str) -> None:
    sample = resources.sample(name)
    R.open_document(state, sample.name, sample.data(), "sample")


with st.expander("Or open a bundled sample agreement (one click)", expanded=R.current(state) is None):
    st.caption("Fictional agreements written for training; each has an answer key used on the Learn page.")
    columns = st.columns(2)
    for i, sample in enumerate(resources.samples()):
        columns[i % 2].button(
            sample.title,
            key=f"review.sample.{sample.name}",
            on_click=_open_sample,
            args=(sample.name,),
            help=f"Open {sample.name} ({sample.instrument.upper()}, {', '.join(sample.sectors) or 'general'})",
            width="stretch",
        )

review = R.current(state)
if review is None:
    st.info("Upload an agreement above, or open a sample, to start.", icon=":material/upload_file:")
    st.stop()

# -- read and analyse once per document ---------------------------------------------------------
if review.report is None and not review.error:
    with st.status(f"Reading {review.name}…", expanded=True) as progress:
        try:
            st.write("Reading the document…")
            doc = api.read_bytes(review.name, review.data)
            st.write(f"Read {doc.word_count:,} words. Checking the 34 protections…")
            review.report = api.analyze_document(doc, resources.analyzer())
        except api.BlmaError as exc:
            review.error = str(exc)
        except Exception as exc:  # a reader bug must not show a traceback to ministry staff
            LOG.exception("reading %s failed", review.name)
            review.error = (
                f"{review.name}: the document could not be read ({type(exc).__name__}). Save it again as .docx "
                "or PDF and retry; if it keeps failing, report it with the file to the tool's maintainers."
            )
        if review.error:
            progress.update(label=f"Could not read {review.name}", state="error", expanded=False)
        else:
            progress.update(label=f"Analysed {review.name}", state="complete", expanded=False)
if review.error:
    st.error(review.error)
    st.stop()

report = review.reviewed
assert report is not None
facts = report.facts
titles = resources.protection_titles()

# -- summary ----------------------------------------------------------------------------------
st.header(plain(facts.title or review.name))
st.caption(
    f"{review.name} · {'MoU' if facts.instrument == 'mou' else 'Agreement'} · "
    f"parties: {'; '.join(facts.parties) or 'not found'} · sectors: {', '.join(facts.sectors) or 'not found'} · "
    f"{facts.word_count:,} words, {facts.articles} articles"
)
for warning in report.warnings:
    st.warning(warning)

finals = {f.id: f.final_status for f in report.protections}
columns = st.columns(len(STATUSES) + 1)
for column, status in zip(columns, STATUSES, strict=False):
    column.metric(
        status_label(status),
        sum(s == status for s in finals.values()),
        help=f"Protections {LOOKS[status].meaning}.",
    )
core = [f for f in report.protections if f.priority == "core"]
columns[-1].metric(
    "Core protections present",
    f"{sum(f.final_status == 'present' for f in core)} of {len(core)}",
    help="Core protections are the minimum a rights-based agreement secures.",
)
if review.decisions:
    st.caption(
        f"Counts include your {len(review.decisions)} decision(s); the tool found: "
        + ", ".join(f"{report.counts.get(s, 0)} {s}" for s in STATUSES)
    )

counts = pd.DataFrame(
    [
        {"Group": label, "Status": status, "Order": i, "Protections": sum(
            f.group == group and f.final_status == status for f in report.protections
        )}
        for group, label in GROUP_LABELS.items()
        for i, status in enumerate(STATUSES)
    ]
)
chart = (
    alt.Chart(counts[counts["Protections"] > 0], title="Status by protection group")
    .mark_bar()
    .encode(
        y=alt.Y("Group:N", title=None, sort=list(GROUP_LABELS.values())),
        x=alt.X("Protections:Q", title="Number of protections", stack="zero"),
        color=alt.Color(
            "Status:N",
            scale=alt.Scale(domain=list(STATUSES), range=[LOOKS[s].chart for s in STATUSES]),
            legend=alt.Legend(title="Status", orient="bottom"),
        ),
        order=alt.Order("Order:Q"),
        tooltip=["Group", "Status", "Protections"],
    )
    .properties(height=alt.Step(36))
)
st.altair_chart(chart, width="stretch")
with st.expander("What the statuses mean"):
    st.markdown(legend())

# -- the table of protections -------------------------------------------------------------------
st.subheader("All protections")
left, middle = st.columns([3, 2])
right, far = st.columns([2, 3])
chosen_statuses = left.pills(
    "Status", list(STATUSES), selection_mode="multi", default=list(STATUSES), key="review.f.status", format_func=word,
    help="Show only protections with these statuses (your decision where you made one).",
)
chosen_groups = middle.pills(
    "Group", list(GROUP_LABELS), selection_mode="multi", default=list(GROUP_LABELS), key="review.f.group",
    format_func=GROUP_LABELS.get,
    help="Worker protections or governance provisions.",
)
chosen_priorities = right.pills(
    "Priority", list(PRIORITY_LABELS), selection_mode="multi", default=list(PRIORITY_LABELS), key="review.f.priority",
    format_func=PRIORITY_LABELS.get, help="Core protections are the minimum; recommended ones strengthen it.",
)
search = far.text_input(
    "Search", key="review.f.search", placeholder="e.g. passport, wages",
    help="Show protections whose title or evidence contains these words.",
)
only_check = st.toggle(
    "Only findings to check", key="review.f.check",
    help="Findings the tool is not sure of (low confidence), and that you have not decided yet.",
)
shown = [
    f
    for f in report.protections
    if (not only_check or (f.check and not f.reviewer_status))
    and f.final_status in chosen_statuses
    and f.group in chosen_groups
    and f.priority in chosen_priorities
    and (not search.strip() or search.lower() in (f.title + " " + " ".join(e.text for e in f.evidence)).lower())
]
table = pd.DataFrame(
    [
        {
            "Protection": f.title,
            "Group": GROUP_LABELS.get(f.group, f.group),
            "Priority": PRIORITY_LABELS.get(f.priority, f.priority),
            "Status": f.final_status,
            "Tool's finding": f.status,
            "Your decision": f.reviewer_status or "",
            "Check": "check" if f.check and not f.reviewer_status else "",
            "Where": "; ".join(dict.fromkeys(e.location for e in f.evidence)),
        }
        for f in shown
    ],
    columns=["Protection", "Group", "Priority", "Status", "Tool's finding", "Your decision", "Check", "Where"],
)
styled = table.style.map(cell_css, subset=["Status", "Tool's finding", "Your decision"])
st.dataframe(
    styled,
    hide_index=True,
    width="stretch",
    key="review.table",
    column_config={
        "Protection": st.column_config.TextColumn(width="large"),
        "Group": st.column_config.TextColumn(width="small"),
        "Priority": st.column_config.TextColumn(width="small"),
    },
)
st.caption(f"{len(shown)} of {len(report.protections)} protections shown. Open one below for its evidence.")


def _record(pid: str) -> None:
    decision = state[f"review.d.{review.print_}.{pid}"]
    reason = state[f"review.r.{review.print_}.{pid}"].strip()
    if decision == KEEP:
        review.decisions.pop(pid, None)
        state["review.notice"] = ("success", f"{titles[pid]}: the tool's finding stands.")
    elif not reason:
        state["review.notice"] = ("error", f"{titles[pid]}: give a reason for your decision; it goes in the report.")
    else:
        review.decisions[pid] = (decision, reason)
        state["review.notice"] = ("success", f"{titles[pid]}: your decision ({decision}) is recorded.")


notice = state.pop("review.notice", None)
if notice:
    (st.success if notice[0] == "success" else st.error)(notice[1])

for finding in shown:
    pid = finding.id
    marker = " · your decision" if finding.reviewer_status else (" · check" if finding.check else "")
    with st.expander(f"{plain(finding.title)} — {coloured(finding.final_status)}{marker}"):
        line = f"Tool's finding: {badge(finding.status)}"
        if finding.reason:
            line += f" — {plain(finding.reason)}"
        st.markdown(line)
        if finding.check and not finding.reviewer_status:
            st.caption(
                f"Check this one: the tool's confidence is {finding.confidence:.0%} "
                "(little or conflicting evidence)."
            )
        if finding.reviewer_status:
            st.markdown(
                f"Your decision: {badge(finding.reviewer_status)} — {plain(finding.reviewer_reason)}"
            )
        if finding.evidence:
            st.markdown("**Evidence**")
            for evidence in finding.evidence:
                kind = {"supports": "supports it", "weak": "weak", "contrary": "works against it"}[evidence.kind]
                st.markdown(f"**{plain(evidence.location)}** ({kind})\n\n{quote(evidence.text)}")
                if evidence.note:
                    st.caption(plain(evidence.note))
        else:
            st.caption("No passage of the agreement addresses this protection.")
        if finding.suggestion_details:
            st.markdown("**Suggested clauses from the library**")
            for suggestion in finding.suggestion_details:
                st.markdown(
                    f"- **{plain(suggestion.title)}** {strength_badge(suggestion.strength)} "
                    f"{plain(suggestion.reason)} (`{suggestion.clause_id}`)"
                )
            with st.popover("Read the suggested wording", help="The first suggestion, with example names."):
                for paragraph in api.clause_text(finding.suggestion_details[0].clause_id):
                    st.markdown(plain(paragraph))
        with st.form(f"review.form.{review.print_}.{pid}", border=False):
            left, right = st.columns([1, 2])
            options = [KEEP, *STATUSES]
            state.setdefault(f"review.d.{review.print_}.{pid}", finding.reviewer_status or KEEP)
            state.setdefault(f"review.r.{review.print_}.{pid}", finding.reviewer_reason)
            left.selectbox(
                "Your decision", options, key=f"review.d.{review.print_}.{pid}",
                format_func=lambda s: s if s == KEEP else word(s),
                help="Override the tool's status if your reading differs; the report keeps both.",
            )
            right.text_input(
                "Reason", key=f"review.r.{review.print_}.{pid}",
                placeholder="e.g. Article 9 makes the model contract mandatory",
                help="Required when you set a status: the report prints it beside your decision.",
            )
            st.form_submit_button(
                "Record decision", on_click=_record, args=(pid,),
                help="Saves your decision and reason; choose 'agree with the tool' to withdraw it.",
            )

# -- downloads ---------------------------------------------------------------------------------
st.subheader("Download")
downloads = prepared(
    "review.exports",
    review.decisions_print(),
    lambda: exports.review_downloads(report, review.stem, review.data if review.is_docx else None),
)
columns = st.columns(max(len(downloads), 1))
for column, item in zip(columns, downloads, strict=True):
    column.download_button(
        item.label, item.data, file_name=item.file_name, mime=item.mime, help=item.help,
        on_click="ignore", key=f"review.download.{item.file_name}",
    )
