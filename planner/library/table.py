"""The table of a library's events as `planner list` prints it: from the memo of
`planner.library.listing` while no file has changed, else from a full load."""

from __future__ import annotations

from pathlib import Path

from planner.library.listing import (
    Row,
    cached_rows,
    facets_of,
    file_state,
    matches,
    remember_rows,
    summarise_event,
)

__all__ = ["library_table"]


def library_table(folder: Path, *, kind: str | None = None, region: str | None = None,
                  year: int | None = None, action_point: int | None = None,
                  text: str | None = None) -> list[Row]:
    """The rows of the events of the library at `folder` that pass the filters (see
    `matches`), in id order: from the memo while the files are unchanged, else from a
    full load and validation (which raises as loading does), remembered for next time."""
    before = file_state(folder)  # read once: to look the memo up, and to keep it
    entries = cached_rows(folder, before)
    if entries is None:
        from planner.library.folder import Library  # noqa: PLC0415 -- the model: slow

        library = Library(folder)
        entries = [(summarise_event(event, library.registry), facets_of(event))
                   for event in library.events()]
        remember_rows(folder, entries, before=before)
    return [row for row, facets in entries
            if matches(facets, kind=kind, region=region, year=year,
                       action_point=action_point, text=text)]
