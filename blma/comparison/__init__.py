"""Comparing agreements (protection matrix), versions (alignment, word differences, status
changes, tracked changes) and annotating an agreement for review (comments and redline)."""
