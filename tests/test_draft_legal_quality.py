"""Drafts a ministry's legal unit could sign off: the defects a legal reading found (issue 11).

Each test reads the drafts, or the library they are drawn from, as a treaty drafter would, and
names the defect it guards against: register and parties of an MoU, annexes, conflicting or
duplicated articles, the order of the final clauses, defined terms, numbers, the sector texts,
and the citations the clauses rest on.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

from blma.drafting import DraftSpec, draft
from blma.drafting.wording import setting
from blma.errors import SpecError
from blma.library import default_library, render_clause
from blma.library.models import AGREEMENT_SECTORS
from blma.library.render import example_values
from tests.draft_parties import DESTINATION_AUTHORITY, ORIGIN_AUTHORITY, PARTIES_SPEC

ROOT = Path(__file__).parents[1]
CLAUSES = ROOT / "clauses"
SECTORS = list(AGREEMENT_SECTORS)
STYLES = ["agreement", "mou"]
SPEC = {**PARTIES_SPEC}
MOU_WORDS = {"shall": "will", "parties": "Participants", "instrument": "Memorandum of Understanding"}
C97 = "ILO Migration for Employment Convention (Revised), 1949 (No. 97)"


def spec(style: str = "agreement", sector: str = "general", **extra: object) -> dict:
    data = copy.deepcopy(SPEC)
    data.update(style=style, sectors=[sector], **extra)
    return data


@cache
def default_draft(style: str, sector: str):
    return draft(spec(style, sector))


def body(result) -> str:
    """Every word of a draft a reader sees: title, preamble, articles, signature and annexes."""
    parts = [result.title, *result.preamble]
    for article in result.articles:
        parts += [article.heading, *article.paragraphs]
    parts += result.signature.paragraphs
    for annex in result.annexes:
        parts += [annex.heading, *annex.paragraphs, *(" ".join(row) for row in annex.table.rows)]
    return "\n".join(parts)


def articles_text(result) -> str:
    return "\n".join(p for a in result.articles for p in a.paragraphs)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if s]


def every_default() -> list[tuple[str, str]]:
    return [(style, sector) for style in STYLES for sector in SECTORS]


# -- sentences that open with a bare variable ----------------------------------------------------
@pytest.fixture
def library_copy(tmp_path: Path) -> Path:
    target = tmp_path / "clauses"
    shutil.copytree(CLAUSES, target)
    return target


def _blma(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blma", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def _edit_first_clause(path: Path, change) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["clauses"][0])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data["clauses"][0]["id"]


@pytest.mark.parametrize(
    "bad_text",
    [
        "{{ origin_authority }} {{ shall }} brief every worker before departure.",
        "Workers {{ shall }} be briefed. {{ destination_short }} {{ shall }} pay for it.",
        "Workers {{ shall }} be briefed.\n\n{{ origin }} {{ shall }} pay for it.",
    ],
)
def test_library_check_flags_a_sentence_that_starts_with_a_bare_variable(library_copy: Path, bad_text: str):
    path = library_copy / "protections" / "pre_departure_orientation.yaml"
    clause_id = _edit_first_clause(path, lambda c: c.update(text=bad_text))
    result = _blma("library", "check", "--root", str(library_copy))
    assert result.returncode == 1
    assert f"pre_departure_orientation.yaml: {clause_id}.text: a sentence starts with the bare variable" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_library_check_accepts_a_variable_inside_a_sentence(library_copy: Path):
    path = library_copy / "protections" / "pre_departure_orientation.yaml"
    cid = _edit_first_clause(
        path,
        lambda c: c.update(text="The {{ origin_authority }} {{ shall }} brief every worker in {{ origin }}."),
    )
    texts = {  # the translations say the same, opening with the name written with its capital
        "fr": "{{ origin_authority | cap }} informera chaque travailleur {{ origin | en }}.",
        "es": "{{ origin_authority | cap }} informará a cada trabajador {{ origin | en }}.",
    }
    for language, text in texts.items():
        translation = library_copy / "translations" / language / "protections" / path.name
        data = yaml.safe_load(translation.read_text(encoding="utf-8"))
        data["clauses"][cid]["text"] = text
        translation.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = _blma("library", "check", "--root", str(library_copy))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_no_sentence_of_a_draft_opens_with_an_authority_name_or_a_lower_case_word(style: str, sector: str):
    result = default_draft(style, sector)
    for paragraph in [*result.preamble, *(p for a in result.articles for p in a.paragraphs)]:
        for sentence in sentences(paragraph):
            assert not sentence.startswith((ORIGIN_AUTHORITY, DESTINATION_AUTHORITY)), sentence
            assert not sentence[0].islower(), sentence


# -- an MoU: its signatories and its register ----------------------------------------------------
def test_mou_signatories_are_the_parties_named_in_title_and_preamble():
    governments = draft(spec("mou"))
    assert "the Government of the Republic of Sundara and the Government of" in governments.title
    assert [lines[0] for lines in governments.signature.signatories] == ["For the Government of"] * 2
    assert "the Republic of Sundara" in governments.signature.signatories[0]

    ministries = draft(
        spec("mou", structural={
            "title": "structural.title_mou_ministries", "preamble": "structural.preamble_mou_ministries",
        })
    )  # fmt: skip
    assert ministries.signature.signatories[0][0] == f"For the {ORIGIN_AUTHORITY}"
    assert ministries.signature.signatories[1][0] == f"For the {DESTINATION_AUTHORITY}"

    with pytest.raises(
        SpecError,
        match=r"structural\.preamble: .*names the competent authorities.*title .*names the Governments",
    ):
        draft(spec("mou", structural={"preamble": "structural.preamble_mou_ministries"}))


def _mou_register_faults(text: str) -> list[str]:
    faults = []
    for pattern in (
        r"\bshall\b",
        r"null and void",
        r"\bentitle[ds]?\b",
        r"\bMemorandum\b(?! of Understanding)",
    ):
        faults += [m.group(0) for m in re.finditer(pattern, text)]
    return faults


@pytest.mark.parametrize("sector", SECTORS)
def test_an_mou_draft_keeps_the_mou_register_throughout(sector: str):
    assert _mou_register_faults(body(default_draft("mou", sector))) == []


def test_every_library_text_written_for_an_mou_keeps_the_mou_register():
    library = default_library()
    faults = {}
    for clause in library.clauses.values():
        if "mou" not in clause.styles:
            continue
        text = render_clause(clause, {**example_values(clause, library.global_examples()), **MOU_WORDS})
        if found := _mou_register_faults(text):
            faults[clause.id] = found
    assert faults == {}


# -- annexes -------------------------------------------------------------------------------------
@pytest.mark.parametrize("style", STYLES)
def test_an_article_makes_the_annexes_part_of_the_instrument_and_names_each(style: str):
    result = draft(spec(style))
    article = result.article("annexes")
    text = " ".join(article.paragraphs)
    assert "Annex I" in text and "Annex II" in text
    assert "Minimum Terms of the Employment Contract" in text and "Competent Authorities" in text
    assert re.search(r"forms? an integral part" if style == "agreement" else r"forms? part of it", text)
    assert result.articles.index(article) > result.articles.index(result.article("relation_to_law"))

    bare = draft(spec(style, annexes={"model_contract": False, "competent_authorities": False}))
    assert "annexes" not in [a.key for a in bare.articles]
    assert "Annex I" not in articles_text(bare)


@pytest.mark.parametrize("sector", SECTORS)
def test_annex_i_is_a_table_of_minimum_terms_and_the_articles_call_it_that(sector: str):
    result = default_draft("agreement", sector)
    annex = result.annexes[0]
    assert annex.heading == "Annex I\nMinimum Terms of the Employment Contract"
    text = articles_text(result)
    assert not re.search(r"(model|standard)( employment)? contract[^.]*Annex I", text), text


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_annex_i_rows_agree_with_the_articles_they_cite(style: str, sector: str):
    result = default_draft(style, sector)
    by_label = {row[0]: pid for pid, row in setting("model_contract_terms").items()}
    rows = [row for row in result.annexes[0].table.rows if row[2]]
    assert rows
    for term, content, number in rows:
        article = result.articles[int(number) - 1]
        assert by_label[term] in article.secures, (term, number, article.heading)
        assert "as agreed" not in content, term


# -- articles that conflict or repeat each other, and the order of the final clauses -------------
@pytest.mark.parametrize(("style", "sector"), every_default())
def test_change_of_employer_and_permit_articles_do_not_conflict(style: str, sector: str):
    result = default_draft(style, sector)
    mobility = " ".join(result.article("employer_change").paragraphs)
    permits = " ".join(result.article("migration_status").paragraphs)
    if re.search(r"after \w+ (?:months|years) of employment", mobility):
        assert "any employer" not in permits


@pytest.mark.parametrize("style", STYLES)
def test_one_article_only_on_national_law_and_international_standards(style: str):
    result = default_draft(style, "general")
    headings = [a.heading for a in result.articles]
    assert sum("National Law" in h for h in headings) <= 1, headings
    assert sum("International Standards" in h for h in headings) <= 1, headings
    final = " ".join(result.article("relation_to_law").paragraphs)
    assert "international labour standards" not in final and "under international law" not in final


@pytest.mark.parametrize("style", STYLES)
def test_entry_into_force_comes_before_duration_and_termination(style: str):
    result = default_draft(style, "general")
    final = result.chapters[-1]
    assert final.title == "Final Provisions"
    keys = [a.key for a in final.articles]
    assert keys.index("entry_into_force") < keys.index("duration_termination") == len(keys) - 1


# -- consular notification, skills, social security, binding effect ------------------------------
def test_consular_notification_of_death_is_never_conditional():
    library = default_library()
    for clause in library.clauses_for("consular_assistance"):
        for words in ({"shall": "shall", "parties": "Parties", "instrument": "Agreement"}, MOU_WORDS):
            text = render_clause(clause, {**example_values(clause, library.global_examples()), **words})
            for sentence in sentences(text):
                if "death" in sentence:
                    assert not re.search(r"object|request|consent", sentence), (clause.id, sentence)


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_default_skills_clause_commits_a_procedure_not_regulators_or_pay_levels(style: str, sector: str):
    text = " ".join(default_draft(style, sector).article("skills_recognition").paragraphs)
    assert "corresponding level" not in text
    assert not re.search(r"authorities of \w+ (?:shall|will) (?:assess and )?recognise", text), text
    if sector == "health_care":
        assert "independence" in text


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_default_social_security_clause_totalises_and_refunds_or_exports(style: str, sector: str):
    text = " ".join(default_draft(style, sector).article("social_security_portability").paragraphs)
    assert re.search(
        r"periods of insurance[^.]*in Sundara and in Valdoria[^.]*(added together|totalised)", text, re.I
    )
    assert "refund" in text and "without reduction on account of residence abroad" in text


@pytest.mark.parametrize("style", STYLES)
def test_final_provisions_make_the_obligations_binding_on_employers_and_agencies(style: str):
    text = " ".join(default_draft(style, "general").article("relation_to_law").paragraphs)
    assert re.search(r"binding on (?:the )?employers and recruitment agencies", text), text
    assert "in accordance with their respective laws" not in text


# -- defined terms, numbers, signature, titles ---------------------------------------------------
SECTOR_TERMS = {
    "domestic worker": '"Domestic worker" means',
    "household employer": '"Household employer" means',
    "health personnel": '"Health personnel" means',
    "seasonal worker": '"Seasonal worker" means',
    "principal contractor": '"Principal contractor" means',
}


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_every_term_of_art_used_is_defined(style: str, sector: str):
    result = default_draft(style, sector)
    definitions = " ".join(result.article("definitions").paragraphs)
    rest = " ".join(p for a in result.articles if a.key != "definitions" for p in a.paragraphs).lower()
    assert '"Migrant worker" means' in definitions and "migrant worker" in rest
    for term, definition in SECTOR_TERMS.items():
        if term in rest:
            assert definition in definitions, term
    assert "the scheme" not in body(result)


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_the_joint_committee_is_always_named_as_defined(style: str, sector: str):
    text = body(default_draft(style, sector))
    assert "joint committee" not in text and "Joint Working Group" not in text
    assert "Joint Committee" in text


def test_an_mou_working_group_clause_still_uses_the_defined_term():
    result = draft(spec("mou", protections={"joint_committee": "joint_committee.joint_working_group_mou"}))
    assert "Joint Working Group" not in body(result)


ALLOWED_DIGITS = re.compile(r"(?:Articles?|No\.|Annex) \d+|\b(?:19|20)\d\d\b")


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_numbers_in_the_text_are_written_in_words(style: str, sector: str):
    result = default_draft(style, sector)
    text = ALLOWED_DIGITS.sub(
        "", "\n".join([*result.preamble, articles_text(result), *result.annexes[0].paragraphs])
    )
    assert re.findall(r"[^\n]{0,30}\d+[^\n]{0,30}", text) == []


@pytest.mark.parametrize(
    ("languages", "expected", "absent"),
    [
        (["English"], "in the English language.", "texts being equally"),
        (["Sundaran", "English"], "both texts being equally", "all texts"),
        (["Sundaran", "Valdorian", "English"], "all texts being equally", "both texts"),
    ],
)
@pytest.mark.parametrize("style", STYLES)
def test_the_signature_clause_fits_the_number_of_languages(style, languages, expected, absent):
    signed = " ".join(draft(spec(style, signature={"languages": languages})).signature.paragraphs)
    assert expected in signed and absent not in signed


@pytest.mark.parametrize(
    ("sector", "ending"),
    [("domestic_work", "in Domestic Work"), ("health_care", "in Health Care"),
     ("seasonal_agriculture", "in Seasonal Agricultural Work"), ("hospitality", "in Hospitality and Tourism")],
)  # fmt: skip
@pytest.mark.parametrize("style", STYLES)
def test_titles_write_the_sector_as_a_title(style: str, sector: str, ending: str):
    assert default_draft(style, sector).title.endswith(ending)


@pytest.mark.parametrize("style", STYLES)
def test_a_construction_draft_speaks_of_construction_only(style: str):
    assert "farm" not in body(default_draft(style, "construction")).lower()


# -- sector texts --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sector", "own"),
    [
        ("manufacturing", {"accommodation": "dormitor", "wage_protection": "piece rate",
                           "working_time_rest": "production target"}),
        ("hospitality", {"wage_protection": "service charge", "working_time_rest": "split shift",
                         "accommodation": "live-in"}),
    ],
)  # fmt: skip
@pytest.mark.parametrize("style", STYLES)
def test_manufacturing_and_hospitality_drafts_have_their_own_clauses(style: str, sector: str, own: dict):
    result, general = default_draft(style, sector), default_draft(style, "general")
    for pid, words in own.items():
        article = result.article(pid)
        assert article.clause_id != general.article(pid).clause_id
        assert sector in default_library().clause(article.clause_id).sectors
        assert words in " ".join(article.paragraphs).lower(), (pid, words)
    if sector == "hospitality":
        assert "tips" in articles_text(result).lower()


@pytest.mark.parametrize("style", STYLES)
def test_a_health_care_shortage_list_belongs_to_the_health_authority(style: str):
    text = " ".join(default_draft(style, "health_care").article("recruitment_regulation").paragraphs)
    assert "WHO Health Workforce Support and Safeguards List" in text
    assert "responsible for health" in text
    assert f"the {ORIGIN_AUTHORITY} has identified" not in text


@pytest.mark.parametrize(("style", "sector"), every_default())
def test_budget_commitments_are_bracketed_options(style: str, sector: str):
    text = body(default_draft(style, sector))
    unbracketed = re.sub(r"\[[^\]]*\]", "", text)
    assert not re.search(r"\bfinanced by\b|\bfunded by\b", unbracketed)


@pytest.mark.parametrize("sector", ["construction", "seasonal_agriculture"])
def test_a_heat_stress_threshold_is_left_in_brackets_for_the_negotiators(sector: str):
    text = " ".join(default_draft("agreement", sector).article("occupational_safety_health").paragraphs)
    heat = next(s for s in sentences(text) if "heat stress" in s and "stop" in s)
    assert re.search(r"\[[^\]]*wet-bulb globe temperature[^\]]*\]", heat), heat


# -- several clauses for one protection ----------------------------------------------------------
def test_several_clauses_can_secure_one_protection():
    pair = ["contract_termination.notice_dues_return", "contract_termination.death_or_incapacity"]
    result = draft(
        spec(protections={"contract_termination": {"clause": pair, "values": {"notice_days": "45"}}})
    )
    article = result.article("contract_termination")
    assert article.clause_ids == pair and article.clause_id == pair[0]
    text = " ".join(article.paragraphs)
    assert "forty-five days" in text and "return ticket" in text and "repatriation of the remains" in text
    assert [a.number for a in result.articles] == list(range(1, len(result.articles) + 1))
    entry = result.coverage.entry("contract_termination")
    assert entry.status == "secured" and entry.article == article.number

    shorthand = DraftSpec.from_text(yaml.safe_dump({**SPEC, "protections": {"contract_termination": pair}}))
    assert shorthand.protections["contract_termination"].clause_ids == pair
    assert DraftSpec.from_text(shorthand.to_text()).protections == shorthand.protections
    single = DraftSpec.from_data({**SPEC, "protections": {"contract_termination": pair[0]}})
    assert single.protections["contract_termination"].clause_ids == [pair[0]]


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (["contract_termination.notice_dues_return", "omit"], "cannot be combined"),
        (["contract_termination.notice_dues_return"] * 2, "listed twice"),
        ([], "at least one clause"),
    ],
)
def test_a_bad_list_of_clauses_names_the_field(choice, message):
    with pytest.raises(SpecError, match=rf"protections\.contract_termination.*{message}"):
        draft(spec(protections={"contract_termination": {"clause": choice}}))


# -- sources -------------------------------------------------------------------------------------
def _all_sources():
    library = default_library()
    for protection in library.protections.values():
        for source in protection.sources:
            yield f"rubric {protection.id}", source
    for clause in library.clauses.values():
        for source in clause.sources:
            yield clause.id, source


def test_government_schemes_cite_c97_annex_ii_not_annex_i():
    wrong = [
        (where, s.provision)
        for where, s in _all_sources()
        if s.instrument == C97 and "Annex I," in s.provision
    ]
    assert wrong == []
    fees = default_library().protection("no_worker_fees")
    assert any(s.instrument == C97 and s.provision.startswith("Annex II, Art. 4(2)") for s in fees.sources)


def test_each_instrument_is_named_one_way_everywhere():
    names: dict[str, set[str]] = {}
    for _where, source in _all_sources():
        number = re.search(r"(Convention|Recommendation|Protocol)\b.*\(No\. (\d+)\)", source.instrument)
        key = (
            f"{number.group(1)} {number.group(2)}"
            if number
            else re.sub(r"^(ilo|un) |[^a-z]", "", source.instrument.lower())
        )
        names.setdefault(key, set()).add(source.instrument)
    assert {k: v for k, v in names.items() if len(v) > 1} == {}
    r86 = {s.instrument for _w, s in _all_sources() if "(No. 86)" in s.instrument}
    assert r86 == {"ILO Migration for Employment Recommendation (Revised), 1949 (No. 86)"}


def test_citations_say_what_the_cited_provision_says():
    library = default_library()
    termination = [library.protection("contract_termination"), *library.clauses_for("contract_termination")]
    assert not any(
        "No. 143" in s.instrument and s.provision == "Art. 9(1)" for c in termination for s in c.sources
    )
    documents = [library.protection("identity_documents"), *library.clauses_for("identity_documents")]
    assert not any("Global Compact" in s.instrument and "Objective 4" in s.provision
                   for c in documents for s in c.sources)  # fmt: skip
    c181_art7 = [
        s.provision for _w, s in _all_sources() if "(No. 181)" in s.instrument and "Art. 7" in s.provision
    ]
    assert c181_art7 and all(p.startswith("Art. 7(1)") for p in c181_art7), set(c181_art7)


def test_every_shipped_citation_records_whether_it_was_verified():
    unrecorded = []
    for path in [
        CLAUSES / "guidance.yaml",
        CLAUSES / "structural.yaml",
        *sorted(CLAUSES.glob("protections/*.yaml")),
    ]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("protections", data.get("clauses", [])):
            unrecorded += [
                (path.name, entry["id"], s)
                for s in entry["sources"]
                if not isinstance(s.get("verified"), bool)
            ]
    assert unrecorded == []
    sources = [s for _w, s in _all_sources()]
    assert sum(s.verified for s in sources) / len(sources) > 0.8


def test_library_check_flags_an_instrument_named_two_ways(library_copy: Path):
    path = library_copy / "protections" / "no_worker_fees.yaml"
    _edit_first_clause(
        path,
        lambda c: c["sources"][0].update(instrument="ILO Private Employment Agencies Convention (No. 181)"),
    )
    result = _blma("library", "check", "--root", str(library_copy))
    assert result.returncode == 1
    assert "named two ways" in result.stderr and "(No. 181)" in result.stderr


# -- clause families negotiators miss: insurance and repatriation of remains, medical examinations --
def test_a_full_article_on_insurance_death_and_repatriation_of_remains_can_be_combined():
    pair = ["contract_termination.notice_dues_return", "contract_termination.insurance_death_repatriation"]
    result = draft(spec("mou", protections={"contract_termination": pair}))
    text = " ".join(result.article("contract_termination").paragraphs)
    for words in ("notice period", "insure the worker", "repatriating them", "handed over to the heirs",
                  "without delay", "[amount and currency]"):  # fmt: skip
        assert words in text, words
    assert _mou_register_faults(text) == []


@pytest.mark.parametrize(
    "clause_id",
    ["data_protection.medical_examinations_fair", "data_protection.medical_examinations_baseline"],
)
def test_medical_examination_clauses_limit_scope_cost_screening_and_disclosure(clause_id: str):
    result = draft(spec(protections={"data_protection": clause_id}))
    text = " ".join(result.article("data_protection").paragraphs)
    assert "fitness for the work" in text and "paid for by the employer" in text
    assert "test for HIV or for pregnancy" in text
    assert "only a statement" in text and "confidential" in text
    if clause_id.endswith("_fair"):
        assert "accredited" in text and "further examination on arrival" in text and "review" in text
