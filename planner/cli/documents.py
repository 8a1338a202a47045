"""Commands that write the Word paperwork of an event: render, render-all.

`render invitations EVENT -o FOLDER` writes a folder: one letter per invitee and all of
them in one document to print; every other kind writes one file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import cli, friendly, pass_library
from planner.cli.lazy import Item, LazyOption, lazy_choice
from planner.cli.output import (
    check_targets,
    force_option,
    output_option,
    refuse_stdout,
    write_files,
)
from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.documents import DocumentOptions
    from planner.library import Library

__all__: list[str] = []


def _write(library: Library, documents: dict[Path, bytes], *, pdf: bool,
           force: bool) -> list[Path]:
    from planner.documents import convert_to_pdf  # noqa: PLC0415 -- slow import

    # The PDFs are targets too: all are checked before the first file is written.
    if pdf:
        check_targets([path.with_suffix(".pdf") for path in documents], library=library,
                      force=force)
    written = write_files(documents, library=library, force=force)
    return written + (convert_to_pdf(written) if pdf else [])


_AS_OF = click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
                      help="Follow-up: assess progress on this date; invitations: date the "
                           "letters (default: today).")
_EMPTY = click.option("--empty", cls=LazyOption, type=lazy_choice("planner.documents:EMPTY"),
                      default=Item("planner.documents:EMPTY", 0), show_default=True,
                      help="A section the record leaves empty: print the placeholder, or "
                           "leave it out.")


_LANGUAGE = click.option("--language", cls=LazyOption,
                         type=lazy_choice("planner.language:LANGUAGES"), default="en",
                         show_default=True,
                         help="Write the document in this UN language (ar, zh, en, fr, ru, es).")


_BILINGUAL = click.option(
    "--bilingual", type=click.Choice(["columns", "sequence", "none"]), is_flag=False,
    flag_value="columns", default=None,
    help="Concept note and programme in the event's first two working languages: side by "
         "side (columns, the default of a bare --bilingual) or one after the other "
         "(sequence); none: one language. Default: as the event's 'bilingual' says.")


def _folder(output: Path) -> None:
    refuse_stdout(output, "this writes a folder of documents")
    if output.exists() and not output.is_dir():
        raise PlannerError(f"{output}: is a file; give the folder to write into")


@cli.command()
@click.argument("kind", type=lazy_choice("planner.documents:KINDS"))
@click.argument("event_id")
@output_option("The .docx file to write (invitations: the folder).")
@force_option
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own .docx template (checked first).")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside it (needs LibreOffice).")
@click.option("--public", is_flag=True,
              help="Participant list without contact details; working groups naming only "
              "who consented to be listed.")
@click.option("--group", help="Working groups: render this group's agenda alone.")
@_AS_OF
@_EMPTY
@_LANGUAGE
@_BILINGUAL
@pass_library
@friendly
def render(library: Library, *, kind: str, event_id: str, output: Path, force: bool,
           template: Path | None, pdf: bool, public: bool, group: str | None,
           as_of: dt.datetime | None, empty: str, language: str,
           bilingual: str | None) -> None:
    """Write one document of EVENT as Word (KIND: concept-note, programme, …; invitations
    writes a folder of letters and one document of them all to print)."""
    from planner.documents import (  # noqa: PLC0415 -- slow import
        build_context,
        check_template,
        render_document,
        render_invitations,
    )
    from planner.outcomes.progress import load_previous  # noqa: PLC0415 -- slow import

    event, day = library.load(event_id), as_of.date() if as_of else None
    if kind == "invitations":
        _folder(output)
    else:
        refuse_stdout(output, "a Word document is not text")
    options: DocumentOptions = {"public": public, "group": group, "as_of": day,
                                "previous": load_previous(library, event), "empty": empty,
                                "language": language}
    registry = library.registry
    if template is not None:
        context = build_context(kind, event, registry=registry, **options)
        used = check_template(template, context, name=template.name)
        click.echo(f"{template.name} uses: {', '.join(used) or 'no variables'}")
    if kind == "invitations":
        if public or group or bilingual not in (None, "none"):
            raise PlannerError("--public, --group and --bilingual do not apply to invitations")
        letters = render_invitations(event, registry=registry, template=template, as_of=day,
                                     empty=empty, language=language)
        files = {output / name: data for name, data in letters.items()}
    else:
        files = {output: render_document(kind, event, registry=registry, template=template,
                                         bilingual=bilingual, **options)}
    for path in _write(library, files, pdf=pdf, force=force):
        click.echo(f"wrote {path}")


@cli.command("render-all")
@click.argument("event_id")
@output_option("The folder to write into (created if need be).", metavar="FOLDER")
@force_option
@click.option("--pdf", is_flag=True, help="Also write PDFs (needs LibreOffice).")
@_AS_OF
@_EMPTY
@_LANGUAGE
@pass_library
@friendly
def render_everything(library: Library, *, event_id: str, output: Path, force: bool, pdf: bool,
                      as_of: dt.datetime | None, empty: str, language: str) -> None:
    """Write every document of EVENT, one working-group agenda per group included."""
    from planner.documents import render_all  # noqa: PLC0415 -- slow import
    from planner.outcomes.progress import load_previous  # noqa: PLC0415 -- slow import

    _folder(output)
    event = library.load(event_id)
    documents = render_all(event, registry=library.registry,
                           as_of=as_of.date() if as_of else None,
                           previous=load_previous(library, event), empty=empty,
                           language=language)
    files = {output / Path(name).name: data for name, data in documents.items()}
    for path in _write(library, files, pdf=pdf, force=force):
        click.echo(f"wrote {path}")
