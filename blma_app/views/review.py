"""Review: open an agreement, see what needs action first, record decisions, save and download."""

from __future__ import annotations

import logging

import altair as alt
import pandas as pd
import streamlit as st

from blma import api
from blma_app import analysis_queue, exports, keep, resources
from blma_app import review_state as R
from blma_app.reasons import in_words
from blma_app.status import (
    ACTION_ORDER,
    GROUP_LABELS,
    LOOKS,
    PRIORITY_LABELS,
    STATUSES,
    badge,
    coloured,
    legend,
    strength_badge,
    word,
)
from blma_app.status import label as status_label
from blma_app.text import instrument_words, plain

state = st.session_state
LOG = logging.getLogger("blma.app")
KEEP = "agree with the tool"
REVIEWER_KEY = "review.reviewer"
LONG_TITLE = 80  # characters: a longer title, or one in capitals, is shown at the size of the text

st.title("Review an agreement")
st.caption(
    "Upload an agreement or MoU to see, for each of the 34 protections, whether it is present, partial, "
    "missing or contrary, with the passages that show it. The file stays in memory for your session only."
)
if R.current(state) is None:
    R.restore(state)  # after a browser reload, the review this session had


# -- choose the agreement ----------------------------------------------------------------------
def _upload_changed() -> None:
    """The user removed the file: forget it. (Leaving the page also empties the uploader, but
    without this callback, so the agreement under review survives a page switch.)"""
    if state.get("review.upload") is None and (current := R.current(state)) is not None:
        if current.origin == "upload":
            R.forget(state)
        state["review.upload_id"] = None


upload = st.file_uploader(
    "Agreement to review",
    type=["docx", "docm", "pdf", "txt", "md", "markdown", "doc"],  # .doc: the reader explains how to convert
    key="review.upload",
    on_change=_upload_changed,
    max_upload_size=api.MAX_UPLOAD_MB,
    help="A scanned PDF without text cannot be read.",
)
st.caption(
    f"Word (.docx), PDF with a text layer, plain text or Markdown. **Largest file: {api.MAX_UPLOAD_MB} MB**; "
    "a larger file is refused with a message here."
)
if upload is not None and state.get("review.upload_id") != upload.file_id:
    state["review.upload_id"] = upload.file_id
    try:  # the server's own limit (config maxUploadSize) may be set higher than the reader's
        api.check_upload(upload.name, upload.getvalue())
    except api.BlmaError as exc:
        st.error(plain(str(exc)), icon=":material/block:")
    else:
        R.open_document(state, upload.name, upload.getvalue(), "upload")


def _open_sample(name: str) -> None:
    sample = resources.sample(name)
    R.open_document(state, sample.name, sample.data(), "sample")


with st.expander("Or open a bundled sample agreement (one click)", expanded=R.current(state) is None):
    st.caption("Fictional agreements written for training; each has an answer key used on the Learn page.")
    columns = st.columns(2)
    for i, sample in enumerate(resources.samples()):
        sectors = ", ".join(s.replace("_", " ") for s in sample.sectors) or "general"
        columns[i % 2].button(
            f"{plain(sample.title)} · {sectors}",
            key=f"review.sample.{sample.name}",
            on_click=_open_sample,
            args=(sample.name,),
            help=f"Open {sample.name} ({sample.instrument.upper()}, {sectors})",
            width="stretch",
        )

review = R.current(state)
if review is None:
    st.info("Upload an agreement above, or open a sample, to start.", icon=":material/upload_file:")
    st.stop()

# -- read and analyse once per document, in the server's queue ----------------------------------
if review.report is None and not review.error:
    name = plain(review.name)
    with st.status(f"Reading {name}…", expanded=True) as progress:
        waiting = st.empty()

        def _waiting(ahead: int) -> None:
            progress.update(label=f"Waiting to read {name}: {ahead} ahead of yours…")
            waiting.markdown(
                f"Waiting for a free slot: {ahead} analysis{'es' if ahead != 1 else ''} ahead of yours. "
                "The server runs a few at a time so that each finishes quickly."
            )

        busy = ""
        try:
            with analysis_queue.shared().turn(_waiting) as turn:
                review.waited_s = turn.waited_s
                if turn.waited_s >= 0.1:
                    waiting.markdown(f"Waited {turn.waited_s:.1f} s for a free slot.")
                    progress.update(label=f"Reading {name}…")
                st.write("Reading the document…")
                doc = api.read_bytes(review.name, review.data)
                st.write(f"Read {doc.word_count:,} words. Checking the 34 protections…")
                review.report = api.analyze_document(doc, resources.analyzer(), review.language)
                review.context = api.suggestion_context(doc, review.report)
        except analysis_queue.ServerBusy as exc:
            busy = str(exc)
        except api.BlmaError as exc:
            review.error = str(exc)
        except Exception as exc:  # a reader bug must not show a traceback to ministry staff
            LOG.exception("reading %s failed", review.name)
            review.error = (
                f"{review.name}: the document could not be read ({type(exc).__name__}). Save it again as .docx "
                "or PDF and retry; if it keeps failing, report it with the file to the tool's maintainers."
            )
        if review.error or busy:
            progress.update(label=f"Could not read {name}", state="error", expanded=False)
        else:
            waited = f" after waiting {review.waited_s:.1f} s for a free slot" if review.waited_s >= 0.1 else ""
            progress.update(label=f"Analysed {name}{waited}", state="complete", expanded=False)
            R.remember(review)
    if busy:
        st.warning(busy, icon=":material/hourglass_top:")
        st.button("Try again", key="review.retry")
        st.stop()
if review.error:
    st.error(plain(review.error))
    st.stop()

report = review.reviewed
assert report is not None
facts = report.facts
protections = {p.id: p for p in resources.protections()}
titles = resources.protection_titles()

# -- what the agreement is ----------------------------------------------------------------------
title = facts.title or review.name
if len(title) > LONG_TITLE or (title.isupper() and len(title) > 30):
    st.markdown(f"###### {plain(title)}")  # a heading still, at the size of the text
else:
    st.header(plain(title))
st.caption(
    f"{plain(review.name)} · {plain(instrument_words(facts.instrument, facts.title_kind))} · "
    f"parties: {plain('; '.join(facts.parties)) or 'not found'} · "
    f"sectors: {plain(', '.join(s.replace('_', ' ') for s in facts.sectors)) or 'not found'} · "
    f"{facts.word_count:,} words, {facts.articles} articles"
)
if not facts.binding:
    st.warning(
        f"**Not legally binding.** The text says so (“{plain(facts.non_binding_statement)}”): its commitments, "
        "however firmly worded, are political, not legal obligations. A *present* finding here means firm "
        "wording, not an enforceable right.",
        icon=":material/gavel:",
    )
for warning in report.warnings:
    if facts.binding or facts.non_binding_statement not in warning:  # said above, in words
        st.warning(plain(warning))


LANGUAGE_KEY = f"review.language.{review.print_}"  # one choice per agreement


def _language_chosen() -> None:
    if review.use_language(state[LANGUAGE_KEY]):
        R.remember(review)


if alternatives := api.analysable_instead(report):  # a bilingual agreement: the reviewer picks its text
    languages = [c for c in api.supported_languages() if c == facts.language or c in alternatives]
    st.selectbox(
        "Authentic text analysed",
        languages,
        index=languages.index(facts.language),
        key=LANGUAGE_KEY,
        format_func=api.language_name,
        on_change=_language_chosen,
        help="The agreement holds more than one authentic text. Statuses, evidence and suggested "
        "clauses come from the text chosen here; your decisions are kept when you switch.",
    )

finals = {f.id: f.final_status for f in report.protections}
columns = st.columns(len(ACTION_ORDER) + 1)
for column, status in zip(columns, ACTION_ORDER, strict=False):
    column.metric(
        status_label(status),
        sum(s == status for s in finals.values()),
        help=f"Protections {LOOKS[status].meaning}.",
    )
core = [f for f in report.protections if f.priority == "core"]
columns[-1].metric(
    "Core present",
    f"{sum(f.final_status == 'present' for f in core)} of {len(core)}",
    help="Core protections are the minimum a rights-based agreement secures.",
)
if review.decisions:
    st.caption(
        f"Counts include your {len(review.decisions)} decision(s); the tool found: "
        + ", ".join(f"{report.counts.get(s, 0)} {s}" for s in ACTION_ORDER)
    )

# -- downloads and the review file, near the top; built only when clicked ------------------------
st.markdown("**Download** (each file is made when you click it)")
downloads = exports.review_downloads(
    report,
    review.stem,
    review.data if review.is_docx else None,
    review.review_file(),
    analysis_queue.shared(),
) + exports.kit_downloads(
    lambda: api.kit_for_upload(review.name, review.data), review.stem, analysis_queue.shared()
)
with st.container(horizontal=True):
    for item in downloads:
        st.download_button(
            item.label, item.data, file_name=item.file_name, mime=item.mime, help=item.help,
            on_click="ignore", key=f"review.download.{item.label}",
        )


def _adopt(file: api.ReviewFile, file_name: str) -> None:
    """Take a review file's decisions (they replace yours on the same protections)."""
    review.decisions.update(file.decisions)
    for pid in file.decisions:  # the decision widgets are seeded again from the file
        state.pop(f"review.d.{review.print_}.{pid}", None)
        state.pop(f"review.r.{review.print_}.{pid}", None)
    state.pop("review.pending", None)
    R.remember(review)
    reviewers = sorted({d.reviewer for d in file.decisions.values()})
    state["review.notice"] = (
        "success",
        f"Reopened {len(file.decisions)} decision(s) from {plain(file_name)}"
        + (f" by {plain(', '.join(reviewers))}" if reviewers else "") + ".",
    )


name_column, file_column = st.columns([2, 3], vertical_alignment="top")
kept_name = keep.restore("reviewer") or ""
state.setdefault(REVIEWER_KEY, kept_name)
name_column.text_input(
    "Your name, recorded with your decisions", key=REVIEWER_KEY, placeholder="e.g. A. Mensah, Legal Unit",
    help="Each decision you record carries your name and the time, here and in the review file.",
)
if state[REVIEWER_KEY].strip() != kept_name:
    keep.save("reviewer", state[REVIEWER_KEY].strip())
with file_column.expander("Reopen a review file"):
    st.caption(
        "Your decisions are kept if you reload the page. To keep them longer, or to pass them to a colleague, "
        "download the **Review file (YAML)** above and reopen it here with the same agreement "
        "(`blma analyze AGREEMENT --decisions FILE` reads it too)."
    )
    reopened = st.file_uploader(
        "Review file (YAML or JSON)", type=["yaml", "yml", "json"], key=f"review.reopen.{review.print_}",
        help="A review file saved from this page, for this agreement.",
    )
if reopened is not None and state.get("review.reopen_id") != (reopened.file_id, review.print_):
    state["review.reopen_id"] = (reopened.file_id, review.print_)
    try:
        loaded = api.read_review_file(reopened.getvalue(), reopened.name)
        api.apply_review_file(review.report, loaded, review.data, review_name=reopened.name)
    except api.ReviewFileMismatch as exc:
        state["review.pending"] = (review.print_, loaded, reopened.name, str(exc))
    except api.BlmaError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
    else:
        _adopt(loaded, reopened.name)
        st.rerun()  # this run's counts and downloads were made before the decisions came in
pending = state.get("review.pending")
if pending is not None and pending[0] == review.print_:  # a file for another copy of this agreement
    st.warning(plain(pending[3]), icon=":material/warning:")
    st.button(
        "Apply its decisions anyway", key="review.apply_anyway", on_click=_adopt, args=pending[1:3],
        help="Only if you know the two files hold the same text (say, one was saved again in Word).",
    )

# -- filters -----------------------------------------------------------------------------------
left, middle = st.columns([3, 2])
right, far = st.columns([2, 3])
chosen_statuses = left.pills(
    "Status", list(ACTION_ORDER), selection_mode="multi", default=list(ACTION_ORDER), key="review.f.status",
    format_func=word, help="Show only protections with these statuses (your decision where you made one).",
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


def _record(pid: str) -> None:
    decision = state[f"review.d.{review.print_}.{pid}"]
    reason = state[f"review.r.{review.print_}.{pid}"].strip()
    reviewer = state.get(REVIEWER_KEY, "").strip()
    if decision == KEEP:
        review.decisions.pop(pid, None)
        state["review.notice"] = ("success", f"{titles[pid]}: the tool's finding stands.")
    elif not reason:
        state["review.notice"] = ("error", f"{titles[pid]}: give a reason for your decision; it goes in the report.")
    elif not reviewer:
        state["review.notice"] = (
            "error", f"{titles[pid]}: give your name under “Your review” above; the review file records who decided.",
        )
    else:
        review.decisions[pid] = api.Decision.now(decision, reason, reviewer)
        state["review.notice"] = ("success", f"{titles[pid]}: your decision ({decision}) is recorded.")
    R.remember(review)


notice = state.pop("review.notice", None)
if notice:
    (st.success if notice[0] == "success" else st.error)(notice[1])


def _finding(finding) -> None:
    """One protection: the tool's finding in words, the evidence, suggestions and the decision form."""
    pid = finding.id
    protection = protections.get(pid)
    line = f"Tool's finding: {badge(finding.status)}"
    if finding.reason:
        line += f" — {plain(in_words(finding.reason))}"
    st.markdown(line)
    if finding.check and not finding.reviewer_status:
        st.caption(
            f"Check this one: the tool's confidence is {finding.confidence:.0%} (little or conflicting evidence)."
        )
    if finding.reviewer_status:
        decided = review.decisions.get(pid)
        by = f" ({plain(decided.reviewer)}, {decided.time:%d %b %Y %H:%M} UTC)" if decided and decided.time else ""
        st.markdown(f"Your decision: {badge(finding.reviewer_status)} — {plain(finding.reviewer_reason)}{by}")
    if protection is not None and finding.final_status in ("partial", "missing", "contrary"):
        st.markdown(f"**What a full provision secures.** {plain(protection.present)}")
    if finding.evidence:
        st.markdown("**Evidence**")
        for evidence in finding.evidence:
            kind = {"supports": "supports it", "weak": "weak", "contrary": "works against it"}[evidence.kind]
            with st.container(border=True):  # the text at full contrast, not a faded block quote
                lead_in = f"*{plain(evidence.lead_in)}* … " if evidence.lead_in else ""
                st.markdown(f"**{plain(evidence.location)}** ({kind})\n\n{lead_in}{plain(evidence.text)}")
                if evidence.note and evidence.note != finding.reason:
                    st.caption(plain(in_words(evidence.note)))
    else:
        st.caption("No passage of the agreement addresses this protection.")
    if finding.final_status != "present" and finding.suggestion_details:
        st.markdown("**Suggested clauses from the library**")
        for suggestion in finding.suggestion_details:
            st.markdown(
                f"- **{plain(suggestion.title)}** {strength_badge(suggestion.strength)} {plain(suggestion.reason)}"
            )
        first = finding.suggestion_details[0]
        with st.popover("Read the suggested wording", help="The first suggestion, in this agreement's own terms."):
            quoted = api.suggested_title(first.clause_id, review.context)  # in the wording's language
            st.caption(f"{plain(quoted)}, with this agreement's parties and wording; fill in what is in brackets.")
            for paragraph in api.suggested_wording(first.clause_id, review.context):
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


# -- one list, what needs action first ------------------------------------------------------------
st.caption(f"{len(shown)} of {len(report.protections)} protections shown. Open one for its evidence.")
for status in ACTION_ORDER:
    if status not in chosen_statuses:
        continue
    group = [f for f in shown if f.final_status == status]
    group.sort(key=lambda f: f.priority != "core")  # core first, rubric order within
    st.subheader(f"{status_label(status)}: {len(group)}", anchor=f"status-{status}")
    if not group:
        st.caption(f"No protection shown is {status}.")
    for finding in group:
        marker = " · your decision" if finding.reviewer_status else (" · check" if finding.check else "")
        with st.expander(f"{plain(finding.title)} — {coloured(finding.final_status)}{marker}"):
            _finding(finding)

with st.expander("Status by protection group (chart) and what the statuses mean"):
    st.markdown(legend())
    counts = pd.DataFrame(
        [
            {"Group": label, "Status": status, "Order": i, "Protections": sum(
                f.group == group and f.final_status == status for f in report.protections
            )}
            for group, label in GROUP_LABELS.items()
            for i, status in enumerate(ACTION_ORDER)
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
                scale=alt.Scale(domain=list(ACTION_ORDER), range=[LOOKS[s].chart for s in ACTION_ORDER]),
                legend=alt.Legend(title="Status", orient="bottom"),
            ),
            order=alt.Order("Order:Q"),
            tooltip=["Group", "Status", "Protections"],
        )
        .properties(height=alt.Step(36))
    )
    st.altair_chart(chart, width="stretch")
