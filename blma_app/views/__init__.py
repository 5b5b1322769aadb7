"""The app's pages, one file each, run by ``st.navigation`` in ``app.py`` (never imported).

Each page is a thin view: it calls :mod:`blma.api` for what the tool knows and the helpers
beside this folder (:mod:`blma_app`) for state, status words and export bytes.
"""
