"""The BLMA workbench: draft, review, compare and learn about labour migration agreements.

Run from the project root (``make run``) so that ``.streamlit/config.toml`` applies: it
binds the server to this machine (127.0.0.1), turns off usage statistics and error details
in the browser, and sets the upload limit. Each page is one file in
``app_pages/`` and calls :mod:`blma.api` only. The folder is deliberately not named
``pages/``: Streamlit treats a ``pages/`` folder as an old-style multipage app, and the
first visit to a deep link such as ``/review`` on a fresh server would then run that page
without this script's navigation, page settings or theme.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from blma_app import keep

HERE = Path(__file__).resolve().parent

st.set_page_config(
    page_title="BLMA workbench",
    page_icon=str(HERE / "blma_app" / "favicon.png"),  # a local file: icon names would fetch from a CDN
    layout="wide",
    menu_items={"About": "Drafting and review workbench for bilateral labour migration agreements and MoUs."},
)

PAGES = [
    st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("app_pages/draft.py", title="Draft", icon=":material/edit_document:"),
    st.Page("app_pages/review.py", title="Review", icon=":material/fact_check:"),
    st.Page("app_pages/compare.py", title="Compare", icon=":material/compare:"),
    st.Page("app_pages/learn.py", title="Learn", icon=":material/school:"),
]

keep.bind()  # the address carries this session's token, so a reload finds its work again
st.navigation(PAGES).run()
