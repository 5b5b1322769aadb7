"""Build the development set of sample agreements from their readable YAML sources.

Each ``sample_agreements/sources/<name>.yaml`` describes one fictional bilateral labour
migration agreement or MoU: its metadata, layout, text and the reviewer's labels for the
34 protections. This script writes ``sample_agreements/<name>.docx`` and
``sample_agreements/<name>.labels.yaml``.

The output is deterministic: the core properties carry a fixed date, tracked changes carry
the fixed dates written in the sources, and the DOCX zip entries carry a fixed timestamp,
so two runs produce byte-identical files.

Inline markup in the sources' text:

- ``{+inserted text+}``   a tracked insertion (w:ins), author/date from ``tracking``
- ``{-deleted text-}``    a tracked deletion (w:del)
- ``[^1]``                a footnote reference to ``footnotes: {1: ...}``
- ``**bold**``            bold run

Usage: ``python scripts/build_samples.py [--check] [NAME ...]``
(``--check`` builds in memory and validates without writing).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_agreements"
SOURCES = SAMPLES / "sources"

PROTECTION_IDS = [
    "no_worker_fees",
    "recruitment_regulation",
    "written_contract",
    "equal_treatment",
    "wage_protection",
    "working_time_rest",
    "occupational_safety_health",
    "health_care",
    "social_security_portability",
    "accommodation",
    "identity_documents",
    "employer_change",
    "migration_status",
    "freedom_of_association",
    "access_to_justice",
    "labour_inspection",
    "skills_recognition",
    "pre_departure_orientation",
    "remittances",
    "family_reunification",
    "return_reintegration",
    "gender_responsive",
    "forced_labour_trafficking",
    "data_protection",
    "contract_termination",
    "consular_assistance",
    "joint_committee",
    "monitoring_review",
    "social_dialogue",
    "information_exchange",
    "dispute_settlement",
    "duration_termination",
    "transparency",
    "non_regression",
]
STATUSES = ("present", "partial", "missing", "contrary")
TRAPS = (
    "paraphrase",
    "modality",
    "negation",
    "false_friend",
    "national_law",
    "annex_mandatory",
    "annex_indicative",
    "tracked_change",
    "table",
    "textbox",
    "footnote",
)
INSTRUMENTS = ("agreement", "mou")
SECTORS = (
    "domestic_work",
    "seasonal_agriculture",
    "health_care",
    "construction",
    "general",
    "manufacturing",
    "hospitality",
)

FIXED_DATE = datetime(2024, 1, 15, 9, 0, 0)
ZIP_DATE = (2024, 1, 15, 9, 0, 0)

HEADING_STYLES = (
    "article",  # Article 1 / heading
    "article_roman",  # ARTICLE I / HEADING
    "art_short",  # Art. 3 - heading
    "section",  # Section 2 / Section 2.1 nested
    "clause",  # Clause 4: heading
    "paragraph",  # Paragraph 5 - heading
    "numbered",  # 4. HEADING, paragraphs 4.1, 4.2
    "bold",  # bold unnumbered headings
)
PARA_STYLES = (
    "paren",  # (1)
    "dot",  # 1.
    "alpha",  # (a)
    "auto",  # Word numbering, restarted in every unit
    "auto_continuous",  # Word numbering running through the document
    "continuous_dot",  # typed 1., 2., ... running through the document
    "decimal",  # typed 4.1, 4.2 (with heading style "numbered")
    "none",
)

ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def roman(n: int) -> str:
    out = []
    for value, sym in ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letter(n: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[n - 1]


def small_roman(n: int) -> str:
    return roman(n).lower()


# --------------------------------------------------------------------------- inline markup

TOKEN_RE = re.compile(r"(\{\+.*?\+\}|\{-.*?-\}|\[\^\d+\]|\*\*.*?\*\*)", re.S)


def tokens(text: str):
    """Yield (kind, text) with kind in plain/ins/del/fn/bold."""
    for piece in TOKEN_RE.split(text):
        if not piece:
            continue
        if piece.startswith("{+") and piece.endswith("+}"):
            yield "ins", piece[2:-2]
        elif piece.startswith("{-") and piece.endswith("-}"):
            yield "del", piece[2:-2]
        elif piece.startswith("[^"):
            yield "fn", piece[2:-1]
        elif piece.startswith("**") and piece.endswith("**"):
            yield "bold", piece[2:-2]
        else:
            yield "plain", piece


def accepted(text: str) -> str:
    """The text as if all tracked changes were accepted (footnote marks dropped)."""
    return "".join(t for k, t in tokens(text) if k in ("plain", "ins", "bold"))


def deleted(text: str) -> str:
    return " ".join(t for k, t in tokens(text) if k == "del")


# --------------------------------------------------------------------------- citations


@dataclass
class Citations:
    """Every citable location of a document with the text it holds (accepted / deleted)."""

    text: dict[str, list[str]] = field(default_factory=dict)
    gone: dict[str, list[str]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def add(self, keys: list[str], raw: str) -> None:
        for key in keys:
            if key not in self.text:
                self.text[key] = []
                self.gone[key] = []
                self.order.append(key)
            self.text[key].append(accepted(raw))
            self.gone[key].append(deleted(raw))


# --------------------------------------------------------------------------- builder


class Builder:
    def __init__(self, src: dict):
        self.src = src
        self.layout = src.get("layout", {})
        self.tracking = src.get("tracking", {})
        self.footnotes_src = {str(k): v for k, v in (src.get("footnotes") or {}).items()}
        self.footnote_ids: dict[str, int] = {}
        self.rev_id = 100
        self.shape_id = 1
        self.sdt_id = 5000
        self.cites = Citations()
        self.doc = Document()
        self.units = self.layout.get("units", "article")
        self.paras = self.layout.get("paras", "paren")
        if self.units not in HEADING_STYLES:
            raise ValueError(f"unknown units style {self.units!r}")
        if self.paras not in PARA_STYLES:
            raise ValueError(f"unknown paragraph style {self.paras!r}")
        self.continuous = 0  # running paragraph counter for continuous numbering
        self.next_num_id = 50
        self.current_unit = ""  # citation of the unit being written, for footnotes
        self.footnote_parts: list[str] = []

    # ----------------------------------------------------------------- document set-up
    def setup(self) -> None:
        doc = self.doc
        font = self.layout.get("font", "Calibri")
        size = self.layout.get("size", 11)
        normal = doc.styles["Normal"]
        normal.font.name = font
        normal.font.size = Pt(size)
        rpr = normal.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
        pf = normal.paragraph_format
        pf.space_after = Pt(self.layout.get("space_after", 6))
        pf.line_spacing = self.layout.get("line_spacing", 1.15)
        for name in ("List Number",):
            st = doc.styles[name]
            st.paragraph_format.space_after = Pt(self.layout.get("space_after", 6))
        section = doc.sections[0]
        section.page_height = Cm(29.7)
        section.page_width = Cm(21.0)
        margin = Cm(self.layout.get("margin_cm", 2.5))
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        header = self.layout.get("header")
        if header:
            p = section.header.paragraphs[0]
            p.text = header
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.font.size = Pt(8)
                r.bold = True
        footer = self.layout.get("footer")
        if footer:
            p = section.footer.paragraphs[0]
            p.text = footer
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.font.size = Pt(8)
        props = doc.core_properties
        props.title = self.src["title"]
        props.subject = "Sample bilateral labour migration instrument (fictional)"
        props.author = "BLMA sample generator"
        props.last_modified_by = "BLMA sample generator"
        props.comments = "Fictional sample for the gap analyzer development set"
        props.keywords = ", ".join(self.src.get("sectors", []))
        props.category = self.src.get("instrument", "")
        props.revision = 1
        props.created = FIXED_DATE
        props.modified = FIXED_DATE
        props.last_printed = FIXED_DATE
        if self.tracking:
            settings = doc.settings.element
            proof = settings.find(qn("w:proofState"))
            track = parse_xml(f"<w:trackRevisions {nsdecls('w')}/>")
            if proof is not None:
                proof.addnext(track)
            else:
                settings.insert(0, track)

    # ----------------------------------------------------------------- runs
    def _track_attrs(self) -> str:
        self.rev_id += 1
        author = self.tracking.get("author", "Negotiator")
        date = self.tracking.get("date", "2024-01-15T09:00:00Z")
        return f'w:id="{self.rev_id}" w:author="{esc(author)}" w:date="{date}"'

    def add_runs(self, p, text: str, bold: bool = False, italic: bool = False, size=None):
        """Append the inline-marked text to paragraph p."""
        for kind, piece in tokens(text):
            if kind in ("plain", "bold"):
                r = p.add_run(piece)
                r.bold = bold or kind == "bold" or None
                if italic:
                    r.italic = True
                if size:
                    r.font.size = Pt(size)
            elif kind in ("ins", "del"):
                rpr = run_props(bold, italic, size)
                tag = "w:t" if kind == "ins" else "w:delText"
                body = "<w:tab/>".join(
                    f'<{tag} xml:space="preserve">{esc(x)}</{tag}>' if x else ""
                    for x in piece.split("\t")
                )
                xml = (
                    f"<w:{kind} {nsdecls('w')} {self._track_attrs()}><w:r>{rpr}"
                    f"{body}</w:r></w:{kind}>"
                )
                p._p.append(parse_xml(xml))
            elif kind == "fn":
                fid = self.footnote_id(piece)
                xml = (
                    f"<w:r {nsdecls('w')}><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
                    f'<w:footnoteReference w:id="{fid}"/></w:r>'
                )
                p._p.append(parse_xml(xml))

    def mark_paragraph(self, p, spec) -> None:
        """Whole-paragraph tracked insertion/deletion (paragraph mark included)."""
        if not isinstance(spec, dict):
            return
        kind = "ins" if spec.get("ins") else "del" if spec.get("del") else None
        if not kind:
            return
        ppr = p._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
            ppr.append(rpr)
        rpr.append(parse_xml(f"<w:{kind} {nsdecls('w')} {self._track_attrs()}/>"))

    def footnote_id(self, key: str) -> int:
        if key not in self.footnotes_src:
            raise ValueError(f"footnote [^{key}] has no text")
        if key not in self.footnote_ids:
            self.footnote_ids[key] = len(self.footnote_ids) + 1
            n = self.footnote_ids[key]
            keys = [f"Footnote {n}"]
            if self.current_unit:
                keys.append(f"{self.current_unit}, footnote {n}")
            self.cites.add(keys, self.footnotes_src[key])
        return self.footnote_ids[key]

    # ----------------------------------------------------------------- paragraphs
    def para(self, text: str, *, style=None, align=None, bold=False, italic=False,
             size=None, indent_cm=None, first_cm=None, keep_next=False, space_before=None,
             spec=None):
        p = self.doc.add_paragraph(style=style)
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "justify" or (align is None and self.layout.get("justify")):
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent_cm is not None:
            p.paragraph_format.left_indent = Cm(indent_cm)
        if first_cm is not None:
            p.paragraph_format.first_line_indent = Cm(first_cm)
        if keep_next:
            p.paragraph_format.keep_with_next = True
        if space_before is not None:
            p.paragraph_format.space_before = Pt(space_before)
        self.add_runs(p, text, bold=bold, italic=italic, size=size)
        self.mark_paragraph(p, spec)
        if isinstance(spec, dict) and spec.get("sdt"):
            self.wrap_sdt(p, spec["sdt"])
        return p

    def wrap_sdt(self, p, alias: str) -> None:
        """Wrap a body paragraph in a block-level content control (w:sdt)."""
        self.sdt_id += 1
        sdt = parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val=\"{esc(alias)}\"/>"
            f"<w:tag w:val=\"{esc(alias.lower().replace(' ', '_'))}\"/>"
            f"<w:id w:val=\"{self.sdt_id}\"/></w:sdtPr><w:sdtContent/></w:sdt>"
        )
        p._p.addprevious(sdt)
        sdt.find(qn("w:sdtContent")).append(p._p)

    def new_num(self) -> int:
        """A w:num over List Number's abstract numbering that restarts at 1."""
        numbering = self.doc.part.numbering_part.element
        abstract = None
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == "5":
                abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        self.next_num_id += 1
        nid = self.next_num_id
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{abstract}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                f"</w:num>"
            )
        )
        return nid

    def numbered_para(self, text, spec, style_kind, index, num_id=None):
        """Write one body paragraph with its number; returns the paragraph."""
        prefix = ""
        style = None
        if style_kind == "paren":
            prefix = f"({index})\t"
        elif style_kind in ("dot", "continuous_dot"):
            prefix = f"{index}.\t"
        elif style_kind == "alpha":
            prefix = f"({letter(index)})\t"
        elif style_kind == "decimal":
            prefix = f"{index}\t"
        elif style_kind in ("auto", "auto_continuous"):
            style = "List Number"
        if style:
            p = self.para(text, style=style, spec=spec)
            if num_id is not None:
                ppr = p._p.get_or_add_pPr()
                ppr.insert(
                    1 if ppr.find(qn("w:pStyle")) is not None else 0,
                    parse_xml(
                        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                        f'<w:numId w:val="{num_id}"/></w:numPr>'
                    ),
                )
            return p
        if prefix and spec.get("del"):
            prefix = "{-" + prefix + "-}"
        elif prefix and spec.get("ins"):
            prefix = "{+" + prefix + "+}"
        p = self.para(prefix + text if prefix else text, spec=spec)
        if prefix:
            p.paragraph_format.left_indent = Cm(1.0)
            p.paragraph_format.first_line_indent = Cm(-1.0)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
        return p

    def items(self, spec, pcite, unit_cite):
        """The lettered sub-items of a paragraph, each citable as "<paragraph>(a)"."""
        for j, item in enumerate(spec.get("items", []), start=1):
            itext = item if isinstance(item, str) else item["text"]
            lab = f"({letter(j)})"
            self.item_para(itext, item if isinstance(item, dict) else {}, lab)
            self.cites.add([f"{pcite}{lab}", pcite, unit_cite], itext)

    def item_para(self, text, spec, label):
        if spec.get("del"):
            label = "{-" + label + "\t-}"
        elif spec.get("ins"):
            label = "{+" + label + "\t+}"
        else:
            label += "\t"
        p = self.para(f"{label}{text}", spec=spec)
        p.paragraph_format.left_indent = Cm(2.0)
        p.paragraph_format.first_line_indent = Cm(-1.0)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(2.0))
        return p

    # ----------------------------------------------------------------- blocks
    def write_blocks(self, blocks, unit_cite: str, para_style: str, *, cite_para=None,
                     restart=True):
        """Write a unit's paragraphs. cite_para(k) gives the citation of numbered para k."""
        blocks = blocks or []
        numbered = [b for b in blocks if is_numbered(b)]
        single = (
            len(numbered) == 1
            and not self.layout.get("number_single", False)
            and para_style not in ("auto_continuous", "continuous_dot")
        )
        num_id = None
        if para_style == "auto" and restart and not single:
            num_id = self.new_num()
        k = 0
        for b in blocks:
            spec = b if isinstance(b, dict) else {}
            if isinstance(b, dict) and "table" in b:
                self.write_table(b["table"], unit_cite)
                continue
            if isinstance(b, dict) and "textbox" in b:
                self.write_textbox(b["textbox"], unit_cite)
                continue
            if isinstance(b, dict) and "subheading" in b:
                self.para(b["subheading"], bold=True, keep_next=True, space_before=6)
                continue
            if isinstance(b, dict) and "plain" in b:
                self.para(b["plain"], spec=spec)
                self.cites.add([unit_cite], b["plain"])
                continue
            text = b if isinstance(b, str) else b["text"]
            items = spec.get("items", [])
            if single or para_style == "none":
                pcite = unit_cite
                keys = [unit_cite]
                self.current_unit = unit_cite
                self.para(text, spec=spec)
            else:
                if para_style in ("auto_continuous", "continuous_dot"):
                    self.continuous += 1
                    index = self.continuous
                else:
                    k += 1
                    index = k
                pcite = cite_para(index)
                keys = [pcite, unit_cite] if unit_cite and pcite != unit_cite else [pcite]
                self.current_unit = pcite
                self.numbered_para(text, spec, para_style, index, num_id)
            self.cites.add(keys, text)
            item_fmt = small_roman if para_style == "alpha" else letter
            for j, item in enumerate(items, start=1):
                itext = item if isinstance(item, str) else item["text"]
                ispec = item if isinstance(item, dict) else {}
                lab = f"({item_fmt(j)})"
                self.item_para(itext, ispec, lab)
                icite = f"{pcite}{lab}"
                ikeys = [icite, pcite] + ([unit_cite] if unit_cite != pcite else [])
                self.cites.add(ikeys, itext)

    def write_table(self, spec, unit_cite: str):
        header = spec.get("header")
        rows = spec["rows"]
        ncols = len(header) if header else len(rows[0])
        table = self.doc.add_table(rows=0, cols=ncols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if header:
            cells = table.add_row().cells
            for c, h in zip(cells, header, strict=True):
                p = c.paragraphs[0]
                self.add_runs(p, h, bold=True)
            # repeat header row
            trpr = table.rows[0]._tr.get_or_add_trPr()
            trpr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
            self.cites.add([f"{unit_cite}, table", unit_cite], " | ".join(header))
        for r, row in enumerate(rows, start=1):
            cells = table.add_row().cells
            for c, val in zip(cells, row, strict=True):
                parts = val if isinstance(val, list) else [val]
                first = True
                for part in parts:
                    p = c.paragraphs[0] if first else c.add_paragraph()
                    first = False
                    self.add_runs(p, str(part), bold=False)
                self.cites.add(
                    [f"{unit_cite}, table row {r}", f"{unit_cite}, table", unit_cite],
                    " ".join(str(x) for x in parts),
                )
        self.doc.add_paragraph()

    def write_textbox(self, spec, unit_cite: str):
        label = spec.get("label")
        paras = spec["paras"]
        inner = []
        for i, t in enumerate(paras):
            runs = []
            for kind, piece in tokens(t):
                if kind in ("plain", "bold", "ins"):
                    b = "<w:b/>" if (kind == "bold" or (i == 0 and label)) else ""
                    runs.append(
                        f'<w:r><w:rPr>{b}</w:rPr><w:t xml:space="preserve">{esc(piece)}</w:t></w:r>'
                    )
            inner.append(f"<w:p>{''.join(runs)}</w:p>")
        self.shape_id += 1
        xml = (
            f'<w:p {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" '
            f'xmlns:o="urn:schemas-microsoft-com:office:office">'
            f"<w:r><w:pict>"
            f'<v:rect id="TextBox{self.shape_id}" o:spid="_x0000_s{1024 + self.shape_id}" '
            f'style="width:425pt;height:{spec.get("height_pt", 90)}pt" '
            f'strokecolor="#1F3864" strokeweight="1pt" fillcolor="#EEF3FA">'
            f'<v:textbox style="mso-fit-shape-to-text:t" inset="6pt,6pt,6pt,6pt">'
            f"<w:txbxContent>{''.join(inner)}</w:txbxContent></v:textbox></v:rect>"
            f"</w:pict></w:r></w:p>"
        )
        self.doc.element.body.insert(
            len(self.doc.element.body) - 1, parse_xml(xml)
        )
        keys = [f"{unit_cite}, text box"] if unit_cite else []
        if label:
            keys.insert(0, label)
        for t in paras:
            self.cites.add(keys, t)

    # ----------------------------------------------------------------- units
    def unit_label(self, n: int) -> tuple[str, str]:
        """(printed label, citation) of unit n."""
        r = roman(n)
        labels = {
            "article": (f"Article {n}", f"Article {n}"),
            "article_roman": (f"ARTICLE {r}", f"Article {r}"),
            "art_short": (f"Art. {n}", f"Art. {n}"),
            "section": (f"Section {n}", f"Section {n}"),
            "clause": (f"Clause {n}", f"Clause {n}"),
            "paragraph": (f"Paragraph {n}", f"Paragraph {n}"),
            "numbered": (f"{n}.", f"Paragraph {n}"),
        }
        return labels.get(self.units, ("", ""))

    def heading(self, label: str, heading: str, level: int = 1):
        inline = self.layout.get("heading_inline", False)
        sep = self.layout.get("heading_sep", " \u2013 ")
        center = self.layout.get("heading_center", not inline)
        upper = self.layout.get("heading_upper", False)
        h = heading.upper() if (upper and heading) else heading
        align = "center" if center else "left"
        if self.units == "bold" or not label:
            self.para(h, bold=True, keep_next=True, space_before=10, align=align)
            return
        if inline or not heading or self.units == "numbered":
            text = f"{label}{sep}{h}" if heading else label
            if self.units == "numbered":
                text = f"{label}\t{h}"
            self.para(text, bold=True, keep_next=True, space_before=10 if level == 1 else 6,
                      align=align)
        else:
            self.para(label, bold=True, keep_next=True, space_before=10, align=align)
            self.para(h, bold=True, keep_next=True, align=align)

    def para_cite_fn(self, unit_cite: str, style: str):
        if style in ("auto_continuous", "continuous_dot"):
            return lambda k: f"Paragraph {k}"
        if style == "alpha":
            return lambda k: f"{unit_cite}({letter(k)})"
        if style == "decimal":
            num = unit_cite.split()[-1]
            return lambda k: f"{num}.{k}"
        return lambda k: f"{unit_cite}({k})"

    def write_body(self, body):
        for n, unit in enumerate(body, start=1):
            label, cite = self.unit_label(n)
            self.current_unit = cite
            self.heading(label, unit.get("heading", ""))
            if self.units == "bold":
                self.write_blocks(unit.get("paras"), "", self.paras,
                                  cite_para=self.para_cite_fn("", self.paras))
                continue
            style = unit.get("paras_style", self.paras)
            if self.units == "numbered":
                self.write_blocks_decimal(unit.get("paras"), cite, n)
            else:
                fn = self.para_cite_fn(cite, style)
                self.write_blocks(unit.get("paras"), cite, style, cite_para=fn)
            for m, sub in enumerate(unit.get("sections") or [], start=1):
                slabel = f"Section {n}.{m}"
                self.current_unit = slabel
                self.heading(slabel, sub.get("heading", ""), level=2)
                sstyle = sub.get("paras_style", self.layout.get("sub_paras", "alpha"))
                self.write_blocks(sub.get("paras"), slabel, sstyle,
                                  cite_para=self.para_cite_fn(slabel, sstyle))

    def write_blocks_decimal(self, blocks, unit_cite, n):
        """Numbered-heading layout: paragraphs typed 4.1, 4.2, cited Paragraph 4.2."""
        k = 0
        for b in blocks or []:
            spec = b if isinstance(b, dict) else {}
            if isinstance(b, dict) and "table" in b:
                self.write_table(b["table"], unit_cite)
                continue
            if isinstance(b, dict) and "textbox" in b:
                self.write_textbox(b["textbox"], unit_cite)
                continue
            text = b if isinstance(b, str) else b["text"]
            k += 1
            prefix = f"{n}.{k}\t"
            if spec.get("del"):
                prefix = "{-" + prefix + "-}"
            elif spec.get("ins"):
                prefix = "{+" + prefix + "+}"
            p = self.para(prefix + text, spec=spec)
            p.paragraph_format.left_indent = Cm(1.2)
            p.paragraph_format.first_line_indent = Cm(-1.2)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(1.2))
            pcite = f"Paragraph {n}.{k}"
            self.cites.add([pcite, unit_cite], text)
            self.items(spec, pcite, unit_cite)

    # ----------------------------------------------------------------- whole document
    def build(self):
        self.setup()
        d = self.src["document"]
        for i, line in enumerate(d.get("title_lines") or [self.src["title"]]):
            self.para(line, bold=True, align="center", size=self.layout.get("title_size", 14)
                      if i == 0 else None, keep_next=True)
        for line in d.get("subtitle") or []:
            self.para(line, italic=True, align="center")
        self.current_unit = "Preamble"
        for b in d.get("preamble") or []:
            text = b if isinstance(b, str) else b["text"]
            self.para(text, spec=b if isinstance(b, dict) else None)
            self.cites.add(["Preamble"], text)
        self.write_body(d.get("body") or [])
        self.current_unit = "Final provisions"
        for b in d.get("closing") or []:
            text = b if isinstance(b, str) else b["text"]
            self.para(text, spec=b if isinstance(b, dict) else None, space_before=8)
            self.cites.add(["Final provisions"], text)
        sig = d.get("signatures")
        if sig:
            t = self.doc.add_table(rows=1, cols=len(sig))
            for c, s in zip(t.rows[0].cells, sig, strict=True):
                lines = s if isinstance(s, list) else [s]
                c.paragraphs[0].add_run(lines[0]).bold = True
                for line in lines[1:]:
                    c.add_paragraph(line)
            self.doc.add_paragraph()
        for annex in d.get("annexes") or []:
            self.write_annex(annex)
        if self.footnote_ids:
            self.write_footnotes()
        return self.doc

    def write_annex(self, annex):
        label = annex["label"]
        p = self.para(label.upper(), bold=True, align="center", keep_next=True)
        p.paragraph_format.page_break_before = True
        self.para(annex.get("title", ""), bold=True, align="center", keep_next=True)
        self.current_unit = label
        for line in annex.get("intro") or []:
            self.para(line, italic=True)
            self.cites.add([label], line)
        style = annex.get("paras", "dot")
        k = 0
        for b in annex.get("blocks") or []:
            spec = b if isinstance(b, dict) else {}
            if "table" in spec:
                self.write_table(spec["table"], label)
                continue
            if "subheading" in spec:
                self.para(spec["subheading"], bold=True, keep_next=True, space_before=6)
                continue
            if "textbox" in spec:
                self.write_textbox(spec["textbox"], label)
                continue
            text = b if isinstance(b, str) else b["text"]
            if style == "none":
                self.para(text, spec=spec)
                self.cites.add([label], text)
                pcite = label
            else:
                k += 1
                self.numbered_para(text, spec, style, k)
                pcite = f"{label}, paragraph {k}"
                self.cites.add([pcite, label], text)
            self.items(spec, pcite, label)

    def write_footnotes(self):
        body = [
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p>'
            "</w:footnote>",
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
            'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>",
        ]
        for key, n in sorted(self.footnote_ids.items(), key=lambda kv: kv[1]):
            text = accepted(self.footnotes_src[key])
            body.append(
                f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
                f'<w:r><w:rPr><w:sz w:val="18"/><w:vertAlign w:val="superscript"/></w:rPr>'
                f"<w:footnoteRef/></w:r>"
                f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> '
                f"{esc(text)}</w:t></w:r></w:p></w:footnote>"
            )
        xml = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + "".join(body)
            + "</w:footnotes>"
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            xml.encode("utf-8"),
            self.doc.part.package,
        )
        self.doc.part.relate_to(part, RT.FOOTNOTES)


def is_numbered(b) -> bool:
    if isinstance(b, str):
        return True
    return not any(k in b for k in ("table", "textbox", "subheading", "plain"))


def esc(s: str) -> str:
    return (
        s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def run_props(bold, italic, size) -> str:
    inner = ""
    if bold:
        inner += "<w:b/>"
    if italic:
        inner += "<w:i/>"
    if size:
        inner += f'<w:sz w:val="{int(size * 2)}"/>'
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


# --------------------------------------------------------------------------- output


def docx_bytes(doc) -> bytes:
    """Save doc and rewrite the zip with fixed timestamps and order: byte-stable output."""
    raw = io.BytesIO()
    doc.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        first = [n for n in names if n == "[Content_Types].xml"]
        rest = sorted(n for n in names if n != "[Content_Types].xml")
        for name in first + rest:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(name))
    return out.getvalue()


def q(s) -> str:
    if s is None:
        return "null"
    return json.dumps(str(s), ensure_ascii=False)


def labels_yaml(src: dict) -> str:
    name = src["name"]
    lines = [
        f"file: {name}.docx",
        f"title: {q(src['title'])}",
        f"instrument: {src['instrument']}",
        f"sectors: [{', '.join(src['sectors'])}]",
        f"parties: {{origin: {src['parties']['origin']}, "
        f"destination: {src['parties']['destination']}}}",
        "protections:",
    ]
    for pid in PROTECTION_IDS:
        lab = src["labels"][pid]
        parts = [f"status: {lab['status']}", f"location: {q(lab.get('location'))}"]
        if lab.get("trap"):
            parts.append(f"trap: {lab['trap']}")
        if lab.get("note"):
            parts.append(f"note: {q(lab['note'])}")
        lines.append(f"  {pid}: {{{', '.join(parts)}}}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- validation

QUOTE_RE = re.compile(r"(?<![A-Za-z])'([^']+?)'(?![A-Za-z])")


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    s = s.replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def validate(src: dict, cites: Citations) -> list[str]:
    errors: list[str] = []
    name = src.get("name", "?")
    for key in ("name", "title", "instrument", "sectors", "parties", "labels", "document"):
        if key not in src:
            errors.append(f"{name}: missing key {key}")
    if src.get("instrument") not in INSTRUMENTS:
        errors.append(f"{name}: bad instrument {src.get('instrument')}")
    for s in src.get("sectors", []):
        if s not in SECTORS:
            errors.append(f"{name}: unknown sector {s}")
    labels = src.get("labels", {})
    if list(labels) != PROTECTION_IDS:
        extra = set(labels) - set(PROTECTION_IDS)
        lacking = [p for p in PROTECTION_IDS if p not in labels]
        errors.append(f"{name}: labels not the 34 ids in order (extra {extra}, lacking {lacking})")
    whole = " ".join(" ".join(v) for v in cites.text.values())
    whole += " " + " ".join(str(src.get("layout", {}).get(k, "")) for k in ("header", "footer"))
    whole_gone = " ".join(" ".join(v) for v in cites.gone.values())
    for pid, lab in labels.items():
        st = lab.get("status")
        if st not in STATUSES:
            errors.append(f"{name}/{pid}: bad status {st}")
        trap = lab.get("trap")
        if trap is not None and trap not in TRAPS:
            errors.append(f"{name}/{pid}: bad trap {trap}")
        extra = set(lab) - {"status", "location", "trap", "note"}
        if extra:
            errors.append(f"{name}/{pid}: unexpected keys {extra}")
        loc = lab.get("location")
        if st == "missing":
            if loc is not None:
                errors.append(f"{name}/{pid}: missing but location {loc!r}")
        elif not loc:
            errors.append(f"{name}/{pid}: {st} needs a location")
        locs = [x.strip() for x in loc.split(";")] if loc else []
        for one in locs:
            if one not in cites.text:
                errors.append(f"{name}/{pid}: location {one!r} does not exist")
        # quoted words in the note must be found where the label says
        for quote in QUOTE_RE.findall(lab.get("note") or ""):
            pieces = [norm(x) for x in re.split(r"\.\.\.|\u2026", quote) if x.strip()]
            if locs:
                here = norm(" ".join(" ".join(cites.text.get(x, [])) for x in locs))
                gone = norm(" ".join(" ".join(cites.gone.get(x, [])) for x in locs))
                if not all(x in here for x in pieces) and not all(x in gone for x in pieces):
                    errors.append(f"{name}/{pid}: quote {quote!r} not found at {loc}")
            elif not all(x in norm(whole) or x in norm(whole_gone) for x in pieces):
                errors.append(f"{name}/{pid}: quote {quote!r} not found in the document")
    return errors


# --------------------------------------------------------------------------- main


def render(path: Path) -> tuple[dict, list[str], bytes, str]:
    """Build one source in memory: (source, validation errors, DOCX bytes, labels YAML)."""
    src = yaml.safe_load(path.read_text(encoding="utf-8"))
    if src.get("name") != path.stem:
        return src, [f"{path.name}: name {src.get('name')!r} differs from file stem"], b"", ""
    b = Builder(src)
    doc = b.build()
    errors = validate(src, b.cites)
    data = docx_bytes(doc)
    # the written file must open again in python-docx
    Document(io.BytesIO(data))
    return src, errors, data, labels_yaml(src)


def build_one(path: Path, write: bool) -> tuple[dict, list[str]]:
    src, errors, data, labels = render(path)
    if write and data:
        (SAMPLES / f"{src['name']}.docx").write_bytes(data)
        (SAMPLES / f"{src['name']}.labels.yaml").write_text(labels, encoding="utf-8")
    return src, errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="source names (default: all)")
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    ap.add_argument("--cites", action="store_true", help="print the citable locations")
    args = ap.parse_args(argv)
    paths = sorted(SOURCES.glob("*.yaml"))
    if args.names:
        paths = [p for p in paths if p.stem in args.names]
    all_errors = []
    totals: dict[str, int] = {}
    traps: dict[str, int] = {}
    for path in paths:
        src, errors = build_one(path, write=not args.check)
        all_errors += errors
        if args.cites:
            b = Builder(src)
            b.build()
            print(path.stem, ":", ", ".join(b.cites.order))
        for lab in (src.get("labels") or {}).values():
            totals[lab.get("status")] = totals.get(lab.get("status"), 0) + 1
            if lab.get("trap"):
                traps[lab["trap"]] = traps.get(lab["trap"], 0) + 1
        print(f"{'checked' if args.check else 'built'} {path.stem}")
    n = sum(totals.values())
    print(f"{len(paths)} agreements, {n} labels: " + ", ".join(
        f"{s} {totals.get(s, 0)} ({100 * totals.get(s, 0) / max(n, 1):.0f}%)" for s in STATUSES))
    print("traps: " + ", ".join(f"{t} {traps.get(t, 0)}" for t in TRAPS))
    for e in all_errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
