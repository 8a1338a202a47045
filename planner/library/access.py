"""Who may do what in a library: `access.yaml` maps e-mail addresses and `@domains` to a
role (owner, editor, viewer), for the whole library and per event, with a default.

The file is read by the app when sign-in is configured; without sign-in (the CLI, the app
on one's own machine) nobody is checked: the local user owns their working library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.library import history
from planner.library.writing import locked, write_atomically
from planner.library.yamlfile import YamlSyntaxError, dump_yaml, load_yaml, locate

__all__ = ["ACCESS_FILE", "Access", "AccessDenied", "Actor", "Role", "author_for", "grant",
           "load_access"]

#: The file of a library that says who may do what.
ACCESS_FILE = "access.yaml"


class Role(StrEnum):
    """What a person may do, from most to least."""

    OWNER = "owner"
    EDITOR = "editor"
    VIEWER = "viewer"

    @property
    def can_edit(self) -> bool:
        """Whether this role may save events."""
        return self in (Role.OWNER, Role.EDITOR)


class AccessDenied(PlannerError):
    """A signed-in person asked for something their role does not allow."""


@dataclass(frozen=True)
class Actor:
    """The signed-in person a save is made by."""

    email: str
    name: str = ""

    @property
    def display(self) -> str:
        """The name history shows: the person's name, else their address."""
        return self.name or self.email


Entries = dict[str, Role]


def _matching(entries: Entries, email: str) -> Role | None:
    # An address is more specific than its domain: `amina@unhcr.org: viewer` beats
    # `@unhcr.org: editor`.
    email = email.strip().lower()
    if email in entries:
        return entries[email]
    domain = "@" + email.rpartition("@")[2]
    return entries.get(domain)


@dataclass(frozen=True)
class Access:
    """The roles of a library: its own entries, each event's overrides and the default."""

    people: Entries = field(default_factory=dict)
    events: dict[str, Entries] = field(default_factory=dict)
    default: Role | None = None
    path: Path | None = None

    def role_of(self, email: str, event_id: str | None = None) -> Role | None:
        """The role of `email` for the event (the library's without one); None: unknown.

        The most specific entry wins: the event's address, the event's domain, the
        library's address, the library's domain, then the default.

        Examples
        --------
        >>> access = Access({"@unhcr.org": Role.EDITOR}, {"dakar-2008": {
        ...     "amina@unhcr.org": Role.VIEWER}}, Role.VIEWER)
        >>> access.role_of("Omar@UNHCR.org"), access.role_of("amina@unhcr.org", "dakar-2008")
        (<Role.EDITOR: 'editor'>, <Role.VIEWER: 'viewer'>)
        >>> access.role_of("x@iom.int")
        <Role.VIEWER: 'viewer'>
        """
        found = _matching(self.events.get(event_id, {}), email) if event_id else None
        return found or _matching(self.people, email) or self.default

    def check(self, actor: Actor, event_id: str | None, *, edit: bool = False) -> Role:
        """The actor's role, or refuse when they have none, or, with `edit`, only a viewer's.

        Raises
        ------
        AccessDenied
            One line naming the person, the event and what to do.
        """
        role = self.role_of(actor.email, event_id)
        where = f"'{event_id}'" if event_id else "this library"
        if role is None:
            raise AccessDenied(f"{actor.email} has no access to {where}; ask an owner of "
                               "the library to add you to access.yaml")
        if edit and not role.can_edit:
            raise AccessDenied(f"{actor.email} is a viewer of {where} and cannot save; "
                               "ask an owner for the editor role")
        return role

    def with_role(self, who: str, role: Role, event_id: str | None = None) -> Access:
        """A copy with `who` (an address or `@domain`) given `role`, library-wide or for one
        event."""
        who = _checked_who(who.strip().lower())
        if event_id is None:
            return Access({**self.people, who: role}, self.events, self.default, self.path)
        events = {**self.events, event_id: {**self.events.get(event_id, {}), who: role}}
        return Access(self.people, events, self.default, self.path)

    def to_data_text(self) -> str:
        """The access file's text, as written."""
        return dump_yaml(self.to_data())

    def to_data(self) -> dict[str, Any]:
        """The access file's content, as written."""
        data: dict[str, Any] = {}
        if self.default is not None:
            data["default"] = self.default.value
        data["people"] = {who: role.value for who, role in sorted(self.people.items())}
        if self.events:
            data["events"] = {e: {w: r.value for w, r in sorted(entries.items())}
                              for e, entries in sorted(self.events.items())}
        return data


def _checked_who(who: str) -> str:
    local, at, domain = who.rpartition("@")
    if not at or "." not in domain or " " in who:
        raise PlannerError(f"'{who}' is neither an e-mail address nor a domain such as "
                           "'@unhcr.org'")
    return who if local else f"@{domain}"


_ROLES = ", ".join(role.value for role in Role)


class _Reader:
    # Reads the file's mapping, refusing at the line of the first bad entry.
    def __init__(self, text: str, path: Path) -> None:
        self.text, self.path = text, path

    def fail(self, loc: tuple[str, ...], message: str) -> PlannerError:
        line, column = locate(self.text, loc)
        return PlannerError(f"{self.path}:{line}:{column}: {message}")

    def role(self, value: Any, loc: tuple[str, ...]) -> Role:
        try:
            return Role(value)
        except ValueError:
            raise self.fail(loc, f"{loc[-1]}: '{value}' is not a role (roles: {_ROLES})"
                            ) from None

    def entries(self, value: Any, loc: tuple[str, ...]) -> Entries:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(loc, f"{loc[-1]}: expected 'e-mail or @domain: role' lines")
        found: Entries = {}
        for who, role in value.items():
            try:
                name = _checked_who(str(who).strip().lower())
            except PlannerError as err:
                raise self.fail((*loc, who), str(err)) from None
            found[name] = self.role(role, (*loc, who))
        return found


def _parse(text: str, path: Path) -> Access:
    try:
        data = load_yaml(text)
    except YamlSyntaxError as err:
        raise PlannerError(f"{path}:{err.line}:{err.column}: YAML syntax error: {err}"
                           ) from None
    reader = _Reader(text, path)
    if data is None:
        return Access(path=path)
    if not isinstance(data, dict):
        raise reader.fail((), "access.yaml is a mapping with people, events and default")
    for name in data:
        if name not in ("default", "people", "events"):
            raise reader.fail((name,), f"unknown key '{name}' (keys: default, people, events)")
    default = reader.role(data["default"], ("default",)) if data.get("default") else None
    events_data = data.get("events") or {}
    if not isinstance(events_data, dict):
        raise reader.fail(("events",), "events: expected 'event-id:' followed by its people")
    events = {str(e): reader.entries(v, ("events", e)) for e, v in events_data.items()}
    return Access(reader.entries(data.get("people"), ("people",)), events, default, path)


def load_access(folder: Path) -> Access:
    """The access file of a library folder; a library without one lists nobody.

    Raises
    ------
    PlannerError
        One line, at the file, line and column of the first bad entry.
    """
    path = folder / ACCESS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Access(path=path)
    except (OSError, UnicodeDecodeError) as err:
        raise PlannerError(f"{path}: cannot be read ({err})") from None
    return _parse(text, path)


def grant(folder: Path, who: str, role: Role, event_id: str | None = None, *,
          actor: Actor | None = None) -> Access:
    """Give `who` a role (library-wide, or for one event) and write access.yaml.

    With an `actor`, only an owner of the library may grant roles.

    Raises
    ------
    AccessDenied
        When the actor is not an owner of the library.
    """
    with locked(folder):
        access = load_access(folder)
        if actor is not None and access.role_of(actor.email) is not Role.OWNER:
            raise AccessDenied(f"{actor.email} is not an owner of this library and cannot "
                               "grant roles; ask an owner")
        changed = access.with_role(who, role, event_id)
        write_atomically(folder / ACCESS_FILE, changed.to_data_text())
        where = f" for {event_id}" if event_id else ""
        with history.saving(message=f"{who} made {role.value}{where}",
                            author=author_for(actor)):
            history.record(folder / ACCESS_FILE)
    return changed


def author_for(actor: Actor | None) -> history.Author | None:
    """The author a save by `actor` carries into the history; None: the local user."""
    return None if actor is None else history.Author(actor.display, actor.email)
