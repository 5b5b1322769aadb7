"""View helpers for the Streamlit app (``app.py``, ``app_pages/``).

Pages call :mod:`blma.api` for everything the tool knows; this package only holds what a
view needs: cached resources, status words and colours, form state, export bytes, plain-words
reasons, the server's queue for heavy work (``analysis_queue``) and the store that keeps a
session's work across a browser reload (``keep``).
"""
