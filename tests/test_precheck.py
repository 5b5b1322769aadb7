"""The Hyperscan pre-check never rules out a pattern that Python's ``re`` matches.

It may let through what ``re`` then rejects; it must never hide a match. Checked on every
sentence of the sample agreements, the development set, the development part of the
real-text corpus and the wording cases; on the same sentences with their case, letters and
spaces changed to what case folding has to get right; and piece by piece for the folding and
the character classes Hyperscan sees.
"""

from __future__ import annotations

import _sre
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from re import _casefix

import pytest
import yaml

hyperscan = pytest.importorskip("hyperscan", reason="the pre-check is an x86-64 accelerator")

from blma.analysis import default_analyzer, precheck  # noqa: E402
from blma.analysis.precheck import STAND_INS, UNFOLDABLE, PatternSet, fold, pieces  # noqa: E402
from blma.analysis.prefilter import Guarded, Sentence, use_precheck  # noqa: E402
from blma.analysis.rules import book_patterns, load_rulebook  # noqa: E402
from blma.reading import read_bytes, read_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BOOK = load_rulebook()
PATTERNS = list({(g.source, g.flags): g for g in book_patterns(BOOK.rules, BOOK.modality)}.values())
WORDING_HEAD = "# Agreement between Arvenia and Borslav on Labour Migration\n\n## Article 1 - Provisions\n\n"

pytestmark = pytest.mark.skipif(not precheck.ENABLED, reason="the pre-check is turned off (BLMA_PRECHECK)")


def _development_documents():
    yield from (read_path(p) for p in sorted((ROOT / "sample_agreements").glob("*.docx")))
    devset = ROOT / "tests" / "devset"
    yield from (
        read_path(p) for p in sorted(devset.iterdir()) if p.suffix in (".md", ".txt") and p.stem != "README"
    )
    split = yaml.safe_load((ROOT / "corpus" / "real" / "split.yaml").read_text(encoding="utf-8"))
    for slug in split["development"]:  # the development part only: the hold-out is never opened
        path = ROOT / "corpus" / "real" / "texts" / f"{slug}.md"
        if path.exists():
            yield read_path(path)
    for name in ("wording_cases.yaml", "wording_cases_external.yaml"):
        for case in yaml.safe_load((ROOT / "tests" / "data" / name).read_text(encoding="utf-8")):
            yield read_bytes("case.md", f"{WORDING_HEAD}(1) {case['text']}\n".encode())


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """Every sentence as the analyzer reads it, alone and after its list's lead-in."""
    analyzer = default_analyzer()
    texts: dict[str, None] = {}
    for doc in _development_documents():
        for seen in analyzer.observe(doc):
            texts[seen.sentence] = None
            if seen.lead_in:
                texts[f"{seen.lead_in} {seen.sentence}"] = None
    return list(texts)


def ruled_out_matches(text: str, patterns: list[Guarded], literal_first: bool = True) -> list[str]:
    """The patterns the pre-check rules out for ``text`` although ``re`` finds them in it."""
    sentence = Sentence(text)
    literals = sentence.found
    found = patterns[0].checks.found(text)
    assert found is not None, text
    wrong = []
    for guarded in patterns:
        # the literal prefilter goes first in the analysis; its own exactness is test_prefilter's
        if literal_first and any(ids.isdisjoint(literals) for ids in guarded.literal_ids):
            continue
        if not any(option <= found for option in guarded.options) and guarded.pattern.search(text):
            wrong.append(guarded.source[:100])
    return wrong


def test_every_pattern_of_the_rulebook_is_pre_checked():
    checks = PATTERNS[0].checks
    assert len(PATTERNS) > 400 and all(g.checks is checks and g.options for g in PATTERNS)
    assert checks.load(), "the pre-check database could not be built"


def test_the_pre_check_never_hides_a_match_in_the_development_texts(sentences):
    assert len(sentences) > 5000
    wrong = {text: found for text in sentences if (found := ruled_out_matches(text, PATTERNS))}
    assert not wrong, list(wrong.items())[:3]


VARIANTS = {
    "upper case": str.upper,
    "swapped case": str.swapcase,
    "long s": lambda t: t.replace("s", "\u017f"),  # re.IGNORECASE: ſ is s
    "Kelvin sign": lambda t: t.replace("k", "\u212a"),  # K is k
    "dotless i": lambda t: t.replace("i", "\u0131"),  # ı is i
    "dotted capital I": lambda t: t.replace("I", "\u0130"),  # İ is i
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),  # a space to \s, not to " "
    "curly quotes": lambda t: t.replace("'", "\u2019").replace('"', "\u201c"),
    "file separators": lambda t: t.replace(" ", "\x1c"),  # \s to re, not to Hyperscan
    "accents": lambda t: t.replace("e", "\u00e9").replace("a", "\u00e4"),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_pre_check_never_hides_a_match_whatever_the_case_and_characters(sentences, variant):
    change = VARIANTS[variant]
    sample = [s for s in sentences[::200] if len(s) > 40][:30]
    wrong = {}
    for text in map(change, sample):
        found = ruled_out_matches(text, PATTERNS, literal_first=False)
        if found:
            wrong[text] = found
    assert not wrong, list(wrong.items())[:3]


def test_a_character_it_cannot_fold_turns_the_pre_check_off_for_that_text():
    checks = PATTERNS[0].checks
    assert fold("Workers\u0345 passports") is None
    assert checks.found("Workers\u0345 passports") is None  # so nothing is ruled out


# -- the folding ------------------------------------------------------------------------------
CLASSES = {name: re.compile(rf"[{name}]") for name in (r"\w", r"\d", r"\s")}


def classes(char: str) -> tuple[bool, ...]:
    return tuple(bool(p.match(char)) for p in CLASSES.values())


def test_every_character_folds_to_one_ascii_character_of_its_own_class():
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        folded = fold(char)
        if char == UNFOLDABLE:
            assert folded is None
            continue
        assert folded is not None and len(folded) == 1 and folded.isascii(), hex(code)
        assert classes(folded) == classes(char), hex(code)


def test_characters_ignorecase_equates_fold_alike():
    to_ascii = set()
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF or chr(code) == UNFOLDABLE:
            continue
        char = chr(code)
        lower = _sre.unicode_tolower(code)
        upper = char.upper()
        for other in (
            lower,
            *_casefix._EXTRA_CASES.get(lower, ()),
            *([ord(upper)] if len(upper) == 1 else []),
        ):
            if chr(other) != UNFOLDABLE:
                assert fold(char) == fold(chr(other)), (hex(code), hex(other))
        if code >= 0x80 and precheck._canonical(code) < 0x80:
            to_ascii.add(code)
    assert to_ascii == set(precheck._TO_ASCII)  # what a character range's non-ASCII part may fold to


def test_hyperscan_sees_the_folded_alphabet_as_re_does():
    alphabet = sorted({fold(chr(c)) for c in range(0x80)} | set(STAND_INS))
    # Hyperscan's expression, and what it stands for in Python (as ``pieces`` writes them)
    probes = {r"\w": r"\w", r"\W": r"\W", r"\d": r"\d", r"\D": r"\D", r"\s": r"\s", r"\S": r"\S"}
    probes |= {r"[^\n]": ".", r"a\b": r"a\b", r"a\B": r"a\B", "a$": "a$", r"a\z": r"a\Z", "^a": r"\Aa"}
    database = hyperscan.Database()
    database.compile(
        expressions=[p.encode() for p in probes],
        ids=list(range(len(probes))),
        flags=hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY,
    )
    for char in alphabet:
        for text in (char, f"a{char}", f"a{char}b", f"{char}a"):
            found: set[int] = set()
            database.scan(text.encode(), match_event_handler=lambda i, *_, seen=found: seen.add(i))
            expected = {i for i, python in enumerate(probes.values()) if re.search(python, text)}
            assert found == expected, (repr(text), sorted(found), sorted(expected))


# -- rewriting patterns -----------------------------------------------------------------------
def test_pieces_relax_what_hyperscan_cannot_take_and_cut_word_windows():
    assert pieces(r"(\w+) and \1", re.I) is None  # a back-reference: always run
    assert pieces(r"(?:the )?", re.I) is None  # can match anywhere
    lookaround = pieces(r"(?<!no )fees?(?! waived)", re.I)
    assert lookaround is not None and len(lookaround) == 1 and len(lookaround[0]) == 1
    window = pieces(r"employers?\W+(?:\w+\W+){0,4}?(?:shall|will) reimburse", re.I)
    assert window is not None and len(window[0]) == 2  # cut at the window of words
    assert len(pieces(r"(?:passports?|identity cards?)|travel documents?", re.I)) == 3  # alternatives


@pytest.mark.parametrize(
    ("pattern", "text", "re_finds", "let_through"),
    [
        (r"passports?\b", "The PASSPORT of the worker", True, True),
        (r"\bfees?\b", "coffee breaks", False, False),
        (r"recruitment[- ]fees", "Recruitment\u2010fees", False, False),  # a hyphen of another code point
        (r"travel\s+costs", "travel\u00a0costs", True, True),
        (r"[^,]+ shall", "Workers shall", True, True),
        (r"\d{2,} days", "\u0663\u0660 days", True, True),  # digits of other scripts are \d to re
        (r"\u216b", "\u217b", True, True),  # non-ASCII letters: one stand-in for all
        # relaxed, so let through where re then finds nothing: never the other way round
        (r"(?<!no )fees", "no fees", False, True),
        (r"(?-i:[A-Z]{2,6})\b", "the iom", False, True),
    ],
)
def test_a_pattern_is_let_through_wherever_re_finds_it(
    pattern, text, re_finds, let_through, tmp_path, monkeypatch
):
    monkeypatch.setenv("BLMA_CACHE_DIR", str(tmp_path))
    guarded = Guarded(re.compile(pattern, re.I))
    checks = use_precheck([guarded])
    assert bool(re.search(pattern, text, re.I)) is re_finds
    found = checks.found(text)
    assert any(option <= found for option in guarded.options) is let_through
    assert bool(guarded.search(Sentence(text))) is re_finds


# -- the database and its cache -----------------------------------------------------------------
def small_set() -> PatternSet:
    return PatternSet(["passport", r"recruit\w*\s+fees?", r"\bwages?\b"])


def test_the_database_is_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("BLMA_CACHE_DIR", str(tmp_path))
    first = small_set()
    assert first.found("Recruitment fees and wages") == {1, 2}
    assert (tmp_path / first.file_name).exists()
    second = small_set()
    monkeypatch.setattr(PatternSet, "_build", lambda self: pytest.fail("built although cached"))
    assert second.found("the passport") == {0}


def test_a_damaged_or_stale_cache_file_is_never_used(tmp_path, monkeypatch):
    monkeypatch.setenv("BLMA_CACHE_DIR", str(tmp_path))
    small_set().load()
    path = tmp_path / small_set().file_name
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF  # one flipped bit in the database
    path.write_bytes(bytes(data))
    builds = []
    original = PatternSet._build
    monkeypatch.setattr(PatternSet, "_build", lambda self: builds.append(1) or original(self))
    assert small_set().found("Recruitment fees") == {1}
    assert builds == [1]
    other = PatternSet(["passport", r"recruit\w*\s+fees?"])  # other patterns: another file
    assert other.file_name != small_set().file_name


def test_without_a_writable_cache_or_any_database_nothing_is_ruled_out(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("BLMA_CACHE_DIR", str(blocked / "cache"))
    assert small_set().found("Recruitment fees") == {1}  # built, used, just not kept
    monkeypatch.setattr(PatternSet, "_build", lambda self: None)
    monkeypatch.setenv("BLMA_CACHE_DIR", "off")
    guarded = Guarded(re.compile(r"recruit\w*\s+fees?", re.I))
    checks = use_precheck([guarded])
    assert checks.found("Recruitment fees") is None
    assert guarded.search(Sentence("Recruitment fees are banned")).group(0) == "Recruitment fees"


def test_the_analysis_is_the_same_without_the_pre_check():
    """The fallback (no Hyperscan, or BLMA_PRECHECK=off) gives the very same reports."""
    paths = [
        ROOT / "sample_agreements" / "kestria_tenebria_domestic.docx",
        ROOT / "tests" / "devset" / "irvalis_hestria_eps_mou.txt",
    ]
    code = (
        "import json, sys\nfrom blma.analysis import default_analyzer, precheck\nfrom blma.reading import read_path\n"
        "assert not precheck.ENABLED\n"
        "print(json.dumps([default_analyzer().analyze(read_path(p)).contract_dict() for p in sys.argv[1:]]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "BLMA_PRECHECK": "off"},
    )
    without = json.loads(run.stdout)
    with_it = [default_analyzer().analyze(read_path(p)).contract_dict() for p in paths]
    assert without == json.loads(json.dumps(with_it))


def test_threads_analysing_at_once_get_the_same_reports():
    """Hyperscan's scratch space is per thread; each thread's analysis shares sentences only with itself."""
    paths = sorted((ROOT / "sample_agreements").glob("*.docx"))[:4]
    docs = [read_path(p) for p in paths]
    analyzer = default_analyzer()
    alone = [analyzer.analyze(d).contract_dict() for d in docs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda d: analyzer.analyze(d).contract_dict(), docs * 2))
    assert together == alone * 2


def test_a_failing_scan_rules_nothing_out(tmp_path, monkeypatch):
    monkeypatch.setenv("BLMA_CACHE_DIR", str(tmp_path))
    patterns = small_set()
    patterns.load()

    class Refusing:
        def scan(self, *args, **kwargs):
            raise hyperscan.error("scratch in use")

    patterns._state = (Refusing(), frozenset())
    patterns._local.scratch = object()
    assert patterns.found("Recruitment fees") is None
