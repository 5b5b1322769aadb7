"""View helpers for the Streamlit app (``app.py``, ``app_pages/``).

Pages call :mod:`blma.api` for everything the tool knows; this package only holds what a
view needs: cached resources, status words and colours, form state and export bytes.
"""
