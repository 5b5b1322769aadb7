"""Compiled regular expressions kept between runs, so that a fresh process does not parse and
compile again the cue patterns it has compiled before.

Python's ``re`` parses a pattern and compiles it to a list of integer opcodes, then hands the
list to its C engine (``_sre.compile``); it keeps the result only for the life of the process.
The rules' patterns are long (a few thousand characters each, from the concept lists), and a
fresh ``blma analyze`` of a small file compiles about a hundred of them: some 80 ms of a start
that should take well under a second. Here the opcodes of each pattern are kept in the user's
cache (:mod:`blma.user_cache`), keyed by the interpreter's bytecode tag and the regex engine's
version, and a pattern seen before goes straight to the C engine.

This leans on CPython's own compiler (``re._compiler``, ``_sre``), which is not a public API: on
any other interpreter, version or surprise it falls back to ``re.compile``, and a test holds the
two to the same results. Nothing here is needed for a right answer, only for a fast one.
"""

from __future__ import annotations

import array
import atexit
import pickle
import re
import sys
import threading

from blma import user_cache

try:  # CPython's regex compiler and engine; absent or different elsewhere
    import _sre
    from re import _compiler, _parser

    _ENGINE: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
except (ImportError, AttributeError):  # pragma: no cover - other interpreters
    _ENGINE = None

#: the most patterns the cache file keeps; beyond it, only those this process used
KEPT = 6000

#: (flags, opcodes as the bytes of an unsigned-int array, groups, group index, index group); bytes
#: rather than arrays because unpickling two thousand arrays took 40 ms of every start, bytes 8 ms
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_lock = threading.Lock()
_known: dict[tuple[str, int], _Entry] | None = None
_used: set[tuple[str, int]] = set()
_added = False


def _file_name() -> str:
    return f"regexcode-{_ENGINE}-2.pickle"  # 2: opcodes kept as bytes


def _load() -> dict[tuple[str, int], _Entry]:
    data = user_cache.read(_file_name())
    if data is None:
        return {}
    try:
        known = pickle.loads(data)  # our own file, checked by its CRC-32 in user_cache.read
    except Exception:  # any unreadable cache is simply rebuilt
        return {}
    return known if isinstance(known, dict) else {}


def _compile_to_entry(source: str, flags: int) -> tuple[re.Pattern[str], _Entry]:
    """What ``re._compiler.compile`` does, keeping the opcodes it hands to the engine."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: _Entry = (
        flags | parsed.state.flags,
        array.array("I", code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return _from_entry(source, entry), entry


def _from_entry(source: str, entry: _Entry) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    opcodes = array.array("I")
    opcodes.frombytes(code)
    return _sre.compile(source, final_flags, opcodes.tolist(), groups, groupindex, indexgroup)


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the opcodes kept by an earlier run when there are some."""
    global _known, _added
    if _ENGINE is None or flags & re.DEBUG:
        return re.compile(source, flags)
    key = (source, flags)
    with _lock:
        if _known is None:
            _known = _load()
            atexit.register(save)
        entry = _known.get(key)
        _used.add(key)
    try:
        if entry is not None:
            return _from_entry(source, entry)
        compiled, entry = _compile_to_entry(source, flags)
    except Exception:  # an interpreter whose internals differ: the public way, uncached
        return re.compile(source, flags)
    with _lock:
        _known[key] = entry
        _added = True
    return compiled


def save() -> None:
    """Write the patterns compiled in this process to the cache (at exit; only when new ones came)."""
    global _added
    with _lock:
        if not _added or _known is None:
            return
        kept = _known if len(_known) <= KEPT else {k: v for k, v in _known.items() if k in _used}
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        _added = False
    user_cache.write(_file_name(), data)
