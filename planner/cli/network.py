"""`planner network`: stats, ego, path, bridges, compare, suggest, export of the partner graph."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import Item, LazyOption, lazy_choice
from planner.cli.output import (
    force_option,
    output_option,
    refuse_stdout,
    write_files,
    write_output,
)

if TYPE_CHECKING:
    import networkx as nx

    from planner.library import Library

__all__: list[str] = []

# networkx takes a third of a second to import: every other command would pay
# for it, so the network modules are imported by the commands that use them.
_EDITIONS = "planner.network.vocabulary:EDITIONS"


def _filtered(command: Callable[..., None]) -> Callable[..., None]:
    """Add the filter options and hand the command the filtered graph as `graph`."""
    options = [
        click.option("--edition", "editions", type=int, multiple=True, cls=LazyOption,
                     help="Initiatives of this edition only ({}); drops events.",
                     help_values=[_EDITIONS]),
        click.option("--years", help="Active in these years: 2008-2011, 2010, 2012-."),
        click.option("--level", "levels", multiple=True,
                     type=lazy_choice("planner.model:InitiativeLevel")),
        click.option("--region", "regions", multiple=True,
                     help="Initiatives and events in a region whose name contains this."),
        click.option("--type", "types", multiple=True,
                     type=lazy_choice("planner.model:OrganisationType"),
                     help="Actors of this stakeholder type only."),
        click.option("--role", "roles", multiple=True,
                     type=lazy_choice("planner.network.vocabulary:TIE_ROLES"),
                     help="Ties in this role only."),
        click.option("--partners-only", is_flag=True,
                     help="Leave out beneficiaries, targets, venues and mentions."),
        click.option("--without", multiple=True, help="Take out organisations: UNHCR,IOM."),
        click.option("--layer", "layers", multiple=True,
                     type=click.Choice(["initiative", "event"])),
    ]

    @wraps(command)
    def run(library: Library, *args: Any, **kwargs: Any) -> None:
        from planner import network as partners  # noqa: PLC0415 -- slow import

        names = ("editions", "years", "levels", "regions", "types", "roles",
                 "partners_only", "without", "layers")
        spec = partners.make_filter(library.registry, **{n: kwargs.pop(n) for n in names})
        command(library, *args, graph=partners.library_network(library, spec), **kwargs)

    for option in reversed(options):
        run = option(run)
    return run


def _echo_rows(title: str, rows: list[dict[str, Any]], line: Callable[[dict], str]) -> None:
    click.echo(f"\n{title}")
    for rank, row in enumerate(rows, 1):
        click.echo(f"  {rank:>2}. {line(row)}")


def _echo_summary(summary: dict[str, Any]) -> None:
    # One meaning per word: "ties" are the lines of the graph `export` writes,
    # "partner pairs" those of the organisation–organisation projection.
    nodes, whole, pairs = summary["nodes"], summary["graph"], summary["projection"]
    click.echo(f"{nodes['organisation']} organisations, {nodes['state']} States, "
               f"{nodes['collective']} collectives; {nodes['initiative']} initiatives, "
               f"{nodes['event']} events: {whole['nodes']} nodes, {whole['edges']} ties in "
               f"{whole['components']} connected part(s)")
    click.echo(f"Between organisations and States: {pairs['edges']} partner pairs among "
               f"{pairs['nodes']} actors in {pairs['components']} connected part(s)")
    _echo_rows("By degree (partners, shared ties, initiatives and events):",
               summary["top_degree"], lambda r: f"{r['label']:<28} {r['degree']:>4} "
               f"{r['weighted_degree']:>5} {r['activities']:>4}")
    sample = summary["betweenness_sample"]
    counted = (f"sampled from {sample['sources']} of {sample['actors']} actors, seed "
               f"{sample['seed']}" if sample["sampled"] else f"from all {sample['actors']} actors")
    _echo_rows(f"Connects otherwise separate groups (betweenness, {counted}):",
               summary["top_betweenness"],
               lambda r: f"{r['label']:<28} {r['betweenness']:.3f}")
    _echo_rows("Cut points (who, if removed, cuts whom off):", summary["cut_points"],
               lambda r: f"{r['label']:<28} {', '.join(r['cuts_off_labels'])}")
    _echo_rows("Communities (Louvain):", summary["communities"],
               lambda r: f"{r['size']:>3}: {', '.join(r['labels'])}")
    _echo_rows("Bridging macro-regions:", summary["bridges"], lambda r: f"{r['label']:<28} "
               + ", ".join(f"{k} {v}" for k, v in r["regions"].items()))


@cli.group()
def network() -> None:
    """The partner network of initiatives and events: who works with whom."""


@network.command()
@click.option("--top", type=int, default=10, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of Louvain.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
@_filtered
def stats(library: Library, *, graph: nx.MultiGraph, top: int, seed: int,
          as_json: bool) -> None:
    """Size, degrees, betweenness, communities, cut points and bridges."""
    from planner import network as partners  # noqa: PLC0415 -- slow import

    summary = partners.summarise_network(graph, top=top, seed=seed)
    if as_json:
        echo_json(summary)
    elif graph.number_of_nodes() == 0:
        click.echo("no initiative or event matches these filters")
    else:
        _echo_summary(summary)


@network.command()
@click.argument("organisation")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
@_filtered
def ego(library: Library, organisation: str, *, graph: nx.MultiGraph, as_json: bool) -> None:
    """ORGANISATION's initiatives and events, and its partners with what they share."""
    from planner import network as partners  # noqa: PLC0415 -- slow import

    centre = partners.resolve_organisations([organisation], library.registry)[0]
    ego_data = partners.describe_ego(graph, centre)
    if as_json:
        echo_json(ego_data)
        return
    click.echo(f"{ego_data['label']}: {len(ego_data['activities'])} initiatives and events, "
               f"{len(ego_data['partners'])} partners")
    for partner in ego_data["partners"]:
        shared = "; ".join(v["label"][:50] for v in partner["via"][:3])
        click.echo(f"  {partner['weight']:>3}  {partner['label']:<28} {shared}")


@network.command()
@click.argument("source")
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
@_filtered
def path(library: Library, source: str, target: str, *, graph: nx.MultiGraph,
         as_json: bool) -> None:
    """The shortest chain of partners from SOURCE to TARGET, through what they share."""
    from planner import network as partners  # noqa: PLC0415 -- slow import

    ends = partners.resolve_organisations([source, target], library.registry)
    steps = partners.explain_path(graph, *ends)
    if as_json:
        echo_json(steps)
        return
    for step in steps:
        click.echo(f"{step['from_label']} — {step['to_label']}")
        for via in step["via"]:
            roles = ", ".join(f"{end}: {'/'.join(r)}" for end, r in via["roles"].items())
            click.echo(f"    {via['label']} ({via['edition'] or via['year']}; {roles})")


@network.command()
@click.option("--top", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
@_filtered
def bridges(library: Library, *, graph: nx.MultiGraph, top: int, as_json: bool) -> None:
    """Organisations whose initiatives and events span several macro-regions."""
    from planner import network as partners  # noqa: PLC0415 -- slow import

    rows = partners.find_region_bridges(graph)[:top]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        reach = ", ".join(f"{region} {n}" for region, n in row["regions"].items())
        click.echo(f"{row['label']:<30} {len(row['regions'])} regions: {reach}")


@network.command()
@click.option("--before", type=int, cls=LazyOption, default=Item(_EDITIONS, 0), show_default=True)
@click.option("--after", type=int, cls=LazyOption, default=Item(_EDITIONS, -1), show_default=True)
@click.option("--partners-only", is_flag=True, help="Count partners only.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
def compare(library: Library, before: int, after: int, partners_only: bool,
            as_json: bool) -> None:
    """Organisations only in one edition or in both; ties gained and lost."""
    from planner import network as partners  # noqa: PLC0415 -- slow import

    diff = partners.compare_editions(partners.library_network(library), before=before,
                                     after=after, partners_only=partners_only)
    if as_json:
        echo_json(diff.to_dict())
        return
    for title, ids in ((f"Only in {before}", diff.only_before),
                       (f"Only in {after}", diff.only_after), ("In both", diff.both)):
        click.echo(f"{title} ({len(ids)}): " + ", ".join(diff.labels[i] for i in ids))
    click.echo(f"Ties: {len(diff.ties_lost)} lost, {len(diff.ties_gained)} gained, "
               f"{len(diff.ties_kept)} kept")


@network.command()
@click.argument("event_id")
@click.option("--top", type=int, default=10, show_default=True)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["organisation", "state"]),
              help="Suggest only organisations, or only States.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
@_filtered
def suggest(library: Library, event_id: str, *, graph: nx.MultiGraph, top: int,
            kinds: tuple[str, ...], as_json: bool) -> None:
    """Organisations tied to EVENT's countries, region or themes that it has not invited."""
    from planner import network as partners  # noqa: PLC0415 -- slow import

    tips = partners.suggest_partners(library.load(event_id), graph, library.registry, top=top,
                                     kinds=kinds or ("organisation", "state"))
    if as_json:
        echo_json([tip.to_dict() for tip in tips])
        return
    for tip in tips:
        click.echo(f"{tip.score:>5.1f}  {tip.label} ({tip.kind})")
        for reason in tip.reasons:
            click.echo(f"         {reason}")


@network.command()
@click.option("--format", "fmt", required=True,
              type=lazy_choice("planner.network.vocabulary:EXPORT_FORMATS"))
@output_option("File to write (- for standard output); csv writes FILE-nodes.csv and "
               "FILE-edges.csv.")
@force_option
@click.option("--projection", is_flag=True, help="The organisation–organisation graph.")
@click.option("--ego", "centre", help="Only this organisation's ego network.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the layout.")
@pass_library
@friendly
@_filtered
def export(library: Library, *, graph: nx.MultiGraph, fmt: str, output: Path, force: bool,
           projection: bool, centre: str | None, seed: int) -> None:
    """Write the graph as GEXF, GraphML, Kumu JSON, CSV tables, or an SVG/PNG picture."""
    from planner import network as partners  # noqa: PLC0415 -- slow import
    from planner.network import formats as graphs  # noqa: PLC0415 -- slow import
    from planner.network.picture import draw_network  # noqa: PLC0415 -- slow import
    from planner.network.vocabulary import EXPORT_FORMATS  # noqa: PLC0415 -- slow import

    chosen = EXPORT_FORMATS[fmt]
    if not chosen.text:
        refuse_stdout(output, "csv writes two files" if chosen.writer == "tables"
                      else f"{fmt} is not text")
    if centre:
        graph = partners.ego_network(
            graph, partners.resolve_organisations([centre], library.registry)[0])
    shown = partners.project_organisations(graph) if projection else graph
    if chosen.writer == "tables":
        files = {output.with_name(f"{output.stem}-{part}{output.suffix}"): data
                 for part, data in zip(("nodes", "edges"), graphs.graph_tables(shown),
                                       strict=True)}
        for target in write_files(files, library=library, force=force):
            click.echo(f"wrote {target}")
        return
    data = (draw_network(shown, fmt=fmt, seed=seed) if chosen.writer == "picture"
            else graphs.write_graph(shown, fmt=fmt))
    if written := write_output(output, data, library=library, force=force):
        click.echo(f"wrote {written}")
