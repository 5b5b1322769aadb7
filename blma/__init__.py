"""BLMA workbench: draft, review and compare bilateral labour migration agreements."""

__version__ = "0.1.0"
