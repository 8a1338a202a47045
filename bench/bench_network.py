"""Benchmarks of the partner network: build it from the library files and analyse it."""

from __future__ import annotations

from typing import Any

from planner.library import Library
from planner.network import build_network, summarise_network
from planner.network.build import forget_analyses


def stats_from_disk() -> dict[str, Any]:
    """`planner network stats`: load the library, build the graph, every measure, communities."""
    forget_analyses()
    library = Library.open()
    graph = build_network(library.events(), library.initiatives, library.registry)
    return summarise_network(graph)


def _loaded() -> tuple[list[Any], list[Any], Any]:
    library = Library.open()
    return list(library.events()), library.initiatives, library.registry


_RECORDS = _loaded()


def stats_from_records() -> dict[str, Any]:
    """Build and analyse from records already loaded (an app rerun after an edit)."""
    forget_analyses()
    return summarise_network(build_network(*_RECORDS))


TARGETS = [
    ("network: load, build and stats incl. communities", stats_from_disk, 1000.0),
    ("network: build and stats from loaded records", stats_from_records, 500.0),
]
