"""Protection ids in the rubric's own prose, written as their titles for readers.

The rubric cross-refers by id ("Who pays is no_worker_fees.") so that a check can verify each
reference; people read the title instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping


def ids_as_titles(text: str, titles: Mapping[str, str]) -> str:
    """``text`` with each protection id in ``titles`` replaced by its title in quotation marks."""
    if not titles:
        return text
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, titles), key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: f"“{titles[m.group(1)]}”", text)
