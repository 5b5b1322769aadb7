"""The rubric and the clause library: what the data promises and what the checks catch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from blma.errors import TemplateError
from blma.library import default_library, load_library, render_clause
from blma.library.loader import read_library
from blma.library.render import example_values, render_template

ROOT = Path(__file__).parents[1]
CLAUSES = ROOT / "clauses"
PROTECTION_IDS = [
    "no_worker_fees", "recruitment_regulation", "written_contract", "equal_treatment", "wage_protection",
    "working_time_rest", "occupational_safety_health", "health_care", "social_security_portability",
    "accommodation", "identity_documents", "employer_change", "migration_status", "freedom_of_association",
    "access_to_justice", "labour_inspection", "skills_recognition", "pre_departure_orientation", "remittances",
    "family_reunification", "return_reintegration", "gender_responsive", "forced_labour_trafficking",
    "data_protection", "contract_termination", "consular_assistance", "joint_committee", "monitoring_review",
    "social_dialogue", "information_exchange", "dispute_settlement", "duration_termination", "transparency",
    "non_regression",
]  # fmt: skip


def blma(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blma", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


# -- the data ---------------------------------------------------------------------------------
def test_rubric_has_exactly_the_34_protections_in_order():
    library = default_library()
    assert list(library.protections) == PROTECTION_IDS
    groups = [p.group for p in library.protections.values()]
    assert groups.count("worker_protection") == 26 and groups.count("governance") == 8


def test_every_protection_cites_sources_and_says_how_to_judge_it():
    for p in default_library().protections.values():
        assert p.sources and all(s.instrument and s.provision for s in p.sources), p.id
        assert p.present and p.partial and p.contrary and p.explanation, p.id
        assert p.examples.strong and p.examples.weak, p.id


def test_sector_overlays_cover_domestic_work_agriculture_and_health():
    overlays = [p.sector_overlays for p in default_library().protections.values()]
    for sector in ("domestic_work", "seasonal_agriculture", "health_care"):
        assert sum(sector in o for o in overlays) >= 5, sector


def test_library_has_enough_alternatives():
    library = default_library()
    protection_clauses = [c for c in library.clauses.values() if c.kind == "protection"]
    assert len(protection_clauses) >= 100
    for pid in PROTECTION_IDS:
        clauses = library.clauses_for(pid)
        assert len(clauses) >= 3, pid
        assert len({c.strength for c in clauses}) >= 2, pid
    for sector in ("domestic_work", "seasonal_agriculture", "health_care"):
        assert any(sector in c.sectors for c in protection_clauses), sector


def test_every_clause_renders_with_its_example_values_in_both_styles():
    library = default_library()
    for clause in library.clauses.values():
        for style, words in (
            ("agreement", ("shall", "Parties", "Agreement")),
            ("mou", ("will", "Participants", "Memorandum of Understanding")),
        ):
            if style not in clause.styles:
                continue
            values = {
                **example_values(clause, library.global_examples()),
                "shall": words[0],
                "parties": words[1],
                "instrument": words[2],
            }
            text = render_clause(clause, values)
            assert "{{" not in text and "}}" not in text, clause.id
            assert len(text) > 40, clause.id


def test_every_clause_and_protection_cites_a_source():
    for clause in default_library().clauses.values():
        assert clause.sources, clause.id
        assert clause.note, clause.id


# -- rendering safety --------------------------------------------------------------------------
def test_a_value_typed_by_a_user_is_inserted_literally_never_executed():
    library = default_library()
    clause = next(c for c in library.clauses_for("no_worker_fees") if "{{ parties }}" in c.text)
    values = {
        **example_values(clause, library.global_examples()),
        "parties": "{{ 7*7 }}{% for x in range(3) %}X{% endfor %}",
    }
    text = render_clause(clause, values)
    assert "{{ 7*7 }}{% for x in range(3) %}X{% endfor %}" in text
    assert "49" not in text and "XXX" not in text


def test_a_template_cannot_reach_python_internals():
    with pytest.raises(TemplateError, match="unsafe"):
        render_template("{{ x.__class__.__mro__[1].__subclasses__() }}", {"x": "a"})


def test_a_missing_variable_is_a_clear_error_not_a_blank():
    with pytest.raises(TemplateError, match="no value given"):
        render_template(
            "The {{ parties }} shall pay {{ amount }}.", {"parties": "Parties"}, name="clause demo"
        )


# -- `blma library check` on broken copies -----------------------------------------------------
@pytest.fixture
def library_copy(tmp_path: Path) -> Path:
    target = tmp_path / "clauses"
    shutil.copytree(CLAUSES, target)
    return target


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_check_passes_on_the_shipped_library():
    result = blma("library", "check")
    assert result.returncode == 0, result.stderr
    assert "library sound: 34 protections" in result.stdout


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        ("schema", "fees.yaml: no_worker_fees."),
        ("unknown_protection", "unknown protection id 'no_such_protection'"),
        ("duplicate_id", "duplicate id"),
        ("undeclared_variable", "uses undeclared variable(s): treaty_number"),
        ("too_few", "protection 'remittances' has 2 clause(s); at least 3"),
        ("bad_yaml", "cannot be read as YAML"),
        ("remedy_unknown_clause", "remedies.yaml: gender_responsive/pregnancy_or_hiv_testing: unknown clause id"),
        ("remedy_wrong_protection", "does not serve 'gender_responsive'"),
        ("translation_missing", "translations/fr/protections/no_worker_fees.yaml: no_worker_fees.employer_pays_all: not translated"),
        ("translation_variables", "variables differ from the English text: missing refund_days"),
        ("translation_english", "English words left: shall, the"),
        ("translation_paragraphs", "5 paragraph(s), the English has 4"),
        ("translation_extra", "no_worker_fees.no_such_clause: not a clause of protections/no_worker_fees.yaml"),
        ("translation_rubric", "translations/es/rubric.yaml: wage_protection: not translated"),
    ],
)
def test_check_reports_each_kind_of_problem_with_file_and_field(
    library_copy: Path, breakage: str, expected: str
):
    fees = library_copy / "protections" / "no_worker_fees.yaml"
    if breakage == "schema":
        _edit(fees, lambda d: d["clauses"][0].update(strength="very strong"))
        expected = (
            "no_worker_fees.yaml: " + yaml.safe_load(fees.read_text())["clauses"][0]["id"] + ".strength"
        )
    elif breakage == "unknown_protection":
        _edit(fees, lambda d: d["clauses"][0]["protections"].append("no_such_protection"))
    elif breakage == "duplicate_id":
        first = yaml.safe_load(fees.read_text())["clauses"][0]["id"]
        _edit(
            library_copy / "protections" / "wage_protection.yaml", lambda d: d["clauses"][0].update(id=first)
        )
    elif breakage == "undeclared_variable":
        _edit(
            fees,
            lambda d: d["clauses"][0].update(
                text=d["clauses"][0]["text"] + " See treaty {{ treaty_number }}."
            ),
        )
    elif breakage == "too_few":
        _edit(library_copy / "protections" / "remittances.yaml", lambda d: d.update(clauses=d["clauses"][:2]))
    elif breakage == "bad_yaml":
        fees.write_text("clauses: [unclosed", encoding="utf-8")
        expected = "no_worker_fees.yaml: (file): cannot be read as YAML"
    elif breakage.startswith("remedy_"):
        remedies = library_copy / "remedies.yaml"
        data = yaml.safe_load(remedies.read_text(encoding="utf-8"))
        wrong = "gender_responsive.no_such_clause" if breakage == "remedy_unknown_clause" else "no_worker_fees.no_fees_no_deductions"
        data["gender_responsive/pregnancy_or_hiv_testing"] = [wrong]
        remedies.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    elif breakage.startswith("translation_"):
        french = library_copy / "translations" / "fr" / "protections" / "no_worker_fees.yaml"
        cid = "no_worker_fees.employer_pays_all"

        def change(data: dict) -> None:
            text = data["clauses"][cid]["text"] if "clauses" in data else ""
            if breakage == "translation_missing":
                del data["clauses"][cid]
            elif breakage == "translation_variables":
                data["clauses"][cid]["text"] = text.replace("{{ refund_days }}", "trente")
            elif breakage == "translation_english":
                data["clauses"][cid]["text"] = text + " The employer shall."
            elif breakage == "translation_paragraphs":
                data["clauses"][cid]["text"] = text + "\n\nUn alinéa de plus."
            elif breakage == "translation_extra":
                data["clauses"]["no_worker_fees.no_such_clause"] = data["clauses"][cid]
            elif breakage == "translation_rubric":
                del data["protections"]["wage_protection"]

        if breakage == "translation_rubric":
            _edit(library_copy / "translations" / "es" / "rubric.yaml", change)
        else:
            _edit(french, change)
    before = {p: p.read_bytes() for p in library_copy.rglob("*.yaml")}
    result = blma("library", "check", "--root", str(library_copy))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in library_copy.rglob("*.yaml")} == before  # checking changes nothing


def test_loading_a_broken_library_raises_one_clear_error(library_copy: Path):
    _edit(
        library_copy / "protections" / "no_worker_fees.yaml",
        lambda d: d["clauses"][0]["protections"].append("bogus"),
    )
    with pytest.raises(Exception, match="unknown protection id 'bogus'"):
        load_library(library_copy)
    _library, problems = read_library(library_copy)
    assert len(problems) == 1


# -- the JSON contracts ------------------------------------------------------------------------
def test_guidance_json_lists_exactly_the_34_ids():
    result = blma("guidance", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [p["id"] for p in data] == PROTECTION_IDS
    for p in data:
        assert {"id", "title", "group", "priority", "sources"} <= set(p)
        assert p["group"] in ("worker_protection", "governance") and p["priority"] in ("core", "recommended")


def test_library_json_shows_at_least_three_clauses_per_protection():
    result = blma("library", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    for clause in data:
        assert {"id", "title", "protections", "strength", "sectors", "variables"} <= set(clause)
    for pid in PROTECTION_IDS:
        assert sum(pid in c["protections"] for c in data) >= 3, pid


def test_library_filters_by_protection_and_sector():
    result = blma(
        "library", "--protection", "employer_change", "--sector", "domestic_work", "--format", "json"
    )
    data = json.loads(result.stdout)
    assert data and all("employer_change" in c["protections"] for c in data)
    assert all(set(c["sectors"]) & {"all", "domestic_work"} for c in data)


def test_unknown_protection_id_is_a_clear_error():
    result = blma("library", "--protection", "no_such_thing")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: unknown protection id 'no_such_thing'"


def test_analysis_reads_the_library_without_parsing_its_templates(library_copy: Path):
    """Gap analysis names clauses and never renders one: it loads the same rubric and clauses
    without Jinja2, while a draft's load still refuses a broken template."""
    code = (
        "import sys\n"
        "from blma.library import default_library\n"
        "light = default_library(templates=False)\n"
        "print('JINJA2', 'jinja2' in sys.modules)\n"
        "full = default_library()\n"
        "print('SAME', light.protections == full.protections and light.clauses == full.clauses)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["JINJA2 False", "SAME True"]

    fees = library_copy / "protections" / "no_worker_fees.yaml"
    _edit(fees, lambda d: d["clauses"][0].update(text=d["clauses"][0]["text"] + " {% if %}"))
    assert load_library(library_copy, templates=False).clauses  # analysis is not stopped by it
    with pytest.raises(Exception, match="template syntax error"):
        load_library(library_copy)
