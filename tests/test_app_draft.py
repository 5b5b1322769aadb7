"""The Draft page: a negotiator fills the form step by step and downloads the draft."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from blma import api
from blma_app import draft_form as F
from blma_app.exports import draft_downloads
from blma_app.text import shown

PAGE = "blma_app/views/draft.py"


def errors_of(at) -> list[str]:
    return [e.value for e in at.exception] + [e.value for e in at.error]


def fill_parties(at) -> None:
    at.text_input(key=F.party_key("origin", "country")).input("the Republic of Sundara")
    at.text_input(key=F.party_key("origin", "short_name")).input("Sundara")
    at.text_input(key=F.party_key("origin", "authority")).input("Ministry of Overseas Employment")
    at.text_input(key=F.party_key("destination", "country")).input("the Kingdom of Valdoria")
    at.text_input(key=F.party_key("destination", "short_name")).input("Valdoria")
    at.text_input(key=F.party_key("destination", "authority")).input("Ministry of Labour")


def sidebar_text(at) -> str:
    return " ".join(
        [p.proto.text for p in at.sidebar.get("progress")]
        + [c.value for c in at.sidebar.caption]
        + [w.value for w in at.sidebar.warning]
    )


def protection_panels(at) -> list:
    return [e for e in at.expander if e.label.endswith(("(core)", "(recommended)"))]


def test_a_negotiator_drafts_an_mou_step_by_step(app_page):
    at = app_page(PAGE)
    assert not errors_of(at)
    fill_parties(at)
    at.radio(key=F.STYLE_KEY).set_value("mou")
    at.multiselect(key=F.SECTORS_KEY).set_value(["domestic_work"])
    at.number_input(key=F.YEARS_KEY).set_value(3)
    at.button(key=f"draft.next.{F.STEPS[1]}").click().run()
    assert not errors_of(at)
    assert at.radio(key=F.STEP_KEY).value == F.STEPS[1]

    # every protection of the rubric can be edited, grouped under its chapter
    assert len(protection_panels(at)) == len(api.guidance())
    fees = at.radio(key=F.choice_key("no_worker_fees"))
    default, options = api.clause_choices(F.to_spec(at.session_state[F.FORM_KEY]).spec, "no_worker_fees")
    assert fees.value == default.id
    strongest = next(c for c in options if c.strength == "strongest")
    fees.set_value(strongest.id).run()
    preview = " ".join(m.value for m in at.markdown)
    assert "Sundara" in preview and "Negotiator's note" in " ".join(i.value for i in at.info)

    # leaving out a core protection needs a reason, and the meter shows it at once
    at.radio(key=F.choice_key("family_reunification")).set_value(F.OMIT).run()
    assert any("Give a reason" in w.value for w in at.warning)
    at.radio(key=F.choice_key("no_worker_fees")).set_value(F.OMIT).run()
    at.text_input(key=F.reason_key("no_worker_fees")).input("Covered by the 2019 fair recruitment protocol").run()
    assert "Core protections secured: 19 of 20" in sidebar_text(at)
    assert "No recruitment fees" in sidebar_text(at)

    at.button(key=f"draft.next.{F.STEPS[2]}").click().run()
    assert not errors_of(at)
    labels = [b.label for b in at.get("download_button")]
    assert [label for label in labels if "PDF" not in label] == [
        "Download the draft (Word)",
        "Download the draft (Markdown)",
        "Save the specification (YAML)",
        "Joint-committee kit (Word)",
        "Implementation tracker (Excel)",
        "Implementation tracker (CSV)",
    ]
    form = at.session_state[F.FORM_KEY]
    spec = F.to_spec(form).spec
    assert spec.style == "mou" and spec.sectors == ["domestic_work"] and spec.duration.years == 3
    assert spec.protections["no_worker_fees"].omitted
    assert "family_reunification" in F.to_spec(form).unfinished  # no reason yet: kept in the draft


def test_the_form_survives_a_page_switch(app_page):
    at = app_page(PAGE)
    fill_parties(at)
    at.run()
    at.switch_page("blma_app/views/learn.py").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key=F.party_key("origin", "country")).value == "the Republic of Sundara"


def test_download_bytes_are_the_draft_in_word_markdown_and_yaml(draft_spec):
    spec = api.DraftSpec.from_data(draft_spec | {"style": "mou"})
    by_suffix = {d.file_name.rsplit(".", 1)[-1]: d for d in draft_downloads(spec, F.file_stem(spec))}
    word, markdown, spec_file = by_suffix["docx"], by_suffix["md"], by_suffix["yaml"]
    assert word.file_name == "sundara-valdoria-mou.docx"
    with zipfile.ZipFile(io.BytesIO(word.data)) as package:
        assert "Sundara" in package.read("word/document.xml").decode("utf-8")
    assert markdown.data.decode("utf-8").startswith("#")
    assert "Memorandum" in markdown.data.decode("utf-8")
    assert api.DraftSpec.from_text(spec_file.data.decode("utf-8")) == spec


def test_a_saved_specification_loads_back_into_the_form(app_page, draft_spec):
    spec = api.DraftSpec.from_data(
        draft_spec
        | {
            "style": "mou",
            "protections": {"remittances": {"clause": "omit", "reason": "Handled by the central bank MoU"}},
        }
    )
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("saved.spec.yaml", spec.to_text().encode("utf-8"), "application/x-yaml")
    at.run()
    assert not errors_of(at)
    assert at.text_input(key=F.party_key("origin", "country")).value == "the Republic of Sundara"
    assert at.radio(key=F.STYLE_KEY).value == "mou"
    assert F.to_spec(at.session_state[F.FORM_KEY]).spec == spec


def test_a_broken_specification_shows_the_field_not_a_traceback(app_page):
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("bad.yaml", b"parties: {origin: {country: X}}\nstyle: treaty\n", "text/yaml")
    at.run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "bad.yaml" in message and "style" in message


def test_a_choice_that_no_longer_suits_the_sector_falls_back_to_the_default():
    form = F.new_form()
    state: dict = {}
    form["protections"]["working_time_rest"] = {"clause": "no_such.clause"}
    notices = F.sync(state, form, ["working_time_rest"])
    assert notices and "working_time_rest" not in form["protections"]


@pytest.mark.parametrize("blank", ["country", "authority"])
def test_blank_party_fields_are_drafted_as_placeholders(blank):
    form = F.new_form()
    for side in F.SIDES:
        form["parties"][side] = {"country": "A", "short_name": "", "authority": "B"}
    form["parties"]["origin"][blank] = "  "
    result = F.to_spec(form)
    assert result.placeholders == [f"origin {blank}"]
    assert getattr(result.spec.parties.origin, blank).startswith("[")


def test_an_error_in_the_spec_keeps_the_form_usable(app_page, draft_spec):
    """A clause citing an annex the spec leaves out is refused by the drafting API; the page
    shows that message and still lets the user change the choice."""
    spec = draft_spec | {
        "sectors": ["domestic_work"],
        "annexes": {"model_contract": False},
        "protections": {"written_contract": "written_contract.domestic_work_terms"},
    }
    at = app_page(PAGE)
    text = api.DraftSpec.from_data(spec).to_text().encode("utf-8")
    at.get("file_uploader")[0].upload("spec.yaml", text, "text/yaml").run()
    assert not at.exception
    assert any("written_contract" in shown(e.value) for e in at.error)
    at.radio(key=F.STEP_KEY).set_value(F.STEPS[1]).run()
    at.radio(key=F.choice_key("written_contract")).set_value(F.OMIT).run()
    at.text_input(key=F.reason_key("written_contract")).input("Covered by the standard contract law").run()
    # the next clause citing the missing annex is named in turn, and fixed the same way
    message = shown(at.error[0].value)  # errors are shown escaped: they may quote what the user typed
    assert len(at.error) == 1 and "equal_treatment" in message and "contract_annex" in message
    _, options = api.clause_choices(F.to_spec(at.session_state[F.FORM_KEY]).spec, "equal_treatment")
    other = next(c.id for c in options if c.id != "equal_treatment.domestic_workers_parity")
    at.radio(key=F.choice_key("equal_treatment")).set_value(other).run()
    assert not at.error, [e.value for e in at.error]
    assert "Core protections secured: 19 of 20" in sidebar_text(at)


def test_a_reload_keeps_the_draft_form(app_page):
    at = app_page(PAGE)
    fill_parties(at)
    at.radio(key=F.STYLE_KEY).set_value("mou").run()
    token = at.query_params["work"]

    from streamlit.testing.v1 import AppTest  # a reload: a new session that arrives with the same address

    reloaded = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=120)
    reloaded.query_params["work"] = token
    reloaded.run()
    reloaded.switch_page(PAGE).run()
    assert not errors_of(reloaded)
    assert reloaded.text_input(key=F.party_key("origin", "country")).value == "the Republic of Sundara"
    assert reloaded.radio(key=F.STYLE_KEY).value == "mou"
    assert app_page(PAGE).text_input(key=F.party_key("origin", "country")).value == ""  # not in a new session


def test_several_clauses_for_one_protection_load_show_and_save(app_page, draft_spec):
    both = ["contract_termination.notice_dues_return", "contract_termination.insurance_death_repatriation"]
    spec = api.DraftSpec.from_data(draft_spec | {"protections": {"contract_termination": {"clause": both}}})
    at = app_page(PAGE)
    at.get("file_uploader")[0].upload("saved.spec.yaml", spec.to_text().encode("utf-8"), "application/x-yaml")
    at.run()
    assert not errors_of(at)
    at.button(key=f"draft.next.{F.STEPS[1]}").click().run()
    assert not errors_of(at)
    assert at.radio(key=F.choice_key("contract_termination")).value == both[0]
    extra = at.multiselect(key=F.extra_key("contract_termination"))
    assert extra.value == [both[1]]
    assert any(m.value.startswith("**Also in this article:**") for m in at.markdown)
    assert F.to_spec(at.session_state[F.FORM_KEY]).spec.protections["contract_termination"].clause == both

    extra.set_value([]).run()  # back to one clause: the library's default, which the spec need not name
    back = F.to_spec(at.session_state[F.FORM_KEY]).spec
    assert api.draft(back).article("contract_termination").clause_ids == [both[0]]


# -- issue 12: panels that stay open, a meter that weighs strength, alternatives, PDF ----------
def to_protections(at):
    fill_parties(at)
    at.button(key=f"draft.next.{F.STEPS[1]}").click().run()
    assert not errors_of(at)
    return at


def panel(at, title: str):
    return next(e for e in protection_panels(at) if e.label.startswith(f"**{title}**"))


def test_choosing_another_clause_or_leaving_out_keeps_the_panel_open(app_page):
    at = to_protections(app_page(PAGE))
    title = next(p.title for p in api.guidance() if p.id == "no_worker_fees")
    at.session_state["draft.open.no_worker_fees"] = True  # the negotiator opens the panel
    at.run()
    label = panel(at, title).label
    assert panel(at, title).proto.expanded

    radio = at.radio(key=F.choice_key("no_worker_fees"))
    _, options = api.clause_choices(F.to_spec(at.session_state[F.FORM_KEY]).spec, "no_worker_fees")
    radio.set_value(next(c.id for c in options if c.id != radio.value)).run()
    assert panel(at, title).label == label and panel(at, title).proto.expanded

    at.radio(key=F.choice_key("no_worker_fees")).set_value(F.OMIT).run()
    assert panel(at, title).label == label and panel(at, title).proto.expanded
    assert at.text_input(key=F.reason_key("no_worker_fees")) is not None  # the reason box is in the open panel
    # a panel nobody opened stays closed
    other_title = next(p.title for p in api.guidance() if p.id == "remittances")
    assert not panel(at, other_title).proto.expanded


def test_the_coverage_meter_weighs_strength_not_only_count(app_page):
    at = to_protections(app_page(PAGE))
    before = sidebar_text(at)
    spec = F.to_spec(at.session_state[F.FORM_KEY]).spec
    core = [p.id for p in api.guidance() if p.priority == "core"]
    # a core protection whose default is stronger than its baseline option
    pid, baseline = next(
        (pid, c.id)
        for pid in core
        for default, options in [api.clause_choices(spec, pid)]
        for c in options
        if c.strength == "baseline" and default is not None and default.strength != "baseline"
        and set(c.protections) >= set(default.protections)
    )
    at.radio(key=F.choice_key(pid)).set_value(baseline).run()
    after = sidebar_text(at)
    count = f"Core protections secured: {len(core)} of {len(core)}"
    assert count in before and count in after  # the count does not move ...

    def percent(text: str) -> int:
        return int(text.split("Strength of the core protections: ")[1].split("%")[0])

    assert percent(after) < percent(before)  # ... the strength does
    assert "baseline" in after


def test_the_alternative_wordings_show_side_by_side_with_what_each_gives_up(app_page):
    at = to_protections(app_page(PAGE))
    at.session_state["draft.open.access_to_justice"] = True
    at.toggle(key="draft.sidebyside.access_to_justice").set_value(True).run()
    assert not errors_of(at)
    spec = F.to_spec(at.session_state[F.FORM_KEY]).spec
    _, options = api.clause_choices(spec, "access_to_justice")
    text = shown(" ".join(m.value for m in at.markdown))
    for clause in options:
        assert clause.title in text
    assert text.count("What it gives up") == len(options)
    baseline = next(c for c in options if c.strength == "baseline")
    assert "A baseline wording where a strongest one is available" in text
    at.button(key=f"draft.use.access_to_justice.{baseline.id}").click().run()
    assert at.radio(key=F.choice_key("access_to_justice")).value == baseline.id


def test_step_three_shows_clause_titles_in_a_table_that_wraps(app_page):
    at = to_protections(app_page(PAGE))
    at.button(key=f"draft.next.{F.STEPS[2]}").click().run()
    assert not errors_of(at)
    assert not at.dataframe  # a data grid clips long titles; the table wraps them
    table = at.table[0].value
    ids = {c.id for c in api.clauses()} | {p.id for p in api.guidance()}
    cells = {str(v) for v in table.to_numpy().ravel()} | set(table.columns)
    assert not cells & ids
    spec = F.to_spec(at.session_state[F.FORM_KEY]).spec
    default, _ = api.clause_choices(spec, "no_worker_fees")
    assert default.title in set(table["Clause"])


def test_without_libreoffice_the_page_says_why_there_is_no_pdf(app_page, monkeypatch):
    monkeypatch.setattr("blma.pdf.converter", lambda: None)
    at = to_protections(app_page(PAGE))
    at.button(key=f"draft.next.{F.STEPS[2]}").click().run()
    assert not any("PDF" in b.label for b in at.get("download_button"))
    assert any("No PDF on this server" in c.value and "LibreOffice" in c.value for c in at.caption)


@pytest.mark.needs_libreoffice
def test_the_draft_downloads_as_pdf_with_libreoffice(soffice, app_page, draft_spec):
    from pypdf import PdfReader

    at = to_protections(app_page(PAGE))
    at.button(key=f"draft.next.{F.STEPS[2]}").click().run()
    assert "Download the draft (PDF)" in [b.label for b in at.get("download_button")]
    spec = api.DraftSpec.from_data(draft_spec)
    pdf = next(d for d in draft_downloads(spec, F.file_stem(spec)) if d.file_name.endswith(".pdf"))
    data = pdf.content()
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Agreement between the Government of" in text


def test_the_annexes_can_be_chosen_and_the_standard_contract_is_drafted(app_page):
    at = app_page(PAGE)
    fill_parties(at)
    assert all(at.checkbox(key=F.annex_key(name)).value for name in F.ANNEX_LABELS)
    at.checkbox(key=F.annex_key("competent_authorities")).uncheck().run()
    spec = F.to_spec(at.session_state[F.FORM_KEY]).spec
    assert spec.annexes.standard_contract and not spec.annexes.competent_authorities
    markdown = api.draft(spec).to_markdown()
    assert "Annex II — Standard Employment Contract" in markdown
    assert "## Annex III" not in markdown and "Annex III" not in markdown
    at.checkbox(key=F.annex_key("standard_contract")).uncheck().run()
    assert not F.to_spec(at.session_state[F.FORM_KEY]).spec.annexes.standard_contract


def test_a_negotiator_drafts_in_french_with_a_spanish_second_text(app_page):
    at = app_page(PAGE)
    names = {
        ("origin", "country"): "la République de Sundara", ("origin", "short_name"): "Sundara",
        ("origin", "authority"): "le ministère de l'Emploi à l'étranger",
        ("destination", "country"): "le Royaume de Valdoria", ("destination", "short_name"): "le Valdoria",
        ("destination", "authority"): "le ministère du Travail",
    }  # fmt: skip
    for (side, field), value in names.items():
        at.text_input(key=F.party_key(side, field)).input(value)
    at.radio(key=F.LANGUAGE_KEY).set_value("fr").run()
    at.selectbox(key=F.SECOND_LANGUAGE_KEY).set_value("es").run()
    assert not errors_of(at)
    spanish = {
        ("origin", "country"): "la República de Sundara", ("destination", "country"): "el Reino de Valdoria",
        ("origin", "authority"): "el Ministerio de Empleo en el Exterior",
        ("destination", "authority"): "el Ministerio de Trabajo",
    }  # fmt: skip
    for (side, field), value in spanish.items():
        at.text_input(key=F.party_key(side, field, "es")).input(value)
    at.button(key=f"draft.next.{F.STEPS[1]}").click().run()
    assert not errors_of(at)
    preview = " ".join(m.value for m in at.markdown)
    assert "le présent Accord" in preview  # the clause previews are in the draft's language
    at.button(key=f"draft.next.{F.STEPS[2]}").click().run()
    assert not errors_of(at)

    assert not any("names the country" in w.value for w in at.warning)  # each text has its own names
    spec = F.to_spec(at.session_state[F.FORM_KEY]).spec
    assert (spec.language, spec.second_language) == ("fr", "es")
    assert spec.signature.languages is None  # the form's default "English" gives way to the texts' own
    assert spec.parties.destination.es.country == "el Reino de Valdoria"
    word = next(d for d in draft_downloads(spec, F.file_stem(spec)) if d.file_name.endswith(".docx"))
    assert word.file_name == "sundara-le-valdoria-agreement-fr-es.docx"
    with zipfile.ZipFile(io.BytesIO(word.data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "Gouvernement du Royaume de Valdoria" in body and "Gobierno del Reino de Valdoria" in body
    assert "en langues française et espagnole, les deux textes faisant également foi" in body


def test_a_french_draft_with_english_names_warns_at_step_3(app_page):
    at = app_page(PAGE)
    fill_parties(at)  # English names ("the Republic of Sundara")
    at.radio(key=F.LANGUAGE_KEY).set_value("fr").run()
    at.button(key=f"draft.next.{F.STEPS[1]}").click().run()
    at.button(key=f"draft.next.{F.STEPS[2]}").click().run()
    assert not errors_of(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "The French text names the country of origin 'the Republic of Sundara'" in warnings
