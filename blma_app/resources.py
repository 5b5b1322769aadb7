"""Heavy objects, loaded once per server process and shared by every session."""

from __future__ import annotations

import streamlit as st

from blma import api


@st.cache_resource(show_spinner="Loading the analyzer (once per server)…")
def analyzer() -> api.Analyzer:
    return api.default_analyzer()


@st.cache_resource(show_spinner=False)
def protections() -> list:
    """The rubric's protections, in rubric order."""
    return api.guidance()


@st.cache_resource(show_spinner=False)
def protection_titles() -> dict[str, str]:
    return {p.id: p.title for p in protections()}


@st.cache_resource(show_spinner=False)
def samples() -> list[api.Sample]:
    return api.samples()


def sample(name: str) -> api.Sample:
    return next(s for s in samples() if s.name == name)
