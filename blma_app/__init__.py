"""The Streamlit app: ``app.py`` at the project root sets the page config and navigation;
everything else is here.

- ``views/``: the pages (home, draft, review, compare, learn), one file each, calling
  :mod:`blma.api` for everything the tool knows.
- The modules beside it hold only what a view needs: cached resources, status words and
  colours, form state, export bytes, plain-words reasons, the server's queue for heavy work
  (``analysis_queue``) and the store that keeps a session's work across a browser reload
  (``keep``).
"""
