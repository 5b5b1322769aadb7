"""Work that survives a browser reload: the agreement under review, its decisions, the draft form.

A reload opens a new Streamlit session whose session state is empty; only the address is
kept. So each session files its work on the server under a random token that it writes into
the address (``?work=…``), and a new session that arrives with the token takes the work back.
The work stays in memory, never on disk, and is bounded: at most ``MAX_ENTRIES`` sessions'
work, ``MAX_BYTES`` of uploaded documents in all, each kept ``MAX_IDLE_S`` after its last use;
the least recently used goes first. Whoever has the address has the work, as with any
session link: the server listens on this machine only unless configured otherwise.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

PARAM = "work"
TOKEN_KEY = "keep.token"
MAX_ENTRIES = 64
MAX_BYTES = 400 * 1024 * 1024
MAX_IDLE_S = 8 * 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass
class _Entry:
    used: float
    sections: dict[str, Any] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(self.sizes.values())


class WorkStore:
    """Sections of work by token, least recently used first; safe to share between sessions."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES, max_idle_s: float = MAX_IDLE_S):
        self.max_entries, self.max_bytes, self.max_idle_s = max_entries, max_bytes, max_idle_s
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token: str, section: str) -> Any:
        with self._lock:
            self._expire()
            entry = self._entries.get(token)
            if entry is None:
                return None
            entry.used = time.monotonic()
            self._entries.move_to_end(token)
            return entry.sections.get(section)

    def put(self, token: str, section: str, value: Any, size: int = 0) -> None:
        """Keep ``value`` (``None`` forgets it); ``size`` is the bytes it holds, for the bound."""
        with self._lock:
            entry = self._entries.setdefault(token, _Entry(time.monotonic()))
            entry.used = time.monotonic()
            self._entries.move_to_end(token)
            if value is None:
                entry.sections.pop(section, None)
                entry.sizes.pop(section, None)
            else:
                entry.sections[section], entry.sizes[section] = value, size
            self._expire()

    def _expire(self) -> None:
        now = time.monotonic()
        while self._entries:
            oldest = next(iter(self._entries.values()))
            total = sum(e.size for e in self._entries.values())
            if (
                now - oldest.used > self.max_idle_s
                or len(self._entries) > self.max_entries
                or (total > self.max_bytes and len(self._entries) > 1)
            ):
                self._entries.popitem(last=False)
            else:
                break


@st.cache_resource(show_spinner=False)
def store() -> WorkStore:
    """The server's one store (shared by its sessions, gone when it stops)."""
    return WorkStore()


def bind() -> str:
    """This session's token, taken from the address after a reload, and written back into it.

    ``app.py`` calls it on every run, so the address carries the token on every page.
    """
    state = st.session_state
    token = state.get(TOKEN_KEY)
    if token is None:
        arrived = st.query_params.get(PARAM, "")
        token = arrived if _TOKEN.match(arrived) else secrets.token_urlsafe(18)
        state[TOKEN_KEY] = token
    if st.query_params.get(PARAM) != token:
        st.query_params[PARAM] = token
    return token


def save(section: str, value: Any, size: int = 0) -> None:
    """Keep a section of this session's work for a reload (``None`` forgets it)."""
    store().put(bind(), section, value, size)


def restore(section: str) -> Any:
    """The section kept for this session's token, or ``None``."""
    return store().get(bind(), section)
