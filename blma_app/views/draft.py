"""Draft: a step-by-step form from the parties to a downloadable model agreement or MoU."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from blma import api
from blma_app import analysis_queue, exports, keep, resources
from blma_app import draft_form as F
from blma_app.state import fingerprint, prepared
from blma_app.status import GROUP_LABELS, PRIORITY_LABELS, strength_badge
from blma_app.text import plain

state = st.session_state
if F.FORM_KEY not in state:  # a new session: after a browser reload, the form this session had
    state[F.FORM_KEY] = keep.restore("draft") or F.new_form()
form: dict = state[F.FORM_KEY]
protections = resources.protections()
titles = resources.protection_titles()

st.title("Draft an agreement or MoU")
st.caption(
    "Three steps: who signs and what the text covers; which clause secures each protection; "
    "then check the coverage and download. Your choices are kept while you move between pages."
)


# -- specification file: load one back, or start again ------------------------------------------
def _start_over() -> None:
    state[F.FORM_KEY] = F.new_form()
    F.clear_widgets(state)


with st.expander("Specification file: load a saved one, or start again"):
    upload = st.file_uploader(
        "Load a saved specification (YAML)",
        type=["yaml", "yml", "json"],
        key="draft.spec_upload",
        help="A file saved from this page (or written for `blma draft`). It replaces the current choices.",
    )
    if upload is not None and state.get("draft.loaded_id") != upload.file_id:
        state["draft.loaded_id"] = upload.file_id
        try:
            text = upload.getvalue().decode("utf-8")
            loaded = api.DraftSpec.from_text(text, upload.name, as_json=upload.name.lower().endswith(".json"))
        except UnicodeDecodeError:
            st.error(plain(f"{upload.name}: cannot be read: not UTF-8 text"))
        except api.BlmaError as exc:
            st.error(plain(str(exc)))
        else:
            form = state[F.FORM_KEY] = F.form_from_spec(loaded)
            F.clear_widgets(state)
            st.success(f"Loaded {plain(upload.name)}.")
    st.button(
        "Start again with an empty form",
        on_click=_start_over,
        help="Clears every choice on this page. Save the specification first if you want to keep it.",
    )

# -- the latest widget values into the form, then the spec and draft they stand for -------------
for notice in F.sync(state, form, [p.id for p in protections]):
    st.warning(notice)
keep.save("draft", form)

# An error must not hide the form: the user fixes it with the same widgets.
current: api.Draft | None = None
try:
    fs = F.to_spec(form)
except api.BlmaError as exc:
    st.error(plain(str(exc)))
    fs = F.FormSpec(F.scope_spec(form), [], [])
spec = fs.spec
try:
    current = prepared("draft.current", fingerprint(spec.to_text()), lambda: api.draft(spec))
except api.BlmaError as exc:
    st.error(plain(str(exc)))

# -- the live coverage meter: strength, not only count ----------------------------------------
with st.sidebar:
    st.markdown("**Coverage of the draft**")
    if current is None:
        st.caption("The coverage meter returns once the error on the page is fixed.")
    else:
        core = api.coverage_strength(current, "core")
        every = api.coverage_strength(current)
        st.progress(core.score, text=f"Strength of the core protections: {core.score:.0%}")
        st.caption(f"Core protections secured: {core.secured} of {core.protections} ({core.line()})")
        st.progress(every.score, text=f"Strength of all protections: {every.score:.0%}")
        st.caption(f"All protections secured: {every.secured} of {every.protections} ({every.line()})")
        st.caption(
            "A strongest clause counts in full, a recommended one two thirds, a baseline one a third; "
            "a protection left out counts nothing."
        )
        missing_core = [e for e in current.coverage.entries if e.priority == "core" and e.status != "secured"]
        if missing_core:
            st.warning("Core protections left out: " + "; ".join(e.title for e in missing_core))

# -- steps ----------------------------------------------------------------------------------------
if state.get(F.STEP_KEY) not in F.STEPS:
    state[F.STEP_KEY] = form["step"] if form["step"] in F.STEPS else F.STEPS[0]
step = st.radio(
    "Step",
    F.STEPS,
    key=F.STEP_KEY,
    horizontal=True,
    help="You can move between steps at any time; nothing is lost.",
)
form["step"] = step


def _go(to: str) -> None:
    state[F.STEP_KEY] = to


def _nav(back: str | None, forward: str | None) -> None:
    left, right = st.columns(2)
    if back:
        left.button(f"← {back}", key=f"draft.back.{back}", on_click=_go, args=(back,), help="Previous step")
    if forward:
        right.button(f"{forward} →", key=f"draft.next.{forward}", on_click=_go, args=(forward,), type="primary",
                     help="Next step")


def step_parties() -> None:
    F.seed_scope(state, form)
    st.subheader("Parties and competent authorities")
    columns = st.columns(2)
    for column, side, heading in zip(columns, F.SIDES, ("Country of origin", "Country of destination"), strict=True):
        with column, st.container(border=True):
            st.markdown(f"**{heading}**")
            st.text_input(
                "Country name, as written in the text",
                key=F.party_key(side, "country"),
                placeholder="e.g. the Republic of Sundara" if side == "origin" else "e.g. the Kingdom of Valdoria",
                help="The full name used in the title and the first mention, with 'the' if it takes one.",
            )
            st.text_input(
                "Short name (optional)",
                key=F.party_key(side, "short_name"),
                placeholder="e.g. Sundara" if side == "origin" else "e.g. Valdoria",
                help="Used in the running text after the first mention. Leave empty to repeat the full name.",
            )
            st.text_input(
                "Competent authority",
                key=F.party_key(side, "authority"),
                placeholder="e.g. Ministry of Overseas Employment" if side == "origin" else "e.g. Ministry of Labour",
                help="The ministry or agency that implements the instrument for this country.",
            )
    st.subheader("Languages")
    left, right = st.columns(2)
    left.radio(
        "Language of the text",
        list(F.LANGUAGE_LABELS),
        key=F.LANGUAGE_KEY,
        format_func=F.LANGUAGE_LABELS.get,
        horizontal=True,
        help="The clauses, headings and annexes are written in this language. Write the names above "
        "as this language writes them, with their article in French and Spanish (la République de "
        "Sundara, le ministère du Travail; la República de Sundara, el Ministerio de Trabajo).",
    )
    seconds = [F.NO_SECOND, *(code for code in F.LANGUAGE_LABELS if code != state[F.LANGUAGE_KEY])]
    if state.get(F.SECOND_LANGUAGE_KEY) not in seconds:
        state[F.SECOND_LANGUAGE_KEY] = F.NO_SECOND
    right.selectbox(
        "Second authentic text",
        seconds,
        key=F.SECOND_LANGUAGE_KEY,
        format_func=lambda code: F.LANGUAGE_LABELS.get(code, "None (one language)"),
        help="A bilingual draft: the second text follows the first, and each says that both texts "
        "are equally authentic.",
    )
    second = state[F.SECOND_LANGUAGE_KEY]
    if second:
        name = F.LANGUAGE_LABELS[second].split(" (")[0]
        columns = st.columns(2)
        for column, side, heading in zip(columns, F.SIDES, ("Country of origin", "Country of destination"), strict=True):
            with column, st.container(border=True):
                st.markdown(f"**{heading}, as the {name} text names it**")
                for field, label in (("country", "Country name"), ("short_name", "Short name (optional)"),
                                     ("authority", "Competent authority")):
                    st.text_input(
                        f"{label} ({name})",
                        key=F.party_key(side, field, second),
                        on_change=F.set_party_name,
                        args=(state, form, side, field, second),
                    )
        st.caption(f"Leave these empty to use the names above in the {name} text as well.")
    st.subheader("Kind of instrument and scope")
    st.radio(
        "Style",
        list(F.STYLE_LABELS),
        key=F.STYLE_KEY,
        format_func=F.STYLE_LABELS.get,
        help="An agreement is a binding treaty; an MoU records commitments in softer form. "
        "The style changes the title, the verbs and the final provisions.",
    )
    st.multiselect(
        "Sectors of employment",
        list(F.SECTOR_LABELS),
        key=F.SECTORS_KEY,
        format_func=F.SECTOR_LABELS.get,
        help="Sector-specific clauses (for example rest days for domestic workers) become available.",
    )
    if not state[F.SECTORS_KEY]:
        st.warning("Choose at least one sector; until you do, the draft covers all sectors.")
    left, middle, right, far = st.columns(4)
    left.number_input(
        "Duration (years)", min_value=1, max_value=50, step=1, key=F.YEARS_KEY,
        help="How long the instrument stays in force before renewal. Leave empty to keep the clause's own term.",
    )
    middle.number_input(
        "Notice to end it (months)", min_value=1, max_value=36, step=1, key=F.NOTICE_KEY,
        help="How much notice a party gives to terminate. Leave empty to keep the clause's own term.",
    )
    right.text_input(
        "Place of signature", key=F.PLACE_KEY, placeholder="e.g. Geneva",
        help="Leave empty to keep a blank to fill in at signature.",
    )
    far.text_input(
        "Languages of the originals", key=F.LANGUAGES_KEY,
        help="Separate languages with commas, e.g. English, French. Leave empty to keep a blank.",
    )
    st.markdown("**Annexes**")
    for name, label in F.ANNEX_LABELS.items():
        st.checkbox(label, key=F.annex_key(name), help=F.ANNEX_HELP[name])
    _nav(None, F.STEPS[1])


def _option_label(options: dict[str, api.Clause], default: api.Clause | None):
    def label(cid: str) -> str:
        if cid == F.OMIT:
            return "Leave this protection out (give the reason)"
        clause = options[cid]
        tag = ", the library's recommendation" if default is not None and cid == default.id else ""
        return f"{clause.title} ({clause.strength}{tag})"

    return label


def protection_editor(protection: api.Protection) -> None:
    pid = protection.id
    default, options = api.clause_choices(spec, pid)
    by_id = {c.id: c for c in options}
    shown = F.seed_protection(state, form, pid, default, options)
    if shown == F.OMIT:
        summary = ":red[Left out]"
    else:
        summary = f"Chosen: {plain(by_id[shown].title)} · {strength_badge(by_id[shown].strength)}"
    priority = PRIORITY_LABELS[protection.priority].lower()
    # The label and key stay the same whatever is chosen, and the open state is tracked, so
    # choosing another clause or leaving the protection out keeps this panel open.
    with st.expander(f"**{plain(protection.title)}** ({priority})", key=open_key(pid), on_change="rerun"):
        st.markdown(summary)
        st.caption(plain(protection.why_it_matters))
        st.radio(
            "Clause",
            [c.id for c in options] + [F.OMIT],
            key=F.choice_key(pid),
            format_func=_option_label(by_id, default),
            help="Alternatives from the clause library that suit your style and sectors, strongest wording "
            "marked as such. The preview below shows the text as it will read in your draft.",
        )
        if shown == F.OMIT:
            st.text_input(
                "Reason for leaving it out",
                key=F.reason_key(pid),
                placeholder="e.g. covered by the bilateral social security agreement of 2019",
                help="Required: the reason is recorded in the coverage summary of the draft.",
            )
            if not state[F.reason_key(pid)].strip():
                st.warning("Give a reason to leave this protection out; until then the recommended clause stays.")
            return
        if len(options) > 1 and st.toggle(
            "Compare the wordings side by side", key=f"draft.sidebyside.{pid}",
            help="Every wording you may choose here, with what each gives up against the strongest.",
        ):
            side_by_side(pid)
        clause_panel(pid, by_id[shown])
        extras = [c.id for c in options if c.id != shown]
        if extras:
            st.multiselect(
                "Further clauses in the same article",
                extras,
                key=F.extra_key(pid),
                format_func=_option_label(by_id, default),
                help="Combine clauses a negotiator wants side by side (say, notice and dues with death and "
                "repatriation); their texts follow the main clause in this protection's article.",
            )
            for extra in state.get(F.extra_key(pid), []):
                st.markdown(f"**Also in this article:** {plain(by_id[extra].title)}")
                clause_panel(pid, by_id[extra])


def open_key(pid: str) -> str:
    return f"draft.open.{pid}"


def _choose(pid: str, clause_id: str) -> None:
    state[F.choice_key(pid)] = clause_id


def side_by_side(pid: str) -> None:
    """The alternative wordings in columns: strength, what each gives up, the text, the note."""
    alternatives = api.clause_alternatives(spec, pid)
    shown_id = state.get(F.choice_key(pid))
    values = form["protections"].get(pid, {}).get("values", {})
    per_row = 3
    for start in range(0, len(alternatives), per_row):
        row = alternatives[start : start + per_row]
        for column, alt in zip(st.columns(per_row), row, strict=False):
            with column, st.container(border=True):
                tag = " · the library's recommendation" if alt.recommended else ""
                st.markdown(f"**{plain(alt.title)}**  \n{strength_badge(alt.strength)}{tag}")
                st.markdown("**What it gives up**")
                if alt.gives_up:
                    st.markdown("\n".join(f"- {plain(g)}" for g in alt.gives_up))
                else:
                    st.markdown("Nothing against the other wordings here: it is the strongest on offer.")
                if alt.also_secures:
                    st.caption("Also secures: " + "; ".join(plain(titles[p]) for p in alt.also_secures))
                st.caption("**What it trades, and the fallback.** " + plain(alt.note))
                try:
                    paragraphs = api.clause_preview(spec, alt.clause_id, values if alt.clause_id == shown_id else {}, current)
                except api.BlmaError:
                    paragraphs = api.clause_text(alt.clause_id)
                st.markdown("\n\n".join(plain(p) for p in paragraphs))
                if shown_id == alt.clause_id:
                    st.caption("This is the wording in your draft.")
                else:
                    st.button("Use this wording", key=f"draft.use.{pid}.{alt.clause_id}", on_click=_choose,
                              args=(pid, alt.clause_id))


def clause_panel(pid: str, clause: api.Clause) -> None:
    """One chosen clause: its strength, the negotiator's note, its values and a preview."""
    others = [titles[p] for p in clause.protections if p != pid]
    line = f"Strength: {strength_badge(clause.strength)}"
    if others:
        line += " · also secures: " + "; ".join(plain(t) for t in others)
    st.markdown(line)
    st.info(f"**Negotiator's note.** {plain(clause.note)}", icon=":material/sticky_note_2:")
    variables = F.editable_variables(clause)
    if variables:
        F.seed_values(state, form, pid, clause)
        for name, var in variables.items():
            st.text_input(
                name.replace("_", " ").capitalize(),
                key=F.value_key(pid, clause.id, name),
                help=f"{var.description} (e.g. {var.example}).",
            )
    values = form["protections"].get(pid, {}).get("values", {})
    try:
        paragraphs = api.clause_preview(spec, clause.id, values, current)
    except api.BlmaError as exc:
        st.error(plain(str(exc)))
        return
    with st.container(border=True):
        st.caption("Preview of the article text")
        for paragraph in paragraphs:
            st.markdown(plain(paragraph))


def step_protections() -> None:
    st.subheader("Protections")
    st.caption(
        "Each protection of the rubric gets one article. Open a protection to choose among the library's "
        "clauses, read the text as it will appear, and see the negotiator's note. Core protections are "
        "the minimum a rights-based agreement secures."
    )
    chapter_titles = api.chapter_titles()
    for group, group_label in GROUP_LABELS.items():
        in_group = [p for p in protections if p.group == group]
        if not in_group:
            continue
        st.markdown(f"### {group_label}")
        for chapter, chapter_title in chapter_titles.items():
            in_chapter = [p for p in in_group if p.chapter == chapter]
            if in_chapter:
                st.markdown(f"**{chapter_title}**")
                for protection in in_chapter:
                    protection_editor(protection)
    _nav(F.STEPS[0], F.STEPS[2])


def step_download() -> None:
    st.subheader("Check and download")
    if current is None:
        st.error("The draft cannot be assembled until the error above is fixed.")
        _nav(F.STEPS[1], None)
        return
    for notice in spec.borrowed_names():
        st.warning(plain(notice[:1].upper() + notice[1:]) + ".")
    if fs.placeholders:
        st.warning(
            "Some party details are still blank and appear in brackets in the draft: "
            + ", ".join(fs.placeholders) + ". Fill them in at step 1."
        )
    if fs.unfinished:
        st.warning(
            "These protections are marked to leave out but have no reason yet, so their recommended "
            "clause stays in the draft: " + ", ".join(titles[p] for p in fs.unfinished)
        )
    clause_titles = {c.id: c.title for c in api.clauses()}
    rows = pd.DataFrame(
        [
            {
                "Protection": e.title,
                "Priority": PRIORITY_LABELS[e.priority],
                "In the draft": "secured" if e.status == "secured" else "left out",
                "Article": str(e.article) if e.article else "",
                "Clause": clause_titles.get(e.clause_id, "") if e.clause_id else "",
                "Strength": e.strength or "",
                "Reason left out": e.reason or "",
            }
            for e in current.coverage.entries
        ]
    )
    st.table(rows, hide_index=True)  # a table wraps long titles; a data grid would clip them
    stem = F.file_stem(spec)
    downloads = prepared(
        "draft.exports", fingerprint(spec.to_text()), lambda: exports.draft_downloads(spec, stem)
    )
    columns = st.columns(len(downloads))
    for column, item in zip(columns, downloads, strict=True):
        column.download_button(
            item.label, item.data, file_name=item.file_name, mime=item.mime, help=item.help,
            on_click="ignore", key=f"draft.download.{item.file_name}",
        )
    if (why_no_pdf := api.pdf_unavailable()) is not None:
        st.caption(f"No PDF on this server: {why_no_pdf}")
    st.markdown("**For the joint committee** (each file is made when you click it)")
    kit = prepared(
        "draft.kit",
        fingerprint(spec.to_text()),
        lambda: exports.kit_downloads(lambda: api.kit_for_draft(spec), stem, analysis_queue.shared()),
    )
    with st.container(horizontal=True):
        for item in kit:
            st.download_button(
                item.label, item.data, file_name=item.file_name, mime=item.mime, help=item.help,
                on_click="ignore", key=f"draft.kit.{item.file_name}",
            )
    with st.expander("Read the whole draft"):
        st.markdown(current.to_markdown())
    _nav(F.STEPS[1], None)


{F.STEPS[0]: step_parties, F.STEPS[1]: step_protections, F.STEPS[2]: step_download}[step]()
