"""A seeded mutation fuzzer for the reading boundary: every mutant of a sample agreement must end
in a report or a clear ``DocumentError``, within 20 seconds and 1 GB resident.

Mutants are made from ``sample_agreements/*.docx``: byte flips, truncations and lying ZIP
headers on the package; and, re-zipped, XML mutations of ``word/document.xml``,
``word/numbering.xml`` and ``word/styles.xml`` (hostile attribute values such as
``w:ilvl="1e5"`` or ``w:start="100000000000000000"``, a deleted body, deep nesting, a huge
paragraph, many paragraphs, comment nodes, broken syntax). Each mutant goes through the
public API's ``analyze_bytes`` and ``redline``; each operation runs in a forked child with
its time and resident memory watched, so a hang or a blow-up is caught and counted, not
suffered. Time is the child's CPU time (on a shared machine wall time says more about the
neighbours), with a wall-clock backstop at three times the limit. Case ``k`` of seed ``s`` is
always the same mutant.

    python scripts/fuzz.py --cases 10000 --seed 1          # the full run (make fuzz)
    python scripts/fuzz.py --cases 300 --seed 7 --keep out  # write every failing mutant to out/
    python scripts/fuzz.py --case 4711 --seed 1             # rerun one case, with its traceback
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import random
import re
import resource
import select
import signal
import struct
import sys
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_agreements").glob("*.docx"))
TIME_LIMIT = 20.0  # CPU seconds for one operation (analyse, or redline) of one mutant
WALL_FACTOR = 3  # and never more than this many times as long by the clock
MEMORY_LIMIT = 1024**3  # bytes an operation may add to the resident memory it starts with
#: Outcomes from best to worst; a case takes the worst of its two operations.
OUTCOMES = ("ok", "document_error", "unexpected", "over_time", "over_memory")
OPERATIONS = ("analyze", "redline")
XML_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml")
HOSTILE_VALUES = (
    "1e5", "x", "100000000000000000", "1.5", "-1", "", "99999", "0x1F", "NaN", " 7 ", "\u0663",
    "\u00b2", "1" * 5000, "-100000000000000000000", "32768", "9", "-2147483649", "lowerRoman", "&#1;",
)  # fmt: skip
NUMBER_FORMATS = ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimalZero", "bullet", "chicago")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- mutants -----------------------------------------------------------------------------------
@dataclass
class Case:
    number: int
    sample: str
    mutation: str
    data: bytes = field(repr=False)


def _entry(name: str, date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)) -> zipfile.ZipInfo:
    """A deflated member dated ``date_time``: a name alone would be dated now, and the same case
    made twice across a two-second boundary would differ in its headers."""
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The package with some members' bytes replaced (the others copied as they are)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(_entry(info.filename, info.date_time), replace.get(info.filename, zin.read(info)))
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def central_entries(data: bytes) -> list[tuple[int, str]]:
    """(offset, name) of each central-directory entry, to make its header lie."""
    found, at = [], 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0 and at + 46 <= len(data):
        length = struct.unpack_from("<H", data, at + 28)[0]
        found.append((at, data[at + 46 : at + 46 + length].decode("cp437")))
        at += 4
    return found


def _flip_bytes(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    out = bytearray(data)
    count = rng.randint(1, 8)
    for _ in range(count):
        out[rng.randrange(len(out))] ^= rng.randint(1, 255)
    return f"flip {count} bytes", bytes(out)


def _flip_headers(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    out = bytearray(data)
    spots = [m.start() for m in re.finditer(rb"PK(?:\x03\x04|\x01\x02|\x05\x06)", data)]
    at = rng.choice(spots) + rng.randrange(4, 46)
    out[min(at, len(out) - 1)] ^= rng.randint(1, 255)
    return f"flip a header byte at {at}", bytes(out)


def _truncate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    cut = rng.randrange(1, len(data))
    return f"truncate at {cut}", data[:cut]


def _splice(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 400))
    if rng.random() < 0.5:
        return f"delete bytes {start}-{end}", data[:start] + data[end:]
    return f"repeat bytes {start}-{end}", data[:end] + data[start:end] * rng.randint(1, 20) + data[end:]


def _lying_header(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A central-directory entry that lies: sizes, checksum, method or flags."""
    out = bytearray(data)
    at, name = rng.choice(central_entries(data))
    field_name, offset, size, value = rng.choice(
        [
            ("uncompressed size", 24, 4, rng.choice([0, 1, 100, 2**31, 2**32 - 1])),
            ("compressed size", 20, 4, rng.choice([0, 1, 2**31])),
            ("checksum", 16, 4, rng.randrange(2**32)),
            ("method", 10, 2, rng.choice([1, 6, 9, 12, 14, 93, 99])),
            ("flags", 8, 2, rng.choice([1, 8, 0x41, 0x800])),
            ("local header offset", 42, 4, rng.randrange(len(data))),
        ]
    )
    out[at + offset : at + offset + size] = value.to_bytes(size, "little")
    return f"{name}: {field_name} says {value}", bytes(out)


def _inflating_lie(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A part that inflates to far more than its header says (up to 300 MB of zeros)."""
    size = rng.choice([10, 50, 300]) * 1024 * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(_entry(info.filename, info.date_time), zin.read(info))
        with zout.open(_entry("word/media/filler.bin"), "w") as filler:  # streamed: never 300 MB in memory
            for _ in range(size // 2**20):
                filler.write(bytes(2**20))
    package = bytearray(out.getvalue())
    for at, name in central_entries(bytes(package)):
        if name == "word/media/filler.bin":
            package[at + 24 : at + 28] = (1000).to_bytes(4, "little")
    return f"a {size // 2**20} MB part declared as 1000 bytes", bytes(package)


def _xml(mutate: Callable[[random.Random, str], tuple[str, str]], parts=XML_PARTS):
    """An XML-level mutation: one part decoded, changed as text, and zipped again."""

    def apply(rng: random.Random, data: bytes) -> tuple[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            present = [p for p in parts if p in package.namelist()]
        part = rng.choice(present)
        said, text = mutate(rng, member(data, part).decode("utf-8"))
        return f"{part}: {said}", rezip(data, {part: text.encode("utf-8")})

    apply.__name__ = mutate.__name__
    return apply


def _attribute(rng: random.Random, xml: str) -> tuple[str, str]:
    spots = list(re.finditer(r'(w:[A-Za-z]+)="([^"]*)"', xml))
    numeric = [m for m in spots if re.fullmatch(r"-?\d+", m.group(2))]
    spot = rng.choice(numeric if numeric and rng.random() < 0.7 else spots)
    value = rng.choice(HOSTILE_VALUES).replace("&", "&amp;") if rng.random() < 0.95 else "&#1;"
    return f'{spot.group(1)}="{value[:30]}"', xml[: spot.start(2)] + value + xml[spot.end(2) :]


def _numbering(rng: random.Random, xml: str) -> tuple[str, str]:
    """Hostile list definitions where they are used: starts, formats and levels."""
    start = rng.choice(["100000000000000000", "1000000000", "32768", "-5", "x", "1e5"])
    fmt = rng.choice(NUMBER_FORMATS)
    xml = re.sub(r'<w:start w:val="[^"]*"/>', f'<w:start w:val="{start}"/>', xml)
    xml = re.sub(r'<w:numFmt w:val="[^"]*"/>', f'<w:numFmt w:val="{fmt}"/>', xml)
    if rng.random() < 0.3:
        xml = re.sub(r'<w:lvlText w:val="[^"]*"/>', '<w:lvlText w:val="' + "%1%2%3" * 50 + '"/>', xml)
    return f"every list starts at {start}, format {fmt}", xml


def _number_paragraphs(rng: random.Random, xml: str) -> tuple[str, str]:
    """Automatic numbering on body paragraphs, with hostile levels and ids."""
    level = rng.choice(["0", "8", "9", "1e5", "1.5", "-1", "100000000000000000"])
    num_id = rng.choice(["1", "2", "5", "9", "0", "999", "x"])
    numpr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    count = 0

    def add(match: re.Match[str]) -> str:
        nonlocal count
        if rng.random() < 0.3:
            count += 1
            return match.group(0) + f"<w:pPr>{numpr}</w:pPr>"
        return match.group(0)

    return f"{numpr} on some paragraphs", re.sub(r"<w:p>(?!<w:pPr>)", add, xml)


def _delete_element(rng: random.Random, xml: str) -> tuple[str, str]:
    tag = rng.choice(["w:body", "w:p", "w:r", "w:tbl", "w:tc", "w:tr", "w:pPr", "w:numPr", "w:abstractNum",
                      "w:num", "w:style", "w:lvl", "w:sectPr", "w:t"])  # fmt: skip
    spots = list(re.finditer(rf"<{tag}\b[^>]*?(?:/>|>.*?</{tag}>)", xml, re.S))
    if not spots:
        return f"no {tag} to delete", xml
    spot = rng.choice(spots) if tag != "w:body" else spots[0]
    return f"delete a {tag}", xml[: spot.start()] + xml[spot.end() :]


def _deep_nesting(rng: random.Random, xml: str) -> tuple[str, str]:
    depth = rng.choice([5, 12, 40, 90, 130, 300])
    kind = rng.choice(["table", "sdt", "ins", "unknown"])
    opening, closing = {
        "table": ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
        "sdt": ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        "ins": ('<w:ins w:id="1" w:author="x">', "</w:ins>"),
        "unknown": ("<w:zz>", "</w:zz>"),
    }[kind]
    spots = list(re.finditer(r"<w:p>.*?</w:p>", xml, re.S))
    if not spots:
        return "no paragraph to nest", xml
    spot = rng.choice(spots)
    wrapped = opening * depth + spot.group(0) + closing * depth
    return f"a paragraph inside {depth} nested {kind}", xml[: spot.start()] + wrapped + xml[spot.end() :]


def _huge_paragraph(rng: random.Random, xml: str) -> tuple[str, str]:
    size = rng.choice([20_000, 200_000, 1_000_000])
    filler = rng.choice(["words", "parens", "one word", "digits", "sentences"])
    text = {
        "words": ("lorem ipsum dolor sit amet " * (size // 27 + 1))[:size],
        "parens": "(" * size,
        "one word": "a" * size,
        "digits": "1" * size,
        "sentences": ("The worker shall be paid. " * (size // 26 + 1))[:size],
    }[filler]
    spots = list(re.finditer(r"<w:t(?: [^>]*)?>", xml))
    if not spots:
        return "no text to grow", xml
    spot = rng.choice(spots)
    return f"a {size:,}-character paragraph of {filler}", xml[: spot.end()] + text + xml[spot.end() :]


def _many_paragraphs(rng: random.Random, xml: str) -> tuple[str, str]:
    count = rng.choice([1_000, 10_000, 50_000])
    body = xml.find("<w:body>")
    if body < 0:
        return "no body to fill", xml
    filler = "<w:p><w:r><w:t>Short.</w:t></w:r></w:p>" * count
    return f"{count:,} short paragraphs", xml[: body + 8] + filler + xml[body + 8 :]


def _comment_nodes(rng: random.Random, xml: str) -> tuple[str, str]:
    node = rng.choice(["<!-- a comment -->", "<?blma instruction?>", "<![CDATA[raw]]>"])
    spots = [m.end() for m in re.finditer(r"<w:(?:body|p|r|pPr|tbl|tr|tc|numbering|abstractNum|styles|style)>", xml)]
    if not spots:
        return "nowhere to put a node", xml
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 20))), reverse=True)
    for at in chosen:
        xml = xml[:at] + node + xml[at:]
    return f"{len(chosen)} × {node}", xml


def _break_syntax(rng: random.Random, xml: str) -> tuple[str, str]:
    how = rng.choice(["truncate", "drop <", "drop >", "garbage", "bad encoding", "undeclared prefix", "doctype"])
    at = rng.randrange(len(xml))
    if how == "truncate":
        return how, xml[:at]
    if how in ("drop <", "drop >"):
        spots = [m.start() for m in re.finditer(re.escape(how[-1]), xml)]
        at = rng.choice(spots)
        return how, xml[:at] + xml[at + 1 :]
    if how == "garbage":
        return how, xml[:at] + "".join(chr(rng.randrange(1, 0x3000)) for _ in range(8)) + xml[at:]
    if how == "bad encoding":
        return how, xml.replace("encoding='UTF-8'", "encoding='EBCDIC'").replace('encoding="UTF-8"', 'encoding="EBCDIC"')
    if how == "undeclared prefix":
        return how, xml.replace("<w:p>", "<q:p>", 3).replace("</w:p>", "</q:p>", 3)
    return how, xml.replace("?>", '?><!DOCTYPE x [<!ENTITY e "e">]>', 1)


def _swap_structure(rng: random.Random, xml: str) -> tuple[str, str]:
    """Well-formed but out of place: a table in a run, a body in a paragraph, text at the top."""
    how = rng.choice(["table in run", "paragraph in text", "body twice", "text in body", "namespace"])
    if how == "table in run":
        return how, xml.replace("<w:r>", "<w:r><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", 5)
    if how == "paragraph in text":
        return how, re.sub(r"(<w:t(?: [^>]*)?>)", r"\1<w:p><w:r><w:t>x</w:t></w:r></w:p>", xml, count=5)
    if how == "body twice":
        return how, xml.replace("<w:body>", "<w:body><w:body><w:p/></w:body>", 1)
    if how == "text in body":
        return how, xml.replace("<w:body>", "<w:body>loose text", 1)
    return how, xml.replace(W, "urn:not-wordprocessingml", 1)


#: (mutation, weight): byte-level first, then XML-level; the heavy ones (MBs of text) are rare.
MUTATIONS: list[tuple[Callable[[random.Random, bytes], tuple[str, bytes]], float]] = [
    (_flip_bytes, 14),
    (_flip_headers, 6),
    (_truncate, 8),
    (_splice, 4),
    (_lying_header, 8),
    (_inflating_lie, 0.5),
    (_xml(_attribute), 16),
    (_xml(_numbering, ("word/numbering.xml",)), 6),
    (_xml(_number_paragraphs, ("word/document.xml",)), 6),
    (_xml(_delete_element), 8),
    (_xml(_deep_nesting, ("word/document.xml",)), 4),
    (_xml(_huge_paragraph, ("word/document.xml",)), 1.5),
    (_xml(_many_paragraphs, ("word/document.xml",)), 1.5),
    (_xml(_comment_nodes), 6),
    (_xml(_break_syntax), 6),
    (_xml(_swap_structure, ("word/document.xml",)), 4),
]
#: Mutations that build megabytes of text: left out of the fast slice (their reproducers are tests).
HEAVY = {"_inflating_lie", "_huge_paragraph", "_many_paragraphs"}


def make_case(seed: int, number: int, light: bool = False) -> Case:
    """Case ``number`` of ``seed``: always the same sample and the same mutation."""
    rng = random.Random(f"{seed}:{number}")
    sample = rng.choice(SAMPLES)
    choices = [(m, w) for m, w in MUTATIONS if not (light and m.__name__ in HEAVY)]
    mutate = rng.choices([m for m, _ in choices], weights=[w for _, w in choices])[0]
    said, data = mutate(rng, sample.read_bytes())
    return Case(number, sample.name, f"{mutate.__name__.lstrip('_')}: {said}", data)


# -- running -----------------------------------------------------------------------------------
@dataclass
class Result:
    case: Case
    outcomes: dict[str, str]
    details: dict[str, str]
    seconds: dict[str, float]
    peak_mb: float = 0.0

    @property
    def outcome(self) -> str:
        return max(self.outcomes.values(), key=OUTCOMES.index)


def warm_up() -> None:
    """Load the analyzer and run both operations once, so each forked case starts warm."""
    from blma import api

    data = SAMPLES[0].read_bytes()
    api.analyze_bytes(SAMPLES[0].name, data)
    api.redline(data)


def run_operation(operation: str, case: Case, full_traceback: bool = False) -> tuple[str, str]:
    """One operation on one mutant, in this process: (outcome, detail)."""
    from blma import api
    from blma.errors import DocumentError

    name = f"case{case.number}.docx"
    try:
        if operation == "analyze":
            api.analyze_bytes(name, case.data)
        else:
            out = api.redline(case.data)
            api.analyze_bytes("redlined.docx", out)  # the redline must itself be readable
    except DocumentError as exc:
        return "document_error", str(exc)
    except MemoryError:
        return "over_memory", "MemoryError"
    except Exception as exc:  # the fuzzer's job: anything else is a finding
        if full_traceback:
            return "unexpected", traceback.format_exc()
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f"{f.filename.split('/blma/')[-1]}:{f.lineno}" for f in reversed(frames) if "/blma/" in f.filename), "")
        return "unexpected", f"{exc.__class__.__name__}: {str(exc)[:200]} at {where}"
    return "ok", ""


def run_in_process(case: Case) -> Result:
    result = Result(case, {}, {}, {})
    for operation in OPERATIONS:
        started = time.perf_counter()
        result.outcomes[operation], result.details[operation] = run_operation(operation, case)
        result.seconds[operation] = time.perf_counter() - started
        if result.seconds[operation] > TIME_LIMIT:
            result.outcomes[operation] = "over_time"
    return result


def run_isolated(case: Case, time_limit: float = TIME_LIMIT, memory_limit: int = MEMORY_LIMIT) -> Result:
    """Each operation in a forked child, killed past ``time_limit`` or ``memory_limit`` resident."""
    result = Result(case, {}, {}, {})
    for operation in OPERATIONS:
        outcome, detail, seconds, peak = _fork_and_watch(operation, case, time_limit, memory_limit)
        result.outcomes[operation], result.details[operation], result.seconds[operation] = outcome, detail, seconds
        result.peak_mb = max(result.peak_mb, peak / 1024**2)
    return result


def _fork_and_watch(operation: str, case: Case, time_limit: float, memory_limit: int) -> tuple[str, str, float, int]:
    """Run one operation in a child; the memory it is charged is what it allocates: a test worker
    may itself hold more than the limit, and a forked child's resident set counts every page it
    shares with the parent. Watched live, the child's anonymous resident memory beyond the
    parent's at the fork; reported at the end, its peak resident set beyond its own at the start."""
    read_end, write_end = os.pipe()
    started = time.perf_counter()
    inherited = _anonymous_bytes(os.getpid())
    pid = os.fork()
    if pid == 0:  # the child: run, report one JSON line, leave without cleanup
        os.close(read_end)
        try:
            at_start = _resident_bytes(os.getpid())
            soft = _statm_bytes(os.getpid(), VIRTUAL) + 2 * memory_limit  # a backstop; the parent watches RSS
            resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
            usage = resource.getrusage(resource.RUSAGE_SELF)
            cpu_at_start = usage.ru_utime + usage.ru_stime
            outcome, detail = run_operation(operation, case)
            usage = resource.getrusage(resource.RUSAGE_SELF)
            report = [outcome, detail, usage.ru_maxrss * 1024 - at_start, usage.ru_utime + usage.ru_stime - cpu_at_start]
            os.write(write_end, json.dumps(report).encode() + b"\n")
        finally:
            os._exit(0)
    os.close(write_end)
    outcome, detail, peak, cpu = "", "", 0, 0.0
    buffer = b""
    try:
        while True:
            ready, _, _ = select.select([read_end], [], [], 0.05)
            if ready:
                chunk = os.read(read_end, 65536)
                buffer += chunk
                if not chunk:
                    break
            peak = max(peak, _anonymous_bytes(pid) - inherited)
            cpu = max(cpu, _cpu_seconds(pid))
            if peak > memory_limit:
                outcome, detail = "over_memory", f"{peak / 1024**2:.0f} MB more resident"
                break
            if cpu > time_limit or time.perf_counter() - started > WALL_FACTOR * time_limit:
                outcome, detail = "over_time", f"still running after {cpu:.0f} s of CPU time"
                break
    finally:
        if not buffer.endswith(b"\n"):
            _kill(pid)
        os.waitpid(pid, 0)
        os.close(read_end)
    seconds = cpu or time.perf_counter() - started
    if not outcome:
        if buffer.endswith(b"\n"):
            outcome, detail, reported, cpu = json.loads(buffer)
            seconds = cpu
            peak = max(peak, reported)
            if peak > memory_limit:
                outcome, detail = "over_memory", f"{peak / 1024**2:.0f} MB more resident"
        else:
            outcome, detail = "unexpected", "the process died without a word"
    return outcome, detail, seconds, peak


VIRTUAL, RESIDENT = 0, 1  # fields of /proc/<pid>/statm


def _resident_bytes(pid: int) -> int:
    return _statm_bytes(pid, RESIDENT)


def _anonymous_bytes(pid: int) -> int:
    """RssAnon of /proc/<pid>/status: the resident pages no file backs (a fork copies the parent's)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            line = next(line for line in status if line.startswith("RssAnon:"))
        return int(line.split()[1]) * 1024
    except (OSError, StopIteration, IndexError, ValueError):
        return 0


def _statm_bytes(pid: int, field: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a live process, from /proc (fields 14 and 15 of stat)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def fuzz(cases: int, seed: int, *, isolated: bool = True, light: bool = False, first: int = 0, log=None):
    """Run cases ``first`` .. ``first + cases - 1``; yields each :class:`Result`."""
    warm_up()
    gc.collect()
    gc.freeze()  # keep the forked children from copying every object's page on their first collection
    try:
        for number in range(first, first + cases):
            case = make_case(seed, number, light)
            yield run_isolated(case) if isolated else run_in_process(case)
    finally:
        gc.unfreeze()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--case", type=int, help="run only this case, in this process, with its traceback")
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--light", action="store_true", help="leave out the mutations that build megabytes")
    parser.add_argument("--in-process", action="store_true", help="no fork: faster, but no time or memory guard")
    parser.add_argument("--keep", type=Path, help="write each failing mutant here")
    args = parser.parse_args(argv)

    if args.case is not None:
        case = make_case(args.seed, args.case, args.light)
        print(f"case {case.number}: {case.sample}, {case.mutation}")
        worst = "ok"
        for operation in OPERATIONS:
            started = time.perf_counter()
            outcome, detail = run_operation(operation, case, full_traceback=True)
            print(f"{operation}: {outcome} in {time.perf_counter() - started:.1f} s {detail}")
            worst = max(worst, outcome, key=OUTCOMES.index)
        return 0 if worst in ("ok", "document_error") else 1

    counts: Counter[str] = Counter()
    by_operation: Counter[tuple[str, str]] = Counter()
    failures: list[Result] = []
    started = time.perf_counter()
    slowest = (0.0, "")
    peak = 0.0
    for result in fuzz(args.cases, args.seed, isolated=not args.in_process, light=args.light, first=args.first):
        counts[result.outcome] += 1
        for operation, outcome in result.outcomes.items():
            by_operation[(operation, outcome)] += 1
        longest = max(result.seconds.values())
        if longest > slowest[0]:
            slowest = (longest, f"case {result.case.number} ({result.case.mutation})")
        peak = max(peak, result.peak_mb)
        if result.outcome not in ("ok", "document_error"):
            failures.append(result)
            print(f"case {result.case.number} {result.outcome}: {result.case.sample}, {result.case.mutation}: "
                  f"{'; '.join(d for d in result.details.values() if d)}", flush=True)  # fmt: skip
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"case{result.case.number}.docx").write_bytes(result.case.data)
        done = sum(counts.values())
        if done % 500 == 0:
            print(f"... {done} cases, {dict(counts)}", flush=True)
    print(f"\n{sum(counts.values())} cases, seed {args.seed}, {time.perf_counter() - started:.0f} s")
    for outcome in OUTCOMES:
        print(f"  {outcome:15} {counts[outcome]:6}   (analyze {by_operation[('analyze', outcome)]}, "
              f"redline {by_operation[('redline', outcome)]})")  # fmt: skip
    print(f"slowest operation: {slowest[0]:.1f} s, {slowest[1]}")
    if not args.in_process:
        print(f"largest resident memory: {peak:.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
