"""Benchmark of reading and gap analysis: the figures the README quotes.

Measures, on this machine:
- a ~40-page agreement (about 18,000 words, the sample agreements' text run together):
  python-docx alone opening it and reading every paragraph and table cell, against
  ``read_path`` + ``analyze`` (target: at most 3x python-docx);
- the pipeline's load time in a fresh process: import + ``default_analyzer()`` (target: < 1 s);
- batch throughput over 500 agreements with 2 worker processes (the sample files repeated);
- peak memory (ru_maxrss) of a fresh process that reads and analyses a 500-page agreement.

Prints a Markdown table and writes it to docs/benchmark.md. Run with ``make bench``;
``--quick`` uses 100 agreements for the batch (for a smoke run), not for published figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from make_bad_inputs import long_agreement_docx  # noqa: E402

SAMPLES = sorted((ROOT / "sample_agreements").glob("*.docx"))
TARGET_WORDS = 18_000  # ~40 pages at ~450 words a page
OUT = ROOT / "docs" / "benchmark.md"


# -- the documents ----------------------------------------------------------------------------
def build_forty_pages(path: Path, target_words: int = TARGET_WORDS) -> int:
    """Run the samples' paragraphs and tables together into one agreement; returns its words."""
    document = Document()
    styles = {s.name: s for s in document.styles if s.type == 1}  # paragraph styles, looked up once
    words = 0
    while words < target_words:
        for sample in SAMPLES:
            source = Document(sample)
            for item in source.iter_inner_content():
                if hasattr(item, "rows"):
                    rows = [[cell.text for cell in row.cells] for row in item.rows]
                    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                    for r, texts in enumerate(rows):
                        for c, text in enumerate(texts):
                            table.cell(r, c).text = text
                    words += sum(len(t.split()) for row in rows for t in row)
                elif item.text.strip():
                    name = item.style.name if item.style is not None else "Normal"
                    document.add_paragraph(item.text, style=styles.get(name, styles["Normal"]))
                    words += len(item.text.split())
            if words >= target_words:
                break
    document.save(path)
    return words


# -- timings ----------------------------------------------------------------------------------
def best_of(n: int, run) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def python_docx_only(path: Path) -> None:
    document = Document(path)
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert texts


def fresh_process(code: str) -> dict:
    """Run ``code`` in a new interpreter; it prints one JSON object as its last line."""
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=600
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


LOAD_CODE = """
import json, time
start = time.perf_counter()
from blma.analysis import default_analyzer
default_analyzer()
print(json.dumps({"load": time.perf_counter() - start}))
"""

MEMORY_CODE = """
import json, resource, sys, time
from pathlib import Path
from blma.analysis import default_analyzer
from blma.reading import read_path

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0

analyzer = default_analyzer()
loaded = status("VmRSS")
try:  # reset the peak (VmHWM) so it covers the reading and the analysis only (Linux >= 4.0)
    Path("/proc/self/clear_refs").write_text("5")
except OSError:
    pass
start = time.perf_counter()
doc = read_path({path!r})
read = time.perf_counter() - start
report = analyzer.analyze(doc)
print(json.dumps({{
    "words": doc.word_count, "read": read, "total": time.perf_counter() - start,
    "loaded_kb": loaded, "peak_work_kb": status("VmHWM"),
    "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}}))
"""


def _init_worker() -> None:
    from blma.analysis import default_analyzer

    default_analyzer()


def _analyze_one(path: str) -> int:
    from blma.analysis import default_analyzer
    from blma.reading import read_path

    return len(default_analyzer().analyze(read_path(path)).protections)


def batch(paths: list[str], workers: int) -> float:
    """Wall time to analyse ``paths`` with ``workers`` processes, pipeline loading excluded."""
    with multiprocessing.Pool(workers, initializer=_init_worker) as pool:
        pool.map(_init_noop, range(workers))  # wait until every worker has loaded the pipeline
        start = time.perf_counter()
        done = sum(pool.imap_unordered(_analyze_one, paths, chunksize=8))
        elapsed = time.perf_counter() - start
    assert done == 34 * len(paths)
    return elapsed


def _init_noop(_: int) -> None:
    time.sleep(0.2)  # long enough that every worker takes one


# -- report -----------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 agreements in the batch, not 500")
    parser.add_argument("--no-write", action="store_true", help=f"print only; do not write {OUT.name}")
    args = parser.parse_args()

    from blma.analysis import default_analyzer
    from blma.reading import read_path

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        forty = folder / "agreement_40_pages.docx"
        words = build_forty_pages(forty)
        analyzer = default_analyzer()
        baseline = best_of(5, lambda: python_docx_only(forty))
        reading = best_of(3, lambda: read_path(forty))
        doc = read_path(forty)
        analysing = best_of(3, lambda: analyzer.analyze(doc))
        pipeline = best_of(3, lambda: analyzer.analyze(read_path(forty)))
        ratio = pipeline / baseline
        rows += [
            ("40-page agreement", f"{words:,} words, {forty.stat().st_size / 1024:.0f} KB", ""),
            ("python-docx alone: open + every paragraph and cell", f"{baseline * 1000:.0f} ms", "baseline"),
            ("`read_path` (structure, locations)", f"{reading * 1000:.0f} ms", ""),
            ("`analyze` (34 protections)", f"{analysing * 1000:.0f} ms", ""),
            (
                "`read_path` + `analyze`",
                f"{pipeline * 1000:.0f} ms",
                f"{ratio:.1f}x python-docx (target ≤ 3x)",
            ),
        ]

        loads = [fresh_process(LOAD_CODE)["load"] for _ in range(3)]
        load = min(loads)
        rows.append(
            ("pipeline load, fresh process (import + `default_analyzer()`)", f"{load:.2f} s", "target < 1 s")
        )

        count = 100 if args.quick else 500
        paths = [str(SAMPLES[i % len(SAMPLES)]) for i in range(count)]
        elapsed = batch(paths, workers=2)
        rows.append(
            (
                f"batch: {count} agreements, 2 worker processes",
                f"{elapsed:.1f} s",
                f"{count / elapsed:.1f} agreements/s ({len(SAMPLES)} samples repeated)",
            )
        )

        long = long_agreement_docx(folder, pages=500)
        memory = fresh_process(MEMORY_CODE.format(path=str(long)))
        rows += [
            (
                "500-page agreement: read + analyse, fresh process",
                f"{memory['total']:.1f} s",
                f"{memory['words']:,} words, {long.stat().st_size / 1024:.0f} KB; reading {memory['read']:.1f} s",
            ),
            (
                "500-page agreement: peak memory of the process (ru_maxrss)",
                f"{memory['maxrss_kb'] / 1024:.0f} MB",
                f"{memory['loaded_kb'] / 1024:.0f} MB resident with the pipeline loaded; "
                f"peak while reading and analysing: {memory['peak_work_kb'] / 1024:.0f} MB",
            ),
        ]

    from bench_compare import bench_compare  # beside this script

    compared = bench_compare()
    rows.append(
        (
            "compare two 40-page agreements (read, analyse, align, diff)",
            f"{compared['compare_s']:.2f} s",
            f"{compared['words']:,} words each; tracked-changes DOCX {compared['docx_s']:.2f} s more",
        )
    )

    table = markdown(rows)
    print(table)
    if not args.no_write:
        OUT.write_text(page(table), encoding="utf-8")
        print(f"\nwrote {OUT.relative_to(ROOT)}")
    return 0


def markdown(rows: list[tuple[str, str, str]]) -> str:
    lines = ["| Measure | Result | Note |", "| --- | ---: | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def page(table: str) -> str:
    machine = (
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f} at the end "
        "(other work on the machine slows every figure)"
    )
    return (
        "# Benchmark\n\n"
        f"Measured by `make bench` (`scripts/benchmark.py`) on {date.today().isoformat()}; {machine}.\n"
        "Times are the best of 3 to 5 runs (pipeline load: best of 3 fresh processes); the batch and the 500-page figures are one run each.\n\n"
        f"{table}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
