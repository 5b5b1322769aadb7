"""How a status looks: always a word, with a symbol and a colour that only reinforce it."""

from __future__ import annotations

from dataclasses import dataclass

STATUSES: tuple[str, ...] = ("present", "partial", "missing", "contrary")
#: What needs a reviewer's action first: the Review page lists and counts in this order.
ACTION_ORDER: tuple[str, ...] = ("contrary", "missing", "partial", "present")


@dataclass(frozen=True)
class Look:
    symbol: str  # plain text (tables, CSV, option lists)
    icon: str  # Streamlit Markdown icon (labels, badges); bundled with Streamlit, no emoji font needed
    colour: str  # a Streamlit Markdown colour name
    background: str  # cell background, light enough for dark text (WCAG AA with `text`)
    text: str
    chart: str  # bar colour in charts
    meaning: str


LOOKS: dict[str, Look] = {
    "present": Look("✔", ":material/check_circle:", "green", "#d3f0d8", "#0b3d17", "#2e7d32", "secured in firm, binding wording"),
    "partial": Look("½", ":material/contrast:", "orange", "#ffe9b8", "#4a3300", "#e0a100", "addressed only softly or incompletely"),
    "missing": Look("○", ":material/radio_button_unchecked:", "gray", "#e4e6ea", "#262a30", "#8a9099", "not addressed at all"),
    "contrary": Look("✖", ":material/cancel:", "red", "#f9d0d3", "#5c0a12", "#c62828", "a provision works against the protection"),
}

GROUP_LABELS = {"worker_protection": "Worker protection", "governance": "Governance"}
PRIORITY_LABELS = {"core": "Core", "recommended": "Recommended"}
STRENGTH_LOOKS = {"strongest": ("green", "strongest"), "recommended": ("blue", "recommended"), "baseline": ("gray", "baseline")}


def word(status: str) -> str:
    """The status as plain text with its symbol, e.g. "✔ present"; for tables and CSV."""
    return f"{LOOKS[status].symbol} {status}"


def badge(status: str) -> str:
    """The status as a coloured Markdown badge that still reads as a word."""
    look = LOOKS[status]
    return f":{look.colour}-badge[{look.icon} {status}]"


def label(status: str) -> str:
    """A Markdown label for metrics and expanders: icon and capitalised word, e.g. for "present"."""
    return f"{LOOKS[status].icon} {status.capitalize()}"


def coloured(status: str) -> str:
    """The status as coloured bold Markdown text with its icon (for expander labels)."""
    look = LOOKS[status]
    return f":{look.colour}[{look.icon} **{status}**]"


def strength_badge(strength: str) -> str:
    colour, label = STRENGTH_LOOKS.get(strength, ("gray", strength))
    return f":{colour}-badge[{label}]"


def cell_css(value: object) -> str:
    """CSS for a table cell holding a status word (pandas Styler); other cells are left alone."""
    text = str(value)
    for status, look in LOOKS.items():
        if text == status or text.endswith(f" {status}"):
            return f"background-color: {look.background}; color: {look.text}; font-weight: 600"
    return ""


def legend() -> str:
    """One Markdown line explaining every status."""
    return "  \n".join(f"{badge(s)} {look.meaning}" for s, look in LOOKS.items())
