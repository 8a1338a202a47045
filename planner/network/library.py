"""The partner network of a library folder, built once per content of its files."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import networkx as nx

from planner.library import INITIATIVES_FILE, REGISTRY_FILE, Library
from planner.model import Event
from planner.network.build import build_network
from planner.network.filters import NetworkFilter, filter_network

__all__ = ["library_fingerprint", "library_network"]

_BUILT: dict[tuple[object, ...], tuple[object, nx.MultiGraph]] = {}


def library_fingerprint(library: Library, *, events: bool = True) -> str:
    """A hash of the registry, the initiatives and (with `events`) every event file of a
    library.

    Examples
    --------
    >>> len(library_fingerprint(Library.open()))
    64
    """
    digest = hashlib.sha256()
    names = [REGISTRY_FILE, INITIATIVES_FILE,
             *(f"{i}.yaml" for i in (library.event_ids() if events else []))]
    for name in names:
        path = library.path / name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def library_network(library: Library, spec: NetworkFilter | None = None, *,
                    events: Sequence[Event] | None = None) -> nx.MultiGraph:
    """The partner graph of a library's initiatives and events, filtered by `spec`.

    The graph is built once per content of the files (hashed), so the app can
    ask again on every rerun; an edited file is seen at once. The app passes the
    `events` it holds (one object per state of each file): the graph is then built once
    per set of those objects, and nothing is read again.

    Examples
    --------
    >>> graph = library_network(Library.open(), NetworkFilter(layers=("event",)))
    >>> graph.nodes["event:dakar-2008"]["kind"]
    'event'
    """
    path = str(library.path.resolve())
    if events is None:
        key: tuple[object, ...] = (path, library_fingerprint(library))
    else:  # the objects are kept with the graph, so that no id is reused while it is cached
        key = (path, library_fingerprint(library, events=False), *map(id, events))
    if key not in _BUILT:
        _BUILT.clear()  # one library at a time is what the app and the CLI use
        chosen = list(library.events()) if events is None else list(events)
        _BUILT[key] = (chosen, build_network(chosen, library.initiatives, library.registry))
    return filter_network(_BUILT[key][1], spec or NetworkFilter())
