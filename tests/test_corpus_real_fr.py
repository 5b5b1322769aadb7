"""The French real-text corpus: its texts, their provenance and the sealed split agree.

The texts are official French treaty texts cut out of the Dutch treaty database by
``scripts/corpus/extract_laws_markdown.py --lang fr``; the split was drawn once by
``scripts/corpus/split_real.py --corpus corpus/real_fr`` before anyone labelled them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from blma.reading.language import profile

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "real_fr"
RESERVED = {"BWBV0001031", "BWBV0002654", "BWBV0001346", "BWBV0004200", "BWBV0004587", "BWBV0003874"}
# Read elsewhere already (../shared/real-dev/): development only, never hold-out.
SHARED_DEV = {"BWBV0004909", "BWBV0005655", "BWBV0004588"}
SOURCE_RE = re.compile(
    r"^statengeneraal/laws-markdown@(?P<commit>[0-9a-f]{40}):(?P<path>verdrag/.+/README\.md)$"
)
MIRROR = Path(os.environ.get("LAWS_MARKDOWN_MIRROR", "/work/.mirror/statengeneraal+laws-markdown/repo"))


@cache
def _script(name: str) -> ModuleType:
    """Import a script of ``scripts/corpus/`` (not a package) by its path, once."""
    spec = importlib.util.spec_from_file_location(
        f"corpus_{name}", ROOT / "scripts" / "corpus" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sources() -> list[dict]:
    return yaml.safe_load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parts() -> dict[str, list[str]]:
    return yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))


def _paragraphs(slug: str) -> list[str]:
    text = (CORPUS / "texts" / f"{slug}.md").read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_every_source_has_one_text_and_every_text_a_source(sources):
    slugs = [s["slug"] for s in sources]
    assert len(slugs) == len(set(slugs))
    assert 20 <= len(slugs) <= 60
    assert sorted(p.stem for p in (CORPUS / "texts").glob("*.md")) == sorted(slugs)


def test_provenance_names_one_mirror_commit_and_the_entry_s_own_path(sources):
    commits = set()
    for entry in sources:
        for key in ("title", "title_fr", "kind", "signed", "parties", "cut", "status"):
            assert entry.get(key), f"{entry['slug']}: no {key}"
        assert entry["language"] == "fr"
        match = SOURCE_RE.match(entry["source"])
        assert match, f"{entry['slug']}: source is not repo@commit:path"
        assert match["path"].split("/")[-2] == entry["bwbv"]
        assert str(entry["signed"].year) in entry["slug"]
        commits.add(match["commit"])
    assert len(commits) == 1
    assert len({e["bwbv"] for e in sources}) == len(sources)


def test_reserved_entries_are_absent_and_the_extractor_refuses_them(sources, tmp_path):
    assert not RESERVED & {e["bwbv"] for e in sources}
    assert not any(r in e["source"] for e in sources for r in RESERVED)
    extractor = _script("extract_laws_markdown")
    assert extractor.RESERVED_IDS == RESERVED
    listed = tmp_path / "sources.yaml"
    listed.write_text("- slug: reserved_text\n  bwbv: BWBV0004587\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reserved"):
        extractor.main([str(tmp_path / "no-mirror"), "--lang", "fr", "--sources", str(listed)])


def test_word_counts_in_sources_match_the_texts(sources):
    extractor = _script("extract_laws_markdown")
    for entry in sources:
        text = (CORPUS / "texts" / f"{entry['slug']}.md").read_text(encoding="utf-8")
        assert entry["words"] == extractor.word_count(text), entry["slug"]


def test_each_text_is_french_throughout(sources):
    for entry in sources:
        paragraphs = _paragraphs(entry["slug"])
        languages = profile(paragraphs)
        assert languages.main == "fr", entry["slug"]
        others = [
            p[:80]
            for p, code in zip(paragraphs, languages.by_paragraph, strict=True)
            if code not in (None, "fr")
        ]
        assert others == [], f"{entry['slug']}: paragraphs not in French: {others}"


def test_no_database_note_or_markup_is_left_in_the_texts(sources):
    leftovers = re.compile(r"<meta|<sup>\s*\d+\)|\[Red:|Noot redactie|\([Zz]oals in|Lees:|Vertaling|\]\(")
    for entry in sources:
        text = (CORPUS / "texts" / f"{entry['slug']}.md").read_text(encoding="utf-8")
        assert not leftovers.search(text), entry["slug"]


def test_split_covers_every_text_once_with_a_large_enough_hold_out(sources, parts):
    assert set(parts) == {"development", "holdout"}
    development, holdout = set(parts["development"]), set(parts["holdout"])
    assert not development & holdout
    assert development | holdout == {e["slug"] for e in sources}
    assert len(holdout) >= 8
    kinds = {e["slug"]: e["kind"] for e in sources}
    assert sum(kinds[s] == "recruitment_placement" for s in holdout) >= 2


def test_texts_read_elsewhere_stay_in_development(sources, parts):
    shared = {e["slug"] for e in sources if e["bwbv"] in SHARED_DEV}
    assert len(shared) == 3
    assert shared <= set(parts["development"])
    assert {e["slug"] for e in sources if e.get("development_only")} == shared


def test_near_copies_of_one_model_agreement_sit_in_the_same_part(sources, parts):
    part_of = {slug: name for name, slugs in parts.items() for slug in slugs}
    families: dict[str, set[str]] = {}
    for entry in sources:
        if entry.get("family"):
            families.setdefault(entry["family"], set()).add(part_of[entry["slug"]])
    assert families, "no family recorded"
    assert all(len(found) == 1 for found in families.values()), families


def test_the_split_is_what_the_seeded_script_draws(sources, parts):
    """The seeded split of the texts chosen first is unchanged; texts added later (``added:``)
    went to the development part only, so the hold-out is what it was when it was sealed."""
    splitter = _script("split_real")
    seed, shares = splitter.load_settings(CORPUS)
    drawn = splitter.split([entry for entry in sources if not entry.get("added")], seed, shares)
    drawn["development"] = sorted(drawn["development"] + [e["slug"] for e in sources if e.get("added")])
    assert drawn == {part: sorted(slugs) for part, slugs in parts.items()}


def test_the_english_split_is_still_what_the_script_draws():
    """The seeded split of the texts chosen first is unchanged; texts added later (``added:``)
    went to the development part only, so the hold-out is what it was when it was sealed."""
    splitter = _script("split_real")
    english = ROOT / "corpus" / "real"
    sources = yaml.safe_load((english / "sources.yaml").read_text(encoding="utf-8"))
    drawn = splitter.split([entry for entry in sources if not entry.get("added")])
    drawn["development"] = sorted(drawn["development"] + [e["slug"] for e in sources if e.get("added")])
    recorded = yaml.safe_load((english / "split.yaml").read_text(encoding="utf-8"))
    assert drawn == {part: sorted(slugs) for part, slugs in recorded.items()}


SAMPLE = """<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />

##Overeenkomst tussen Nederland en Frankrijk

####Accord entre les Pays-Bas et la France concernant le placement de travailleurs

Le Gouvernement des Pays-Bas et le Gouvernement de la République française sont convenus de ce qui suit:

### Section  1

####Repos de nuit en cours de navigation

### Article  1

Les travailleurs recrutés bénéficient de l'égalité de traitement avec les nationaux pour la rémunération.

Fait à Paris, le 2 juin 1948, en deux exemplaires en langue française.

####Overeenkomst tussen Nederland en Frankrijk betreffende de plaatsing van arbeiders

De Regering van Nederland en de Regering van de Franse Republiek zijn het volgende overeengekomen:

### Artikel  1

d)de weduwen- en wezenverzekering;

De aangeworven werknemers genieten gelijke behandeling met de eigen onderdanen wat betreft het loon.
"""


def test_the_extractor_keeps_the_french_text_and_cuts_the_dutch_translation():
    extractor = _script("extract_laws_markdown")
    text = extractor.extract(SAMPLE, extractor.Source(slug="sample", bwbv="BWBV0000000"), "fr")
    assert text.startswith("####Accord entre les Pays-Bas")
    assert "### Section  1" in text and "Repos de nuit" in text
    assert text.rstrip().endswith("en deux exemplaires en langue française.")
    assert "weduwen" not in text and "Overeenkomst" not in text


@pytest.mark.skipif(
    not MIRROR.is_dir(), reason=f"no laws-markdown mirror at {MIRROR} (set LAWS_MARKDOWN_MIRROR)"
)
@pytest.mark.parametrize(("lang", "folder"), [("fr", "real_fr"), ("en", "real")])
def test_the_texts_are_regenerated_byte_for_byte_from_the_mirror(lang, folder, tmp_path):
    """Reproducible from the mirror commit; the English corpus is unchanged by the French option."""
    sources = yaml.safe_load((ROOT / "corpus" / folder / "sources.yaml").read_text(encoding="utf-8"))
    commit = SOURCE_RE.match(sources[0]["source"])["commit"]
    if subprocess.run(["git", "-C", str(MIRROR), "cat-file", "-e", commit], capture_output=True).returncode:
        pytest.skip(f"the mirror lacks commit {commit}")
    extractor = _script("extract_laws_markdown")
    assert extractor.main([str(MIRROR), "--lang", lang, "--rev", commit, "--out", str(tmp_path)]) == 0
    for entry in sources:
        expected = (ROOT / "corpus" / folder / "texts" / f"{entry['slug']}.md").read_bytes()
        assert (tmp_path / f"{entry['slug']}.md").read_bytes() == expected, entry["slug"]
