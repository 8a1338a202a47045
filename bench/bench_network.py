"""Benchmarks of the partner network: build it from the library files and analyse it, for
the shipped library and for the library with a 10,000-person event, first and cached."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.network import build_network, library_network, summarise_network
from planner.network.build import forget_analyses


def stats_from_disk() -> dict[str, Any]:
    """`planner network stats`: load the library, build the graph, every measure, communities."""
    forget_analyses()
    library = Library.open()
    graph = build_network(library.events(), library.initiatives, library.registry)
    return summarise_network(graph)


def _loaded(library: Library) -> tuple[list[Any], list[Any], Any]:
    return list(library.events()), library.initiatives, library.registry


_RECORDS = _loaded(Library.open())


def stats_from_records() -> dict[str, Any]:
    """Build and analyse from records already loaded (an app rerun after an edit)."""
    forget_analyses()
    return summarise_network(build_network(*_RECORDS))


@cache
def _large_library() -> Library:
    """A copy of the shipped library with a synthetic 10,000-person conference saved in it:
    its delegations and agencies tie hundreds of actors to one another at once."""
    target = Path(tempfile.mkdtemp(prefix="bench-network-")) / "events"
    shutil.copytree(Library.open().path, target)
    library = Library.open(target)
    library.create(make_synthetic_event(participants=10_000, groups=12,
                                        registry=library.registry))
    return library


@cache
def _large_records() -> tuple[list[Any], list[Any], Any]:
    return _loaded(_large_library())


def large_from_records() -> dict[str, Any]:
    """Build and analyse the library with a 10,000-person event, from its loaded records."""
    forget_analyses()
    return summarise_network(build_network(*_large_records()))


def large_cached() -> dict[str, Any]:
    """The same on a rerun with nothing changed: the files hashed, graph and summary found."""
    return summarise_network(library_network(Library.open(_large_library().path)))


TARGETS = [
    ("network: load, build and stats incl. communities", stats_from_disk, 1000.0),
    ("network: build and stats from loaded records", stats_from_records, 500.0),
    ("network: build + stats, library + a 10,000-person event", large_from_records, 1000.0),
    ("network: cached rerun, library + a 10,000-person event", large_cached, 50.0),
]
