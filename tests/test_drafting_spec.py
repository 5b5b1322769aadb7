"""The draft specification: defaults, validation that names the field, YAML and JSON io."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document

from blma.drafting import DraftSpec, draft, init_spec
from blma.errors import SpecError


def test_a_minimal_spec_gets_every_default(draft_spec):
    spec = DraftSpec.from_data(draft_spec)
    assert spec.style == "agreement"
    assert spec.sectors == ["general"]
    assert spec.protections == {}
    assert spec.annexes.model_contract and spec.annexes.competent_authorities
    assert spec.parties.origin.short == "Sundara"


def test_short_name_defaults_to_the_country(draft_spec):
    del draft_spec["parties"]["origin"]["short_name"]
    assert DraftSpec.from_data(draft_spec).parties.origin.short == "the Republic of Sundara"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda s: s["parties"]["destination"].pop("authority"), "parties.destination.authority"),
        (lambda s: s.update(style="treaty"), "style"),
        (lambda s: s.update(sectors=["mining"]), "sectors.0"),
        (lambda s: s.update(sectors=[]), "sectors"),
        (lambda s: s.update(colour="blue"), "colour"),
        (lambda s: s.update(protections={"no_worker_fees": {"clause": "omit"}}), "protections.no_worker_fees"),
        (lambda s: s.update(duration={"years": 0}), "duration.years"),
        (lambda s: s.update(signature={"date": "next spring"}), "signature.date"),
    ],
)
def test_an_invalid_spec_names_the_source_and_the_field(draft_spec, change, field):
    change(draft_spec)
    with pytest.raises(SpecError) as caught:
        DraftSpec.from_data(draft_spec, "spec.yaml")
    assert str(caught.value).startswith("spec.yaml: ")
    assert f" {field}: " in str(caught.value)


def test_an_omission_needs_a_reason_and_a_reason_needs_an_omission(draft_spec):
    draft_spec["protections"] = {"employer_change": {"clause": "omit"}}
    with pytest.raises(SpecError, match="needs a `reason`"):
        DraftSpec.from_data(draft_spec)
    draft_spec["protections"] = {"employer_change": {"reason": "why not"}}
    with pytest.raises(SpecError, match="only for an omission"):
        DraftSpec.from_data(draft_spec)


def test_a_clause_id_alone_is_a_valid_choice_and_numbers_become_text(draft_spec):
    draft_spec["protections"] = {
        "access_to_justice": "access_to_justice.free_legal_aid_and_stay",
        "joint_committee": {"values": {"meeting_frequency": 2}},
    }
    spec = DraftSpec.from_data(draft_spec)
    assert spec.protections["access_to_justice"].clause == "access_to_justice.free_legal_aid_and_stay"
    assert spec.protections["joint_committee"].values == {"meeting_frequency": "2"}


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_spec_saves_and_loads_unchanged(tmp_path, draft_spec, suffix):
    draft_spec.update(
        style="mou",
        sectors=["domestic_work", "health_care"],
        signature={"place": "Valdoria City", "date": "2026-03-15", "languages": ["Sundaran", "English"]},
        protections={"employer_change": {"clause": "omit", "reason": "Left to a protocol"}},
    )
    spec = DraftSpec.from_data(draft_spec)
    path = tmp_path / f"spec{suffix}"
    spec.save(path)
    loaded = DraftSpec.load(path)
    assert loaded == spec
    assert loaded.signature.date == dt.date(2026, 3, 15)


def test_unreadable_files_are_spec_errors_naming_the_file(tmp_path):
    with pytest.raises(SpecError, match=r"missing\.yaml: cannot be read"):
        DraftSpec.load(tmp_path / "missing.yaml")
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("parties: [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"bad\.yaml: cannot be read as YAML"):
        DraftSpec.load(bad_yaml)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{'parties': 1}", encoding="utf-8")
    with pytest.raises(SpecError, match=r"bad\.json: cannot be read as JSON"):
        DraftSpec.load(bad_json)
    not_mapping = tmp_path / "list.yaml"
    not_mapping.write_text("- parties\n", encoding="utf-8")
    with pytest.raises(SpecError, match="expected a mapping"):
        DraftSpec.load(not_mapping)


def test_the_starter_spec_is_valid_commented_yaml_listing_every_protection():
    text = init_spec()
    spec = DraftSpec.from_text(text, "starter")
    assert spec.parties.origin.country
    assert text.count("\n#") > 50
    for pid in ("no_worker_fees", "employer_change", "duration_termination", "non_regression"):
        assert f"# {pid} (" in text


def test_a_saved_spec_drafts_exactly_like_the_original(tmp_path, draft_spec):
    draft_spec["signature"] = {"languages": ["English"]}
    spec = DraftSpec.from_data(draft_spec)
    spec.save(tmp_path / "spec.json")
    assert draft(tmp_path / "spec.json").to_markdown() == draft(spec).to_markdown()


# -- hostile and unusual values: every one drafts safely or is refused clearly ----------------
UK = "the United Kingdom of Great Britain and Northern Ireland"
ETHIOPIA = "the Federal Democratic Republic of Ethiopia"


def _parties(origin: str, destination: str, **extra) -> dict:
    return {
        "parties": {
            "origin": {"country": origin, "authority": "Ministry of Labour and Skills", **extra},
            "destination": {"country": destination, "authority": "Department for Work and Pensions"},
        }
    }


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_long_official_names_with_three_sectors_draft_in_both_formats():
    spec = _parties(ETHIOPIA, UK) | {"sectors": ["domestic_work", "health_care", "construction"]}
    result = draft(spec)
    assert len(result.title) > 255  # what python-docx refused as a document property
    document = Document(io.BytesIO(result.to_docx()))
    assert document.paragraphs[0].text == result.title  # the title page keeps every word
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.endswith("…")
    assert result.to_markdown().startswith(f"# {result.title}\n")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Sundara\x07", "the control character U+0007"),
        ("Sun\x00dara", "the control character U+0000"),
        ("Sundara\x1b[31m", "the control character U+001B"),
        ("Sun\ud800dara", "a lone surrogate (U+D800"),
        ("the Republic of \u202eSundara", "the bidirectional override U+202E, which would show the text in another order"),
        ("Sundara\ufffe", "the non-character U+FFFE"),
    ],
)
def test_a_character_no_document_can_hold_is_refused_naming_the_field(draft_spec, value, problem):
    draft_spec["parties"]["destination"]["authority"] = value
    with pytest.raises(SpecError) as caught:
        DraftSpec.from_data(draft_spec, "spec.yaml")
    message = str(caught.value)
    assert message.startswith("spec.yaml: parties.destination.authority: contains ")
    assert problem in message and "remove it" in message
    assert message.isprintable()  # the message itself carries no control character


def test_hostile_characters_are_refused_in_every_kind_of_value(draft_spec):
    draft_spec["signature"] = {"languages": ["English", "Fr\x08ench"]}
    with pytest.raises(SpecError, match=r"signature\.languages\.1: contains the control character U\+0008"):
        DraftSpec.from_data(draft_spec)
    draft_spec["signature"] = {}
    draft_spec["protections"] = {"joint_committee": {"values": {"meeting_frequency": "twice\x0e"}}}
    with pytest.raises(SpecError, match=r"protections\.joint_committee\.values\.meeting_frequency: contains"):
        DraftSpec.from_data(draft_spec)
    draft_spec["protections"] = {"joint\x07committee": {"clause": "omit", "reason": "x"}}
    with pytest.raises(SpecError) as caught:
        DraftSpec.from_data(draft_spec)
    assert "joint\\u0007committee" in str(caught.value) and str(caught.value).isprintable()


def test_line_breaks_and_tabs_in_a_value_become_one_space(draft_spec):
    draft_spec["parties"]["origin"]["country"] = "the Republic\nof\t\tSundara\r\n"
    draft_spec["parties"]["origin"]["authority"] = "Ministry\x0bof Overseas Employment"  # Word's line break
    spec = DraftSpec.from_data(draft_spec)
    assert spec.parties.origin.country == "the Republic of Sundara"
    assert spec.parties.origin.authority == "Ministry of Overseas Employment"
    draft_spec["parties"]["origin"]["country"] = " \n\t "
    with pytest.raises(SpecError, match=r"parties\.origin\.country: is blank"):
        DraftSpec.from_data(draft_spec)


def test_a_newline_in_a_name_cannot_inject_a_heading_into_the_markdown(draft_spec):
    draft_spec["parties"]["origin"]["short_name"] = "Sundara\n# Injected heading\n\n## Another"
    text = draft(draft_spec).to_markdown()
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert not any("Injected" in line or "Another" in line for line in headings)
    assert "Sundara \\# Injected heading \\#\\# Another" in text


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("*Sundara*", "\\*Sundara\\*"),
        ("[Sundara](http://example.org/x)", "\\[Sundara\\](http://example.org/x)"),
        ("![pixel](http://example.org/p.png)", "\\!\\[pixel\\](http://example.org/p.png)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("`code`_x_", "\\`code\\`\\_x\\_"),
        ("- Sundara", "\\- Sundara"),
        ("1. Sundara", "1\\. Sundara"),
        ("AT&amp;T", "AT\\&amp;T"),
    ],
)
def test_markdown_in_a_value_is_escaped_wherever_the_value_appears(draft_spec, value, escaped):
    draft_spec["parties"]["origin"]["short_name"] = value
    result = draft(draft_spec)
    text = result.to_markdown()
    occurrences = sum(p.count(value) for a in result.articles for p in a.paragraphs)
    assert occurrences > 0
    assert text.count(escaped) >= occurrences
    assert value not in text.replace(escaped, "")  # no occurrence left unescaped


def test_the_library_wording_is_not_escaped(draft_spec):
    plain = draft(draft_spec).to_markdown()
    draft_spec["parties"]["origin"]["short_name"] = "*Sundara*"
    marked = draft(draft_spec).to_markdown()
    assert marked.replace("\\*Sundara\\*", "Sundara") == plain  # only the value changed
    assert "[place]" in plain and "\\[" not in plain  # the library's own brackets stay as written


@pytest.mark.parametrize("template", ["{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{{ ''.__class__ }}", "{# c #}"])
def test_template_syntax_in_a_value_is_written_literally(draft_spec, template):
    draft_spec["parties"]["origin"]["country"] = template
    draft_spec["parties"]["destination"]["authority"] = template
    result = draft(draft_spec)
    assert template in result.title
    assert template in _docx_text(result.to_docx())
    assert "49" not in result.title and "xxx" not in result.title and "class" not in result.title.replace(template, "")


def test_right_to_left_and_xml_special_names_draft_safely():
    arabic, hebrew = "المملكة الأردنية الهاشمية", "מדינת ישראל"
    spec = _parties(f"\u2067{arabic}\u2069", f'{hebrew} & "Partners" <Ltd> \'x\'', short_name=arabic)
    result = draft(spec)
    data = result.to_docx()
    text = _docx_text(data)
    assert arabic in text and f'{hebrew} & "Partners" <Ltd> \'x\'' in text
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "&lt;Ltd&gt;" in xml and "<Ltd>" not in xml
    markdown = result.to_markdown()
    assert arabic in markdown and "\\<Ltd\\>" in markdown and "\\&" in markdown


def test_a_deeply_nested_spec_is_one_clear_error_not_a_recursion_error(tmp_path):
    for name, text in (
        ("flow.yaml", "parties: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("block.yaml", "".join("  " * i + f"k{i}:\n" for i in range(500)) + "  " * 500 + "x\n"),
        ("deep.json", '{"parties": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SpecError, match="nested more than 20 levels deep") as caught:
            DraftSpec.load(path)
        assert str(caught.value).startswith(f"{path}: ")
    with pytest.raises(SpecError, match=r"flow\.yaml: line 1: nested"):
        DraftSpec.load(tmp_path / "flow.yaml")
    with pytest.raises(SpecError, match=r"block\.yaml: line 21: nested"):
        DraftSpec.load(tmp_path / "block.yaml")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("parties: [unclosed\n", "line 2, column 1: did not find expected ',' or ']' (while parsing a flow sequence that began on line 1)"),
        ("parties:\n  origin: {country: a\n  destination: b: c\n", "line 3"),
        ("Dear Minister,\n\nPlease find: our: comments below.\n", "line 3, column 12: mapping values are not allowed"),
        ("parties:\n\torigin: x\n", "line 2, column 1: found character that cannot start any token"),
        ("%PDF-1.7\n%\x00\x01binary\n", "line 2"),
    ],
)
def test_a_spec_that_is_not_yaml_names_the_line(tmp_path, text, where):
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        DraftSpec.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot be read as YAML: ")
    assert where in message and "\n" not in message


def test_a_json_spec_error_names_the_line(tmp_path):
    path = tmp_path / "spec.json"
    path.write_text('{\n  "parties": {\n    "origin": ,\n  }\n}\n', encoding="utf-8")
    with pytest.raises(SpecError, match=r"spec\.json: cannot be read as JSON: line 3, column 15: Expecting value"):
        DraftSpec.load(path)


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    lines.append("parties: *a8")  # 9**9 values once expanded
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"bomb\.yaml: line \d+: holds more than 20,000 values once its aliases are expanded"):
        DraftSpec.load(path)


def test_a_few_aliases_are_still_fine(draft_spec):
    text = (
        "parties:\n"
        "  origin: {country: the Republic of Sundara, authority: &ministry Ministry of Labour}\n"
        "  destination: {country: the Kingdom of Valdoria, authority: *ministry}\n"
    )
    spec = DraftSpec.from_text(text)
    assert spec.parties.destination.authority == "Ministry of Labour"


def test_an_oversized_spec_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    with pytest.raises(SpecError, match=r"spec\.yaml: is 2048 KB; a draft spec is a few KB"):
        DraftSpec.load(path)
