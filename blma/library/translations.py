"""The library in French and Spanish: the clause texts and the rubric's titles, kept beside the
English source in ``clauses/translations/<language>/`` and checked against it.

A translation file mirrors one English file (``protections/<id>.yaml``, ``structural.yaml``)
and gives, per clause id, its ``title``, ``text`` and the defaults that are words rather than
numbers. Everything else (strength, sectors, styles, sources, the negotiator's note) stays in
the English file and is shared. ``rubric.yaml`` gives each protection's title and article
heading; ``variables.yaml`` the examples of the global variables and the language's own style
words. One French or Spanish text serves both an agreement and an MoU (the future tense binds
in both), so the English verb variable ``shall`` has no counterpart; the party words, whose
article and agreement change with the style, are variables of their own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from pydantic import Field, ValidationError

from blma.library.fitting import paragraphs
from blma.library.loader import _SENTENCE_OPENING_VARIABLE, Library, Problem, _load_yaml, _loc
from blma.library.models import Strict, Variable

#: Variables that carry a style's grammar rather than content: a translation need not use the
#: same ones as the English (English says "shall", French and Spanish rephrase around the party words).
STYLE_WORDS = frozenset({"shall", "parties", "the_parties", "each_party", "both_parties", "the_other_party", "party"})
#: English words that have no business in a French or Spanish clause (outside names and blanks);
#: none is a French or Spanish word ("employer" is a French verb, so it is not listed).
_ENGLISH = re.compile(
    r"\b(?:the|shall|and|with|which|that|workers?|employment|agreement|any|such|their|from"
    r"|into|under|this|these|those|been|have|has|should|would|must|may|not|for|of|to|will|within"
    r"|other|each|where|when|by|or|on behalf)\b",
    re.IGNORECASE,
)
#: What the English-words check skips: template tags, square-bracket blanks, quoted names.
_NOT_PROSE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\[[^\]]*\]|“[^”]*”|\"[^\"]*\"")


class ClauseText(Strict):
    title: str = Field(min_length=3)
    text: str = Field(min_length=10)
    defaults: dict[str, str] = Field(default_factory=dict)


class ProtectionText(Strict):
    title: str = Field(min_length=3)
    article_heading: str = Field(min_length=3)


def translations_root(root: Path, language: str) -> Path:
    return root / "translations" / language


def translate_library(english: Library, language: str) -> tuple[Library, list[Problem]]:
    """The library with every clause and protection in ``language``, and every problem found.

    A clause with no usable translation keeps its English text (and a problem says so), so that
    ``blma library check`` can list everything at once; drafting refuses a library with problems.
    """
    folder = translations_root(english.root, language)
    problems: list[Problem] = []
    if not folder.is_dir():
        return english, [Problem(f"translations/{language}", "(folder)", "missing: no clause is translated")]

    texts: dict[str, ClauseText] = {}
    english_files = sorted(set(english.clause_files.values()))
    for rel in english_files:
        path = folder / rel
        shown = f"translations/{language}/{rel}"
        wanted = [cid for cid, file in english.clause_files.items() if file == rel]
        if not path.exists():
            problems.append(Problem(shown, "(file)", f"missing: {len(wanted)} clause(s) to translate from {rel}"))
            continue
        data = _load_yaml(path, problems)
        entries = data.get("clauses") if isinstance(data, dict) else None
        if not isinstance(entries, dict):
            problems.append(Problem(shown, "clauses", "expected a top-level 'clauses:' mapping of clause ids"))
            continue
        for cid in entries:
            if cid not in wanted:
                problems.append(Problem(shown, str(cid), f"not a clause of {rel}"))
        for cid in wanted:
            if cid not in entries:
                problems.append(Problem(shown, cid, "not translated"))
                continue
            try:
                texts[cid] = ClauseText.model_validate(entries[cid])
            except ValidationError as exc:
                problems.extend(Problem(shown, f"{cid}.{_loc(err)}", err["msg"]) for err in exc.errors())

    variables = _variables(english, folder, language, problems)
    clauses = {}
    for cid, clause in english.clauses.items():
        text = texts.get(cid)
        if text is None:
            clauses[cid] = clause
            continue
        shown = f"translations/{language}/{english.clause_files[cid]}"
        unknown = sorted(set(text.defaults) - set(clause.variables))
        if unknown:
            problems.append(Problem(shown, f"{cid}.defaults", "not a variable of the clause: " + ", ".join(unknown)))
        problems.extend(_check_text(clause.text, text.text, cid, shown, set(variables) | set(clause.variables)))
        own = {
            name: var.model_copy(update={"default": text.defaults.get(name, var.default)})
            for name, var in clause.variables.items()
        }
        clauses[cid] = clause.model_copy(update={"title": text.title, "text": text.text, "variables": own})

    protections = dict(english.protections)
    rubric = _load_yaml(folder / "rubric.yaml", problems) if (folder / "rubric.yaml").exists() else None
    titles = rubric.get("protections") if isinstance(rubric, dict) else None
    if not isinstance(titles, dict):
        problems.append(Problem(f"translations/{language}/rubric.yaml", "protections", "missing or not a mapping"))
        titles = {}
    for pid, protection in english.protections.items():
        if pid not in titles:
            if titles:
                problems.append(Problem(f"translations/{language}/rubric.yaml", pid, "not translated"))
            continue
        try:
            found = ProtectionText.model_validate(titles[pid])
        except ValidationError as exc:
            problems.extend(
                Problem(f"translations/{language}/rubric.yaml", f"{pid}.{_loc(err)}", err["msg"])
                for err in exc.errors()
            )
            continue
        protections[pid] = protection.model_copy(update=found.model_dump())
    for pid in set(titles) - set(english.protections):
        problems.append(Problem(f"translations/{language}/rubric.yaml", str(pid), "not a protection id"))

    translated = replace(
        english, protections=protections, clauses=clauses, variables=variables, language=language, translated={}
    )
    return translated, problems


def _variables(english: Library, folder: Path, language: str, problems: list[Problem]) -> dict[str, Variable]:
    """The global variables with this language's examples, and its own style words."""
    shown = f"translations/{language}/variables.yaml"
    data = _load_yaml(folder / "variables.yaml", problems) if (folder / "variables.yaml").exists() else None
    if not isinstance(data, dict):
        problems.append(Problem(shown, "(file)", "missing or not a mapping of variable names"))
        return {k: v for k, v in english.variables.items() if k != "shall"}
    found: dict[str, Variable] = {}
    for name, spec in data.items():
        try:
            found[str(name)] = Variable.model_validate(spec)
        except ValidationError as exc:
            problems.extend(Problem(shown, f"{name}.{_loc(err)}", err["msg"]) for err in exc.errors())
    for name in english.variables:
        if name not in found and name not in STYLE_WORDS:
            problems.append(Problem(shown, name, "no example in this language"))
    for name in set(found) - set(english.variables) - STYLE_WORDS:
        problems.append(Problem(shown, name, "not a global variable of clauses/variables.yaml nor a style word"))
    return found


def content_variables(text: str) -> set[str]:
    from blma.library.render import template_variables

    return template_variables(text) - STYLE_WORDS


def english_words(text: str) -> list[str]:
    """English words left in a translated text, outside template tags, blanks and quotations."""
    return sorted({m.group().lower() for m in _ENGLISH.finditer(_NOT_PROSE.sub(" ", text))})


def _check_text(source: str, text: str, cid: str, file: str, known: set[str]) -> list[Problem]:
    from jinja2 import TemplateSyntaxError

    from blma.library.render import template_variables

    found: list[Problem] = []
    try:
        everything = template_variables(text)
    except TemplateSyntaxError as exc:
        return [Problem(file, f"{cid}.text", f"template syntax error: {exc.message}")]
    used, wanted = everything - STYLE_WORDS, content_variables(source)
    if used != wanted:
        detail = [f"missing {', '.join(sorted(wanted - used))}"] if wanted - used else []
        detail += [f"not in the English {', '.join(sorted(used - wanted))}"] if used - wanted else []
        found.append(Problem(file, f"{cid}.text", f"variables differ from the English text: {'; '.join(detail)}"))
    undeclared = sorted(everything - known)
    if undeclared:
        found.append(Problem(file, f"{cid}.text", "uses undeclared variable(s): " + ", ".join(undeclared)))
    count, english = len(paragraphs(text)), len(paragraphs(source))
    if count != english:
        found.append(Problem(file, f"{cid}.text", f"{count} paragraph(s), the English has {english}"))
    for name in dict.fromkeys(_SENTENCE_OPENING_VARIABLE.findall(text)):
        found.append(Problem(file, f"{cid}.text", f"a sentence starts with the bare variable {{{{ {name} }}}}; use `| cap` or open it with words"))
    leftovers = english_words(text)
    if leftovers:
        found.append(Problem(file, f"{cid}.text", "English words left: " + ", ".join(leftovers)))
    return found
