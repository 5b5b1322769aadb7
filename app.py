"""The BLMA workbench: draft, review, compare and learn about labour migration agreements.

Run from the project root (``make run``) so that ``.streamlit/config.toml`` applies: it
binds the server to this machine (127.0.0.1), turns off usage statistics and error details
in the browser, and sets the upload limit. This script only sets the page config and the
navigation; the app itself is the :mod:`blma_app` package, one file per page in
``blma_app/views/``, each calling :mod:`blma.api` only. The pages do not sit in a folder
named ``pages/`` beside this script: Streamlit treats such a folder as an old-style
multipage app, and the first visit to a deep link such as ``/review`` on a fresh server
would then run that page without this script's navigation, page settings or theme.
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
    st.Page("blma_app/views/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("blma_app/views/draft.py", title="Draft", icon=":material/edit_document:"),
    st.Page("blma_app/views/review.py", title="Review", icon=":material/fact_check:"),
    st.Page("blma_app/views/compare.py", title="Compare", icon=":material/compare:"),
    st.Page("blma_app/views/learn.py", title="Learn", icon=":material/school:"),
]

keep.bind()  # the address carries this session's token, so a reload finds its work again
st.navigation(PAGES).run()
