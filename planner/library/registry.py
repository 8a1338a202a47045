"""Editing the organisation registry: a new organisation or State body, and two entries that
are one body merged, every reference in the library's events following the one kept."""

from __future__ import annotations

from collections.abc import Iterable

from planner.errors import PlannerError
from planner.library.access import Actor
from planner.library.folder import REGISTRY_FILE, Library
from planner.library.store import dump_registry, load_registry
from planner.library.writing import write_atomically
from planner.model import Event, Organisation, OrganisationType, Registry

__all__ = ["add_organisation", "merge_organisations", "new_organisation"]


def new_organisation(registry: Registry, *, org_id: str, name: str, type: str,
                     country: str | None = None, acronym: str | None = None,
                     aliases: Iterable[str] = ()) -> Organisation:
    """A registry entry checked against `registry`: a free id, a known type, and a country
    that is a State of the registry (a government body's State is its `parent`).

    Examples
    --------
    >>> from planner.library import Library
    >>> org = new_organisation(Library.open().registry, org_id="kenya-rcs",
    ...                        name="Refugee Affairs Secretariat", type="government-body",
    ...                        country="kenya", acronym="RAS")
    >>> org.parent, org.display_name
    ('kenya', 'RAS')
    """
    if org_id in registry:
        raise PlannerError(f"the registry already has '{org_id}' ({registry[org_id].name})")
    types = [t.value for t in OrganisationType]
    if type not in types:
        raise PlannerError(f"unknown organisation type '{type}' (choose from "
                           f"{', '.join(types)})")
    if country is not None and country not in registry:
        raise PlannerError(registry.unknown_message(country))
    try:
        return Organisation(id=org_id, name=name, type=OrganisationType(type),
                            acronym=acronym or None,
                            parent=country, aliases=list(aliases))
    except ValueError as err:
        raise PlannerError(f"organisation '{org_id}': {err}".splitlines()[0]) from None


def add_organisation(library: Library, organisation: Organisation, *,
                     actor: Actor | None = None) -> Registry:
    """Add `organisation` at the end of the library's registry file; the registry after it.

    With an `actor` (the signed-in person), only an editor or owner of the whole library
    may (`AccessDenied` otherwise): the registry serves every event.
    """
    if actor is not None:
        library.access().check(actor, None, edit=True)
    return library.add_organisations([organisation])


def _renamed(event: Event, drop: str, keep: str) -> Event:
    # Validating the record again with `renamed` rewrites every organisation field.
    data = event.model_dump(exclude_unset=True)
    return Event.model_validate(data, context={"renamed": {drop: keep}})


def merge_organisations(library: Library, *, keep: str, drop: str,
                        actor: Actor | None = None) -> list[str]:
    """Merge registry entry `drop` into `keep` (one body, two entries): every event of the
    library that names `drop` is saved naming `keep`, entries whose parent is `drop` follow,
    and `drop`'s names become aliases of `keep`. Returns the ids of the events changed.

    Raises
    ------
    PlannerError
        When either id is not an entry of the registry file, they are the same or of two
        types, or the library's cooperation initiatives name `drop` (merge those by hand).
    AccessDenied
        With an `actor` who is not an editor or owner of the whole library.
    """
    if actor is not None:
        library.access().check(actor, None, edit=True)
    path = library.path / REGISTRY_FILE
    entries = {org.id: org for org in load_registry(path)}
    for org_id in (keep, drop):
        if org_id not in entries:
            raise PlannerError(f"'{org_id}' is not an entry of {path}"
                               + ("" if org_id not in library.registry else
                                  " (States the file lacks come from ISO 3166 and are kept)"))
    if keep == drop:
        raise PlannerError(f"'{keep}' cannot be merged into itself")
    if entries[keep].type != entries[drop].type:
        raise PlannerError(f"'{drop}' is a {entries[drop].type.value} and '{keep}' a "
                           f"{entries[keep].type.value}: only entries of one type are one body")
    named = [i.id for i in library.initiatives if f'"{drop}"' in i.model_dump_json()]
    if named:
        raise PlannerError(f"'{drop}' is named by {len(named)} cooperation initiative(s) "
                           f"({', '.join(named[:3])}); merge them in initiatives.yaml first")
    changed = []
    for event in library.events():
        renamed = _renamed(event, drop, keep)
        if renamed != event:
            library.save(renamed, actor=actor)
            changed.append(event.id)
    gone = entries.pop(drop)
    kept = entries[keep]
    aliases = [n for n in dict.fromkeys([*kept.aliases, *gone.names()]) if n not in
               (gone.id, kept.name, kept.short_name, kept.acronym)]
    entries[keep] = kept.model_copy(update={"aliases": aliases})
    for org_id, org in entries.items():
        if org.parent == drop:
            entries[org_id] = org.model_copy(update={"parent": keep})
    write_atomically(path, dump_registry(Registry(entries.values())))
    library.__dict__.pop("registry", None)
    return changed
