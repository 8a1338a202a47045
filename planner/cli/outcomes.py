"""Commands from recommendations to an action plan to follow-up: actionplan, followup."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import lazy_choice
from planner.cli.output import force_option, is_stdout, output_option, write_files, write_output

if TYPE_CHECKING:
    from planner.library import Library
    from planner.outcomes.follow_up import FollowUpReport

__all__: list[str] = []

_DATE = click.DateTime(["%Y-%m-%d"])


@cli.group("actionplan")
def action_plan_group() -> None:
    """Action plans: show one, check what actions cite, draft one, adopt a draft."""


@action_plan_group.command("check")
@click.argument("event_id")
@click.option("--plan", "plan_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check this plan file (a draft) instead of the event's action plan.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@pass_library
@friendly
def check(library: Library, event_id: str, plan_file: Path | None, as_json: bool) -> None:
    """Dangling, doubtful, duplicated or malformed references; uncited recommendations."""
    from planner.outcomes.action_plan import (  # noqa: PLC0415 -- slow import
        check_action_plan,
        check_plan,
        load_action_plan,
    )

    event = library.load(event_id)
    findings = (check_plan(load_action_plan(plan_file, library.registry), event.recommendations)
                if plan_file else check_action_plan(event))
    if as_json:
        echo_json([finding.to_dict() for finding in findings])
    else:
        for finding in findings:
            click.echo(str(finding))
        click.echo(f"{len(findings)} problem(s)" if findings else "ok")
    if findings:
        sys.exit(1)


@action_plan_group.command("draft")
@click.argument("event_id")
@click.option("--scheme", type=lazy_choice("planner.outcomes.schemes:SCHEMES"),
              default="dar-es-salaam",
              show_default=True, help="The areas: six Dar es Salaam areas or the ten points.")
@click.option("--deadline", type=_DATE, help="Due date of every action (default: end + 2 years).")
@pass_library
@friendly
def draft(library: Library, event_id: str, scheme: str, deadline: dt.datetime | None) -> None:
    """Draft an action plan from EVENT's recommendations, written beside the event file."""
    from planner.outcomes.action_plan import (  # noqa: PLC0415 -- slow import
        coverage_table,
        draft_action_plan,
        save_draft,
    )

    event = library.load(event_id)
    plan = draft_action_plan(event, scheme=scheme, deadline=deadline.date() if deadline else None)
    table = coverage_table(plan, event.recommendations)
    for area in table["areas"]:
        click.echo(f"{area['number']:>4} {area['heading'][:48]:<48} "
                   f"{area['actions']:>3} action(s)")
    cited = sum(bool(row["actions"]) for row in table["recommendations"])
    click.echo(f"{cited}/{len(table['recommendations'])} recommendations cited")
    click.echo(f"wrote {save_draft(plan, library.event_path(event.id))}")


def _action_lines(rows: list[dict[str, Any]]) -> list[str]:
    lines, area, sub_theme = [], None, None
    for row in rows:
        if row["area"] != area:
            lines.append(row["area"])
            area, sub_theme = row["area"], None
        if row["sub_theme"] != sub_theme:
            lines.append(f"  {row['sub_theme'] or '-'}")
            sub_theme = row["sub_theme"]
        lines += [f"    {row['key']} {row['text']}",
                  f"      cites: {row['references'] or '-'}; owners: {row['owners'] or '-'}; "
                  f"due: {row['deadline'] or '-'}"]
    return lines


@action_plan_group.command("show")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the actions as JSON.")
@pass_library
@friendly
def show(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's menu of actions by area and sub-theme: text, citations, owners, deadline."""
    from planner.outcomes.adoption import action_rows  # noqa: PLC0415 -- slow import

    plan = library.load(event_id).action_plan
    rows = action_rows(plan) if plan else []
    if as_json:
        echo_json(rows)
    elif plan is None:
        click.echo(f"'{event_id}' has no action plan: `planner actionplan draft` drafts one")
    else:
        click.echo("\n".join([plan.title, *_action_lines(rows)]))


@action_plan_group.command("adopt")
@click.argument("event_id")
@click.argument("plan_file", metavar="FILE",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_library
@friendly
def adopt(library: Library, event_id: str, plan_file: Path) -> None:
    """Make the plan in FILE (a draft, once edited) EVENT's action plan, replacing its own."""
    from planner.outcomes.action_plan import load_action_plan  # noqa: PLC0415 -- slow import
    from planner.outcomes.adoption import (  # noqa: PLC0415 -- slow import
        action_rows,
        adopt_action_plan,
    )

    event = library.load(event_id)
    plan = load_action_plan(plan_file, library.registry)
    saved = library.save(adopt_action_plan(event, plan))
    replaced = "; it replaces the previous plan" if event.action_plan else ""
    click.echo(f"adopted {plan_file.name} as the action plan of {saved.id} "
               f"({len(action_rows(plan))} actions){replaced}")
    click.echo(f"saved {library.event_path(saved.id)}")


@cli.group("followup")
def follow_up_group() -> None:
    """Follow-up: owners, deadlines, progress, updates."""


def _echo_report(report: FollowUpReport) -> None:
    from planner.outcomes.follow_up import CATEGORIES  # noqa: PLC0415 -- slow import

    width = max((len(row.key) for row in report.rows), default=1)
    for row in report.rows:
        owner = row.owner or "-"
        due = row.deadline.isoformat() if row.deadline else "-"
        done = f"{row.progress}%" if row.progress is not None else "-"
        click.echo(f"{row.key:>{width}} {row.category:<11} {done:>4} {due:<10} {owner:<20} "
                   f"{row.text.splitlines()[0][:60]}")
    for title, table in (("by area", report.by_area), ("by owner", report.by_owner)):
        click.echo(f"\n{title}: " + ", ".join(CATEGORIES))
        for name, counts in table.items():
            click.echo(f"  {name[:50]:<50} " + " ".join(f"{counts.get(c, 0):>3}"
                                                         for c in CATEGORIES))
    click.echo(f"\n{len(report.rows)} item(s); " + ", ".join(
        f"{n} {c}" for c, n in report.totals.items()))
    for finding in report.findings:
        click.echo(str(finding))


@follow_up_group.command("status")
@click.argument("event_id")
@click.option("--as-of", type=_DATE, help="The date to assess on (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_library
@friendly
def status(library: Library, event_id: str, as_of: dt.datetime | None, as_json: bool) -> None:
    """Each follow-up item with owner, deadline, status and flags; summaries by area and owner."""
    from planner.outcomes.follow_up import assess_follow_up  # noqa: PLC0415 -- slow import

    report = assess_follow_up(library.load(event_id),
                             as_of=as_of.date() if as_of else dt.date.today())
    if as_json:
        echo_json(report.to_dict())
    else:
        _echo_report(report)


@follow_up_group.command("update")
@click.argument("event_id")
@click.argument("item")
@click.option("--status", "new_status", help="New status: done, planned, in-progress, dropped…")
@click.option("--progress", type=click.IntRange(0, 100), help="Per cent done.")
@click.option("--note", help="What happened (default: the status and progress).")
@click.option("--evidence", help="A link or document reference that shows it.")
@click.option("--on", "on", type=_DATE, help="Date of the update (default: today).")
@pass_library
@friendly
def update(library: Library, *, event_id: str, item: str, new_status: str | None,
           progress: int | None, note: str | None, evidence: str | None,
           on: dt.datetime | None) -> None:
    """Record a dated update (status, progress, evidence) on follow-up ITEM (id or number)."""
    from planner.outcomes.follow_up import record_update  # noqa: PLC0415 -- slow import

    event = record_update(library.load(event_id), item, status=new_status, progress=progress,
                          text=note, evidence=evidence,
                          on=on.date() if on else dt.date.today())
    saved = library.save(event)
    click.echo(f"updated item {item} of {saved.id} (revision {saved.revision})")


def _statuses_beside(output: Path) -> Path:
    return output.with_name(f"{output.stem}-statuses{output.suffix or '.csv'}")


@follow_up_group.command("export")
@click.argument("event_id")
@output_option("The CSV file to write (- for standard output); the statuses to create in "
               "Decidim go beside it, FILE-statuses.csv.")
@force_option
@click.option("--as-of", type=_DATE, help="The date deadlines are judged on (default: today).")
@click.option("--locale", default="en", show_default=True,
              help="The Decidim organisation's default locale (title/LOCALE, "
                   "description/LOCALE).")
@click.option("--statuses", "statuses_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Decidim's ids of the statuses: a CSV with key and status/id columns "
                   "(default: ids 1-6 in the order of FILE-statuses.csv).")
@pass_library
@friendly
def export(library: Library, *, event_id: str, output: Path, force: bool,
           as_of: dt.datetime | None, locale: str, statuses_file: Path | None) -> None:
    """Write the follow-up as a CSV that Decidim Accountability's results import takes."""
    from planner.outcomes.decidim import (  # noqa: PLC0415 -- slow import
        DEFAULT_STATUS_IDS,
        export_accountability,
        export_statuses,
        read_status_map,
        unmapped_statuses,
    )
    from planner.tables import read_upload  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    ids = (read_status_map(read_upload(statuses_file), name=str(statuses_file))
           if statuses_file else None)
    results = export_accountability(event, as_of=as_of.date() if as_of else dt.date.today(),
                                    locale=locale, statuses=ids, registry=library.registry)
    for status in unmapped_statuses(event, DEFAULT_STATUS_IDS if ids is None else ids):
        click.echo(f"warning: no Decidim status for '{status}': its results have no status/id",
                   err=True)
    if is_stdout(output):
        write_output(output, results, library=library, force=force)
        return
    files, statuses = {output: results}, _statuses_beside(output)
    if ids is None:
        files[statuses] = export_statuses(locale=locale)
    write_files(files, library=library, force=force)
    click.echo(f"wrote {len(event.follow_up)} result(s) to {output}")
    if ids is None:
        click.echo(f"wrote the statuses to create in Decidim first to {statuses}; if Decidim "
                   "numbers them otherwise, export again with --statuses")


@follow_up_group.command("track")
@click.argument("event_id")
@pass_library
@friendly
def track(library: Library, event_id: str) -> None:
    """Add a follow-up item for each action of EVENT's action plan not yet tracked."""
    from planner.outcomes.follow_up import track_action_plan  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    tracked = track_action_plan(event)
    saved = library.save(tracked)
    click.echo(f"added {len(tracked.follow_up) - len(event.follow_up)} item(s) to {saved.id}")
