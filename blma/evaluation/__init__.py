"""Evaluation as code: the labelled sets (``corpus/sets.yaml``), the systems scored on them
(the analyzer and a keyword-search baseline), and the accuracy tables of the README.

``scripts/evaluate.py`` is the one entry point; nothing here imports spaCy until a system
that needs it is built.
"""
