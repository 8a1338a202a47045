"""The partner network of a library folder, built once per content of its files."""

from __future__ import annotations

import hashlib

import networkx as nx

from planner.library import INITIATIVES_FILE, REGISTRY_FILE, Library
from planner.network.build import build_network
from planner.network.filters import NetworkFilter, filter_network

__all__ = ["library_fingerprint", "library_network"]

_BUILT: dict[tuple[str, str], nx.MultiGraph] = {}


def library_fingerprint(library: Library) -> str:
    """A hash of the registry, the initiatives and every event file of a library.

    Examples
    --------
    >>> len(library_fingerprint(Library.open()))
    64
    """
    digest = hashlib.sha256()
    names = [REGISTRY_FILE, INITIATIVES_FILE, *(f"{i}.yaml" for i in library.event_ids())]
    for name in names:
        path = library.path / name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def library_network(library: Library, spec: NetworkFilter | None = None) -> nx.MultiGraph:
    """The partner graph of a library's initiatives and events, filtered by `spec`.

    The graph is built once per content of the files (hashed), so the app can
    ask again on every rerun; an edited file is seen at once.

    Examples
    --------
    >>> graph = library_network(Library.open(), NetworkFilter(layers=("event",)))
    >>> graph.nodes["event:dakar-2008"]["kind"]
    'event'
    """
    key = (str(library.path.resolve()), library_fingerprint(library))
    if key not in _BUILT:
        _BUILT.clear()  # one library at a time is what the app and the CLI use
        _BUILT[key] = build_network(library.events(), library.initiatives, library.registry)
    return filter_network(_BUILT[key], spec or NetworkFilter())
