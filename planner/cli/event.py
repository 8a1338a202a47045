"""The `concept-note` command: the concept note's sections and the parts the record writes."""

from __future__ import annotations

from typing import Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.documents.concept_note import generated_parts
from planner.event.concept_note import concept_note_form
from planner.library import Library

__all__: list[str] = []

# How the paragraph styles of a document context read as plain text.
_INDENT = {"bullet": "  - ", "bullet2": "      - "}


def _section_lines(section: dict[str, str]) -> list[str]:
    items = section["items"].splitlines()
    return [f"## {section['heading']}  [{section['key']}]", *section["text"].rstrip().splitlines(),
            *(f"  {n}. {item}" for n, item in enumerate(items, 1)), ""]


def _part_lines(part: dict[str, Any]) -> list[str]:
    return [f"## {part['part']}  (from {part['source']})",
            *(_INDENT.get(line["style"], "") + line["text"] for line in part["lines"]), ""]


@cli.command("concept-note")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the sections and parts as JSON.")
@pass_library
@friendly
def concept_note(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's concept note: each section as written, then the parts written from the record.

    The sections are edited in the event file's `concept_note` (or on the app's Concept
    note page); the generated parts change with the record they come from.
    """
    event = library.load(event_id)
    sections, parts = concept_note_form(event), generated_parts(event, library.registry)
    if as_json:
        echo_json({"sections": sections, "generated": parts})
        return
    lines = [line for section in sections for line in _section_lines(section)]
    click.echo("\n".join(lines or [f"no concept note sections in '{event_id}'", ""]))
    click.echo("# Written from the record (edit the record, not these)\n")
    click.echo("\n".join(line for part in parts for line in _part_lines(part)).rstrip())
