"""Working groups as people name them in a registration form: by id, by number (`WG 3`), by
full title (commas and all) or by a part of the title that only one group has."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planner.model import WorkingGroup, normalise_name

__all__ = ["GroupFinder"]

_NUMBERED = re.compile(r"^(?:(?:wg|working group|group|groupe|grupo|gt|g)\s*)?(\d{1,2})"
                       r"(?:\s+(.*))?$")
_PARTS = re.compile(r"\s*(?:;|\n|\r|\|)\s*")
_STOP = frozenset({"and", "of", "the", "for", "on", "in", "to", "a", "de", "la", "et", "des",
                   "y", "el"})


class GroupFinder:
    """Reads a cell of working-group names into group ids.

    Examples
    --------
    >>> groups = [WorkingGroup(id="entry", title="Entry, reception and registration",
    ...                        sources=["editor"]),
    ...           WorkingGroup(id="return", title="Return", sources=["editor"])]
    >>> finder = GroupFinder(groups)
    >>> finder.read("Entry, reception and registration, Return")
    (['entry', 'return'], [])
    >>> finder.read("WG 2; reception")
    (['return', 'entry'], [])
    >>> finder.read("border control")
    ([], ['border control'])
    """

    def __init__(self, groups: Sequence[WorkingGroup]) -> None:
        self.groups = list(groups)
        self.exact: dict[str, str] = {}
        for group in self.groups:
            for name in (group.id, group.title):
                self.exact.setdefault(normalise_name(name), group.id)
        self.words = {g.id: set(normalise_name(g.title).split()) - _STOP for g in self.groups}

    def known(self) -> str:
        """The groups as a person could write them, for a message."""
        return ", ".join(f"{g.id} (WG {n})" for n, g in enumerate(self.groups, start=1)) \
            or "none yet"

    def one(self, text: str) -> str | None:
        """The group a piece of text names, or None."""
        key = normalise_name(text)
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        numbered = _NUMBERED.match(key)
        if numbered:
            number, rest = int(numbered.group(1)), numbered.group(2)
            by_id = [g.id for g in self.groups if re.search(rf"(?:^|\D){number}$", g.id)]
            if rest:  # `WG 3: Reception` names a group; `2 3` names two
                return None if rest.isdigit() else self.one(rest)
            if len(by_id) == 1:
                return by_id[0]
            if 1 <= number <= len(self.groups):
                return self.groups[number - 1].id
            return None
        words = set(key.split()) - _STOP
        if not words or len(key) < 4:
            return None
        holders = [gid for gid, title in self.words.items() if words <= title]
        if len(holders) == 1:
            return holders[0]
        inside = [g.id for g in self.groups if f" {key} " in f" {normalise_name(g.title)} "]
        return inside[0] if len(inside) == 1 else None

    def read(self, text: str) -> tuple[list[str], list[str]]:
        """The group ids a cell names, in its order, and the parts no group answers to.

        Parts are separated by `;`, new lines or `|`; within a part, commas separate
        groups unless they belong to a title (the longest run of pieces that names a
        group wins).
        """
        found: list[str] = []
        unknown: list[str] = []
        for part in filter(None, _PARTS.split(text.strip())):
            whole = self.one(part)
            if whole is not None:
                found.append(whole)
                continue
            pieces = [p.strip() for p in re.split(r"[,/]", part) if p.strip()]
            start = 0
            while start < len(pieces):
                for end in range(len(pieces), start, -1):
                    group = self.one(", ".join(pieces[start:end]))
                    if group is not None:
                        found.append(group)
                        start = end
                        break
                else:
                    unknown.append(pieces[start])
                    start += 1
        return list(dict.fromkeys(found)), unknown
