"""Commands that write the Word paperwork of an event: render, render-all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from planner.cli import cli, friendly, pass_library
from planner.documents import (
    KINDS,
    DocumentOptions,
    build_context,
    check_template,
    render_all,
    render_document,
    write_documents,
)
from planner.library import Library
from planner.outcomes.progress import load_previous

__all__: list[str] = []

_AS_OF = click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
                      help="Follow-up: assess progress on this date (default: today).")


@cli.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("event_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .docx file to write.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own .docx template (checked first).")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside it (needs LibreOffice).")
@click.option("--public", is_flag=True, help="Participant list without contact details.")
@click.option("--group", help="Working groups: render this group's agenda alone.")
@_AS_OF
@pass_library
@friendly
def render(library: Library, *, kind: str, event_id: str, output: Path, template: Path | None,
           pdf: bool, public: bool, group: str | None, as_of: dt.datetime | None) -> None:
    """Write one document of EVENT as Word (KIND: concept-note, programme, …)."""
    event, day = library.load(event_id), as_of.date() if as_of else None
    options: DocumentOptions = {"public": public, "group": group, "as_of": day,
                                "previous": load_previous(library, event)}
    registry = library.registry
    if template is not None:
        context = build_context(kind, event, registry=registry, **options)
        used = check_template(template, context, name=template.name)
        click.echo(f"{template.name} uses: {', '.join(used) or 'no variables'}")
    data = render_document(kind, event, registry=registry, template=template, **options)
    for path in write_documents({output.name: data}, output.parent, pdf=pdf):
        click.echo(f"wrote {path}")


@cli.command("render-all")
@click.argument("event_id")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write into (created if need be).")
@click.option("--pdf", is_flag=True, help="Also write PDFs (needs LibreOffice).")
@_AS_OF
@pass_library
@friendly
def render_everything(library: Library, *, event_id: str, output: Path, pdf: bool,
                      as_of: dt.datetime | None) -> None:
    """Write every document of EVENT, one working-group agenda per group included."""
    event = library.load(event_id)
    documents = render_all(event, registry=library.registry,
                           as_of=as_of.date() if as_of else None,
                           previous=load_previous(library, event))
    for path in write_documents(documents, output, pdf=pdf):
        click.echo(f"wrote {path}")
