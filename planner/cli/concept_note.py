"""`planner concept-note [show] EVENT` and `planner concept-note read EVENT FILE.docx`: the
concept note as the record holds it, and the note back from Word read into the record.

`show` is the group's default command, so `concept-note EVENT` reads as it always did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.documents.readback import Finding, Report
    from planner.documents.revisions import Suggestion
    from planner.library import Library

__all__: list[str] = []

#: Words of unchanged text kept on each side of a change in the printed diff.
_CONTEXT_WORDS = 6


class _ShowByDefault(click.Group):
    """A group whose first argument, when it names no subcommand, is the event to show."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@cli.group("concept-note", cls=_ShowByDefault)
def concept_note() -> None:
    """The concept note: `show EVENT` (the default: `concept-note EVENT`) prints its
    sections and the parts the record writes; `read EVENT FILE.docx` reads back the note
    edited in Word."""


# How the paragraph styles of a document context read as plain text.
_INDENT = {"bullet": "  - ", "bullet2": "      - "}


def _record_section_lines(section: dict[str, str]) -> list[str]:
    items = section["items"].splitlines()
    return [f"## {section['heading']}  [{section['key']}]", *section["text"].rstrip().splitlines(),
            *(f"  {n}. {item}" for n, item in enumerate(items, 1)), ""]


def _part_lines(part: dict[str, Any]) -> list[str]:
    return [f"## {part['part']}  (from {part['source']})",
            *(_INDENT.get(line["style"], "") + line["text"] for line in part["lines"]), ""]


@concept_note.command("show")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the sections and parts as JSON.")
@pass_library
@friendly
def show(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's concept note: each section as written, then the parts written from the record.

    The sections are edited in the event file's `concept_note` (or on the app's Concept
    note page); the generated parts change with the record they come from.
    """
    from planner.documents.concept_note import generated_parts  # noqa: PLC0415 -- slow import
    from planner.event.concept_note import concept_note_form  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    sections, parts = concept_note_form(event), generated_parts(event, library.registry)
    if as_json:
        echo_json({"sections": sections, "generated": parts})
        return
    lines = [line for section in sections for line in _record_section_lines(section)]
    click.echo("\n".join(lines or [f"no concept note sections in '{event_id}'", ""]))
    click.echo("# Written from the record (edit the record, not these)\n")
    click.echo("\n".join(line for part in parts for line in _part_lines(part)).rstrip())


def _diff_text(diff: list[tuple[str, str]]) -> str:
    from planner.documents.readback import shortened  # noqa: PLC0415 -- slow import

    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in shortened(diff, _CONTEXT_WORDS))


def _section_lines(finding: Finding) -> list[str]:
    lines = [f"{finding.status:<9} {finding.key}: {finding.heading}"]
    if finding.status != "removed":
        lines.append(f"          {_diff_text(finding.diff)}")
    return lines


def _suggestion(number: int, s: Suggestion) -> str:
    return (f"  {number}. {s.kind} by {s.author or 'someone'}, {s.date or 'undated'}, in "
            f"{s.section or 'the document'}: \"{s.text}\"")


def report_lines(report: Report, name: str, *, numbers: list[int] | None = None,
                 rejected: list[tuple[int, Suggestion]] | None = None) -> list[str]:
    """The read-back as an organiser reads it on the terminal; suggestions keep the
    `numbers` they have in the file as sent (for `--reject`), the `rejected` ones listed
    apart."""
    by = f"edited by {report.author}; " if report.author else ""
    lines = [f"{name}: the concept note of {report.event} ({by}matched by {report.matched_by})"]
    for finding in report.changed:
        lines += _section_lines(finding)
    unchanged = len(report.sections) - len(report.changed)
    lines.append(f"unchanged: {unchanged} section(s)")
    edited = [part for part in report.parts if part.status != "unchanged"]
    if edited:
        lines.append("Written by the record, not taken:")
        lines += [f"  {part.message}" for part in edited]
    if report.suggestions:
        lines.append("Suggestions (tracked changes, taken with their section unless "
                     "rejected with --reject N):")
        lines += [_suggestion(n, s) for n, s in zip(
            numbers or range(1, len(report.suggestions) + 1), report.suggestions, strict=True)]
    if rejected:
        lines.append("Rejected (undone before the sections were read):")
        lines += [_suggestion(n, s) for n, s in rejected]
    if report.comments:
        lines.append("Comments:")
        lines += [f"  {c.author or 'someone'}, {c.date or 'undated'}, on \"{c.paragraph[:60]}\" "
                  f"({c.section or 'the document'}): {c.text}" for c in report.comments]
    if not report.has_changes:
        lines.append("nothing changed: the document reads as the record")
    return lines


def _report_data(report: Report, taken: list[str] | None) -> dict[str, Any]:
    return report.to_dict() | ({"accepted": taken} if taken is not None else {})


@concept_note.command("read")
@click.argument("event_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--accept", "accepted", multiple=True, metavar="all|SECTION",
              help="Take these sections (keys, repeatable) or all changed ones from the "
                   "document into the record, in one save.")
@click.option("--reject", "rejected", multiple=True, type=click.IntRange(min=1), metavar="N",
              help="Undo suggestion N (a tracked change, numbered as listed) before the "
                   "sections are read; repeatable.")
@click.option("--dry-run", is_flag=True, help="With --accept: show what would be taken; "
                                              "save nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the read-back as JSON.")
@pass_library
@friendly
def read(library: Library, event_id: str, file: Path, *, accepted: tuple[str, ...],
         rejected: tuple[int, ...], dry_run: bool, as_json: bool) -> None:
    """Read back EVENT's concept note edited in Word (FILE.docx): per section unchanged,
    changed (word by word), added or removed; the parts the record writes compared, never
    taken; tracked changes and comments listed. Nothing is saved without --accept."""
    from planner.documents.readback import accept, read_back  # noqa: PLC0415 -- slow import
    from planner.documents.revisions import reject  # noqa: PLC0415 -- slow import
    from planner.library.history import saving  # noqa: PLC0415 -- slow import

    record = library.load(event_id)
    data = file.read_bytes()
    report = read_back(record, data, registry=library.registry, name=file.name)
    numbers = [n for n in range(1, len(report.suggestions) + 1) if n not in rejected]
    turned_down = []
    if rejected:
        try:
            data = reject(data, rejected)
        except ValueError as err:
            raise PlannerError(f"{file.name}: {err}") from None
        turned_down = [(n, report.suggestions[n - 1]) for n in sorted(set(rejected))]
        report = read_back(record, data, registry=library.registry, name=file.name)
    taken = None
    if accepted:
        revised = accept(record, report, accepted)
        taken = [f.key or "" for f in report.changed if "all" in accepted or f.key in accepted]
    if as_json:
        echo_json(_report_data(report, taken))
    else:
        click.echo("\n".join(report_lines(report, file.name, numbers=numbers,
                                          rejected=turned_down)))
    if taken is None:
        return
    if dry_run:
        click.echo(f"would take section(s) {', '.join(taken)} into {event_id} "
                   "(dry run: nothing saved)", err=as_json)
        return
    who = f" ({report.author})" if report.author else ""
    undone = f"; rejected suggestion(s) {', '.join(str(n) for n, _ in turned_down)}" \
        if turned_down else ""
    with saving(message=f"Concept note read back from {file.name}{who}: took "
                        f"{', '.join(taken)}{undone}"):
        saved = library.save(revised)
    click.echo(f"took section(s) {', '.join(taken)} from {file.name} into {saved.id}",
               err=as_json)
