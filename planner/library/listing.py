"""The library's table of events, and the memo that lets `planner list` skip the model.

Listing a library means loading and validating every event, and the model alone takes
longer to import than the whole listing may take. Each event's row is a pure function of
its file's bytes, the registry's bytes and the toolkit's code, so the rows are kept in a
small cache keyed on exactly those: while none of them has changed, `planner list`
prints what a full load would print without importing the model; any change (an edited
file, a new organisation, an upgraded toolkit) sends it through the full load again, and
a file that no longer loads fails there as it always did.

This module stays light (no model, no pydantic): the fast path must not import them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.model import Event, Registry

__all__ = ["Facets", "cache_folder", "cached_rows", "facets_of", "file_state", "matches",
           "remember_rows", "summarise_event"]

Row = dict[str, Any]
_FORMAT = 1


@dataclass(frozen=True)
class Facets:
    """What the library's filters look at in an event."""

    kind: str
    region: str
    year: int
    words: str
    points: tuple[int, ...]


def facets_of(event: Event) -> Facets:
    """The filterable facts of an event: its kind, region, year, searchable words (title,
    city, region, themes) and the action points its groups and recommendations carry."""
    points = {p for group in event.working_groups for p in group.action_points}
    points |= {p for item in event.recommendations for p in item.action_points}
    words = " ".join([event.title, event.city, event.region or "", *event.themes]).casefold()
    return Facets(kind=str(event.kind.value), region=event.region or "",
                  year=event.start.year, words=words, points=tuple(sorted(points)))


def matches(facets: Facets, *, kind: str | None = None, region: str | None = None,
            year: int | None = None, action_point: int | None = None,
            text: str | None = None) -> bool:
    """Whether an event passes every filter given (`region` and `text` match
    case-insensitively inside the region, and the title, city, region and themes).

    Examples
    --------
    >>> f = Facets(kind="workshop", region="North Africa", year=2009, words="borders tunis",
    ...            points=(1, 6))
    >>> matches(f, region="africa", year=2009, action_point=6, text="Border")
    True
    >>> matches(f, kind="regional-conference")
    False
    """
    return ((kind is None or facets.kind == kind)
            and (region is None or region.casefold() in facets.region.casefold())
            and (year is None or facets.year == year)
            and (action_point is None or action_point in facets.points)
            and (text is None or text.casefold() in facets.words))


def summarise_event(event: Event, registry: Registry) -> Row:
    """One row of the library table: identity, place, dates and what the record holds."""
    return {
        "id": event.id,
        "kind": event.kind.value,
        "title": event.title,
        "city": event.city,
        "country": registry[event.country].display_name,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "working_groups": len(event.working_groups),
        "recommendations": len(event.recommendations),
        "action_plan": event.action_plan is not None,
        "follow_up": len(event.follow_up),
    }


def cache_folder() -> Path:
    """Where the memo lives: `$PLANNER_CACHE`, else the user's cache folder (never the
    library, which may be read-only or shared)."""
    chosen = os.environ.get("PLANNER_CACHE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "planner"


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache
def _code_version() -> str:
    """The toolkit's code and the libraries whose checks decide a row, by file state:
    an edited module or an upgraded pydantic makes every memo stale."""
    package = Path(__file__).resolve().parents[1]
    parts = [f"{p.relative_to(package)}:{s.st_size}:{s.st_mtime_ns}"
             for p in sorted(package.rglob("*")) if p.suffix in {".py", ".yaml"}
             for s in [p.stat()]]
    for name in ("pydantic", "pydantic_core", "yaml", "email_validator"):
        spec = find_spec(name)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin is not None and origin.exists():
            stat = origin.stat()
            parts.append(f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}")
    return _digest("\n".join(parts).encode())


def file_state(folder: Path) -> dict[str, str] | None:
    """The digest of every YAML file of the library (the registry and access list
    included): what the memo is keyed on. None when a file is a link (left to the full
    load, which knows where links may point) or cannot be read."""
    try:
        paths = sorted(folder.glob("*.yaml"))
        found = {}
        for path in paths:
            if path.is_symlink() or not path.is_file():
                return None
            found[path.name] = _digest(path.read_bytes())
    except OSError:
        return None
    return found


def _memo_path(folder: Path) -> Path:
    return cache_folder() / f"listing-{_digest(str(folder.resolve()).encode())}.json"


def cached_rows(folder: Path, state: dict[str, str] | None = None
                ) -> list[tuple[Row, Facets]] | None:
    """Every event's row and facets, in id order, if the memo holds them for the files as
    they are now (`state`, from `file_state`, taken here unless given); None otherwise (the
    caller loads the library)."""
    state = file_state(folder) if state is None else state
    try:
        memo = json.loads(_memo_path(folder).read_text(encoding="utf-8"))
        if (state is None or memo.get("format") != _FORMAT
                or memo.get("code") != _code_version() or memo.get("files") != state):
            return None
        return [(entry["row"], Facets(**{**entry["facets"],
                                         "points": tuple(entry["facets"]["points"])}))
                for entry in memo["events"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remember_rows(folder: Path, entries: list[tuple[Row, Facets]], *,
                  before: dict[str, str] | None) -> None:
    """Keep the rows of a full load for the next listing, if the files are still as they
    were when the load began (`before`, from `file_state`); a cache that cannot be
    written is only a slower next listing."""
    if not before or file_state(folder) != before:
        return  # a file changed during the load: these rows may be of neither version
    memo = {"format": _FORMAT, "code": _code_version(), "files": before,
            "events": [{"row": row, "facets": asdict(facets)} for row, facets in entries]}
    target = _memo_path(folder)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent,
                                         prefix=".listing-", suffix=".tmp",
                                         delete=False) as out:
            json.dump(memo, out, ensure_ascii=False)
        os.replace(out.name, target)
    except OSError:
        return

