"""`blma kit`: what a joint committee needs to implement an instrument."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from blma import api
from blma.cli.common import app


@app.command("kit")
def kit_command(
    source: Annotated[
        Path, typer.Argument(help="A draft specification (.yaml, .json) or an agreement (.docx, .pdf, .md, .txt)")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the kit into (made if needed)")],
) -> None:
    """Terms of reference for the joint committee and an implementation tracker, article by article.

    Writes joint_committee_kit.docx (terms of reference, tracker annexed), implementation_tracker.xlsx
    (with a status column to fill in) and implementation_tracker.csv.

    Example: blma kit spec.yaml -o kit/
    """
    api.check_kit_folder(output, [source])
    made = api.kit(source)
    for path in api.write_kit(made, output):
        typer.echo(f"wrote {path}")
    typer.echo(
        f"{made.committee}: terms of reference in {len(made.terms.sections)} sections; "
        f"{len(made.tracker)} commitments tracked"
    )
