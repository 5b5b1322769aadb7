"""Forms filled in by ticking boxes: only the options ticked are part of the agreement.

Standard contracts are often forms ("Safekeeping of passport by: ☐ Employer ☒ Employee"). Read
as written, every option is a provision, so an option left unticked ("Employer") would be read
as the employer keeping the passport. Where a paragraph's boxes show a choice (at least one
ticked), the unticked options are left out of the text analysed; a blank form keeps them all,
since nothing says which will apply.
"""

from __future__ import annotations

import re
from dataclasses import replace

from blma.reading.models import RawParagraph

TICKED = r"☑|☒|⊠|\[[xX✓✔]\]"
UNTICKED = r"☐|□|\[ ?\]"
BOX = re.compile(rf"(?P<ticked>{TICKED})|{UNTICKED}")


def keep_ticked_options(raw: list[RawParagraph]) -> tuple[list[RawParagraph], list[str]]:
    """``raw`` with each paragraph of ticked boxes reduced to its label and ticked options, and a
    warning saying how many paragraphs were read that way."""
    chosen = 0
    kept: list[RawParagraph] = []
    for para in raw:
        text = _ticked_only(para.text)
        if text != para.text:
            chosen += 1
            para = replace(para, text=text)
        kept.append(para)
    warnings = (
        [f"{chosen} paragraph(s) of form options: only the options ticked were read, the others left out"]
        if chosen
        else []
    )
    return kept, warnings


def _ticked_only(text: str) -> str:
    boxes = list(BOX.finditer(text))
    if len(boxes) < 2 or not any(box.group("ticked") for box in boxes):
        return text
    parts = [text[: boxes[0].start()].rstrip()]
    for box, following in zip(boxes, [*boxes[1:], None], strict=True):
        if box.group("ticked"):
            option = text[box.end() : following.start() if following else len(text)].strip()
            parts.append(f"{box.group(0)} {option}".rstrip())
    return " ".join(part for part in parts if part)
